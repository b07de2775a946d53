import { REGISTRY_2021, RULE_SETS, ruleSet } from "../../../src/engine";
import { APPROVAL_2021 } from "../../../src/engine/rules/approval-2021";
import { checkApprovalRules, checkBands, checkHotlineRules } from "../../../src/engine/rules/check";
import { HOTLINE_2021 } from "../../../src/engine/rules/hotline-2021";
import type { Band, HotlineRuleSet } from "../../../src/engine/rules/types";

const band = (from: number, fromIncluded: boolean, to: number, toIncluded: boolean, points = 0): Band => ({
  from, fromIncluded, to, toIncluded, points, text: `${fromIncluded ? "[" : "("}${from}%,${to}%${toIncluded ? "]" : ")"}`,
});

describe("规则表加载检查：比率档次须覆盖0%—100%，无缺口、无重叠，每个边界恰属一档，分值不为负", () => {
  test("合法：[0,50) [50,100]", () => {
    expect(() => checkBands("t", [band(0, true, 50, false), band(50, true, 100, true)])).not.toThrow();
  });
  test("合法：顺序无关 [50,100] [0,50)", () => {
    expect(() => checkBands("t", [band(50, true, 100, true), band(0, true, 50, false)])).not.toThrow();
  });
  test("合法：单点档 [100,100]", () => {
    expect(() => checkBands("t", [band(0, true, 100, false), band(100, true, 100, true)])).not.toThrow();
  });

  test.each([
    ["无档次", [], /no bands/],
    ["缺口：[0,40) [50,100]", [band(0, true, 40, false), band(50, true, 100, true)], /gap or overlap/],
    ["重叠：[0,60) [50,100]", [band(0, true, 60, false), band(50, true, 100, true)], /gap or overlap/],
    ["重复：[0,100] [0,100]", [band(0, true, 100, true), band(0, true, 100, true)], /gap or overlap/],
    ["边界50%同属两档：[0,50] [50,100]", [band(0, true, 50, true), band(50, true, 100, true)], /exactly one/],
    ["边界50%不属任何一档：[0,50) (50,100]", [band(0, true, 50, false), band(50, false, 100, true)], /exactly one/],
    ["不从0%开始：[10,100]", [band(10, true, 100, true)], /start at 0%/],
    ["不含0%：(0,100]", [band(0, false, 100, true)], /start at 0%/],
    ["不到100%：[0,90)", [band(0, true, 90, false)], /end at 100%/],
    ["不含100%：[0,100)", [band(0, true, 100, false)], /end at 100%/],
    ["负分值", [band(0, true, 50, false, -3), band(50, true, 100, true)], /negative points/],
    ["非数值分值 NaN", [band(0, true, 50, false, Number.NaN), band(50, true, 100, true)], /negative points/],
    ["空档：[0,50) [50,50) [50,100]", [band(0, true, 50, false), band(50, true, 50, false), band(50, true, 100, true)], /empty|exactly one|gap/],
  ])("拒绝 %s", (_name, bands, message) => {
    expect(() => checkBands("t", bands as Band[])).toThrow(message);
  });
});

describe("热线规则表加载检查", () => {
  const withCategory = (cap: number): HotlineRuleSet => ({
    ...HOTLINE_2021,
    categories: HOTLINE_2021.categories.map((c) => (c.id === "returned" ? { ...c, cap } : c)),
  });

  test("2021年表通过检查", () => {
    expect(checkHotlineRules(HOTLINE_2021)).toBe(HOTLINE_2021);
  });
  test("拒绝负的类别上限", () => {
    expect(() => checkHotlineRules(withCategory(-10))).toThrow(/cap must be ≥ 0/);
  });
  test("拒绝上限合计不等于总分", () => {
    expect(() => checkHotlineRules(withCategory(20))).toThrow(/sum to 110/);
  });
  test("拒绝有缺口的比率档次", () => {
    const rates = HOTLINE_2021.rates.map((r) => (r.id === "completion" ? { ...r, bands: r.bands.slice(1) } : r));
    expect(() => checkHotlineRules({ ...HOTLINE_2021, rates })).toThrow(/completion/);
  });
  test("拒绝负的个案分值", () => {
    const cases = HOTLINE_2021.cases.map((c, i) => (i === 0 ? { ...c, points: -1 } : c));
    expect(() => checkHotlineRules({ ...HOTLINE_2021, cases })).toThrow(/points must be ≥ 0/);
  });
  test("拒绝一个事项名指向两条规则", () => {
    const cases = HOTLINE_2021.cases.map((c, i) => (i === 1 ? { ...c, synonyms: [...c.synonyms, HOTLINE_2021.cases[0].label] } : c));
    expect(() => checkHotlineRules({ ...HOTLINE_2021, cases })).toThrow(/names two rules/);
  });
  test("拒绝负的加分上限", () => {
    expect(() => checkHotlineRules({ ...HOTLINE_2021, bonus: { ...HOTLINE_2021.bonus, cap: -1 } })).toThrow(/bonus cap/);
  });
  test("拒绝考核月数为0", () => {
    expect(() => checkHotlineRules({ ...HOTLINE_2021, months: 0 })).toThrow(/months/);
  });
  test("每条规则都注明出处条款", () => {
    const rows = [...HOTLINE_2021.categories, ...HOTLINE_2021.rates, ...HOTLINE_2021.cases, ...HOTLINE_2021.bonus.cases];
    for (const row of rows) expect(row.clause).toMatch(/附件2|规则A/);
    for (const tier of HOTLINE_2021.bonus.volume) expect(tier.clause).toContain("加分项1");
  });
});

describe("便民化规则表加载检查", () => {
  test("2021年表通过检查", () => {
    expect(checkApprovalRules(APPROVAL_2021, REGISTRY_2021)).toBe(APPROVAL_2021);
  });
  test("拒绝负的扣分上限", () => {
    expect(() => checkApprovalRules({ ...APPROVAL_2021, cap: -0.5 }, REGISTRY_2021)).toThrow(/cap/);
  });
  test("拒绝涉及部门中的未知部门", () => {
    const items = APPROVAL_2021.items.map((it) => (it.no === 4 ? { ...it, appliesTo: [...it.appliesTo, "市宣传部"] } : it));
    expect(() => checkApprovalRules({ ...APPROVAL_2021, items }, REGISTRY_2021)).toThrow(/市宣传部/);
  });
  test("拒绝非考核对象的单位（市审计局是热线单位但不是便民化考核对象）", () => {
    const items = APPROVAL_2021.items.map((it) => (it.no === 4 ? { ...it, appliesTo: [...it.appliesTo, "市审计局"] } : it));
    expect(() => checkApprovalRules({ ...APPROVAL_2021, items }, REGISTRY_2021)).toThrow(/市审计局/);
  });
  test("拒绝格式错误的截止日期", () => {
    expect(() => checkApprovalRules({ ...APPROVAL_2021, evidenceDeadline: "12月31日" }, REGISTRY_2021)).toThrow(/deadline/);
  });
  test("拒绝超出0—100%的指标下限", () => {
    const targets = APPROVAL_2021.derived.targets.map((t, i) => (i === 0 ? { ...t, min: 170 } : t));
    expect(() => checkApprovalRules({ ...APPROVAL_2021, derived: { ...APPROVAL_2021.derived, targets } }, REGISTRY_2021)).toThrow(/target/);
  });
});

describe("可配置的决定都是规则表的字段（规则A/B 标注 configurable 的各项）", () => {
  const rules = ruleSet(2021);
  test("档次边界、比较精度与四舍五入", () => {
    expect(rules.hotline.comparison).toEqual({ significantDigits: 15, percentDecimals: null });
  });
  test("加分不封顶；办件量严格大于；县区1000、市直250、其他不适用", () => {
    expect(rules.hotline.bonus.cap).toBeNull();
    expect(rules.hotline.bonus.volume.map(({ type, over, included, points }) => ({ type, over, included, points }))).toEqual([
      { type: "县区", over: 1000, included: false, points: 10 }, { type: "市直", over: 250, included: false, points: 10 },
    ]);
  });
  test("满意率按件数：满意、基本满意计满意；拒访、无法联系不计入有效回访", () => {
    expect(rules.hotline.callbacks).toMatchObject({
      satisfied: ["满意", "基本满意"], unsatisfied: ["不满意"], notValid: expect.arrayContaining(["拒访", "无法联系"]),
    });
  });
  test("考核月数12；一票否决0.5分；印证资料截止2021-12-31", () => {
    expect(rules.hotline.months).toBe(12);
    expect(rules.approval.cap).toBe(0.5);
    expect(rules.approval.evidenceDeadline).toBe("2021-12-31");
  });
  test("只有2021年的规则集，年份一致", () => {
    expect([...RULE_SETS.keys()]).toEqual([2021]);
    expect(rules.hotline.year).toBe(2021);
    expect(rules.approval.year).toBe(2021);
    expect(() => ruleSet(2020)).toThrow(/2020/);
  });
});
