/**
 * Where compute-all writes, and how it replaces its previous results: the result sheets it owns and the
 * result columns of 便民化考核. It clears its previous result area first (so a shorter run leaves no stale
 * rows) and writes every result cell, so a second run writes exactly the same values.
 */
import { NEW_SHEET_LAYOUT, type SheetSpec } from "./contract";
import type { CellValue, SheetSnapshot, WriteOp } from "./port";
import { STYLE, columnRuns, lineHeight, range, titleOps } from "./styles";
import { findHeader, usedHeight, usedWidth } from "./tables";
import { fitWidth, wrappedLines } from "../text/width";

export interface ResultLayout {
  readonly sheet: string;
  /** The sheet does not exist: add it. */
  readonly create: boolean;
  /** Title and header rows are written (a new sheet, or a result sheet whose header row was not found). */
  readonly fresh: boolean;
  /** Used range to clear before writing (a result sheet whose header row was not found). */
  readonly clearRows: number;
  readonly clearCols: number;
  readonly headerRow: number;
  /** Result label → 0-based column. */
  readonly columns: ReadonlyMap<string, number>;
  /** Labels whose header cell is written (all when fresh; otherwise the missing ones, appended to the right). */
  readonly newLabels: readonly string[];
  /** End (exclusive) of the previous used area: result cells down to here are cleared. */
  readonly previousEnd: number;
}

/**
 * The layout of `labels` in a sheet. A result sheet (`owned`) without a recognisable header row is cleared
 * and laid out afresh; a missing label is appended after the used columns (never over a cell in use).
 */
export function resultLayout(
  snapshot: SheetSnapshot | undefined, spec: SheetSpec, labels: readonly string[], owned: boolean,
  options: { titleRow?: boolean; /** Lay an owned sheet out afresh (its shape changed). */ fresh?: boolean } = {},
): ResultLayout {
  const header = snapshot ? findHeader(snapshot, spec) : undefined;
  // A result sheet that needs a title row (the run's status) but has its header in row 1 is laid out afresh.
  if (!snapshot || !header || (owned && options.titleRow && header.row === 0) || (owned && options.fresh)) {
    if (!owned) throw new Error(`result columns of ${spec.name} need its header row`);
    const { headerRow } = NEW_SHEET_LAYOUT;
    return {
      sheet: spec.name, create: !snapshot, fresh: true,
      clearRows: snapshot ? usedHeight(snapshot) : 0, clearCols: snapshot ? usedWidth(snapshot) : 0,
      headerRow, columns: new Map(labels.map((l, i) => [l, i])), newLabels: labels, previousEnd: headerRow + 1,
    };
  }
  const columns = new Map<string, number>();
  const newLabels: string[] = [];
  let next = usedWidth(snapshot);
  for (const label of labels) {
    const found = header.columns.get(label);
    if (found !== undefined) columns.set(label, found);
    else {
      columns.set(label, next++);
      newLabels.push(label);
    }
  }
  return {
    sheet: spec.name, create: false, fresh: false, clearRows: 0, clearCols: 0, headerRow: header.row, columns, newLabels,
    previousEnd: Math.max(usedHeight(snapshot), header.row + 1),
  };
}

export interface ColumnWrite {
  readonly label: string;
  /** One value per data row, from the row below the header. */
  readonly values: readonly CellValue[];
  readonly numberFormat?: string;
  readonly center?: boolean;
  readonly maxWidth?: number;
  /** A fixed width (characters) instead of one fitted to the values. */
  readonly width?: number;
  /** Long text wraps within the column (the row grows) instead of spilling over. */
  readonly wrap?: boolean;
}

/** Clears the previous results of these columns, writes the new ones with their formats and widths. */
export function writeColumns(layout: ResultLayout, writes: readonly ColumnWrite[],
  options: { widths: boolean; /** Set every row's height (a sheet the product owns), not only the taller ones. */ allHeights?: boolean }): WriteOp[] {
  const { sheet, headerRow } = layout;
  const ops: WriteOp[] = [];
  const colOf = (label: string) => {
    const c = layout.columns.get(label);
    if (c === undefined) throw new Error(`no column ${label} in ${sheet}`);
    return c;
  };
  const rows = writes.reduce((n, w) => Math.max(n, w.values.length), 0);
  const firstRow = headerRow + 1;
  const clearEnd = Math.max(layout.previousEnd, firstRow + rows);
  const byCol = new Map(writes.map((w) => [colOf(w.label), w]));
  for (const run of columnRuns([...byCol.keys()])) {
    if (clearEnd > firstRow) ops.push({ kind: "clear", range: range(sheet, firstRow, run[0], clearEnd - firstRow, run.length) });
  }
  const headerLabels = writes.filter((w) => layout.newLabels.includes(w.label));
  for (const w of headerLabels) {
    const c = colOf(w.label);
    ops.push({ kind: "values", sheet, row: headerRow, col: c, values: [[w.label]] });
    ops.push({ kind: "format", range: range(sheet, headerRow, c), format: STYLE.resultHeader });
  }
  if (rows > 0) {
    for (const run of columnRuns([...byCol.keys()])) {
      const values = Array.from({ length: rows }, (_, i) => run.map((c) => (byCol.get(c) as ColumnWrite).values[i] ?? null));
      ops.push({ kind: "values", sheet, row: firstRow, col: run[0], values });
    }
    for (const [c, w] of byCol) {
      if (w.numberFormat) ops.push({ kind: "format", range: range(sheet, firstRow, c, rows, 1), format: { numberFormat: w.numberFormat } });
      if (w.center) ops.push({ kind: "format", range: range(sheet, firstRow, c, rows, 1), format: STYLE.center });
      if (w.wrap) ops.push({ kind: "format", range: range(sheet, firstRow, c, rows, 1), format: STYLE.wrap });
    }
  }
  if (options.widths) {
    const widths = new Map<number, number>();
    for (const [c, w] of byCol) {
      const texts = [w.label, ...w.values.map((v) => (v === null ? "" : typeof v === "number" && w.numberFormat ? "100.00%" : String(v)))];
      const width = w.width ?? fitWidth(texts, 8, w.maxWidth ?? 60);
      widths.set(c, width);
      ops.push({ kind: "columnWidth", sheet, col: c, width });
    }
    // Rows whose wrapped text takes several lines get the height it needs: neither Excel nor LibreOffice
    // grows a row written by a program when the file is opened.
    const wrapped = [...byCol].filter(([, w]) => w.wrap);
    for (let i = 0; i < rows && wrapped.length > 0; i++) {
      const lines = Math.max(...wrapped.map(([c, w]) => wrappedLines(String(w.values[i] ?? ""), widths.get(c) as number)));
      if (lines > 1 || options.allHeights) ops.push({ kind: "rowHeight", sheet, row: firstRow + i, height: lineHeight(lines) });
    }
  }
  return ops;
}

/** The ops that prepare a result sheet before its columns are written: add, clear junk, title, header, freeze. */
export function prepareResultSheet(layout: ResultLayout, title: string | undefined): WriteOp[] {
  const ops: WriteOp[] = [];
  if (layout.create) ops.push({ kind: "addSheet", sheet: layout.sheet });
  if (!layout.fresh) return ops;
  if (layout.clearRows > 0 && layout.clearCols > 0) {
    ops.push({ kind: "clear", range: range(layout.sheet, 0, 0, layout.clearRows, layout.clearCols) });
  }
  const cols = layout.columns.size;
  if (title) ops.push(...titleOps(layout.sheet, NEW_SHEET_LAYOUT.titleRow, cols, title));
  ops.push({ kind: "freeze", sheet: layout.sheet, rows: layout.headerRow + 1, cols: 1 });
  return ops;
}
