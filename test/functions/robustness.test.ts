/*
 * Whatever a cell holds, an ASSESS.* function gives an answer from its result set or a CustomFunctions.Error with
 * #VALUE! or #N/A and a Chinese message (spec D) — never a bare JavaScript exception, never another result.
 */
import fc from "fast-check";
import * as F from "../../src/functions/functions";
import { CHINESE, StubCustomFunctionError, installCustomFunctionsStub } from "./custom-functions-stub";

installCustomFunctionsStub();

/** What Excel can pass for one cell: blank, a finite number, text, a boolean. */
const cell: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constant(""),
  fc.boolean(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -5, max: 2000 }),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.string(),
  fc.constantFrom("98.5%", "98.5％", " 99 % ", "0.985", "120%", "-1", "3", "2.5", "完成", "完城", "未完成", "不涉及", "—", "县区", "市直", "其他", "county", "x"),
);

function outcome(call: () => unknown): { value: unknown } | { code: string } {
  try {
    return { value: call() };
  } catch (e) {
    if (!(e instanceof StubCustomFunctionError)) throw e;
    expect(["#VALUE!", "#N/A"]).toContain(e.code);
    expect(e.message).toMatch(CHINESE);
    return { code: e.code };
  }
}

const RUNS = { numRuns: 1000 };

describe("任何单元格值：结果在规定范围内，或 #VALUE!/#N/A 带中文说明", () => {
  test.each([
    ["HOTLINE_COMPLETION_DEDUCT", F.hotlineCompletionDeduct, [0, 5, 10, 15, 30]],
    ["HOTLINE_RETURN_DEDUCT", F.hotlineReturnDeduct, [0, 3, 6, 10]],
    ["HOTLINE_EXTENSION_DEDUCT", F.hotlineExtensionDeduct, [0, 3, 6, 10]],
    ["HOTLINE_SATISFACTION_DEDUCT", F.hotlineSatisfactionDeduct, [0, 10, 20, 30]],
  ] as const)("%s", (_name, fn, allowed) => {
    fc.assert(fc.property(cell, fc.oneof(fc.constant(null), cell), (a, b) => {
      const o = outcome(() => fn(a, b));
      if ("value" in o) expect(allowed).toContain(o.value);
    }), RUNS);
  });

  test("HOTLINE_HANDLING_DEDUCT ≤ 30；HOTLINE_COOPERATION_DEDUCT ≤ 20", () => {
    fc.assert(fc.property(fc.array(cell, { minLength: 6, maxLength: 6 }), (args) => {
      const h = outcome(() => F.hotlineHandlingDeduct(args[0], args[1], args[2], args[3]));
      if ("value" in h) {
        expect(h.value).toBeGreaterThanOrEqual(0);
        expect(h.value).toBeLessThanOrEqual(30);
      }
      const c = outcome(() => F.hotlineCooperationDeduct(...args));
      if ("value" in c) {
        expect(c.value).toBeGreaterThanOrEqual(0);
        expect(c.value).toBeLessThanOrEqual(20);
      }
    }), RUNS);
  });

  test("HOTLINE_BONUS ≥ 0；HOTLINE_SCORE ≥ 0（扣分合计不超过100）", () => {
    fc.assert(fc.property(fc.array(cell, { minLength: 10, maxLength: 10 }), (args) => {
      const [t, avg, ...cases] = args;
      const b = outcome(() => F.hotlineBonus(t, avg, ...cases));
      if ("value" in b) expect(b.value).toBeGreaterThanOrEqual(0);
      const s = outcome(() => F.hotlineScore(args[0], args[1], args[2], args[3], args[4], args[5]));
      if ("value" in s) expect(s.value).toBeGreaterThanOrEqual(0);
    }), RUNS);
  });

  test("RATE_DEDUCT：任一指标的分档扣分之一；CASE_POINTS ≥ 0", () => {
    const name = fc.oneof(cell, fc.constantFrom("办结率", "退单率", "延期率", "满意率", "群众满意率", "投诉率", "反馈内容与实际不符", "群众锦旗", "知识库维护"));
    fc.assert(fc.property(name, cell, fc.oneof(fc.constant(null), cell), (indicator, a, b) => {
      const r = outcome(() => F.rateDeduct(indicator, a, b));
      if ("value" in r) expect([0, 3, 5, 6, 10, 15, 20, 30]).toContain(r.value);
      const c = outcome(() => F.casePoints(indicator, a));
      if ("value" in c) expect(c.value).toBeGreaterThanOrEqual(0);
    }), RUNS);
  });

  test("VETO_SCORE ∈ {0, 0.5}", () => {
    fc.assert(fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (m) => {
      const o = outcome(() => F.vetoScore(m));
      if ("value" in o) expect([0, 0.5]).toContain(o.value);
    }), RUNS);
  });

  test("APPROVAL_TARGETS_MET、APPROVAL_APPLIES 返回逻辑值；UNIT_TYPE 返回三类之一", () => {
    fc.assert(fc.property(fc.array(cell, { minLength: 5, maxLength: 5 }), (args) => {
      const t = outcome(() => F.approvalTargetsMet(args[0], args[1], args[2], args[3], args[4]));
      if ("value" in t) expect(typeof t.value).toBe("boolean");
      const a = outcome(() => F.approvalApplies(args[0], args[1]));
      if ("value" in a) expect(typeof a.value).toBe("boolean");
      const u = outcome(() => F.unitTypeOf(args[0]));
      if ("value" in u) expect(["县区", "市直", "其他"]).toContain(u.value);
    }), RUNS);
  });
});
