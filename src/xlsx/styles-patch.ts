/**
 * Cell styles for the cells the product writes, appended to the workbook's own styles.xml: existing
 * fonts, fills, number formats and cell formats keep their indexes (so every cell the product does not
 * write keeps its look); a new combination is added at the end of its list, once.
 */
import { XLSX_MSG, XlsxError } from "./messages";
import type { CellFormat } from "../sheet";
import { attribute } from "./xml-text";
import { elementPrefix } from "./namespaces";
import { childElements, escapeXml, localName, rootElement, setAttribute, type Slice } from "./xml-tree";

const BUILTIN_IDS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };

/** The styles part exceljs and Excel start from, for a workbook that has none. */
export const MINIMAL_STYLES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

interface List {
  readonly slice?: Slice;
  readonly items: string[];
  readonly added: string[];
}

const argb = (color: string) => `FF${color.replace(/^#/, "").toUpperCase()}`;

export class StylesPatch {
  private readonly p: string;
  private readonly lists = new Map<string, List>();
  private readonly cache = new Map<string, number>();
  /** The JSON of each format object seen (formats are shared between cells and never changed in place). */
  private readonly formatKeys = new WeakMap<CellFormat, string>();
  /** style() answered per format object and base (a patch asks once per cell, with a few dozen format objects). */
  private readonly byFormat = new WeakMap<CellFormat, Map<number, number>>();
  private readonly codes = new Map<string, number>();
  private nextFormatId = 164;

  constructor(private readonly xml: string) {
    const root = rootElement(xml);
    if (!root) throw new XlsxError(XLSX_MSG.partWithoutRoot("xl/styles.xml"));
    this.p = elementPrefix(xml.slice(root.start, root.tagEnd));
    for (const child of childElements(xml, root.contentStart, root.contentEnd)) {
      const name = localName(child.name);
      if (!["numFmts", "fonts", "fills", "cellXfs"].includes(name)) continue;
      const items = childElements(xml, child.contentStart, child.contentEnd).map((c) => xml.slice(c.start, c.end));
      this.lists.set(name, { slice: child, items, added: [] });
    }
    for (const name of ["numFmts", "fonts", "fills", "cellXfs"]) if (!this.lists.has(name)) this.lists.set(name, { items: [], added: [] });
    for (const item of this.list("numFmts").items) {
      const id = Number(attribute(item, "numFmtId"));
      const code = attribute(item, "formatCode");
      if (code !== undefined && Number.isInteger(id)) this.codes.set(code, id);
      if (id >= this.nextFormatId) this.nextFormatId = id + 1;
    }
  }

  get changed(): boolean {
    return [...this.lists.values()].some((l) => l.added.length > 0);
  }

  private list(name: string): List {
    return this.lists.get(name) as List;
  }

  private add(name: string, item: string): number {
    const list = this.list(name);
    list.added.push(item);
    return list.items.length + list.added.length - 1;
  }

  private item(name: string, index: number): string | undefined {
    const list = this.list(name);
    return index < list.items.length ? list.items[index] : list.added[index - list.items.length];
  }

  private el(name: string): string {
    return `${this.p}${name}`;
  }

  /** The cell format index for `format` applied over the cell format `base`. */
  style(base: number, format: CellFormat): number {
    let byBase = this.byFormat.get(format);
    if (!byBase) this.byFormat.set(format, (byBase = new Map()));
    let index = byBase.get(base);
    if (index === undefined) byBase.set(base, (index = this.styleOf(base, format)));
    return index;
  }

  private styleOf(base: number, format: CellFormat): number {
    let text = this.formatKeys.get(format);
    if (text === undefined) this.formatKeys.set(format, (text = JSON.stringify(format)));
    const key = `${base}|${text}`;
    const known = this.cache.get(key);
    if (known !== undefined) return known;
    const baseXf = this.item("cellXfs", base) ?? this.item("cellXfs", 0) ?? `<${this.el("xf")} numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const startEnd = baseXf.indexOf(">") + 1;
    let tag = baseXf.slice(0, startEnd);
    if (tag.endsWith("/>")) tag = `${tag.slice(0, -2)}>`;
    let children = baseXf.endsWith("/>") ? "" : baseXf.slice(startEnd, baseXf.lastIndexOf("</"));
    if (format.numberFormat !== undefined) {
      tag = setAttribute(setAttribute(tag, "numFmtId", String(this.formatId(format.numberFormat))), "applyNumberFormat", "1");
    }
    if (format.bold !== undefined || format.fontColor !== undefined || format.fontSize !== undefined) {
      const fontId = this.font(Number(attribute(tag, "fontId") ?? 0), format);
      tag = setAttribute(setAttribute(tag, "fontId", String(fontId)), "applyFont", "1");
    }
    if (format.fill !== undefined) {
      const fill = `<${this.el("fill")}><${this.el("patternFill")} patternType="solid"><${this.el("fgColor")} rgb="${argb(format.fill)}"/><${this.el("bgColor")} indexed="64"/></${this.el("patternFill")}></${this.el("fill")}>`;
      tag = setAttribute(setAttribute(tag, "fillId", String(this.add("fills", fill))), "applyFill", "1");
    }
    if (format.wrap !== undefined || format.horizontal !== undefined) {
      const alignmentPattern = new RegExp(`<${this.el("alignment")}\\b[^>]*?(/>|>[\\s\\S]*?</${this.el("alignment")}>)`);
      const existing = alignmentPattern.exec(children)?.[0];
      let alignment = existing ? existing.slice(0, existing.indexOf(">") + 1) : `<${this.el("alignment")}/>`;
      if (!alignment.endsWith("/>")) alignment = `${alignment.slice(0, -1)}/>`;
      if (format.horizontal !== undefined) alignment = setAttribute(alignment, "horizontal", format.horizontal);
      if (format.wrap !== undefined) alignment = setAttribute(alignment, "wrapText", format.wrap ? "1" : "0");
      alignment = setAttribute(alignment, "vertical", "center");
      children = existing ? children.replace(existing, alignment) : alignment + children;
      tag = setAttribute(tag, "applyAlignment", "1");
    }
    const xf = `${tag}${children}</${this.el("xf")}>`;
    const index = this.add("cellXfs", xf);
    this.cache.set(key, index);
    return index;
  }

  private formatId(code: string): number {
    const builtin = BUILTIN_IDS[code];
    if (builtin !== undefined) return builtin;
    const known = this.codes.get(code);
    if (known !== undefined) return known;
    const id = this.nextFormatId++;
    this.codes.set(code, id);
    this.add("numFmts", `<${this.el("numFmt")} numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  private font(base: number, format: CellFormat): number {
    const raw = this.item("fonts", base) ?? `<${this.el("font")}/>`;
    const inner = raw.endsWith("/>") ? "" : raw.slice(raw.indexOf(">") + 1, raw.lastIndexOf("</"));
    const kids = childElements(inner, 0, inner.length).map((c) => ({ name: localName(c.name), xml: inner.slice(c.start, c.end) }));
    const drop = new Set<string>();
    const lead: string[] = [];
    if (format.bold !== undefined) {
      drop.add("b");
      if (format.bold) lead.push(`<${this.el("b")}/>`);
    }
    if (format.fontSize !== undefined) {
      drop.add("sz");
      lead.push(`<${this.el("sz")} val="${format.fontSize}"/>`);
    }
    if (format.fontColor !== undefined) {
      drop.add("color");
      lead.push(`<${this.el("color")} rgb="${argb(format.fontColor)}"/>`);
    }
    const rest = kids.filter((k) => !drop.has(k.name)).map((k) => k.xml);
    return this.add("fonts", `<${this.el("font")}>${[...lead, ...rest].join("")}</${this.el("font")}>`);
  }

  /** styles.xml with the added items (unchanged text when nothing was added). */
  text(): string {
    if (!this.changed) return this.xml;
    const root = rootElement(this.xml) as Slice;
    const replacements: { start: number; end: number; text: string }[] = [];
    const children = childElements(this.xml, root.contentStart, root.contentEnd);
    for (const [name, list] of this.lists) {
      if (list.added.length === 0) continue;
      const count = list.items.length + list.added.length;
      if (list.slice) {
        const s = list.slice;
        let open = this.xml.slice(s.start, s.tagEnd);
        if (s.selfClosing) open = `${open.slice(0, -2)}>`;
        open = setAttribute(open, "count", String(count));
        const content = s.selfClosing ? "" : this.xml.slice(s.contentStart, s.contentEnd);
        replacements.push({ start: s.start, end: s.end, text: `${open}${content}${list.added.join("")}</${this.el(name)}>` });
      } else {
        const at = children.find((c) => ORDER.indexOf(localName(c.name)) > ORDER.indexOf(name));
        const position = at ? at.start : root.contentEnd;
        replacements.push({ start: position, end: position, text: `<${this.el(name)} count="${count}">${list.added.join("")}</${this.el(name)}>` });
      }
    }
    return applyReplacements(this.xml, replacements);
  }
}

/** The text with non-overlapping ranges replaced (insertions where start = end). */
export function applyReplacements(xml: string, replacements: readonly { start: number; end: number; text: string; order?: number }[]): string {
  const sorted = [...replacements].sort((a, b) => a.start - b.start || a.end - b.end || (a.order ?? 0) - (b.order ?? 0));
  const parts: string[] = [];
  let at = 0;
  for (const r of sorted) {
    parts.push(xml.slice(at, r.start), r.text);
    at = r.end;
  }
  parts.push(xml.slice(at));
  return parts.join("");
}
