/**
 * Spec E: "While 校验 holds an error, the result table's title row says the results are provisional … and each
 * affected unit's row names the problem; a clean run says 校验通过". The problems of a ledger import (工单导入校验,
 * spec F: "a problem with its row number, shown in the summary") are open problems of the result until a clean
 * import replaces them.
 */
import { aggregateLedger, arrayRows, type LedgerCell } from "../../../src/ledger";
import { computeAll, importLedger, LEDGER_SHEET, PROBLEM_LABEL } from "../../../src/workbook";
import { LABEL, RESULT_LABEL, SHEET } from "../../../src/workbook/contract";
import type { ExcelJsWorkbookPort } from "../../../src/workbook/adapters/exceljs";
import { resultTable, sheetTable } from "../helpers";
import { HEADER, importRows, order, ownedTable, templatePort } from "./helpers";
import { ruleSet } from "../../../src/engine";

/** The rules the ledger counts by in these tests: the built-in 2021 method. */
const LEDGER_RULES = ruleSet(2021);

const NOW = new Date(2022, 0, 5, 9, 30, 0);

const CLEAN: LedgerCell[][] = [
  HEADER,
  order("A1", "汉滨区", "2021-03-01 09:00", "2021-03-05 18:00", "2021-03-02 10:00", "否", "否", "满意"),
  order("A2", "石泉县", "2021-03-01 09:00", "2021-03-05 18:00", "2021-03-02 10:00", "否", "否", "满意"),
];

// Rows as the file numbers them (header = row 1).
const SPOILED: LedgerCell[][] = [
  ...CLEAN,
  order("A3", "安康市不存在局", "2021-03-01 09:00", "2021-03-05 18:00", "2021-03-02 10:00"), // row 4: no unit
  order("A4", "汉阴县", "2021-03-01 09:00", "2021-03-05 18:00", "2021-03-02 10:00", "否", "否", "拒绝接听"), // row 5
  order("A1", "汉滨区", "2021-03-01 09:00", "2021-03-05 18:00", "2021-03-02 10:00", "否", "否", "满意"), // row 6: duplicate
  order("A6", "宁陕县", "2021-03-04 09:00", "2021-03-09 18:00", "2021-03-05 10:00", "也许", "否", "很好"), // row 7: two problems
];

async function title(port: ExcelJsWorkbookPort): Promise<string> {
  const snap = (await port.read([SHEET.result])).get(SHEET.result)!;
  return String(snap.values[0][0]);
}

async function explanation(port: ExcelJsWorkbookPort, unit: string): Promise<string> {
  return String((await resultTable(port)).get(unit)?.[RESULT_LABEL.explanation]);
}

async function imported(rows: LedgerCell[][], port?: ExcelJsWorkbookPort): Promise<ExcelJsWorkbookPort> {
  const p = port ?? await templatePort();
  const result = await importLedger(p, await importRows(rows), { period: "2021", now: NOW });
  expect(result.status).toBe("ok");
  return p;
}

describe("compute-all after a ledger import with problems (spec E)", () => {
  it("the title says 草稿 and names 工单导入校验 with its count of problems", async () => {
    const port = await imported(SPOILED);
    const out = await computeAll(port, { now: NOW });
    // Five problems: row 4 (承办单位), row 5 (回访结果), row 6 (工单编号), row 7 (是否退单, 回访结果).
    expect(await title(port)).toMatch(/草稿：.*工单导入校验中有 5 个工单问题未解决/u);
    expect(await title(port)).not.toContain("校验通过");
    expect(out.summary.errors).toBeGreaterThan(0);
  });

  it("each unit whose ledger rows have problems is still scored, and its 扣分说明 names the rows", async () => {
    const port = await imported(SPOILED);
    await computeAll(port, { now: NOW });
    const results = await resultTable(port);
    for (const [unit, rows] of [["汉阴县政府", "第5行"], ["汉滨区政府", "第6行"], ["宁陕县政府", "第7行"]] as const) {
      expect(typeof results.get(unit)?.[RESULT_LABEL.total]).toBe("number");
      expect(await explanation(port, unit)).toMatch(new RegExp(`工单明细${rows}有问题.*见“工单导入校验”$`, "u"));
    }
    // A unit without a problem row keeps its explanation as it is.
    expect(await explanation(port, "石泉县政府")).not.toContain("工单导入校验");
  });

  it("校验 lists one error per unit concerned and one for the problems that belong to no unit", async () => {
    const port = await imported(SPOILED);
    await computeAll(port, { now: NOW });
    const rows = (await sheetTable(port, SHEET.checks)).filter((r) => r[LABEL.sheet] === LEDGER_SHEET.problems);
    const texts = rows.map((r) => String(r[LABEL.problem]));
    expect(texts.filter((t) => t.startsWith("汉阴县政府："))).toHaveLength(1);
    expect(texts.filter((t) => t.startsWith("宁陕县政府："))).toHaveLength(1);
    expect(texts.filter((t) => t.startsWith("汉滨区政府："))).toHaveLength(1);
    expect(texts.filter((t) => t.includes("不属于任何考核单位"))).toEqual([expect.stringContaining("有1个问题")]);
    expect(rows).toHaveLength(4);
  });

  it("the listing names each problem row's unit (blank for an unknown one)", async () => {
    const port = await imported(SPOILED);
    const listing = await ownedTable(port, LEDGER_SHEET.problems, PROBLEM_LABEL.row);
    expect(listing.map((r) => [r[PROBLEM_LABEL.row], r[PROBLEM_LABEL.unit]])).toEqual([
      [4, null], [5, "汉阴县政府"], [6, "汉滨区政府"], [7, "宁陕县政府"], [7, "宁陕县政府"],
    ]);
  });

  it("a clean import followed by compute says 校验通过", async () => {
    const port = await imported(CLEAN);
    await computeAll(port, { now: NOW });
    expect(await title(port)).toContain("校验通过（计算时间：2022-01-05 09:30）");
    expect(await explanation(port, "汉滨区政府")).not.toContain("工单导入校验");
  });

  it("a clean re-import clears the draft", async () => {
    const port = await imported(SPOILED);
    await computeAll(port, { now: NOW });
    expect(await title(port)).toContain("草稿");
    await imported(CLEAN, port);
    await computeAll(port, { now: NOW });
    expect(await title(port)).toContain("校验通过");
    expect((await sheetTable(port, SHEET.checks)).filter((r) => r[LABEL.sheet] === LEDGER_SHEET.problems)).toEqual([]);
  });

  it("problems beyond the listing limit still count in the title", async () => {
    const read = await aggregateLedger(arrayRows(SPOILED), { rules: LEDGER_RULES, maxListedProblems: 2 });
    if (read.status !== "ok") throw new Error(read.message);
    const port = await templatePort();
    expect((await importLedger(port, read.data, { period: "2021", now: NOW })).status).toBe("ok");
    await computeAll(port, { now: NOW });
    expect(await title(port)).toContain("工单导入校验中有 5 个工单问题未解决");
  });
});
