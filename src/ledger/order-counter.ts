/**
 * The counting core: parsed orders into month buckets (see aggregator.ts for the row path), and
 * `aggregateOrders` for orders already parsed (the benchmark's engine figure; tests).
 */
import { callbackClass } from "../engine/rules/callbacks";
import type { CallbackRule } from "../engine/rules/types";
import { LEDGER_COLUMNS, type HeaderMapping, type LedgerColumn } from "./columns";
import { SLOT, SLOTS } from "./counts";
import type { LedgerRules } from "./rules";
import { LedgerData } from "./ledger-data";
import { OrderStore } from "./order-store";
import { summaryText } from "./problems";
import { END_SECOND, FIRST_SECOND, monthIndexOf } from "./timestamps";
import { CALLBACK_RESULTS, type Callback } from "./values";

export const MIN_MONTH = monthIndexOf(FIRST_SECOND);
export const MONTH_SPAN = monthIndexOf(END_SECOND) - MIN_MONTH + 1;

// tsx compiles an imported binding to a getter call on every use; what is used per order is read once here.
const monthOf = monthIndexOf;
const S_TOTAL = SLOT.total;
const S_DUE = SLOT.due;
const S_ON_TIME = SLOT.onTime;
const S_RETURNED = SLOT.returned;
const S_EXTENDED = SLOT.extended;
const S_VALID = SLOT.validCallback;
const S_SATISFIED = SLOT.satisfied;

/**
 * The counting core: one parsed order at a time into month buckets, plus the drill-down records.
 * Orders reach it already checked (unit index, timestamps in naive seconds, flags); the row path
 * (`LedgerAggregator.add`) parses and checks, then counts here.
 */
export class OrderCounter {
  /** Month buckets by month index − MIN_MONTH; created on first use. */
  private readonly buckets: (Int32Array | undefined)[] = new Array(MONTH_SPAN).fill(undefined);
  /** Month indexes in the order their buckets were created (LedgerData breaks ties by it). */
  private readonly created: number[] = [];
  private readonly bucketSize: number;
  readonly orders = new OrderStore();
  /** Per Callback value: 1 when it is a valid callback / counted as satisfied (from the method's rule). */
  private readonly valid: Uint8Array;
  private readonly satisfied: Uint8Array;

  constructor(readonly unitCount: number, callbacks: CallbackRule) {
    this.bucketSize = unitCount * SLOTS;
    const classes = CALLBACK_RESULTS.map((word) => callbackClass(callbacks, word));
    this.valid = Uint8Array.from(classes, (c) => (c === "satisfied" || c === "unsatisfied" ? 1 : 0));
    this.satisfied = Uint8Array.from(classes, (c) => (c === "satisfied" ? 1 : 0));
  }

  /**
   * Counts one order. `closed` is NaN while open (or unreadable: then it is not on time). A field that could
   * not be read leaves the order out of the counts that need it only (spec F): `dispatched` NaN → not in
   * 工单总量, 退单数 or 延期申请数 (they place the order in a period by its 派单时间); `returned` undefined →
   * neither in 退单数 nor in 应办结数; `extended` undefined → not in 延期申请数; `deadline` NaN → not in 应办结数.
   * `id` is read only when the order is kept for the drill-down (a few percent of orders).
   */
  count(unit: number, dispatched: number, deadline: number, closed: number, returned: boolean | undefined, extended: boolean | undefined,
    callback: Callback, row: number, id: string): void {
    const base = unit * SLOTS;
    let b: Int32Array;
    if (dispatched === dispatched) {
      b = this.bucket(monthOf(dispatched));
      b[base + S_TOTAL]++;
      if (returned) b[base + S_RETURNED]++;
      if (extended) b[base + S_EXTENDED]++;
    }

    const isOpen = closed !== closed; // NaN
    const onTime = !isOpen && closed <= deadline;
    if (returned === false && deadline === deadline) {
      b = this.bucket(monthOf(deadline));
      b[base + S_DUE]++;
      if (onTime) b[base + S_ON_TIME]++;
    }
    const valid = this.valid[callback] === 1;
    const unsatisfied = valid && this.satisfied[callback] === 0;
    if (!isOpen && valid) {
      b = this.bucket(monthOf(closed));
      b[base + S_VALID]++;
      if (!unsatisfied) b[base + S_SATISFIED]++;
    }

    // Drill-down keeps only orders that can appear in an appeal list (late, returned, extended, not
    // satisfied): a few percent of a normal ledger, so memory stays far below the rows read. The
    // alternative, a second filtered pass, is impossible for a sheet the task pane has already read in chunks.
    if (returned || extended || !onTime || unsatisfied) {
      this.orders.push(unit, row, id, dispatched, deadline, closed, returned, extended, callback);
    }
  }

  /** Which 回访结果 are valid and satisfied (per Callback value). */
  get classes(): { readonly valid: Uint8Array; readonly satisfied: Uint8Array } {
    return { valid: this.valid, satisfied: this.satisfied };
  }

  /** Moves one count of a month (index = unit × SLOTS + slot): judgment applied after counting. */
  adjust(month: number, index: number, delta: number): void {
    this.bucket(month)[index] += delta;
  }

  /** Buckets by month index, for LedgerData. */
  monthBuckets(): Map<number, Int32Array> {
    return new Map(this.created.map((month) => [month, this.buckets[month - MIN_MONTH]!]));
  }

  private bucket(month: number): Int32Array {
    return this.buckets[month - MIN_MONTH] ?? this.newBucket(month);
  }

  private newBucket(month: number): Int32Array {
    const b = new Int32Array(this.bucketSize);
    this.buckets[month - MIN_MONTH] = b;
    this.created.push(month);
    return b;
  }
}

/** Parsed orders in columns, for `aggregateOrders` (the benchmark's engine figure; tests). */
export interface ParsedOrders {
  readonly length: number;
  /** Index into the registry's hotline units. */
  readonly unit: Int32Array | readonly number[];
  /**
   * Naive seconds (see timestamps.ts); closed NaN while open; deadline NaN allowed when returned; dispatched
   * NaN when unreadable (the order then counts only by its deadline and its closing).
   */
  readonly dispatched: Float64Array | readonly number[];
  readonly deadline: Float64Array | readonly number[];
  readonly closed: Float64Array | readonly number[];
  readonly returned: Uint8Array | readonly boolean[];
  readonly extended: Uint8Array | readonly boolean[];
  readonly callback: Uint8Array | readonly Callback[];
  /** 工单编号 per order; kept only for orders listed in drill-downs. */
  readonly id: readonly string[];
  /** Row numbers; default order index + 2 (below a header line). */
  readonly row?: Int32Array | readonly number[];
}

/** Counts already-parsed orders (no checks: they are assumed valid, unique and of hotline units). */
export function aggregateOrders(
  orders: ParsedOrders, rules: LedgerRules,
): LedgerData {
  const callbacks = rules.hotline.callbacks;
  const units = rules.registry.hotlineUnits();
  const counter = new OrderCounter(units.length, callbacks);
  const { unit, dispatched, deadline, closed, returned, extended, callback, id, row } = orders;
  for (let i = 0; i < orders.length; i++) {
    counter.count(unit[i], dispatched[i], deadline[i], closed[i], !!returned[i], !!extended[i], callback[i] as Callback,
      row ? row[i] : i + 2, id[i]);
  }
  const base = {
    rowsRead: orders.length, rowsCounted: orders.length, rowsWithProblems: 0, blankRows: 0, headerRow: 1,
    problemCount: 0, problemsByCode: {}, problemsNotListed: 0, source: { format: "rows" as const },
  };
  const headers = [...LEDGER_COLUMNS];
  const columns = Object.fromEntries(headers.map((h, i) => [h, i])) as Record<LedgerColumn, number>;
  const mapping: HeaderMapping = {
    columns, headers, recognized: headers.map((h, i) => ({ index: i, header: h, column: h, via: "synonym" as const })),
    unrecognized: [], shadowed: [], ignored: [], missing: [], complete: true,
  };
  return new LedgerData(units, counter.monthBuckets(), counter.orders, [], { ...base, text: summaryText(base) }, mapping, callbacks);
}
