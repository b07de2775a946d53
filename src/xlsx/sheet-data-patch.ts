/**
 * The cells of a SheetEdit written into a worksheet's <sheetData> (./sheet-patch): rows the edit does not
 * touch keep their exact text; a touched row is rebuilt from its untouched cells (as written) and the new
 * ones; new rows are inserted in order. The dimension (a hint) is widened to cover the new cells.
 */
import { cellAddress, columnIndex, EXCEL_MAX_TEXT, keyCol, keyRow, parseRange, rangeAddress, type CellRange, type CellValue } from "../sheet";
import { XLSX_MSG } from "./messages";
import type { CellEdit, SheetEdit } from "./sheet-edit";
import type { Patch } from "./sheet-patch";
import type { StylesPatch } from "./styles-patch";
import { attribute } from "./xml-text";
import { childElements, escapeCellText, escapeXml, setAttribute, type Slice } from "./xml-tree";

/** Text cut to Excel's cell limit, with a visible mark. */
export function cellText(text: string): string {
  if (text.length <= EXCEL_MAX_TEXT) return text;
  const mark = XLSX_MSG.truncatedMark;
  return text.slice(0, EXCEL_MAX_TEXT - mark.length) + mark;
}

export interface CellsPatched {
  /** A cell that held a formula was overwritten or cleared (the calculation chain no longer matches). */
  readonly formulasRemoved: boolean;
  /** Formulas were written (the workbook must recalculate on open). */
  readonly formulasWritten: boolean;
}

/** Puts the new <sheetData> (and dimension) into `patch` when the edit changes cells or row heights. */
export function patchCells(patch: Patch, edit: SheetEdit, styles: () => StylesPatch): CellsPatched {
  const byRow = new Map<number, Map<number, CellEdit>>();
  edit.cells.forEach((cell, key) => { // (no entry array per cell, as for…of makes)
    const r = keyRow(key);
    let row = byRow.get(r);
    if (!row) byRow.set(r, (row = new Map()));
    row.set(keyCol(key), cell);
  });
  for (const r of edit.heights.keys()) if (!byRow.has(r)) byRow.set(r, new Map());
  const rows = new RowWriter(patch, edit, styles);
  if (byRow.size > 0) {
    const data = patch.find("sheetData");
    const content = rows.sheetData(data, byRow);
    const open = data ? patch.xml.slice(data.start, data.tagEnd).replace(/\/>$/, ">") : `<${patch.el("sheetData")}>`;
    patch.put("sheetData", `${open}${content}</${patch.el("sheetData")}>`);
    widenDimension(patch, edit);
  }
  return { formulasRemoved: rows.formulasRemoved, formulasWritten: rows.formulasWritten };
}

/** The dimension is only a hint: widened to cover the new cells. */
function widenDimension({ xml, find, put }: Patch, edit: SheetEdit): void {
  const dimension = find("dimension");
  if (!dimension || edit.cells.size === 0) return;
  const tag = xml.slice(dimension.start, dimension.end);
  let bounds = parseRange(attribute(tag, "ref") ?? "");
  for (const key of edit.cells.keys()) {
    const r = keyRow(key);
    const c = keyCol(key);
    bounds = bounds
      ? { top: Math.min(bounds.top, r), left: Math.min(bounds.left, c), bottom: Math.max(bounds.bottom, r), right: Math.max(bounds.right, c) }
      : { top: r, left: c, bottom: r, right: c };
  }
  put("dimension", setAttribute(tag, "ref", rangeAddress(bounds as CellRange)));
}

/** Writes rows and cells; remembers whether formulas were removed or written. */
class RowWriter {
  formulasRemoved = false;
  formulasWritten = false;
  private readonly formulaTag: RegExp;
  private readonly tags: Tags;

  constructor(private readonly patch: Patch, private readonly edit: SheetEdit, private readonly styles: () => StylesPatch) {
    this.formulaTag = new RegExp(`<${patch.el("f")}\\b`);
    this.tags = { c: patch.el("c"), v: patch.el("v"), f: patch.el("f"), is: patch.el("is"), t: patch.el("t") };
  }

  /** The content of <sheetData>: existing rows (touched ones rebuilt) with the new rows in order. */
  sheetData(data: Slice | undefined, byRow: ReadonlyMap<number, Map<number, CellEdit>>): string {
    const { xml } = this.patch;
    const rows = data ? childElements(xml, data.contentStart, data.contentEnd) : [];
    const out: string[] = [];
    let previousEnd = data ? data.contentStart : 0;
    const pending = [...byRow.keys()].sort((a, b) => a - b);
    let next = 0;
    const emitNew = (upTo: number) => {
      while (next < pending.length && pending[next] < upTo) {
        const r = pending[next++];
        const text = this.rowXml(r, undefined, byRow.get(r) as Map<number, CellEdit>);
        if (text) out.push(text);
      }
    };
    // 0-based; a row without r follows the previous one (the first is row 0, as readers number it).
    let rowNumber = -1;
    for (const row of rows) {
      const ref = attribute(xml.slice(row.start, row.tagEnd), "r");
      rowNumber = ref !== undefined ? Number(ref) - 1 : rowNumber + 1;
      emitNew(rowNumber);
      out.push(xml.slice(previousEnd, row.start));
      const cells = byRow.get(rowNumber);
      if (cells && next < pending.length && pending[next] === rowNumber) {
        next++;
        out.push(this.rowXml(rowNumber, row, cells));
      } else out.push(xml.slice(row.start, row.end));
      previousEnd = row.end;
    }
    emitNew(Number.MAX_SAFE_INTEGER);
    if (data) out.push(xml.slice(previousEnd, data.contentEnd));
    return out.join("");
  }

  /** Row r (0-based): the existing row's untouched cells as written, the changed and new ones rebuilt. */
  private rowXml(r: number, existing: Slice | undefined, cells: Map<number, CellEdit>): string {
    const { xml, el } = this.patch;
    let open = existing ? xml.slice(existing.start, existing.tagEnd) : `<${el("row")} r="${r + 1}">`;
    if (existing?.selfClosing) open = `${open.slice(0, -2)}>`;
    if (existing && attribute(open, "r") === undefined) open = setAttribute(open, "r", String(r + 1));
    if (existing) open = setAttribute(open, "spans", undefined);
    const height = this.edit.heights.get(r);
    if (height !== undefined) open = setAttribute(setAttribute(open, "ht", String(height)), "customHeight", "1");
    const old = new Map<number, string>();
    if (existing && !existing.selfClosing) {
      let col = -1;
      for (const c of childElements(xml, existing.contentStart, existing.contentEnd)) {
        const ref = attribute(xml.slice(c.start, c.tagEnd), "r");
        col = ref !== undefined ? columnIndex(ref) : col + 1;
        old.set(col, xml.slice(c.start, c.end));
      }
    }
    const cols = (old.size === 0 ? [...cells.keys()] : [...new Set([...old.keys(), ...cells.keys()])]).sort((a, b) => a - b);
    const body = cols.map((c) => {
      const change = cells.get(c);
      const before = old.get(c);
      return change ? this.cellXml(r, c, change, before) : (before as string);
    }).join("");
    if (!existing && body === "" && height === undefined) return "";
    return `${open}${body}</${el("row")}>`;
  }

  /** A changed cell: new content and/or style over the existing cell's XML. */
  private cellXml(row: number, col: number, cell: CellEdit, existing: string | undefined): string {
    const { c, f } = this.tags;
    const existingStyle = existing ? Number(attribute(existing.slice(0, existing.indexOf(">") + 1), "s") ?? 0) || 0 : 0;
    let style = cell.clearStyle ? 0 : existingStyle;
    if (cell.format) style = this.styles().style(style, cell.format);
    const sAttr = style !== 0 ? ` s="${style}"` : "";
    const r = cellAddress(row, col);
    if (existing && cell.content !== undefined && this.formulaTag.test(existing)) this.formulasRemoved = true;
    if (cell.content === undefined) {
      if (!existing) return style !== 0 ? `<${c} r="${r}"${sAttr}/>` : "";
      const tagEnd = existing.indexOf(">") + 1;
      const tag = setAttribute(existing.slice(0, tagEnd), "s", style !== 0 ? String(style) : undefined);
      return tag + existing.slice(tagEnd);
    }
    if ("formula" in cell.content) {
      this.formulasWritten = true;
      return `<${c} r="${r}"${sAttr}><${f}>${escapeXml(cell.content.formula)}</${f}></${c}>`;
    }
    return valueCell(this.tags, r, sAttr, cell.content.value);
  }
}

/** The cell elements' names with the part's prefix. */
interface Tags {
  readonly c: string;
  readonly v: string;
  readonly f: string;
  readonly is: string;
  readonly t: string;
}

function valueCell({ c, v, is, t }: Tags, r: string, sAttr: string, value: CellValue): string {
  if (value === null) return sAttr ? `<${c} r="${r}"${sAttr}/>` : "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return `<${c} r="${r}"${sAttr} t="e"><${v}>#NUM!</${v}></${c}>`;
    return `<${c} r="${r}"${sAttr}><${v}>${String(value)}</${v}></${c}>`;
  }
  if (typeof value === "boolean") return `<${c} r="${r}"${sAttr} t="b"><${v}>${value ? 1 : 0}</${v}></${c}>`;
  const text = cellText(value);
  const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : "";
  return `<${c} r="${r}"${sAttr} t="inlineStr"><${is}><${t}${space}>${escapeCellText(text)}</${t}></${is}></${c}>`;
}
