/**
 * The package around the worksheets: which part is the workbook, its sheets (names, parts, state), the
 * shared strings, the date system. Parts are found through their relationships, as OPC requires, and
 * read namespace-aware (./namespaces).
 */
import { DEFAULT_LIMITS, rowLimit, wholePartLimit, type XlsxLimits } from "./limits";
import { XLSX_MSG, XlsxError } from "./messages";
import { NS, prefixesFor, rootTag, stripPrefixes, unprefixed, unprefixedBytes } from "./namespaces";
import { attribute, decodeXmlText, stringItemText } from "./xml-text";
import { checkEntrySize, entryChunks, readEntryText, readZipDirectory, type RandomAccessFile, type ZipEntry } from "./zip";

export interface SheetRef {
  readonly name: string;
  /** Part name, e.g. xl/worksheets/sheet1.xml. */
  readonly path: string;
  readonly relationshipId: string;
  readonly state: "visible" | "hidden" | "veryHidden";
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** Resolved part name (no leading slash); the raw Target for external targets. */
  readonly target: string;
  readonly external: boolean;
}

export interface XlsxPackage {
  readonly file: RandomAccessFile;
  readonly entries: Map<string, ZipEntry>;
  readonly limits: XlsxLimits;
  readonly workbookPath: string;
  readonly sheets: readonly SheetRef[];
  readonly workbookRels: readonly Relationship[];
  readonly sharedStringsPath?: string;
  readonly stylesPath?: string;
  readonly date1904: boolean;
  /** The entry of a part, or an error naming it. */
  part(path: string): ZipEntry;
  has(path: string): boolean;
  /** A part held whole as text (bounded by the whole-part limit), prefixes of `uris` removed. */
  text(path: string, uris?: readonly string[]): Promise<string>;
  /** The raw text of a part as stored (bounded by the whole-part limit). */
  rawText(path: string): Promise<string>;
}

export const REL_TYPE = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  calcChain: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
} as const;

const typeIs = (type: string, name: string) => type.endsWith(`/${name}`);

/** Opens a package: directory, relationships, workbook.xml. */
export async function openPackage(file: RandomAccessFile, limits: XlsxLimits = DEFAULT_LIMITS): Promise<XlsxPackage> {
  const entries = await readZipDirectory(file);
  const whole = wholePartLimit(limits);
  const has = (path: string) => entries.has(path.toLowerCase());
  const part = (path: string): ZipEntry => {
    const entry = entries.get(path.toLowerCase());
    if (!entry) throw new XlsxError(XLSX_MSG.entryMissing(path));
    return entry;
  };
  const rawText = (path: string) => readEntryText(file, part(path), whole);
  const text = async (path: string, uris: readonly string[] = NS.main) => unprefixed(await rawText(path), uris);

  let workbookPath = "xl/workbook.xml";
  if (has("_rels/.rels")) {
    const office = parseRelationships(await text("_rels/.rels", NS.relationships), "").find((r) => typeIs(r.type, "officeDocument"));
    if (office) workbookPath = office.target;
  }
  if (!has(workbookPath)) throw new XlsxError(XLSX_MSG.notSpreadsheet);
  const base = workbookPath.includes("/") ? workbookPath.slice(0, workbookPath.lastIndexOf("/") + 1) : "";
  const relsPath = relsPathOf(workbookPath);
  const workbookRels = has(relsPath) ? parseRelationships(await text(relsPath, NS.relationships), base) : [];
  const xml = await text(workbookPath);

  const sheets: SheetRef[] = [];
  forEachTag(xml, "sheet", (tag) => {
    const id = relationshipIdAttribute(tag) ?? "";
    const rel = workbookRels.find((r) => r.id === id);
    const state = attribute(tag, "state");
    sheets.push({
      name: attribute(tag, "name") ?? "",
      path: rel ? rel.target : `${base}worksheets/sheet${sheets.length + 1}.xml`,
      relationshipId: id,
      state: state === "hidden" || state === "veryHidden" ? state : "visible",
    });
  });
  const pr = /<workbookPr\b[^>]*>/.exec(xml);
  const date1904 = pr !== null && /\sdate1904\s*=\s*["'](1|true)["']/.test(pr[0]);
  const shared = workbookRels.find((r) => typeIs(r.type, "sharedStrings"));
  const styles = workbookRels.find((r) => typeIs(r.type, "styles"));
  const sharedStringsPath = shared ? shared.target : has(`${base}sharedStrings.xml`) ? `${base}sharedStrings.xml` : undefined;
  const held = {
    sharedStringsPath: sharedStringsPath && has(sharedStringsPath) ? sharedStringsPath : undefined,
    stylesPath: styles && has(styles.target) ? styles.target : undefined,
  };
  // Parts held whole are refused by their recorded size now, before the port inflates every part to check
  // it (a page's worker would otherwise inflate hundreds of MB only to refuse them).
  for (const path of [held.sharedStringsPath, held.stylesPath]) if (path) checkEntrySize(part(path), whole);
  return { file, entries, limits, workbookPath, sheets, workbookRels, date1904, part, has, text, rawText, ...held };
}

/** The relationships part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPathOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return `${path.slice(0, slash + 1)}_rels/${path.slice(slash + 1)}.rels`;
}

/** Calls `f` with each start tag <name …> (or <name/>) of the text. */
export function forEachTag(xml: string, name: string, f: (tag: string, at: number) => void): void {
  let p = 0;
  for (;;) {
    const s = xml.indexOf(`<${name}`, p);
    if (s < 0) break;
    const after = xml.charCodeAt(s + name.length + 1);
    const end = xml.indexOf(">", s);
    if (end < 0) break;
    p = end;
    if (after === 32 || after === 62 || after === 47 || after === 9 || after === 10 || after === 13) f(xml.slice(s, end + 1), s);
  }
}

/** The r:id attribute under whatever prefix binds the relationships namespace. */
export function relationshipIdAttribute(tag: string): string | undefined {
  const m = /\s[\w.-]+:id\s*=\s*["']([^"']*)["']/.exec(tag);
  return m ? m[1] : undefined;
}

export function parseRelationships(xml: string, base: string): Relationship[] {
  const out: Relationship[] = [];
  forEachTag(xml, "Relationship", (tag) => {
    const target = attribute(tag, "Target") ?? "";
    const external = attribute(tag, "TargetMode") === "External";
    out.push({
      id: attribute(tag, "Id") ?? "",
      type: attribute(tag, "Type") ?? "",
      target: external ? target : resolvePartPath(base, target),
      external,
    });
  });
  return out;
}

export function resolvePartPath(base: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : base + target).split("/");
  const out: string[] = [];
  for (const part of parts) {
    if (part === "..") out.pop();
    else if (part !== "." && part !== "") out.push(part);
  }
  return out.join("/");
}

/**
 * The shared strings, streamed: memory holds the strings and one item cut between chunks. The part is
 * held whole in the end (as strings), so it is bounded by the whole-part limit.
 */
export async function readSharedStrings(pkg: XlsxPackage): Promise<string[]> {
  if (!pkg.sharedStringsPath) return [];
  const entry = pkg.part(pkg.sharedStringsPath);
  const strings: string[] = [];
  const decoder = new TextDecoder();
  const held: string[] = [];
  let heldLength = 0;
  const maxItem = rowLimit(pkg.limits);
  const scan = (s: string, final: boolean): string => {
    const limit = final ? s.length : s.lastIndexOf("</si>") + 5;
    let p = 0;
    for (;;) {
      const i = s.indexOf("<si", p);
      if (i < 0 || i >= limit) break;
      const after = s.charCodeAt(i + 3);
      if (after !== 62 && after !== 32 && after !== 47) {
        p = i + 3;
        continue;
      }
      const tagEnd = s.indexOf(">", i);
      if (tagEnd < 0) break;
      if (s.charCodeAt(tagEnd - 1) === 47) {
        strings.push("");
        p = tagEnd + 1;
        continue;
      }
      const close = s.indexOf("</si>", tagEnd);
      if (close < 0) break;
      strings.push(plainItemText(s, tagEnd + 1, close) ?? stringItemText(s.slice(tagEnd + 1, close)));
      p = close + 5;
    }
    return final ? "" : s.slice(p);
  };
  let prefixes: string[] | undefined;
  let head = "";
  const chunks = entryChunks(pkg.file, entry, { limit: wholePartLimit(pkg.limits) });
  for await (const chunk of chunks) {
    let text = decoder.decode(chunk, { stream: true });
    if (prefixes === undefined) {
      head += text;
      const tag = rootTag(head);
      if (!tag && head.length < 1 << 20) continue;
      prefixes = prefixesFor(tag, NS.main);
      text = head;
    }
    text = stripPrefixes(text, prefixes);
    // A piece without the end of an item is only held: joined once, when the item ends (linear time).
    if (text.indexOf("</si>") < 0) {
      held.push(text);
      heldLength += text.length;
      if (heldLength > maxItem) throw new XlsxError(XLSX_MSG.rowTooLarge(entry.name, maxItem));
      continue;
    }
    const rest = scan(held.join("") + text, false);
    held.length = 0;
    held.push(rest);
    heldLength = rest.length;
  }
  if (prefixes === undefined) {
    prefixes = prefixesFor(rootTag(head), NS.main);
    held.push(stripPrefixes(head, prefixes));
  }
  scan(held.join("") + stripPrefixes(decoder.decode(), prefixes), true);
  return strings;
}

/**
 * The text of an item written as a single plain <t>…</t> (the usual form), read in place; undefined for any
 * other form (stringItemText reads those).
 */
function plainItemText(s: string, from: number, to: number): string | undefined {
  if (s.charCodeAt(from) !== 60 || s.charCodeAt(from + 1) !== 116 || s.charCodeAt(from + 2) !== 62) return undefined; // <t>
  const end = to - 4;
  if (end < from + 3 || s.indexOf("<", from + 3) !== end || !s.startsWith("</t>", end)) return undefined;
  return decodeXmlText(s.slice(from + 3, end));
}

/** A worksheet's XML as a stream of unprefixed UTF-8 bytes, bounded by the part limit. */
export function sheetBytes(pkg: XlsxPackage, path: string, onRead?: (compressedBytes: number) => void): AsyncIterable<Uint8Array> {
  return unprefixedBytes(entryChunks(pkg.file, pkg.part(path), { onRead, limit: pkg.limits.maxPartBytes }), NS.main);
}

/** styles.xml as unprefixed text, or undefined when the workbook has none. */
export async function wholeStylesText(pkg: XlsxPackage): Promise<string | undefined> {
  return pkg.stylesPath ? pkg.text(pkg.stylesPath) : undefined;
}
