/**
 * Spec I, "Nothing typed is lost by an import": the import's record of what it wrote, consent before a value
 * it did not write is replaced, the 说明 rows of 工单导入校验, and the record across a save.
 */
import { parsePeriod, type LedgerData } from "../../../src/ledger";
import { computeAll, importLedger, LEDGER_SHEET, readImportRecord } from "../../../src/workbook";
import { LABEL, SHEET, sheetSpec } from "../../../src/workbook/contract";
import type { ExcelJsWorkbookPort } from "../../../src/workbook/adapters/exceljs";
import type { CellValue, SheetSnapshot } from "../../../src/workbook/port";
import { findHeader } from "../../../src/workbook/tables";
import { everything, roundTrip, sheetTable } from "../helpers";
import { generatedData, ownedTable, templatePort } from "./helpers";

const NOW = new Date(2022, 0, 5, 9, 30, 0);
const UNIT = "汉滨区政府";

/** The A1 address of `label` in `unit`'s 热线数据 row, found independently of the code under test. */
async function hotlineCell(port: ExcelJsWorkbookPort, unit: string, label: string): Promise<{ row: number; col: number; address: string }> {
  const snap = (await port.read([SHEET.hotline])).get(SHEET.hotline) as SheetSnapshot;
  const header = findHeader(snap, sheetSpec(SHEET.hotline))!;
  const nameCol = header.columns.get(LABEL.name)!;
  const row = snap.values.findIndex((r, i) => i > header.row && (r[nameCol] === unit || r[nameCol] === unit.replace(/政府$/u, "")));
  const col = header.columns.get(label)!;
  if (row < 0) throw new Error(`no row for ${unit}`);
  return { row, col, address: `${String.fromCharCode(65 + col)}${row + 1}` };
}

async function typeValue(port: ExcelJsWorkbookPort, unit: string, label: string, value: CellValue): Promise<string> {
  const at = await hotlineCell(port, unit, label);
  await port.apply([{ kind: "values", sheet: SHEET.hotline, row: at.row, col: at.col, values: [[value]] }]);
  return at.address;
}

const countOf = (data: LedgerData, period: string, unit: string, label: string) =>
  (data.counts(parsePeriod(period)).find((c) => c.单位名称 === unit) as unknown as Record<string, number>)[label];

async function resultTitle(port: ExcelJsWorkbookPort): Promise<string> {
  return String((await port.read([SHEET.result])).get(SHEET.result)?.values[0][0]);
}

describe("an import never replaces a typed 热线数据 value without consent (spec I)", () => {
  let data: LedgerData;
  beforeAll(async () => {
    data = await generatedData({ rows: 5000, seed: 31 });
    expect(data.problems).toHaveLength(0);
  });

  it("the issue's scenario: 退单数 10 and 满意数 450 typed after an import are refused, then replaced with consent as 说明", async () => {
    const port = await templatePort();
    expect((await importLedger(port, data, { period: "2021", now: NOW })).status).toBe("ok");
    const returned = countOf(data, "2021", UNIT, LABEL.returned);
    const satisfied = countOf(data, "2021", UNIT, LABEL.satisfied);
    expect([returned, satisfied]).not.toEqual(expect.arrayContaining([10, 450]));
    const returnedCell = await typeValue(port, UNIT, LABEL.returned, 10);
    const satisfiedCell = await typeValue(port, UNIT, LABEL.satisfied, 450);
    const before = await everything(port);

    const refused = await importLedger(port, data, { period: "2021", now: NOW });
    expect(refused).toMatchObject({ status: "typedValues", recorded: true });
    if (refused.status !== "typedValues") return;
    expect(refused.typed).toEqual([
      { sheet: SHEET.hotline, cell: returnedCell, unit: UNIT, label: LABEL.returned, typed: 10, imported: returned },
      { sheet: SHEET.hotline, cell: satisfiedCell, unit: UNIT, label: LABEL.satisfied, typed: 450, imported: satisfied },
    ].sort((a, b) => a.cell.localeCompare(b.cell)));
    expect(await everything(port)).toEqual(before); // nothing written

    const done = await importLedger(port, data, { period: "2021", now: NOW, replaceTyped: true });
    if (done.status !== "ok") throw new Error(done.status);
    const rows = new Map((await sheetTable(port, SHEET.hotline)).map((r) => [r[LABEL.name], r]));
    expect(rows.get(UNIT)?.[LABEL.returned]).toBe(returned);
    expect(rows.get(UNIT)?.[LABEL.satisfied]).toBe(satisfied);
    const notes = done.findings.filter((f) => f.code === "ledgerReplacedTyped");
    expect(notes.map((f) => [f.severity, f.cell])).toEqual([["info", returnedCell], ["info", satisfiedCell]].sort((a, b) => a[1].localeCompare(b[1])));
    expect(notes.find((f) => f.cell === returnedCell)?.message).toBe(`${UNIT}的退单数（热线数据!${returnedCell}）：原值10（手工填写或上次导入后修改）已替换为导入值${returned}`);
    const listed = await ownedTable(port, LEDGER_SHEET.problems, "级别");
    expect(listed.map((r) => [r.级别, r.单元格, r.单位名称, r.数据项, r.原值, r.导入值])).toEqual(expect.arrayContaining([
      ["说明", `热线数据!${returnedCell}`, UNIT, LABEL.returned, 10, returned],
      ["说明", `热线数据!${satisfiedCell}`, UNIT, LABEL.satisfied, 450, satisfied],
    ]));
    expect(listed).toHaveLength(2);
    expect(String(listed[0].说明)).toContain("请登记在“工单研判”表");
    // A record, not an open problem: the result is not a draft.
    const computed = await computeAll(port, { now: NOW });
    expect(computed.problems.filter((p) => p.code === "ledgerOpen")).toEqual([]);
    expect(await resultTitle(port)).toMatch(/校验通过/u);
  });

  it("blank, equal and previous-import values are replaced freely; another value is asked about", async () => {
    const port = await templatePort();
    expect((await importLedger(port, data, { period: "2021Q1", now: NOW })).status).toBe("ok");
    // 市公安局 keeps the first import's values (the record); 汉滨区政府's 工单总量 is blanked; 汉阴县政府's
    // 退单数 already holds the year's value, as text; 石泉县政府's 满意数 is typed.
    await typeValue(port, UNIT, LABEL.total, null);
    await typeValue(port, "汉阴县政府", LABEL.returned, ` ${countOf(data, "2021", "汉阴县政府", LABEL.returned)} `);
    const typedCell = await typeValue(port, "石泉县政府", LABEL.satisfied, countOf(data, "2021Q1", "石泉县政府", LABEL.satisfied) + 1);
    const refused = await importLedger(port, data, { period: "2021", now: NOW });
    if (refused.status !== "typedValues") throw new Error(refused.status);
    expect(refused.typed.map((t) => [t.unit, t.label, t.cell])).toEqual([["石泉县政府", LABEL.satisfied, typedCell]]);
    // Consent to the cells shown: a value typed after the question is asked again.
    const other = await typeValue(port, "市公安局", LABEL.due, 999_999);
    const again = await importLedger(port, data, { period: "2021", now: NOW, replaceTyped: refused.typed });
    if (again.status !== "typedValues") throw new Error(again.status);
    expect(again.typed.map((t) => t.cell).sort()).toEqual([other, typedCell].sort());
    expect((await importLedger(port, data, { period: "2021", now: NOW, replaceTyped: again.typed })).status).toBe("ok");
  });

  it("a workbook with no record counts every non-blank value as typed; sorting 热线数据 keeps the record by unit", async () => {
    const port = await templatePort();
    await typeValue(port, UNIT, LABEL.total, 5);
    await typeValue(port, UNIT, LABEL.monthly, 0);
    const refused = await importLedger(port, data, { period: "2021", now: NOW });
    expect(refused).toMatchObject({ status: "typedValues", recorded: false });
    if (refused.status !== "typedValues") return;
    expect(refused.typed.map((t) => [t.label, t.typed])).toEqual([[LABEL.total, 5], [LABEL.monthly, 0]]);
    expect(await port.sheetNames()).not.toContain(LEDGER_SHEET.record);

    expect((await importLedger(port, data, { period: "2021", now: NOW, replaceTyped: true })).status).toBe("ok");
    // The user sorts 热线数据: the first two units swap rows. The record is by unit, so nothing is asked.
    const snap = (await port.read([SHEET.hotline])).get(SHEET.hotline) as SheetSnapshot;
    const header = findHeader(snap, sheetSpec(SHEET.hotline))!;
    const [a, b] = [snap.values[header.row + 1], snap.values[header.row + 2]];
    await port.apply([{ kind: "values", sheet: SHEET.hotline, row: header.row + 1, col: 0, values: [[...b], [...a]] }]);
    expect((await importLedger(port, data, { period: "2021", now: NOW })).status).toBe("ok");
  });

  it("the record survives a save (exceljs round trip): a re-import of the saved file asks nothing", async () => {
    const port = await templatePort();
    expect((await importLedger(port, data, { period: "2021", now: NOW })).status).toBe("ok");
    const saved = await roundTrip(port);
    expect(saved.workbook.getWorksheet(LEDGER_SHEET.record)?.state).toBe("hidden");
    const record = readImportRecord(await saved.read([LEDGER_SHEET.record]));
    expect(record?.written.get(UNIT)?.get(LABEL.satisfied)).toBe(countOf(data, "2021", UNIT, LABEL.satisfied));
    expect(record?.written.get(UNIT)?.get(LABEL.monthly)).toBe(countOf(data, "2021", UNIT, LABEL.total) / 12);
    expect(record?.written.size).toBe(77);
    await typeValue(saved, UNIT, LABEL.returned, 10);
    const refused = await importLedger(saved, data, { period: "2021", now: NOW });
    expect(refused.status === "typedValues" && refused.typed.map((t) => t.label)).toEqual([LABEL.returned]);
  });
});
