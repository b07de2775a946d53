/** The edits a package port has recorded, per sheet and in the order they were first made. */
import type { XlsxPackage } from "../../../xlsx/package";
import { SheetEdit } from "../../../xlsx/sheet-edit";

export class PackageEdits {
  readonly byName = new Map<string, SheetEdit>();
  readonly order: SheetEdit[] = [];

  constructor(readonly pkg: XlsxPackage) {}

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
