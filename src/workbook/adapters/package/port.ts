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
import { XLSX_MSG, XlsxError } from "../../../xlsx/messages";
import { DEFAULT_LIMITS, snapshotCellLimit, type XlsxLimits } from "../../../xlsx/limits";
import { openPackage, readSharedStrings, wholeStylesText, type XlsxPackage } from "../../../xlsx/package";
import { readSheetCells, type SheetCell } from "../../../xlsx/sheet-cells";
import { readCellStyles, type CellStyles } from "../../../xlsx/styles";
import { writePatchedPackage } from "../../../xlsx/write-package";
import type { ByteSink } from "../../../xlsx/zip-writer";
import { verifyEntry, type RandomAccessFile } from "../../../xlsx/zip";
import { DATE1904_OFFSET } from "../../../sheet";
import type { SheetSnapshot, WorkbookPort, WritePlan } from "../../port";
import { handleOp } from "../handlers";
import { PackageEdits } from "./edits";
import { PACKAGE_OPS } from "./ops";
import { sheetSnapshot, type BaseSheet } from "./snapshot";

/** Characters of text and formulas held per cell of the limit, on average (a register's notes are far shorter). */
const TEXT_PER_CELL = 128;

/** The workbook's bytes: a file (src/xlsx/node-file), a browser File (blobFile) or bytes (bytesFile); closed by close(). */
export type PackageFile = RandomAccessFile & { close?(): Promise<void> };

export class PackageWorkbookPort implements WorkbookPort {
  private readonly edits: PackageEdits;
  private readonly bases = new Map<string, BaseSheet>();
  private strings?: readonly string[];
  private styles?: CellStyles;
  /**
   * Snapshots already made, by sheet and options, until a write touches the sheet: one run reads a large
   * sheet (a 工单研判 of 10,000 rows) several times, and each snapshot lays out every cell again.
   */
  private readonly snapshots = new Map<string, SheetSnapshot>();
  /** Cells, and characters of their text and formulas, held by the sheets read so far (against snapshotCellLimit). */
  private cellsHeld = 0;
  private charsHeld = 0;

  private constructor(private readonly file: PackageFile, readonly pkg: XlsxPackage) {
    this.edits = new PackageEdits(pkg);
  }

  /**
   * Opens a workbook file. The whole package is checked first (every part's size against the limit,
   * its length and CRC-32 against the directory), so a damaged file is refused before anything is written.
   */
  static async open(file: PackageFile, limits: XlsxLimits = DEFAULT_LIMITS): Promise<PackageWorkbookPort> {
    try {
      const pkg = await openPackage(file, limits);
      if (pkg.sheets.length === 0) throw new XlsxError(XLSX_MSG.noWorksheet);
      for (const entry of pkg.entries.values()) if (!entry.name.endsWith("/")) await verifyEntry(file, entry, limits.maxPartBytes);
      return new PackageWorkbookPort(file, pkg);
    } catch (error) {
      await file.close?.();
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.file.close?.();
  }

  /** Writes the patched package to `sink` (a file other than the one read, or bytes to download). */
  async save(sink: ByteSink): Promise<void> {
    await writePatchedPackage(this.pkg, this.edits.order, sink);
  }

  async sheetNames(): Promise<string[]> {
    return this.edits.current().map((s) => s.name);
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
    const present = new Set(this.edits.current().map((s) => s.name));
    for (const name of sheets) {
      if (!present.has(name)) continue;
      const key = `${options.formulas === true ? "f" : "-"}${options.numberFormats === true ? "n" : "-"}${name}`;
      let snapshot = this.snapshots.get(key);
      if (!snapshot) this.snapshots.set(key, (snapshot = await this.snapshot(name, options.formulas === true, options.numberFormats === true)));
      out.set(name, snapshot);
    }
    return out;
  }

  private async snapshot(name: string, withFormulas: boolean, withFormats: boolean): Promise<SheetSnapshot> {
    const edit = this.edits.byName.get(name);
    const base = edit?.fresh ? { cells: [], merges: [] } : await this.base(name);
    const styles = withFormats ? await this.cellStyles() : undefined;
    return sheetSnapshot(name, base, edit, { withFormulas, styles, cellLimit: snapshotCellLimit(this.pkg.limits) });
  }

  async apply(plan: WritePlan): Promise<void> {
    const touched = new Set(plan.map((op) => ("range" in op ? op.range.sheet : op.sheet)));
    for (const key of this.snapshots.keys()) if (touched.has(key.slice(2))) this.snapshots.delete(key);
    for (const op of plan) handleOp(PACKAGE_OPS, op, this.edits);
  }
}
