/** The few cell formats the template and compute-all use, as port CellFormats. */
import type { CellFormat, RangeRef, WriteOp } from "./port";

export const STYLE = {
  title: { bold: true, fontSize: 14, horizontal: "center" },
  inputHeader: { bold: true, fill: "#DDEBF7", horizontal: "center", wrap: true },
  resultHeader: { bold: true, fill: "#E2EFDA", horizontal: "center", wrap: true },
  center: { horizontal: "center" },
} as const satisfies Record<string, CellFormat>;

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
