/**
 * Which 热线数据 values an import would replace that it did not write itself (spec I, "Nothing typed is lost
 * by an import"). A value may be replaced without asking when it is blank, equals the new value, or is what
 * the previous import wrote (its record); any other value was typed by hand or changed since, and is replaced
 * only with the user's consent. A workbook without a record counts every non-blank value as typed.
 */
import { excel15, isBlank, parseAmount } from "../../engine";
import { cellAddress } from "../address";
import { isUncalculated } from "../cell-issues";
import { SHEET } from "../contract";
import type { CellValue, SheetSnapshot } from "../port";
import { cellOf } from "../tables";
import type { ImportRecord, WrittenValues } from "./import-record";

/** A 热线数据 value the import would replace although it did not write it. */
export interface TypedValue {
  readonly sheet: string;
  /** "E5". */
  readonly cell: string;
  /** Official name of the row's unit. */
  readonly unit: string;
  /** The 热线数据 label (退单数 …). */
  readonly label: string;
  /** The value in the cell (null: a formula without a result). */
  readonly typed: CellValue;
  readonly imported: number;
}

/**
 * Consent to replace typed values: true for any, or the list the user was shown (a value typed or changed
 * after the question was asked is asked again).
 */
export type ReplaceConsent = boolean | readonly TypedValue[];

/** The rows an import writes: 0-based row → its unit and the values in `labels` order. */
export interface RowsToFill {
  readonly labels: readonly string[];
  readonly columns: ReadonlyMap<string, number>;
  readonly rows: ReadonlyMap<number, { readonly unit: string; readonly values: readonly number[] }>;
}

/** The values of `fill` that would replace a value the record does not account for, in row then column order. */
export function typedValues(snapshot: SheetSnapshot, fill: RowsToFill, record: ImportRecord | undefined): TypedValue[] {
  const out: TypedValue[] = [];
  for (const row of [...fill.rows.keys()].sort((a, b) => a - b)) {
    const { unit, values } = fill.rows.get(row) as { unit: string; values: readonly number[] };
    const previous = record?.written.get(unit);
    fill.labels.forEach((label, i) => {
      const col = fill.columns.get(label);
      if (col === undefined) return;
      const current = cellOf(snapshot, row, col);
      const uncalculated = isUncalculated(snapshot, row, col);
      if (!uncalculated && (isBlank(current) || sameNumber(current, values[i]))) return;
      const written = previous?.get(label);
      if (!uncalculated && written !== undefined && sameNumber(current, written)) return;
      out.push({ sheet: SHEET.hotline, cell: cellAddress(row, col), unit, label, typed: current, imported: values[i] });
    });
  }
  return out;
}

/** Equal as Excel compares numbers (15 significant digits); numeric text counts as its number. */
function sameNumber(value: CellValue, n: number): boolean {
  const read = parseAmount(value, "");
  return read.ok && read.value === excel15(n);
}

/** Does `consent` cover every one of `typed`? */
export function consentCovers(consent: ReplaceConsent | undefined, typed: readonly TypedValue[]): boolean {
  if (typed.length === 0 || consent === true) return true;
  if (!consent) return false;
  const key = (t: TypedValue) => `${t.sheet}!${t.cell}\u0001${t.unit}\u0001${t.label}\u0001${String(t.typed)}\u0001${t.imported}`;
  const given = new Set(consent.map(key));
  return typed.every((t) => given.has(key(t)));
}

/** The values written, by unit, for the import record. */
export function writtenValues(fill: RowsToFill): WrittenValues {
  const out = new Map<string, Map<string, number>>();
  for (const { unit, values } of fill.rows.values()) {
    out.set(unit, new Map(fill.labels.map((label, i) => [label, values[i]] as const)));
  }
  return out;
}
