/**
 * The register against the ledger (spec I): which decisions apply, each order's effect, and every problem at
 * its 工单研判 cell. Pure: parsed decisions and the judged orders found by the import in, plain values out.
 * Two scenarios are resolved the same way: the actual one (成立 rows) and the pending one (成立 and 待定 rows,
 * "checked as if they were 成立"), whose counts give each unit's 若全部成立 score.
 */
import type { Organization, Registry } from "../engine/registry";
import { LEAVING_KINDS, type JudgmentKind } from "./judgment-catalogue";
import { isLate, noEffect, type CallbackClasses, type Effect } from "./judgment-effects";
import type { JudgmentLevel, JudgmentProblem, ParsedDecision } from "./judgment-rows";
import { LEDGER_MESSAGES } from "./messages";
import type { StoredOrder } from "./order-store";
import { monthIndexOf, monthStartSeconds } from "./timestamps";
import { Callback, cellText, isBlank } from "./values";

/** An order of the ledger a decision names: counted (unit and fields), or the row that held it uncounted. */
export type FoundOrder = { readonly unit: number; readonly order: StoredOrder } | { readonly uncountedRow: number };

/** A year's import must hold every order the office judged; a month's or quarter's need not. */
export type JudgmentScope = "year" | "part";

export interface ResolvedDecision extends ParsedDecision {
  /** Index of the order's unit, when the order was counted. */
  readonly unit?: number;
  /** Changes counts now (成立, no error). */
  readonly applied: boolean;
  /** Would change counts if every pending decision were 成立. */
  readonly appliedIfPending: boolean;
}

export interface JudgedOrder {
  readonly unit: number;
  readonly order: StoredOrder;
  /** Indexes into JudgmentOutcome.decisions, in sheet order. */
  readonly decisions: readonly number[];
  readonly actual: Effect;
  readonly pending: Effect;
}

export interface JudgmentOutcome {
  readonly decisions: readonly ResolvedDecision[];
  /** By 工单编号 (id rule applied). */
  readonly orders: ReadonlyMap<string, JudgedOrder>;
  readonly problems: readonly JudgmentProblem[];
}

export interface ResolveContext {
  readonly found: ReadonlyMap<string, FoundOrder>;
  readonly units: readonly Organization[];
  readonly registry: Registry;
  readonly scope: JudgmentScope;
  readonly appealDays?: number;
  readonly classes: CallbackClasses;
}

const M = LEDGER_MESSAGES.judgment;
const DAY = 86_400;

type Scenario = "actual" | "pending";
const counts = (d: ParsedDecision, s: Scenario) => d.conclusion === "成立" || (s === "pending" && d.conclusion === "待定");
/** The scenario whose checks a row's problems come from: 成立 rows the actual one, 待定 rows the pending one. */
const listedIn = (d: ParsedDecision): Scenario | undefined => (d.conclusion === "成立" ? "actual" : d.conclusion === "待定" ? "pending" : undefined);

export function resolveJudgment(parsed: readonly ParsedDecision[], rowProblems: readonly JudgmentProblem[], ctx: ResolveContext): JudgmentOutcome {
  const problems: JudgmentProblem[] = [...rowProblems];
  const add = (d: ParsedDecision, column: JudgmentProblem["column"], level: JudgmentLevel, message: string, unit?: number) =>
    problems.push({ row: d.row, column, level, message, ...(unit === undefined ? {} : { unit: ctx.units[unit].name }) });
  const bad = new Set<number>();
  const byOrder = new Map<string, number[]>();
  const units = new Map<number, number>();
  for (const d of parsed) {
    if (d.error) bad.add(d.index);
    if (d.id === "") continue;
    const hit = ctx.found.get(d.id);
    if (hit === undefined || !("order" in hit)) {
      if (hit === undefined && ctx.scope === "year") bad.add(d.index);
      const level = hit !== undefined || ctx.scope === "part" ? "warning" : "error";
      add(d, "工单编号", level, hit === undefined ? M.notInLedger(d.id, ctx.scope === "year") : M.orderNotCounted(d.id, hit.uncountedRow));
      continue;
    }
    units.set(d.index, hit.unit);
    byOrder.set(d.id, [...(byOrder.get(d.id) ?? []), d.index]);
    if (checkOrder(d, hit.unit, hit.order, ctx, (c, l, m) => add(d, c, l, m, hit.unit))) bad.add(d.index);
  }
  const applied = { actual: new Set<number>(), pending: new Set<number>() };
  const effects = { actual: new Map<string, Effect>(), pending: new Map<string, Effect>() };
  for (const s of ["actual", "pending"] as const) {
    const merged = new Set(parsed.filter((d) => d.kind === "重复工单" && counts(d, s) && !bad.has(d.index)).map((d) => d.id));
    for (const [id, rows] of byOrder) {
      const hit = ctx.found.get(id) as { unit: number; order: StoredOrder };
      const listed = (d: ParsedDecision) => listedIn(d) === s;
      const warn = (d: ParsedDecision, column: JudgmentProblem["column"], level: JudgmentLevel, message: string) => {
        if (listed(d)) add(d, column, level, message, hit.unit);
      };
      const candidates = rows.map((i) => parsed[i]).filter((d) => counts(d, s) && !bad.has(d.index));
      const chosen = applicable(candidates, merged, warn);
      const effect = effectOf(hit.order, chosen, ctx.classes, warn);
      for (const d of chosen) applied[s].add(d.index);
      effects[s].set(id, effect);
    }
  }
  const decisions: ResolvedDecision[] = parsed.map((d) => ({
    ...d, ...(units.has(d.index) ? { unit: units.get(d.index) } : {}),
    applied: applied.actual.has(d.index), appliedIfPending: applied.pending.has(d.index),
  }));
  const orders = new Map<string, JudgedOrder>();
  for (const [id, rows] of byOrder) {
    const hit = ctx.found.get(id) as { unit: number; order: StoredOrder };
    orders.set(id, { unit: hit.unit, order: hit.order, decisions: rows, actual: effects.actual.get(id)!, pending: effects.pending.get(id)! });
  }
  return { decisions, orders, problems: problems.sort((a, b) => a.row - b.row) };
}

type Report = (column: JudgmentProblem["column"], level: JudgmentLevel, message: string) => void;

/** Checks of a row against its order: 承办单位, the merge parent, 申诉期限. True when it is an error. */
function checkOrder(d: ParsedDecision, unit: number, order: StoredOrder, ctx: ResolveContext, report: Report): boolean {
  let error = false;
  if (!isBlank(d.unitCell)) {
    const org = ctx.registry.resolve(cellText(d.unitCell));
    if (org !== ctx.units[unit]) {
      report("承办单位", "error", M.wrongUnit(cellText(d.unitCell), d.id, ctx.units[unit].name));
      error = true;
    }
  }
  if (d.kind === "重复工单" && d.parent !== undefined && d.parent !== "" && d.parent !== d.id) {
    const parent = ctx.found.get(d.parent);
    if (parent === undefined || !("order" in parent)) {
      const year = ctx.scope === "year" && parent === undefined;
      report("更正为", year ? "error" : "warning", parent === undefined ? M.parentNotInLedger(d.parent, year) : M.orderNotCounted(d.parent, parent.uncountedRow));
      error ||= year;
    } else if (parent.unit !== unit) {
      report("更正为", "error", M.parentOtherUnit(d.parent, ctx.units[parent.unit].name, ctx.units[unit].name));
      error = true;
    }
  }
  if (ctx.appealDays !== undefined && !Number.isNaN(d.proposed) && !Number.isNaN(order.dispatched)) {
    // The last day to propose: the end of the dispatch month plus 申诉期限 days (that whole day counts).
    const limit = monthStartSeconds(monthIndexOf(order.dispatched) + 1) + ctx.appealDays * DAY;
    if (d.proposed >= limit) report("提出日期", "warning", M.lateAppeal(ctx.appealDays));
  }
  return error;
}

/**
 * The rows that apply among a scenario's candidates: two of one 研判事项 on the order are an error at both
 * (neither applies); a merge into an order itself merged is an error.
 */
function applicable(candidates: readonly ParsedDecision[], merged: ReadonlySet<string>,
  warn: (d: ParsedDecision, c: JudgmentProblem["column"], l: JudgmentLevel, m: string) => void): ParsedDecision[] {
  const byKind = new Map<JudgmentKind, ParsedDecision[]>();
  for (const d of candidates) byKind.set(d.kind!, [...(byKind.get(d.kind!) ?? []), d]);
  const chosen: ParsedDecision[] = [];
  for (const d of candidates) {
    const same = byKind.get(d.kind!)!;
    if (same.length > 1) {
      warn(d, "研判事项", "error", M.twice(d.kind!, same.filter((o) => o !== d).map((o) => o.row)));
      continue;
    }
    if (d.kind === "重复工单" && merged.has(d.parent!)) {
      warn(d, "更正为", "error", M.parentMerged(d.parent!));
      continue;
    }
    chosen.push(d);
  }
  return chosen;
}

/** The effect of the applicable rows on the order; a row that changes nothing is a warning. */
function effectOf(o: StoredOrder, rows: readonly ParsedDecision[], classes: CallbackClasses,
  warn: (d: ParsedDecision, c: JudgmentProblem["column"], l: JudgmentLevel, m: string) => void): Effect {
  const leaving = rows.find((d) => LEAVING_KINDS.includes(d.kind!));
  if (leaving) {
    for (const d of rows) if (d !== leaving) warn(d, "研判事项", "warning", M.overridden(d.kind!, leaving.kind!, leaving.row));
    return { ...noEffect(o), leaves: true };
  }
  const correction = rows.find((d) => d.kind === "回访更正");
  const callback = correction?.callback ?? o.callback;
  const e = { ...noEffect(o), callback };
  const closed = !Number.isNaN(o.closed);
  for (const d of rows) {
    let changes: boolean;
    switch (d.kind) {
      case "回访更正": changes = closed && callback !== o.callback; break;
      case "不满意不计": changes = closed && callback === Callback.Dissatisfied; e.noCallback ||= changes; break;
      case "不合理诉求": changes = closed && classes.valid[callback] === 1; e.noCallback ||= changes; break;
      case "退单合理": changes = o.returned === true; e.notReturned = changes; break;
      case "延期合理": changes = o.extended === true; e.notExtended = changes; break;
      case "超期免责": changes = isLate(o); e.onTime = changes; break;
      default: changes = true;
    }
    if (!changes) warn(d, "研判事项", "warning", M.noEffect(d.kind!));
  }
  return e;
}
