/*
 * The 2026 method fixture through the functions path (issue 10): the method sheets are read from the workbook by the
 * task pane runtime, as in the shared runtime, and the ASSESS.* functions score by them. Expected values come from
 * the fixture's plain reference (test/fixtures/method-2026/reference.ts) or, where it has no entry, from the
 * fixture's own text (0.3 veto cap, 事项7's three departments, 市数据局 with its alias, 市审计局 removed).
 */
import * as F from "../../src/functions/functions";
import { methodSource } from "../../src/functions/method-source";
import { BONUS, COOPERATION, HANDLING, QUALITY, reference, type Unit } from "../fixtures/method-2026/reference";
import { SHEETS_2026, fakeWorkbook, runtimeOver } from "../taskpane/shared/method-workbook";
import { CHINESE, installCustomFunctionsStub } from "./custom-functions-stub";
import { outcomeOf, withConstants } from "./excel-host";

installCustomFunctionsStub();
const source = methodSource();

beforeAll(async () => {
  await runtimeOver(fakeWorkbook(SHEETS_2026()), source).start();
});
afterAll(() => source.builtIn());

/** A unit perfect everywhere except the given rate pair (index: 办结率, 退单率, 延期率, 满意率) and cases. */
function unit(pairs: Partial<Record<number, [number, number]>> = {}, cases: Record<string, number> = {}, bonus: Record<string, number> = {}): Unit {
  const perfect: [number, number][] = [[1, 1], [0, 1], [0, 1], [1, 1]];
  return { type: "其他", pairs: perfect.map((p, i) => pairs[i] ?? p), cases, bonus, average: 0 };
}
/** The reference's deduction for one rate (everything else perfect). */
const refRate = (index: number, p: number, q: number) => 100 - reference(unit({ [index]: [p, q] }));

const call = (id: string, fn: (...args: never[]) => unknown) => withConstants(id, fn);
const ASSESS = {
  completion: call("HOTLINE_COMPLETION_DEDUCT", F.hotlineCompletionDeduct),
  returned: call("HOTLINE_RETURN_DEDUCT", F.hotlineReturnDeduct),
  extension: call("HOTLINE_EXTENSION_DEDUCT", F.hotlineExtensionDeduct),
  satisfaction: call("HOTLINE_SATISFACTION_DEDUCT", F.hotlineSatisfactionDeduct),
  handling: call("HOTLINE_HANDLING_DEDUCT", F.hotlineHandlingDeduct),
  rate: call("RATE_DEDUCT", F.rateDeduct),
};

describe("2026 办法已从工作簿读入", () => {
  test("函数按“2026年度考核办法”计分，同步返回", () => {
    expect(source.current()).toMatchObject({ kind: "loaded", label: "2026年度考核办法" });
    expect(ASSESS.completion(0.96)).not.toBeInstanceOf(Promise);
  });
});

describe("比率分档：边界移到96%，满意率70%—80%扣8分（与参考实现一致）", () => {
  test.each([
    ["办结率96%（新边界，含）", 0, 96, 100, ASSESS.completion, "办结率"],
    ["办结率95.99%", 0, 9599, 10000, ASSESS.completion, "办结率"],
    ["办结率97%（2021年属另一档）", 0, 97, 100, ASSESS.completion, "办结率"],
    ["办结率100%", 0, 1, 1, ASSESS.completion, "办结率"],
    ["满意率75%", 3, 75, 100, ASSESS.satisfaction, "满意率"],
    ["满意率70%", 3, 70, 100, ASSESS.satisfaction, "满意率"],
    ["满意率69.99%", 3, 6999, 10000, ASSESS.satisfaction, "满意率"],
    ["退单率15%（含）", 1, 15, 100, ASSESS.returned, "退单率"],
    ["延期率5%", 2, 5, 100, ASSESS.extension, "延期率"],
  ] as const)("%s", (_name, index, p, q, fn, item) => {
    const expected = refRate(index, p, q);
    expect(fn(p / q)).toBe(expected);
    expect(fn(p, q)).toBe(expected);
    expect(ASSESS.rate(item, p / q)).toBe(expected);
    expect(ASSESS.rate(item, p, q)).toBe(expected);
  });

  test("所有件数 p/q（q ≤ 40）：四个指标的 RATE_DEDUCT 都与参考实现一致", () => {
    const items = ["办结率", "退单率", "延期率", "满意率"];
    for (let q = 1; q <= 40; q++) {
      for (let p = 0; p <= q; p++) {
        items.forEach((item, i) => expect([item, p, q, ASSESS.rate(item, p, q)]).toEqual([item, p, q, refRate(i, p, q)]));
      }
    }
  });

  test("满意率75% → 8（办法中的新分值）", () => {
    expect(ASSESS.satisfaction(0.75)).toBe(8);
  });
});

describe("按件计分：CASE_POINTS 与参考实现的分值表一致，新项目“工单分类错误”可用", () => {
  test.each(Object.entries({ ...HANDLING, ...COOPERATION, ...QUALITY, ...BONUS }))("%s × 3", (label, points) => {
    expect(F.casePoints(label, 3)).toBe(points * 3);
  });
  test("工单分类错误 7件 → 7（不按工单质量类5分封顶）；参考实现的类别扣分按5分封顶", () => {
    expect(F.casePoints("工单分类错误", 7)).toBe(7);
    expect(100 - reference(unit({}, { 工单分类错误: 7 }))).toBe(5);
  });
  test("2021年的项目“省级表彰”不在2026办法中 → #VALUE!，说明列出办法中的项目", async () => {
    const outcome = await outcomeOf(() => F.casePoints("省级表彰", 1));
    expect(outcome).toMatchObject({ code: "#VALUE!" });
    expect("message" in outcome && outcome.message).toContain("“工单分类错误”");
  });
});

describe("按2021年结构的函数：用2026办法的分值与上限", () => {
  test("工单办理：办结率96%—98% 15分 + 反馈不符1件 10分 = 25（参考实现）", () => {
    expect(ASSESS.handling(0.97, 0, 1, 0)).toBe(100 - reference(unit({ 0: [97, 100] }, { 反馈内容与实际不符: 1 })));
  });
  test("日常工作配合：各1次共24分，按2026年上限15分封顶（参考实现）", () => {
    const cases = Object.fromEntries(Object.keys(COOPERATION).map((k) => [k, 1]));
    expect(F.hotlineCooperationDeduct(1, 1, 1, 1, 1, 1)).toBe(100 - reference(unit({}, cases)));
  });
  test("加分：县区月均1001件 + 表扬2件（参考实现）；2026办法没有的“国家级媒体采用” → #N/A", async () => {
    const expected = reference({ ...unit({}, {}, { 群众表扬: 2 }), type: "县区", average: 1001 }) - 100;
    expect(F.hotlineBonus("县区", 1001, 2)).toBe(expected);
    const outcome = await outcomeOf(() => F.hotlineBonus("县区", 0, 0, 0, 1));
    expect(outcome).toMatchObject({ code: "#N/A" });
    expect("message" in outcome && outcome.message).toContain("国家级媒体采用");
  });
  test("HOTLINE_SCORE：2026办法多了“工单质量”类，五个参数算不全 → #N/A 说明原因", async () => {
    const outcome = await outcomeOf(() => F.hotlineScore(0, 0, 0, 0, 0, 0));
    expect(outcome).toMatchObject({ code: "#N/A" });
    expect("message" in outcome && outcome.message).toMatch(/“工单质量”/u);
    expect("message" in outcome && outcome.message).toMatch(CHINESE);
  });
  test("VETO_SCORE：一票否决扣0.3分", () => {
    expect(F.vetoScore([["完成", "未完成"]])).toBe(0.3);
    expect(F.vetoScore([["完成", "不涉及"]])).toBe(0);
  });
  test.each([
    ["市公安局", 7, true], ["市民政局", 7, true], ["市税务局", 7, true], ["市发改委", 7, false], ["市发展和改革委员会", 1, true],
  ] as const)("APPROVAL_APPLIES(%s, 事项%i) → %s", (department, item, expected) => {
    expect(F.approvalApplies(department, item)).toBe(expected);
  });
  test("APPROVAL_APPLIES 事项8 → #VALUE!（2026办法有7项）", async () => {
    const outcome = await outcomeOf(() => F.approvalApplies("市公安局", 8));
    expect(outcome).toMatchObject({ code: "#VALUE!" });
    expect("message" in outcome && outcome.message).toContain("1到7");
  });
  test.each([["市数据局", "市直"], ["市大数据局", "市直"], ["汉滨区", "县区"]])("UNIT_TYPE(%s) → %s", (name, type) => {
    expect(F.unitTypeOf(name)).toBe(type);
  });
  test("UNIT_TYPE(市审计局)：2026年的承办单位中已没有 → #N/A", async () => {
    expect(await outcomeOf(() => F.unitTypeOf("市审计局"))).toMatchObject({ code: "#N/A" });
  });
});

describe("办法读入之前调用：等待，然后按读入的办法计分", () => {
  afterEach(() => source.builtIn());
  test("办结率96.5%：等待期间不给结果；2026办法读入后 → 15（内置2021年度办法为30）", async () => {
    source.loading();
    const pending = F.hotlineCompletionDeduct(0.965, null);
    expect(pending).toBeInstanceOf(Promise);
    let settled = false;
    void Promise.resolve(pending).then(() => (settled = true), () => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(settled).toBe(false);
    await runtimeOver(fakeWorkbook(SHEETS_2026()), source).start();
    expect(await pending).toBe(refRate(0, 965, 1000));
    expect(refRate(0, 965, 1000)).toBe(15);
  });
  test("等待中读入的办法有误 → #N/A，说明办法未通过校验", async () => {
    source.loading();
    const pending = outcomeOf(() => F.casePoints("工单分类错误", 1));
    source.refused([{ sheet: "考核办法", cell: "I30", message: "分值无效", severity: "error" }]);
    const outcome = await pending;
    expect(outcome).toMatchObject({ code: "#N/A" });
    expect("message" in outcome && outcome.message).toMatch(/校验[\s\S]*“考核办法”I30：分值无效/u);
  });
  test("迟迟读不到：等到时限后 #N/A 说明原因，不按内置办法计分", async () => {
    source.loading();
    const { withMethod } = await import("../../src/functions/method-source");
    const outcome = await outcomeOf(() => withMethod(() => 1, 20));
    expect(outcome).toMatchObject({ code: "#N/A" });
    expect("message" in outcome && outcome.message).toContain("未读到工作簿中的考核办法");
  });
});
