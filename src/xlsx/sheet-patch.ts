/**
 * Writes a SheetEdit into a worksheet's XML by patching it: rows, cells and elements the edit does not
 * touch keep their exact text; a touched row is rebuilt from its untouched cells (as written) and the new
 * ones; a touched element (cols, mergeCells, sheetViews, print setup …) is rewritten in the schema's place.
 * New sheets are the same patch applied to an empty worksheet.
 */
import { XLSX_MSG, XlsxError } from "./messages";
import { cellAddress, EXCEL_MAX_COLS, NARROW_MARGINS, PAPER_SIZE_A4, parseRange, rangeAddress as rangeText, type CellRange as Range, type PageSetup } from "../sheet";
import { elementPrefix } from "./namespaces";
import { patchCells, type CellsPatched } from "./sheet-data-patch";
import type { SheetEdit } from "./sheet-edit";
import { applyReplacements, type StylesPatch } from "./styles-patch";
import { attribute } from "./xml-text";
import { childElements, escapeXml, localName, rootElement, setAttribute, type Slice } from "./xml-tree";

export const EMPTY_SHEET = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
  + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData/></worksheet>';

/** CT_Worksheet's children in schema order. */
const ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges",
  "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting",
  "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
  "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "picture",
  "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
];

export interface PatchResult extends CellsPatched {
  readonly xml: string;
}

const overlaps = (a: Range, b: Range) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

/** A worksheet's XML being patched: its top-level elements found by name, replacements collected in order. */
export interface Patch {
  readonly xml: string;
  /** The element name with the part's prefix ("x:row" where the part writes prefixes). */
  readonly el: (name: string) => string;
  readonly find: (name: string) => Slice | undefined;
  /** Replaces the element `name` (null: removes it), or inserts it in schema order. */
  readonly put: (name: string, text: string | null) => void;
}

export function patchSheet(xml: string, edit: SheetEdit, styles: () => StylesPatch): PatchResult {
  const root = rootElement(xml);
  if (!root) throw new XlsxError(XLSX_MSG.partWithoutRoot(edit.name));
  const p = elementPrefix(xml.slice(root.start, root.tagEnd));
  const el = (name: string) => `${p}${name}`;
  const kids = childElements(xml, root.contentStart, root.contentEnd);
  const find = (name: string) => kids.find((k) => localName(k.name) === name && k.name === el(name));
  const replacements: { start: number; end: number; text: string; order?: number }[] = [];
  const put = (name: string, text: string | null) => {
    const existing = find(name);
    if (existing) replacements.push({ start: existing.start, end: existing.end, text: text ?? "" });
    else if (text !== null) {
      const after = kids.find((k) => ORDER.indexOf(localName(k.name)) > ORDER.indexOf(name) || localName(k.name) === "extLst");
      const at = after ? after.start : root.contentEnd;
      replacements.push({ start: at, end: at, text, order: ORDER.indexOf(name) });
    }
  };
  const patch: Patch = { xml, el, find, put };
  const formulas = patchCells(patch, edit, styles);
  if (edit.freeze !== undefined) patchFreeze(patch, edit.freeze);
  if (edit.widths.size > 0) patchWidths(patch, edit.widths);
  if (edit.merges.length > 0) patchMerges(patch, edit.merges);
  if (edit.validations.length > 0) patchValidations(patch, edit.validations);
  if (edit.pageSetup) pageSetupElements(edit.pageSetup, el, find, xml, put);
  return { xml: applyReplacements(xml, replacements), ...formulas };
}

/** Freeze panes: the first sheet view's pane (and selection) replaced. */
function patchFreeze({ xml, el, find, put }: Patch, freeze: { readonly rows: number; readonly cols: number }): void {
  const views = find("sheetViews");
  const firstView = views ? childElements(xml, views.contentStart, views.contentEnd).find((v) => localName(v.name) === "sheetView") : undefined;
  let open = firstView ? xml.slice(firstView.start, firstView.tagEnd).replace(/\/>$/, ">") : `<${el("sheetView")} workbookViewId="0">`;
  const { rows, cols } = freeze;
  let pane = "";
  if (rows > 0 || cols > 0) {
    const active = rows > 0 && cols > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
    pane = `<${el("pane")}${cols > 0 ? ` xSplit="${cols}"` : ""}${rows > 0 ? ` ySplit="${rows}"` : ""} topLeftCell="${cellAddress(rows, cols)}" activePane="${active}" state="frozen"/>`
      + `<${el("selection")} pane="${active}"/>`;
  }
  open = setAttribute(open, "workbookViewId", attribute(open, "workbookViewId") ?? "0");
  put("sheetViews", `<${el("sheetViews")}>${open}${pane}</${el("sheetView")}></${el("sheetViews")}>`);
}

/** Column widths: the <col> runs split per column, the widths set, equal neighbours joined again. */
function patchWidths({ xml, el, find, put }: Patch, widths: ReadonlyMap<number, number>): void {
  const cols = find("cols");
  const byCol = new Map<number, string>();
  if (cols) {
    for (const c of childElements(xml, cols.contentStart, cols.contentEnd)) {
      const tag = xml.slice(c.start, c.end);
      const min = Number(attribute(tag, "min"));
      const max = Number(attribute(tag, "max"));
      if (!(min >= 1 && max >= min && max <= EXCEL_MAX_COLS)) continue;
      for (let k = min; k <= max; k++) byCol.set(k, tag);
    }
  }
  for (const [col, width] of widths) {
    const base = byCol.get(col + 1) ?? `<${el("col")} min="${col + 1}" max="${col + 1}"/>`;
    byCol.set(col + 1, setAttribute(setAttribute(base, "width", String(width)), "customWidth", "1"));
  }
  const runs: string[] = [];
  const sorted = [...byCol.keys()].sort((a, b) => a - b);
  const norm = (t: string) => setAttribute(setAttribute(t, "min", "0"), "max", "0");
  for (let i = 0; i < sorted.length;) {
    const start = sorted[i];
    const tag = byCol.get(start) as string;
    let end = start;
    while (i + 1 < sorted.length && sorted[i + 1] === end + 1 && norm(byCol.get(sorted[i + 1]) as string) === norm(tag)) {
      end++;
      i++;
    }
    i++;
    runs.push(setAttribute(setAttribute(tag, "min", String(start)), "max", String(end)));
  }
  put("cols", `<${el("cols")}>${runs.join("")}</${el("cols")}>`);
}

/** Merged areas: existing ones that overlap a new one are dropped (Excel allows no overlap). */
function patchMerges({ xml, el, find, put }: Patch, merges: readonly Range[]): void {
  const existing = find("mergeCells");
  const kept: string[] = [];
  if (existing) {
    for (const m of childElements(xml, existing.contentStart, existing.contentEnd)) {
      const tag = xml.slice(m.start, m.end);
      const range = parseRange(attribute(tag, "ref") ?? "");
      if (range && merges.some((n) => overlaps(n, range))) continue;
      kept.push(tag);
    }
  }
  const all = [...kept, ...merges.map((m) => `<${el("mergeCell")} ref="${rangeText(m)}"/>`)];
  put("mergeCells", `<${el("mergeCells")} count="${all.length}">${all.join("")}</${el("mergeCells")}>`);
}

/** List validations: an existing one on the same cells is replaced. */
function patchValidations({ xml, el, find, put }: Patch, validations: SheetEdit["validations"]): void {
  const existing = find("dataValidations");
  const mine = new Set(validations.map(rangeText));
  const kept: string[] = [];
  if (existing) {
    for (const v of childElements(xml, existing.contentStart, existing.contentEnd)) {
      const tag = xml.slice(v.start, v.end);
      if (!mine.has(attribute(xml.slice(v.start, v.tagEnd), "sqref") ?? "")) kept.push(tag);
    }
  }
  const added = validations.map((v) => `<${el("dataValidation")} type="list" allowBlank="1" showErrorMessage="1" errorStyle="stop" error="${escapeXml(v.error)}" sqref="${rangeText(v)}"><${el("formula1")}>${escapeXml(`"${v.list.join(",")}"`)}</${el("formula1")}></${el("dataValidation")}>`);
  const all = [...kept, ...added];
  put("dataValidations", `<${el("dataValidations")} count="${all.length}">${all.join("")}</${el("dataValidations")}>`);
}

function pageSetupElements(
  setup: PageSetup, el: (n: string) => string, find: (name: string) => Slice | undefined, xml: string,
  put: (name: string, text: string | null) => void,
): void {
  const m = NARROW_MARGINS;
  const fit = setup.fitToWidth !== undefined;
  const sheetPr = find("sheetPr");
  const pageSetUpPr = `<${el("pageSetUpPr")} fitToPage="${fit ? 1 : 0}"/>`;
  if (sheetPr) {
    const open = xml.slice(sheetPr.start, sheetPr.tagEnd).replace(/\/>$/, ">");
    const inner = sheetPr.selfClosing ? "" : xml.slice(sheetPr.contentStart, sheetPr.contentEnd);
    const kept = childElements(inner, 0, inner.length).filter((c) => localName(c.name) !== "pageSetUpPr").map((c) => inner.slice(c.start, c.end));
    put("sheetPr", `${open}${kept.join("")}${pageSetUpPr}</${el("sheetPr")}>`);
  } else put("sheetPr", `<${el("sheetPr")}>${pageSetUpPr}</${el("sheetPr")}>`);
  put("printOptions", setup.centerHorizontally ? `<${el("printOptions")} horizontalCentered="1"/>` : null);
  put("pageMargins", `<${el("pageMargins")} left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`);
  put("pageSetup", `<${el("pageSetup")} paperSize="${PAPER_SIZE_A4}" orientation="${setup.orientation}"${fit ? ` fitToWidth="${setup.fitToWidth}" fitToHeight="0"` : ""}/>`);
  if (setup.footer !== undefined) put("headerFooter", `<${el("headerFooter")}><${el("oddFooter")}>${escapeXml(setup.footer)}</${el("oddFooter")}></${el("headerFooter")}>`);
}

/** The print-titles reference of a sheet ('Sheet'!$1:$2) for a defined name. */
export function printTitlesRef(sheet: string, first: number, last: number): string {
  return `'${sheet.replace(/'/g, "''")}'!$${first + 1}:$${last + 1}`;
}

