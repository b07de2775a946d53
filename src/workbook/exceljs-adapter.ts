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
 * Writing: every WriteOp kind. `null` in a values op empties the cell. Charts are not written: exceljs
 * cannot write charts, so the barChart op is ignored here (the Office.js adapter draws it).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import ExcelJS from "exceljs";
import { unzipSync, zipSync } from "fflate";
import { cellAddress } from "./address";
import { fitCellText } from "./cell-text";
import { WMSG } from "./messages";
import type { CellFormat, CellValue, RangeRef, SheetSnapshot, WorkbookPort, WriteOp, WritePlan } from "./port";
import { NARROW_MARGINS, PAPER_SIZE_A4 } from "../sheet/print";

const MS_PER_DAY = 86400000;

/** A JS date (as exceljs reads a date cell: the wall-clock time in UTC) → Excel serial, 1900 system. */
export function dateToSerial(date: Date): number {
  return 25569 + date.getTime() / MS_PER_DAY;
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

function isCovered(cell: ExcelJS.Cell): boolean {
  return cell.type === ExcelJS.ValueType.Merge;
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

const argb = (color: string) => `FF${color.replace(/^#/, "").toUpperCase()}`;

export class ExcelJsWorkbookPort implements WorkbookPort {
  /** Sheets whose shared formulas have been made plain (so writing over a master cell keeps its clones). */
  private readonly unshared = new WeakSet<ExcelJS.Worksheet>();

  constructor(readonly workbook: ExcelJS.Workbook) {}

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
    for (const op of plan) this.applyOp(op);
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const ws = this.workbook.getWorksheet(name);
    if (!ws) throw new Error(`exceljs adapter: no sheet ${name}`);
    return ws;
  }

  /** Before the first write to a sheet: shared formulas become plain formulas (exceljs keeps clones tied to their master). */
  private writable(name: string): ExcelJS.Worksheet {
    const ws = this.sheet(name);
    if (this.unshared.has(ws)) return ws;
    ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => {
      const v = cell.value as ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue | null;
      if (v && typeof v === "object" && "sharedFormula" in v) cell.value = { formula: cell.formula, result: v.result } as ExcelJS.CellFormulaValue;
    }));
    ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => {
      const v = cell.value as ExcelJS.CellFormulaValue | null;
      if (v && typeof v === "object" && "formula" in v && "shareType" in v && (v as { shareType?: string }).shareType === "shared") {
        cell.value = { formula: v.formula, result: v.result } as ExcelJS.CellFormulaValue;
      }
    }));
    this.unshared.add(ws);
    return ws;
  }

  private setCell(ws: ExcelJS.Worksheet, row: number, col: number, value: CellValue, asFormula: boolean): void {
    const cell = ws.getCell(row + 1, col + 1);
    if (isCovered(cell)) {
      if (value === null) return;
      ws.unMergeCells(row + 1, col + 1, row + 1, col + 1);
    }
    if (asFormula && typeof value === "string" && value.startsWith("=")) {
      cell.value = { formula: value.slice(1) } as ExcelJS.CellFormulaValue;
      this.workbook.calcProperties = { ...this.workbook.calcProperties, fullCalcOnLoad: true };
    } else cell.value = typeof value === "string" ? fitCellText(value) : value;
  }

  private eachCell(ref: RangeRef, f: (cell: ExcelJS.Cell) => void): void {
    const ws = this.writable(ref.sheet);
    for (let r = 0; r < ref.rows; r++) for (let c = 0; c < ref.cols; c++) f(ws.getCell(ref.row + r + 1, ref.col + c + 1));
  }

  private applyOp(op: WriteOp): void {
    switch (op.kind) {
      case "addSheet": {
        const state = op.hidden ? "hidden" : "visible";
        const ws = this.workbook.getWorksheet(op.sheet);
        if (ws) ws.state = op.hidden === undefined ? ws.state : state;
        else this.workbook.addWorksheet(op.sheet, { state });
        return;
      }
      case "values":
      case "formulas": {
        const ws = this.writable(op.sheet);
        const rows = op.kind === "values" ? op.values : op.formulas;
        rows.forEach((line, r) => line.forEach((v, c) => this.setCell(ws, op.row + r, op.col + c, v, op.kind === "formulas")));
        return;
      }
      case "clear":
        this.eachCell(op.range, (cell) => {
          if (isCovered(cell)) return;
          cell.value = null;
          cell.style = {};
        });
        return;
      case "format":
        this.eachCell(op.range, (cell) => applyFormat(cell, op.format));
        return;
      case "merge": {
        const ws = this.writable(op.range.sheet);
        const { row, col, rows, cols } = op.range;
        const [top, left, bottom, right] = [row + 1, col + 1, row + rows, col + cols];
        const merges = (ws as unknown as { _merges: Record<string, { shortRange: string } | undefined> })._merges;
        const wanted = `${cellAddress(row, col)}:${cellAddress(row + rows - 1, col + cols - 1)}`;
        if (Object.values(merges).some((m) => m?.shortRange === wanted)) return;
        ws.unMergeCells(top, left, bottom, right);
        ws.mergeCells(top, left, bottom, right);
        return;
      }
      case "columnWidth":
        this.sheet(op.sheet).getColumn(op.col + 1).width = op.width;
        return;
      case "freeze": {
        const ws = this.sheet(op.sheet);
        ws.views = op.rows === 0 && op.cols === 0 ? [{ state: "normal" }]
          : [{ state: "frozen", xSplit: op.cols, ySplit: op.rows, topLeftCell: cellAddress(op.rows, op.cols) }];
        return;
      }
      case "listValidation": {
        const validation: ExcelJS.DataValidation = {
          type: "list", allowBlank: true, formulae: [`"${op.list.join(",")}"`],
          showErrorMessage: true, errorStyle: "stop", error: WMSG.validationError(op.list),
        };
        this.eachCell(op.range, (cell) => (cell.dataValidation = validation));
        return;
      }
      case "deleteSheet": {
        const ws = this.workbook.getWorksheet(op.sheet);
        if (ws) this.workbook.removeWorksheet(ws.id);
        return;
      }
      case "pageSetup": {
        const ws = this.sheet(op.sheet);
        const { setup } = op;
        const { printArea: _old, printTitlesRow: _titles, ...kept } = ws.pageSetup;
        ws.pageSetup = {
          ...kept,
          paperSize: PAPER_SIZE_A4,
          orientation: setup.orientation,
          // Fit to width only: fitToHeight 0 is "automatic" (as many pages tall as needed).
          ...(setup.fitToWidth !== undefined
            ? { fitToPage: true, fitToWidth: setup.fitToWidth, fitToHeight: 0 }
            : { fitToPage: false }),
          horizontalCentered: setup.centerHorizontally ?? false,
          margins: { ...NARROW_MARGINS },
          // exceljs writes these two as the sheet's _xlnm.Print_Titles and _xlnm.Print_Area defined names.
          ...(setup.repeatRows ? { printTitlesRow: `${setup.repeatRows.first + 1}:${setup.repeatRows.last + 1}` } : {}),
          ...(setup.printArea && setup.printArea.rows > 0 && setup.printArea.cols > 0
            ? { printArea: `A1:${cellAddress(setup.printArea.rows - 1, setup.printArea.cols - 1)}` } : {}),
        };
        ws.headerFooter = { ...ws.headerFooter, oddFooter: setup.footer ?? undefined };
        return;
      }
      case "note":
        this.sheet(op.sheet).getCell(op.row + 1, op.col + 1).note = op.text;
        return;
      case "rowHeight":
        this.sheet(op.sheet).getRow(op.row + 1).height = op.height;
        return;
      case "barChart":
        // exceljs cannot write charts: the Office.js adapter draws this one; the .xlsx written here has none.
        return;
      default: {
        const never: never = op;
        throw new Error(`exceljs adapter: unknown op ${JSON.stringify(never)}`);
      }
    }
  }
}

function applyFormat(cell: ExcelJS.Cell, format: CellFormat): void {
  const style: Partial<ExcelJS.Style> = { ...cell.style };
  if (format.numberFormat !== undefined) style.numFmt = format.numberFormat;
  if (format.bold !== undefined || format.fontColor !== undefined || format.fontSize !== undefined) {
    style.font = {
      ...style.font,
      ...(format.bold !== undefined ? { bold: format.bold } : {}),
      ...(format.fontColor !== undefined ? { color: { argb: argb(format.fontColor) } } : {}),
      ...(format.fontSize !== undefined ? { size: format.fontSize } : {}),
    };
  }
  if (format.fill !== undefined) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(format.fill) } };
  if (format.wrap !== undefined || format.horizontal !== undefined) {
    style.alignment = {
      ...style.alignment,
      ...(format.wrap !== undefined ? { wrapText: format.wrap } : {}),
      ...(format.horizontal !== undefined ? { horizontal: format.horizontal } : {}),
      vertical: "middle",
    };
  }
  cell.style = style;
}

type ValidationModel = Record<string, ExcelJS.DataValidation | undefined>;

function validationHolder(ws: ExcelJS.Worksheet): { model: ValidationModel } {
  return (ws as unknown as { dataValidations: { model: ValidationModel } }).dataValidations;
}

/**
 * Data validations as rectangular ranges. exceljs expands ranges into one entry per cell when it reads a
 * file and, when it writes, joins them again into ranges that can overlap (Excel then repairs the file);
 * this builds the model as non-overlapping column runs instead.
 */
export function compactValidations(model: ValidationModel): Record<string, ExcelJS.DataValidation> {
  const byCell = new Map<string, { row: number; col: number; key: string; dv: ExcelJS.DataValidation }>();
  for (const [address, dv] of Object.entries(model)) {
    if (!dv) continue;
    const key = JSON.stringify(dv);
    const [from, to] = address.split(":");
    const a = decode(from);
    const b = to ? decode(to) : a;
    for (let r = a.row; r <= b.row; r++) for (let c = a.col; c <= b.col; c++) byCell.set(`${r},${c}`, { row: r, col: c, key, dv });
  }
  const sorted = [...byCell.values()].sort((x, y) => x.col - y.col || x.row - y.row);
  const next: Record<string, ExcelJS.DataValidation> = {};
  let run: { col: number; from: number; to: number; key: string; dv: ExcelJS.DataValidation } | undefined;
  const flush = () => {
    if (!run) return;
    const a = cellAddress(run.from, run.col);
    next[run.from === run.to ? a : `${a}:${cellAddress(run.to, run.col)}`] = run.dv;
  };
  for (const x of sorted) {
    if (run && run.col === x.col && run.to === x.row - 1 && run.key === x.key) run.to = x.row;
    else {
      flush();
      run = { col: x.col, from: x.row, to: x.row, key: x.key, dv: x.dv };
    }
  }
  flush();
  return next;
}

function decode(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(address);
  if (!m) throw new Error(`bad address ${address}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** A fixed time for the workbook's document properties, so that the same inputs give the same file contents. */
const FIXED_TIME = new Date(Date.UTC(2022, 0, 1));

/**
 * Runs `write` with compact validations and fixed document times; the in-memory validation model is put
 * back afterwards (cell.dataValidation keeps working on the workbook).
 */
async function withWritableModel<T>(workbook: ExcelJS.Workbook, write: () => Promise<T>): Promise<T> {
  const saved = workbook.worksheets.map((ws) => [validationHolder(ws), validationHolder(ws).model] as const);
  for (const [holder, model] of saved) holder.model = compactValidations(model);
  workbook.created = workbook.created ?? FIXED_TIME;
  workbook.modified = FIXED_TIME;
  try {
    return await write();
  } finally {
    for (const [holder, model] of saved) holder.model = model;
  }
}

/**
 * The .xlsx bytes of the workbook. The zip entries get a fixed time (exceljs stamps them with the current
 * time), so the same workbook always gives the same bytes: a regenerated sample makes no spurious change.
 */
export async function xlsxBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  // exceljs stores the parts uncompressed and fflate compresses them once (not deflate, inflate, deflate).
  const bytes = await withWritableModel(workbook, async () => new Uint8Array(await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } })));
  const entries = unzipSync(bytes);
  const files = Object.entries(entries).filter(([name]) => !name.endsWith("/")); // folder entries are not needed
  return Buffer.from(zipSync(Object.fromEntries(files.map(([name, data]) => [name, [data, { mtime: FIXED_TIME }]]))));
}

/** Writes the workbook as .xlsx (creating the folder). */
export async function writeXlsx(workbook: ExcelJS.Workbook, path: string): Promise<void> {
  const bytes = await xlsxBuffer(workbook);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, bytes);
}
