/**
 * Writes a workbook package with the product's edits: the worksheets the edits touch are patched
 * (./sheet-patch), new sheets added, styles appended, and workbook.xml, its relationships and
 * [Content_Types].xml changed only where a sheet is added, hidden or removed (plus print titles and
 * "recalculate on open"). Every other part is copied as it was, byte for byte. docProps/app.xml (its
 * list of sheet titles) is left as it was: Excel and LibreOffice do not rely on it.
 */
import { NS, elementPrefix, prefixesFor } from "./namespaces";
import { relsPathOf, REL_TYPE, type XlsxPackage } from "./package";
import { EMPTY_SHEET, patchSheet, printTitlesRef } from "./sheet-patch";
import type { SheetEdit } from "./sheet-edit";
import { applyReplacements, MINIMAL_STYLES, StylesPatch } from "./styles-patch";
import { attribute, decodeXmlText } from "./xml-text";
import { childElements, escapeXml, localName, rootElement, setAttribute, type Slice } from "./xml-tree";
import { writeZip, type ByteSink, type OutEntry } from "./zip-writer";

const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const OFFICE_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const encoder = new TextEncoder();

interface SheetPlan {
  readonly edit?: SheetEdit;
  /** Index in pkg.sheets for existing sheets. */
  readonly existing?: number;
  readonly name: string;
}

/** The package with `edits` applied, written to `sink`. `edits` in the order sheets were added. */
export async function writePatchedPackage(pkg: XlsxPackage, edits: readonly SheetEdit[], sink: ByteSink): Promise<void> {
  const replaced = new Map<string, string>(); // part name (lower case) → new text
  const added: { name: string; text: string }[] = [];
  const removed = new Set<string>();

  let styles: StylesPatch | undefined;
  let newStyles = false;
  const stylesOf = (): StylesPatch => {
    if (!styles) throw new Error("styles not loaded");
    return styles;
  };
  const needsStyles = edits.some((e) => !e.deleted && [...e.cells.values()].some((c) => c.format));
  if (needsStyles) {
    if (pkg.stylesPath) styles = new StylesPatch(await pkg.rawText(pkg.stylesPath));
    else {
      styles = new StylesPatch(MINIMAL_STYLES);
      newStyles = true;
    }
  }

  // Final tab order: existing sheets (minus deleted ones), then new ones.
  const plans: SheetPlan[] = [];
  const byName = new Map(edits.map((e) => [e.name, e]));
  pkg.sheets.forEach((s, i) => {
    const edit = byName.get(s.name);
    if (edit?.deleted) return;
    plans.push({ edit, existing: i, name: s.name });
  });
  for (const e of edits) if (!e.ref && !e.deleted) plans.push({ edit: e, name: e.name });

  const taken = new Set([...pkg.entries.keys()]);
  const unusedPart = () => {
    for (let n = pkg.sheets.length + 1; ; n++) {
      const candidate = `xl/worksheets/sheet${n}.xml`;
      if (!taken.has(candidate)) {
        taken.add(candidate);
        return candidate;
      }
    }
  };

  let formulasRemoved = false;
  let cellsChanged = false;
  for (const plan of plans) {
    const e = plan.edit;
    if (!e || !e.changed) continue;
    const fresh = e.fresh;
    const source = fresh ? EMPTY_SHEET : await pkg.rawText(e.path as string);
    const result = patchSheet(source, e, stylesOf);
    formulasRemoved ||= result.formulasRemoved || (fresh && e.ref !== undefined);
    cellsChanged ||= e.cells.size > 0;
    if (e.ref && fresh) {
      // Deleted and added again: same part, new content; its old relationships (drawings …) are dropped.
      replaced.set(e.ref.path.toLowerCase(), result.xml);
      const rels = relsPathOf(e.ref.path);
      if (pkg.has(rels)) removed.add(rels.toLowerCase());
    } else if (e.ref) replaced.set(e.ref.path.toLowerCase(), result.xml);
    else {
      e.path = unusedPart();
      added.push({ name: e.path, text: result.xml });
    }
  }
  for (const e of edits) {
    if (!e.ref || !e.deleted) continue;
    removed.add(e.ref.path.toLowerCase());
    const rels = relsPathOf(e.ref.path);
    if (pkg.has(rels)) removed.add(rels.toLowerCase());
  }
  const calcChain = pkg.workbookRels.find((r) => r.type === REL_TYPE.calcChain);
  if (calcChain && (formulasRemoved || removed.size > 0)) removed.add(calcChain.target.toLowerCase());

  // workbook.xml.rels
  const relsPath = relsPathOf(pkg.workbookPath);
  const relIds = new Set(pkg.workbookRels.map((r) => r.id));
  const newRelId = new Map<SheetEdit, string>();
  const relsXml = pkg.has(relsPath) ? await pkg.rawText(relsPath) : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const relReplacements: { start: number; end: number; text: string }[] = [];
  const relsRoot = rootElement(relsXml) as Slice;
  const relPrefix = elementPrefix(relsXml.slice(relsRoot.start, relsRoot.tagEnd));
  const base = pkg.workbookPath.slice(0, pkg.workbookPath.lastIndexOf("/") + 1);
  for (const child of childElements(relsXml, relsRoot.contentStart, relsRoot.contentEnd)) {
    const id = attribute(relsXml.slice(child.start, child.tagEnd), "Id");
    const rel = pkg.workbookRels.find((r) => r.id === id);
    if (rel && !rel.external && removed.has(rel.target.toLowerCase())) relReplacements.push({ start: child.start, end: child.end, text: "" });
  }
  const newRels: string[] = [];
  let n = 1;
  for (const plan of plans) {
    if (!plan.edit || plan.edit.ref) continue;
    while (relIds.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    relIds.add(id);
    newRelId.set(plan.edit, id);
    newRels.push(`<${relPrefix}Relationship Id="${id}" Type="${REL_TYPE.worksheet}" Target="${escapeXml(relativeTarget(base, plan.edit.path as string))}"/>`);
  }
  if (newStyles) {
    while (relIds.has(`rId${n}`)) n++;
    const stylesPath = `${base}styles.xml`;
    newRels.push(`<${relPrefix}Relationship Id="rId${n}" Type="${REL_TYPE.styles}" Target="styles.xml"/>`);
    added.push({ name: stylesPath, text: stylesOf().text() });
  } else if (styles?.changed && pkg.stylesPath) replaced.set(pkg.stylesPath.toLowerCase(), styles.text());
  if (newRels.length > 0) relReplacements.push({ start: relsRoot.contentEnd, end: relsRoot.contentEnd, text: newRels.join("") });
  if (relReplacements.length > 0) {
    const text = applyReplacements(relsXml, relReplacements);
    if (pkg.has(relsPath)) replaced.set(relsPath.toLowerCase(), text);
    else added.push({ name: relsPath, text });
  }

  // workbook.xml
  const workbookChanged = plans.some((p) => p.edit && (!p.edit.ref || p.edit.hidden !== undefined || p.edit.pageSetup?.repeatRows))
    || edits.some((e) => e.deleted && e.ref) || cellsChanged;
  if (workbookChanged) {
    replaced.set(pkg.workbookPath.toLowerCase(), await patchWorkbook(pkg, plans, edits, newRelId, cellsChanged));
  }

  // [Content_Types].xml
  const typesPath = "[Content_Types].xml";
  if (pkg.has(typesPath) && (added.length > 0 || removed.size > 0)) {
    const xml = await pkg.rawText(typesPath);
    const root = rootElement(xml) as Slice;
    const p = elementPrefix(xml.slice(root.start, root.tagEnd));
    const reps: { start: number; end: number; text: string }[] = [];
    for (const child of childElements(xml, root.contentStart, root.contentEnd)) {
      const part = attribute(xml.slice(child.start, child.tagEnd), "PartName");
      if (part && removed.has(part.replace(/^\//, "").toLowerCase())) reps.push({ start: child.start, end: child.end, text: "" });
    }
    const overrides = added.map((a) => `<${p}Override PartName="/${escapeXml(a.name)}" ContentType="${a.name.endsWith("styles.xml") ? STYLES_TYPE : WORKSHEET_TYPE}"/>`);
    reps.push({ start: root.contentEnd, end: root.contentEnd, text: overrides.join("") });
    replaced.set(typesPath.toLowerCase(), applyReplacements(xml, reps));
  }

  const out: OutEntry[] = [];
  for (const [key, entry] of pkg.entries) {
    if (removed.has(key) && !replaced.has(key)) continue;
    const text = replaced.get(key);
    out.push(text === undefined ? { kind: "copy", entry } : { kind: "data", name: entry.name, data: encoder.encode(text), like: entry });
  }
  for (const a of added) out.push({ kind: "data", name: a.name, data: encoder.encode(a.text) });
  await writeZip(pkg.file, sink, out);
}

function relativeTarget(base: string, path: string): string {
  return path.startsWith(base) ? path.slice(base.length) : `/${path}`;
}

async function patchWorkbook(pkg: XlsxPackage, plans: readonly SheetPlan[], edits: readonly SheetEdit[], newRelId: Map<SheetEdit, string>, recalc: boolean): Promise<string> {
  const xml = await pkg.rawText(pkg.workbookPath);
  const root = rootElement(xml) as Slice;
  const rootTagText = xml.slice(root.start, root.tagEnd);
  const p = elementPrefix(rootTagText);
  const rPrefix = prefixesFor(rootTagText, [OFFICE_REL_NS])[0];
  const kids = childElements(xml, root.contentStart, root.contentEnd);
  const find = (name: string) => kids.find((k) => k.name === `${p}${name}`);
  const reps: { start: number; end: number; text: string; order?: number }[] = [];
  const sheets = find("sheets");
  const deletedIndexes: number[] = [];
  let maxSheetId = 0;
  if (sheets) {
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
  }

  // Defined names: print titles of the sheets the product sets up; scopes shifted past removed sheets.
  const titles = new Map<number, string>();
  plans.forEach((pl, i) => {
    const rows = pl.edit?.pageSetup?.repeatRows;
    if (rows) titles.set(i, printTitlesRef(pl.name, rows.first, rows.last));
  });
  const names = find("definedNames");
  if (titles.size > 0 || (deletedIndexes.length > 0 && names)) {
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

  // Formulas that depend on the cells written are recalculated when the file is opened.
  if (recalc) {
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

  // The active and first visible tab must still exist.
  const views = find("bookViews");
  if (views && deletedIndexes.length > 0) {
    for (const v of childElements(xml, views.contentStart, views.contentEnd)) {
      let tag = xml.slice(v.start, v.tagEnd);
      const original = tag;
      for (const a of ["activeTab", "firstSheet"]) {
        const value = Number(attribute(tag, a) ?? 0);
        if (value >= plans.length) tag = setAttribute(tag, a, "0");
      }
      if (tag !== original) reps.push({ start: v.start, end: v.tagEnd, text: tag });
    }
  }
  return applyReplacements(xml, reps);
}

export { NS };
