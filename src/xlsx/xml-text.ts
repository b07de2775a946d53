/** The few XML text helpers the spreadsheet scanner needs (SpreadsheetML is machine-written and regular). */

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
/** OOXML escapes characters XML cannot hold as _xHHHH_ (and a literal "_x" as _x005F_x). */
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

import { XLSX_MSG } from "./messages";

/**
 * U+FFFD marks text that cannot be read (a character reference XML does not allow, a shared string that
 * is not in the table): the value is then never taken for another one; readers list the cell as unreadable.
 */
export const UNREADABLE = "\uFFFD";

/** A numeric character reference as text: a code point outside Unicode, a surrogate or NUL (not XML characters) is U+FFFD. */
function codePoint(n: number): string {
  return n >= 1 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : UNREADABLE;
}

export function decodeXmlText(s: string): string {
  if (s.indexOf("&") >= 0) {
    s = s.replace(ENTITY, (_, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
      hex !== undefined ? codePoint(parseInt(hex, 16)) : dec !== undefined ? codePoint(Number(dec)) : NAMED[name!]);
  }
  if (s.indexOf("_x") >= 0) s = s.replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return s;
}

const ATTRIBUTE_PATTERNS = new Map<string, RegExp>();
/** ` name="` by name (names come from the code: a few dozen). */
const ATTRIBUTE_KEYS = new Map<string, string>();

/** Value of attribute `name` in a start tag (the tag alone, so searches stay short), or undefined. */
export function attribute(tag: string, name: string): string | undefined {
  let key = ATTRIBUTE_KEYS.get(name);
  if (key === undefined) ATTRIBUTE_KEYS.set(name, (key = ` ${name}="`));
  let i = tag.indexOf(key);
  if (i < 0) {
    // Single quotes or other whitespace before the name: legal, rare, so handled second.
    if (tag.indexOf(`${name}=`) < 0) return undefined;
    let pattern = ATTRIBUTE_PATTERNS.get(name);
    if (!pattern) ATTRIBUTE_PATTERNS.set(name, (pattern = new RegExp(`\\s${name}\\s*=\\s*(["'])(.*?)\\1`, "s")));
    const m = pattern.exec(tag);
    return m ? decodeXmlText(m[2]) : undefined;
  }
  i += key.length;
  return decodeXmlText(tag.slice(i, tag.indexOf('"', i)));
}

/**
 * The text of a string item (the inside of <si> or <is>): its <t> elements joined, phonetic runs
 * (<rPh>) left out.
 */
export function stringItemText(item: string): string {
  if (item.indexOf("<rPh") >= 0) item = item.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  let text = "";
  let p = 0;
  for (;;) {
    const t = item.indexOf("<t", p);
    if (t < 0) break;
    const after = item.charCodeAt(t + 2);
    const tagEnd = item.indexOf(">", t);
    if ((after !== 62 && after !== 32 && after !== 47) || item.charCodeAt(tagEnd - 1) === 47) {
      p = tagEnd + 1;
      continue;
    }
    const close = item.indexOf("</t>", tagEnd);
    text += item.slice(tagEnd + 1, close);
    p = close + 4;
  }
  return decodeXmlText(text);
}

/**
 * The shared string that a t="s" cell's <v> text `raw` points at. An index that is not a whole number or
 * beyond the table (a damaged file) is unreadable text naming the index, never another string or a number;
 * an empty <v> is the empty string.
 */
export function sharedString(strings: readonly string[], raw: string): string {
  if (raw === "") return "";
  const index = /^\s*\d+\s*$/.test(raw) ? Number(raw) : -1;
  return index >= 0 && index < strings.length ? strings[index] : XLSX_MSG.badSharedIndex(raw.trim().slice(0, 20));
}
