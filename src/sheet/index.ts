/**
 * What every layer may know about a spreadsheet (Excel facts at the bottom): cell values and formats,
 * addresses and column letters, date serials, print setup, Excel's limits. Imports nothing outside itself.
 */
export * from "./address";
export * from "./cells";
export * from "./dates";
export * from "./limits";
export * from "./page-setup";
export * from "./print";
