/**
 * 扣分登记 / 加分登记: one row per verified case. 单位名称 and 事项 are required (事项 matched against the rule
 * table's label or synonyms); 数量 blank → 1; 日期 a valid date or blank (outside the year: a warning).
 */
import {
  MSG, normalizeName, parseCount, parseDate, problem, type CaseRule, type Organization, type Registry,
} from "../../engine";
import { LABEL, type SheetName, sheetSpec } from "../contract";
import type { Findings } from "../findings";
import { WMSG } from "../messages";
import { rowIssues } from "./row-issues";
import { rowUnit } from "./unit-name";
import { dataRows, openTable, type Snapshots } from "../tables";

export type Counts = Record<string, number>;

export interface RegisterRead {
  readonly counts: ReadonlyMap<Organization, Counts>;
  /**
   * The same cases by the month of their 日期 ("2021-03"), for the monthly scores (月度考核). Undated cases
   * are in `counts` only.
   */
  readonly byMonth: ReadonlyMap<Organization, ReadonlyMap<string, Counts>>;
  /** The register cannot be read: every unit is marked (a case may be missing from any of them). */
  readonly blocked: boolean;
}

/** Case rules by every accepted spelling (label and synonyms, compared like names). */
export function caseIndex(rules: readonly CaseRule[]): Map<string, CaseRule> {
  const index = new Map<string, CaseRule>();
  for (const rule of rules) for (const name of [rule.label, ...rule.synonyms]) index.set(normalizeName(name), rule);
  return index;
}

export function readRegister(
  snapshots: Snapshots, sheet: SheetName, rules: readonly CaseRule[], registry: Registry, units: ReadonlySet<Organization>,
  year: number, findings: Findings, errors: Set<Organization>,
): RegisterRead {
  const counts = new Map<Organization, Counts>();
  const byMonth = new Map<Organization, Map<string, Counts>>();
  const exists = snapshots.has(sheet);
  const table = openTable(snapshots, sheetSpec(sheet), findings, { missing: { severity: "warning", consequence: WMSG.missingRegisterSheet } });
  if (!table) return { counts, byMonth, blocked: exists };
  if (table.blocked) return { counts, byMonth, blocked: true };
  const index = caseIndex(rules);
  const allowed = rules.map((r) => r.label);
  for (const row of dataRows(table)) {
    const named = rowUnit(row, registry, findings, sheet);
    if (!named?.org) continue;
    const { raw, at, org } = named;
    if (!units.has(org)) {
      findings.add({ severity: "error", code: "notInUnits", ...at, field: LABEL.name, value: raw, unit: org.name, message: WMSG.notInUnits(String(raw).trim()) });
      continue;
    }
    if (rowIssues(row, [LABEL.item, LABEL.quantity, LABEL.date], findings, org.name)) {
      errors.add(org);
      continue;
    }
    let bad = false;
    const rawItem = row.get(LABEL.item);
    const rule = typeof rawItem === "string" || typeof rawItem === "number" ? index.get(normalizeName(String(rawItem))) : undefined;
    if (!rule) {
      findings.problem(problem("unknownItem", "value", MSG.caseItemUnknown(LABEL.item, rawItem, allowed), LABEL.item, rawItem,
        row.at(LABEL.item)), sheet, org.name);
      bad = true;
    }
    let quantity = 1;
    const rawQuantity = row.get(LABEL.quantity);
    if (rawQuantity !== null && String(rawQuantity).trim() !== "") {
      const parsed = parseCount(rawQuantity, LABEL.quantity, row.at(LABEL.quantity));
      if (parsed.ok) quantity = parsed.value;
      else {
        findings.problem(parsed.problem, sheet, org.name);
        bad = true;
      }
    }
    const date = parseDate(row.get(LABEL.date), LABEL.date, row.at(LABEL.date));
    if (!date.ok) {
      findings.problem(date.problem, sheet, org.name);
      bad = true;
    } else if (date.value !== null && Number(date.value.slice(0, 4)) !== year) {
      findings.add({
        severity: "warning", code: "dateOutsideYear", ...row.at(LABEL.date), field: LABEL.date, value: row.get(LABEL.date), unit: org.name,
        message: `${org.name}：${WMSG.dateOutsideYear(LABEL.date, date.value, year)}`,
      });
    }
    if (bad || !rule) {
      errors.add(org);
      continue;
    }
    const unitCounts = counts.get(org) ?? {};
    unitCounts[rule.id] = (unitCounts[rule.id] ?? 0) + quantity;
    counts.set(org, unitCounts);
    if (date.ok && date.value !== null) {
      const months = byMonth.get(org) ?? new Map<string, Counts>();
      const month = date.value.slice(0, 7);
      const monthCounts = months.get(month) ?? {};
      monthCounts[rule.id] = (monthCounts[rule.id] ?? 0) + quantity;
      months.set(month, monthCounts);
      byMonth.set(org, months);
    }
  }
  return { counts, byMonth, blocked: false };
}
