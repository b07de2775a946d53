/**
 * The element structure of machine-written XML, found without parsing it into objects: the direct
 * children of an element as [start, end) slices of the original text, so a writer can replace one
 * element and keep every other byte as it was. Comments, CDATA, processing instructions and quoted
 * attribute values (which may hold ">") are skipped correctly. Linear in the text.
 */
export interface Slice {
  /** The qualified name as written ("x:row", "row"). */
  readonly name: string;
  readonly start: number;
  readonly end: number;
  /** Where the start tag ends (index after its ">"), and whether it closes itself. */
  readonly tagEnd: number;
  readonly selfClosing: boolean;
  /** Content range (between the start and the end tag); empty for a self-closing element. */
  readonly contentStart: number;
  readonly contentEnd: number;
}

/** Index after the ">" that ends the tag starting at `lt`, skipping quoted values; -1 if unfinished. */
export function tagEndOf(xml: string, lt: number): number {
  let quote = 0;
  for (let i = lt + 1; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i + 1;
  }
  return -1;
}

function skipSpecial(xml: string, lt: number): number {
  if (xml.startsWith("<!--", lt)) return xml.indexOf("-->", lt) + 3;
  if (xml.startsWith("<![CDATA[", lt)) return xml.indexOf("]]>", lt) + 3;
  if (xml.startsWith("<?", lt)) return xml.indexOf("?>", lt) + 2;
  if (xml.startsWith("<!", lt)) return xml.indexOf(">", lt) + 1;
  return -1;
}

const nameAt = (xml: string, lt: number): string => /^<([^\s/>]+)/.exec(xml.slice(lt, lt + 200))?.[1] ?? "";

/** The direct children of the content range [from, to). */
export function childElements(xml: string, from: number, to: number): Slice[] {
  const out: Slice[] = [];
  let depth = 0;
  let open: { name: string; start: number; tagEnd: number } | undefined;
  let p = from;
  while (p < to) {
    const lt = xml.indexOf("<", p);
    if (lt < 0 || lt >= to) break;
    const special = skipSpecial(xml, lt);
    if (special >= 0) {
      if (special < 3) break;
      p = special;
      continue;
    }
    const end = tagEndOf(xml, lt);
    if (end < 0) break;
    if (xml.charCodeAt(lt + 1) === 47) {
      depth--;
      if (depth === 0 && open) {
        out.push({ name: open.name, start: open.start, end, tagEnd: open.tagEnd, selfClosing: false, contentStart: open.tagEnd, contentEnd: lt });
        open = undefined;
      }
    } else if (xml.charCodeAt(end - 2) === 47) {
      if (depth === 0) out.push({ name: nameAt(xml, lt), start: lt, end, tagEnd: end, selfClosing: true, contentStart: end, contentEnd: end });
    } else {
      if (depth === 0) open = { name: nameAt(xml, lt), start: lt, tagEnd: end };
      depth++;
    }
    p = end;
  }
  return out;
}

/** The root element of a document. */
export function rootElement(xml: string): Slice | undefined {
  return childElements(xml, 0, xml.length).find((e) => e.name !== "");
}

export const localName = (qualified: string): string => qualified.slice(qualified.indexOf(":") + 1);

/** Escapes text for element content or an attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

/** A character one of escapeCellText's replacements may change ("_" may start an _xHHHH_ to escape). */
const NEEDS_CELL_ESCAPE = /[&<>"_\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Text for a SpreadsheetML string: characters XML cannot hold as _xHHHH_, a literal "_x" escaped as _x005F_. */
export function escapeCellText(text: string): string {
  if (!NEEDS_CELL_ESCAPE.test(text)) return text; // most cells: nothing any replacement below would change
  const ooxml = text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`)
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
  return escapeXml(ooxml);
}

/** The pattern of each attribute name setAttribute was asked for (a handful of names, a patch asks thousands of times). */
const ATTRIBUTE_PATTERNS = new Map<string, RegExp>();

/** A start tag with one attribute set (added, or its value replaced) or removed (value undefined). */
export function setAttribute(tag: string, name: string, value: string | undefined): string {
  let pattern = ATTRIBUTE_PATTERNS.get(name);
  if (!pattern) ATTRIBUTE_PATTERNS.set(name, (pattern = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("[^"]*"|'[^']*')`)));
  const without = tag.replace(pattern, "");
  if (value === undefined) return without;
  const close = without.endsWith("/>") ? without.length - 2 : without.length - 1;
  return `${without.slice(0, close)} ${name}="${escapeXml(value)}"${without.slice(close)}`;
}
