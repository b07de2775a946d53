/**
 * What a judged order contributes to the month buckets, with and without the office's decisions. An order's
 * events are those of OrderCounter.count (section F); a decision removes or changes some of them (section I's
 * table), each in the month of the count it changes.
 */
import { SLOT } from "./counts";
import type { StoredOrder } from "./order-store";
import { monthIndexOf } from "./timestamps";
import { Callback } from "./values";

/** The decisions applied to one order, as changes to its place in the counts. */
export interface Effect {
  /** 派单错误, 重复工单, 不予考核: the order leaves every count. */
  readonly leaves: boolean;
  /** The 回访结果 that counts (回访更正 replaces the ledger's). */
  readonly callback: Callback;
  /** 不合理诉求, 不满意不计: the order leaves 有效回访数 and 满意数. */
  readonly noCallback: boolean;
  /** 退单合理: leaves 退单数 (and stays out of 应办结数, as a returned order). */
  readonly notReturned: boolean;
  /** 延期合理: leaves 延期申请数. */
  readonly notExtended: boolean;
  /** 超期免责: an order in 应办结数 counts as 按期办结. */
  readonly onTime: boolean;
}

export function noEffect(order: StoredOrder): Effect {
  return { leaves: false, callback: order.callback, noCallback: false, notReturned: false, notExtended: false, onTime: false };
}

/** The rule's classes per Callback value: 1 when valid / when satisfied. */
export interface CallbackClasses {
  readonly valid: Uint8Array;
  readonly satisfied: Uint8Array;
}

// tsx compiles an imported binding to a getter call on every use: what is used per order is read once here.
const monthOf = monthIndexOf;
const { total: S_TOTAL, returned: S_RETURNED, extended: S_EXTENDED, due: S_DUE, onTime: S_ON_TIME, validCallback: S_VALID, satisfied: S_SATISFIED } = SLOT;

/**
 * The counts the order is in under `effect`, as (month, slot) pairs appended to `out` (a reused array: no
 * allocation per order).
 */
export function orderEvents(o: StoredOrder, e: Effect, classes: CallbackClasses, out: number[]): void {
  if (e.leaves) return;
  if (o.dispatched === o.dispatched) {
    const m = monthOf(o.dispatched);
    out.push(m, S_TOTAL);
    if (o.returned === true && !e.notReturned) out.push(m, S_RETURNED);
    if (o.extended === true && !e.notExtended) out.push(m, S_EXTENDED);
  }
  const open = o.closed !== o.closed;
  if (o.returned === false && o.deadline === o.deadline) {
    const m = monthOf(o.deadline);
    out.push(m, S_DUE);
    if (e.onTime || (!open && o.closed <= o.deadline)) out.push(m, S_ON_TIME);
  }
  if (!open && !e.noCallback && classes.valid[e.callback] === 1) {
    const m = monthOf(o.closed);
    out.push(m, S_VALID);
    if (classes.satisfied[e.callback] === 1) out.push(m, S_SATISFIED);
  }
}

/** The months in which the order counts at all (without decisions). */
export function orderMonths(o: StoredOrder, classes: CallbackClasses): Set<number> {
  const events: number[] = [];
  orderEvents(o, noEffect(o), classes, events);
  const months = new Set<number>();
  for (let i = 0; i < events.length; i += 2) months.add(events[i]);
  return months;
}

/** Whether the order is in 应办结数 and not closed on time (超期免责 has something to excuse). */
export function isLate(o: StoredOrder): boolean {
  return o.returned === false && !Number.isNaN(o.deadline) && !(o.closed <= o.deadline);
}
