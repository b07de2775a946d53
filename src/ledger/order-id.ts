/**
 * 工单编号 as compared everywhere (spec I): trimmed, full-width digits and letters as half-width ones, a
 * number as its digits. The ledger and 工单研判 go through the same function, so an id typed by hand in
 * the register matches the export's.
 */
import type { LedgerCell } from "./timestamps";
import { cellText } from "./values";

const FULL_WIDTH_FIRST = 0xff01;
const FULL_WIDTH_LAST = 0xff5e;
const FULL_WIDTH_SHIFT = 0xfee0;
const IDEOGRAPHIC_SPACE = 0x3000;

/** True when the text holds a character the id rule changes (full-width forms, ideographic space). */
export function hasWideCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= IDEOGRAPHIC_SPACE && (c === IDEOGRAPHIC_SPACE || (c >= FULL_WIDTH_FIRST && c <= FULL_WIDTH_LAST))) return true;
  }
  return false;
}

/** The id of a text: full-width forms as ASCII, then trimmed. */
export function normalizeOrderIdText(text: string): string {
  if (!hasWideCharacters(text)) return text.trim();
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += c === IDEOGRAPHIC_SPACE ? " " : c >= FULL_WIDTH_FIRST && c <= FULL_WIDTH_LAST ? String.fromCharCode(c - FULL_WIDTH_SHIFT) : text[i];
  }
  return out.trim();
}

/** The id of a cell ("" when blank); a number is its digits (an export that stored ids as numbers). */
export function orderIdOf(cell: LedgerCell): string {
  return normalizeOrderIdText(cellText(cell));
}
