import { MSG } from "./messages";
import { excel15 } from "./numbers";
import { formatRate, shownDecimals } from "./hotline";
import type { Organization, Registry } from "./registry";
import type { ApprovalItem, ApprovalRuleSet, ApprovalTarget } from "./rules/types";
import type { ExplanationLine, Problem } from "./types";
import { isBlank, problem, type Status, type Where } from "./values";

export function approvalItem(rules: ApprovalRuleSet, no: number): ApprovalItem {
  const item = rules.items.find((i) => i.no === no);
  if (!item) throw new RangeError(`No approval item ${no} in ${rules.year}`);
  return item;
}

/** Whether item `no` applies to the organisation (涉及部门). */
export function applies(rules: ApprovalRuleSet, registry: Registry, org: Organization, no: number): boolean {
  return approvalItem(rules, no).appliesTo.some((name) => registry.resolve(name) === org);
}

export function targetMet(target: ApprovalTarget, rate: number): boolean {
  const r = excel15(rate);
  const min = target.min / 100;
  return target.minIncluded ? r >= min : r > min;
}

/** The item whose status is derived from its parts (2021: 事项6), if the method has one. */
export function derivedItem(rules: ApprovalRuleSet): ApprovalItem | undefined {
  return rules.items.find((i) => i.status === "derived");
}

/** The derived item's targets (2021: 事项6 part (2), five rates, each "不低于" its minimum). Lines name every target missed. */
export function targetsResult(rules: ApprovalRuleSet, rates: Readonly<Record<string, number>>, targets = rules.derived.targets) {
  const lines: ExplanationLine[] = [];
  const no = derivedItem(rules)?.no;
  for (const t of targets) {
    if (!targetMet(t, rates[t.id])) {
      const shown = formatRate(rates[t.id], shownDecimals(rates[t.id], (x) => !targetMet(t, x)));
      lines.push({
        rule: `item${no}.${t.id}`, item: t.label, category: "veto", clause: rules.derived.clause,
        input: shown, points: 0, note: MSG.targetMissed(t.label, shown, t.min),
      });
    }
  }
  return { met: lines.length === 0, lines };
}

/** VETO_SCORE: the cap if any status is "not done", else 0. Not-applicable entries are ignored. */
export function vetoFromStatuses(rules: ApprovalRuleSet, statuses: readonly Status[]): number {
  return statuses.some((s) => s === "notDone") ? rules.cap : 0;
}

/** A cell of the department's row: its parsed value, what was typed, and where it is. */
export interface Cell<T> {
  readonly value: T;
  readonly raw: unknown;
  readonly field: string;
  readonly at?: Where;
}

export interface DepartmentInput {
  readonly org: Organization;
  /** Items 1..n in order. */
  readonly items: readonly Cell<Status>[];
  /** The derived item's parts and targets by id (rules.derived); a null value is a blank cell. */
  readonly parts: Readonly<Record<string, Cell<Status | null>>>;
  readonly targets: Readonly<Record<string, Cell<number | null>>>;
  /** 印证资料报送日期 as YYYY-MM-DD, or null when not given (filed earlier counts as in time). */
  readonly evidenceDate: Cell<string | null>;
}

export interface DepartmentResult {
  readonly deduction: number;
  /** Item numbers not done. */
  readonly failed: readonly number[];
  /** Evidence items marked done whose evidence came after the deadline, so counted as not done. */
  readonly late: readonly number[];
  /** Evidence items marked done with no evidence date: counted as filed earlier, in time (spec G), worth a check. */
  readonly filedEarlier: readonly number[];
  readonly lines: readonly ExplanationLine[];
  /** Errors (the department is not judged) and warnings. */
  readonly problems: readonly Problem[];
}

export const STATUS_TEXT: Record<Status, string> = { done: "完成", notDone: "未完成", notApplicable: "不涉及" };

/**
 * The derived item from its parts when any is filled (spec B: done only when all parts are). A part that fails
 * decides "not done" even when others are blank; when none fails but some are blank, the entered status is
 * used if there is one, otherwise the department cannot be judged.
 */
function fromParts(rules: ApprovalRuleSet, item: ApprovalItem, input: DepartmentInput, entered: boolean, problems: Problem[]) {
  const { parts: partRules, targets: targetRules } = rules.derived;
  const parts = partRules.map((p) => input.parts[p.id]);
  const targets = targetRules.map((t) => input.targets[t.id]);
  const filled = parts.filter((p) => p.value !== null).length + targets.filter((t) => t.value !== null).length;
  if (filled === 0) return undefined;
  const lines: ExplanationLine[] = [];
  for (const p of partRules) {
    const value = input.parts[p.id].value;
    if (value !== null && value !== "done") {
      lines.push({
        rule: `item${item.no}.${p.id}`, item: p.label, category: "veto", clause: rules.derived.clause,
        input: STATUS_TEXT[value], points: 0, note: MSG.partNotDone(p.label, value !== "notDone"),
      });
    }
  }
  const known = targetRules.filter((t) => input.targets[t.id].value !== null);
  const rates = Object.fromEntries(known.map((t) => [t.id, input.targets[t.id].value as number]));
  lines.push(...targetsResult(rules, rates, known).lines);
  const missing = [...parts.filter((p) => p.value === null), ...targets.filter((t) => t.value === null)];
  const decided = lines.length > 0 || entered;
  for (const m of missing) {
    problems.push(problem("incomplete", "value", MSG.partsIncomplete(m.field, item.no), m.field, m.raw, m.at, decided ? "warning" : "error"));
  }
  if (lines.length > 0) return { status: "notDone" as Status, lines };
  return missing.length > 0 ? undefined : { status: "done" as Status, lines };
}

/** One department's veto: every applicable item must be done (evidence items with evidence in time, the derived item with all its parts). */
export function judgeDepartment(rules: ApprovalRuleSet, registry: Registry, input: DepartmentInput): DepartmentResult {
  if (input.org.approvalName === undefined) throw new Error(`${input.org.name} is not assessed by the approval method`);
  const problems: Problem[] = [];
  const lines: ExplanationLine[] = [];
  const failed: number[] = [];
  const late: number[] = [];
  const filedEarlier: number[] = [];
  const derivedNo = derivedItem(rules);
  const derived = derivedNo && fromParts(rules, derivedNo, input, !isBlank(input.items[derivedNo.no - 1].raw), problems);
  for (const item of rules.items) {
    const cell = input.items[item.no - 1];
    const applicable = applies(rules, registry, input.org, item.no);
    let status = cell.value;
    const blank = isBlank(cell.raw);
    if (!applicable) {
      if (status !== "notApplicable") {
        problems.push(problem("notApplicableItem", "value", MSG.statusGivenButNotApplicable(cell.field, cell.raw, item.no),
          cell.field, cell.raw, cell.at, "warning"));
      }
      continue;
    }
    const extra: ExplanationLine[] = [];
    if (item.status === "derived" && derived) {
      if (!blank && status !== derived.status) {
        problems.push(problem("conflict", "value", MSG.partsConflict(cell.field, cell.raw, STATUS_TEXT[derived.status]),
          cell.field, cell.raw, cell.at));
        continue;
      }
      status = derived.status;
      extra.push(...derived.lines);
    } else if (status === "notApplicable") {
      // Spec D: blank and 不涉及 mean "not applicable" (as VETO_SCORE reads them); the document lists this
      // department for the item, so the cell is flagged for checking but costs nothing.
      problems.push(problem("notApplicableItem", "value",
        blank ? MSG.statusMissing(cell.field, item.no) : MSG.statusNotApplicableButApplies(cell.field, cell.raw, item.no),
        cell.field, cell.raw, cell.at, "warning"));
      // Said in 扣分说明 too, so that a department with blank items never reads as "all items completed".
      lines.push({
        rule: `item${item.no}`, item: `事项${item.no}`, category: "veto", clause: item.clause,
        input: STATUS_TEXT.notApplicable, points: 0, note: MSG.countedNotApplicable(item.no, item.name, blank),
      });
      continue;
    }
    let note: string | undefined;
    const date = input.evidenceDate.value;
    if (item.status === "evidence" && status === "done" && date !== null && date > rules.evidenceDeadline) {
      status = "notDone";
      note = MSG.lateEvidence(item.no, date, rules.evidenceDeadline);
      late.push(item.no);
    } else if (item.status === "evidence" && status === "done" && date === null) {
      filedEarlier.push(item.no);
    }
    if (status === "notDone") failed.push(item.no);
    lines.push({
      rule: `item${item.no}`, item: `事项${item.no}`, category: "veto",
      clause: note ? `${item.clause}；${rules.evidenceClause}` : item.clause,
      input: STATUS_TEXT[status], points: 0, note: note ?? (status === "notDone" ? MSG.itemNotDone(item.no, item.name) : undefined),
    }, ...extra);
  }
  if (problems.some((p) => p.severity === "error")) return { deduction: 0, failed: [], late: [], filedEarlier: [], lines: [], problems };
  const deduction = failed.length > 0 ? rules.cap : 0;
  if (deduction > 0) {
    lines.push({
      rule: "veto", item: "一票否决", category: "veto", clause: rules.capClause,
      input: MSG.itemsNotDone(failed), points: -deduction,
    });
  }
  return { deduction, failed, late, filedEarlier, lines, problems };
}
