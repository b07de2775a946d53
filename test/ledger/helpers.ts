import { aggregateLedger, arrayRows, LEDGER_COLUMNS, parsePeriod, type LedgerCell, type LedgerData, type UnitPeriodCounts } from "../../src/ledger";
import { ruleSet } from "../../src/engine";

/** The rules the ledger counts by in these tests: the built-in 2021 method. */
const LEDGER_RULES = ruleSet(2021);

export const HEADER: string[] = [...LEDGER_COLUMNS];

/** A ledger row in LEDGER_COLUMNS order. */
export function order(
  id: string,
  unit: string,
  dispatched: LedgerCell,
  deadline: LedgerCell,
  closed: LedgerCell = "",
  returned: LedgerCell = "否",
  extended: LedgerCell = "否",
  callback: LedgerCell = "",
): LedgerCell[] {
  return [id, unit, dispatched, deadline, closed, returned, extended, callback];
}

/** Imports header + rows from memory; fails the test when the header is not mapped. */
export async function importRows(rows: LedgerCell[][], header: LedgerCell[] = HEADER): Promise<LedgerData> {
  const result = await aggregateLedger(arrayRows([header, ...rows]), { rules: LEDGER_RULES });
  if (result.status !== "ok") throw new Error(result.message);
  return result.data;
}

export function unitCounts(data: LedgerData, period: string, unit: string): UnitPeriodCounts {
  const row = data.counts(parsePeriod(period)).find((r) => r.单位名称 === unit);
  if (!row) throw new Error(`no row for ${unit}`);
  return row;
}
