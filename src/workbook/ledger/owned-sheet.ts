/**
 * The result sheets the import owns (月度考核, 工单导入校验, 工单核查, _工单列映射) are rewritten whole on every
 * import: the previous used range is cleared, then title, note lines and one or more tables are written.
 * Title, headers and widths use the same helpers and styles as compute-all's result sheets.
 */
import type { CellValue, SheetSnapshot, WriteOp } from "../port";
import { STYLE, printOp, range, titleOps } from "../styles";
import { usedHeight, usedWidth } from "../tables";
import { fitWidth } from "../../text/width";

export interface OwnedColumn {
  readonly label: string;
  readonly numberFormat?: string;
  readonly center?: boolean;
  readonly maxWidth?: number;
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
  for (const note of spec.notes ?? []) {
    ops.push({ kind: "values", sheet, row, col: 0, values: [[note]] });
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
      });
    }
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
    ops.push({ kind: "columnWidth", sheet, col: i, width: fitWidth(texts, 8, max) });
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
