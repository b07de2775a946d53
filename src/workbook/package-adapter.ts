/**
 * The WorkbookPort over an .xlsx file read and written as a package (the command line): input sheets
 * are read with the .xlsx module (src/xlsx), as Excel shows them (cached formula results, errors,
 * formulas without a result listed as `uncalculated`); the write plan is recorded per sheet and applied
 * by patching the package, so every part the product does not write stays byte for byte as it was
 * (charts, pivot tables, drawings, comments, tables, defined names, protection, custom properties …).
 *
 * Differences from the Office.js adapter: the barChart op is not drawn (no chart part is written: the
 * result sheet's numbers are what the method requires; the task pane draws the chart in Excel); notes
 * are not written (a comments part on a user's sheet is not the product's to add; completing a workbook
 * headless adds no notes, the blank template made with exceljs and the Office.js path have them, and
 * 填写说明 carries the same text).
 */
import { XLSX_MSG, XlsxError } from "../xlsx/messages";
import { DEFAULT_LIMITS, EXCEL_MAX_ROWS, snapshotCellLimit, type XlsxLimits } from "../xlsx/limits";
import { openPackage, readSharedStrings, wholeStylesText, type XlsxPackage } from "../xlsx/package";
import { readSheetCells, type SheetCell } from "../xlsx/sheet-cells";
import { cellKey, SheetEdit } from "../xlsx/sheet-edit";
import { setValidationError } from "../xlsx/sheet-patch";
import { readCellStyles, type CellStyles } from "../xlsx/styles";
import { writePatchedPackage } from "../xlsx/write-package";
import { verifyEntry, type RandomAccessFile } from "../xlsx/zip";
import type { ByteSink } from "../xlsx/zip-writer";
import { WMSG } from "./messages";
import type { CellFormat, CellValue, RangeRef, SheetSnapshot, WorkbookPort, WriteOp, WritePlan } from "./port";

const DATE1904_OFFSET = 1462;
/** Characters of text and formulas held per cell of the limit, on average (a register's notes are far shorter). */
const TEXT_PER_CELL = 128;

/** The file a package is read from: a Node file (./package-file) or a browser File (blobFile). */
export interface PackageFile extends RandomAccessFile {
  close(): Promise<void>;
}

interface BaseSheet {
  readonly cells: readonly SheetCell[];
  readonly merges: readonly string[];
}

setValidationError((list) => WMSG.validationError(list));

export class PackageWorkbookPort implements WorkbookPort {
  private readonly edits = new Map<string, SheetEdit>();
  private readonly order: SheetEdit[] = [];
  private readonly bases = new Map<string, BaseSheet>();
  private strings?: readonly string[];
  private styles?: CellStyles;
  /** Cells, and characters of their text and formulas, held by the sheets read so far (against snapshotCellLimit). */
  private cellsHeld = 0;
  private charsHeld = 0;

  private constructor(private readonly file: PackageFile, readonly pkg: XlsxPackage) {}

  /**
   * Opens a workbook file (closed again when it cannot be used). The whole package is checked first (every
   * part's size against the limit, its length and CRC-32 against the directory), so a damaged file is refused
   * before anything is written.
   */
  static async fromFile(file: PackageFile, limits: XlsxLimits = DEFAULT_LIMITS): Promise<PackageWorkbookPort> {
    try {
      const pkg = await openPackage(file, limits);
      if (pkg.sheets.length === 0) throw new XlsxError(XLSX_MSG.noWorksheet);
      for (const entry of pkg.entries.values()) if (!entry.name.endsWith("/")) await verifyEntry(file, entry, limits.maxPartBytes);
      return new PackageWorkbookPort(file, pkg);
    } catch (error) {
      await file.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.file.close();
  }

  /** Writes the patched package to `sink` (never the file it was read from). */
  async save(sink: ByteSink): Promise<void> {
    await writePatchedPackage(this.pkg, this.order, sink);
  }

  private current(): { name: string; hidden: boolean }[] {
    const out: { name: string; hidden: boolean }[] = [];
    for (const s of this.pkg.sheets) {
      const edit = this.edits.get(s.name);
      if (edit?.deleted) continue;
      out.push({ name: s.name, hidden: edit?.hidden ?? s.state !== "visible" });
    }
    for (const e of this.order) if (!e.ref && !e.deleted) out.push({ name: e.name, hidden: e.hidden ?? false });
    return out;
  }

  async sheetNames(): Promise<string[]> {
    return this.current().map((s) => s.name);
  }

  private async base(name: string): Promise<BaseSheet> {
    let base = this.bases.get(name);
    if (base) return base;
    const ref = this.pkg.sheets.find((s) => s.name === name);
    if (!ref) return { cells: [], merges: [] };
    this.strings ??= await readSharedStrings(this.pkg);
    const styles = await this.cellStyles();
    const cells: SheetCell[] = [];
    const limit = snapshotCellLimit(this.pkg.limits);
    const { merges } = await readSheetCells(this.pkg, ref.path, this.strings, (cell) => {
      if (this.pkg.date1904 && typeof cell.value === "number" && styles.isDate(cell.style)) {
        cells.push({ ...cell, value: cell.value + DATE1904_OFFSET });
      } else cells.push(cell);
      if (++this.cellsHeld > limit) throw new XlsxError(XLSX_MSG.tooManyValues(name, limit));
      // Inline text is not shared: many long cells would hold gigabytes however few they are.
      this.charsHeld += (typeof cell.value === "string" ? cell.value.length : 0) + (cell.formula?.length ?? 0);
      if (this.charsHeld > limit * TEXT_PER_CELL) throw new XlsxError(XLSX_MSG.tooMuchText(name, limit * TEXT_PER_CELL));
    });
    base = { cells, merges };
    this.bases.set(name, base);
    return base;
  }

  private async cellStyles(): Promise<CellStyles> {
    this.styles ??= readCellStyles(await wholeStylesText(this.pkg));
    return this.styles;
  }

  async read(sheets: readonly string[], options: { readonly formulas?: boolean; readonly numberFormats?: boolean } = {}): Promise<Map<string, SheetSnapshot>> {
    const out = new Map<string, SheetSnapshot>();
    const present = new Set(this.current().map((s) => s.name));
    for (const name of sheets) {
      if (!present.has(name)) continue;
      out.set(name, await this.snapshot(name, options.formulas === true, options.numberFormats === true));
    }
    return out;
  }

  private async snapshot(name: string, withFormulas: boolean, withFormats: boolean): Promise<SheetSnapshot> {
    const edit = this.edits.get(name);
    const base = edit?.fresh ? { cells: [], merges: [] } : await this.base(name);
    const styles = withFormats ? await this.cellStyles() : undefined;
    interface Cell { value: CellValue; formula: string | null; uncalculated: boolean; format: string | null }
    const cells = new Map<number, Cell>();
    for (const c of base.cells) {
      cells.set(cellKey(c.row, c.col), {
        value: c.value, formula: c.formula !== undefined ? `=${c.formula}` : null, uncalculated: c.uncalculated,
        format: styles ? styles.formatOf(c.style) : null,
      });
    }
    if (edit) {
      for (const [key, e] of edit.cells) {
        const old = cells.get(key);
        let cell: Cell = old ?? { value: null, formula: null, uncalculated: false, format: null };
        if (e.clearStyle) cell = { ...cell, format: styles ? "General" : null };
        if (e.content) {
          cell = "formula" in e.content
            ? { ...cell, value: null, formula: `=${e.content.formula}`, uncalculated: true }
            : { ...cell, value: e.content.value, formula: null, uncalculated: false };
        }
        if (e.format?.numberFormat !== undefined && styles) cell = { ...cell, format: e.format.numberFormat };
        cells.set(key, cell);
      }
    }
    // Covered cells of merged areas read as empty (as Office.js reads them): each area costs at most the
    // smaller of its size and the number of cells, never a set as large as the area; many large areas
    // (overlapping, which Excel does not allow) are refused rather than read for minutes.
    let work = 0;
    for (const ref of base.merges) {
      const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
      if (!m) continue;
      const [top, bottom] = [Number(m[2]) - 1, Number(m[4]) - 1];
      const [left, right] = [colOf(m[1]), colOf(m[3])];
      const covers = (key: number) => {
        const r = Math.floor(key / 16384);
        const c = key % 16384;
        return r >= top && r <= bottom && c >= left && c <= right && (r !== top || c !== left);
      };
      const size = (bottom - top + 1) * (right - left + 1);
      work += Math.max(0, Math.min(size, cells.size));
      if (work > 16 * snapshotCellLimit(this.pkg.limits)) throw new XlsxError(XLSX_MSG.tooManyMerges(name));
      if (size <= cells.size) {
        for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) if (r !== top || c !== left) cells.delete(cellKey(r, c));
      } else for (const key of cells.keys()) if (covers(key)) cells.delete(key);
    }
    // A cell is kept when it has a value, a formula, or is a formula without a result (a data-table member,
    // a shared formula whose master is missing): that one is listed as uncalculated, never read as blank.
    const kept = (cell: Cell) => cell.value !== null || cell.formula !== null || cell.uncalculated;
    let rows = 0;
    let cols = 0;
    const rowsWithCells = new Set<number>();
    for (const [key, cell] of cells) {
      if (!kept(cell)) continue;
      const r = Math.floor(key / 16384);
      rowsWithCells.add(r);
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, (key % 16384) + 1);
    }
    // The grid (rows with a cell × columns) may be sparser than the cells: a note far to the right.
    const area = 4 * snapshotCellLimit(this.pkg.limits);
    if (rows > EXCEL_MAX_ROWS || rowsWithCells.size * cols > area) throw new XlsxError(XLSX_MSG.tooManyCells(name, area));
    // Rows without a cell share one empty row: a header below many blank rows costs little.
    const blank = Object.freeze(Array<CellValue>(cols).fill(null));
    const blankText = Object.freeze(Array<string | null>(cols).fill(null));
    const values: (readonly CellValue[])[] = Array.from({ length: rows }, (_, r) => (rowsWithCells.has(r) ? Array<CellValue>(cols).fill(null) : blank));
    const formulas = withFormulas ? Array.from({ length: rows }, (_, r) => (rowsWithCells.has(r) ? Array<string | null>(cols).fill(null) : blankText)) : undefined;
    const formats = withFormats ? Array.from({ length: rows }, (_, r) => (rowsWithCells.has(r) ? Array<string | null>(cols).fill(null) : blankText)) : undefined;
    const uncalculated: { row: number; col: number }[] = [];
    for (const [key, cell] of cells) {
      if (!kept(cell)) continue;
      const r = Math.floor(key / 16384);
      const c = key % 16384;
      (values[r] as CellValue[])[c] = cell.value;
      if (formulas) (formulas[r] as (string | null)[])[c] = cell.formula;
      if (formats) (formats[r] as (string | null)[])[c] = cell.format;
      if (cell.uncalculated) uncalculated.push({ row: r, col: c });
    }
    uncalculated.sort((a, b) => a.row - b.row || a.col - b.col);
    return {
      name, values,
      ...(formulas ? { formulas } : {}),
      ...(uncalculated.length > 0 ? { uncalculated } : {}),
      ...(formats ? { numberFormats: formats } : {}),
    };
  }

  async apply(plan: WritePlan): Promise<void> {
    for (const op of plan) this.applyOp(op);
  }

  private edit(name: string): SheetEdit {
    let edit = this.edits.get(name);
    if (!edit) {
      const ref = this.pkg.sheets.find((s) => s.name === name);
      if (!ref) throw new Error(`package adapter: no sheet ${name}`);
      edit = new SheetEdit(name, ref);
      this.edits.set(name, edit);
      this.order.push(edit);
    }
    if (edit.deleted) throw new Error(`package adapter: no sheet ${name}`);
    return edit;
  }

  private eachCell(ref: RangeRef, f: (row: number, col: number) => void): void {
    for (let r = 0; r < ref.rows; r++) for (let c = 0; c < ref.cols; c++) f(ref.row + r, ref.col + c);
  }

  private applyOp(op: WriteOp): void {
    switch (op.kind) {
      case "addSheet": {
        const existing = this.edits.get(op.sheet);
        const inFile = this.pkg.sheets.some((s) => s.name === op.sheet);
        if (existing?.deleted) {
          existing.deleted = false;
          existing.reset();
          existing.hidden = op.hidden ?? false;
        } else if (existing || inFile) {
          if (op.hidden !== undefined) this.edit(op.sheet).hidden = op.hidden;
        } else {
          const edit = new SheetEdit(op.sheet, undefined);
          edit.hidden = op.hidden ?? false;
          this.edits.set(op.sheet, edit);
          this.order.push(edit);
        }
        return;
      }
      case "values":
      case "formulas": {
        const edit = this.edit(op.sheet);
        const rows = op.kind === "values" ? op.values : op.formulas;
        rows.forEach((line, r) => line.forEach((v, c) => {
          const cell = edit.cell(op.row + r, op.col + c);
          cell.content = op.kind === "formulas" && typeof v === "string" && v.startsWith("=") ? { formula: v.slice(1) } : { value: v === "" ? null : v };
        }));
        return;
      }
      case "clear": {
        const edit = this.edit(op.range.sheet);
        this.eachCell(op.range, (r, c) => {
          const cell = edit.cell(r, c);
          cell.content = { value: null };
          cell.clearStyle = true;
          cell.format = undefined;
        });
        return;
      }
      case "format": {
        const edit = this.edit(op.range.sheet);
        this.eachCell(op.range, (r, c) => {
          const cell = edit.cell(r, c);
          cell.format = { ...cell.format, ...op.format } as CellFormat;
        });
        return;
      }
      case "merge": {
        const { row, col, rows, cols } = op.range;
        const edit = this.edit(op.range.sheet);
        const area = { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 };
        const i = edit.merges.findIndex((m) => m.top <= area.bottom && area.top <= m.bottom && m.left <= area.right && area.left <= m.right);
        if (i >= 0) edit.merges.splice(i, 1);
        edit.merges.push(area);
        return;
      }
      case "columnWidth":
        this.edit(op.sheet).widths.set(op.col, op.width);
        return;
      case "freeze":
        this.edit(op.sheet).freeze = { rows: op.rows, cols: op.cols };
        return;
      case "listValidation": {
        const { row, col, rows, cols } = op.range;
        this.edit(op.range.sheet).validations.push({ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1, list: op.list });
        return;
      }
      case "deleteSheet": {
        const existing = this.edits.get(op.sheet);
        const inFile = this.pkg.sheets.some((s) => s.name === op.sheet);
        if (!existing && !inFile) return;
        const edit = existing ?? this.edit(op.sheet);
        edit.reset();
        edit.deleted = true;
        return;
      }
      case "pageSetup":
        this.edit(op.sheet).pageSetup = op.setup;
        return;
      case "rowHeight":
        this.edit(op.sheet).heights.set(op.row, op.height);
        return;
      case "note":
        // A note would add a comments part to a sheet the user owns; the headless patch adds none. The same
        // explanations are on 填写说明, and the blank template (exceljs) and the Office.js path write notes.
        return;
      case "barChart":
        // No chart part is written here (see the header); the Office.js adapter draws it.
        return;
      default: {
        const never: never = op;
        throw new Error(`package adapter: unknown op ${JSON.stringify(never)}`);
      }
    }
  }
}

function colOf(letters: string): number {
  let col = 0;
  for (const ch of letters) col = col * 26 + ch.charCodeAt(0) - 64;
  return col - 1;
}
