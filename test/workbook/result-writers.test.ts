/* The texts a result sheet shows about itself: headers with their points, the method that produced it. */
import { labelSuffixFormat, pointsFormat, resultTitle } from "../../src/workbook/result-writers";

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
