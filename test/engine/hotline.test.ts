import {
  bonusResult, categoryResult, hotlineExplanation, cooperationResult, handlingResult, parseRate, rateDeduction, ruleSet, scoreUnit,
  totalScore, type HotlineUnitInput, type RateInput, type RateRuleId,
} from "../../src/engine";
import { HOTLINE_2021 } from "../../src/engine/rules/hotline-2021";
import type { HotlineRuleSet } from "../../src/engine/rules/types";
import { COMPLETION, RETURN_OR_EXTENSION, SATISFACTION, type CountRow, type RateRow } from "./hotline-bands";

const RULES = ruleSet(2021).hotline;

function rateOf(raw: number | string): RateInput {
  const parsed = parseRate(raw, "比率");
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return { kind: "rate", rate: parsed.value };
}

const count = (row: CountRow): RateInput => ({ kind: "count", numerator: row.numerator, denominator: row.denominator });

function bandTests(id: RateRuleId, table: { rates: readonly RateRow[]; counts: readonly CountRow[] }) {
  test.each(table.rates.map((row) => [row.name, row] as const))("比率 %s", (_name, row) => {
    expect(rateDeduction(RULES, id, rateOf(row.rate)).points).toBe(row.points);
  });
  test.each(table.counts.map((row) => [row.name, row] as const))("件数 %s", (_name, row) => {
    expect(rateDeduction(RULES, id, count(row)).points).toBe(row.points);
  });
}

describe("附件2 工单办理·办结率（100%不扣分；99%—100%扣5分；98%—99%扣10分；97%—98%扣15分；97%以下扣30分）", () => {
  bandTests("completion", COMPLETION);
});

describe("附件2 退单率（低于5%不扣分；5%—10%扣3分；10%—15%扣6分；超过15%扣10分）", () => {
  bandTests("returned", RETURN_OR_EXTENSION);
});

describe("附件2 延期率（低于5%不扣分；5%—10%扣3分；10%—15%扣6分；超过15%扣10分）", () => {
  bandTests("extension", RETURN_OR_EXTENSION);
});

describe("附件2 群众满意率（达到80%不扣分；70%—80%扣10分；60%—70%扣20分；低于60%扣30分）", () => {
  bandTests("satisfaction", SATISFACTION);
});

describe("规则A 无工单（分母为0）：不计比率扣分，并说明原因", () => {
  test.each([
    ["completion", "应办结数为0，不计扣分"],
    ["returned", "无工单，不计扣分"],
    ["extension", "无工单，不计扣分"],
    ["satisfaction", "有效回访数为0，不计扣分"],
  ] as const)("%s 0/0 → 0，说明“%s”", (id, note) => {
    const outcome = rateDeduction(RULES, id, { kind: "count", numerator: 0, denominator: 0 });
    expect(outcome.points).toBe(0);
    expect(outcome.rate).toBeNull();
    expect(outcome.line.note).toBe(note);
  });
});

describe("比率扣分的说明行", () => {
  test("98.5% 落在 98%—99%，扣10分，并注明条款", () => {
    const { line } = rateDeduction(RULES, "completion", { kind: "rate", rate: 0.985 });
    expect(line).toMatchObject({ item: "办结率", input: "98.50%", band: "98%—99%", points: -10 });
    expect(line.clause).toContain("附件2");
  });
  test("件数形式写出分子分母：985/1000", () => {
    expect(rateDeduction(RULES, "completion", { kind: "count", numerator: 985, denominator: 1000 }).line.input)
      .toBe("98.50%（985/1000）");
  });
  test("=1.13-0.14 显示为 99.00%，与所在档次一致", () => {
    const { line } = rateDeduction(RULES, "completion", { kind: "rate", rate: 1.13 - 0.14 });
    expect(line.input).toBe("99.00%");
    expect(line.band).toBe("99%—100%");
  });
  test("引擎拒绝无效输入（适配层应先校验）", () => {
    expect(() => rateDeduction(RULES, "completion", { kind: "rate", rate: 1.2 })).toThrow(RangeError);
    expect(() => rateDeduction(RULES, "completion", { kind: "count", numerator: 11, denominator: 10 })).toThrow(RangeError);
  });
});

describe("附件2 工单办理（30分）：办结率 + 未第一时间联系1分/件 + 反馈不符10分/件 + 反馈不规范2分/件，扣完为止", () => {
  const rate = (x: number): RateInput => ({ kind: "rate", rate: x });
  test.each([
    ["100%，无事项 → 0", 1, {}, 0, false],
    ["100%，未第一时间联系3件 → 3", 1, { notContacted: 3 }, 3, false],
    ["100%，反馈不符1件 → 10", 1, { feedbackFalse: 1 }, 10, false],
    ["100%，反馈不规范4件 → 8", 1, { feedbackPoor: 4 }, 8, false],
    ["98.5%（10）+ 反馈不符1件（10）→ 20", 0.985, { feedbackFalse: 1 }, 20, false],
    ["97%（15）+ 反馈不符1件 + 不规范2件 + 未联系1件 → 30（恰好满额，未超）", 0.97, { feedbackFalse: 1, feedbackPoor: 2, notContacted: 1 }, 30, false],
    ["97%以下（30）+ 未联系1件 → 30（上限）", 0.5, { notContacted: 1 }, 30, true],
    ["100% + 反馈不符4件（40）→ 30（上限）", 1, { feedbackFalse: 4 }, 30, true],
  ] as const)("%s", (_name, completion, counts, deduction, capApplied) => {
    const result = handlingResult(RULES, rate(completion), counts);
    expect(result.deduction).toBe(deduction);
    expect(result.capApplied).toBe(capApplied);
    expect(result.cap).toBe(30);
  });
});

describe("附件2 日常工作配合（20分）：知识库2/次，值班表2/次，领导接话日5/次，吹哨报到5/次，业务培训5/次，无理由推诿5/件，扣完为止", () => {
  test.each([
    ["无 → 0", {}, 0, false],
    ["知识库未按时更新1次 → 2", { knowledgeBase: 1 }, 2, false],
    ["值班表未按时报送2次 → 4", { dutyRoster: 2 }, 4, false],
    ["推脱领导接话日1次 → 5", { leaderDay: 1 }, 5, false],
    ["吹哨报到响应不及时1次 → 5", { whistle: 1 }, 5, false],
    ["未按邀请参加业务培训1次 → 5", { training: 1 }, 5, false],
    ["无理由推诿1件 → 5", { shirking: 1 }, 5, false],
    ["各1次 → 24，按上限20", { knowledgeBase: 1, dutyRoster: 1, leaderDay: 1, whistle: 1, training: 1, shirking: 1 }, 20, true],
    ["无理由推诿4件 → 20（恰好满额）", { shirking: 4 }, 20, false],
    ["无理由推诿5件 → 25，按上限20", { shirking: 5 }, 20, true],
  ] as const)("%s", (_name, counts, deduction, capApplied) => {
    const result = cooperationResult(RULES, counts);
    expect(result.deduction).toBe(deduction);
    expect(result.capApplied).toBe(capApplied);
  });

  test("工单办理的事项不计入日常工作配合", () => {
    expect(cooperationResult(RULES, { feedbackFalse: 3 }).deduction).toBe(0);
  });
});

describe("附件2 类别上限表", () => {
  test.each([
    ["工单办理", "handling", 30],
    ["退单率", "returned", 10],
    ["延期率", "extension", 10],
    ["群众满意率", "satisfaction", 30],
    ["日常工作配合", "cooperation", 20],
  ] as const)("%s 上限 %s → %i 分", (name, id, cap) => {
    const category = RULES.categories.find((c) => c.id === id);
    expect(category).toMatchObject({ name, cap });
  });
  test("各类上限合计100分", () => {
    expect(RULES.categories.reduce((s, c) => s + c.cap, 0)).toBe(100);
  });
  test("categoryResult 扣完为止：合计超过上限只扣上限", () => {
    const line = { rule: "x", item: "x", category: "returned", clause: "x", input: "x", points: -13 };
    expect(categoryResult(RULES, "returned", [line])).toMatchObject({ raw: 13, deduction: 10, capApplied: true });
  });
});

describe("附件2 加分项1：月平均办件量超过1000件的县区及250件的市直部门加10分（严格大于；其他单位不适用）", () => {
  test.each([
    ["县区 1000 → 0（未超过）", "县区", 1000, 0],
    ["县区 1000.01 → 10", "县区", 1000.01, 10],
    ["县区 1001 → 10", "县区", 1001, 10],
    ["县区 999 → 0", "县区", 999, 0],
    ["市直 250 → 0（未超过）", "市直", 250, 0],
    ["市直 250.01 → 10", "市直", 250.01, 10],
    ["市直 251 → 10", "市直", 251, 10],
    ["市直 1001 → 10", "市直", 1001, 10],
    ["其他 251 → 0（不适用）", "其他", 251, 0],
    ["其他 100000 → 0（不适用）", "其他", 100000, 0],
    ["县区 12001/12（1000.083…）→ 10", "县区", 12001 / 12, 10],
    ["县区 12000/12（1000）→ 0", "县区", 12000 / 12, 0],
  ] as const)("%s", (_name, type, average, points) => {
    expect(bonusResult(RULES, type, average, {}).points).toBe(points);
  });

  test("月均办件量的判断发生在15位有效数字上：1000.0000000000001 不超过1000", () => {
    expect(bonusResult(RULES, "县区", 1000.0000000000001, {}).points).toBe(0);
  });
});

describe("附件2 加分项2—4：表扬1/件，锦旗5/次，媒体采用国家级10/省级5/市级1，表彰国家级10/省级5/市级2", () => {
  test.each([
    ["群众表扬3件 → 3", { praise: 3 }, 3],
    ["群众锦旗2次 → 10", { banner: 2 }, 10],
    ["国家级媒体采用1次 → 10", { mediaNational: 1 }, 10],
    ["省级媒体采用1次 → 5", { mediaProvincial: 1 }, 5],
    ["市级媒体采用2次 → 2", { mediaCity: 2 }, 2],
    ["国家级表彰1次 → 10", { honorNational: 1 }, 10],
    ["省级表彰1次 → 5", { honorProvincial: 1 }, 5],
    ["市级表彰3次 → 6", { honorCity: 3 }, 6],
    ["全部各1 → 39", { praise: 1, banner: 1, mediaNational: 1, mediaProvincial: 1, mediaCity: 1, honorNational: 1, honorProvincial: 1, honorCity: 1 }, 39],
  ] as const)("%s", (_name, counts, points) => {
    expect(bonusResult(RULES, "其他", 0, counts).points).toBe(points);
  });

  test("办件量加分与个案加分相加，且加分不封顶（规则A）", () => {
    const result = bonusResult(RULES, "县区", 1500, { praise: 20, banner: 4, honorNational: 3 });
    expect(result.points).toBe(10 + 20 + 20 + 30);
    expect(result.capApplied).toBe(false);
    expect(RULES.bonus.cap).toBeNull();
  });
});

describe("总分 = 100 − Σ（各类扣分，各自不超过该类分值）+ 加分", () => {
  const none = { handling: 0, returned: 0, extension: 0, satisfaction: 0, cooperation: 0 };
  test.each([
    ["无扣分无加分 → 100", none, 0, 100],
    ["各类满额 → 0", { handling: 30, returned: 10, extension: 10, satisfaction: 30, cooperation: 20 }, 0, 0],
    ["超过上限的扣分按上限计 → 0", { handling: 45, returned: 13, extension: 99, satisfaction: 31, cooperation: 24 }, 0, 0],
    ["工单办理10 + 满意率10 + 加分10 → 90", { ...none, handling: 10, satisfaction: 10 }, 10, 90],
    ["无扣分 + 加分15 → 115（加分可使总分超过100）", none, 15, 115],
    ["小数扣分：延期3 + 配合0.5 → 96.5", { ...none, extension: 3, cooperation: 0.5 }, 0, 96.5],
  ] as const)("%s", (_name, deductions, bonus, total) => {
    expect(totalScore(RULES, deductions, bonus)).toBe(total);
  });
});

describe("scoreUnit：一个单位的附件2全表", () => {
  const unit = (over: Partial<HotlineUnitInput> = {}): HotlineUnitInput => ({
    type: "市直",
    rates: {
      completion: { kind: "count", numerator: 985, denominator: 1000 },
      returned: { kind: "count", numerator: 60, denominator: 1200 },
      extension: { kind: "count", numerator: 0, denominator: 1200 },
      satisfaction: { kind: "count", numerator: 790, denominator: 1000 },
    },
    cases: { feedbackFalse: 1, knowledgeBase: 1 },
    bonusCases: { praise: 2 },
    monthlyAverage: 100,
    ...over,
  });

  test("98.5%办结（10）+ 反馈不符1件（10）+ 退单5%（3）+ 满意率79%（10）+ 知识库1次（2）+ 表扬2件（2）→ 67", () => {
    const score = scoreUnit(RULES, unit());
    expect(score.categories.map((c) => [c.id, c.deduction])).toEqual([
      ["handling", 20], ["returned", 3], ["extension", 0], ["satisfaction", 10], ["cooperation", 2],
    ]);
    expect(score.deduction).toBe(35);
    expect(score.bonus.points).toBe(2);
    expect(score.total).toBe(67);
    expect(score.rates).toEqual({ completion: 0.985, returned: 0.05, extension: 0, satisfaction: 0.79 });
  });

  test("无工单的单位：比率项不扣分，比率为空", () => {
    const zero: RateInput = { kind: "count", numerator: 0, denominator: 0 };
    const score = scoreUnit(RULES, unit({
      rates: { completion: zero, returned: zero, extension: zero, satisfaction: zero }, cases: {}, bonusCases: {},
    }));
    expect(score.total).toBe(100);
    expect(score.rates).toEqual({ completion: null, returned: null, extension: null, satisfaction: null });
  });
});

describe("可配置的决定（规则A标注 configurable）改变规则表即改变结果", () => {
  const withRounding = (percentDecimals: number | null): HotlineRuleSet => ({
    ...HOTLINE_2021, comparison: { significantDigits: 15, percentDecimals },
  });
  test.each([
    ["不四舍五入（2021年规则）：98.99% → 10", null, 0.9899, 10],
    ["百分数取整：98.5% → 99% → 5", 0, 0.985, 5],
    ["百分数取整：98.49% → 98% → 10", 0, 0.9849, 10],
    ["保留1位小数：98.96% → 99.0% → 5", 1, 0.9896, 5],
    ["保留1位小数：98.94% → 98.9% → 10", 1, 0.9894, 10],
  ] as const)("%s", (_name, decimals, rate, points) => {
    expect(rateDeduction(withRounding(decimals), "completion", { kind: "rate", rate }).points).toBe(points);
  });

  test("办件量门槛改为“达到”（非严格）：县区1000 → 10", () => {
    const volume = HOTLINE_2021.bonus.volume.map((t) => ({ ...t, included: true }));
    const rules: HotlineRuleSet = { ...HOTLINE_2021, bonus: { ...HOTLINE_2021.bonus, volume } };
    expect(bonusResult(rules, "县区", 1000, {}).points).toBe(10);
  });

  test("“其他”单位可设为适用：超过500加5", () => {
    const volume = [...HOTLINE_2021.bonus.volume, { type: "其他" as const, over: 500, included: false, points: 5, clause: "加分项1" }];
    const rules: HotlineRuleSet = { ...HOTLINE_2021, bonus: { ...HOTLINE_2021.bonus, volume } };
    expect(bonusResult(rules, "其他", 501, {}).points).toBe(5);
    expect(bonusResult(rules, "其他", 500, {}).points).toBe(0);
  });

  test("加分设上限20：超出部分不计，并标明", () => {
    const rules: HotlineRuleSet = { ...HOTLINE_2021, bonus: { ...HOTLINE_2021.bonus, cap: 20 } };
    const result = bonusResult(rules, "县区", 1500, { banner: 3 });
    expect(result).toMatchObject({ raw: 25, points: 20, capApplied: true });
    expect(hotlineExplanation([], result, { clauses: false })).toBe("月均办件量1500件（县区超过1000件）加10分；群众锦旗3次加15分；加分合计25分，按上限加20分");
    expect(totalScore(rules, { handling: 0, returned: 0, extension: 0, satisfaction: 0, cooperation: 0 }, 25)).toBe(120);
  });
});
