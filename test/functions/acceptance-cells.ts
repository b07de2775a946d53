/** The acceptance workbook's rows as cells on a sheet, and a call of the function as a host makes it. */
import * as F from "../../src/functions/functions";
import type { AcceptanceRow } from "../../scripts/acceptance-rows";
import { EXPORTS, Sheet, excelArguments, fakeExcel, installExcel, outcomeOf, type FormulaArg, type Host, type Outcome } from "./excel-host";

/** The column of input i: inputs sit in B, C, D, … */
export const letter = (i: number) => String.fromCharCode(66 + i);

/** One row's inputs on a sheet named 考核, in B2, C2, …; the formula's arguments reference them. */
export function sheetOf(row: AcceptanceRow): { sheet: Sheet; args: FormulaArg[] } {
  const sheet = new Sheet("考核");
  row.inputs.forEach((v, i) => sheet.set(`${letter(i)}2`, v));
  const args = (row.args ?? row.inputs.map((_, i) => i)).map((a): FormulaArg => {
    if (typeof a === "number") return { ref: `${letter(a)}2` };
    if ("range" in a) return { range: `${letter(a.range[0])}2:${letter(a.range[1])}2` };
    return { constant: a.constant };
  });
  return { sheet, args };
}

/** The exported function behind ASSESS.ID. */
export const fn = (id: string) => (F as unknown as Record<string, (...args: unknown[]) => unknown>)[EXPORTS[id]];

/** =ASSESS.ID(args…) on `sheet` as `host` calls it, with Excel's API over that sheet installed. */
export async function on(host: Host, sheet: Sheet, id: string, args: FormulaArg[]): Promise<Outcome> {
  installExcel(fakeExcel([sheet]).api);
  return outcomeOf(() => fn(id)(...excelArguments(host, sheet, id, args)));
}

/** What the row requires: a value, or an error code. */
export const expectedOutcome = (row: AcceptanceRow) =>
  typeof row.expected === "object" ? { code: row.expected.error } : { value: row.expected };
