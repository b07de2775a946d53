/**
 * Namespace-aware reading of machine-written XML without a full parser: the prefixes a part binds to the
 * namespace we read (SpreadsheetML's main namespace, the package relationships') are found on its root
 * element by URI, and elements under such a prefix are read as plain ones. The .NET Open XML SDK, for
 * one, writes <x:worksheet xmlns:x="…/spreadsheetml/2006/main"><x:sheetData>….
 */
import { joinBytes } from "./bytes";

export const NS = {
  main: ["http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"],
  relationships: ["http://schemas.openxmlformats.org/package/2006/relationships"],
  contentTypes: ["http://schemas.openxmlformats.org/package/2006/content-types"],
} as const;

/** The root element's start tag of an XML text (after the declaration, comments and a DOCTYPE), or "". */
export function rootTag(xml: string): string {
  let p = 0;
  for (;;) {
    const lt = xml.indexOf("<", p);
    if (lt < 0) return "";
    const c = xml.charCodeAt(lt + 1);
    if (c === 63 /* ? */ || c === 33 /* ! */) {
      const close = xml.startsWith("<!--", lt) ? xml.indexOf("-->", lt) : xml.indexOf(">", lt);
      if (close < 0) return "";
      p = close + 1;
      continue;
    }
    const end = xml.indexOf(">", lt);
    return end < 0 ? "" : xml.slice(lt, end + 1);
  }
}

/** The prefixes the tag declares for any of `uris` (xmlns:P="uri"); "" stands for none. */
export function prefixesFor(tag: string, uris: readonly string[]): string[] {
  const out: string[] = [];
  const declaration = /\sxmlns:([A-Za-z_][\w.-]*)\s*=\s*(["'])(.*?)\2/g;
  for (let m = declaration.exec(tag); m; m = declaration.exec(tag)) if (uris.includes(m[3])) out.push(m[1]);
  return out;
}

/** The prefix (with its colon) under which the part's root element is written, "" when unprefixed. */
export function elementPrefix(tag: string): string {
  const m = /^<([A-Za-z_][\w.-]*):/.exec(tag);
  return m ? `${m[1]}:` : "";
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The text with `<P:name` and `</P:name` written as `<name`, `</name` for the given prefixes. */
export function stripPrefixes(xml: string, prefixes: readonly string[]): string {
  if (prefixes.length === 0) return xml;
  const pattern = new RegExp(`<(/?)(?:${prefixes.map(escapeRegExp).join("|")}):`, "g");
  return xml.replace(pattern, "<$1");
}

/** A part's text read as unprefixed: prefixes bound to `uris` on its root are removed. */
export function unprefixed(xml: string, uris: readonly string[]): string {
  return stripPrefixes(xml, prefixesFor(rootTag(xml), uris));
}

/** The longest root start tag looked for at the head of a streamed part. */
const MAX_ROOT_TAG = 1 << 20;

/**
 * The same on a stream of UTF-8 bytes (a worksheet inflated chunk by chunk): the root tag is read from
 * the first bytes, then each chunk is rewritten without the prefixes (a short carry keeps a `<P:` cut
 * between chunks). Linear in the input; chunks pass through untouched when there is nothing to remove.
 */
export async function* unprefixedBytes(chunks: AsyncIterable<Uint8Array>, uris: readonly string[]): AsyncGenerator<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headLength = 0;
  let tag = "";
  let done = false;
  const decoder = new TextDecoder();
  while (!tag) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    headLength += next.value.length;
    const text = decoder.decode(joinBytes(head, headLength));
    tag = rootTag(text);
    if (!tag && headLength > MAX_ROOT_TAG) break;
  }
  const prefixes = tag ? prefixesFor(tag, uris) : [];
  const patterns = prefixes.flatMap((p) => [bytesOf(`<${p}:`), bytesOf(`</${p}:`)]);
  const carryLength = patterns.reduce((n, p) => Math.max(n, p.length), 0) - 1;
  let carry = new Uint8Array(0);
  const rewrite = (chunk: Uint8Array, final: boolean): Uint8Array => {
    if (patterns.length === 0) return chunk;
    const b = carry.length > 0 ? joinBytes([carry, chunk], carry.length + chunk.length) : chunk;
    const keep = final ? 0 : Math.min(carryLength, b.length);
    const out = new Uint8Array(b.length);
    let n = 0;
    let i = 0;
    const limit = b.length - keep;
    while (i < limit) {
      if (b[i] === 60) {
        const match = patterns.find((p) => startsWithBytes(b, i, p));
        if (match) {
          out[n++] = 60;
          if (b[i + 1] === 47) out[n++] = 47;
          i += match.length;
          continue;
        }
      }
      out[n++] = b[i++];
    }
    carry = b.slice(i);
    return out.subarray(0, n);
  };
  for (const chunk of head) yield rewrite(chunk, false);
  if (!done) {
    try {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield rewrite(next.value, false);
    } finally {
      await iterator.return?.();
    }
  }
  const last = rewrite(new Uint8Array(0), true);
  if (last.length > 0) yield last;
}

function startsWithBytes(b: Uint8Array, at: number, pattern: Uint8Array): boolean {
  if (at + pattern.length > b.length) return false;
  for (let k = 0; k < pattern.length; k++) if (b[at + k] !== pattern[k]) return false;
  return true;
}

const bytesOf = (s: string) => new TextEncoder().encode(s);
