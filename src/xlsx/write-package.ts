/**
 * Writes a workbook package with the product's edits: the worksheets the edits touch are patched
 * (./sheet-patch), new sheets added, styles appended, and workbook.xml (./workbook-patch), its relationships
 * and [Content_Types].xml changed only where a sheet is added, hidden or removed (plus print titles and
 * "recalculate on open"). Every other part is copied as it was, byte for byte. docProps/app.xml (its
 * list of sheet titles) is left as it was: Excel and LibreOffice do not rely on it.
 */
import { NS, elementPrefix } from "./namespaces";
import { relsPathOf, REL_TYPE, type XlsxPackage } from "./package";
import { EMPTY_SHEET, patchSheet } from "./sheet-patch";
import type { SheetEdit } from "./sheet-edit";
import { applyReplacements, MINIMAL_STYLES, StylesPatch } from "./styles-patch";
import { patchWorkbook, type SheetPlan } from "./workbook-patch";
import { attribute } from "./xml-text";
import { childElements, escapeXml, rootElement, type Slice } from "./xml-tree";
import { writeZip, type ByteSink, type OutEntry } from "./zip-writer";

const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const EMPTY_RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

const encoder = new TextEncoder();

/** The parts that change: new text for existing ones (by lower-case name), added ones, removed ones. */
interface Changes {
  readonly replaced: Map<string, string>;
  readonly added: { name: string; text: string }[];
  readonly removed: Set<string>;
}

/** The styles part when a cell gets a format: the workbook's own, or a minimal one added (isNew). */
interface Styles {
  readonly patch?: StylesPatch;
  readonly isNew: boolean;
}

/** The package with `edits` applied, written to `sink`. `edits` in the order sheets were added. */
export async function writePatchedPackage(pkg: XlsxPackage, edits: readonly SheetEdit[], sink: ByteSink): Promise<void> {
  const changes: Changes = { replaced: new Map(), added: [], removed: new Set() };
  const styles = await stylesFor(pkg, edits);
  const plans = sheetPlans(pkg, edits);
  const { formulasRemoved, cellsChanged } = await patchSheets(pkg, plans, edits, styles, changes);
  const calcChain = pkg.workbookRels.find((r) => r.type === REL_TYPE.calcChain);
  if (calcChain && (formulasRemoved || changes.removed.size > 0)) changes.removed.add(calcChain.target.toLowerCase());
  const newRelId = await patchRelationships(pkg, plans, styles, changes);
  const workbookChanged = plans.some((p) => p.edit && (!p.edit.ref || p.edit.hidden !== undefined || p.edit.pageSetup?.repeatRows))
    || edits.some((e) => e.deleted && e.ref) || cellsChanged;
  if (workbookChanged) changes.replaced.set(pkg.workbookPath.toLowerCase(), await patchWorkbook(pkg, plans, edits, newRelId, cellsChanged));
  await patchContentTypes(pkg, changes);

  const out: OutEntry[] = [];
  for (const [key, entry] of pkg.entries) {
    if (changes.removed.has(key) && !changes.replaced.has(key)) continue;
    const text = changes.replaced.get(key);
    out.push(text === undefined ? { kind: "copy", entry } : { kind: "data", name: entry.name, data: encoder.encode(text), like: entry });
  }
  for (const a of changes.added) out.push({ kind: "data", name: a.name, data: encoder.encode(a.text) });
  await writeZip(pkg.file, sink, out);
}

async function stylesFor(pkg: XlsxPackage, edits: readonly SheetEdit[]): Promise<Styles> {
  const needsStyles = edits.some((e) => !e.deleted && [...e.cells.values()].some((c) => c.format));
  if (!needsStyles) return { isNew: false };
  if (pkg.stylesPath) return { patch: new StylesPatch(await pkg.rawText(pkg.stylesPath)), isNew: false };
  return { patch: new StylesPatch(MINIMAL_STYLES), isNew: true };
}

/** Final tab order: existing sheets (minus deleted ones), then new ones. */
function sheetPlans(pkg: XlsxPackage, edits: readonly SheetEdit[]): SheetPlan[] {
  const plans: SheetPlan[] = [];
  const byName = new Map(edits.map((e) => [e.name, e]));
  pkg.sheets.forEach((s, i) => {
    const edit = byName.get(s.name);
    if (edit?.deleted) return;
    plans.push({ edit, existing: i, name: s.name });
  });
  for (const e of edits) if (!e.ref && !e.deleted) plans.push({ edit: e, name: e.name });
  return plans;
}

/** Patches every changed sheet (new ones get an unused part name) and removes deleted ones. */
async function patchSheets(
  pkg: XlsxPackage, plans: readonly SheetPlan[], edits: readonly SheetEdit[], styles: Styles, changes: Changes,
): Promise<{ formulasRemoved: boolean; cellsChanged: boolean }> {
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
  const stylesOf = (): StylesPatch => {
    if (!styles.patch) throw new Error("styles not loaded");
    return styles.patch;
  };
  let formulasRemoved = false;
  let cellsChanged = false;
  for (const plan of plans) {
    const e = plan.edit;
    if (!e || !e.changed) continue;
    const fresh = e.fresh;
    const result = patchSheet(fresh ? EMPTY_SHEET : await pkg.rawText(e.path as string), e, stylesOf);
    formulasRemoved ||= result.formulasRemoved || (fresh && e.ref !== undefined);
    cellsChanged ||= e.cells.size > 0;
    if (e.ref) {
      changes.replaced.set(e.ref.path.toLowerCase(), result.xml);
      // Deleted and added again: same part, new content; its old relationships (drawings …) are dropped.
      const rels = relsPathOf(e.ref.path);
      if (fresh && pkg.has(rels)) changes.removed.add(rels.toLowerCase());
    } else {
      e.path = unusedPart();
      changes.added.push({ name: e.path, text: result.xml });
    }
  }
  for (const e of edits) {
    if (!e.ref || !e.deleted) continue;
    changes.removed.add(e.ref.path.toLowerCase());
    const rels = relsPathOf(e.ref.path);
    if (pkg.has(rels)) changes.removed.add(rels.toLowerCase());
  }
  return { formulasRemoved, cellsChanged };
}

/** workbook.xml.rels: removed parts dropped, new sheets (and a new styles part) added; returns the new sheets' ids. */
async function patchRelationships(pkg: XlsxPackage, plans: readonly SheetPlan[], styles: Styles, changes: Changes): Promise<Map<SheetEdit, string>> {
  const relsPath = relsPathOf(pkg.workbookPath);
  const relIds = new Set(pkg.workbookRels.map((r) => r.id));
  const newRelId = new Map<SheetEdit, string>();
  const relsXml = pkg.has(relsPath) ? await pkg.rawText(relsPath) : EMPTY_RELS;
  const reps: { start: number; end: number; text: string }[] = [];
  const root = rootElement(relsXml) as Slice;
  const prefix = elementPrefix(relsXml.slice(root.start, root.tagEnd));
  const base = pkg.workbookPath.slice(0, pkg.workbookPath.lastIndexOf("/") + 1);
  for (const child of childElements(relsXml, root.contentStart, root.contentEnd)) {
    const id = attribute(relsXml.slice(child.start, child.tagEnd), "Id");
    const rel = pkg.workbookRels.find((r) => r.id === id);
    if (rel && !rel.external && changes.removed.has(rel.target.toLowerCase())) reps.push({ start: child.start, end: child.end, text: "" });
  }
  const newRels: string[] = [];
  let n = 1;
  for (const plan of plans) {
    if (!plan.edit || plan.edit.ref) continue;
    while (relIds.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    relIds.add(id);
    newRelId.set(plan.edit, id);
    newRels.push(`<${prefix}Relationship Id="${id}" Type="${REL_TYPE.worksheet}" Target="${escapeXml(relativeTarget(base, plan.edit.path as string))}"/>`);
  }
  if (styles.isNew && styles.patch) {
    while (relIds.has(`rId${n}`)) n++;
    newRels.push(`<${prefix}Relationship Id="rId${n}" Type="${REL_TYPE.styles}" Target="styles.xml"/>`);
    changes.added.push({ name: `${base}styles.xml`, text: styles.patch.text() });
  } else if (styles.patch?.changed && pkg.stylesPath) changes.replaced.set(pkg.stylesPath.toLowerCase(), styles.patch.text());
  if (newRels.length > 0) reps.push({ start: root.contentEnd, end: root.contentEnd, text: newRels.join("") });
  if (reps.length > 0) {
    const text = applyReplacements(relsXml, reps);
    if (pkg.has(relsPath)) changes.replaced.set(relsPath.toLowerCase(), text);
    else changes.added.push({ name: relsPath, text });
  }
  return newRelId;
}

/** [Content_Types].xml: overrides of removed parts dropped, of added ones appended. */
async function patchContentTypes(pkg: XlsxPackage, changes: Changes): Promise<void> {
  const typesPath = "[Content_Types].xml";
  if (!pkg.has(typesPath) || (changes.added.length === 0 && changes.removed.size === 0)) return;
  const xml = await pkg.rawText(typesPath);
  const root = rootElement(xml) as Slice;
  const p = elementPrefix(xml.slice(root.start, root.tagEnd));
  const reps: { start: number; end: number; text: string }[] = [];
  for (const child of childElements(xml, root.contentStart, root.contentEnd)) {
    const part = attribute(xml.slice(child.start, child.tagEnd), "PartName");
    if (part && changes.removed.has(part.replace(/^\//, "").toLowerCase())) reps.push({ start: child.start, end: child.end, text: "" });
  }
  const overrides = changes.added.map((a) => `<${p}Override PartName="/${escapeXml(a.name)}" ContentType="${a.name.endsWith("styles.xml") ? STYLES_TYPE : WORKSHEET_TYPE}"/>`);
  reps.push({ start: root.contentEnd, end: root.contentEnd, text: overrides.join("") });
  changes.replaced.set(typesPath.toLowerCase(), applyReplacements(xml, reps));
}

function relativeTarget(base: string, path: string): string {
  return path.startsWith(base) ? path.slice(base.length) : `/${path}`;
}

export { NS };
