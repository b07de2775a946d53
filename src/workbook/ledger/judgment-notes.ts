/**
 * Compute-all's side of 工单研判 (spec I): each unit's 扣分说明 names the decisions that moved its counts (from
 * 研判汇总), and a unit with pending decisions gets 待定N件，若全部成立总分为X, X scored by the same scoreUnits
 * with the counts 研判汇总 gives for "every pending decision 成立".
 */
import { formatPoints, type Organization, type RuleSet } from "../../engine";
import type { CountField } from "../../ledger";
import { Findings } from "../findings";
import { scoreUnits, type HotlineInputs, type UnitOutcome } from "../hotline-scores";
import type { HotlineCounts } from "../inputs/hotline-data";
import type { UnitJudgmentRecord } from "./judgment-summary";
import { LEDGER_WMSG } from "../messages";

const COUNT_KEY: Readonly<Record<CountField, keyof HotlineCounts>> = {
  工单总量: "total", 应办结数: "due", 按期办结数: "onTime", 退单数: "returned", 延期申请数: "extensions", 有效回访数: "validCallbacks", 满意数: "satisfied",
};

/** Each unit's total with its pending decisions 成立 (units with pending decisions and a score only). */
export function pendingTotals(rules: RuleSet, input: HotlineInputs, records: ReadonlyMap<Organization, UnitJudgmentRecord>): Map<Organization, number> {
  const pending = [...records].filter(([, r]) => r.pending > 0);
  if (pending.length === 0) return new Map();
  const rows = new Map(input.data.rows);
  for (const [org, record] of pending) {
    const counts = rows.get(org);
    if (!counts) continue;
    const changed: Record<string, number | undefined> = { ...counts };
    for (const c of record.changes) changed[COUNT_KEY[c.field]] = c.ifPending;
    rows.set(org, changed as unknown as HotlineCounts);
  }
  // scoreUnit is per unit (only ranks compare units): the units without pending decisions need no second score.
  const units = input.units.filter((e) => e.org !== undefined && (records.get(e.org)?.pending ?? 0) > 0);
  const scored = scoreUnits(rules, { ...input, units, data: { ...input.data, rows } }, new Findings());
  const totals = new Map<Organization, number>();
  for (const u of scored) {
    if (u.org && u.score && records.get(u.org)?.pending) totals.set(u.org, u.score.total);
  }
  return totals;
}

/** 扣分说明 with the unit's decisions: what 成立 moved, and what pending decisions would give. */
export function withJudgmentNotes(units: readonly UnitOutcome[], records: ReadonlyMap<Organization, UnitJudgmentRecord>,
  pending: ReadonlyMap<Organization, number>): UnitOutcome[] {
  return units.map((u) => {
    const record = u.org && u.score ? records.get(u.org) : undefined;
    if (!record) return u;
    const notes: string[] = [];
    if (record.applied.length > 0) notes.push(LEDGER_WMSG.judgmentNote(record.applied, record.changes));
    const total = pending.get(u.org!);
    if (record.pending > 0 && total !== undefined) notes.push(LEDGER_WMSG.pendingNote(record.pending, formatPoints(total)));
    return notes.length > 0 ? { ...u, explanation: [u.explanation, ...notes].filter((t) => t !== "").join("；") } : u;
  });
}

/** Pending decisions of every unit: the official table's title says 另有N件研判待定. */
export function pendingCount(records: ReadonlyMap<Organization, UnitJudgmentRecord>): number {
  let n = 0;
  for (const r of records.values()) n += r.pending;
  return n;
}
