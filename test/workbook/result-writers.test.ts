/* The texts a result sheet shows about itself: headers with their points, the method that produced it. */
import { hotlineExplanation, ruleSet, scoreUnit, type RateInput } from "../../src/engine";
import type { UnitOutcome } from "../../src/workbook/hotline-scores";
import { labelSuffixFormat, pointsFormat, printedExplanations, resultTitle } from "../../src/workbook/result-writers";

describe("result sheet texts", () => {
  test("a category header shows its points through a number format; the cell keeps its label", () => {
    expect(pointsFormat(5)).toBe('@"（5分）"');
    expect(pointsFormat(0.5)).toBe('@"（0.5分）"');
  });
  test("a method name with a quote, or too long for a number format (255), still gives a format Excel takes", () => {
    expect(labelSuffixFormat('（考核办法：2026年度"试行"办法）')).toBe('@"（考核办法：2026年度＂试行＂办法）"');
    const long = labelSuffixFormat(`（考核办法：${"很长的办法名称".repeat(60)}）`);
    expect(long.length).toBeLessThanOrEqual(255);
    expect(long).toMatch(/^@"（考核办法：很长.*…）"$/u);
  });
  test("the title keeps its first line; the method and the run's status go on the second", () => {
    expect(resultTitle("校验结果", "内置2021年度办法")).toBe("校验结果\n考核办法：内置2021年度办法");
    expect(resultTitle("考核表", "2026年度考核办法", "校验通过")).toBe("考核表\n考核办法：2026年度考核办法　校验通过");
  });
});

describe("扣分说明 as the official table prints it (spec H: 77 units on at most 4 pages)", () => {
  const rules = ruleSet(2021).hotline;
  const rate = (x: number): RateInput => ({ kind: "rate", rate: x });
  const unit = (name: string, returned: number, satisfaction: number, note = ""): UnitOutcome => {
    const score = scoreUnit(rules, {
      type: "市直", rates: { completion: rate(1), returned: rate(returned), extension: rate(0), satisfaction: rate(satisfaction) },
      cases: {}, bonusCases: {}, monthlyAverage: 0,
    });
    return { name, type: "市直", score, explanation: [hotlineExplanation(score.categories, score.bonus), note].filter(Boolean).join("；") };
  };
  const TITLE = "《2021年度12345热线工单办理情况减分指标考核办法（送审稿）》";
  const RETURNED = "附件2 退单率：按工单总量，退单率低于5%的不扣分；5%—10%扣3分；10%—15%扣6分；超过15%的，扣10分";
  const SATISFACTION = "附件2 群众满意率：回访满意率达到80%的，不扣分；70%—80%的扣10分；60%—70%的扣20分；低于60%的，扣30分";

  test("each clause is quoted in full once, at the first row that applies it; later rows name that row", () => {
    const units = [
      unit("甲", 0.06, 1), unit("乙", 0.07, 0.75, "研判成立1件（退单合理1件，见工单研判）"),
      { name: "丙", explanation: "数据有误，未计分：见校验表" }, unit("丁", 0, 0.75),
    ];
    expect(printedExplanations(units)).toEqual([
      `退单率6.00%（5%—10%）扣3分（依据：${TITLE}${RETURNED}）`,
      `退单率7.00%（5%—10%）扣3分（依据见序号1）；满意率75.00%（70%—80%）扣10分（依据：${TITLE}${SATISFACTION}）；研判成立1件（退单合理1件，见工单研判）`,
      "数据有误，未计分：见校验表",
      "满意率75.00%（70%—80%）扣10分（依据见序号2）",
    ]);
  });

  test("a text that does not begin with the engine's lines is printed whole", () => {
    const odd = { ...unit("甲", 0.06, 1), explanation: "另写的说明" };
    expect(printedExplanations([odd])).toEqual(["另写的说明"]);
  });
});
