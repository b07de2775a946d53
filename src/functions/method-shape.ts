/*
 * The twelve functions of spec D have the 2021 method's shape: five categories, four rates, nine case kinds, eight
 * bonus kinds, by their built-in ids. A workbook's method may differ (spec G). Where a function meets a method
 * without the part it computes, or with a part it cannot take as an argument, it says so (#N/A) instead of giving a
 * number that silently leaves something out. RATE_DEDUCT and CASE_POINTS take the method's own names.
 */
import { normalizeName, ruleSet, type CaseCounts, type CaseRule, type HotlineRuleSet, type RateRule, type RuleSet } from "../engine";
import { arg, count, errorOf } from "./arguments";
import { HOST_MSG } from "./messages";

/** The rate rule `id` of the method, or #N/A naming what is missing. */
export function methodRate(rules: RuleSet, fn: string, id: string, item: string, category?: string): RateRule {
  const rule = rules.hotline.rates.find((r) => r.id === id);
  if (!rule || (category !== undefined && rule.category !== category)) throw errorOf("na", HOST_MSG.noRate(fn, item));
  return rule;
}

/**
 * A category computed with the 2021 shape: it must exist and hold exactly the rates `rateIds` (in the function's
 * arguments); a rate of another kind in it cannot be passed to the function.
 */
export function methodCategory(rules: RuleSet, fn: string, id: string, name: string, rateIds: readonly string[]) {
  const category = rules.hotline.categories.find((c) => c.id === id);
  if (!category) throw errorOf("na", HOST_MSG.noCategory(fn, name));
  const extra = rules.hotline.rates.filter((r) => r.category === id && !rateIds.includes(r.id));
  if (extra.length > 0) throw errorOf("na", HOST_MSG.categoryShape(fn, category.name, HOST_MSG.rateBands(extra.map((r) => r.item)), ruleSet().hotline.title));
  return category;
}

/** One count argument of a 2021-shape function: the case kind's built-in id, the count, and the argument's name. */
export interface CountArg {
  readonly id: string;
  readonly count: number;
  readonly field: string;
  /** The 2021 label, named when the method lacks the kind. */
  readonly label: string;
}

/** A function's count parameters: [case id, parameter name, meaning, 2021 label] per parameter. */
export type CountParams = readonly (readonly [id: string, name: string, meaning: string, label: string])[];

/** The count arguments as Excel passed them (`raw`, in parameter order), converted. */
export function countArgs(params: CountParams, raw: readonly unknown[]): CountArg[] {
  return params.map(([id, name, meaning, label], i) => ({ id, label, field: arg(name, meaning), count: count(raw[i], name, meaning) }));
}

/** Counts by case id; a count given for a kind the method lacks (in `category`, or as a bonus) is #N/A. */
export function methodCounts(cases: readonly CaseRule[], category: string | undefined, args: readonly CountArg[]): CaseCounts {
  for (const a of args) {
    const rule = cases.find((c) => c.id === a.id);
    if (a.count > 0 && (!rule || (category !== undefined && rule.category !== category))) throw errorOf("na", HOST_MSG.noCase(a.field, a.label));
  }
  return Object.fromEntries(args.map((a) => [a.id, a.count]));
}

/**
 * HOTLINE_SCORE's deductions by the method's categories: every category of the method must be one of the five
 * arguments; an argument for a category the method lacks must be 0.
 */
export function methodDeductions(rules: HotlineRuleSet, fn: string, given: readonly { id: string; name: string; deduction: number }[]) {
  const extra = rules.categories.filter((c) => !given.some((g) => g.id === c.id));
  if (extra.length > 0) throw errorOf("na", HOST_MSG.extraCategories(extra.map((c) => c.name)));
  for (const g of given) {
    if (g.deduction > 0 && !rules.categories.some((c) => c.id === g.id)) throw errorOf("na", HOST_MSG.noCategory(fn, g.name));
  }
  return Object.fromEntries(given.map((g) => [g.id, g.deduction]));
}

const key = (text: string) => normalizeName(text);

/** The method's rate whose 项目 (or whose category's name, when the category has only that rate) is `name`. */
export function rateByName(rules: HotlineRuleSet, name: string): RateRule | undefined {
  const k = key(name);
  const byItem = rules.rates.find((r) => key(r.item) === k);
  if (byItem) return byItem;
  const category = rules.categories.find((c) => key(c.name) === k);
  const inCategory = category ? rules.rates.filter((r) => r.category === category.id) : [];
  return inCategory.length === 1 ? inCategory[0] : undefined;
}

/** Every per-case kind of the method: deductions (按件扣分) and bonuses (按件加分). */
export function caseKinds(rules: HotlineRuleSet): readonly CaseRule[] {
  return [...rules.cases, ...rules.bonus.cases];
}

/** The case or bonus kind named `name` (its 项目, or an accepted spelling of it). */
export function caseByName(rules: HotlineRuleSet, name: string): CaseRule | undefined {
  const k = key(name);
  return caseKinds(rules).find((c) => [c.label, ...c.synonyms].some((s) => key(s) === k));
}
