/*
 * compute-all on a workbook that carries the 2026 method (spec G): the method sheets rule every result, the units
 * are 承办单位's (别名 included), and the expected totals come from the plain reference of the fixture.
 */
import { applies, REGISTRY_2021, type UnitType } from "../../../src/engine";
import { computeAll } from "../../../src/workbook/compute";
import { templateAll } from "../../../src/workbook/template";
import { LABEL, RESULT_LABEL, SHEET } from "../../../src/workbook/contract";
import type { ExcelJsWorkbookPort } from "../../../src/workbook/adapters/exceljs";
import { readMethod } from "../../../src/workbook/method";
import type { CellValue } from "../../../src/workbook/port";
import {
  APPROVAL_METHOD_2026, HOTLINE_METHOD_2026, PARAMS_2026, UNITS_2026, method2026Sheets, withMethodFormats,
} from "../../fixtures/method-2026/method-2026";
import { deductions, reference, type Unit } from "../../fixtures/method-2026/reference";
import { resultTable, serial, sheetRows, sheetTable, workbookOf, type Row } from "../helpers";

const RULES = (() => {
  const read = readMethod(method2026Sheets());
  if (!read.ok) throw new Error("fixture refused");
  return read.rules;
})();

/** Unit i's counts: spread over the bands, deterministic. */
function unitOf(i: number, name: string, type: UnitType): Unit & { name: string; written: string } {
  const total = 200 + 37 * i;
  const due = total - (i % 7);
  const onTime = due - (i % 5 === 0 ? 0 : Math.floor((due * (i % 6)) / 100));
  const returned = Math.floor((total * (i % 19)) / 100);
  const extensions = Math.floor((total * (i % 13)) / 100);
  const valid = 100 + i;
  const satisfied = valid - Math.floor((valid * (i % 45)) / 100);
  return {
    name, written: name === "市数据局" ? "市大数据局" : name, type,
    pairs: [[onTime, due], [returned, total], [extensions, total], [satisfied, valid]],
    cases: i % 9 === 0 ? { 工单分类错误: i % 8 } : {}, bonus: {}, average: total / 12,
  };
}

const UNITS = UNITS_2026.slice(1).map((r, i) => unitOf(i, String(r[0]), r[1] as UnitType));

function workbook(): ExcelJsWorkbookPort {
  const hotline: Row[] = UNITS.map((u) => ({
    [LABEL.name]: u.written, [LABEL.total]: u.pairs[1][1], [LABEL.due]: u.pairs[0][1], [LABEL.onTime]: u.pairs[0][0],
    [LABEL.returned]: u.pairs[1][0], [LABEL.extensions]: u.pairs[2][0], [LABEL.validCallbacks]: u.pairs[3][1], [LABEL.satisfied]: u.pairs[3][0],
  }));
  const deductions: Row[] = UNITS.filter((u) => (u.cases.工单分类错误 ?? 0) > 0).map((u) => ({
    [LABEL.date]: serial("2026-05-01"), [LABEL.name]: u.written, [LABEL.item]: "工单分类错误", [LABEL.quantity]: u.cases.工单分类错误,
  }));
  const itemLabels = RULES.approval.items.map((i) => `事项${i.no}`);
  const approval: CellValue[][] = [["便民化考核（测试）"], [LABEL.name, ...itemLabels, LABEL.evidenceDate]];
  for (const org of RULES.registry.approvalDepartments()) {
    const statuses = RULES.approval.items.map((item) => {
      if (!applies(RULES.approval, RULES.registry, org, item.no)) return "不涉及";
      return org.approvalName === "市民政局" && item.no === 7 ? "未完成" : "完成";
    });
    approval.push([org.approvalName as string, ...statuses, org.approvalName === "市公安局" ? serial("2026-12-01") : null]);
  }
  return workbookOf({
    [SHEET.params]: PARAMS_2026,
    [SHEET.units]: UNITS_2026,
    [SHEET.hotline]: sheetRows(SHEET.hotline, hotline),
    [SHEET.deductions]: sheetRows(SHEET.deductions, deductions),
    [SHEET.bonuses]: sheetRows(SHEET.bonuses, []),
    [SHEET.approval]: approval,
    考核办法: HOTLINE_METHOD_2026,
    便民化考核办法: APPROVAL_METHOD_2026,
  });
}

describe("compute-all by the workbook's 2026 method", () => {
  let port: ExcelJsWorkbookPort;
  let output: Awaited<ReturnType<typeof computeAll>>;
  beforeAll(async () => {
    port = workbook();
    output = await computeAll(withMethodFormats(port));
  }, 60000);

  test("names the method and scores the 77 units of 承办单位", () => {
    expect(output.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(output.summary).toMatchObject({ method: "2026年度考核办法", year: 2026, units: 77, unitsScored: 77, departments: 37 });
  });
  test("every total is the reference's (市数据局 through its alias; 市审计局 not assessed)", async () => {
    const table = await resultTable(port);
    expect(table.has("市审计局")).toBe(false);
    for (const u of UNITS) expect([u.name, table.get(u.name)?.[RESULT_LABEL.total]]).toEqual([u.name, reference(u)]);
  });
  test("12345热线考核表 has one 扣分 column per category of the method, in its order, headed with its points", async () => {
    const sheet = (await port.read([SHEET.result])).get(SHEET.result)!;
    const header = sheet.values[1];
    expect(header.filter((v) => typeof v === "string" && v.endsWith("扣分"))).toEqual([
      "工单办理扣分", "退单率扣分", "延期率扣分", "满意率扣分", "日常配合扣分", "工单质量扣分",
    ]);
    expect(header.indexOf("工单质量扣分")).toBe(header.indexOf("日常配合扣分") + 1);
    const ws = port.workbook.getWorksheet(SHEET.result)!;
    const shown = (label: string) => ws.getCell(2, header.indexOf(label) + 1).numFmt;
    expect([shown("工单质量扣分"), shown("日常配合扣分"), shown("工单办理扣分")]).toEqual(['@"（5分）"', '@"（15分）"', '@"（30分）"']);
    const table = await resultTable(port);
    for (const u of UNITS) {
      const d = deductions(u);
      const row = table.get(u.name);
      expect([u.name, row?.工单质量扣分, row?.日常配合扣分, row?.工单办理扣分, row?.满意率扣分])
        .toEqual([u.name, d.工单质量, d.日常工作配合, d.工单办理, d.群众满意率]);
    }
    expect(UNITS.some((u) => deductions(u).工单质量 === 5)).toBe(true);
  });
  test("every result names the method: 12345热线考核表, 校验 (title rows) and 便民化考核's 扣分说明 header", async () => {
    const sheets = await port.read([SHEET.result, SHEET.checks]);
    expect(sheets.get(SHEET.result)!.values[0][0]).toMatch(/^2026年度12345热线工单办理情况减分指标考核表\n考核办法：2026年度考核办法　校验通过/u);
    expect(sheets.get(SHEET.checks)!.values[0][0]).toContain("考核办法：2026年度考核办法");
    const approval = port.workbook.getWorksheet(SHEET.approval)!;
    const explanation = approval.getRow(2).values as unknown[];
    expect(approval.getCell(2, explanation.indexOf(LABEL.explanation)).numFmt).toBe('@"（考核办法：2026年度考核办法）"');
  });
  test("each 扣分说明 quotes the 依据 of the row that produced the deduction (spec G)", async () => {
    const table = await resultTable(port);
    const DOC = "《2026年度12345热线工单办理情况考核办法》";
    const classified = UNITS.filter((u) => (u.cases.工单分类错误 ?? 0) > 0);
    expect(classified.length).toBeGreaterThan(0);
    // The printed table quotes a clause in full at the first row (序号) that applies it; later rows name that row
    // (spec H: the table fits its pages). A full quote names the document's title once per cell, then 该文件.
    const bySeq = new Map([...table.values()].map((r) => [r["序号"], String(r[RESULT_LABEL.explanation])]));
    const full = `（依据：(${DOC}|该文件) 工单质量：工单分类错误1件扣1分）`;
    let quoted = 0;
    for (const u of classified) {
      const n = u.cases.工单分类错误;
      const text = String(table.get(u.name)?.[RESULT_LABEL.explanation]);
      const here = new RegExp(`工单分类错误${n}件扣${n}分${full}`, "u").test(text);
      const elsewhere = new RegExp(`工单分类错误${n}件扣${n}分（依据见序号(\\d+)）`, "u").exec(text)?.[1];
      if (here) quoted++;
      if (here) expect([u.name, text.includes(DOC)]).toEqual([u.name, true]);
      else expect([u.name, new RegExp(`工单分类错误\\d+件扣\\d+分${full}`, "u").test(bySeq.get(Number(elsewhere)) ?? "")]).toEqual([u.name, true]);
    }
    expect(quoted).toBe(1);
    const veto = output.results.departments.find((d) => d.name === "市民政局")?.explanation;
    expect(veto).toContain("（依据：2026办法 考核内容7）");
    expect(veto).toMatch(/一票否决，按上限扣0\.3分（依据：[^）]*一票否决/u);
  });
  test("the veto is 0.3: 市民政局 for 事项7, 市公安局 for evidence after 2026-11-30; the others 0", () => {
    const vetoed = output.results.departments.filter((d) => (d.deduction ?? 0) > 0).map((d) => [d.name, d.deduction]);
    expect(vetoed).toEqual([["市公安局", 0.3], ["市民政局", 0.3]]);
    expect(REGISTRY_2021.resolve("市民政局")).toBeDefined();
  });
  test("a 校验 note per department whose done evidence items (需报送印证资料 是: 事项3, 4, 5, 7) have a blank date", async () => {
    const evidence = APPROVAL_METHOD_2026.slice(1).filter((r) => r[3] === "是").map((r) => String(r[0]));
    expect(evidence).toEqual(["事项3", "事项4", "事项5", "事项7"]);
    const rows = (await sheetTable(port, SHEET.approval)).filter((r) => r[LABEL.evidenceDate] === null);
    const expected = rows.map((r) => [String(r[LABEL.name]), evidence.filter((label) => r[label] === "完成")] as const)
      .filter(([, items]) => items.length > 0)
      .map(([name, items]) => `${name}：${items.join("、")}已完成、需报送印证资料，印证资料报送日期为空白：按前期已报送备案计（视为按时报送），请核实。`);
    expect(expected).toContain("市税务局：事项7已完成、需报送印证资料，印证资料报送日期为空白：按前期已报送备案计（视为按时报送），请核实。");
    const notes = output.problems.filter((p) => p.code === "blankEvidenceDate");
    expect(notes.map((p) => p.message)).toEqual(expected);
    expect(notes.every((p) => p.severity === "info" && p.sheet === SHEET.approval && p.field === LABEL.evidenceDate)).toBe(true);
    // 市民政局's 事项7 is not done: not named; 市公安局 has a date: no note.
    expect(notes.some((p) => p.unit === "市公安局" || (p.unit === "市民政局" && p.message.includes("事项7")))).toBe(false);
  });
});

describe("a broken method scores nothing: 校验 lists it, an earlier run's results are cleared", () => {
  test("caps that do not sum to 总分", async () => {
    const port = workbook();
    port.workbook.getWorksheet("考核办法")!.getCell("B29").value = 6;
    const output = await computeAll(withMethodFormats(port));
    expect(output.summary).toMatchObject({ unitsScored: 0, departmentsJudged: 0 });
    expect(output.problems.map((p) => [p.sheet, p.cell, p.severity, p.message])).toEqual([
      ["考核办法", "B3", "error", "各扣分类别的类别分值合计101分（工单办理30、退单率10、延期率10、群众满意率30、日常工作配合15、工单质量6），不等于总分100分（参数“总分”）。"],
    ]);
    expect(port.workbook.getWorksheet(SHEET.result)).toBeUndefined();
  });

  test("an earlier run's scores do not stay on show: the official table is emptied and says why, 便民化考核's 扣分 cleared", async () => {
    const port = workbook();
    await computeAll(withMethodFormats(port));
    expect((await resultTable(port)).size).toBe(77);
    port.workbook.getWorksheet("考核办法")!.getCell("E4").value = "96.5%"; // a gap between two 办结率 bands
    const output = await computeAll(withMethodFormats(port));
    expect(output.summary.unitsScored).toBe(0);
    expect(output.problems.filter((p) => p.severity === "error").map((p) => p.sheet)).toEqual(["考核办法"]);
    expect((await resultTable(port)).size).toBe(0);
    const table = port.workbook.getWorksheet(SHEET.result)!;
    expect(String(table.getCell("A1").value)).toContain("未计分");
    expect(String(table.getCell("A1").value)).not.toContain("校验通过");
    // The table keeps the shape of the method that wrote it (not the built-in 2021 columns).
    const header = (await port.read([SHEET.result])).get(SHEET.result)!.values.find((r) => r.includes(RESULT_LABEL.name))!;
    expect(header).toContain("工单质量扣分");
    const approval = await sheetTable(port, SHEET.approval);
    expect(approval.length).toBeGreaterThan(30);
    expect(approval.every((r) => r[LABEL.deduction] === null && r[LABEL.explanation] === null)).toBe(true);
  });
});

describe("the results follow the method's shape (spec G)", () => {
  const header = async (port: ExcelJsWorkbookPort) => (await port.read([SHEET.result])).get(SHEET.result)!.values[1];
  const deductionLabels = (row: readonly CellValue[]) => row.filter((v) => typeof v === "string" && v.endsWith("扣分"));

  test("a category removed from the method leaves no stale column; added back, it has one column in the method's order", async () => {
    const port = workbook();
    await computeAll(withMethodFormats(port));
    expect(deductionLabels(await header(port))).toContain("工单质量扣分");
    // The office drops 工单质量 and gives its 5 points back to 日常工作配合.
    const ws = port.workbook.getWorksheet("考核办法")!;
    const quality = ws.getRow(29).values;
    ws.spliceRows(29, 1);
    ws.getCell("B23").value = 20;
    await computeAll(withMethodFormats(port));
    expect(deductionLabels(await header(port))).toEqual(["工单办理扣分", "退单率扣分", "延期率扣分", "满意率扣分", "日常配合扣分"]);
    expect((await header(port)).filter((v) => v !== null)).toHaveLength(17);
    ws.spliceRows(29, 0, quality as CellValue[]);
    ws.getCell("B23").value = 15;
    await computeAll(withMethodFormats(port));
    const labels = await header(port);
    expect(deductionLabels(labels)).toEqual(["工单办理扣分", "退单率扣分", "延期率扣分", "满意率扣分", "日常配合扣分", "工单质量扣分"]);
    expect(labels.indexOf("工单质量扣分")).toBe(labels.indexOf("加分") - 1);
  });

  test("补全模板 appends 工单质量扣分 to a 2021-shaped table; compute-all then lays it out in the method's order", async () => {
    const port = workbook();
    const old = port.workbook.addWorksheet(SHEET.result);
    old.addRow(["旧考核表"]);
    old.addRow(["序号", "单位名称", "单位类别", "办结率", "工单办理扣分", "退单率", "退单率扣分", "延期率", "延期率扣分", "满意率", "满意率扣分", "日常配合扣分", "加分", "总分", "排名", "类别内排名", "扣分说明"]);
    await templateAll(withMethodFormats(port));
    expect((await header(port)).filter((v) => v !== null).at(-1)).toBe("工单质量扣分");
    await computeAll(withMethodFormats(port));
    const labels = await header(port);
    expect(labels.filter((v) => v !== null)).toHaveLength(18);
    expect(labels.indexOf("工单质量扣分")).toBe(labels.indexOf("日常配合扣分") + 1);
  });

  test("便民化考核 is read by the method's items: without a 事项7 column no department is judged, and 校验 says so", async () => {
    const port = workbook();
    const ws = port.workbook.getWorksheet(SHEET.approval)!;
    const col = (ws.getRow(2).values as unknown[]).indexOf("事项7");
    ws.getCell(2, col).value = "备注";
    const output = await computeAll(withMethodFormats(port));
    expect(output.summary.departmentsJudged).toBe(0);
    expect(output.problems).toContainEqual(expect.objectContaining({ sheet: SHEET.approval, severity: "error", message: expect.stringContaining("事项7") }));
  });
});
