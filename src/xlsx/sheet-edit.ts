/**
 * What the product changes in one worksheet, recorded from the port's write plan: cells (content and
 * format), merges, column widths, row heights, freeze panes, list validations, print setup. The sheet's
 * XML is patched from this at the end (./sheet-patch); reads in between see it (the adapter overlays it).
 */
import { cellKey, type CellFormat, type CellValue, type PageSetup } from "../sheet";
import type { SheetRef } from "./package";

export interface CellEdit {
  /** New content; absent: the content stays. A formula is its text without "=". */
  content?: { readonly value: CellValue } | { readonly formula: string };
  /** Style reset to the default (clear). */
  clearStyle?: boolean;
  /** Format changes applied over the cell's style, in order. */
  format?: CellFormat;
}

export class SheetEdit {
  /** Start from an empty sheet (a new sheet, or one deleted and added again). */
  fresh: boolean;
  deleted = false;
  hidden?: boolean;
  readonly cells = new Map<number, CellEdit>();
  /** Merged areas to add, as 0-based inclusive bounds. */
  readonly merges: { top: number; left: number; bottom: number; right: number }[] = [];
  readonly widths = new Map<number, number>();
  readonly heights = new Map<number, number>();
  freeze?: { readonly rows: number; readonly cols: number };
  /** List validations to add; `error` is the message Excel shows when a typed value is not in the list. */
  readonly validations: { top: number; left: number; bottom: number; right: number; list: readonly string[]; error: string }[] = [];
  pageSetup?: PageSetup;
  /** The sheet's part name once it has one (existing sheets: their part). */
  path?: string;

  constructor(readonly name: string, readonly ref: SheetRef | undefined) {
    this.fresh = ref === undefined;
    this.path = ref?.path;
  }

  cell(row: number, col: number): CellEdit {
    const key = cellKey(row, col);
    let edit = this.cells.get(key);
    if (!edit) this.cells.set(key, (edit = {}));
    return edit;
  }

  /** Back to an empty sheet (deleteSheet; a later addSheet revives it in its old place). */
  reset(): void {
    this.fresh = true;
    this.cells.clear();
    this.merges.length = 0;
    this.widths.clear();
    this.heights.clear();
    this.freeze = undefined;
    this.validations.length = 0;
    this.pageSetup = undefined;
  }

  get changed(): boolean {
    return this.fresh || this.cells.size > 0 || this.merges.length > 0 || this.widths.size > 0 || this.heights.size > 0
      || this.freeze !== undefined || this.validations.length > 0 || this.pageSetup !== undefined;
  }
}
