/**
 * Writes samples/excel-acceptance.xlsx: a self-checking workbook for real Excel (docs/excel-acceptance.md). Each row
 * holds an ASSESS.* formula over the input cells to its right, the value the product rules require, and a 通过
 * cell; B2 counts the rows that do not pass. Without the add-in every formula shows #NAME? and no row passes.
 *
 * The formulas are stored as Excel itself saves a JavaScript custom function: `_xldudf_ASSESS_HOTLINE_SCORE(…)`
 * (Excel shows it as =ASSESS.HOTLINE_SCORE(…) once the add-in is loaded). No result is cached in the file, and the
 * workbook asks for a full calculation on load, so what the rows show is what this Excel computed.
 *
 *   npm run acceptance [-- output.xlsx]
 */
import ExcelJS from "exceljs";
import { writeXlsx } from "../src/workbook/adapters/exceljs";
import { ACCEPTANCE_ROWS, type AcceptanceRow, type RowArg } from "./acceptance-rows";

export const ACCEPTANCE_PATH = "samples/excel-acceptance.xlsx";
export const ACCEPTANCE_SHEET = "函数验收";

/** Where things are: the column letters and the first data row. */
export const LAYOUT = {
  number: "A", fn: "B", case: "C", result: "D", expected: "E", pass: "F", firstInput: 7 /* G */,
  headerRow: 4, firstRow: 5, failuresCell: "B2",
} as const;

export const MAX_INPUTS = Math.max(...ACCEPTANCE_ROWS.map((r) => r.inputs.length));

const colLetter = (col: number): string =>
  col <= 0 ? "" : colLetter(Math.floor((col - 1) / 26)) + String.fromCharCode(65 + ((col - 1) % 26));
export const inputCell = (index: number, row: number) => `${colLetter(LAYOUT.firstInput + index)}${row}`;

/** The formula (without "=") of a row, as stored in the file. */
export function udfFormula(row: AcceptanceRow, at: number): string {
  const args: readonly RowArg[] = row.args ?? row.inputs.map((_, i) => i);
  const text = args.map((a) => {
    if (typeof a === "number") return inputCell(a, at);
    if ("range" in a) return `${inputCell(a.range[0], at)}:${inputCell(a.range[1], at)}`;
    return typeof a.constant === "number" ? String(a.constant) : `"${a.constant.replace(/"/g, '""')}"`;
  });
  return `_xldudf_ASSESS_${row.fn}(${text.join(",")})`;
}

/** 通过 when the result equals the expected value, or both are errors of the same type (ERROR.TYPE: #VALUE! 3, #N/A 7). */
export function passFormula(at: number): string {
  const d = `${LAYOUT.result}${at}`;
  const e = `${LAYOUT.expected}${at}`;
  return `IF(ISERROR(${e}),IF(ISERROR(${d}),IF(ERROR.TYPE(${d})=ERROR.TYPE(${e}),"通过","不通过"),"不通过"),` +
    `IF(ISERROR(${d}),"不通过",IF(${d}=${e},"通过","不通过")))`;
}

export const lastRow = () => LAYOUT.firstRow + ACCEPTANCE_ROWS.length - 1;
export const failuresFormula = () => `COUNTIF(${LAYOUT.pass}${LAYOUT.firstRow}:${LAYOUT.pass}${lastRow()},"<>通过")`;

export function buildAcceptance(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(Date.UTC(2022, 0, 1));
  workbook.calcProperties = { fullCalcOnLoad: true };
  const sheet = workbook.addWorksheet(ACCEPTANCE_SHEET, { views: [{ state: "frozen", ySplit: LAYOUT.headerRow }] });

  sheet.getCell("A1").value = "ASSESS 函数验收：每行的“结果”由加载项计算，“通过”列应全部为“通过”";
  sheet.getCell("A1").font = { bold: true, size: 14 };
  sheet.getCell("A2").value = "不通过项数";
  sheet.getCell(LAYOUT.failuresCell).value = { formula: failuresFormula() } as ExcelJS.CellFormulaValue;
  sheet.getCell("C2").value = `共 ${ACCEPTANCE_ROWS.length} 项；应为 0。未加载加载项时“结果”显示 #NAME?，各行均不通过。`;
  sheet.getCell("A3").value = "说明：输入列中的空白单元格是有意留空的（检验桌面版与网页版对空白单元格的不同传值）。";

  const headers = ["序号", "函数", "情形", "结果", "期望", "通过", ...Array.from({ length: MAX_INPUTS }, (_, i) => `输入${i + 1}`)];
  sheet.getRow(LAYOUT.headerRow).values = headers;
  sheet.getRow(LAYOUT.headerRow).font = { bold: true };

  ACCEPTANCE_ROWS.forEach((row, i) => {
    const at = LAYOUT.firstRow + i;
    sheet.getCell(`${LAYOUT.number}${at}`).value = i + 1;
    sheet.getCell(`${LAYOUT.fn}${at}`).value = `ASSESS.${row.fn}`;
    sheet.getCell(`${LAYOUT.case}${at}`).value = row.case;
    sheet.getCell(`${LAYOUT.result}${at}`).value = { formula: udfFormula(row, at) } as ExcelJS.CellFormulaValue;
    const expected = row.expected;
    sheet.getCell(`${LAYOUT.expected}${at}`).value = typeof expected === "object" ? { error: expected.error } as ExcelJS.CellErrorValue : expected;
    sheet.getCell(`${LAYOUT.pass}${at}`).value = { formula: passFormula(at) } as ExcelJS.CellFormulaValue;
    row.inputs.forEach((value, k) => {
      if (value === undefined) return;
      const cell = sheet.getCell(inputCell(k, at));
      cell.value = value;
      if (row.percent && typeof value === "number") cell.numFmt = "0.00%";
    });
  });

  sheet.columns.forEach((column, i) => { column.width = [6, 32, 58, 10, 10, 8][i] ?? 12; });
  return workbook;
}

async function main(): Promise<void> {
  const out = process.argv[2] ?? ACCEPTANCE_PATH;
  await writeXlsx(buildAcceptance(), out);
  console.log(`${out}: ${ACCEPTANCE_ROWS.length} 行`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
