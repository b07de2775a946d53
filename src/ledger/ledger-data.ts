/** The result of an import: counts for any period, monthly counts, problems and appeal drill-downs. */
import { monthlyAverage } from "../engine/hotline";
import type { CallbackRule } from "../engine/rules/types";
import { normalizeName, type Organization } from "../engine/registry";
import type { HeaderMapping } from "./columns";
import { COUNT_FIELDS, SLOT, SLOTS, type UnitCounts, type UnitPeriodCounts, zeroCounts } from "./counts";
import { LEDGER_MESSAGES, LedgerError } from "./messages";
import { monthsOfYear, periodMonthIndexes, yearPeriod, type Period } from "./period";
import type { LedgerProblem, LedgerSummary } from "./problems";
import { formatTimestamp, monthIndexOf } from "./timestamps";
import { OrderStore, type StoredOrder } from "./order-store";
import type { CountScenario, LedgerJudgment } from "./judgment-data";
import { noEffect, type Effect } from "./judgment-effects";
import { CALLBACK_RESULTS, type CallbackResult } from "./values";

export type { StoredOrder } from "./order-store";

/** An order as listed in a drill-down sheet. */
export interface DrillDownOrder {
  readonly 工单编号: string;
  /** Row of the order in the imported file or sheet. */
  readonly 行号: number;
  readonly 派单时间: string;
  readonly 办理时限: string;
  /** "" while open. */
  readonly 办结时间: string;
  readonly 是否退单: string;
  readonly 是否申请延期: string;
  readonly 回访结果: string;
  /** For late orders: 超期办结 or 未办结. */
  readonly 状态?: string;
  /** The order's 工单研判 decisions (spec I), e.g. 超期免责：待定（工单研判第7行）. */
  readonly 研判?: string;
}

export const DRILL_DOWN_HEADERS = ["工单编号", "行号", "派单时间", "办理时限", "办结时间", "是否退单", "是否申请延期", "回访结果", "状态", "研判"] as const;

export interface DrillDown {
  readonly unit: Organization;
  readonly period: Period;
  /** The unit's counts for the period; each list's length is derived from them (see `check`). */
  readonly counts: UnitPeriodCounts;
  /** In 应办结数 but not in 按期办结数: closed after the deadline, or still open. */
  readonly late: readonly DrillDownOrder[];
  readonly returned: readonly DrillDownOrder[];
  readonly extended: readonly DrillDownOrder[];
  /** Closed in the period with 回访结果 不满意. */
  readonly dissatisfied: readonly DrillDownOrder[];
  /** Orders of the period with 工单研判 decisions (whatever their 结论), with the decisions. */
  readonly judged: readonly DrillDownOrder[];
}

export interface MonthlyCounts {
  readonly period: Period;
  readonly rows: readonly UnitPeriodCounts[];
}

export interface LedgerReport {
  readonly period: Period;
  /** One row per hotline unit (77, in 附件1 order), zeros where the unit had no orders. */
  readonly rows: readonly UnitPeriodCounts[];
  /** Every month of the period's year, for the 月度考核 sheet. */
  readonly monthly: readonly MonthlyCounts[];
  readonly summary: LedgerSummary;
  readonly problems: readonly LedgerProblem[];
}

export class LedgerData {
  private readonly orders: OrderStore;

  constructor(
    /** The hotline units in 附件1 order. */
    readonly units: readonly Organization[],
    private readonly buckets: ReadonlyMap<number, Int32Array>,
    /** The orders kept for drill-downs (late, returned, extended, 不满意), or lists of them per unit. */
    orders: OrderStore | readonly (readonly StoredOrder[])[],
    readonly problems: readonly LedgerProblem[],
    readonly summary: LedgerSummary,
    readonly mapping: HeaderMapping,
    /** The method's callback rule the counts were made with (which 回访结果 are not satisfied). */
    private readonly callbacks: CallbackRule,
    /** The 工单研判 decisions applied (the buckets hold the counts after judgment). */
    readonly judgment?: LedgerJudgment,
  ) {
    this.orders = orders instanceof OrderStore ? orders : storeOf(orders);
  }

  /**
   * Per-unit counts for a period (77 rows): after judgment (spec I: ledger ⊕ decisions), or before it, or with
   * every pending decision 成立.
   */
  counts(period: Period, scenario: CountScenario = "after"): UnitPeriodCounts[] {
    const sums = new Float64Array(this.units.length * SLOTS);
    const delta = scenario === "before" ? this.judgment?.before : scenario === "ifPending" ? this.judgment?.ifPending : undefined;
    for (const month of periodMonthIndexes(period)) {
      for (const b of [this.buckets.get(month), delta?.get(month)]) if (b) for (let i = 0; i < b.length; i++) sums[i] += b[i];
    }
    return this.units.map((unit, u) => {
      const counts = zeroCounts();
      COUNT_FIELDS.forEach((field, slot) => (counts[field] = sums[u * SLOTS + slot]));
      return { 单位名称: unit.name, 单位类别: unit.type, ...counts, 月均办件量: monthlyAverage(counts.工单总量, period.months) };
    });
  }

  /** The twelve months of a year, each with its 77 rows. */
  monthly(year: number): MonthlyCounts[] {
    return monthsOfYear(year).map((period) => ({ period, rows: this.counts(period) }));
  }

  report(period: Period): LedgerReport {
    return { period, rows: this.counts(period), monthly: this.monthly(period.year), summary: this.summary, problems: this.problems };
  }

  /** Sum over all units, for totals lines and cross-checks. */
  totals(period: Period): UnitCounts {
    const total = zeroCounts();
    for (const row of this.counts(period)) for (const f of COUNT_FIELDS) total[f] += row[f];
    return total;
  }

  /** Years in which any counted order has an event (派单, 办理时限 or 办结), ascending. */
  years(): number[] {
    return [...new Set([...this.buckets.keys()].map((m) => Math.floor(m / 12)))].sort((a, b) => a - b);
  }

  /** The orders behind a unit's rate deductions for a period. Throws LedgerError for a non-hotline name. */
  drillDown(unitName: string, period: Period): DrillDown {
    const u = this.units.findIndex((unit) => unit.names.some((n) => normalizeName(n) === normalizeName(unitName)));
    if (u < 0) throw new LedgerError(LEDGER_MESSAGES.unknownUnitForDrillDown(unitName));
    const months = new Set(periodMonthIndexes(period));
    const inPeriod = (t: number) => !Number.isNaN(t) && months.has(monthIndexOf(t));
    const late: DrillDownOrder[] = [];
    const returned: DrillDownOrder[] = [];
    const extended: DrillDownOrder[] = [];
    const dissatisfied: DrillDownOrder[] = [];
    const notSatisfied = new Set(this.callbacks.unsatisfied.map((w) => CALLBACK_RESULTS.indexOf(w as CallbackResult)));
    const labels = LEDGER_MESSAGES.drillDown;
    // The lists follow the counts after judgment: a judged order is listed by its effect (judgment-data.ts).
    const list = (o: StoredOrder, e: Effect, decisions?: string) => {
      const open = Number.isNaN(o.closed);
      if (e.leaves) return;
      if (o.returned === false && inPeriod(o.deadline) && !e.onTime && (open || o.closed > o.deadline)) {
        late.push(toListed(o, open ? labels.open : labels.closedLate, decisions));
      }
      if (inPeriod(o.dispatched)) {
        if (o.returned && !e.notReturned) returned.push(toListed(o, undefined, decisions));
        if (o.extended && !e.notExtended) extended.push(toListed(o, undefined, decisions));
      }
      if (!open && !e.noCallback && notSatisfied.has(e.callback) && inPeriod(o.closed)) dissatisfied.push(toListed(o, undefined, decisions));
    };
    const judgment = this.judgment;
    for (let i = 0; i < this.orders.length; i++) {
      if (this.orders.unit(i) !== u) continue;
      const o = this.orders.get(i);
      if (judgment?.order(o.id) === undefined) list(o, noEffect(o));
    }
    const judged: DrillDownOrder[] = [];
    for (const j of judgment?.ordersOf(u, period) ?? []) {
      const text = judgment!.decisionText(j);
      list(j.order, j.actual, text);
      judged.push(toListed(j.order, undefined, text));
    }
    return { unit: this.units[u], period, counts: this.counts(period)[u], late, returned, extended, dissatisfied, judged };
  }

  /** The year with the most dispatched orders: a sensible default for the period picker. */
  defaultPeriod(): Period {
    const perYear = new Map<number, number>();
    for (const [month, b] of this.buckets) {
      let total = 0;
      for (let i = SLOT.total; i < b.length; i += SLOTS) total += b[i];
      const year = Math.floor(month / 12);
      perYear.set(year, (perYear.get(year) ?? 0) + total);
    }
    let best = new Date().getFullYear();
    let most = -1;
    for (const [year, total] of perYear) if (total > most) [best, most] = [year, total];
    return yearPeriod(best);
  }
}

function storeOf(lists: readonly (readonly StoredOrder[])[]): OrderStore {
  const store = new OrderStore();
  lists.forEach((list, u) => {
    for (const o of list) store.push(u, o.row, o.id, o.dispatched, o.deadline, o.closed, o.returned, o.extended, o.callback);
  });
  return store;
}

function toListed(o: StoredOrder, status?: string, decisions?: string): DrillDownOrder {
  const base = {
    工单编号: o.id,
    行号: o.row,
    派单时间: formatTimestamp(o.dispatched),
    办理时限: formatTimestamp(o.deadline),
    办结时间: formatTimestamp(o.closed),
    是否退单: yesNoText(o.returned),
    是否申请延期: yesNoText(o.extended),
    回访结果: CALLBACK_RESULTS[o.callback],
  };
  return { ...base, ...(status === undefined ? {} : { 状态: status }), ...(decisions === undefined ? {} : { 研判: decisions }) };
}

function yesNoText(value: boolean | undefined): string {
  return value === undefined ? LEDGER_MESSAGES.unreadable : value ? LEDGER_MESSAGES.yes : LEDGER_MESSAGES.no;
}

/** A drill-down order as a sheet row in DRILL_DOWN_HEADERS order. */
export function drillDownRow(order: DrillDownOrder): (string | number)[] {
  return DRILL_DOWN_HEADERS.map((h) => order[h] ?? "");
}
