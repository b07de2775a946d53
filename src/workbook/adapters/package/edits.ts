/** The edits a package port has recorded, per sheet and in the order they were first made. */
import type { XlsxPackage } from "../../../xlsx/package";
import { SheetEdit } from "../../../xlsx/sheet-edit";
import type { CellFormat } from "../../port";

export class PackageEdits {
  readonly byName = new Map<string, SheetEdit>();
  readonly order: SheetEdit[] = [];

  /** Formats merged by `merged`, by the two formats merged. */
  private readonly mergedFormats = new WeakMap<CellFormat, WeakMap<CellFormat, CellFormat>>();

  constructor(readonly pkg: XlsxPackage) {}

  /** `later` applied over `earlier`: one object per pair (formats are never changed in place). */
  merged(earlier: CellFormat, later: CellFormat): CellFormat {
    let byLater = this.mergedFormats.get(earlier);
    if (!byLater) this.mergedFormats.set(earlier, (byLater = new WeakMap()));
    let format = byLater.get(later);
    if (!format) byLater.set(later, (format = { ...earlier, ...later } as CellFormat));
    return format;
  }

  inFile(name: string): boolean {
    return this.pkg.sheets.some((s) => s.name === name);
  }

  /** The edit of a sheet that exists (in the file or added by the plan). */
  edit(name: string): SheetEdit {
    let edit = this.byName.get(name);
    if (!edit) {
      const ref = this.pkg.sheets.find((s) => s.name === name);
      if (!ref) throw new Error(`package adapter: no sheet ${name}`);
      edit = this.add(new SheetEdit(name, ref));
    }
    if (edit.deleted) throw new Error(`package adapter: no sheet ${name}`);
    return edit;
  }

  add(edit: SheetEdit): SheetEdit {
    this.byName.set(edit.name, edit);
    this.order.push(edit);
    return edit;
  }

  /** The sheets as they are now, in tab order: the file's (less those deleted), then those added. */
  current(): { name: string; hidden: boolean }[] {
    const out: { name: string; hidden: boolean }[] = [];
    for (const s of this.pkg.sheets) {
      const edit = this.byName.get(s.name);
      if (edit?.deleted) continue;
      out.push({ name: s.name, hidden: edit?.hidden ?? s.state !== "visible" });
    }
    for (const e of this.order) if (!e.ref && !e.deleted) out.push({ name: e.name, hidden: e.hidden ?? false });
    return out;
  }
}
