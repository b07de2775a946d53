/**
 * The one small port through which compute-all, the template and 定稿 talk to a workbook.
 * Reads return plain snapshots; writes are a plan of operations that an adapter applies in as few round
 * trips as it can (Office.js: a handful of context.sync() calls, large ranges in chunks; exceljs: in memory).
 * Rows and columns are 0-based; row 0 / column 0 is A1.
 */

import type { CellFormat, CellValue, PageSetup } from "../sheet";

export type { CellFormat, CellValue, PageSetup } from "../sheet";

export interface SheetSnapshot {
  readonly name: string;
  /**
   * The used range from A1: values[r][c]; empty cells are null. Dates are Excel date serials (1900 system),
   * as Office.js returns them; error results are their code ("#N/A").
   */
  readonly values: readonly (readonly CellValue[])[];
  /** Same shape as values; the formula text ("=ASSESS.VETO_SCORE(C2:H2)") or null where the cell holds no formula. */
  readonly formulas?: readonly (readonly (string | null)[])[];
  /**
   * Cells that hold a formula whose result the file does not carry (never calculated, e.g. written by a
   * script): their entry in `values` is null, but they are NOT blank. Only a file reader can see this;
   * Office.js always has a result. Readers must list them as problems (公式没有计算结果), never read them as
   * 0 or blank.
   */
  readonly uncalculated?: readonly { readonly row: number; readonly col: number }[];
  /**
   * Same shape as values where known: the cell's number format ("0.0%", "General"); used to tell a percent
   * cell (0.97 shown as 97%) from a plain number. Absent when the reader does not provide formats.
   */
  readonly numberFormats?: readonly (readonly (string | null)[])[];
}

export interface RangeRef {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

export type WriteOp =
  | { readonly kind: "addSheet"; readonly sheet: string; readonly hidden?: boolean }
  /** Plain values; null empties the cell (Office.js itself treats null as "leave unchanged": write "" there). */
  | { readonly kind: "values"; readonly sheet: string; readonly row: number; readonly col: number; readonly values: readonly (readonly CellValue[])[] }
  /** Formulas (text starting with "=") or plain values, written as the user would type them. */
  | { readonly kind: "formulas"; readonly sheet: string; readonly row: number; readonly col: number; readonly formulas: readonly (readonly CellValue[])[] }
  /** Clears contents and formats of a range. */
  | { readonly kind: "clear"; readonly range: RangeRef }
  | { readonly kind: "format"; readonly range: RangeRef; readonly format: CellFormat }
  | { readonly kind: "merge"; readonly range: RangeRef }
  | { readonly kind: "columnWidth"; readonly sheet: string; readonly col: number; readonly width: number /* characters */ }
  | { readonly kind: "freeze"; readonly sheet: string; readonly rows: number; readonly cols: number }
  | { readonly kind: "listValidation"; readonly range: RangeRef; readonly list: readonly string[] }
  | { readonly kind: "deleteSheet"; readonly sheet: string }
  /** Paper A4 and the given print setup for the whole sheet (replaces any earlier setup of that sheet). */
  | { readonly kind: "pageSetup"; readonly sheet: string; readonly setup: PageSetup }
  /** A cell note (comment) shown on hover: what a header means, where it comes from, an example. */
  | { readonly kind: "note"; readonly sheet: string; readonly row: number; readonly col: number; readonly text: string }
  | { readonly kind: "rowHeight"; readonly sheet: string; readonly row: number; readonly height: number /* points */ }
  | {
      /** A chart of the same name on that sheet is replaced, so that running compute-all twice leaves one chart. */
      readonly kind: "barChart"; readonly sheet: string; readonly name: string;
      /** Categories (unit names) and values (总分), one column each, same row span. */
      readonly categories: RangeRef; readonly values: RangeRef;
      readonly title: string; readonly anchor: { readonly row: number; readonly col: number };
    };

export type WritePlan = readonly WriteOp[];

export interface WorkbookPort {
  /** Names of all worksheets, in tab order. */
  sheetNames(): Promise<string[]>;
  /**
   * Snapshots of the named sheets (missing sheets are absent from the map); formulas and number formats only
   * when asked. `rows` and `columns` let an adapter read less (the Office.js one does: every cell read is
   * sent over the network): only the first `rows` rows, only these 0-based columns (other cells null). Both
   * are limits an adapter may ignore, so a caller must accept the whole sheet.
   */
  read(sheets: readonly string[], options?: {
    readonly formulas?: boolean; readonly numberFormats?: boolean; readonly rows?: number; readonly columns?: readonly number[];
  }): Promise<Map<string, SheetSnapshot>>;
  /** Applies a plan in order. */
  apply(plan: WritePlan): Promise<void>;
  /** A full calculation of every formula (Office.js: application.calculate(Full)); absent where the adapter cannot calculate. */
  calculate?(): Promise<void>;
}
