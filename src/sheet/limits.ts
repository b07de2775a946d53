/** Excel's own bounds (Excel specifications and limits), the same in Excel, Office.js and the .xlsx format. */

export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLS = 16_384;
/** Characters one cell holds at most. */
export const EXCEL_MAX_TEXT = 32_767;
/** Characters of a list data validation's source (the items joined by commas) at most. */
export const LIST_SOURCE_MAX = 255;
/** Characters of a worksheet name at most. */
export const SHEET_NAME_MAX = 31;
/** Characters a worksheet name cannot contain. */
export const SHEET_NAME_FORBIDDEN = /[\\/?*:[\]]/u;

/**
 * Whether Excel accepts `name` as a worksheet name: 1–31 characters, none of \ / ? * : [ ], not starting
 * or ending with an apostrophe, and not "History" (reserved, any case).
 */
export function isSheetName(name: string): boolean {
  return name.length > 0 && name.length <= SHEET_NAME_MAX && !SHEET_NAME_FORBIDDEN.test(name)
    && !name.startsWith("'") && !name.endsWith("'") && name.toLowerCase() !== "history";
}
