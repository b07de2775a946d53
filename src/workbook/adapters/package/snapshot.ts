/**
 * A sheet's snapshot as the package adapter answers it: the cells read from the file (base), overlaid by the
 * edits recorded so far, covered cells of merged areas dropped, laid out from A1.
 */
import { XLSX_MSG, XlsxError } from "../../../xlsx/messages";
import type { SheetCell } from "../../../xlsx/sheet-cells";
import { cellKey, columnIndex, EXCEL_MAX_ROWS, keyCol, keyRow } from "../../../sheet";
import type { CellEdit, SheetEdit } from "../../../xlsx/sheet-edit";
import type { CellStyles } from "../../../xlsx/styles";
import type { CellValue, SheetSnapshot } from "../../port";

export interface BaseSheet {
  readonly cells: readonly SheetCell[];
  readonly merges: readonly string[];
}

interface Cell { value: CellValue; formula: string | null; uncalculated: boolean; format: string | null }

/** What a snapshot carries, and the bound on its cells (snapshotCellLimit). */
export interface SnapshotRequest {
  readonly withFormulas: boolean;
  /** The workbook's styles when number formats are asked for. */
  readonly styles: CellStyles | undefined;
  readonly cellLimit: number;
}

/** Merged areas up to which an unedited sheet is laid out straight from its cells (each cell is checked against each area). */
const DIRECT_MERGES = 16;

/** The sheet's snapshot: `base` overlaid by `edit`. */
export function sheetSnapshot(name: string, base: BaseSheet, edit: SheetEdit | undefined, request: SnapshotRequest): SheetSnapshot {
  if (!edit && base.merges.length <= DIRECT_MERGES && inSheetOrder(base.cells)) return laidOutBase(name, base, request);
  if (edit && base.cells.length === 0 && base.merges.length === 0) return laidOutEdits(name, edit, request);
  const cells = overlaid(base, edit, request.styles);
  dropCovered(name, cells, base.merges, request.cellLimit);
  return laidOut(name, cells, request);
}

/** Each cell after the one before it (rows, then columns, as a sheet's XML holds them): no cell twice. */
function inSheetOrder(cells: readonly SheetCell[]): boolean {
  for (let i = 1; i < cells.length; i++) {
    const a = cells[i - 1];
    const b = cells[i];
    if (!(b.row > a.row || (b.row === a.row && b.col > a.col))) return false;
  }
  return true;
}

function overlaid(base: BaseSheet, edit: SheetEdit | undefined, styles: CellStyles | undefined): Map<number, Cell> {
  const cells = new Map<number, Cell>();
  for (const c of base.cells) {
    cells.set(cellKey(c.row, c.col), {
      value: c.value, formula: c.formula !== undefined ? `=${c.formula}` : null, uncalculated: c.uncalculated,
      format: styles ? styles.formatOf(c.style) : null,
    });
  }
  if (!edit) return cells;
  // forEach, not for…of with [key, value]: destructuring each entry is slow before the JIT has compiled the loop.
  edit.cells.forEach((e, key) => {
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
  });
  return cells;
}

/**
 * Covered cells of merged areas read as empty (as Office.js reads them): each area costs at most the
 * smaller of its size and the number of cells, never a set as large as the area; many large areas
 * (overlapping, which Excel does not allow) are refused rather than read for minutes.
 */
function dropCovered(name: string, cells: Map<number, Cell>, merges: readonly string[], cellLimit: number): void {
  let work = 0;
  for (const ref of merges) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
    if (!m) continue;
    const [top, bottom] = [Number(m[2]) - 1, Number(m[4]) - 1];
    const [left, right] = [columnIndex(m[1]), columnIndex(m[3])];
    const covers = (key: number) => {
      const r = keyRow(key);
      const c = keyCol(key);
      return r >= top && r <= bottom && c >= left && c <= right && (r !== top || c !== left);
    };
    const size = (bottom - top + 1) * (right - left + 1);
    work += Math.max(0, Math.min(size, cells.size));
    if (work > 16 * cellLimit) throw new XlsxError(XLSX_MSG.tooManyMerges(name));
    if (size <= cells.size) {
      for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) if (r !== top || c !== left) cells.delete(cellKey(r, c));
    } else for (const key of cells.keys()) if (covers(key)) cells.delete(key);
  }
}

/**
 * What laidOut makes of overlaid(base) after dropCovered, for a sheet without edits whose cells are in sheet
 * order (so none is overridden) and with few merged areas, without a map of every cell (a 工单研判 of 10,000
 * rows has 60,000).
 */
function laidOutBase(name: string, base: BaseSheet, request: SnapshotRequest): SheetSnapshot {
  const areas = mergedAreas(base.merges);
  const skipped = (c: SheetCell) => !(c.value !== null || c.formula !== undefined || c.uncalculated) || covered(c, areas);
  let rows = 0;
  let cols = 0;
  const rowsWithCells = new Set<number>();
  const all = base.cells;
  for (let i = 0; i < all.length; i++) {
    const c = all[i];
    if (skipped(c)) continue;
    rowsWithCells.add(c.row);
    rows = c.row + 1;
    cols = Math.max(cols, c.col + 1);
  }
  const { values, formulas, formats } = grid(name, rows, cols, rowsWithCells, request);
  const uncalculated: { row: number; col: number }[] = [];
  for (let i = 0; i < all.length; i++) {
    const c = all[i];
    if (skipped(c)) continue;
    (values[c.row] as CellValue[])[c.col] = c.value;
    if (formulas) (formulas[c.row] as (string | null)[])[c.col] = c.formula !== undefined ? `=${c.formula}` : null;
    if (formats) (formats[c.row] as (string | null)[])[c.col] = request.styles!.formatOf(c.style);
    if (c.uncalculated) uncalculated.push({ row: c.row, col: c.col });
  }
  return snapshotOf(name, values, formulas, formats, uncalculated);
}

/** The cell is covered by one of the merged areas (inside it, not its top-left cell). */
function covered(c: SheetCell, areas: readonly Area[]): boolean {
  for (let i = 0; i < areas.length; i++) {
    const { top, bottom, left, right } = areas[i];
    if (c.row >= top && c.row <= bottom && c.col >= left && c.col <= right && (c.row !== top || c.col !== left)) return true;
  }
  return false;
}

interface Area { readonly top: number; readonly bottom: number; readonly left: number; readonly right: number }

/**
 * What laidOut makes of overlaid(base, edit) when the base is empty (a sheet the plan writes anew, such as
 * 工单导入校验), without a second map of its cells: a cell is kept when it was given a value or a formula.
 */
function laidOutEdits(name: string, edit: SheetEdit, request: SnapshotRequest): SheetSnapshot {
  const kept = (e: CellEdit) => e.content !== undefined && ("formula" in e.content || e.content.value !== null);
  const { rows, cols, rowsWithCells } = extent(edit.cells, kept);
  const { values, formulas, formats } = grid(name, rows, cols, rowsWithCells, request);
  const uncalculated: { row: number; col: number }[] = [];
  const styled = request.styles !== undefined;
  edit.cells.forEach((e, key) => {
    if (!kept(e)) return;
    const r = keyRow(key);
    const c = keyCol(key);
    const content = e.content!;
    const formula = "formula" in content ? `=${content.formula}` : null;
    (values[r] as CellValue[])[c] = "formula" in content ? null : content.value;
    if (formulas) (formulas[r] as (string | null)[])[c] = formula;
    if (formats) (formats[r] as (string | null)[])[c] = e.format?.numberFormat !== undefined && styled ? e.format.numberFormat : e.clearStyle && styled ? "General" : null;
    if (formula !== null) uncalculated.push({ row: r, col: c });
  });
  return snapshotOf(name, values, formulas, formats, uncalculated);
}

/** Rows and columns spanned by the kept cells of a map keyed by cell key, and the rows holding any. */
function extent<T>(cells: ReadonlyMap<number, T>, kept: (cell: T) => boolean): { rows: number; cols: number; rowsWithCells: Set<number> } {
  let rows = 0;
  let cols = 0;
  const rowsWithCells = new Set<number>();
  cells.forEach((cell, key) => {
    if (!kept(cell)) return;
    const r = keyRow(key);
    rowsWithCells.add(r);
    rows = Math.max(rows, r + 1);
    cols = Math.max(cols, keyCol(key) + 1);
  });
  return { rows, cols, rowsWithCells };
}

/** Merged areas (0-based bounds); refs that are not A1:B2 ranges are skipped, as dropCovered does. */
function mergedAreas(merges: readonly string[]): Area[] {
  const areas: Area[] = [];
  for (const ref of merges) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
    if (m) areas.push({ top: Number(m[2]) - 1, bottom: Number(m[4]) - 1, left: columnIndex(m[1]), right: columnIndex(m[3]) });
  }
  return areas;
}

/**
 * The cells as rows from A1. A cell is kept when it has a value, a formula, or is a formula without a result
 * (a data-table member, a shared formula whose master is missing): that one is listed as uncalculated, never
 * read as blank.
 */
function laidOut(name: string, cells: Map<number, Cell>, request: SnapshotRequest): SheetSnapshot {
  const kept = (cell: Cell) => cell.value !== null || cell.formula !== null || cell.uncalculated;
  const { rows, cols, rowsWithCells } = extent(cells, kept);
  const { values, formulas, formats } = grid(name, rows, cols, rowsWithCells, request);
  const uncalculated: { row: number; col: number }[] = [];
  cells.forEach((cell, key) => {
    if (!kept(cell)) return;
    const r = keyRow(key);
    const c = keyCol(key);
    (values[r] as CellValue[])[c] = cell.value;
    if (formulas) (formulas[r] as (string | null)[])[c] = cell.formula;
    if (formats) (formats[r] as (string | null)[])[c] = cell.format;
    if (cell.uncalculated) uncalculated.push({ row: r, col: c });
  });
  return snapshotOf(name, values, formulas, formats, uncalculated);
}

type Rows<T> = (readonly T[])[];

/** Empty rows × columns of values (and of formulas and formats when asked for), after the bound on the grid's size. */
function grid(name: string, rows: number, cols: number, rowsWithCells: ReadonlySet<number>, request: SnapshotRequest):
  { values: Rows<CellValue>; formulas?: Rows<string | null>; formats?: Rows<string | null> } {
  // The grid (rows with a cell × columns) may be sparser than the cells: a note far to the right.
  const area = 4 * request.cellLimit;
  if (rows > EXCEL_MAX_ROWS || rowsWithCells.size * cols > area) throw new XlsxError(XLSX_MSG.tooManyCells(name, area));
  // Rows without a cell share one empty row: a header below many blank rows costs little.
  const blank = Object.freeze(Array<CellValue>(cols).fill(null));
  const blankText = Object.freeze(Array<string | null>(cols).fill(null));
  const textRows = () => Array.from({ length: rows }, (_, r) => (rowsWithCells.has(r) ? Array<string | null>(cols).fill(null) : blankText));
  const values: Rows<CellValue> = Array.from({ length: rows }, (_, r) => (rowsWithCells.has(r) ? Array<CellValue>(cols).fill(null) : blank));
  return { values, formulas: request.withFormulas ? textRows() : undefined, formats: request.styles ? textRows() : undefined };
}

function snapshotOf(name: string, values: Rows<CellValue>, formulas: Rows<string | null> | undefined, formats: Rows<string | null> | undefined,
  uncalculated: { row: number; col: number }[]): SheetSnapshot {
  uncalculated.sort((a, b) => a.row - b.row || a.col - b.col);
  return {
    name, values,
    ...(formulas ? { formulas } : {}),
    ...(uncalculated.length > 0 ? { uncalculated } : {}),
    ...(formats ? { numberFormats: formats } : {}),
  };
}
