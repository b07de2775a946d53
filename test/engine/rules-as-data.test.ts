/*
 * The method is data (spec G): categories, rates, case kinds, volume tiers and the callback rule come from the
 * rule set, so a method with another shape is scored without code changes. Expected values are worked out by
 * hand from the rules written in each test.
 */
import {
  bonusResult, monthlyAverage, rateInputs, ruleSet, scoreUnit, type HotlineRuleSet, type HotlineUnitInput,
} from "../../src/engine";
import { basicCountsAsSatisfied, callbackClass, callbackRule } from "../../src/engine/rules/callbacks";
import { checkHotlineRules } from "../../src/engine/rules/check";
import { RATE_KINDS } from "../../src/engine/rules/rates";

const RULES = ruleSet(2021).hotline;

/** 2021 with 日常工作配合 cut to 15 and a new category 工单质量 (5 points) holding one new case kind. */
const WITH_QUALITY: HotlineRuleSet = {
  ...RULES,
  categories: [
    ...RULES.categories.map((c) => (c.id === "cooperation" ? { ...c, cap: 15 } : c)),
    { id: "quality", name: "工单质量", cap: 5, clause: "工单质量（5分）" },
  ],
  cases: [...RULES.cases, { id: "wrongCategory", category: "quality", label: "工单分类错误", synonyms: [], points: 1, per: "件", clause: "工单分类错误1件扣1分" }],
};

const perfect = (rules: HotlineRuleSet, extra: Partial<HotlineUnitInput> = {}): HotlineUnitInput => ({
  type: "县区",
  rates: Object.fromEntries(rules.rates.map((r) => [r.id, { kind: "rate" as const, rate: r.id === "completion" || r.id === "satisfaction" ? 1 : 0 }])),
  cases: {}, bonusCases: {}, monthlyAverage: 0, ...extra,
});

describe("scoreUnit scores every category of the rule set, in its order", () => {
  test("a new category with a new case kind: 7 cases capped at its 5 points", () => {
    expect(checkHotlineRules(WITH_QUALITY)).toBe(WITH_QUALITY);
    const score = scoreUnit(WITH_QUALITY, perfect(WITH_QUALITY, { cases: { wrongCategory: 7 } }));
    expect(score.categories.map((c) => [c.name, c.deduction])).toEqual([
      ["工单办理", 0], ["退单率", 0], ["延期率", 0], ["群众满意率", 0], ["日常工作配合", 0], ["工单质量", 5],
    ]);
    expect(score.categories[5]).toMatchObject({ raw: 7, capApplied: true });
    expect(score.total).toBe(95);
  });
  test("the changed cap applies: 4 无理由推诿 (20 points) cost 15", () => {
    expect(scoreUnit(WITH_QUALITY, perfect(WITH_QUALITY, { cases: { shirking: 4 } })).total).toBe(85);
  });
  test("a rate rule without an input is a misuse, not a perfect score", () => {
    const input = perfect(RULES);
    const { satisfaction: _omitted, ...rates } = input.rates;
    expect(() => scoreUnit(RULES, { ...input, rates })).toThrow(/satisfaction/);
  });
});

describe("rate inputs come from the rate definitions (spec A, F)", () => {
  test("each rate divides the counts its definition names", () => {
    expect(RATE_KINDS.map((k) => [k.item, k.numerator, k.denominator])).toEqual([
      ["办结率", "按期办结数", "应办结数"], ["退单率", "退单数", "工单总量"], ["延期率", "延期申请数", "工单总量"], ["满意率", "满意数", "有效回访数"],
    ]);
    const counts = { 工单总量: 100, 应办结数: 90, 按期办结数: 89, 退单数: 6, 延期申请数: 2, 有效回访数: 50, 满意数: 40 };
    expect(rateInputs(RULES, counts)).toEqual({
      completion: { kind: "count", numerator: 89, denominator: 90 },
      returned: { kind: "count", numerator: 6, denominator: 100 },
      extension: { kind: "count", numerator: 2, denominator: 100 },
      satisfaction: { kind: "count", numerator: 40, denominator: 50 },
    });
  });
  test("a missing count is a misuse", () => {
    expect(() => rateInputs(RULES, { 工单总量: 1 })).toThrow(/按期办结数|应办结数/);
  });
  test("月均办件量 = 工单总量 ÷ 考核月数", () => {
    expect(monthlyAverage(12001, 12)).toBe(12001 / 12);
    expect(monthlyAverage(3000, 3)).toBe(1000);
    expect(() => monthlyAverage(10, 0)).toThrow();
  });
});

describe("办件量加分 tiers: the highest points whose threshold is passed, never their sum", () => {
  const tiers: HotlineRuleSet = {
    ...RULES,
    bonus: {
      ...RULES.bonus,
      volume: [
        { type: "县区", over: 1000, included: false, points: 5, clause: "县区超过1000件加5分" },
        { type: "县区", over: 1500, included: true, points: 10, clause: "县区达到1500件加10分" },
      ],
    },
  };
  test.each([
    [1000, 0], [1000.5, 5], [1499.99, 5], [1500, 10], [3000, 10],
  ])("县区 %d → %d", (avg, points) => {
    expect(bonusResult(tiers, "县区", avg, {}).points).toBe(points);
  });
  test("a type without a tier gets none", () => {
    expect(bonusResult(tiers, "市直", 5000, {}).points).toBe(0);
  });
  test("the explanation quotes the tier that counted", () => {
    expect(bonusResult(tiers, "县区", 1500, {}).lines[0]).toMatchObject({ clause: "县区达到1500件加10分", input: "1500件（县区达到1500件）" });
  });
});

describe("the callback rule (参数 基本满意计为满意)", () => {
  test("2021: 满意 and 基本满意 satisfied, 不满意 valid but not satisfied, refusals not valid", () => {
    const rule = RULES.callbacks;
    expect(["满意", "基本满意", "不满意", "未回访", "拒访", "无法联系", "很好"].map((w) => callbackClass(rule, w))).toEqual([
      "satisfied", "satisfied", "unsatisfied", "notValid", "notValid", "notValid", undefined,
    ]);
    expect(basicCountsAsSatisfied(rule)).toBe(true);
  });
  test("否: 基本满意 is a valid callback that is not satisfied", () => {
    const rule = callbackRule(false, "x");
    expect(callbackClass(rule, "基本满意")).toBe("unsatisfied");
    expect(callbackClass(rule, "满意")).toBe("satisfied");
    expect(basicCountsAsSatisfied(rule)).toBe(false);
  });
});
