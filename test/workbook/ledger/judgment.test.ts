/**
 * 工单研判 through the workbook (spec I): decisions typed in the template's sheet, a ledger imported, then
 * 全部计算. Expected counts and texts are worked out by hand from section I.
 */
import { arrayRows } from "../../../src/ledger";
import { computeAll, importLedger } from "../../../src/workbook";
import { SHEET } from "../../../src/workbook/contract";
import type { ExcelJsWorkbookPort } from "../../../src/workbook/adapters/exceljs";
import type { CellValue } from "../../../src/workbook/port";
import { LEDGER_SHEET, PROBLEM_LABEL } from "../../../src/workbook/ledger";
import { resultTable } from "../helpers";
import { HEADER, hotlineRows, order, ownedTable, templatePort } from "./helpers";

const NOW = new Date(2022, 0, 5, 9, 30, 0);
const HB = "汉滨区政府";

const LEDGER = [
  order("AK001", "汉滨区", "2021-03-01 09:00:00", "", "", "是", "否", ""),
  order("AK002", "汉滨区", "2021-03-02 09:00:00", "", "", "是", "否", ""),
  order("AK003", "汉滨区", "2021-03-03 09:00:00", "2021-03-10 18:00:00", "2021-03-05 10:00:00", "否", "否", "不满意"),
  order("AK004", "汉滨区", "2021-03-04 09:00:00", "2021-03-10 18:00:00", "2021-03-05 10:00:00", "否", "否", "不满意"),
  order("AK005", "汉滨区", "2021-03-05 09:00:00", "2021-03-10 18:00:00", "2021-03-06 10:00:00", "否", "否", "满意"),
  order("AK006", "汉滨区", "2021-03-06 09:00:00", "2021-03-10 18:00:00", "2021-03-12 10:00:00", "否", "否", "满意"),
];
// Before judgment: 工单总量 6, 退单数 2 (AK001, AK002), 应办结数 4, 按期办结数 3 (AK006 late), 有效回访数 4, 满意数 2.

/** 工单研判 rows (工单编号, 承办单位, 研判事项, 更正为, 结论, 提出日期, 决定日期) from the template's first data row. */
async function typeDecisions(port: ExcelJsWorkbookPort, rows: CellValue[][]): Promise<void> {
  await port.apply([{ kind: "values", sheet: SHEET.judgment, row: 2, col: 0, values: rows }]);
}

async function importAndCompute(port: ExcelJsWorkbookPort) {
  const result = await importLedger(port, arrayRows([HEADER, ...LEDGER]), { period: "2021", now: NOW });
  expect(result.status).toBe("ok");
  return { result, computed: await computeAll(port, { now: NOW }) };
}

describe("工单研判 in the workbook: import, 全部计算, 扣分说明", () => {
  const decisions: CellValue[][] = [
    // Ids as a user types them: padded, full-width.
    [" AK003 ", "汉滨区", "不合理诉求", null, "成立", "2021-04-01", "2021-04-05"],
    ["ＡＫ００４", null, "不合理", null, "成立", "2021-04-01", "2021-04-05"],
    ["AK001", HB, "退单合理", null, "成立", "2021-04-01", "2021-04-05"],
    ["AK006", null, "超期免责", null, "待定", "2021-04-01", null],
    ["AK005", HB, "乱写的事项", null, "成立", "2021-04-01", "2021-04-05"],
  ];

  it("fills 热线数据 with ledger ⊕ decisions, lists each problem at its cell, and 扣分说明 names what judgment changed", async () => {
    const port = await templatePort();
    await typeDecisions(port, decisions);
    const { result, computed } = await importAndCompute(port);
    const hb = (await hotlineRows(port)).get(HB)!;
    expect(hb).toMatchObject({ 工单总量: 6, 应办结数: 4, 按期办结数: 3, 退单数: 1, 有效回访数: 2, 满意数: 2 });

    const problems = (await ownedTable(port, LEDGER_SHEET.problems, PROBLEM_LABEL.row)).filter((r) => String(r[PROBLEM_LABEL.row]).startsWith("工单研判"));
    expect(problems).toEqual([expect.objectContaining({ 行号: "工单研判!C7", 级别: "错误", 单位名称: HB, 问题: expect.stringContaining("研判事项“乱写的事项”无法识别") })]);
    expect(result.status === "ok" && result.findings.some((f) => f.sheet === SHEET.judgment && f.cell === "C7" && f.severity === "error")).toBe(true);

    const table = await resultTable(port);
    const row = table.get(HB)!;
    expect(row.扣分说明).toContain("研判成立3件（不合理诉求2件、退单合理1件，见工单研判）：退单数1（研判前2），有效回访数2（研判前4）");
    expect(row.扣分说明).toMatch(/待定1件，若全部成立总分为[\d.]+/);
    expect(row.扣分说明).toContain("工单研判有1行有错误未生效");
    const title = String((await port.read([SHEET.result])).get(SHEET.result)!.values[0][0]);
    expect(title).toContain("草稿");
    expect(title).toContain("另有1件研判待定");
    expect(computed.summary.errors).toBeGreaterThan(0);
  });

  it("the pending score X equals the score once the pending decision is 成立; a corrected register is no longer a draft", async () => {
    const port = await templatePort();
    await typeDecisions(port, decisions);
    await importAndCompute(port);
    const before = (await resultTable(port)).get(HB)!;
    const x = Number(/若全部成立总分为([\d.]+)/.exec(String(before.扣分说明))![1]);

    await typeDecisions(port, [...decisions.slice(0, 3), ["AK006", null, "超期免责", null, "成立", "2021-04-01", "2021-04-06"], [null, null, null, null, null, null, null]]);
    await importAndCompute(port);
    const after = (await resultTable(port)).get(HB)!;
    expect(after.总分).toBe(x);
    expect(after.总分).not.toBe(before.总分);
    expect(after.扣分说明).toContain("研判成立4件（不合理诉求2件、退单合理1件、超期免责1件，见工单研判）：按期办结数4（研判前3），退单数1（研判前2），有效回访数2（研判前4）");
    const title = String((await port.read([SHEET.result])).get(SHEET.result)!.values[0][0]);
    expect(title).not.toContain("研判待定");
    expect(title).not.toContain("工单导入校验中有");

    const summary = await ownedTable(port, SHEET.judgmentSummary, "单位名称");
    expect(summary).toEqual([expect.objectContaining({ 单位名称: HB, 不合理诉求成立: 2, 退单合理成立: 1, 超期免责成立: 1, 超期免责待定: 0, 有误: 0 })]);
  });
});

describe("工单研判 missing, moved or unreadable (never silent, never a crash)", () => {
  it("without 工单研判 the import counts the ledger as it is", async () => {
    const port = await templatePort();
    await port.apply([{ kind: "deleteSheet", sheet: SHEET.judgment }]);
    await importAndCompute(port);
    expect((await hotlineRows(port)).get(HB)).toMatchObject({ 退单数: 2, 有效回访数: 4 });
  });

  it("headers moved (title lines above, columns in another order) are found", async () => {
    const port = await templatePort();
    await port.apply([{ kind: "deleteSheet", sheet: SHEET.judgment }, { kind: "addSheet", sheet: SHEET.judgment }, {
      kind: "values", sheet: SHEET.judgment, row: 0, col: 0, values: [
        ["研判登记（自制表）", null, null, null], [null, null, null, null], ["说明：见附件", null, null, null],
        ["结论", "研判事项", " 工单编号 ", "备注"], ["成立", "退单合理", "AK001", "核实"],
      ],
    }]);
    await importAndCompute(port);
    expect((await hotlineRows(port)).get(HB)).toMatchObject({ 退单数: 1 });
  });

  it("a register whose header cannot be found: an error in 工单导入校验, the result a draft", async () => {
    const port = await templatePort();
    await port.apply([{ kind: "deleteSheet", sheet: SHEET.judgment }, { kind: "addSheet", sheet: SHEET.judgment },
      { kind: "values", sheet: SHEET.judgment, row: 0, col: 0, values: [["单号", "处理"], ["AK001", "退单合理"]] }]);
    const { result } = await importAndCompute(port);
    expect(result.status === "ok" && result.findings.some((f) => f.sheet === SHEET.judgment && f.severity === "error")).toBe(true);
    expect((await hotlineRows(port)).get(HB)).toMatchObject({ 退单数: 2 });
    const title = String((await port.read([SHEET.result])).get(SHEET.result)!.values[0][0]);
    expect(title).toContain("草稿");
  });
});
