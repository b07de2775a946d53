/*
 * The "2026" method fixture (test/fixtures/method-2026) read from its sheets and scored by the engine, checked
 * against a plain reference written here from spec G and the fixture's own text (exact integer arithmetic on
 * counts, no engine code).
 */
import fc from "fast-check";
import { judgeDepartment, parseStatus, scoreUnit, type Cell, type DepartmentInput, type HotlineUnitInput, type RuleSet, type Status, type UnitType } from "../../../src/engine";
import { readMethod } from "../../../src/workbook/method";
import { method2026Sheets } from "../../fixtures/method-2026/method-2026";
import { BONUS, COOPERATION, HANDLING, QUALITY, reference, type Unit } from "../../fixtures/method-2026/reference";

const read = readMethod(method2026Sheets());
if (!read.ok) throw new Error(`2026 method refused: ${JSON.stringify(read.problems)}`);
const RULES: RuleSet = read.rules;

// ---- The engine, given the same unit. ----
const idOf = (label: string, list: readonly { id: string; label: string }[]) => list.find((c) => c.label === label)?.id as string;
function engine(u: Unit): number {
  const input: HotlineUnitInput = {
    type: u.type,
    rates: Object.fromEntries(["completion", "returned", "extension", "satisfaction"].map((id, i) => [
      id, { kind: "count" as const, numerator: u.pairs[i][0], denominator: u.pairs[i][1] },
    ])),
    cases: Object.fromEntries(Object.entries(u.cases).map(([l, n]) => [idOf(l, RULES.hotline.cases), n])),
    bonusCases: Object.fromEntries(Object.entries(u.bonus).map(([l, n]) => [idOf(l, RULES.hotline.bonus.cases), n])),
    monthlyAverage: u.average,
  };
  return scoreUnit(RULES.hotline, input).total;
}

const EDGES = [0, 5, 10, 15, 60, 70, 80, 96, 97, 98, 99, 100];
const pair = fc.oneof(
  fc.integer({ min: 0, max: 100000 }).chain((d) => fc.tuple(fc.integer({ min: 0, max: d }), fc.constant(d))),
  fc.tuple(fc.constantFrom(...EDGES), fc.integer({ min: 1, max: 500 }), fc.integer({ min: -1, max: 1 }))
    .map(([edge, k, delta]) => [Math.min(100 * k, Math.max(0, edge * k + delta)), 100 * k] as [number, number]),
);
const counts = (labels: string[], max: number) => fc.record(Object.fromEntries(labels.map((l) => [l, fc.integer({ min: 0, max })])));
const unit: fc.Arbitrary<Unit> = fc.record({
  type: fc.constantFrom<UnitType>("县区", "市直", "其他"),
  pairs: fc.tuple(pair, pair, pair, pair),
  cases: counts([...Object.keys(HANDLING), ...Object.keys(COOPERATION), ...Object.keys(QUALITY)], 7),
  bonus: counts(Object.keys(BONUS), 3),
  average: fc.constantFrom(0, 250, 250.01, 1000, 1000.01, 2000),
});

describe("the 2026 method from its sheets", () => {
  test("is accepted and named by its 办法名称", () => {
    expect(read).toMatchObject({ ok: true, source: "workbook", label: "2026年度考核办法", problems: [] });
    expect(RULES.year).toBe(2026);
  });
  test("has the new category with its cap, in the method's order, caps summing to 100", () => {
    expect(RULES.hotline.categories.map((c) => [c.name, c.cap])).toEqual([
      ["工单办理", 30], ["退单率", 10], ["延期率", 10], ["群众满意率", 30], ["日常工作配合", 15], ["工单质量", 5],
    ]);
  });
  test.each([
    ["办结率 96% exactly: 15 (the moved edge)", [[96, 100], [0, 100], [0, 100], [100, 100]], 85],
    ["办结率 95.99%: 30", [[9599, 10000], [0, 100], [0, 100], [100, 100]], 70],
    ["办结率 97%: 15 (was 15 in 2021 too)", [[97, 100], [0, 100], [0, 100], [100, 100]], 85],
    ["满意率 70%: 8 (the changed points)", [[1, 1], [0, 100], [0, 100], [70, 100]], 92],
    ["满意率 79.99%: 8", [[1, 1], [0, 100], [0, 100], [7999, 10000]], 92],
  ] as const)("%s", (_name, pairs, total) => {
    const u: Unit = { type: "其他", pairs: pairs.map((p) => [...p]) as [number, number][], cases: {}, bonus: {}, average: 0 };
    expect(reference(u)).toBe(total);
    expect(engine(u)).toBe(total);
  });
  test("the new case kind: 7 工单分类错误 cost the 5 points of 工单质量; 日常工作配合 stops at 15", () => {
    const u: Unit = { type: "其他", pairs: [[1, 1], [0, 1], [0, 1], [1, 1]], cases: { 工单分类错误: 7, 无理由推诿: 4 }, bonus: {}, average: 0 };
    expect(reference(u)).toBe(80);
    expect(engine(u)).toBe(80);
  });
  test("every unit: the engine agrees with the reference", () => {
    fc.assert(fc.property(unit, (u) => {
      expect(engine(u)).toBe(reference(u));
    }), { numRuns: 1000 });
  });
});

describe("the 2026 units and departments", () => {
  test("市审计局 is gone; 市数据局 is known by its alias", () => {
    expect(RULES.registry.hotlineUnits()).toHaveLength(77);
    expect(RULES.registry.resolve("市审计局")).toBeUndefined();
    expect(RULES.registry.resolve("市大数据局")?.name).toBe("市数据局");
  });
});

describe("the 2026 veto: 0.3, a seventh item for three departments, evidence by 2026-11-30", () => {
  const WORDS = RULES.approval.statusWords;
  const department = (name: string, statuses: (string | null)[], evidence: string | null): DepartmentInput => {
    const org = RULES.registry.resolve(name);
    if (!org) throw new Error(name);
    const items = statuses.map((raw, i): Cell<Status> => {
      const parsed = parseStatus(raw, WORDS, `事项${i + 1}`);
      if (!parsed.ok) throw new Error(parsed.problem.message);
      return { value: parsed.value, raw, field: `事项${i + 1}` };
    });
    const blank = <T>(field: string): Cell<T | null> => ({ value: null, raw: null, field });
    return {
      org, items,
      parts: Object.fromEntries(RULES.approval.derived.parts.map((p) => [p.id, blank<Status>(p.label)])),
      targets: Object.fromEntries(RULES.approval.derived.targets.map((t) => [t.id, blank<number>(t.label)])),
      evidenceDate: { value: evidence, raw: evidence, field: "印证资料报送日期" },
    };
  };
  const judge = (d: DepartmentInput) => judgeDepartment(RULES.approval, RULES.registry, d);
  /** Reference: which items apply (the fixture's 涉及部门) and whether any applicable one fails. */
  const ITEM7 = ["市公安局", "市民政局", "市税务局"];
  test("事项7 applies to exactly the three departments", () => {
    const applying = RULES.registry.approvalDepartments().filter((o) => RULES.approval.items[6].appliesTo.some((n) => RULES.registry.resolve(n) === o));
    expect(applying.map((o) => o.approvalName)).toEqual(ITEM7);
  });
  test.each([
    ["市民政局: 事项7 未完成 → 0.3", "市民政局", [null, "完成", null, null, null, "完成", "未完成"], null, 0.3],
    ["市民政局: all done → 0", "市民政局", ["完成", "完成", null, null, null, "完成", "完成"], null, 0],
    ["市民政局: 事项7 done, evidence 2026-11-30 (the deadline) → 0", "市民政局", ["完成", "完成", null, null, null, "完成", "完成"], "2026-11-30", 0],
    ["市民政局: 事项7 done, evidence 2026-12-01 (after the deadline) → 0.3", "市民政局", ["完成", "完成", null, null, null, "完成", "完成"], "2026-12-01", 0.3],
    ["市财政局: 事项7 does not apply; 事项6 done → 0", "市财政局", [null, null, null, null, null, "完成", null], null, 0],
  ] as const)("%s", (_name, name, statuses, evidence, deduction) => {
    const result = judge(department(name, [...statuses], evidence));
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(result.deduction).toBe(deduction);
  });
});
