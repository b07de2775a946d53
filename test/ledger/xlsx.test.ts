import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import { strToU8, zipSync, type Zippable } from "fflate";
import {
  aggregateLedger, bytesFile, parsePeriod, readLedgerBlob, readLedgerBytes, xlsxRows, type LedgerCell, type LedgerData, type SourceRow, type UnitPeriodCounts,
} from "../../src/ledger";
import { readLedgerFile } from "../../src/ledger/node";
import { writeLedgerCsv, writeLedgerXlsx } from "../../scripts/gen-ledger";
import { HEADER } from "./helpers";
import { ruleSet } from "../../src/engine";

/** The rules the ledger counts by in these tests: the built-in 2021 method. */
const LEDGER_RULES = ruleSet(2021);

const dir = mkdtempSync(join(tmpdir(), "ledger-xlsx-"));
const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => new Date(Date.UTC(y, mo - 1, d, h, mi, s));

/** Rows with dates as Date values (exceljs writes serial numbers), a numeric id, booleans and gaps. */
const LEDGER: LedgerCell[][] = [
  ["X1", "汉滨区", utc(2021, 3, 1, 10), utc(2021, 3, 5, 10), utc(2021, 3, 2, 10), "否", "否", "满意"],
  [2021030200001, "汉滨区人民政府", utc(2021, 3, 2, 9), utc(2021, 3, 6, 9), null, true, false, null],
  ["X3", "市发改委", utc(2021, 3, 3, 10), utc(2021, 3, 8), utc(2021, 3, 8, 16), "否", "是", "不满意"],
  ["X4", "汉阴县", utc(2020, 12, 31, 23, 50), utc(2021, 1, 2, 23, 50), utc(2021, 1, 1, 9), "否", "否", "基本满意"],
  ["X1", "汉滨区", utc(2021, 3, 1, 10), utc(2021, 3, 5, 10), utc(2021, 3, 2, 10), "否", "否", "满意"],
];

function checkLedger(rows: readonly UnitPeriodCounts[], q1: readonly UnitPeriodCounts[]): void {
  const hb = rows.find((r) => r.单位名称 === "汉滨区政府")!;
  expect(hb).toMatchObject({ 工单总量: 2, 退单数: 1, 应办结数: 1, 按期办结数: 1, 有效回访数: 1, 满意数: 1 });
  const fgw = rows.find((r) => r.单位名称 === "市发展和改革委员会")!;
  // deadline 2021-03-08 (a whole-day serial) lasts the day: closing at 16:00 is on time
  expect(fgw).toMatchObject({ 工单总量: 1, 延期申请数: 1, 应办结数: 1, 按期办结数: 1, 有效回访数: 1, 满意数: 0 });
  const hy = q1.find((r) => r.单位名称 === "汉阴县政府")!;
  expect(hy).toMatchObject({ 工单总量: 0, 应办结数: 1, 按期办结数: 1, 有效回访数: 1, 满意数: 1 });
}

async function writeWithExcelJs(path: string, useSharedStrings: boolean, richText: boolean): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings, useStyles: true });
  const notes = workbook.addWorksheet("说明");
  notes.addRow(["本工作簿第二张表为工单明细"]).commit();
  notes.commit();
  const sheet = workbook.addWorksheet("工单明细");
  const text = (s: LedgerCell) => (richText && typeof s === "string" ? { richText: [{ text: s.slice(0, 1) }, { font: { bold: true }, text: s.slice(1) }] } : s);
  sheet.addRow(HEADER.map(text)).commit();
  for (const row of LEDGER) {
    const r = sheet.addRow([]);
    row.forEach((value, i) => {
      if (value !== null) r.getCell(i + 1).value = (i === 0 || i === 1 ? text(value) : value) as ExcelJS.CellValue;
    });
    r.commit();
  }
  sheet.commit();
  await workbook.commit();
}

describe(".xlsx read as a stream", () => {
  test.each([
    ["shared strings", true, false],
    ["inline strings (rich text) and formula-style strings", false, true],
    ["plain strings without a string table", false, false],
  ])("exceljs workbook with %s and date serials; sheet 工单明细 found", async (name, shared, rich) => {
    const path = join(dir, `${name.replace(/\W+/g, "-")}.xlsx`);
    await writeWithExcelJs(path, shared, rich);
    const xml = readFileSync(path);
    expect(xml.length).toBeGreaterThan(0);
    const result = await readLedgerFile(path, { rules: LEDGER_RULES });
    if (result.status !== "ok") throw new Error(result.message);
    const data = result.data;
    expect(data.summary.source).toMatchObject({ format: "xlsx", sheet: "工单明细" });
    expect(data.summary).toMatchObject({ rowsRead: 5, rowsCounted: 4, rowsWithProblems: 1 });
    expect(data.problems[0]).toMatchObject({ row: 6, code: "duplicateOrder", duplicateOf: 2, value: "X1" });
    checkLedger(data.counts(parsePeriod("2021-03")), data.counts(parsePeriod("2021Q1")));
    const late = data.drillDown("汉滨区", parsePeriod("2021-03"));
    expect(late.returned.map((o) => o.工单编号)).toEqual(["2021030200001"]);
  });

  test("a workbook written by exceljs in memory (string table stored after the sheet)", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("工单明细");
    sheet.addRow(HEADER);
    for (const row of LEDGER) sheet.addRow(row);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = await readLedgerBytes(bytes, { rules: LEDGER_RULES });
    if (result.status !== "ok") throw new Error(result.message);
    checkLedger(result.data.counts(parsePeriod("2021-03")), result.data.counts(parsePeriod("2021Q1")));
  });

  test("the same bytes as a browser Blob", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Sheet1");
    sheet.addRow(HEADER);
    for (const row of LEDGER) sheet.addRow(row);
    const blob = new Blob([new Uint8Array(await workbook.xlsx.writeBuffer())]);
    const result = await readLedgerBlob(blob, { rules: LEDGER_RULES });
    if (result.status !== "ok") throw new Error(result.message);
    expect(result.data.summary.source?.sheet).toBe("Sheet1");
    checkLedger(result.data.counts(parsePeriod("2021-03")), result.data.counts(parsePeriod("2021Q1")));
  });
});

/** A hand-written package exercising what exceljs never writes. */
function handMadeXlsx(level: 0 | 6, date1904: boolean): Uint8Array {
  const rels = (items: [string, string, string][]) =>
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items
      .map(([id, type, target]) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`)
      .join("")}</Relationships>`;
  const serial = (d: Date) => d.getTime() / 86400000 + 25569 - (date1904 ? 1462 : 0);
  const inline = (s: string) => `<c t="inlineStr"><is><t>${s}</t></is></c>`;
  const header = `<row r="3">${HEADER.map((h, i) => (i === 3 ? `<c r="D3" t="s"><v>0</v></c>` : inline(h))).join("")}</row>`;
  const sheet = `<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheetData>
<row r="1"><c r="A1" t="s"><v>1</v></c></row>
<row r="2"/>
${header}
<row r="4"><c r="A4" t="inlineStr"><is><t>H&amp;1</t></is></c><c r="B4" t="s"><v>2</v></c><c r="C4" s="1"><v>${serial(utc(2021, 3, 1, 10))}</v></c><c r="D4" s="1"><v>${serial(utc(2021, 3, 5, 10))}</v></c><c r="E4" s="1"/><c r="F4" t="b"><v>0</v></c><c r="G4" t="str"><v>否</v></c></row>
<row r="6"><c r="A6" t="inlineStr"><is><r><rPr><b/><color rgb="FFFF0000"/></rPr><t>H</t></r><r><t xml:space="preserve">2</t></r></is></c><c r="B6" t="s"><v>3</v></c><c r="C6"><v>${serial(utc(2021, 3, 2, 10))}</v></c><c r="D6"><v>${serial(utc(2021, 3, 6, 10))}</v></c><c r="E6"><v>${serial(utc(2021, 3, 3, 10))}</v></c><c r="H6" t="s"><v>4</v></c></row>
<row r="7"><c r="A7" t="inlineStr"><is><t>H3</t></is></c><c r="B7" t="s"><v>2</v></c><c r="C7" t="e"><v>#N/A</v></c><c r="D7"><v>${serial(utc(2021, 3, 6, 10))}</v></c></row>
<row r="8"><c r="A8" t="inlineStr"><is><t>H4_x000D_</t></is></c><c r="B8" t="s"><v>2</v></c><c r="C8" t="str"><v>2021-03-04 08:00:00</v></c><c r="D8" t="str"><f>TEXT(C8,"yyyy")</f><v>2021-03-09 08:00</v></c></row>
</sheetData>
</worksheet>`;
  const strings = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="5" uniqueCount="5">
<si><t>办理时限</t></si>
<si><r><t>安康市12345</t></r><r><rPr><sz val="11"/></rPr><t>工单明细</t></r></si>
<si><t xml:space="preserve"> 汉滨区 </t><rPh sb="0" eb="3"><t>ハンビン</t></rPh><phoneticPr fontId="1"/></si>
<si><t>恒口示范区(试验区)</t></si>
<si><t>基本满意</t></si>
</sst>`;
  const workbook = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr${date1904 ? ' date1904="1"' : ""}/><sheets><sheet name="Sheet1" sheetId="1" r:id="rId2"/><sheet name="工单明细" sheetId="2" r:id="rId1"/></sheets></workbook>`;
  const files: Zippable = {
    "[Content_Types].xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`),
    "_rels/.rels": strToU8(rels([["rId1", "officeDocument", "xl/workbook.xml"]])),
    "xl/workbook.xml": strToU8(workbook),
    "xl/_rels/workbook.xml.rels": strToU8(rels([["rId1", "worksheet", "worksheets/sheet2.xml"], ["rId2", "worksheet", "/xl/worksheets/sheet1.xml"], ["rId3", "sharedStrings", "sharedStrings.xml"]])),
    "xl/worksheets/sheet1.xml": strToU8(`<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>别的表</t></is></c></row></sheetData></worksheet>`),
    "xl/worksheets/sheet2.xml": strToU8(sheet),
    "xl/sharedStrings.xml": strToU8(strings),
  };
  return zipSync(files, { level });
}

describe("hand-made .xlsx edge cases", () => {
  test.each([
    ["deflated", 6 as const, false],
    ["stored, 1904 date system", 0 as const, true],
  ])("%s: inline/rich/phonetic strings, gaps, errors, formulas, title rows", async (name, level, date1904) => {
    const bytes = handMadeXlsx(level, date1904);
    const rows: SourceRow[] = [];
    for await (const batch of xlsxRows(bytesFile(bytes))) rows.push(...batch.rows);
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 3, 4, 6, 7, 8]); // the blank row 2 is skipped
    expect(rows[0].cells[0]).toBe("安康市12345工单明细");
    expect(rows[2].cells[0]).toBe("H&1");
    expect(rows[2].cells[1]).toBe(" 汉滨区 ");
    expect(rows[2].cells[4]).toBeUndefined();
    expect(rows[2].cells[5]).toBe(false);
    expect(rows[3].cells[0]).toBe("H2");
    expect(rows[3].cells[5]).toBeUndefined();
    expect(rows[3].cells[7]).toBe("基本满意");
    expect(rows[5].cells[0]).toBe("H4\r");

    const result = await readLedgerBytes(bytes, { rules: LEDGER_RULES });
    if (result.status !== "ok") throw new Error(result.message);
    const data = result.data;
    expect(data.summary.headerRow).toBe(3);
    expect(data.summary.source).toMatchObject({ sheet: "工单明细", date1904 });
    // Row 7's 派单时间 is #N/A: listed, left out of 工单总量, still due on 2021-03-06 and not closed (spec F).
    expect(data.summary).toMatchObject({ rowsRead: 4, rowsCounted: 4, rowsWithProblems: 1, rowsPartlyCounted: 1 });
    expect(data.problems).toMatchObject([{ row: 7, column: "派单时间", code: "badDate", value: "#N/A" }]);
    const march = data.counts(parsePeriod("2021-03"));
    expect(march.find((r) => r.单位名称 === "汉滨区政府")).toMatchObject({ 工单总量: 2, 应办结数: 3, 按期办结数: 0 });
    expect(march.find((r) => r.单位名称 === "安康市恒口示范区（试验区）管理委员会")).toMatchObject({ 工单总量: 1, 应办结数: 1, 按期办结数: 1, 有效回访数: 1, 满意数: 1 });
  });

  test("not a zip: a Chinese error", async () => {
    await expect(readLedgerBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), { rules: LEDGER_RULES })).rejects.toThrow(/不是有效的 .xlsx/u);
  });
});

describe("the same generated ledger as .xlsx and as .csv", () => {
  test("gives the same counts for every unit and month, and the same problems", async () => {
    const options = { rows: 3000, seed: 42, duplicates: 6, problems: 6 };
    const csv = join(dir, "gen.csv");
    const xlsx = join(dir, "gen.xlsx");
    await writeLedgerCsv(csv, { ...options, encoding: "gb18030" });
    await writeLedgerXlsx(xlsx, options);
    const a = await readLedgerFile(csv, { rules: LEDGER_RULES });
    const b = await readLedgerFile(xlsx, { rules: LEDGER_RULES });
    if (a.status !== "ok" || b.status !== "ok") throw new Error("mapping");
    expect(a.data.summary.source?.encoding).toBe("gb18030");
    expect(b.data.summary.rowsRead).toBe(a.data.summary.rowsRead);
    expect(b.data.problems.map((p) => [p.row, p.code])).toEqual(a.data.problems.map((p) => [p.row, p.code]));
    for (const period of ["2020", "2021", "2022", "2021Q4", "2021-01"]) {
      expect(b.data.counts(parsePeriod(period))).toEqual(a.data.counts(parsePeriod(period)));
    }
  });
});

describe("the import visits the .xlsx rows in one reused array (xlsxRowVisits)", () => {
  /** Everything a LedgerData answers that the result workbook shows. */
  const answers = (data: LedgerData) => ({
    summary: data.summary, problems: data.problems,
    counts: ["2020", "2021", "2021Q1", "2021-03", "2022"].map((p) => data.counts(parsePeriod(p))),
  });
  const both = async (bytes: Uint8Array) => {
    const visited = await readLedgerBytes(bytes, { rules: LEDGER_RULES });
    const fed = await aggregateLedger(xlsxRows(bytesFile(bytes)), { rules: LEDGER_RULES });
    if (visited.status !== "ok" || fed.status !== "ok") throw new Error("mapping");
    expect(visited.mapping).toStrictEqual(fed.mapping);
    return [answers(visited.data), answers(fed.data)];
  };

  test("the same LedgerData as the rows fed one array per row: generated ledgers with duplicates and problems", async () => {
    for (const sharedStrings of [true, false]) {
      const xlsx = join(dir, `visits-${sharedStrings}.xlsx`);
      await writeLedgerXlsx(xlsx, { rows: 3000, seed: 7, duplicates: 9, problems: 40, sharedStrings });
      const [visited, fed] = await both(readFileSync(xlsx));
      expect(visited.summary.problemCount).toBeGreaterThan(0);
      expect(visited).toStrictEqual(fed);
    }
  });

  test("the same for title rows, gaps, errors, uncalculated formulas", async () => {
    for (const bytes of [handMadeXlsx(6, false), uncalculatedXlsx()]) {
      const [visited, fed] = await both(bytes);
      expect(visited).toStrictEqual(fed);
    }
  });
});

/** A 工单明细 saved by a tool that wrote formulas without calculating them (row 2: 办结时间, row 3: 派单时间). */
function uncalculatedXlsx(): Uint8Array {
  const inline = (s: string) => `<c t="inlineStr"><is><t>${s}</t></is></c>`;
  const row = (r: number, cells: string[]) => `<row r="${r}">${cells.join("")}</row>`;
  const rows = [
    row(1, HEADER.map(inline)),
    row(2, ["F1", "汉滨区", "2021-03-01 09:00:00", "2021-03-10 18:00:00"].map(inline)
      .concat(['<c r="E2"><f>C2+1</f><v></v></c>', ...["否", "否", "满意"].map(inline)])),
    row(3, ["F2", "汉滨区"].map(inline).concat(['<c r="C3"><f>NOW()</f></c>', ...["2021-03-10 18:00:00", "2021-03-05 10:00:00", "否", "否", "满意"].map(inline)])),
    // Cached results are values: "满意" from a formula, and "" (blank: 未回访) from a text formula.
    row(4, ["F3", "汉滨区", "2021-03-02 09:00:00", "2021-03-10 18:00:00", "2021-03-05 10:00:00", "否", "否"].map(inline)
      .concat(['<c r="H4" t="str"><f>"满意"</f><v>满意</v></c>'])),
    row(5, ["F4", "汉滨区", "2021-03-03 09:00:00", "2021-03-10 18:00:00", "2021-03-06 10:00:00", "否", "是"].map(inline)
      .concat(['<c r="H5" t="str"><f>""</f><v></v></c>'])),
  ];
  return ledgerXlsx(rows);
}

/** A workbook whose only sheet, 工单明细, holds `rows` (<row> elements). */
function ledgerXlsx(rows: readonly string[]): Uint8Array {
  const ns = "http://schemas.openxmlformats.org";
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="${ns}/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  const files: Zippable = {
    "[Content_Types].xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${ns}/package/2006/content-types"/>`),
    "_rels/.rels": strToU8(`<Relationships xmlns="${ns}/package/2006/relationships">${rel("rId1", "officeDocument", "xl/workbook.xml")}</Relationships>`),
    "xl/workbook.xml": strToU8(`<workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="工单明细" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8(`<Relationships xmlns="${ns}/package/2006/relationships">${rel("rId1", "worksheet", "worksheets/sheet1.xml")}</Relationships>`),
    "xl/worksheets/sheet1.xml": strToU8(`<worksheet xmlns="${ns}/spreadsheetml/2006/main"><sheetData>${rows.join("")}</sheetData></worksheet>`),
  };
  return zipSync(files, { level: 6 });
}

describe("a formula cell without a cached result (spec E, F)", () => {
  test("in an unmapped helper column on every row changes nothing; a mapped one among them is still found", async () => {
    const inline = (s: string) => `<c t="inlineStr"><is><t>${s}</t></is></c>`;
    const helper = (r: number) => `<c r="I${r}"><f>IF(F${r}="否",1,0)</f></c>`;
    const order = (r: number, closed: string) => ["H" + r, "汉滨区", "2021-03-01 09:00:00", "2021-03-10 18:00:00", closed, "否", "否", "满意"].map(inline);
    const rows = [`<row r="1">${HEADER.map(inline).join("")}</row>`];
    for (let r = 2; r <= 6; r++) {
      const cells = r === 4 ? [...order(r, "").slice(0, 4), '<c r="E4"><f>NOW()</f></c>', ...order(r, "").slice(5)] : order(r, "2021-03-05 10:00:00");
      rows.push(`<row r="${r}">${cells.join("")}${helper(r)}</row>`);
    }
    const result = await readLedgerBytes(ledgerXlsx(rows), { rules: LEDGER_RULES });
    if (result.status !== "ok") throw new Error(result.message);
    expect(result.data.problems).toMatchObject([{ row: 4, column: "办结时间", code: "uncalculated" }]);
    expect(result.data.summary).toMatchObject({ rowsRead: 5, rowsCounted: 5, rowsWithProblems: 1, rowsPartlyCounted: 1 });
    const march = result.data.counts(parsePeriod("2021-03")).find((r) => r.单位名称 === "汉滨区政府");
    expect(march).toMatchObject({ 工单总量: 5, 应办结数: 5, 按期办结数: 4, 有效回访数: 4, 满意数: 4 });
  });

  test("is a problem with its row and column, and the order leaves only the counts that need that field", async () => {
    const result = await readLedgerBytes(uncalculatedXlsx(), { rules: LEDGER_RULES });
    if (result.status !== "ok") throw new Error(result.message);
    const { data } = result;
    expect(data.problems).toMatchObject([
      { row: 2, column: "办结时间", columnIndex: 4, code: "uncalculated" },
      { row: 3, column: "派单时间", columnIndex: 2, code: "uncalculated" },
    ]);
    for (const p of data.problems) expect(p.message).toContain(`${p.column}：公式没有计算结果，请在 Excel 中打开并保存`);
    expect(data.summary).toMatchObject({ rowsRead: 4, rowsCounted: 4, rowsWithProblems: 2, rowsPartlyCounted: 2 });
    // By hand: F1 (办结时间 unknown) still counts as ordered and due, not as closed on time nor as a callback;
    // F2 (派单时间 unknown) is not in 工单总量 but is due, closed in time and 满意; F3 closed in time, 满意;
    // F4 closed in time, extended, no callback.
    const march = data.counts(parsePeriod("2021-03")).find((r) => r.单位名称 === "汉滨区政府");
    expect(march).toMatchObject({ 工单总量: 3, 退单数: 0, 延期申请数: 1, 应办结数: 4, 按期办结数: 3, 有效回访数: 2, 满意数: 2 });
  });
});
