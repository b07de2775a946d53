/**
 * The register against the ledger (spec I): which decisions apply, each order's effect, and every problem at
 * its 工单研判 cell. Pure: parsed decisions and the judged orders found by the import in, plain values out.
 * Two scenarios are resolved the same way: the actual one (成立 rows) and the pending one (成立 and 待定 rows,
 * "checked as if they were 成立"), whose counts give each unit's 若全部成立 score.
 */
import type { Organization, Registry } from "../engine/registry";
import { LEAVING_KINDS } from "./judgment-catalogue";
import { isLate, type CallbackClasses, type Effect } from "./judgment-effects";
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
  /**
   * Every row with an error, with the unit it belongs to (index; undefined: no unit): the unit of the order its
   * 工单编号 names when the order was counted, else the unit typed in 承办单位 when recognisable. 工单导入校验's
   * 单位名称, 研判汇总's 有误 and the 扣分说明 all use this one attribution.
   */
  readonly errorRows: ReadonlyMap<number, number | undefined>;
}

export interface ResolveContext {
  readonly found: ReadonlyMap<string, FoundOrder>;
  readonly units: readonly Organization[];
  readonly registry: Registry;
  readonly scope: JudgmentScope;
  readonly appealDays?: number;
  readonly classes: CallbackClasses;
  /** The register's columns, so that every problem names its cell. */
  readonly columns?: Partial<Record<JudgmentProblem["column"], number>>;
}

const M = LEDGER_MESSAGES.judgment;
const NO_ROWS: readonly number[] = [];
const DAY = 86_400;

type Scenario = "actual" | "pending";
const counts = (d: ParsedDecision, s: Scenario) => d.conclusion === "成立" || (s === "pending" && d.conclusion === "待定");
/** The scenario whose checks a row's problems come from: 成立 rows the actual one, 待定 rows the pending one. */
const listedIn = (d: ParsedDecision): Scenario | undefined => (d.conclusion === "成立" ? "actual" : d.conclusion === "待定" ? "pending" : undefined);

export function resolveJudgment(parsed: readonly ParsedDecision[], rowProblems: readonly JudgmentProblem[], ctx: ResolveContext): JudgmentOutcome {
  return new Resolver(parsed, rowProblems, ctx).outcome();
}

type Column = JudgmentProblem["column"];
/** An object while its fields are set one by one. */
type Building<T> = { -readonly [K in keyof T]?: T[K] };
type Counted = { readonly unit: number; readonly order: StoredOrder };
/** A counted order the register names: its rows (indexes, sheet order) and its effect in each scenario. */
type OrderEntry = { readonly hit: Counted; readonly rows: number[]; actual?: Effect; pending?: Effect; chosen?: readonly ParsedDecision[] };

/** The resolution as a class (no closures per row or order: tsx wraps every closure it creates in a naming call). */
class Resolver {
  private readonly problems: JudgmentProblem[];
  private readonly bad = new Set<number>();
  /** By 工单编号, in the order of the orders' first rows (one lookup of `found` per row, none per scenario). */
  private readonly byOrder = new Map<string, OrderEntry>();
  private readonly units = new Map<number, number>();
  private readonly applied = { actual: new Set<number>(), pending: new Set<number>() };
  /** The scenario whose problems are listed now, and the unit of the order being resolved. */
  private scenario: Scenario = "actual";
  private unit = -1;
  /** The 重复工单 parents merged in the actual scenario (to tell whether the pending one resolves an order alike). */
  private mergedActual?: ReadonlySet<string>;

  constructor(private readonly parsed: readonly ParsedDecision[], rowProblems: readonly JudgmentProblem[], private readonly ctx: ResolveContext) {
    this.problems = [...rowProblems];
  }

  private add(d: ParsedDecision, column: Column, level: JudgmentLevel, message: string, unit?: number): void {
    const columnIndex = this.ctx.columns?.[column];
    // Built field by field: a spread after the first field is a slow runtime call in V8 (thousands of rows).
    const problem: Building<JudgmentProblem> = { row: d.row, column };
    if (columnIndex !== undefined) problem.columnIndex = columnIndex;
    problem.level = level;
    problem.message = message;
    if (unit !== undefined) problem.unit = this.ctx.units[unit].name;
    this.problems.push(problem as JudgmentProblem);
  }

  /** A problem of an order-level check: listed only for the rows of the scenario being resolved. */
  private warn(d: ParsedDecision, column: Column, level: JudgmentLevel, message: string): void {
    if (listedIn(d) === this.scenario) this.add(d, column, level, message, this.unit);
  }

  outcome(): JudgmentOutcome {
    const { ctx, parsed } = this;
    for (let i = 0; i < parsed.length; i++) this.find(parsed[i]);
    this.resolveScenario("actual");
    this.resolveScenario("pending");
    const decisions = parsed.map((d) => this.resolved(d));
    const orders = new Map<string, JudgedOrder>();
    this.byOrder.forEach(({ hit, rows, actual, pending }, id) => {
      orders.set(id, { unit: hit.unit, order: hit.order, decisions: rows, actual: actual!, pending: pending! });
    });
    // Every problem names the unit its row belongs to, so that the unit's result row can say so.
    const unitOfRow = new Map<number, number | undefined>();
    for (const d of parsed) unitOfRow.set(d.row, this.unitOf(d));
    const named = this.problems.map((p) => {
      const unit = unitOfRow.get(p.row);
      return unit === undefined ? p : { ...p, unit: ctx.units[unit].name };
    });
    const errorRows = new Map<number, number | undefined>();
    for (const p of named) if (p.level === "error") errorRows.set(p.row, unitOfRow.get(p.row));
    return { decisions, orders, problems: named.sort((a, b) => a.row - b.row), errorRows };
  }

  /**
   * Each judged order's applicable rows and effect in scenario `s`. Indexed loops and named fields: this runs
   * once per import over every judged order, mostly before the JIT has compiled it.
   */
  private resolveScenario(s: Scenario): void {
    const { parsed, bad } = this;
    this.scenario = s;
    const merged = new Set<string>();
    for (const d of parsed) if (d.kind === "重复工单" && counts(d, s) && !bad.has(d.index)) merged.add(d.id);
    const applied = this.applied[s];
    if (s === "actual") this.mergedActual = merged;
    for (const entry of this.byOrder.values()) {
      this.unit = entry.hit.unit;
      if (s === "pending" && this.asActual(entry, merged)) {
        entry.pending = entry.actual;
        for (let k = 0; k < entry.chosen!.length; k++) applied.add(entry.chosen![k].index);
        continue;
      }
      const candidates: ParsedDecision[] = [];
      const rows = entry.rows;
      for (let k = 0; k < rows.length; k++) if (counts(parsed[rows[k]], s) && !bad.has(rows[k])) candidates.push(parsed[rows[k]]);
      const chosen = this.applicable(candidates, merged);
      const effect = this.effectOf(entry.hit.order, chosen);
      if (s === "actual") {
        entry.actual = effect;
        entry.chosen = chosen;
      } else entry.pending = effect;
      for (let k = 0; k < chosen.length; k++) applied.add(chosen[k].index);
    }
  }

  /**
   * Whether the pending scenario resolves an order as the actual one did: no usable 待定 row (the same
   * candidates) and no 重复工单 candidate whose parent is merged in one scenario only. Its problems would all be
   * of 成立 rows, which only the actual scenario lists, so the actual effect and rows are taken as they are.
   */
  private asActual(entry: OrderEntry, merged: ReadonlySet<string>): boolean {
    const { parsed, bad } = this;
    const rows = entry.rows;
    for (let k = 0; k < rows.length; k++) {
      const d = parsed[rows[k]];
      if (bad.has(rows[k]) || !counts(d, "pending")) continue;
      if (d.conclusion === "待定") return false;
      if (d.kind === "重复工单" && merged.has(d.parent!) !== this.mergedActual!.has(d.parent!)) return false;
    }
    return true;
  }

  /**
   * The row with its order's unit and whether it applies in each scenario. Written out rather than spread: V8
   * copies these objects by spread at several microseconds each (50 ms for 10,000 rows).
   */
  private resolved(d: ParsedDecision): ResolvedDecision {
    const unit = this.units.get(d.index);
    const applied = this.applied.actual.has(d.index);
    const appliedIfPending = this.applied.pending.has(d.index);
    const { index, row, id, unitCell, kindCell, conclusionCell, kind, conclusion, callback, parent, proposed, decided, error } = d;
    return unit === undefined
      ? { index, row, id, unitCell, kindCell, conclusionCell, kind, conclusion, callback, parent, proposed, decided, error, applied, appliedIfPending }
      : { index, row, id, unitCell, kindCell, conclusionCell, kind, conclusion, callback, parent, proposed, decided, error, unit, applied, appliedIfPending };
  }

  /** The unit a row belongs to: its counted order's, else the recognisable unit typed in 承办单位, else none. */
  private unitOf(d: ParsedDecision): number | undefined {
    const counted = this.units.get(d.index);
    if (counted !== undefined) return counted;
    if (isBlank(d.unitCell)) return undefined;
    const org = this.ctx.registry.resolve(cellText(d.unitCell));
    const index = org === undefined ? -1 : this.ctx.units.indexOf(org);
    return index < 0 ? undefined : index;
  }

  /** The row's order in the ledger, and the checks against it. */
  private find(d: ParsedDecision): void {
    const { ctx } = this;
    if (d.error) this.bad.add(d.index);
    if (d.id === "") return;
    const hit = ctx.found.get(d.id);
    if (hit === undefined || !("order" in hit)) {
      if (hit === undefined && ctx.scope === "year") this.bad.add(d.index);
      const level = hit !== undefined || ctx.scope === "part" ? "warning" : "error";
      this.add(d, "工单编号", level, hit === undefined ? M.notInLedger(d.id, ctx.scope === "year") : M.orderNotCounted(d.id, hit.uncountedRow));
      return;
    }
    this.units.set(d.index, hit.unit);
    const entry = this.byOrder.get(d.id);
    if (entry) entry.rows.push(d.index);
    else this.byOrder.set(d.id, { hit, rows: [d.index], actual: undefined, pending: undefined, chosen: undefined });
    if (this.checkOrder(d, hit.unit, hit.order)) this.bad.add(d.index);
  }

  /** Checks of a row against its order: 承办单位, the merge parent, 申诉期限. True when it is an error. */
  private checkOrder(d: ParsedDecision, unit: number, order: StoredOrder): boolean {
    const { ctx } = this;
    let error = false;
    if (!isBlank(d.unitCell)) {
      const org = ctx.registry.resolve(cellText(d.unitCell));
      if (org !== ctx.units[unit]) {
        this.add(d, "承办单位", "error", M.wrongUnit(cellText(d.unitCell), d.id, ctx.units[unit].name), unit);
        error = true;
      }
    }
    if (d.kind === "重复工单" && d.parent !== undefined && d.parent !== "" && d.parent !== d.id) {
      const parent = ctx.found.get(d.parent);
      if (parent === undefined || !("order" in parent)) {
        const year = ctx.scope === "year" && parent === undefined;
        this.add(d, "更正为", year ? "error" : "warning", parent === undefined ? M.parentNotInLedger(d.parent, year) : M.orderNotCounted(d.parent, parent.uncountedRow), unit);
        error ||= year;
      } else if (parent.unit !== unit) {
        this.add(d, "更正为", "error", M.parentOtherUnit(d.parent, ctx.units[parent.unit].name, ctx.units[unit].name), unit);
        error = true;
      }
    }
    if (ctx.appealDays !== undefined && !Number.isNaN(d.proposed) && !Number.isNaN(order.dispatched)) {
      // The last day to propose: the end of the dispatch month plus 申诉期限 days (that whole day counts).
      const limit = monthStartSeconds(monthIndexOf(order.dispatched) + 1) + ctx.appealDays * DAY;
      if (d.proposed >= limit) this.add(d, "提出日期", "warning", M.lateAppeal(ctx.appealDays), unit);
    }
    return error;
  }

  /**
   * The rows that apply among a scenario's candidates: two of one 研判事项 on the order are an error at both
   * (neither applies); a merge into an order itself merged is an error.
   */
  private applicable(candidates: readonly ParsedDecision[], merged: ReadonlySet<string>): ParsedDecision[] {
    const chosen: ParsedDecision[] = [];
    for (const d of candidates) {
      const others = candidates.length === 1 ? NO_ROWS : candidates.filter((o) => o !== d && o.kind === d.kind).map((o) => o.row);
      if (others.length > 0) this.warn(d, "研判事项", "error", M.twice(d.kind!, others));
      else if (d.kind === "重复工单" && merged.has(d.parent!)) this.warn(d, "更正为", "error", M.parentMerged(d.parent!));
      else chosen.push(d);
    }
    return chosen;
  }

  /** The effect of the applicable rows on the order; a row that changes nothing is a warning. */
  private effectOf(o: StoredOrder, rows: readonly ParsedDecision[]): Effect {
    const leaving = rows.find((d) => LEAVING_KINDS.includes(d.kind!));
    if (leaving) {
      for (const d of rows) if (d !== leaving) this.warn(d, "研判事项", "warning", M.overridden(d.kind!, leaving.kind!, leaving.row));
      return { leaves: true, callback: o.callback, noCallback: false, notReturned: false, notExtended: false, onTime: false };
    }
    const correction = rows.find((d) => d.kind === "回访更正");
    const callback = correction?.callback ?? o.callback;
    // noEffect's fields, written out (no copy of a fresh object per order).
    const e = { leaves: false, callback, noCallback: false, notReturned: false, notExtended: false, onTime: false };
    const closed = !Number.isNaN(o.closed);
    const valid = closed && this.ctx.classes.valid[callback] === 1;
    for (const d of rows) {
      let changes: boolean;
      switch (d.kind) {
        case "回访更正": changes = closed && callback !== o.callback; break;
        case "不满意不计": changes = closed && callback === Callback.Dissatisfied; e.noCallback ||= changes; break;
        case "不合理诉求": changes = valid; e.noCallback ||= changes; break;
        case "退单合理": changes = o.returned === true; e.notReturned = changes; break;
        case "延期合理": changes = o.extended === true; e.notExtended = changes; break;
        case "超期免责": changes = isLate(o); e.onTime = changes; break;
        default: changes = true;
      }
      if (!changes) this.warn(d, "研判事项", "warning", M.noEffect(d.kind!));
    }
    return e;
  }
}
