/**
 * The decisions of an import, as the results use them: the counts before judgment and with every pending
 * decision 成立 (as month-bucket differences from the counts after judgment), each unit's decisions by
 * 研判事项 and 结论 for a period, the problems for a period, and each order's decisions for 工单核查.
 */
import { SLOTS } from "./counts";
import { JUDGMENT_KINDS, type Conclusion, type JudgmentKind } from "./judgment-catalogue";
import { noEffect, orderEvents, orderMonths, type CallbackClasses } from "./judgment-effects";
import type { JudgedOrder, JudgmentOutcome, ResolvedDecision } from "./judgment-resolve";
import type { JudgmentProblem } from "./judgment-rows";
import { LEDGER_MESSAGES, show } from "./messages";
import type { LedgerCell } from "./timestamps";
import { periodMonthIndexes, type Period } from "./period";

/** Which counts: after judgment (the result), before it, or with every pending decision 成立. */
export type CountScenario = "after" | "before" | "ifPending";

/** One unit's decisions on orders counted in a period. */
export interface UnitJudgment {
  readonly unit: number;
  /** Rows without an error by 研判事项 and 结论. */
  readonly byKind: Readonly<Record<JudgmentKind, Readonly<Record<Conclusion, number>>>>;
  /** 成立 rows that changed the counts, by 研判事项 (in catalogue order, only those with rows). */
  readonly applied: readonly { readonly kind: JudgmentKind; readonly count: number }[];
  /** 待定 rows without an error (they change no count; the 若全部成立 score shows what they would). */
  readonly pending: number;
  /** Rows with an error (they change no count) that belong to the unit (JudgmentOutcome.errorRows). */
  readonly errors: number;
}

/** The error rows of the register: all of them, and those that belong to no unit. */
export interface JudgmentErrorCount {
  readonly total: number;
  readonly withoutUnit: number;
}

type Buckets = Map<number, Int32Array>;
/** A judged order, the months it counts in (before judgment) and its rows byUnit counts. */
type OrderMonths = { readonly order: JudgedOrder; readonly months: readonly number[]; readonly tallied: readonly Tallied[] };
type Tallied = ResolvedDecision & { readonly kind: JudgmentKind; readonly conclusion: Conclusion };
/** An object while its fields are set one by one. */
type Building<T> = { -readonly [K in keyof T]?: T[K] };

export class LedgerJudgment {
  /** Counts before judgment − counts after, and counts with pending 成立 − counts after, by month. */
  readonly before: Buckets = new Map();
  readonly ifPending: Buckets = new Map();
  private readonly errorRows: ReadonlySet<number>;
  private ordersWithMonths?: readonly OrderMonths[];

  constructor(readonly outcome: JudgmentOutcome, private readonly unitCount: number, private readonly classes: CallbackClasses,
    /** Column of 工单编号 in the register, for the 说明 rows' cells. */
    private readonly idColumn?: number) {
    this.errorRows = new Set(outcome.errorRows.keys());
  }

  /**
   * Applies each judged order's effect: `adjust(month, index, delta)` moves the counts after judgment (the
   * order was counted as in the ledger), and the two difference maps are filled.
   */
  apply(adjust: (month: number, index: number, delta: number) => void): void {
    const events: number[] = [];
    const { before, ifPending } = this;
    for (const o of this.outcome.orders.values()) {
      const base = o.unit * SLOTS;
      // Each scenario's events, with the sign it adds: ledger (−1 after, +1 before), actual (+1 after, −1 before,
      // −1 pending), pending (+1 pending).
      events.length = 0;
      orderEvents(o.order, noEffect(o.order), this.classes, events);
      for (let i = 0; i < events.length; i += 2) {
        adjust(events[i], base + events[i + 1], -1);
        this.bump(before, events[i], base + events[i + 1], 1);
      }
      events.length = 0;
      orderEvents(o.order, o.actual, this.classes, events);
      for (let i = 0; i < events.length; i += 2) {
        adjust(events[i], base + events[i + 1], 1);
        this.bump(before, events[i], base + events[i + 1], -1);
        this.bump(ifPending, events[i], base + events[i + 1], -1);
      }
      events.length = 0;
      orderEvents(o.order, o.pending, this.classes, events);
      for (let i = 0; i < events.length; i += 2) this.bump(ifPending, events[i], base + events[i + 1], 1);
    }
  }

  private bump(buckets: Buckets, month: number, index: number, delta: number): void {
    let b = buckets.get(month);
    if (!b) buckets.set(month, (b = new Int32Array(this.unitCount * SLOTS)));
    b[index] += delta;
  }

  /** Judged orders that count in the period (in any of its months, before judgment). */
  private inPeriod(period: Period): JudgedOrder[] {
    const months = new Set(periodMonthIndexes(period));
    const found: JudgedOrder[] = [];
    for (const { order, months: counted } of this.withMonths()) if (anyIn(counted, months)) found.push(order);
    return found;
  }

  /**
   * Each judged order with the months it counts in (before judgment), worked out once: the monthly results ask
   * for thirteen periods.
   */
  private withMonths(): readonly OrderMonths[] {
    this.ordersWithMonths ??= [...this.outcome.orders.values()].map((order) => ({
      order, months: [...orderMonths(order.order, this.classes)], tallied: this.tallied(order),
    }));
    return this.ordersWithMonths;
  }

  /** The order's rows byUnit counts by 研判事项 and 结论: readable ones without an error. */
  private tallied(o: JudgedOrder): Tallied[] {
    const rows: Tallied[] = [];
    for (const i of o.decisions) {
      const d = this.outcome.decisions[i];
      if (d.kind !== undefined && d.conclusion !== undefined && !this.errorRows.has(d.row)) rows.push(d as Tallied);
    }
    return rows;
  }

  /** Per unit with decisions on orders counted in the period. */
  byUnit(period: Period): Map<number, UnitJudgment> {
    const result = new Map<number, Mutable>();
    const months = new Set(periodMonthIndexes(period));
    for (const { order: o, months: counted, tallied } of this.withMonths()) {
      if (!anyIn(counted, months)) continue;
      const entry = result.get(o.unit) ?? emptyUnit(o.unit);
      for (const d of tallied) {
        entry.byKind[d.kind][d.conclusion]++;
        if (d.conclusion === "待定") entry.pending++;
        if (d.applied) entry.appliedByKind.set(d.kind, (entry.appliedByKind.get(d.kind) ?? 0) + 1);
      }
      result.set(o.unit, entry);
    }
    // Every error row of the register counts at the unit it belongs to, as 工单导入校验 lists it.
    for (const unit of this.outcome.errorRows.values()) {
      if (unit === undefined) continue;
      const entry = result.get(unit) ?? emptyUnit(unit);
      entry.errors++;
      result.set(unit, entry);
    }
    return new Map([...result].map(([unit, { appliedByKind, ...rest }]) => [unit, {
      ...rest, applied: JUDGMENT_KINDS.filter((k) => appliedByKind.has(k)).map((kind) => ({ kind, count: appliedByKind.get(kind)! })),
    }]));
  }

  /** The register's problems, and a 说明 for each row on an order that counts in no month of the period. */
  problems(period: Period): JudgmentProblem[] {
    const months = new Set(periodMonthIndexes(period));
    const notes: JudgmentProblem[] = [];
    for (const { order: o, months: counted } of this.withMonths()) {
      if (anyIn(counted, months)) continue;
      for (const i of o.decisions) {
        const d = this.outcome.decisions[i];
        // Built field by field: a spread after the first field is a slow runtime call in V8 (thousands of rows).
        const note: Building<JudgmentProblem> = { row: d.row, column: "工单编号" };
        if (this.idColumn !== undefined) note.columnIndex = this.idColumn;
        note.level = "info";
        note.message = LEDGER_MESSAGES.judgment.outsidePeriod(period.name);
        notes.push(note as JudgmentProblem);
      }
    }
    return [...this.outcome.problems, ...notes].sort((a, b) => a.row - b.row);
  }

  /** The decisions on an order (sheet order), for 工单核查; undefined when it has none. */
  decisionsOf(id: string): readonly ResolvedDecision[] | undefined {
    const o = this.outcome.orders.get(id);
    return o?.decisions.map((i) => this.outcome.decisions[i]);
  }

  order(id: string): JudgedOrder | undefined {
    return this.outcome.orders.get(id);
  }

  /** A unit's judged orders that count in the period, in ledger row order. */
  ordersOf(unit: number, period: Period): JudgedOrder[] {
    return this.inPeriod(period).filter((o) => o.unit === unit).sort((a, b) => a.order.row - b.order.row);
  }

  /** An order's decisions as 工单核查 shows them: 超期免责：待定（工单研判第7行）；… */
  decisionText(o: JudgedOrder): string {
    return o.decisions.map((i) => {
      const d = this.outcome.decisions[i];
      return LEDGER_MESSAGES.judgment.listed(d.kind ?? typed(d.kindCell), d.conclusion ?? typed(d.conclusionCell), d.row, this.errorRows.has(d.row));
    }).join("；");
  }

  errorCount(): JudgmentErrorCount {
    let withoutUnit = 0;
    for (const unit of this.outcome.errorRows.values()) if (unit === undefined) withoutUnit++;
    return { total: this.outcome.errorRows.size, withoutUnit };
  }

  /** Pending rows on orders counted in the period (all units). */
  pendingCount(period: Period): number {
    let n = 0;
    for (const u of this.byUnit(period).values()) n += u.pending;
    return n;
  }
}

/** Whether one of `months` is in `period` (a loop: called for every judged order and period). */
function anyIn(months: readonly number[], period: ReadonlySet<number>): boolean {
  for (let i = 0; i < months.length; i++) if (period.has(months[i])) return true;
  return false;
}

/** An unreadable 研判事项 or 结论 as the user typed it. */
const typed = (cell: LedgerCell): string => show(cell) || LEDGER_MESSAGES.judgment.blankCell;

interface Mutable {
  unit: number;
  byKind: Record<JudgmentKind, Record<Conclusion, number>>;
  appliedByKind: Map<JudgmentKind, number>;
  pending: number;
  errors: number;
}

function emptyUnit(unit: number): Mutable {
  const byKind = Object.fromEntries(JUDGMENT_KINDS.map((k) => [k, { 成立: 0, 不成立: 0, 待定: 0 }])) as Record<JudgmentKind, Record<Conclusion, number>>;
  return { unit, byKind, appliedByKind: new Map(), pending: 0, errors: 0 };
}
