/**
 * The 参数 block: 考核年度 (which rule set) and 考核月数 (divisor of 月均办件量, default 12). A missing sheet or
 * a blank value means the default; a bad value is an error that stops scoring (every unit is marked).
 */
import { RULE_SETS, isBlank, parseCount, ruleSet, type RuleSet } from "../engine";
import { cellAddress } from "./address";
import { cellIssue } from "./cell-issues";
import { LABEL, PARAM, SHEET, sheetSpec } from "./contract";
import type { Findings } from "./findings";
import { WMSG } from "./messages";
import type { CellValue } from "./port";
import { cellOf, findHeader, normalizeLabel, type Snapshots } from "./tables";

export interface Parameters {
  readonly year: number;
  readonly months: number;
}

export interface ParamCell {
  readonly value: CellValue;
  /** A1 address of the 值 cell, and its 0-based position. */
  readonly cell: string;
  readonly row: number;
  readonly col: number;
}

/** The 值 cells of 考核年度 and 考核月数, when the 参数 sheet has them. */
export function paramCells(snapshots: Snapshots): Partial<Record<keyof typeof PARAM, ParamCell>> {
  const snapshot = snapshots.get(SHEET.params);
  if (!snapshot) return {};
  const header = findHeader(snapshot, sheetSpec(SHEET.params));
  const nameCol = header?.columns.get(LABEL.param);
  const valueCol = header?.columns.get(LABEL.value);
  if (!header || nameCol === undefined || valueCol === undefined) return {};
  const out: Partial<Record<keyof typeof PARAM, ParamCell>> = {};
  for (let r = header.row + 1; r < snapshot.values.length; r++) {
    const name = normalizeLabel(cellOf(snapshot, r, nameCol));
    for (const key of Object.keys(PARAM) as (keyof typeof PARAM)[]) {
      if (name === PARAM[key] && !out[key]) out[key] = { value: cellOf(snapshot, r, valueCol), cell: cellAddress(r, valueCol), row: r, col: valueCol };
    }
  }
  return out;
}

function wholeNumber(value: CellValue): number | undefined {
  const parsed = parseCount(value, "");
  return parsed.ok ? parsed.value : undefined;
}

/** The rule set the workbook asks for (考核年度), or the current one when it names none or an unknown year. */
export function chooseRuleSet(snapshots: Snapshots): RuleSet {
  const year = paramCells(snapshots).year;
  const y = year ? wholeNumber(year.value) : undefined;
  return y !== undefined && RULE_SETS.has(y) ? ruleSet(y) : ruleSet();
}

/** Reads 参数; `hotlineBlocked` / `allBlocked` when a value is bad. */
export function readParameters(snapshots: Snapshots, rules: RuleSet, findings: Findings) {
  const cells = paramCells(snapshots);
  let allBlocked = false;
  let hotlineBlocked = false;
  // A 值 cell whose formula has no result, or holding an error value, is not the default: nothing is scored.
  const snapshot = snapshots.get(SHEET.params);
  for (const key of Object.keys(PARAM) as (keyof typeof PARAM)[]) {
    const at = cells[key];
    const issue = at && snapshot ? cellIssue(snapshot, at.row, at.col) : undefined;
    if (!at || !issue) continue;
    findings.add({
      severity: "error", code: issue.kind === "uncalculated" ? "uncalculated" : "errorValue", sheet: SHEET.params, cell: at.cell,
      field: PARAM[key], message: issue.kind === "uncalculated" ? WMSG.uncalculated(PARAM[key]) : WMSG.errorValue(PARAM[key], issue.code),
    });
    allBlocked = true;
  }
  let year = rules.year;
  if (cells.year && !isBlank(cells.year.value)) {
    const y = wholeNumber(cells.year.value);
    const at = { sheet: SHEET.params, cell: cells.year.cell, field: PARAM.year, value: cells.year.value };
    if (y !== undefined && y === rules.year) year = y;
    else if (y === undefined || !RULE_SETS.has(y)) {
      findings.add({ severity: "error", code: "badParameter", ...at, message: WMSG.yearUnknown(cells.year.value, [...RULE_SETS.keys()]) });
      allBlocked = true;
    } else if (y !== rules.year) {
      findings.add({ severity: "error", code: "badParameter", ...at, message: WMSG.yearMismatch(y, rules.year) });
      allBlocked = true;
    }
  }
  let months = rules.hotline.months;
  if (cells.months && !isBlank(cells.months.value)) {
    const m = wholeNumber(cells.months.value);
    if (m === undefined || m < 1 || m > 12) {
      findings.add({
        severity: "error", code: "badParameter", sheet: SHEET.params, cell: cells.months.cell, field: PARAM.months,
        value: cells.months.value, message: WMSG.monthsInvalid(cells.months.value),
      });
      hotlineBlocked = true;
    } else months = m;
  }
  const params: Parameters = { year, months };
  return { params, allBlocked, hotlineBlocked };
}
