/**
 * Text as a result cell can hold it: Excel keeps at most 32,767 characters in a cell, and SpreadsheetML
 * cannot carry most control characters. Longer text is cut with a visible mark saying how long it was;
 * control characters are shown as \xNN. Used by the result writers for every text they write.
 */
import type { CellValue } from "./port";

export const MAX_CELL_CHARS = 32_767;

/** Characters SpreadsheetML cannot carry (XML 1.0), and DEL. */
const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/gu;

const mark = (length: number) => `…（已截断：原文${length}字，单元格最多${MAX_CELL_CHARS}字）`;

/** `text` fitted to one cell; unchanged when it fits and holds no control character. */
export function cellText(text: string): string {
  const visible = text.replace(NOT_IN_XML, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
  if (visible.length <= MAX_CELL_CHARS) return visible;
  const tail = mark(visible.length);
  let cut = MAX_CELL_CHARS - tail.length;
  // Never split a surrogate pair.
  if (cut > 0 && visible.charCodeAt(cut - 1) >= 0xd800 && visible.charCodeAt(cut - 1) <= 0xdbff) cut--;
  return visible.slice(0, cut) + tail;
}

/** A cell value fitted: text through cellText, anything else unchanged. */
export function cellValue(value: CellValue): CellValue {
  return typeof value === "string" ? cellText(value) : value;
}
