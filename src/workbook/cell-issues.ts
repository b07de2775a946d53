/**
 * Cells whose value cannot be read as the user sees it: a formula the file carries no result for
 * (SheetSnapshot.uncalculated) and an Excel error value (#N/A, #VALUE! …). Neither is ever read as 0 or blank.
 */
import type { CellValue, SheetSnapshot } from "./port";

export type CellIssue = { readonly kind: "uncalculated" } | { readonly kind: "error"; readonly code: string };

/** Excel's error values, as Office.js and the file readers report them. */
export const ERROR_VALUES: ReadonlySet<string> = new Set([
  "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!",
  "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#PYTHON!",
]);

export function isErrorValue(value: CellValue | undefined): value is string {
  return typeof value === "string" && value.startsWith("#") && ERROR_VALUES.has(value);
}

const uncalculatedIndex = new WeakMap<SheetSnapshot, ReadonlySet<number>>();
/** Column count of a row key: row * WIDTH + col (Excel has 16,384 columns). */
const WIDTH = 16_384;

function uncalculatedSet(snapshot: SheetSnapshot): ReadonlySet<number> {
  let set = uncalculatedIndex.get(snapshot);
  if (!set) {
    set = new Set((snapshot.uncalculated ?? []).map((c) => c.row * WIDTH + c.col));
    uncalculatedIndex.set(snapshot, set);
  }
  return set;
}

export function isUncalculated(snapshot: SheetSnapshot, row: number, col: number): boolean {
  return (snapshot.uncalculated?.length ?? 0) > 0 && uncalculatedSet(snapshot).has(row * WIDTH + col);
}

/** What is wrong with the cell's value, or undefined when it can be read. */
export function cellIssue(snapshot: SheetSnapshot, row: number, col: number): CellIssue | undefined {
  if (isUncalculated(snapshot, row, col)) return { kind: "uncalculated" };
  const value = snapshot.values[row]?.[col];
  return isErrorValue(value) ? { kind: "error", code: value } : undefined;
}
