/*
 * 导入工单 in a workbook carrying the 2026 method (spec G): the units and aliases are 承办单位's, the callback rule
 * is 参数's 基本满意计为满意, and a refused method stops the import.
 */
import { arrayRows, LEDGER_COLUMNS, type LedgerCell } from "../../../src/ledger";
import { LABEL, SHEET } from "../../../src/workbook/contract";
import { LEDGER_SHEET, importLedger } from "../../../src/workbook/ledger";
import type { WorkbookPort } from "../../../src/workbook/port";
import { APPROVAL_METHOD_2026, HOTLINE_METHOD_2026, PARAMS_2026, UNITS_2026, withMethodFormats } from "../../fixtures/method-2026/method-2026";
import { sheetRows, workbookOf } from "../helpers";

jest.setTimeout(120_000);

function port(params = PARAMS_2026, hotline = HOTLINE_METHOD_2026): WorkbookPort {
  return withMethodFormats(workbookOf({
    [SHEET.params]: params, [SHEET.units]: UNITS_2026, [SHEET.hotline]: sheetRows(SHEET.hotline, []),
    考核办法: hotline, 便民化考核办法: APPROVAL_METHOD_2026,
  }));
}

const order = (id: string, unit: string, callback: string): LedgerCell[] =>
  [id, unit, "2026-03-01 09:00:00", "2026-03-05 09:00:00", "2026-03-02 09:00:00", "否", "否", callback];
const LEDGER = [
  [...LEDGER_COLUMNS],
  order("A1", "市大数据局", "满意"),
  order("A2", "市数据局", "基本满意"),
  order("A3", "市数据局", "不满意"),
  order("A4", "市审计局", "满意"),
];

async function import2026(params = PARAMS_2026) {
  const p = port(params);
  const result = await importLedger(p, arrayRows(LEDGER), { period: "2026" });
  if (result.status !== "ok") throw new Error(result.status === "needsMapping" ? result.message : result.status);
  return result;
}

describe("导入工单 by the workbook's 2026 method", () => {
  test("市大数据局 is 市数据局 (承办单位 别名); 市审计局 is no longer a unit", async () => {
    const result = await import2026();
    const row = result.data.counts(result.period).find((r) => r.单位名称 === "市数据局");
    expect(row).toMatchObject({ 工单总量: 3, 有效回访数: 3, 满意数: 2 });
    expect(result.data.problems.map((p) => [p.row, p.code])).toEqual([[5, "unknownUnit"]]);
  });
  test("月度考核 follows the method: its title names it, a 工单质量扣分 column after 日常配合扣分", async () => {
    const p = port();
    const result = await importLedger(p, arrayRows(LEDGER), { period: "2026" });
    expect(result.status).toBe("ok");
    const values = (await p.read([LEDGER_SHEET.monthly])).get(LEDGER_SHEET.monthly)!.values;
    expect(values[0][0]).toBe("2026年度12345热线月度考核（日常考核）\n考核办法：2026年度考核办法");
    const header = values.find((r) => r[0] === LABEL.name)!;
    expect(header.indexOf("工单质量扣分")).toBe(header.indexOf("日常配合扣分") + 1);
    const row = values.find((r) => r[0] === "市数据局" && r[header.indexOf("月份")] === "2026年度")!;
    expect(row[header.indexOf("工单质量扣分")]).toBe(0);
  });
  test("参数 基本满意计为满意 否: only 满意 counts as satisfied", async () => {
    const params = PARAMS_2026.map((r) => (r[0] === "基本满意计为满意" ? [r[0], "否"] : r));
    const result = await import2026(params);
    const row = result.data.counts(result.period).find((r) => r.单位名称 === "市数据局");
    expect(row).toMatchObject({ 有效回访数: 3, 满意数: 1 });
  });
  test("a refused method stops the import, naming the first problem", async () => {
    const broken = HOTLINE_METHOD_2026.map((r, i) => (i === 28 ? r.map((v, c) => (c === 1 ? 6 : v)) : r));
    const p = port(PARAMS_2026, broken);
    await expect(importLedger(p, arrayRows(LEDGER), { period: "2026" })).rejects.toThrow(/考核办法.*类别分值合计101分/);
  });
});
