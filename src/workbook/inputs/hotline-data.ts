/**
 * 热线数据: one row of work-order counts per unit. A row whose counts are all blank is missing data (never a
 * perfect score); in a row with counts, a blank count is 0. 月均办件量 blank → 工单总量 ÷ 考核月数.
 */
import { MSG, isBlank, parseAmount, parseCount, parseCountPair, problem, type Organization, type Registry } from "../../engine";
import { qualified } from "../address";
import { LABEL, SHEET, sheetSpec } from "../contract";
import type { Findings } from "../findings";
import { WMSG } from "../messages";
import { rowIssues } from "./row-issues";
import { rowUnit } from "./unit-name";
import { dataRows, openTable, type Snapshots } from "../tables";

export interface HotlineCounts {
  readonly total: number;
  readonly due: number;
  readonly onTime: number;
  readonly returned: number;
  readonly extensions: number;
  readonly validCallbacks: number;
  readonly satisfied: number;
  /** As entered; undefined when blank (then 工单总量 ÷ 考核月数). */
  readonly monthlyAverage?: number;
}

const COUNT_FIELDS = {
  total: LABEL.total, due: LABEL.due, onTime: LABEL.onTime, returned: LABEL.returned,
  extensions: LABEL.extensions, validCallbacks: LABEL.validCallbacks, satisfied: LABEL.satisfied,
} as const;

/** The counts by their 热线数据 labels (工单总量 …), as the rules' rate definitions name them. */
export function countsByLabel(counts: HotlineCounts): Record<string, number> {
  return Object.fromEntries(Object.entries(COUNT_FIELDS).map(([key, label]) => [label, counts[key as keyof typeof COUNT_FIELDS]]));
}

/** numerator ≤ denominator pairs: 按期办结数 ≤ 应办结数, 退单数/延期申请数 ≤ 工单总量, 满意数 ≤ 有效回访数. */
const PAIRS: readonly (readonly [keyof typeof COUNT_FIELDS, keyof typeof COUNT_FIELDS])[] = [
  ["onTime", "due"], ["returned", "total"], ["extensions", "total"], ["satisfied", "validCallbacks"],
];

export interface HotlineRead {
  readonly rows: ReadonlyMap<Organization, HotlineCounts>;
  /** Units that have a row (valid or not). */
  readonly present: ReadonlySet<Organization>;
  /** Units whose row holds no count at all: missing data (spec E); the A1 address of the row's name cell. */
  readonly blank?: ReadonlyMap<Organization, string>;
  readonly blocked: boolean;
}

export function readHotlineData(
  snapshots: Snapshots, registry: Registry, units: ReadonlySet<Organization>, findings: Findings, errors: Set<Organization>,
): HotlineRead {
  const sheet = SHEET.hotline;
  const table = openTable(snapshots, sheetSpec(sheet), findings, { missing: { severity: "error", consequence: WMSG.missingHotlineSheet } });
  const rows = new Map<Organization, HotlineCounts>();
  const present = new Set<Organization>();
  const blank = new Map<Organization, string>();
  if (!table || table.blocked) return { rows, present, blank, blocked: true };
  const first = new Map<Organization, string>();
  for (const row of dataRows(table)) {
    const named = rowUnit(row, registry, findings, sheet);
    if (!named?.org) continue;
    const { raw, at, org } = named;
    if (!units.has(org)) {
      // A row holding only the name (as the template leaves it) carries no data: a warning, not an error.
      const empty = [...Object.values(COUNT_FIELDS), LABEL.monthly].every((l) => isBlank(row.get(l)));
      findings.add({
        severity: empty ? "warning" : "error", code: "notInUnits", ...at, field: LABEL.name, value: raw, unit: org.name,
        message: WMSG.notInUnits(String(raw).trim()),
      });
      continue;
    }
    present.add(org);
    const firstAt = first.get(org);
    if (firstAt) {
      findings.problem(problem("duplicateUnit", "value", MSG.duplicateUnit(LABEL.name, raw, firstAt), LABEL.name, raw, at), sheet, org.name);
      errors.add(org);
      continue;
    }
    first.set(org, qualified(sheet, at.cell));
    const labels = Object.values(COUNT_FIELDS);
    if (rowIssues(row, [...labels, LABEL.monthly], findings, org.name)) {
      errors.add(org);
      continue;
    }
    if (labels.every((l) => isBlank(row.get(l)))) {
      blank.set(org, at.cell);
      continue;
    }
    let bad = false;
    const counts: Partial<Record<keyof typeof COUNT_FIELDS, number>> = {};
    for (const [key, label] of Object.entries(COUNT_FIELDS) as [keyof typeof COUNT_FIELDS, string][]) {
      const parsed = parseCount(row.get(label), label, row.at(label));
      if (parsed.ok) counts[key] = parsed.value;
      else {
        findings.problem(parsed.problem, sheet, org.name);
        bad = true;
      }
    }
    for (const [num, den] of PAIRS) {
      if (counts[num] === undefined || counts[den] === undefined) continue; // already listed above
      const [n, d] = [COUNT_FIELDS[num], COUNT_FIELDS[den]];
      const pair = parseCountPair(row.get(n), row.get(d), n, d, { numerator: row.at(n), denominator: row.at(d) });
      if (!pair.ok) {
        findings.problem(pair.problem, sheet, org.name);
        bad = true;
      }
    }
    let monthlyAverage: number | undefined;
    const rawMonthly = row.get(LABEL.monthly);
    if (rawMonthly !== null && String(rawMonthly).trim() !== "") {
      const parsed = parseAmount(rawMonthly, LABEL.monthly, row.at(LABEL.monthly));
      if (parsed.ok) monthlyAverage = parsed.value;
      else {
        findings.problem(parsed.problem, sheet, org.name);
        bad = true;
      }
    }
    if (bad) {
      errors.add(org);
      continue;
    }
    rows.set(org, { ...(counts as Record<keyof typeof COUNT_FIELDS, number>), monthlyAverage });
  }
  return { rows, present, blank, blocked: false };
}
