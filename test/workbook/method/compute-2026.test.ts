/*
 * compute-all on a workbook that carries the 2026 method (spec G): the method sheets rule every result, the units
 * are 承办单位's (别名 included), and the expected totals come from the plain reference of the fixture.
 */
import { applies, REGISTRY_2021, type UnitType } from "../../../src/engine";
import { computeAll } from "../../../src/workbook/compute";
import { LABEL, RESULT_LABEL, SHEET } from "../../../src/workbook/contract";
import type { ExcelJsWorkbookPort } from "../../../src/workbook/exceljs-adapter";
import { readMethod } from "../../../src/workbook/method";
import type { CellValue } from "../../../src/workbook/port";
import {
  APPROVAL_METHOD_2026, HOTLINE_METHOD_2026, PARAMS_2026, UNITS_2026, method2026Sheets, withMethodFormats,
} from "../../fixtures/method-2026/method-2026";
import { reference, type Unit } from "../../fixtures/method-2026/reference";
import { resultTable, serial, sheetRows, workbookOf, type Row } from "../helpers";

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
  test("the veto is 0.3: 市民政局 for 事项7, 市公安局 for evidence after 2026-11-30; the others 0", () => {
    const vetoed = output.results.departments.filter((d) => (d.deduction ?? 0) > 0).map((d) => [d.name, d.deduction]);
    expect(vetoed).toEqual([["市公安局", 0.3], ["市民政局", 0.3]]);
    expect(REGISTRY_2021.resolve("市民政局")).toBeDefined();
  });
});

describe("a broken method writes only 校验 and scores nothing", () => {
  test("caps that do not sum to 总分", async () => {
    const port = workbook();
    port.workbook.getWorksheet("考核办法")!.getCell("B29").value = 6;
    const output = await computeAll(withMethodFormats(port));
    expect(output.summary).toMatchObject({ unitsScored: 0, departmentsJudged: 0 });
    expect(output.problems.map((p) => [p.sheet, p.severity, p.message])).toEqual([
      ["考核办法", "error", "各扣分类别的类别分值合计101分，不等于总分100分（参数“总分”）。"],
    ]);
    expect(port.workbook.getWorksheet(SHEET.result)).toBeUndefined();
  });
});
