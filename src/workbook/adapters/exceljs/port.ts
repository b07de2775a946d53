/**
 * The WorkbookPort over an exceljs Workbook (the command line, the sample script and the tests).
 *
 * Reading: the used range from A1 (trailing empty rows and columns dropped) as plain values. Rich text →
 * its text; a hyperlink → its text; a formula → its cached result (`values`) and "=" + formula (`formulas`,
 * shared formulas translated to each cell); an error result → its code ("#N/A"), as Office.js reads it;
 * the covered cells of a merged area → null; dates → Excel date serials of the 1900 system (what Office.js
 * returns and what the engine's parseDate accepts), whatever the workbook's date system. With `numberFormats`,
 * each cell's number format as well (null where none is set), so a percent cell can be told from a number.
 *
 * Writing: every WriteOp kind, one handler each (ops.ts). `null` in a values op empties the cell. Charts are not written: exceljs
 * cannot write charts, so the barChart op is ignored here (the Office.js adapter draws it).
 */
import ExcelJS from "exceljs";
import { serialOfUnixMs } from "../../../sheet";
import type { CellValue, SheetSnapshot, WorkbookPort, WritePlan } from "../../port";
import { handleOp } from "../handlers";
import { EXCELJS_OPS } from "./ops";
import { ExcelJsSheets, isCovered } from "./sheets";

/** A JS date (as exceljs reads a date cell: the wall-clock time in UTC) → Excel serial, 1900 system. */
export function dateToSerial(date: Date): number {
  return serialOfUnixMs(date.getTime());
}

function plainValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return value === "" ? null : value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : dateToSerial(value);
  if (typeof value === "object") {
    if ("richText" in value) return plainValue(value.richText.map((r) => r.text).join(""));
    if ("error" in value) return value.error;
    if ("formula" in value || "sharedFormula" in value) return plainValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ("hyperlink" in value) return plainValue((value as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
  }
  return String(value);
}

function snapshotOf(ws: ExcelJS.Worksheet, withFormulas: boolean, withFormats = false): SheetSnapshot {
  const cells: { r: number; c: number; value: CellValue; formula: string | null; format: string | null }[] = [];
  let rows = 0;
  let cols = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (isCovered(cell)) return;
      const value = plainValue(cell.value);
      const formula = withFormulas && cell.formula ? `=${cell.formula}` : null;
      if (value === null && formula === null) return;
      cells.push({ r: r - 1, c: c - 1, value, formula, format: withFormats ? cell.numFmt || null : null });
      rows = Math.max(rows, r);
      cols = Math.max(cols, c);
    });
  });
  const values: CellValue[][] = Array.from({ length: rows }, () => Array<CellValue>(cols).fill(null));
  const formulas: (string | null)[][] | undefined = withFormulas
    ? Array.from({ length: rows }, () => Array<string | null>(cols).fill(null)) : undefined;
  const formats: (string | null)[][] | undefined = withFormats
    ? Array.from({ length: rows }, () => Array<string | null>(cols).fill(null)) : undefined;
  for (const x of cells) {
    values[x.r][x.c] = x.value;
    if (formulas) formulas[x.r][x.c] = x.formula;
    if (formats) formats[x.r][x.c] = x.format;
  }
  return { name: ws.name, values, ...(formulas ? { formulas } : {}), ...(formats ? { numberFormats: formats } : {}) };
}

export class ExcelJsWorkbookPort implements WorkbookPort {
  private readonly sheets: ExcelJsSheets;

  constructor(readonly workbook: ExcelJS.Workbook) {
    this.sheets = new ExcelJsSheets(workbook);
  }

  static async fromFile(path: string): Promise<ExcelJsWorkbookPort> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    return new ExcelJsWorkbookPort(workbook);
  }

  static async fromBuffer(buffer: ArrayBuffer | Uint8Array): Promise<ExcelJsWorkbookPort> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as ArrayBuffer);
    return new ExcelJsWorkbookPort(workbook);
  }

  async sheetNames(): Promise<string[]> {
    return this.workbook.worksheets.map((ws) => ws.name);
  }

  async read(sheets: readonly string[], options: { readonly formulas?: boolean; readonly numberFormats?: boolean } = {}): Promise<Map<string, SheetSnapshot>> {
    const out = new Map<string, SheetSnapshot>();
    for (const name of sheets) {
      const ws = this.workbook.getWorksheet(name);
      if (ws) out.set(name, snapshotOf(ws, options.formulas === true, options.numberFormats === true));
    }
    return out;
  }

  async apply(plan: WritePlan): Promise<void> {
    for (const op of plan) handleOp(EXCELJS_OPS, op, this.sheets);
  }
}
