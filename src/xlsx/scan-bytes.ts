/**
 * Byte-level pieces of the worksheet scanner (./sheet-scanner): the markup of SpreadsheetML is ASCII, so
 * tags, attributes and numbers are read from the inflated UTF-8 bytes without decoding them. Every
 * function returns its result (no state kept between calls: asciiText's arrays are only scratch); -1 or NaN says "not in the usual form".
 */

import { EXCEL_MAX_COLS } from "../sheet";

// Cell types (the t attribute): absent or n, s, b, inlineStr, anything else (str, e, d: text as written).
export const TYPE_NUMBER = 0;
export const TYPE_SHARED = 1;
export const TYPE_BOOLEAN = 2;
export const TYPE_INLINE = 3;
export const TYPE_TEXT = 4;

/** An empty <v> after a formula is a cached result only for text (t="str" or "s"): "" is then the value. */
export function emptyIsCached(type: number): boolean {
  return type === TYPE_TEXT || type === TYPE_SHARED;
}

export function typeCode(t: string | undefined): number {
  return t === undefined || t === "n" ? TYPE_NUMBER : t === "s" ? TYPE_SHARED : t === "b" ? TYPE_BOOLEAN : t === "inlineStr" ? TYPE_INLINE : TYPE_TEXT;
}

const codes = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0));
export const CLOSE_INLINE = codes("</t></is></c>");
export const CLOSE_VALUE = codes("</v></c>");
export const CLOSE_FORMULA = codes("</f>");
const ROW_CLOSE = codes("</row>");
const INLINE_STR = codes("inlineStr");
const POW10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/** b.indexOf(byte, from) as a plain loop: the distances here are short, and the builtin's call costs more. */
export function byteIndex(b: Uint8Array, byte: number, from: number): number {
  const n = b.length;
  for (let i = from; i < n; i++) if (b[i] === byte) return i;
  return -1;
}

export function bytesAt(b: Uint8Array, at: number, pattern: readonly number[]): boolean {
  if (at + pattern.length > b.length) return false;
  for (let k = 0; k < pattern.length; k++) if (b[at + k] !== pattern[k]) return false;
  return true;
}

/** Where `pattern` (starting with "<") first occurs in b from `from`, or -1. */
export function indexOfBytes(b: Uint8Array, pattern: readonly number[], from: number): number {
  for (let i = byteIndex(b, pattern[0], from); i >= 0; i = byteIndex(b, pattern[0], i + 1)) {
    if (bytesAt(b, i, pattern)) return i;
  }
  return -1;
}

/** Where the first "<row" followed by whitespace, > or / starts in b[from, limit), or -1. */
export function findRowStart(b: Uint8Array, from: number, limit: number): number {
  let p = from;
  for (;;) {
    const i = byteIndex(b, 60, p);
    if (i < 0 || i >= limit) return -1;
    if (b[i + 1] === 114 && b[i + 2] === 111 && b[i + 3] === 119) {
      const after = b[i + 4];
      if (after === 32 || after === 62 || after === 47 || after === 10 || after === 9 || after === 13) return i;
    }
    p = i + 1;
  }
}

/** Where the first "</row>" at or after `from` starts, or -1. */
export function findRowEnd(b: Uint8Array, from: number, n: number): number {
  let p = from;
  for (;;) {
    const i = byteIndex(b, 60, p);
    if (i < 0 || i + 6 > n) return -1;
    if (bytesAt(b, i, ROW_CLOSE)) return i;
    p = i + 1;
  }
}

/** The end of the last "</row>" in b, or 0. */
export function lastRowEnd(b: Uint8Array): number {
  let p = b.length - 6;
  while (p >= 0) {
    const i = b.lastIndexOf(60, p);
    if (i < 0) return 0;
    if (bytesAt(b, i, ROW_CLOSE)) return i + 6;
    p = i - 1;
  }
  return 0;
}

/** Whether b holds "/>" (the end of a self-closing row or cell). */
export function hasSelfClosing(b: Uint8Array): boolean {
  for (let i = b.indexOf(62, 1); i > 0; i = b.indexOf(62, i + 1)) if (b[i - 1] === 47) return true;
  return false;
}

/** The r attribute of the <row> tag b[from, to) written as ` r="digits"`, or -1. */
export function rowAttributeBytes(b: Uint8Array, from: number, to: number): number {
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
export function digitsBytes(b: Uint8Array, from: number, to: number): number {
  if (to <= from || to - from > 9) return -1;
  let value = 0;
  for (let i = from; i < to; i++) {
    const d = b[i] - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** The character codes of asciiText's text, one array per length (setting an array's length is a call into V8). */
const ASCII_CODES: number[][] = [];

/**
 * b[from, to) as text when it is short and ASCII (a number of more than 15 digits, such as a date serial
 * 44192.557222222225), without the decoder's call and as one string (not one per character: a ledger has
 * one such number per row or two); undefined otherwise.
 */
export function asciiText(b: Uint8Array, from: number, to: number): string | undefined {
  const length = to - from;
  if (length > 64) return undefined;
  const codes = (ASCII_CODES[length] ??= new Array<number>(length).fill(0));
  for (let i = 0; i < length; i++) {
    const c = b[from + i];
    if (c > 127) return undefined;
    codes[i] = c;
  }
  return String.fromCharCode.apply(null, codes);
}

/**
 * The number written as [-]digits[.digits][e[±]digits] in b[from, to) when it is exactly representable
 * as mantissa × or ÷ a power of ten up to 10^22 (one correctly rounded operation, so the same double
 * as Number()); otherwise NaN, and the caller uses Number on the text.
 */
export function numberBytes(b: Uint8Array, from: number, to: number): number {
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
  if (digits + fraction === 0 || mantissa > Number.MAX_SAFE_INTEGER) return NaN;
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
    if (i === start || i - start > 4) return NaN;
    if (sign === 45) exponent = -exponent;
  }
  if (i !== to) return NaN;
  exponent -= fraction;
  let value: number;
  if (exponent === 0) value = mantissa;
  else if (exponent > 0 && exponent <= 22) value = mantissa * POW10[exponent];
  else if (exponent < 0 && exponent >= -22) value = mantissa / POW10[-exponent];
  else return NaN;
  return negative ? -value : value;
}

/**
 * The r (column) and t (type) attributes of the <c> tag whose attributes are b[from, to), read in one
 * pass, packed in one number (see cellTagColumn, cellTagType); -1 when
 * the tag is not in the plain form name="value" (or 'value'), holds a "<" (damaged XML), or when r or t
 * holds an entity or an _xHHHH_ escape: the caller then reads the decoded row (./scan-text).
 */
export function readCellTagBytes(b: Uint8Array, from: number, to: number): number {
  let ref = 0;
  let type = TYPE_NUMBER;
  let i = from;
  while (i < to) {
    let c = b[i];
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === 47 && i === to - 1) break; // the / of <c … />
    const nameStart = i;
    while (i < to && (c = b[i]) !== 61 && !isSpace(c)) {
      if (c === 60) return -1;
      i++;
    }
    if (c !== 61 || i === nameStart) return -1;
    const nameLength = i - nameStart;
    const quote = b[++i];
    if (quote !== 34 && quote !== 39) return -1;
    const valueStart = i + 1;
    const valueEnd = byteIndex(b, quote, valueStart);
    if (valueEnd < 0 || valueEnd >= to) return -1;
    for (let k = valueStart; k < valueEnd; k++) if (b[k] === 60) return -1;
    i = valueEnd + 1;
    if (nameLength !== 1) continue;
    const name = b[nameStart];
    if (name === 114) {
      const letters = columnOfBytes(b, valueStart, valueEnd);
      if (letters < 0) return -1;
      ref = letters + 1;
    } else if (name === 116) {
      type = typeOfBytes(b, valueStart, valueEnd);
      if (type < 0) return -1;
    }
  }
  return type + 8 * ref;
}

/**
 * readCellTagBytes for the tag as Excel and LibreOffice write it: attributes r (letters and digits), s
 * (digits) and t (one letter), each after one space, in double quotes, nothing else. -2 for any other tag
 * (the caller then asks readCellTagBytes), so the answer is always the same as readCellTagBytes's.
 */
export function plainCellTagBytes(b: Uint8Array, from: number, to: number): number {
  const end = b[to - 1] === 47 ? to - 1 : to;
  let ref = 0;
  let type = TYPE_NUMBER;
  let i = from;
  while (i < end) {
    if (b[i] !== 32 || b[i + 2] !== 61 || b[i + 3] !== 34) return -2;
    const name = b[i + 1];
    let k = i + 4;
    if (name === 114) {
      let col = 0;
      for (let x = b[k]; k < end && x >= 65 && x <= 90; x = b[++k]) col = col * 26 + (x - 64);
      if (col === 0 || col > EXCEL_MAX_COLS) return -2;
      while (k < end && b[k] >= 48 && b[k] <= 57) k++;
      ref = col + 1;
    } else if (name === 115) {
      while (k < end && b[k] >= 48 && b[k] <= 57) k++;
    } else if (name === 116) {
      const t = b[k++];
      if (t < 97 || t > 122) return -2;
      type = t === 115 ? TYPE_SHARED : t === 110 ? TYPE_NUMBER : t === 98 ? TYPE_BOOLEAN : TYPE_TEXT;
    } else return -2;
    if (k >= end || b[k] !== 34) return -2;
    i = k + 1;
  }
  return type + 8 * ref;
}

/** The 0-based column of a packed cell tag, or `previous + 1` when the tag has no r. */
export const cellTagColumn = (packed: number, previous: number): number => {
  const ref = packed >>> 3;
  return ref > 0 ? ref - 2 : previous + 1;
};
/** The type code of a packed cell tag. */
export const cellTagType = (packed: number): number => packed & 7;

/**
 * Column + 1 of the reference b[from, to) ("AB12" → 28), 0 without letters; -1 for an escape or beyond
 * Excel's last column (the text path reads those, so the packed tag stays a small integer).
 */
function columnOfBytes(b: Uint8Array, from: number, to: number): number {
  let col = 0;
  let k = from;
  for (; k < to; k++) {
    const x = b[k];
    if (x < 65 || x > 90) break;
    col = col * 26 + (x - 64);
    if (col > EXCEL_MAX_COLS) return -1;
  }
  return k < to && (b[k] === 38 || b[k] === 95) ? -1 : col;
}

/** The type code of t="…" b[from, to); -1 for an escape. */
function typeOfBytes(b: Uint8Array, from: number, to: number): number {
  for (let k = from; k < to; k++) if (b[k] === 38 || b[k] === 95) return -1;
  const length = to - from;
  const first = b[from];
  if (length === 1) return first === 115 ? TYPE_SHARED : first === 110 ? TYPE_NUMBER : first === 98 ? TYPE_BOOLEAN : TYPE_TEXT;
  return length === 9 && bytesAt(b, from, INLINE_STR) ? TYPE_INLINE : TYPE_TEXT;
}
