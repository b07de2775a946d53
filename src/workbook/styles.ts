/** The few cell formats the template and compute-all use, as port CellFormats. */
import type { CellFormat, PageSetup, RangeRef, WriteOp } from "./port";

export const STYLE = {
  // Wrapped: a result sheet's title has a second line (the method and the run's status).
  title: { bold: true, fontSize: 14, horizontal: "center", wrap: true },
  inputHeader: { bold: true, fill: "#DDEBF7", horizontal: "center", wrap: true },
  resultHeader: { bold: true, fill: "#E2EFDA", horizontal: "center", wrap: true },
  center: { horizontal: "center" },
  wrap: { wrap: true, horizontal: "left" },
  footerLine: { fontSize: 11 },
} as const satisfies Record<string, CellFormat>;

/** Row heights in points: a 14 pt title (merged cells never grow by themselves), a header of up to three lines. */
export const ROW_HEIGHT = { title: 24, header: 45 } as const;

/**
 * Width (characters) of a wrapped 扣分说明 or 问题 column on a sheet that also holds input columns (便民化考核):
 * narrow enough that the sheet, fitted to one A4 landscape page wide, prints legibly (spec H, J).
 */
export const EXPLANATION_WIDTH = 40;

/** The height of a title row of `lines` lines of 14 pt text. */
export function titleHeight(lines: number): number {
  return Math.max(1, lines) * 20 + 4;
}

/** The height (points) of a row showing `lines` lines of 11 pt text (CJK glyphs need a little more than Latin). */
export function lineHeight(lines: number): number {
  return Math.min(MAX_ROW_HEIGHT, Math.max(1, lines) * 15 + (lines > 1 ? 2 : 0));
}

/** Excel's largest row height in points: a taller row is refused (Office.js) or clipped. */
export const MAX_ROW_HEIGHT = 409;

/** Footer of every printed page: 第 N 页 共 M 页, centred. */
export const PAGE_FOOTER = "&C第 &P 页 共 &N 页";

/**
 * Print setup of a sheet (spec H): A4, fitted to one page wide, rows `first`..`last` (title and header)
 * repeated on every page, page numbers in the footer, centred horizontally.
 */
export function printOp(sheet: string, orientation: PageSetup["orientation"], repeat: { first: number; last: number },
  printArea?: PageSetup["printArea"]): WriteOp {
  return {
    kind: "pageSetup", sheet,
    setup: { orientation, fitToWidth: 1, repeatRows: repeat, footer: PAGE_FOOTER, centerHorizontally: true, ...(printArea ? { printArea } : {}) },
  };
}

export function range(sheet: string, row: number, col: number, rows = 1, cols = 1): RangeRef {
  return { sheet, row, col, rows, cols };
}

/** A title row: the text in the first cell, merged across `cols` columns. */
export function titleOps(sheet: string, row: number, cols: number, title: string): WriteOp[] {
  return [
    { kind: "values", sheet, row, col: 0, values: [[title]] },
    ...(cols > 1 ? [{ kind: "merge" as const, range: range(sheet, row, 0, 1, cols) }] : []),
    { kind: "format", range: range(sheet, row, 0, 1, Math.max(cols, 1)), format: STYLE.title },
  ];
}

/** Runs of consecutive columns: [2,3,4,7] → [[2,3,4],[7]]. */
export function columnRuns(cols: readonly number[]): number[][] {
  const sorted = [...new Set(cols)].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === c - 1) last.push(c);
    else runs.push([c]);
  }
  return runs;
}
