/**
 * Writes a SheetEdit into a worksheet's XML by patching it: rows, cells and elements the edit does not
 * touch keep their exact text; a touched row is rebuilt from its untouched cells (as written) and the new
 * ones; a touched element (cols, mergeCells, sheetViews, print setup …) is rewritten in the schema's place.
 * New sheets are the same patch applied to an empty worksheet.
 */
import { XLSX_MSG, XlsxError } from "./messages";
import { cellAddress, columnLetter } from "../workbook/address";
import type { CellValue, PageSetup } from "../workbook/port";
import { EXCEL_MAX_TEXT } from "./limits";
import { NARROW_MARGINS, PAPER_SIZE_A4 } from "../sheet/print";
import { elementPrefix } from "./namespaces";
import { columnIndex } from "./sheet-scanner";
import { cellKey, keyCol, keyRow, type CellEdit, type SheetEdit } from "./sheet-edit";
import { applyReplacements, type StylesPatch } from "./styles-patch";
import { attribute } from "./xml-text";
import { childElements, escapeCellText, escapeXml, localName, rootElement, setAttribute, type Slice } from "./xml-tree";

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

/** Text cut to Excel's cell limit, with a visible mark. */
export function cellText(text: string): string {
  if (text.length <= EXCEL_MAX_TEXT) return text;
  const mark = XLSX_MSG.truncatedMark;
  return text.slice(0, EXCEL_MAX_TEXT - mark.length) + mark;
}

export interface PatchResult {
  readonly xml: string;
  /** A cell that held a formula was overwritten or cleared (the calculation chain no longer matches). */
  readonly formulasRemoved: boolean;
  /** Formulas were written (the workbook must recalculate on open). */
  readonly formulasWritten: boolean;
}

interface Range { top: number; left: number; bottom: number; right: number }

const rangeText = (r: Range) => (r.top === r.bottom && r.left === r.right ? cellAddress(r.top, r.left) : `${cellAddress(r.top, r.left)}:${cellAddress(r.bottom, r.right)}`);

function parseRange(ref: string): Range | undefined {
  const [a, b] = ref.split(":");
  const m1 = /^\$?([A-Z]+)\$?(\d+)$/.exec(a ?? "");
  const m2 = /^\$?([A-Z]+)\$?(\d+)$/.exec(b ?? a ?? "");
  if (!m1 || !m2) return undefined;
  return { top: Number(m1[2]) - 1, left: columnIndex(m1[1]), bottom: Number(m2[2]) - 1, right: columnIndex(m2[1]) };
}

const overlaps = (a: Range, b: Range) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

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
  let formulasRemoved = false;
  let formulasWritten = false;

  // Cells, grouped by row.
  const byRow = new Map<number, Map<number, CellEdit>>();
  for (const [key, cell] of edit.cells) {
    const r = keyRow(key);
    let row = byRow.get(r);
    if (!row) byRow.set(r, (row = new Map()));
    row.set(keyCol(key), cell);
  }
  for (const r of edit.heights.keys()) if (!byRow.has(r)) byRow.set(r, new Map());

  const cellXml = (row: number, col: number, cell: CellEdit, existing: string | undefined): string => {
    const existingStyle = existing ? Number(attribute(existing.slice(0, existing.indexOf(">") + 1), "s") ?? 0) || 0 : 0;
    let style = cell.clearStyle ? 0 : existingStyle;
    if (cell.format) style = styles().style(style, cell.format);
    const sAttr = style !== 0 ? ` s="${style}"` : "";
    const r = cellAddress(row, col);
    if (existing && new RegExp(`<${el("f")}\\b`).test(existing) && (cell.content !== undefined)) formulasRemoved = true;
    if (cell.content === undefined) {
      if (!existing) return style !== 0 ? `<${el("c")} r="${r}"${sAttr}/>` : "";
      const tagEnd = existing.indexOf(">") + 1;
      const tag = setAttribute(existing.slice(0, tagEnd), "s", style !== 0 ? String(style) : undefined);
      return tag + existing.slice(tagEnd);
    }
    if ("formula" in cell.content) {
      formulasWritten = true;
      return `<${el("c")} r="${r}"${sAttr}><${el("f")}>${escapeXml(cell.content.formula)}</${el("f")}></${el("c")}>`;
    }
    return valueCell(el, r, sAttr, cell.content.value);
  };

  // sheetData
  if (byRow.size > 0) {
    const data = find("sheetData");
    const rows = data ? childElements(xml, data.contentStart, data.contentEnd) : [];
    const out: string[] = [];
    let last = -1;
    let previousEnd = data ? data.contentStart : 0;
    const pending = [...byRow.keys()].sort((a, b) => a - b);
    let next = 0;
    const emitNew = (upTo: number) => {
      while (next < pending.length && pending[next] < upTo) {
        const r = pending[next++];
        const text = rowXml(r, undefined, byRow.get(r) as Map<number, CellEdit>);
        if (text) out.push(text);
      }
    };
    const rowXml = (r: number, existing: Slice | undefined, cells: Map<number, CellEdit>): string => {
      let open = existing ? xml.slice(existing.start, existing.tagEnd) : `<${el("row")} r="${r + 1}">`;
      if (existing?.selfClosing) open = `${open.slice(0, -2)}>`;
      if (existing && attribute(open, "r") === undefined) open = setAttribute(open, "r", String(r + 1));
      open = setAttribute(open, "spans", undefined);
      const height = edit.heights.get(r);
      if (height !== undefined) open = setAttribute(setAttribute(open, "ht", String(height)), "customHeight", "1");
      const old = new Map<number, string>();
      if (existing && !existing.selfClosing) {
        let col = -1;
        for (const c of childElements(xml, existing.contentStart, existing.contentEnd)) {
          const text = xml.slice(c.start, c.end);
          const ref = attribute(xml.slice(c.start, c.tagEnd), "r");
          col = ref !== undefined ? columnIndex(ref) : col + 1;
          old.set(col, text);
        }
      }
      const cols = [...new Set([...old.keys(), ...cells.keys()])].sort((a, b) => a - b);
      const body = cols.map((c) => {
        const change = cells.get(c);
        const before = old.get(c);
        return change ? cellXml(r, c, change, before) : (before as string);
      }).join("");
      if (!existing && body === "" && height === undefined) return "";
      return `${open}${body}</${el("row")}>`;
    };
    let rowNumber = 0;
    for (const row of rows) {
      const ref = attribute(xml.slice(row.start, row.tagEnd), "r");
      rowNumber = ref !== undefined ? Number(ref) - 1 : rowNumber + 1;
      emitNew(rowNumber);
      out.push(xml.slice(previousEnd, row.start));
      const cells = byRow.get(rowNumber);
      if (cells && next < pending.length && pending[next] === rowNumber) {
        next++;
        out.push(rowXml(rowNumber, row, cells));
      } else out.push(xml.slice(row.start, row.end));
      previousEnd = row.end;
      last = rowNumber;
    }
    void last;
    emitNew(Number.MAX_SAFE_INTEGER);
    if (data) out.push(xml.slice(previousEnd, data.contentEnd));
    const open = data ? xml.slice(data.start, data.tagEnd).replace(/\/>$/, ">") : `<${el("sheetData")}>`;
    put("sheetData", `${open}${out.join("")}</${el("sheetData")}>`);
    // The dimension is only a hint: widened to cover the new cells.
    const dimension = find("dimension");
    if (dimension) {
      const tag = xml.slice(dimension.start, dimension.end);
      const old = parseRange(attribute(tag, "ref") ?? "");
      const keys = [...edit.cells.keys()];
      const bounds: Range = {
        top: Math.min(...keys.map(keyRow)), bottom: Math.max(...keys.map(keyRow)),
        left: Math.min(...keys.map(keyCol)), right: Math.max(...keys.map(keyCol)),
      };
      const union = old ? { top: Math.min(old.top, bounds.top), left: Math.min(old.left, bounds.left), bottom: Math.max(old.bottom, bounds.bottom), right: Math.max(old.right, bounds.right) } : bounds;
      if (keys.length > 0) put("dimension", setAttribute(tag, "ref", rangeText(union)));
    }
  }

  if (edit.freeze !== undefined) {
    const views = find("sheetViews");
    const firstView = views ? childElements(xml, views.contentStart, views.contentEnd).find((v) => localName(v.name) === "sheetView") : undefined;
    let open = firstView ? xml.slice(firstView.start, firstView.tagEnd).replace(/\/>$/, ">") : `<${el("sheetView")} workbookViewId="0">`;
    const { rows, cols } = edit.freeze;
    let pane = "";
    if (rows > 0 || cols > 0) {
      const active = rows > 0 && cols > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
      pane = `<${el("pane")}${cols > 0 ? ` xSplit="${cols}"` : ""}${rows > 0 ? ` ySplit="${rows}"` : ""} topLeftCell="${cellAddress(rows, cols)}" activePane="${active}" state="frozen"/>`
        + `<${el("selection")} pane="${active}"/>`;
    }
    open = setAttribute(open, "workbookViewId", attribute(open, "workbookViewId") ?? "0");
    put("sheetViews", `<${el("sheetViews")}>${open}${pane}</${el("sheetView")}></${el("sheetViews")}>`);
  }

  if (edit.widths.size > 0) {
    const cols = find("cols");
    const byCol = new Map<number, string>();
    if (cols) {
      for (const c of childElements(xml, cols.contentStart, cols.contentEnd)) {
        const tag = xml.slice(c.start, c.end);
        const min = Number(attribute(tag, "min"));
        const max = Number(attribute(tag, "max"));
        if (!(min >= 1 && max >= min && max <= 16384)) continue;
        for (let k = min; k <= max; k++) byCol.set(k, tag);
      }
    }
    for (const [col, width] of edit.widths) {
      const base = byCol.get(col + 1) ?? `<${el("col")} min="${col + 1}" max="${col + 1}"/>`;
      byCol.set(col + 1, setAttribute(setAttribute(base, "width", String(width)), "customWidth", "1"));
    }
    const runs: string[] = [];
    const sorted = [...byCol.keys()].sort((a, b) => a - b);
    for (let i = 0; i < sorted.length;) {
      const start = sorted[i];
      const tag = byCol.get(start) as string;
      const norm = (t: string) => setAttribute(setAttribute(t, "min", "0"), "max", "0");
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

  if (edit.merges.length > 0) {
    const merges = find("mergeCells");
    const kept: string[] = [];
    if (merges) {
      for (const m of childElements(xml, merges.contentStart, merges.contentEnd)) {
        const tag = xml.slice(m.start, m.end);
        const range = parseRange(attribute(tag, "ref") ?? "");
        if (range && edit.merges.some((n) => overlaps(n, range))) continue;
        kept.push(tag);
      }
    }
    const all = [...kept, ...edit.merges.map((m) => `<${el("mergeCell")} ref="${rangeText(m)}"/>`)];
    put("mergeCells", `<${el("mergeCells")} count="${all.length}">${all.join("")}</${el("mergeCells")}>`);
  }

  if (edit.validations.length > 0) {
    const existing = find("dataValidations");
    const mine = new Set(edit.validations.map(rangeText));
    const kept: string[] = [];
    if (existing) {
      for (const v of childElements(xml, existing.contentStart, existing.contentEnd)) {
        const tag = xml.slice(v.start, v.end);
        if (!mine.has(attribute(xml.slice(v.start, v.tagEnd), "sqref") ?? "")) kept.push(tag);
      }
    }
    const added = edit.validations.map((v) => `<${el("dataValidation")} type="list" allowBlank="1" showErrorMessage="1" errorStyle="stop" error="${escapeXml(validationError(v.list))}" sqref="${rangeText(v)}"><${el("formula1")}>${escapeXml(`"${v.list.join(",")}"`)}</${el("formula1")}></${el("dataValidation")}>`);
    const all = [...kept, ...added];
    put("dataValidations", `<${el("dataValidations")} count="${all.length}">${all.join("")}</${el("dataValidations")}>`);
  }

  if (edit.pageSetup) pageSetupElements(edit.pageSetup, el, find, xml, put);

  return { xml: applyReplacements(xml, replacements), formulasRemoved, formulasWritten };
}

let validationError: (list: readonly string[]) => string = (list) => list.join("、");
/** The adapter provides the error text of list validations (from the workbook's message catalogue). */
export function setValidationError(f: (list: readonly string[]) => string): void {
  validationError = f;
}

function valueCell(el: (n: string) => string, r: string, sAttr: string, value: CellValue): string {
  if (value === null) return sAttr ? `<${el("c")} r="${r}"${sAttr}/>` : "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return `<${el("c")} r="${r}"${sAttr} t="e"><${el("v")}>#NUM!</${el("v")}></${el("c")}>`;
    return `<${el("c")} r="${r}"${sAttr}><${el("v")}>${String(value)}</${el("v")}></${el("c")}>`;
  }
  if (typeof value === "boolean") return `<${el("c")} r="${r}"${sAttr} t="b"><${el("v")}>${value ? 1 : 0}</${el("v")}></${el("c")}>`;
  const text = cellText(value);
  const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : "";
  return `<${el("c")} r="${r}"${sAttr} t="inlineStr"><${el("is")}><${el("t")}${space}>${escapeCellText(text)}</${el("t")}></${el("is")}></${el("c")}>`;
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

export { columnLetter, cellKey };
