/**
 * workbook.xml with the product's sheet changes (./write-package): sheets added, hidden or removed, print
 * titles as defined names (scopes shifted past removed sheets), "recalculate on open", and the active and
 * first visible tab kept on a sheet that still exists. Everything else stays as written.
 */
import { elementPrefix, prefixesFor } from "./namespaces";
import type { XlsxPackage } from "./package";
import { printTitlesRef } from "./sheet-patch";
import type { SheetEdit } from "./sheet-edit";
import { applyReplacements } from "./styles-patch";
import { attribute, decodeXmlText } from "./xml-text";
import { childElements, escapeXml, localName, rootElement, setAttribute, type Slice } from "./xml-tree";

const OFFICE_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A sheet of the written package, in final tab order. */
export interface SheetPlan {
  readonly edit?: SheetEdit;
  /** Index in pkg.sheets for existing sheets. */
  readonly existing?: number;
  readonly name: string;
}

/** workbook.xml being patched: its top-level elements and the replacements collected. */
interface WorkbookXml {
  readonly xml: string;
  /** The element prefix of the part ("x:" or ""). */
  readonly p: string;
  readonly root: Slice;
  readonly kids: readonly Slice[];
  readonly find: (name: string) => Slice | undefined;
  readonly reps: { start: number; end: number; text: string; order?: number }[];
}

export async function patchWorkbook(
  pkg: XlsxPackage, plans: readonly SheetPlan[], edits: readonly SheetEdit[], newRelId: ReadonlyMap<SheetEdit, string>, recalc: boolean,
): Promise<string> {
  const xml = await pkg.rawText(pkg.workbookPath);
  const root = rootElement(xml) as Slice;
  const rootTagText = xml.slice(root.start, root.tagEnd);
  const p = elementPrefix(rootTagText);
  const kids = childElements(xml, root.contentStart, root.contentEnd);
  const w: WorkbookXml = { xml, p, root, kids, find: (name) => kids.find((k) => k.name === `${p}${name}`), reps: [] };
  const deletedIndexes = patchSheetList(w, pkg, plans, edits, newRelId, prefixesFor(rootTagText, [OFFICE_REL_NS])[0]);
  patchDefinedNames(w, plans, deletedIndexes);
  if (recalc) patchCalcPr(w);
  patchBookViews(w, plans.length, deletedIndexes);
  return applyReplacements(xml, w.reps);
}

/** <sheets>: removed and hidden sheets, new ones appended; returns the indexes of the removed ones. */
function patchSheetList(
  { xml, p, find, reps }: WorkbookXml, pkg: XlsxPackage, plans: readonly SheetPlan[], edits: readonly SheetEdit[],
  newRelId: ReadonlyMap<SheetEdit, string>, rPrefix: string | undefined,
): number[] {
  const sheets = find("sheets");
  const deletedIndexes: number[] = [];
  if (!sheets) return deletedIndexes;
  let maxSheetId = 0;
  const children = childElements(xml, sheets.contentStart, sheets.contentEnd).filter((c) => localName(c.name) === "sheet");
  for (const c of children) maxSheetId = Math.max(maxSheetId, Number(attribute(xml.slice(c.start, c.tagEnd), "sheetId")) || 0);
  children.forEach((c, i) => {
    const ref = pkg.sheets[i];
    const edit = edits.find((e) => e.ref === ref);
    if (!edit) return;
    if (edit.deleted) {
      deletedIndexes.push(i);
      reps.push({ start: c.start, end: c.end, text: "" });
    } else if (edit.hidden !== undefined && (edit.hidden ? "hidden" : "visible") !== ref.state && !(edit.hidden && ref.state === "veryHidden")) {
      reps.push({ start: c.start, end: c.end, text: setAttribute(xml.slice(c.start, c.end), "state", edit.hidden ? "hidden" : undefined) });
    }
  });
  const addedSheets = plans.filter((pl) => pl.edit && !pl.edit.ref).map((pl) => {
    const e = pl.edit as SheetEdit;
    const id = newRelId.get(e) as string;
    const rel = rPrefix ? `${rPrefix}:id="${id}"` : `xmlns:r="${OFFICE_REL_NS}" r:id="${id}"`;
    return `<${p}sheet name="${escapeXml(e.name)}" sheetId="${++maxSheetId}"${e.hidden ? ' state="hidden"' : ""} ${rel}/>`;
  });
  if (addedSheets.length > 0) reps.push({ start: sheets.contentEnd, end: sheets.contentEnd, text: addedSheets.join("") });
  return deletedIndexes;
}

/** Defined names: print titles of the sheets the product sets up; scopes shifted past removed sheets. */
function patchDefinedNames({ xml, p, root, kids, find, reps }: WorkbookXml, plans: readonly SheetPlan[], deletedIndexes: readonly number[]): void {
  const titles = new Map<number, string>();
  plans.forEach((pl, i) => {
    const rows = pl.edit?.pageSetup?.repeatRows;
    if (rows) titles.set(i, printTitlesRef(pl.name, rows.first, rows.last));
  });
  const names = find("definedNames");
  if (titles.size === 0 && !(deletedIndexes.length > 0 && names)) return;
  const kept: string[] = [];
  if (names) {
    for (const c of childElements(xml, names.contentStart, names.contentEnd)) {
      const tag = xml.slice(c.start, c.tagEnd);
      const text = xml.slice(c.start, c.end);
      const scope = attribute(tag, "localSheetId");
      if (scope === undefined) {
        kept.push(text);
        continue;
      }
      const old = Number(scope);
      if (deletedIndexes.includes(old)) continue;
      const shifted = old - deletedIndexes.filter((d) => d < old).length;
      if (attribute(tag, "name") === "_xlnm.Print_Titles" && titles.has(shifted)) {
        // The same print titles as before stay as they were, byte for byte; different ones are replaced.
        if (decodeXmlText(xml.slice(c.tagEnd, c.end).replace(/<\/[^>]*>$/u, "")) !== titles.get(shifted)) continue;
        titles.delete(shifted);
      }
      kept.push(shifted === old ? text : setAttribute(tag, "localSheetId", String(shifted)) + text.slice(tag.length));
    }
  }
  for (const [index, ref] of titles) kept.push(`<${p}definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeXml(ref)}</${p}definedName>`);
  const text = kept.length > 0 ? `<${p}definedNames>${kept.join("")}</${p}definedNames>` : "";
  if (names) reps.push({ start: names.start, end: names.end, text });
  else {
    const after = kids.find((k) => ["calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"].includes(localName(k.name)));
    const at = after ? after.start : root.contentEnd;
    reps.push({ start: at, end: at, text, order: 1 });
  }
}

/** Formulas that depend on the cells written are recalculated when the file is opened. */
function patchCalcPr({ xml, p, root, kids, find, reps }: WorkbookXml): void {
  const calcPr = find("calcPr");
  if (calcPr) {
    const tag = xml.slice(calcPr.start, calcPr.tagEnd);
    reps.push({ start: calcPr.start, end: calcPr.tagEnd, text: setAttribute(tag, "fullCalcOnLoad", "1") });
  } else {
    const after = kids.find((k) => ["oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"].includes(localName(k.name)));
    const at = after ? after.start : root.contentEnd;
    reps.push({ start: at, end: at, text: `<${p}calcPr fullCalcOnLoad="1"/>`, order: 2 });
  }
}

/** The active and first visible tab must still exist. */
function patchBookViews({ xml, find, reps }: WorkbookXml, sheetCount: number, deletedIndexes: readonly number[]): void {
  const views = find("bookViews");
  if (!views || deletedIndexes.length === 0) return;
  for (const v of childElements(xml, views.contentStart, views.contentEnd)) {
    let tag = xml.slice(v.start, v.tagEnd);
    const original = tag;
    for (const a of ["activeTab", "firstSheet"]) {
      const value = Number(attribute(tag, a) ?? 0);
      if (value >= sheetCount) tag = setAttribute(tag, a, "0");
    }
    if (tag !== original) reps.push({ start: v.start, end: v.tagEnd, text: tag });
  }
}
