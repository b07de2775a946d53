import { MSG } from "./messages";
import { excel15, formatPoints, roundDecimals } from "./numbers";
import type { Band, CaseRule, CategoryId, HotlineRuleSet, RateComparison, RateRule, RateRuleId, VolumeTier } from "./rules/types";
import type { CategoryResult, ExplanationLine, RateInput, UnitType } from "./types";

/** The rate as it is compared with band edges: Excel's 15 digits, then the table's optional rounding. */
export function comparableRate(rate: number, cmp: RateComparison): number {
  const r = excel15(rate, cmp.significantDigits);
  return cmp.percentDecimals === null ? r : excel15(roundDecimals(r * 100, cmp.percentDecimals) / 100);
}

function inBand(band: Band, rate: number): boolean {
  const from = band.from / 100;
  const to = band.to / 100;
  const aboveFrom = rate > from || (band.fromIncluded && rate === from);
  const belowTo = rate < to || (band.toIncluded && rate === to);
  return aboveFrom && belowTo;
}

export function findBand(rule: RateRule, rate: number, cmp: RateComparison): Band {
  return bandOf(rule, comparableRate(rate, cmp), rate);
}

/** The band of a rate already made comparable (`rate` names it in the error). */
function bandOf(rule: RateRule, comparable: number, rate: number): Band {
  const band = rule.bands.find((b) => inBand(b, comparable));
  if (!band) throw new RangeError(`rate ${rate} is outside 0..1 for ${rule.id}`);
  return band;
}

export function rateRule(rules: HotlineRuleSet, id: RateRuleId): RateRule {
  const rule = rules.rates.find((r) => r.id === id);
  if (!rule) throw new Error(`No rate rule ${id} in ${rules.year}`);
  return rule;
}

/**
 * Decimals to show a rate with: 2, or more when rounding to 2 would show it on the other side of an edge
 * (99.996% must not read "100.00%" next to a 5-point deduction). `same` says whether a shown value keeps the
 * outcome of the exact one.
 */
export function shownDecimals(rate: number, same: (shown: number) => boolean): number {
  for (const decimals of SHOWN_DECIMALS) {
    const shown = roundDecimals(rate * 100, decimals) / 100;
    if (same(shown)) return decimals;
  }
  return 10;
}

/** "98.50%" with the given decimals. */
export function formatRate(rate: number, decimals = 2): string {
  return `${roundDecimals(excel15(rate * 100), decimals).toFixed(decimals)}%`;
}

const SHOWN_DECIMALS = [2, 4, 6, 8] as const;

/**
 * bandDecimals already answered, per comparison, rule and rate: one run asks again for every rate it writes
 * (月度考核 shows each unit-month's rates with the decimals its scoring chose). Bounded, as the task pane lives long.
 */
const decimalsKnown = new WeakMap<RateComparison, WeakMap<RateRule, Map<number, number>>>();
const DECIMALS_KNOWN_LIMIT = 20_000;

/** Decimals that show a rate inside the band it was scored in (`band`: that band, when the caller has it). */
export function bandDecimals(rule: RateRule, rate: number, cmp: RateComparison, band?: Band): number {
  let byRule = decimalsKnown.get(cmp);
  if (!byRule) decimalsKnown.set(cmp, (byRule = new WeakMap()));
  let known = byRule.get(rule);
  if (!known) byRule.set(rule, (known = new Map()));
  let decimals = known.get(rate);
  if (decimals === undefined) {
    const scored = band ?? findBand(rule, rate, cmp);
    decimals = shownDecimals(rate, (shown) => shown >= 0 && shown <= 1 && findBand(rule, shown, cmp) === scored);
    if (known.size >= DECIMALS_KNOWN_LIMIT) known.clear();
    known.set(rate, decimals);
  }
  return decimals;
}

export interface RateOutcome {
  /** The rate, or null when there is no denominator. */
  readonly rate: number | null;
  readonly points: number;
  readonly line: ExplanationLine;
}

/** Deduction of one rate rule. Inputs must already be valid (0 ≤ rate ≤ 1, 0 ≤ numerator ≤ denominator). */
export function rateDeduction(rules: HotlineRuleSet, id: RateRuleId, input: RateInput): RateOutcome {
  const rule = rateRule(rules, id);
  const base = { rule: rule.id, item: rule.item, category: rule.category };
  if (input.kind === "count") {
    const { numerator: n, denominator: d } = input;
    if (!(Number.isInteger(n) && Number.isInteger(d) && n >= 0 && n <= d)) {
      throw new RangeError(`invalid counts ${n}/${d} for ${rule.id}`);
    }
    if (d === 0) {
      const points = rules.zeroDenominator.points;
      return {
        rate: null, points,
        line: { ...base, clause: rules.zeroDenominator.clause, input: MSG.zeroInput(rule.denominator), points: -points, note: MSG.zeroDenominator(rule.denominator) },
      };
    }
  } else if (!(input.rate >= 0 && input.rate <= 1)) {
    throw new RangeError(`invalid rate ${input.rate} for ${rule.id}`);
  }
  const rate = input.kind === "rate" ? input.rate : input.numerator / input.denominator;
  const comparable = comparableRate(rate, rules.comparison);
  const band = bandOf(rule, comparable, rate);
  const text = formatRate(rate, bandDecimals(rule, rate, rules.comparison, band));
  const shown = input.kind === "rate" ? text : `${text}（${input.numerator}/${input.denominator}）`;
  return {
    rate: comparable,
    points: band.points,
    line: { ...base, clause: band.clause ?? rule.clause, input: shown, band: band.text, points: -band.points },
  };
}

/** A per-case line: count × points, with the rule's clause. Bonus lines are positive, deductions negative. */
export function caseLine(rule: CaseRule, count: number, sign: 1 | -1): ExplanationLine {
  if (!(Number.isInteger(count) && count >= 0)) throw new RangeError(`invalid count ${count} for ${rule.id}`);
  return {
    rule: rule.id, item: rule.label, category: rule.category, clause: rule.clause,
    input: `${count}${rule.per}`, count, points: sign * excel15(count * rule.points),
  };
}

export function category(rules: HotlineRuleSet, id: CategoryId) {
  const c = rules.categories.find((x) => x.id === id);
  if (!c) throw new Error(`No category ${id} in ${rules.year}`);
  return c;
}

/** A category's deduction: the sum of its lines, capped at the category's points (扣完为止). */
export function categoryResult(rules: HotlineRuleSet, id: CategoryId, lines: readonly ExplanationLine[]): CategoryResult {
  const c = category(rules, id);
  const raw = excel15(lines.reduce((sum, l) => sum - l.points, 0));
  const deduction = Math.min(raw, c.cap);
  return { id: c.id, name: c.name, cap: c.cap, raw, deduction, capApplied: raw > c.cap, lines };
}

function caseRules(rules: HotlineRuleSet, categoryId: string): CaseRule[] {
  return rules.cases.filter((c) => c.category === categoryId);
}

/** Counts of per-case items, by case rule id; a missing id is 0. */
export type CaseCounts = Readonly<Record<string, number>>;

function caseLines(list: readonly CaseRule[], counts: CaseCounts, sign: 1 | -1): ExplanationLine[] {
  return list.filter((r) => (counts[r.id] ?? 0) > 0).map((r) => caseLine(r, counts[r.id], sign));
}

/** Rate inputs by rate rule id. */
export type RateInputs = Readonly<Record<RateRuleId, RateInput>>;

/**
 * One category's deduction: the bands of its rates (in the table's order), then its per-case items, capped at
 * the category's points. Every rate of the category must have an input.
 */
export function categoryScore(
  rules: HotlineRuleSet, id: CategoryId, rates: RateInputs, counts: CaseCounts,
): CategoryResult & { readonly rates: Readonly<Record<RateRuleId, number | null>> } {
  const outcomes = rules.rates.filter((r) => r.category === id).map((r) => {
    const input = rates[r.id];
    if (!input) throw new Error(`No input for rate ${r.id}`);
    return [r.id, rateDeduction(rules, r.id, input)] as const;
  });
  const lines = [...outcomes.map(([, o]) => o.line), ...caseLines(caseRules(rules, id), counts, -1)];
  return { ...categoryResult(rules, id, lines), rates: Object.fromEntries(outcomes.map(([rid, o]) => [rid, o.rate])) };
}

/** 工单办理 (2021): 办结率 band plus per-case items, capped at 30. */
export function handlingResult(rules: HotlineRuleSet, completion: RateInput, counts: CaseCounts): CategoryResult & { rate: number | null } {
  const result = categoryScore(rules, "handling", { completion }, counts);
  return { ...result, rate: result.rates.completion };
}

/** 日常工作配合 (2021): per-case items, capped at 20. */
export function cooperationResult(rules: HotlineRuleSet, counts: CaseCounts): CategoryResult {
  return categoryScore(rules, "cooperation", {}, counts);
}

/** The rate inputs of every rate rule from counts by label (按期办结数, 应办结数, … as the rules name them). */
export function rateInputs(rules: HotlineRuleSet, counts: object): RateInputs {
  const byLabel = counts as Readonly<Record<string, unknown>>;
  return Object.fromEntries(rules.rates.map((r) => {
    const [numerator, denominator] = [byLabel[r.numerator], byLabel[r.denominator]];
    if (typeof numerator !== "number" || typeof denominator !== "number") throw new Error(`No count ${r.numerator} or ${r.denominator}`);
    return [r.id, { kind: "count", numerator, denominator }];
  }));
}

/** 月均办件量 when it is not given: 工单总量 ÷ the months assessed (spec A). */
export function monthlyAverage(total: number, months: number): number {
  if (!(months > 0)) throw new RangeError(`invalid months ${months}`);
  return total / months;
}

export interface BonusResult {
  readonly points: number;
  readonly raw: number;
  readonly capApplied: boolean;
  readonly lines: readonly ExplanationLine[];
}

/** 加分项: 月均办件量 over the unit type's threshold, plus per-case bonuses; capped when the table says so. */
export function bonusResult(rules: HotlineRuleSet, type: UnitType, monthlyAverage: number, counts: CaseCounts): BonusResult {
  if (!(monthlyAverage >= 0)) throw new RangeError(`invalid monthly average ${monthlyAverage}`);
  const lines: ExplanationLine[] = [];
  const avg = excel15(monthlyAverage);
  const tier = volumeTier(rules.bonus.volume, type, avg);
  if (tier) {
    lines.push({
      rule: "volume", item: "月均办件量", category: "bonus", clause: tier.clause,
      input: MSG.volumeInput(formatAverage(avg, tier.over), type, tier.included, tier.over), points: tier.points,
    });
  }
  lines.push(...caseLines(rules.bonus.cases, counts, 1));
  const raw = excel15(lines.reduce((s, l) => s + l.points, 0));
  const cap = rules.bonus.cap;
  const points = cap === null ? raw : Math.min(raw, cap);
  return { points, raw, capApplied: cap !== null && raw > cap, lines };
}

/** The tier of the unit's type with the highest points whose threshold the average passes (tiers never add up). */
function volumeTier(tiers: readonly VolumeTier[], type: string, avg: number): VolumeTier | undefined {
  let best: VolumeTier | undefined;
  for (const t of tiers) {
    const passed = t.included ? avg >= t.over : avg > t.over;
    if (t.type === type && passed && (!best || t.points > best.points)) best = t;
  }
  return best;
}

/** 月均办件量 with 2 decimals, or more when 2 would make it look no greater than the threshold (1000.001, not "1000"). */
function formatAverage(avg: number, over: number): string {
  for (const decimals of [2, 4, 6]) {
    const shown = roundDecimals(avg, decimals);
    if (shown > over || shown === avg) return formatPoints(shown);
  }
  return formatPoints(avg);
}

export type CategoryDeductions = Readonly<Record<CategoryId, number>>;

/** Total = 100 − Σ(each category's deduction capped at its points) + bonus. */
export function totalScore(rules: HotlineRuleSet, deductions: CategoryDeductions, bonus: number): number {
  let total = rules.totalPoints;
  for (const c of rules.categories) {
    const d = deductions[c.id];
    if (!(d >= 0)) throw new RangeError(`invalid deduction ${d} for ${c.id}`);
    total -= Math.min(d, c.cap);
  }
  if (!(bonus >= 0)) throw new RangeError(`invalid bonus ${bonus}`);
  const cappedBonus = rules.bonus.cap === null ? bonus : Math.min(bonus, rules.bonus.cap);
  return excel15(total + cappedBonus);
}

export interface HotlineUnitInput {
  readonly type: UnitType;
  /** An input for every rate rule of the table (see rateInputs). */
  readonly rates: RateInputs;
  /** 扣分登记 counts by case rule id. */
  readonly cases: CaseCounts;
  /** 加分登记 counts by bonus rule id. */
  readonly bonusCases: CaseCounts;
  readonly monthlyAverage: number;
}

export interface HotlineUnitScore {
  /** One result per category of the table, in its order. */
  readonly categories: readonly CategoryResult[];
  readonly rates: Readonly<Record<RateRuleId, number | null>>;
  readonly deduction: number;
  readonly bonus: BonusResult;
  readonly total: number;
}

/** One unit's whole score, every point explained by a line. */
export function scoreUnit(rules: HotlineRuleSet, input: HotlineUnitInput): HotlineUnitScore {
  const scored = rules.categories.map((c) => categoryScore(rules, c.id, input.rates, input.cases));
  const categories = scored.map(({ rates: _rates, ...result }) => result);
  const bonus = bonusResult(rules, input.type, input.monthlyAverage, input.bonusCases);
  const deductions = Object.fromEntries(categories.map((c) => [c.id, c.deduction]));
  return {
    categories,
    rates: Object.fromEntries(rules.rates.map((r) => [r.id, scored.find((c) => r.id in c.rates)?.rates[r.id] ?? null])),
    deduction: excel15(categories.reduce((s, c) => s + c.deduction, 0)),
    bonus,
    total: totalScore(rules, deductions, bonus.points),
  };
}
