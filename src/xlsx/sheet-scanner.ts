/**
 * Streaming scanners of a worksheet's <sheetData>, row by row, without building a workbook model: the
 * sheet XML is inflated and scanned chunk by chunk, so memory holds the string table and one chunk of
 * XML (and at most one row cut between chunks, bounded by a limit).
 * A hand-written scanner is used instead of a SAX parser (saxes): SpreadsheetML is regular, and on a
 * 200,000-row sheet (95 M characters) the scanner takes ~0.3 s against ~1.2 s for saxes merely
 * firing its events (scripts/bench-ledger-xlsx.ts). The sheet is scanned as bytes (SheetByteScanner),
 * decoding only the text of strings; SheetScanner, on decoded text, reads the rows not in the usual form.
 * Prefixed elements (<x:row>) are unprefixed before they get here (./namespaces). Rows without a value
 * are skipped. Cells are read as Excel shows them: t="b" 1/0 → TRUE/FALSE, t="e" → the error code,
 * t="str" → its text; a formula cell without a cached value has no value here (ScannedRow.uncalculated
 * lists its column).
 */
import { joinBytes } from "./bytes";
import { XLSX_MSG, XlsxError } from "./messages";
import { attribute, decodeXmlText, sharedString, stringItemText, UNREADABLE } from "./xml-text";

/** A cell as read: text, number, boolean; undefined when empty. */
export type ScannedCell = string | number | boolean | undefined;

export interface ScannedRow {
  readonly cells: readonly ScannedCell[];
  /** 1-based row as the file or sheet shows it. */
  readonly rowNumber: number;
  /** 0-based columns of formula cells without a cached value (absent when none): not blank, unknown. */
  readonly uncalculated?: readonly number[];
  /** A cell holds unreadable text (U+FFFD: an invalid character reference, a shared string not in the table). */
  readonly undecodable?: boolean;
}

/** The unfinished tail of a stream, kept as a list of pieces and joined once the end of a row arrives. */
class Pending<T extends string | Uint8Array> {
  private parts: T[] = [];
  private length = 0;

  constructor(private readonly limit: number, private readonly part: string) {}

  get empty(): boolean {
    return this.length === 0;
  }

  add(piece: T): void {
    if (piece.length === 0) return;
    this.parts.push(piece);
    this.length += piece.length;
    if (this.length > this.limit) throw new XlsxError(XLSX_MSG.rowTooLarge(this.part, this.limit));
  }

  /** Everything held, joined, and the holder emptied. */
  take(join: (parts: T[], length: number) => T): T | undefined {
    if (this.length === 0) return undefined;
    const out = this.parts.length === 1 ? this.parts[0] : join(this.parts, this.length);
    this.parts = [];
    this.length = 0;
    return out;
  }
}

const joinText = (parts: string[]) => parts.join("");

/** Limit of a row held between chunks when none is given. */
const DEFAULT_ROW_LIMIT = 64 << 20;

/**
 * Incremental scanner of <sheetData>: complete <row> elements are turned into cell arrays.
 * Attributes are read in place in the usual form (` r="A1"`, ` t="s"`); any other form (other
 * whitespace, single quotes, entities) falls back to `attribute` on the sliced tag, so the result is
 * the same, only the common case allocates nothing per attribute.
 */
export class SheetScanner {
  private readonly rest: Pending<string>;
  private lastRow = 0;

  constructor(private readonly strings: readonly string[], options: { rowLimit?: number; part?: string } = {}) {
    this.rest = new Pending(options.rowLimit ?? DEFAULT_ROW_LIMIT, options.part ?? "");
  }

  feed(chunk: string, final: boolean, out: ScannedRow[]): void {
    let s = chunk;
    let from = 0;
    if (!this.rest.empty) {
      // The row cut by the previous chunk is finished on its own, a short string: joining the tail
      // to the whole chunk would copy the chunk (a megabyte) once more. A chunk that does not finish
      // it is only added to the pieces held (time stays linear however long the row).
      const end = chunk.indexOf("</row>");
      if (end < 0 && !final && chunk.indexOf("/>") < 0) {
        this.rest.add(chunk);
        return;
      }
      if (end < 0) s = (this.rest.take(joinText) ?? "") + chunk;
      else {
        const head = (this.rest.take(joinText) ?? "") + chunk.slice(0, end + 6);
        const left = this.scan(head, 0, false, out);
        from = end + 6;
        if (left < head.length) {
          s = head.slice(left) + chunk.slice(from);
          from = 0;
        }
      }
    }
    const left = this.scan(s, from, final, out);
    // Keep the unfinished tail (from the first unprocessed byte); drop what came before.
    if (!final) this.rest.add(s.slice(left));
  }

  /** Turns the complete rows of s (from `p` on) into cell arrays; returns where the unfinished tail starts. */
  private scan(s: string, p: number, final: boolean, out: ScannedRow[]): number {
    const lastEnd = s.lastIndexOf("</row>");
    const limit = final ? s.length : lastEnd < 0 ? 0 : lastEnd + 6;
    for (;;) {
      const rs = s.indexOf("<row", p);
      if (rs < 0 || rs >= limit) break;
      const after = s.charCodeAt(rs + 4);
      if (after !== 32 && after !== 62 && after !== 47) {
        p = rs + 4;
        continue;
      }
      const tagEnd = s.indexOf(">", rs);
      if (tagEnd < 0) break;
      let rowNumber = rowAttribute(s, rs, tagEnd);
      if (rowNumber === undefined) {
        const rowAttr = attribute(s.slice(rs, tagEnd), "r");
        rowNumber = rowAttr !== undefined ? +rowAttr : this.lastRow + 1;
      }
      if (s.charCodeAt(tagEnd - 1) === 47) {
        this.lastRow = rowNumber;
        p = tagEnd + 1;
        continue;
      }
      const rowEnd = s.indexOf("</row>", tagEnd);
      if (rowEnd < 0) break;
      // Only a complete row counts (a row without r is numbered after the previous one).
      this.lastRow = rowNumber;
      const uncalculated: number[] = [];
      const cells = this.cells(s, tagEnd + 1, rowEnd, uncalculated);
      pushRow(out, cells, rowNumber, uncalculated);
      p = rowEnd + 6;
    }
    return p;
  }

  /** The cells of the row whose content is s[start, end) (also the fallback of SheetByteScanner). */
  cells(s: string, start: number, end: number, uncalculated: number[]): ScannedCell[] {
    const cells: ScannedCell[] = [];
    let col = -1;
    let p = start;
    for (;;) {
      const cs = s.indexOf("<c", p);
      if (cs < 0 || cs >= end) break;
      const after = s.charCodeAt(cs + 2);
      if (after !== 32 && after !== 62 && after !== 47) {
        p = cs + 2;
        continue;
      }
      const tagEnd = s.indexOf(">", cs);
      let type: number;
      if (readCellTag(s, cs + 2, tagEnd)) {
        col = tagHasRef ? tagColumn : col + 1;
        type = tagType;
      } else {
        const tag = s.slice(cs, tagEnd);
        const ref = attribute(tag, "r");
        col = ref !== undefined ? columnIndex(ref) : col + 1;
        type = typeCode(attribute(tag, "t"));
      }
      if (s.charCodeAt(tagEnd - 1) === 47) {
        p = tagEnd + 1;
        continue;
      }
      // The usual cell, <v>value</v></c>, read without looking further.
      if (type !== TYPE_INLINE && s.startsWith("<v>", tagEnd + 1)) {
        const vEnd = s.indexOf("</v>", tagEnd + 4);
        if (vEnd >= 0 && vEnd < end && s.startsWith("</c>", vEnd + 4)) {
          cells[col] = this.value(type, s, tagEnd + 4, vEnd);
          p = vEnd + 8;
          continue;
        }
      }
      let cellEnd = s.indexOf("</c>", tagEnd);
      // A cell left open (damaged XML) ends with its row; searching on from an earlier place would loop.
      if (cellEnd < 0 || cellEnd > end) cellEnd = end;
      p = cellEnd + 4;
      if (type === TYPE_INLINE) {
        cells[col] = stringItemText(s.slice(tagEnd + 1, cellEnd));
        continue;
      }
      const fs = s.indexOf("<f", tagEnd);
      const formula = fs >= 0 && fs < cellEnd;
      const vs = s.indexOf("<v", tagEnd);
      if (vs < 0 || vs >= cellEnd) {
        if (formula) uncalculated.push(col);
        continue;
      }
      const vStart = s.indexOf(">", vs) + 1;
      const selfClosing = s.charCodeAt(vStart - 2) === 47; // <v/>
      const vEnd = selfClosing ? vStart : s.indexOf("</v>", vStart);
      if (formula && vEnd === vStart && !emptyIsCached(type)) uncalculated.push(col);
      else if (!selfClosing) cells[col] = this.value(type, s, vStart, vEnd);
    }
    return cells;
  }

  /** The value of a cell of `type` written as s[from, to) inside <v>. */
  private value(type: number, s: string, from: number, to: number): ScannedCell {
    switch (type) {
      case TYPE_NUMBER:
        return to === from ? undefined : Number(s.slice(from, to));
      case TYPE_SHARED: {
        const index = digitsValue(s, from, to);
        return index >= 0 && index < this.strings.length ? this.strings[index] : sharedString(this.strings, s.slice(from, to));
      }
      case TYPE_BOOLEAN: {
        const raw = s.slice(from, to);
        return raw === "1" || raw === "true";
      }
      default: // str (formula text), e (error such as #N/A), d (ISO date text)
        return decodeXmlText(s.slice(from, to));
    }
  }
}

// Cell types (the t attribute): absent or n, s, b, inlineStr, anything else (str, e, d: text as written).
const TYPE_NUMBER = 0;
const TYPE_SHARED = 1;
const TYPE_BOOLEAN = 2;
const TYPE_INLINE = 3;
const TYPE_TEXT = 4;

/** An empty <v> after a formula is a cached result only for text (t="str" or "s"): "" is then the value. */
function emptyIsCached(type: number): boolean {
  return type === TYPE_TEXT || type === TYPE_SHARED;
}

function typeCode(t: string | undefined): number {
  return t === undefined || t === "n" ? TYPE_NUMBER : t === "s" ? TYPE_SHARED : t === "b" ? TYPE_BOOLEAN : t === "inlineStr" ? TYPE_INLINE : TYPE_TEXT;
}

// What readCellTag found (module scratch, so nothing is allocated per cell).
let tagHasRef = false;
let tagColumn = -1;
let tagType = TYPE_NUMBER;

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * Reads the r (column) and t (type) attributes of the <c> tag whose attributes are s[from, to), in
 * one pass. False when the tag is not in the plain form name="value" (or 'value') or when r or t holds
 * an entity or an _xHHHH_ escape: the caller then reads the sliced tag with `attribute`.
 */
function readCellTag(s: string, from: number, to: number): boolean {
  tagHasRef = false;
  tagColumn = -1;
  tagType = TYPE_NUMBER;
  let i = from;
  while (i < to) {
    let c = s.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === 47 && i === to - 1) return true; // the / of <c … />
    const nameStart = i;
    while (i < to && (c = s.charCodeAt(i)) !== 61 && !isSpace(c)) i++;
    if (c !== 61 || i === nameStart) return false;
    const nameLength = i - nameStart;
    const quote = s.charCodeAt(++i);
    if (quote !== 34 && quote !== 39) return false;
    const valueStart = i + 1;
    const valueEnd = s.indexOf(quote === 34 ? '"' : "'", valueStart);
    if (valueEnd < 0 || valueEnd >= to) return false;
    i = valueEnd + 1;
    if (nameLength !== 1) continue;
    const name = s.charCodeAt(nameStart);
    if (name === 114) {
      // r: the letters of the reference
      let col = 0;
      let k = valueStart;
      for (; k < valueEnd; k++) {
        const x = s.charCodeAt(k);
        if (x < 65 || x > 90) break;
        col = col * 26 + (x - 64);
      }
      if (k < valueEnd && (s.charCodeAt(k) === 38 || s.charCodeAt(k) === 95)) return false;
      tagHasRef = true;
      tagColumn = col - 1;
    } else if (name === 116) {
      // t
      for (let k = valueStart; k < valueEnd; k++) {
        const x = s.charCodeAt(k);
        if (x === 38 || x === 95) return false;
      }
      const length = valueEnd - valueStart;
      const first = s.charCodeAt(valueStart);
      tagType = length === 1
        ? (first === 115 ? TYPE_SHARED : first === 110 ? TYPE_NUMBER : first === 98 ? TYPE_BOOLEAN : TYPE_TEXT)
        : length === 9 && s.startsWith("inlineStr", valueStart) ? TYPE_INLINE : TYPE_TEXT;
    }
  }
  return true;
}

/** Where the value of ` name="` starts inside the tag s[from, to), or -1. */
function attributeAt(s: string, from: number, to: number, key: string): number {
  const at = s.indexOf(key, from);
  return at >= 0 && at < to ? at + key.length : -1;
}

/** The r attribute of a <row> tag (a row number) read in place, or undefined when not in the usual form. */
function rowAttribute(s: string, from: number, to: number): number | undefined {
  const v = attributeAt(s, from, to, ' r="');
  if (v < 0) return undefined;
  const close = s.indexOf('"', v);
  if (close < 0 || close > to) return undefined;
  const value = digitsValue(s, v, close);
  return value < 0 ? undefined : value;
}

/** The integer written as plain digits in s[from, to), or -1 when it is not only (1–9) digits. */
function digitsValue(s: string, from: number, to: number): number {
  if (to <= from || to - from > 9) return -1;
  let value = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** "AB12" → 27 (0-based column). */
export function columnIndex(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return col - 1;
}

const POW10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * SheetScanner on the inflated bytes (UTF-8) instead of decoded text: the markup is ASCII, so tags,
 * attributes and numbers are read from the bytes and only the text of strings is decoded. Rows in the
 * regular form written by Excel and LibreOffice (<c …><v>…</v></c>, <c …/>, <c …></c>,
 * <c t="inlineStr"><is><t>…</t></is></c>) are read here; any other row is decoded and handed to
 * SheetScanner.cells, so the result is the same as SheetScanner's on the decoded text.
 */
/** Adds a row that has a value or an uncalculated formula (a row of neither is skipped). */
function pushRow(out: ScannedRow[], cells: ScannedCell[], rowNumber: number, uncalculated: readonly number[]): void {
  if (uncalculated.length === 0 && cells.length === 0) return;
  let undecodable = false;
  for (const c of cells) if (typeof c === "string" && c.includes(UNREADABLE)) undecodable = true;
  if (undecodable) out.push(uncalculated.length > 0 ? { cells, rowNumber, uncalculated, undecodable } : { cells, rowNumber, undecodable });
  else out.push(uncalculated.length > 0 ? { cells, rowNumber, uncalculated } : { cells, rowNumber });
}

export class SheetByteScanner {
  private readonly rest: Pending<Uint8Array>;
  private lastRow = 0;
  /** Where the row read by fastCells ends (its </row>). */
  private rowEnd = 0;
  private readonly text: SheetScanner;
  private readonly decoder = new TextDecoder();

  constructor(private readonly strings: readonly string[], options: { rowLimit?: number; part?: string } = {}) {
    this.text = new SheetScanner(strings, options);
    this.rest = new Pending(options.rowLimit ?? DEFAULT_ROW_LIMIT, options.part ?? "");
  }

  feed(chunk: Uint8Array, final: boolean, out: ScannedRow[]): void {
    let b = chunk;
    if (!this.rest.empty) {
      // A chunk that ends no row is only held (joined once, when the row's end arrives): linear time.
      if (!final && lastRowEnd(chunk) === 0 && !hasSelfClosing(chunk)) {
        this.rest.add(chunk.slice());
        return;
      }
      const held = this.rest.take(joinBytes) as Uint8Array;
      b = joinBytes([held, chunk], held.length + chunk.length);
    }
    const left = this.scan(b, final, out);
    // Keep (a copy of) the unfinished tail: the chunk's buffer may be reused by the inflater.
    if (!final && left < b.length) this.rest.add(b.slice(left));
  }

  private decode(b: Uint8Array, from: number, to: number): string {
    return this.decoder.decode(b.subarray(from, to));
  }

  /** Turns the complete rows of b into cell arrays; returns where the unfinished tail starts. */
  private scan(b: Uint8Array, final: boolean, out: ScannedRow[]): number {
    const n = b.length;
    const limit = final ? n : lastRowEnd(b);
    let p = 0;
    for (;;) {
      const rs = findRowStart(b, p, limit);
      if (rs < 0) break;
      const tagEnd = b.indexOf(62, rs);
      if (tagEnd < 0) break;
      let rowNumber = rowAttributeBytes(b, rs, tagEnd);
      if (rowNumber < 0) {
        const rowAttr = attribute(this.decode(b, rs, tagEnd), "r");
        rowNumber = rowAttr !== undefined ? +rowAttr : this.lastRow + 1;
      }
      if (b[tagEnd - 1] === 47) {
        this.lastRow = rowNumber;
        p = tagEnd + 1;
        continue;
      }
      const uncalculated: number[] = [];
      let cells = this.fastCells(b, tagEnd + 1, n, uncalculated);
      let rowEnd = this.rowEnd;
      if (cells === undefined) {
        rowEnd = findRowEnd(b, tagEnd, n);
        if (rowEnd < 0) break;
        const s = this.decode(b, tagEnd + 1, rowEnd + 6);
        uncalculated.length = 0;
        cells = this.text.cells(s, 0, s.length - 6, uncalculated);
      }
      this.lastRow = rowNumber;
      pushRow(out, cells, rowNumber, uncalculated);
      p = rowEnd + 6;
    }
    return p;
  }

  /**
   * The cells of the row whose content starts at b[start], when every element up to its </row> is a
   * cell in the regular form (rowEnd is then set); undefined otherwise (or when the row is cut).
   */
  private fastCells(b: Uint8Array, start: number, n: number, uncalculated: number[]): ScannedCell[] | undefined {
    const cells: ScannedCell[] = [];
    let col = -1;
    let p = start;
    for (;;) {
      const lt = byteIndex(b, 60, p);
      if (lt < 0 || lt + 5 >= n) return undefined;
      const c1 = b[lt + 1];
      if (c1 === 47) {
        if (b[lt + 2] === 114 && b[lt + 3] === 111 && b[lt + 4] === 119 && b[lt + 5] === 62) {
          this.rowEnd = lt;
          return cells;
        }
        return undefined;
      }
      const after = b[lt + 2];
      if (c1 !== 99 || (after !== 32 && after !== 62 && after !== 47)) return undefined;
      const tagEnd = byteIndex(b, 62, lt);
      if (tagEnd < 0 || !readCellTagBytes(b, lt + 2, tagEnd)) return undefined;
      col = tagHasRef ? tagColumn : col + 1;
      const type = tagType;
      if (b[tagEnd - 1] === 47) {
        p = tagEnd + 1;
        continue;
      }
      let q = tagEnd + 1;
      const formula = b[q] === 60 && b[q + 1] === 102 && (b[q + 2] === 62 || b[q + 2] === 32 || b[q + 2] === 47);
      if (formula) {
        // <f …>formula</f> or <f …/>: skipped; the cell's value is its cached <v>, if any (ledgers exported
        // with helper formulas, such as the benchmark's COUNTIFS workbook, have one on every row).
        const fTagEnd = byteIndex(b, 62, q);
        if (fTagEnd < 0) return undefined;
        if (b[fTagEnd - 1] === 47) q = fTagEnd + 1;
        else {
          const close = indexOfBytes(b, CLOSE_FORMULA, fTagEnd + 1);
          if (close < 0) return undefined;
          q = close + CLOSE_FORMULA.length;
        }
      }
      if (q + 13 > n) return undefined;
      if (type === TYPE_INLINE) {
        // <is><t>text</t></is></c>
        if (b[q] !== 60 || b[q + 1] !== 105 || b[q + 2] !== 115 || b[q + 3] !== 62 || b[q + 4] !== 60 || b[q + 5] !== 116 || b[q + 6] !== 62) return undefined;
        const from = q + 7;
        const to = byteIndex(b, 60, from);
        if (to < 0 || !bytesAt(b, to, CLOSE_INLINE)) return undefined;
        cells[col] = decodeXmlText(this.decode(b, from, to));
        p = to + CLOSE_INLINE.length;
        continue;
      }
      if (b[q] === 60 && b[q + 1] === 47 && b[q + 2] === 99 && b[q + 3] === 62) {
        if (formula) uncalculated.push(col); // <c …><f>…</f></c>: never calculated
        p = q + 4; // <c …></c>
        continue;
      }
      if (b[q] !== 60 || b[q + 1] !== 118 || b[q + 2] !== 62) return undefined;
      const from = q + 3;
      const to = byteIndex(b, 60, from);
      if (to < 0 || !bytesAt(b, to, CLOSE_VALUE)) return undefined;
      if (formula && to === from && !emptyIsCached(type)) uncalculated.push(col); // <f>…</f><v></v>, as openpyxl writes
      else cells[col] = this.value(type, b, from, to);
      p = to + CLOSE_VALUE.length;
    }
  }

  /** The value of a cell of `type` written as b[from, to) inside <v>. */
  private value(type: number, b: Uint8Array, from: number, to: number): ScannedCell {
    switch (type) {
      case TYPE_NUMBER: {
        if (to === from) return undefined;
        const v = numberBytes(b, from, to);
        return numberOk ? v : Number(this.decode(b, from, to));
      }
      case TYPE_SHARED: {
        const index = digitsBytes(b, from, to);
        return index >= 0 && index < this.strings.length ? this.strings[index] : sharedString(this.strings, this.decode(b, from, to));
      }
      case TYPE_BOOLEAN: {
        const length = to - from;
        return (length === 1 && b[from] === 49) || (length === 4 && b[from] === 116 && b[from + 1] === 114 && b[from + 2] === 117 && b[from + 3] === 101);
      }
      default:
        return decodeXmlText(this.decode(b, from, to));
    }
  }
}

const CLOSE_INLINE = Array.from("</t></is></c>", (c) => c.charCodeAt(0));
const CLOSE_VALUE = Array.from("</v></c>", (c) => c.charCodeAt(0));
const CLOSE_FORMULA = Array.from("</f>", (c) => c.charCodeAt(0));
const ROW_CLOSE = Array.from("</row>", (c) => c.charCodeAt(0));

function bytesAt(b: Uint8Array, at: number, pattern: readonly number[]): boolean {
  if (at + pattern.length > b.length) return false;
  for (let k = 0; k < pattern.length; k++) if (b[at + k] !== pattern[k]) return false;
  return true;
}

/** Where `pattern` (starting with "<") first occurs in b from `from`, or -1. */
function indexOfBytes(b: Uint8Array, pattern: readonly number[], from: number): number {
  for (let i = byteIndex(b, pattern[0], from); i >= 0; i = byteIndex(b, pattern[0], i + 1)) {
    if (bytesAt(b, i, pattern)) return i;
  }
  return -1;
}

/** Where the first "<row" followed by space, > or / starts in b[from, limit), or -1. */
function findRowStart(b: Uint8Array, from: number, limit: number): number {
  let p = from;
  for (;;) {
    const i = byteIndex(b, 60, p);
    if (i < 0 || i >= limit) return -1;
    if (b[i + 1] === 114 && b[i + 2] === 111 && b[i + 3] === 119) {
      const after = b[i + 4];
      if (after === 32 || after === 62 || after === 47) return i;
    }
    p = i + 1;
  }
}

/** Where the first "</row>" at or after `from` starts, or -1. */
function findRowEnd(b: Uint8Array, from: number, n: number): number {
  let p = from;
  for (;;) {
    const i = byteIndex(b, 60, p);
    if (i < 0 || i + 6 > n) return -1;
    if (bytesAt(b, i, ROW_CLOSE)) return i;
    p = i + 1;
  }
}

/** The end of the last "</row>" in b, or 0. */
function lastRowEnd(b: Uint8Array): number {
  let p = b.length - 6;
  while (p >= 0) {
    const i = b.lastIndexOf(60, p);
    if (i < 0) return 0;
    if (bytesAt(b, i, ROW_CLOSE)) return i + 6;
    p = i - 1;
  }
  return 0;
}

/** The r attribute of the <row> tag b[from, to) written as ` r="digits"`, or -1. */
function rowAttributeBytes(b: Uint8Array, from: number, to: number): number {
  for (let i = from; i + 3 < to; i++) {
    if (b[i] === 32 && b[i + 1] === 114 && b[i + 2] === 61 && b[i + 3] === 34) {
      const v = i + 4;
      const close = byteIndex(b, 34, v);
      if (close < 0 || close > to) return -1;
      return digitsBytes(b, v, close);
    }
  }
  return -1;
}

/** The integer written as plain digits in b[from, to), or -1 when it is not only (1–9) digits. */
function digitsBytes(b: Uint8Array, from: number, to: number): number {
  if (to <= from || to - from > 9) return -1;
  let value = 0;
  for (let i = from; i < to; i++) {
    const d = b[i] - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** Whether numberBytes could read its number (module scratch, as for readCellTag). */
let numberOk = false;

/**
 * The number written as [-]digits[.digits][e[±]digits] in b[from, to) when it is exactly representable
 * as mantissa × or ÷ a power of ten up to 10^22 (one correctly rounded operation, so the same double
 * as Number()); otherwise numberOk is false and the caller uses Number on the text.
 */
function numberBytes(b: Uint8Array, from: number, to: number): number {
  numberOk = false;
  let i = from;
  const negative = b[i] === 45;
  if (negative) i++;
  let mantissa = 0;
  let digits = 0;
  let d: number;
  while (i < to && (d = b[i] - 48) >= 0 && d <= 9) {
    mantissa = mantissa * 10 + d;
    i++;
    digits++;
  }
  let fraction = 0;
  if (i < to && b[i] === 46) {
    i++;
    while (i < to && (d = b[i] - 48) >= 0 && d <= 9) {
      mantissa = mantissa * 10 + d;
      i++;
      fraction++;
    }
  }
  if (digits + fraction === 0 || mantissa > Number.MAX_SAFE_INTEGER) return 0;
  let exponent = 0;
  if (i < to && (b[i] === 101 || b[i] === 69)) {
    i++;
    const sign = b[i];
    if (sign === 43 || sign === 45) i++;
    const start = i;
    while (i < to && (d = b[i] - 48) >= 0 && d <= 9) {
      exponent = exponent * 10 + d;
      i++;
    }
    if (i === start || i - start > 4) return 0;
    if (sign === 45) exponent = -exponent;
  }
  if (i !== to) return 0;
  exponent -= fraction;
  let value: number;
  if (exponent === 0) value = mantissa;
  else if (exponent > 0 && exponent <= 22) value = mantissa * POW10[exponent];
  else if (exponent < 0 && exponent >= -22) value = mantissa / POW10[-exponent];
  else return 0;
  numberOk = true;
  return negative ? -value : value;
}

/** readCellTag on bytes; also false when the tag holds a "<" (damaged XML: the text path decides). */
function readCellTagBytes(b: Uint8Array, from: number, to: number): boolean {
  tagHasRef = false;
  tagColumn = -1;
  tagType = TYPE_NUMBER;
  let i = from;
  while (i < to) {
    let c = b[i];
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === 47 && i === to - 1) return true;
    const nameStart = i;
    while (i < to && (c = b[i]) !== 61 && !isSpace(c)) {
      if (c === 60) return false;
      i++;
    }
    if (c !== 61 || i === nameStart) return false;
    const nameLength = i - nameStart;
    const quote = b[++i];
    if (quote !== 34 && quote !== 39) return false;
    const valueStart = i + 1;
    const valueEnd = byteIndex(b, quote, valueStart);
    if (valueEnd < 0 || valueEnd >= to) return false;
    for (let k = valueStart; k < valueEnd; k++) if (b[k] === 60) return false;
    i = valueEnd + 1;
    if (nameLength !== 1) continue;
    const name = b[nameStart];
    if (name === 114) {
      let col = 0;
      let k = valueStart;
      for (; k < valueEnd; k++) {
        const x = b[k];
        if (x < 65 || x > 90) break;
        col = col * 26 + (x - 64);
      }
      if (k < valueEnd && (b[k] === 38 || b[k] === 95)) return false;
      tagHasRef = true;
      tagColumn = col - 1;
    } else if (name === 116) {
      for (let k = valueStart; k < valueEnd; k++) {
        const x = b[k];
        if (x === 38 || x === 95) return false;
      }
      const length = valueEnd - valueStart;
      const first = b[valueStart];
      tagType = length === 1
        ? (first === 115 ? TYPE_SHARED : first === 110 ? TYPE_NUMBER : first === 98 ? TYPE_BOOLEAN : TYPE_TEXT)
        : length === 9 && bytesAt(b, valueStart, INLINE_STR) ? TYPE_INLINE : TYPE_TEXT;
    }
  }
  return true;
}

const INLINE_STR = Array.from("inlineStr", (c) => c.charCodeAt(0));

/** Whether b holds "/>" (the end of a self-closing row or cell). */
function hasSelfClosing(b: Uint8Array): boolean {
  for (let i = b.indexOf(62, 1); i > 0; i = b.indexOf(62, i + 1)) if (b[i - 1] === 47) return true;
  return false;
}

/** b.indexOf(byte, from) as a plain loop: the distances here are short, and the builtin's call costs more. */
function byteIndex(b: Uint8Array, byte: number, from: number): number {
  const n = b.length;
  for (let i = from; i < n; i++) if (b[i] === byte) return i;
  return -1;
}
