/**
 * The result sheets the import owns (月度考核, 工单导入校验, 工单核查, _工单列映射) are rewritten whole on every
 * import: the previous used range is cleared, then title, note lines and one or more tables are written.
 * Title, headers and widths use the same helpers and styles as compute-all's result sheets.
 */
import type { CellValue, SheetSnapshot, WriteOp } from "../port";
import { ROW_HEIGHT, STYLE, lineHeight, printOp, range, titleOps } from "../styles";
import { usedHeight, usedWidth } from "../tables";
import { fitWidth, wrappedLines } from "../../text/width";

export interface OwnedColumn {
  readonly label: string;
  readonly numberFormat?: string;
  readonly center?: boolean;
  readonly maxWidth?: number;
  /**
   * A fixed width (characters) instead of one fitted to the values. A table with fixed widths gets a header
   * row three lines high (its labels wrap), so that a wide table prints legibly one page wide (spec H, J).
   */
  readonly width?: number;
  /** Long text wraps within the column and its row grows to show it (扣分说明), instead of spilling over. */
  readonly wrap?: boolean;
}

export interface OwnedTable {
  readonly columns: readonly OwnedColumn[];
  readonly rows: readonly (readonly CellValue[])[];
}

export interface OwnedSheet {
  readonly sheet: string;
  readonly title?: string;
  /** Lines under the title (e.g. the summary line), one row each, text in the first column. */
  readonly notes?: readonly string[];
  /** Tables, one below the other with a blank row between them. */
  readonly tables: readonly OwnedTable[];
  readonly hidden?: boolean;
  /** Freeze the rows down to the last table's header, and this many columns. */
  readonly freezeColumns?: number;
}

export interface OwnedLayout {
  /** 0-based header row of each table. */
  readonly headerRows: readonly number[];
}

/** Ops that replace the sheet's whole content (`previous` is its snapshot, undefined when it does not exist). */
export function ownedSheetOps(previous: SheetSnapshot | undefined, spec: OwnedSheet): { ops: WriteOp[]; layout: OwnedLayout } {
  const { sheet } = spec;
  const ops: WriteOp[] = [];
  if (!previous || spec.hidden) ops.push(spec.hidden ? { kind: "addSheet", sheet, hidden: true } : { kind: "addSheet", sheet });
  if (previous) {
    const rows = usedHeight(previous);
    const cols = usedWidth(previous);
    if (rows > 0 && cols > 0) ops.push({ kind: "clear", range: range(sheet, 0, 0, rows, cols) });
  }
  const width = spec.tables.reduce((w, t) => Math.max(w, t.columns.length), 1);
  let row = 0;
  if (spec.title !== undefined) {
    ops.push(...titleOps(sheet, row, width, spec.title));
    row++;
  }
  const fixed = spec.tables.some((t) => t.columns.some((c) => c.width !== undefined));
  for (const note of spec.notes ?? []) {
    ops.push({ kind: "values", sheet, row, col: 0, values: [[note]] });
    // Across a table of fixed widths a note wraps over the table's width: spilling, it would widen the page.
    if (fixed) ops.push(...noteOps(sheet, row, note, spec.tables));
    row++;
  }
  const headerRows: number[] = [];
  const widthTexts: string[][] = Array.from({ length: width }, () => []);
  spec.tables.forEach((table, t) => {
    if (t > 0) row++; // a blank row between tables
    const header = row;
    headerRows.push(header);
    const labels = table.columns.map((c) => c.label);
    ops.push({ kind: "values", sheet, row: header, col: 0, values: [labels] });
    ops.push({ kind: "format", range: range(sheet, header, 0, 1, labels.length), format: STYLE.resultHeader });
    const first = header + 1;
    if (table.rows.length > 0) {
      ops.push({ kind: "values", sheet, row: first, col: 0, values: table.rows.map((r) => labels.map((_, c) => r[c] ?? null)) });
      table.columns.forEach((c, i) => {
        if (c.numberFormat) ops.push({ kind: "format", range: range(sheet, first, i, table.rows.length, 1), format: { numberFormat: c.numberFormat } });
        if (c.center) ops.push({ kind: "format", range: range(sheet, first, i, table.rows.length, 1), format: STYLE.center });
        if (c.wrap) ops.push({ kind: "format", range: range(sheet, first, i, table.rows.length, 1), format: STYLE.wrap });
      });
      ops.push(...wrappedHeights(sheet, first, table));
    }
    if (table.columns.some((c) => c.width !== undefined)) ops.push({ kind: "rowHeight", sheet, row: header, height: ROW_HEIGHT.header });
    table.columns.forEach((c, i) => {
      widthTexts[i].push(c.label);
      for (const r of table.rows) {
        const v = r[i];
        widthTexts[i].push(v === null || v === undefined ? "" : typeof v === "number" && c.numberFormat?.includes("%") ? "100.00%" : String(v));
      }
    });
    row = first + table.rows.length;
  });
  widthTexts.forEach((texts, i) => {
    const max = spec.tables.reduce((m, t) => Math.max(m, t.columns[i]?.maxWidth ?? 40), 8);
    ops.push({ kind: "columnWidth", sheet, col: i, width: fixedWidth(spec.tables, i) ?? fitWidth(texts, 8, max) });
  });
  if (spec.freezeColumns !== undefined && headerRows.length > 0) {
    ops.push({ kind: "freeze", sheet, rows: headerRows[headerRows.length - 1] + 1, cols: spec.freezeColumns });
  }
  // Printed on A4 like the other result sheets (spec H): wide tables landscape; the title and the header
  // repeated on every page (only the title when several tables follow each other).
  if (!spec.hidden && headerRows.length > 0) {
    ops.push(printOp(sheet, width > 8 ? "landscape" : "portrait", { first: 0, last: headerRows.length === 1 ? headerRows[0] : 0 }));
  }
  return { ops, layout: { headerRows } };
}

/** The fixed width of column `i` (the widest any table gives it), undefined when no table fixes it. */
function fixedWidth(tables: readonly OwnedTable[], i: number): number | undefined {
  const widths = tables.flatMap((t) => (t.columns[i]?.width !== undefined ? [t.columns[i].width as number] : []));
  return widths.length > 0 ? Math.max(...widths) : undefined;
}

/** Heights of the rows whose wrapped cells take several lines (a little narrower than the column: never a line short). */
function wrappedHeights(sheet: string, first: number, table: OwnedTable): WriteOp[] {
  const wrapped = table.columns.flatMap((c, i) => (c.wrap && c.width !== undefined ? [{ i, width: c.width - 2 }] : []));
  if (wrapped.length === 0) return [];
  return table.rows.flatMap((r, k) => {
    const lines = Math.max(...wrapped.map(({ i, width }) => wrappedLines(String(r[i] ?? ""), width)));
    return lines > 1 ? [{ kind: "rowHeight" as const, sheet, row: first + k, height: lineHeight(lines) }] : [];
  });
}

/** A note merged over the widest table's fixed width, wrapped, its row as high as its lines. */
function noteOps(sheet: string, row: number, note: string, tables: readonly OwnedTable[]): WriteOp[] {
  const cols = tables.reduce((n, t) => Math.max(n, t.columns.length), 1);
  const width = tables.reduce((w, t) => Math.max(w, t.columns.reduce((s, c) => s + (c.width ?? 8), 0)), 8);
  return [
    { kind: "merge", range: range(sheet, row, 0, 1, cols) },
    { kind: "format", range: range(sheet, row, 0, 1, cols), format: STYLE.wrap },
    { kind: "rowHeight", sheet, row, height: lineHeight(wrappedLines(note, width - 4)) },
  ];
}
