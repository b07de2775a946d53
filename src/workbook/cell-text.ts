/**
 * Text as a cell can hold it. Excel keeps at most 32,767 characters in a cell and refuses a longer value
 * (Office.js rejects the whole request); the .xlsx format has the same limit, and SpreadsheetML cannot carry
 * most control characters. Long text the product writes (扣分说明 of a unit with many cases, problem lists,
 * a ledger cell echoed in 工单导入校验) is cut with a visible mark saying how long it was; control characters
 * are shown as \xNN. The result writers and both adapters use this one module.
 */
import { EXCEL_MAX_TEXT, type CellValue } from "../sheet";
import { WMSG } from "./messages";

/** Characters one cell holds at most (Excel specifications and limits). */
export const MAX_CELL_CHARS = EXCEL_MAX_TEXT;

/** Characters SpreadsheetML cannot carry (XML 1.0), and DEL. */
const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/gu;
const HAS_NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/u;

/** Appended where text was cut to fit a cell, so a reader sees that something is missing and how much. */
export const truncationMark = (length: number): string => WMSG.truncated(length, MAX_CELL_CHARS);

/**
 * `text` when it fits in the cell, else its start and the truncation mark, exactly the limit in all.
 * `reserve` characters are kept free (an apostrophe that guards the text adds one). Never splits a
 * surrogate pair.
 */
export function fitCellText(text: string, reserve = 0): string {
  const limit = MAX_CELL_CHARS - reserve;
  if (text.length <= limit) return text;
  const tail = truncationMark(text.length);
  let cut = limit - tail.length;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return text.slice(0, cut) + tail;
}

/** `text` fitted to one cell, control characters shown as \xNN. */
export function cellText(text: string): string {
  // Most text has none: tested first, without a replace call per cell (thousands of problem rows).
  if (!HAS_NOT_IN_XML.test(text)) return fitCellText(text);
  return fitCellText(text.replace(NOT_IN_XML, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`));
}

/** A cell value fitted: text through cellText, anything else unchanged. */
export function cellValue(value: CellValue): CellValue {
  return typeof value === "string" ? cellText(value) : value;
}
