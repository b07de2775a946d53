/*
 * Properties of the 附件2 score that must hold for every unit, checked on random inputs (fast-check).
 * The oracle below is written from spec A with exact integer arithmetic, independent of the engine's floats.
 */
import fc from "fast-check";
import { rateDeduction, ruleSet, scoreUnit, type HotlineUnitInput, type RateInput, type RateRuleId, type UnitType } from "../../src/engine";

const RULES = ruleSet(2021).hotline;
const RUNS = { numRuns: 500 };

const HANDLING_CASES = { notContacted: 1, feedbackFalse: 10, feedbackPoor: 2 } as const;
const COOPERATION_CASES = { knowledgeBase: 2, dutyRoster: 2, leaderDay: 5, whistle: 5, training: 5, shirking: 5 } as const;
const BONUS_CASES = {
  praise: 1, banner: 5, mediaNational: 10, mediaProvincial: 5, mediaCity: 1, honorNational: 10, honorProvincial: 5, honorCity: 2,
} as const;
const CAPS = { handling: 30, returned: 10, extension: 10, satisfaction: 30, cooperation: 20 } as const;

/** A rate as an exact fraction p/q (q > 0), or "no orders" (q = 0). */
interface Exact {
  readonly input: RateInput;
  readonly p: number;
  readonly q: number;
}

/** Spec A bands on the exact fraction p/q: 100·p compared with edge·q, all integers. */
const ORACLE: Record<RateRuleId, (p: number, q: number) => number> = {
  completion: (p, q) => (p === q ? 0 : 100 * p >= 99 * q ? 5 : 100 * p >= 98 * q ? 10 : 100 * p >= 97 * q ? 15 : 30),
  returned: (p, q) => (100 * p < 5 * q ? 0 : 100 * p < 10 * q ? 3 : 100 * p <= 15 * q ? 6 : 10),
  extension: (p, q) => (100 * p < 5 * q ? 0 : 100 * p < 10 * q ? 3 : 100 * p <= 15 * q ? 6 : 10),
  satisfaction: (p, q) => (100 * p >= 80 * q ? 0 : 100 * p >= 70 * q ? 10 : 100 * p >= 60 * q ? 20 : 30),
};
const oraclePoints = (id: RateRuleId, e: Exact) => (e.q === 0 ? 0 : ORACLE[id](e.p, e.q));

const EDGES = [0, 5, 10, 15, 60, 70, 80, 97, 98, 99, 100];

/** Count pairs, biased towards the band edges (k·edge ± 1 of k·100). */
const countPair: fc.Arbitrary<Exact> = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000 }).chain((d) => fc.tuple(fc.integer({ min: 0, max: d }), fc.constant(d))),
  fc.tuple(fc.constantFrom(...EDGES), fc.integer({ min: 1, max: 5000 }), fc.integer({ min: -1, max: 1 })).map(([edge, k, delta]) => {
    const d = 100 * k;
    return [Math.min(d, Math.max(0, edge * k + delta)), d] as [number, number];
  }),
  fc.constant([0, 0] as [number, number]),
).map(([n, d]) => ({ input: { kind: "count", numerator: n, denominator: d }, p: n, q: d }));

/** Rates typed as decimals with up to four places (98.85% = 0.9885), biased towards the edges. */
const typedRate: fc.Arbitrary<Exact> = fc.oneof(
  fc.integer({ min: 0, max: 10000 }),
  fc.tuple(fc.constantFrom(...EDGES), fc.integer({ min: -1, max: 1 })).map(([e, d]) => Math.min(10000, Math.max(0, e * 100 + d))),
).map((k) => ({ input: { kind: "rate", rate: k / 10000 }, p: k, q: 10000 }));

const exactRate = fc.oneof(countPair, typedRate);

const counts = <K extends string>(keys: readonly K[], max: number) =>
  fc.record(Object.fromEntries(keys.map((k) => [k, fc.integer({ min: 0, max })])) as Record<K, fc.Arbitrary<number>>);

const unitType = fc.constantFrom<UnitType>("县区", "市直", "其他");
const monthlyAverage = fc.oneof(
  fc.integer({ min: 0, max: 3000 }),
  fc.constantFrom(250, 250.01, 251, 1000, 1000.01, 1001),
  fc.double({ min: 0, max: 3000, noNaN: true }),
);

interface Generated {
  readonly input: HotlineUnitInput;
  readonly exact: Record<RateRuleId, Exact>;
}

const unit: fc.Arbitrary<Generated> = fc
  .record({
    type: unitType,
    completion: exactRate,
    returned: exactRate,
    extension: exactRate,
    satisfaction: exactRate,
    cases: counts([...Object.keys(HANDLING_CASES), ...Object.keys(COOPERATION_CASES)], 8),
    bonusCases: counts(Object.keys(BONUS_CASES), 4),
    monthlyAverage,
  })
  .map((g) => ({
    exact: { completion: g.completion, returned: g.returned, extension: g.extension, satisfaction: g.satisfaction },
    input: {
      type: g.type,
      rates: { completion: g.completion.input, returned: g.returned.input, extension: g.extension.input, satisfaction: g.satisfaction.input },
      cases: g.cases,
      bonusCases: g.bonusCases,
      monthlyAverage: g.monthlyAverage,
    },
  }));

const sum = (table: Readonly<Record<string, number>>, counts: Readonly<Record<string, number>>) =>
  Object.entries(table).reduce((s, [id, points]) => s + points * (counts[id] ?? 0), 0);

/** Spec A, written out: 100 − Σ min(category, cap) + bonus. */
function oracleTotal({ input, exact }: Generated): number {
  const handling = Math.min(CAPS.handling, oraclePoints("completion", exact.completion) + sum(HANDLING_CASES, input.cases));
  const returned = Math.min(CAPS.returned, oraclePoints("returned", exact.returned));
  const extension = Math.min(CAPS.extension, oraclePoints("extension", exact.extension));
  const satisfaction = Math.min(CAPS.satisfaction, oraclePoints("satisfaction", exact.satisfaction));
  const cooperation = Math.min(CAPS.cooperation, sum(COOPERATION_CASES, input.cases));
  const threshold = input.type === "县区" ? 1000 : input.type === "市直" ? 250 : Infinity;
  const volume = input.monthlyAverage > threshold ? 10 : 0;
  return 100 - handling - returned - extension - satisfaction - cooperation + volume + sum(BONUS_CASES, input.bonusCases);
}

const score = (input: HotlineUnitInput) => scoreUnit(RULES, input).total;
const RATE_IDS: readonly RateRuleId[] = ["completion", "returned", "extension", "satisfaction"];
/** Higher is better for 办结率 and 满意率; lower is better for 退单率 and 延期率. */
const HIGHER_IS_BETTER: Record<RateRuleId, boolean> = { completion: true, satisfaction: true, returned: false, extension: false };

describe("性质：总分 = 100 − Σ（各类扣分，各自不超过上限）+ 加分（与按规则A逐条计算的结果一致）", () => {
  test("随机单位", () => {
    fc.assert(fc.property(unit, (g) => {
      expect(score(g.input)).toBe(oracleTotal(g));
    }), RUNS);
  });

  test("scoreUnit 的各部分自洽：total = 100 − Σ deduction + bonus", () => {
    fc.assert(fc.property(unit, ({ input }) => {
      const s = scoreUnit(RULES, input);
      const deducted = s.categories.reduce((acc, c) => acc + c.deduction, 0);
      expect(s.deduction).toBe(deducted);
      expect(s.total).toBe(100 - deducted + s.bonus.points);
    }), RUNS);
  });
});

describe("性质：类别上限（扣完为止）", () => {
  test("每类扣分在0与上限之间，且等于 min（合计，上限）", () => {
    fc.assert(fc.property(unit, ({ input }) => {
      for (const c of scoreUnit(RULES, input).categories) {
        expect(c.cap).toBe(CAPS[c.id as keyof typeof CAPS]);
        expect(c.deduction).toBeGreaterThanOrEqual(0);
        expect(c.deduction).toBeLessThanOrEqual(c.cap);
        expect(c.deduction).toBe(Math.min(c.raw, c.cap));
        expect(c.capApplied).toBe(c.raw > c.cap);
      }
    }), RUNS);
  });

  test("扣分合计不超过100分，总分不低于加分", () => {
    fc.assert(fc.property(unit, ({ input }) => {
      const s = scoreUnit(RULES, input);
      expect(s.deduction).toBeLessThanOrEqual(100);
      expect(s.total).toBeGreaterThanOrEqual(s.bonus.points);
    }), RUNS);
  });
});

describe("性质：多一件扣分事项，总分不会升高；多一件加分事项，总分不会降低", () => {
  const deductionCase = fc.constantFrom(...Object.keys(HANDLING_CASES), ...Object.keys(COOPERATION_CASES));
  test("扣分事项 +n", () => {
    fc.assert(fc.property(unit, deductionCase, fc.integer({ min: 1, max: 10 }), ({ input }, id, n) => {
      const more = { ...input, cases: { ...input.cases, [id]: (input.cases[id] ?? 0) + n } };
      expect(score(more)).toBeLessThanOrEqual(score(input));
    }), RUNS);
  });
  test("加分事项 +n", () => {
    fc.assert(fc.property(unit, fc.constantFrom(...Object.keys(BONUS_CASES)), fc.integer({ min: 1, max: 10 }), ({ input }, id, n) => {
      const more = { ...input, bonusCases: { ...input.bonusCases, [id]: (input.bonusCases[id] ?? 0) + n } };
      expect(score(more)).toBeGreaterThanOrEqual(score(input));
    }), RUNS);
  });
  test("月均办件量增加，总分不会降低", () => {
    fc.assert(fc.property(unit, fc.double({ min: 0, max: 2000, noNaN: true }), ({ input }, extra) => {
      expect(score({ ...input, monthlyAverage: input.monthlyAverage + extra })).toBeGreaterThanOrEqual(score(input));
    }), RUNS);
  });
});

describe("性质：比率更好，扣分不会更多", () => {
  const double01 = fc.double({ min: 0, max: 1, noNaN: true });

  test.each(RATE_IDS.map((id) => [id]))("%s：比率形式（任意0—1之间的数）", (id) => {
    fc.assert(fc.property(double01, double01, (a, b) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      const dLo = rateDeduction(RULES, id, { kind: "rate", rate: lo }).points;
      const dHi = rateDeduction(RULES, id, { kind: "rate", rate: hi }).points;
      if (HIGHER_IS_BETTER[id]) expect(dHi).toBeLessThanOrEqual(dLo);
      else expect(dLo).toBeLessThanOrEqual(dHi);
    }), RUNS);
  });

  test.each(RATE_IDS.map((id) => [id]))("%s：件数形式（分母不变，分子增减）", (id) => {
    const pair = fc.integer({ min: 1, max: 100_000 }).chain((d) =>
      fc.tuple(fc.integer({ min: 0, max: d }), fc.integer({ min: 0, max: d }), fc.constant(d)));
    fc.assert(fc.property(pair, ([a, b, d]) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      const dLo = rateDeduction(RULES, id, { kind: "count", numerator: lo, denominator: d }).points;
      const dHi = rateDeduction(RULES, id, { kind: "count", numerator: hi, denominator: d }).points;
      if (HIGHER_IS_BETTER[id]) expect(dHi).toBeLessThanOrEqual(dLo);
      else expect(dLo).toBeLessThanOrEqual(dHi);
    }), RUNS);
  });

  test.each(RATE_IDS.map((id) => [id]))("%s：整张表中换成更好的比率，总分不会降低", (id) => {
    fc.assert(fc.property(unit, typedRate, ({ input }, other) => {
      const current = input.rates[id];
      if (current.kind !== "rate") return;
      const better = HIGHER_IS_BETTER[id] ? Math.max(current.rate, other.p / 10000) : Math.min(current.rate, other.p / 10000);
      const improved = { ...input, rates: { ...input.rates, [id]: { kind: "rate" as const, rate: better } } };
      expect(score(improved)).toBeGreaterThanOrEqual(score(input));
    }), RUNS);
  });
});

describe("性质：件数形式与按规则A精确计算（整数比较）的档次一致，比率形式与件数形式一致", () => {
  test.each(RATE_IDS.map((id) => [id]))("%s：n/d", (id) => {
    fc.assert(fc.property(countPair, (e) => {
      expect(rateDeduction(RULES, id, e.input).points).toBe(oraclePoints(id, e));
    }), { numRuns: 2000 });
  });
  test.each(RATE_IDS.map((id) => [id]))("%s：键入的比率 k/10000", (id) => {
    fc.assert(fc.property(typedRate, (e) => {
      expect(rateDeduction(RULES, id, e.input).points).toBe(oraclePoints(id, e));
    }), { numRuns: 2000 });
  });
});
