/**
 * 月度考核 (日常考核): every unit's score for each month of the year, computed exactly as compute-all scores
 * the year (the same `scoreUnits`: engine `scoreUnit`, ranks, 扣分说明), from:
 *   - that month's counts from the ledger (section F, for a one-month period);
 *   - the cases of 扣分登记 / 加分登记 whose 日期 falls in that month (undated cases count in the year only);
 *   - 月均办件量 = the month's 工单总量 (a month is its own average).
 * Each unit also gets a year row: the year's counts (the sum of its twelve months), every case, 工单总量 ÷ 12,
 * i.e. the annual result. 排名 and 类别内排名 rank the units within the same month (or within the year).
 */
import { type Organization, type RuleSet } from "../../engine";
import { monthsOfYear, yearPeriod, type LedgerData, type Period, type UnitPeriodCounts } from "../../ledger";
import { FORMAT, LABEL, RESULT_LABEL, SHEET } from "../contract";
import { Findings } from "../findings";
import { scoreUnits, type ScoreMemo, type UnitOutcome } from "../hotline-scores";
import type { HotlineCounts, HotlineRead } from "../inputs/hotline-data";
import { readRegister, type Counts, type RegisterRead } from "../inputs/registers";
import { readUnits, type UnitEntry } from "../inputs/units";
import { readParameters } from "../params";
import type { CellValue, SheetSnapshot, WriteOp } from "../port";
import { percentFormat } from "../rate-format";
import { hotlineTableValues, monthlyColumnWidth, resultTitle } from "../result-writers";
import { range, titleHeight } from "../styles";
import type { Snapshots } from "../tables";
import { FILLED_COUNT_LABELS, LEDGER_SHEET, MONTHLY_LABEL, monthlyColumns } from "./contract";
import { LEDGER_WMSG } from "../messages";
import { ownedSheetOps, type OwnedColumn } from "./owned-sheet";

export interface MonthlyScore {
  /** A month, or the year for the annual row. */
  readonly period: Period;
  readonly counts: UnitPeriodCounts;
  /** 月均办件量 used: the month's 工单总量, or 工单总量 ÷ 12 for the year. */
  readonly monthlyAverage: number;
  /** Score, ranks and 扣分说明 (no score when the unit's register rows or type have errors: see 校验). */
  readonly outcome: UnitOutcome;
  /** 待定 decisions of 工单研判 on the unit's orders counted in the period (judgment-data's period logic). */
  readonly pending: number;
}

export interface MonthlyUnit {
  readonly name: string;
  readonly org: Organization;
  /** Twelve months, January first. */
  readonly months: readonly MonthlyScore[];
  readonly annual: MonthlyScore;
}

export interface MonthlyResults {
  readonly year: number;
  /** The hotline units of 承办单位, in its order. */
  readonly units: readonly MonthlyUnit[];
}

const toHotlineCounts = (c: UnitPeriodCounts, monthlyAverage: number): HotlineCounts => ({
  total: c.工单总量, due: c.应办结数, onTime: c.按期办结数, returned: c.退单数, extensions: c.延期申请数,
  validCallbacks: c.有效回访数, satisfied: c.满意数, monthlyAverage,
});

/** A register restricted to the cases dated in one month ("2021-03"). */
function inMonth(register: RegisterRead, month: string): RegisterRead {
  const counts = new Map<Organization, Counts>();
  for (const [org, months] of register.byMonth) {
    const c = months.get(month);
    if (c) counts.set(org, c);
  }
  return { counts, byMonth: register.byMonth, blocked: register.blocked };
}

/** The monthly and annual scores of every hotline unit of 承办单位 (pure; problems are compute-all's to list). */
export function monthlyScores(snapshots: Snapshots, data: LedgerData, year: number, rules: RuleSet): MonthlyResults {
  const findings = new Findings(); // compute-all lists these problems in 校验; here they only mark units
  const errors = new Set<Organization>();
  const { params, allBlocked } = readParameters(snapshots, rules, findings);
  const unitsRead = readUnits(snapshots, rules, findings, errors);
  const position = new Map(data.units.map((u, i) => [u.name, i]));
  const entries: UnitEntry[] = unitsRead.units.filter((e) => e.org !== undefined && position.has(e.org.name));
  const unitSet = new Set(unitsRead.units.flatMap((u) => (u.org ? [u.org] : [])));
  const deductions = readRegister(snapshots, SHEET.deductions, rules.hotline.cases, rules.registry, unitSet, year, findings, errors);
  const bonuses = readRegister(snapshots, SHEET.bonuses, rules.hotline.bonus.cases, rules.registry, unitSet, year, findings, errors);
  const blocked = allBlocked || unitsRead.blocked || deductions.blocked || bonuses.blocked;

  const memo: ScoreMemo = new Map(); // thirteen scorings of the same units under the same rules
  const score = (period: Period, average: (c: UnitPeriodCounts) => number, cases: RegisterRead, bonusCases: RegisterRead) => {
    const counts = data.counts(period);
    const pending = data.judgment?.pendingByUnit(period);
    const rows = new Map<Organization, HotlineCounts>();
    const present = new Set<Organization>();
    for (const e of entries) {
      const c = counts[position.get((e.org as Organization).name) as number];
      rows.set(e.org as Organization, toHotlineCounts(c, average(c)));
      present.add(e.org as Organization);
    }
    const hotline: HotlineRead = { rows, present, blocked: false };
    const outcomes = scoreUnits(rules, {
      units: entries, data: hotline, deductions: cases, bonuses: bonusCases, params: { ...params, months: period.months },
      errors, blocked,
    }, findings, memo);
    return entries.map((e, i): MonthlyScore => {
      const unit = position.get((e.org as Organization).name) as number;
      const c = counts[unit];
      return { period, counts: c, monthlyAverage: average(c), outcome: outcomes[i], pending: pending?.get(unit) ?? 0 };
    });
  };

  const months = monthsOfYear(year).map((period) => {
    const key = `${year}-${String(period.firstMonth).padStart(2, "0")}`;
    return score(period, (c) => c.工单总量, inMonth(deductions, key), inMonth(bonuses, key));
  });
  const annual = score(yearPeriod(year), (c) => c.工单总量 / 12, deductions, bonuses);
  return {
    year,
    units: entries.map((e, i) => ({
      name: (e.org as Organization).name, org: e.org as Organization,
      months: months.map((m) => m[i]), annual: annual[i],
    })),
  };
}

/** Rows of 月度考核 in monthlyColumns order: per unit its twelve months, then its year row. */
function monthlyRows(results: MonthlyResults, labels: readonly string[], rules: RuleSet): { rows: CellValue[][]; scores: MonthlyScore[] } {
  const scores = results.units.flatMap((u) => [...u.months, u.annual]);
  const table = hotlineTableValues(scores.map((s) => s.outcome), rules);
  const rows = scores.map((s, i) => labels.map((label): CellValue => {
    if (label === LABEL.name) return s.outcome.name;
    if (label === LABEL.type) return s.outcome.type ?? null;
    if (label === MONTHLY_LABEL.month) return s.period.kind === "year" ? LEDGER_WMSG.annualRow(s.period.year) : s.period.name;
    if (label === LABEL.monthly) return s.monthlyAverage;
    if (label === MONTHLY_LABEL.pending) return s.pending;
    if ((FILLED_COUNT_LABELS as readonly string[]).includes(label)) return s.counts[label as (typeof FILLED_COUNT_LABELS)[number]];
    return table[label][i];
  }));
  return { rows, scores };
}

/**
 * Ops that rewrite 月度考核 (`previous`: its snapshot, undefined when the sheet does not exist); its title names
 * the method that produced it (spec G).
 */
export function monthlyPlan(previous: SheetSnapshot | undefined, results: MonthlyResults, rules: RuleSet, method: string): WriteOp[] {
  const specs = monthlyColumns(rules.hotline);
  const labels = specs.map((c) => c.label);
  const { rows, scores } = monthlyRows(results, labels, rules);
  const columns: OwnedColumn[] = specs.map((c) => ({
    label: c.label,
    numberFormat: c.rateId !== undefined ? FORMAT.percent : undefined,
    center: c.label !== LABEL.name && c.label !== RESULT_LABEL.explanation,
    width: monthlyColumnWidth(c),
    wrap: c.label === LABEL.name || c.label === RESULT_LABEL.explanation,
  }));
  const { ops, layout } = ownedSheetOps(previous, {
    sheet: LEDGER_SHEET.monthly, title: resultTitle(LEDGER_WMSG.monthlyTitle(results.year), method), notes: [LEDGER_WMSG.monthlyNote],
    tables: [{ columns, rows }], freezeColumns: 3,
  });
  ops.push({ kind: "rowHeight", sheet: LEDGER_SHEET.monthly, row: 0, height: titleHeight(2) });
  // Rates whose two-decimal display would read as another band get more decimals (as in 12345热线考核表).
  const first = layout.headerRows[0] + 1;
  specs.forEach(({ rateId }, col) => {
    if (rateId === undefined) return;
    scores.forEach((s, i) => {
      const rate = s.outcome.score?.rates[rateId];
      if (rate === null || rate === undefined) return;
      const numberFormat = percentFormat(rules.hotline, rateId, rate);
      if (numberFormat !== FORMAT.percent) ops.push({ kind: "format", range: range(LEDGER_SHEET.monthly, first + i, col), format: { numberFormat } });
    });
  });
  return ops;
}
