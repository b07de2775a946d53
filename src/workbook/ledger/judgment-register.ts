/**
 * 工单研判 read for the ledger import (spec I): the header (searched anywhere in the first rows, columns in
 * any order), the rows below it as plain values, and 参数's 申诉期限（天）. The decisions themselves are
 * checked and applied by src/ledger; this side only finds the cells. A register the import cannot read (no
 * header, a required column missing) is an error: its rows change no count until it is fixed.
 */
import { DECISION_COLUMNS, type DecisionColumn, type DecisionRegister, type LedgerCell } from "../../ledger";
import { cellAddress } from "../address";
import { LABEL, SHEET, sheetSpec } from "../contract";
import type { Finding } from "../findings";
import type { SheetSnapshot } from "../port";
import { cellOf, findHeader, isEmptySheet, normalizeLabel, type Snapshots } from "../tables";
import { JUDGMENT_PARAM } from "./contract";
import { LEDGER_WMSG } from "../messages";

/** How far down the header may be (title and note lines above it). */
const HEADER_SEARCH_ROWS = 10;
const MAX_APPEAL_DAYS = 3660;

export interface RegisterRead {
  /** Undefined when the workbook has no 工单研判 (or an empty one), or it cannot be read (see findings). */
  readonly register?: DecisionRegister;
  /** Problems of the sheet as a whole (no header, missing columns) and of 参数 申诉期限（天）. */
  readonly findings: readonly Finding[];
}

export function readDecisionRegister(snapshots: Snapshots): RegisterRead {
  const snapshot = snapshots.get(SHEET.judgment);
  const findings: Finding[] = [];
  const appealDays = readAppealDays(snapshots.get(SHEET.params), findings);
  if (!snapshot || isEmptySheet(snapshot)) return { findings };
  const spec = sheetSpec(SHEET.judgment);
  const header = findHeader(snapshot, spec, HEADER_SEARCH_ROWS);
  const sheet = SHEET.judgment;
  if (!header) {
    findings.push({ severity: "error", code: "judgmentSheet", sheet, message: LEDGER_WMSG.judgmentNoHeader(DECISION_COLUMNS) });
    return { findings };
  }
  const needed = spec.columns.filter((c) => c.needed && header.missing.includes(c.label)).map((c) => c.label);
  if (needed.length > 0) {
    findings.push({ severity: "error", code: "judgmentSheet", sheet, cell: cellAddress(header.row, 0), message: LEDGER_WMSG.judgmentMissingColumns(needed) });
    return { findings };
  }
  const columns: Partial<Record<DecisionColumn, number>> = {};
  for (const label of DECISION_COLUMNS) {
    const col = header.columns.get(label);
    if (col !== undefined) columns[label] = col;
  }
  const rows = [];
  for (let r = header.row + 1; r < snapshot.values.length; r++) rows.push({ row: r + 1, cells: snapshot.values[r] as readonly LedgerCell[] });
  return { register: { columns, rows, ...(appealDays === undefined ? {} : { appealDays }) }, findings };
}

/** 参数 申诉期限（天）: blank or absent = no limit; a whole number of days, else a warning (ignored). */
function readAppealDays(params: SheetSnapshot | undefined, findings: Finding[]): number | undefined {
  if (!params) return undefined;
  const header = findHeader(params, sheetSpec(SHEET.params));
  const nameCol = header?.columns.get(LABEL.param);
  const valueCol = header?.columns.get(LABEL.value);
  if (!header || nameCol === undefined || valueCol === undefined) return undefined;
  const wanted = normalizeLabel(JUDGMENT_PARAM.appealDays);
  for (let r = header.row + 1; r < params.values.length; r++) {
    if (normalizeLabel(cellOf(params, r, nameCol)) !== wanted) continue;
    const value = cellOf(params, r, valueCol);
    if (value === null || (typeof value === "string" && value.trim() === "")) return undefined;
    const days = typeof value === "number" ? value : Number(String(value).normalize("NFKC").trim());
    if (Number.isInteger(days) && days >= 0 && days <= MAX_APPEAL_DAYS) return days;
    findings.push({
      severity: "warning", code: "badParameter", sheet: SHEET.params, cell: cellAddress(r, valueCol), value,
      message: LEDGER_WMSG.badAppealDays(value),
    });
    return undefined;
  }
  return undefined;
}
