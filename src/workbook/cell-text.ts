/**
 * Text as a cell can hold it. Excel keeps at most 32,767 characters in a cell and refuses a longer value
 * (Office.js rejects the whole request); the .xlsx format has the same limit. Long text the product writes
 * (扣分说明 of a unit with many cases, problem lists) is cut with a visible mark instead.
 */

/** Characters one cell holds at most (Excel specifications and limits). */
export const MAX_CELL_CHARS = 32_767;

/** Appended where text was cut to fit a cell, so a reader sees that something is missing. */
export const TRUNCATED_MARK = "…（已截断）";

/**
 * `text` when it fits in `limit` characters, else its start and TRUNCATED_MARK, `limit` characters in all.
 * `reserve` characters are kept free (an apostrophe that guards the text adds one). Never splits a
 * surrogate pair.
 */
export function fitCellText(text: string, reserve = 0): string {
  const limit = MAX_CELL_CHARS - reserve;
  if (text.length <= limit) return text;
  let cut = limit - TRUNCATED_MARK.length;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return text.slice(0, cut) + TRUNCATED_MARK;
}
