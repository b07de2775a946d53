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

/** Calls `add(month, slot)` for every count the order is in, under `effect`. */
export function orderEvents(o: StoredOrder, e: Effect, classes: CallbackClasses, add: (month: number, slot: number) => void): void {
  if (e.leaves) return;
  if (!Number.isNaN(o.dispatched)) {
    const m = monthIndexOf(o.dispatched);
    add(m, SLOT.total);
    if (o.returned === true && !e.notReturned) add(m, SLOT.returned);
    if (o.extended === true && !e.notExtended) add(m, SLOT.extended);
  }
  const open = Number.isNaN(o.closed);
  if (o.returned === false && !Number.isNaN(o.deadline)) {
    const m = monthIndexOf(o.deadline);
    add(m, SLOT.due);
    if (e.onTime || (!open && o.closed <= o.deadline)) add(m, SLOT.onTime);
  }
  if (!open && !e.noCallback && classes.valid[e.callback] === 1) {
    const m = monthIndexOf(o.closed);
    add(m, SLOT.validCallback);
    if (classes.satisfied[e.callback] === 1) add(m, SLOT.satisfied);
  }
}

/** The months in which the order counts at all (without decisions). */
export function orderMonths(o: StoredOrder, classes: CallbackClasses): Set<number> {
  const months = new Set<number>();
  orderEvents(o, noEffect(o), classes, (m) => months.add(m));
  return months;
}

/** Whether the order is in 应办结数 and not closed on time (超期免责 has something to excuse). */
export function isLate(o: StoredOrder): boolean {
  return o.returned === false && !Number.isNaN(o.deadline) && !(o.closed <= o.deadline);
}
