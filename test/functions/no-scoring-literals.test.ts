// The custom functions hold no scoring logic and no rule values: they convert arguments and call the engine, and the
// descriptions Excel shows are written from the rule set at build (src/functions/descriptions.ts).
import * as fs from "fs";
import * as path from "path";

const read = (file: string) => fs.readFileSync(path.resolve(__dirname, "../../src/functions", file), "utf8");
const COMMENTS = /\/\*[\s\S]*?\*\/|\/\/.*$/gm;
/** Source without comments, so a comment mentioning a number does not count. */
const code = (text: string) => text.replace(COMMENTS, "");
const comments = (text: string) => (text.match(COMMENTS) ?? []).join("\n");

/** A band edge, a threshold, points or a cap as the methods write them: 97%以下, 5%—10%, 扣3分, 上限30, 不低于70%, 1—6. */
const RULE_VALUE = /\d\s*[%％]\s*[—–-]|(以下|以上|低于|超过|达到|不低于|上限|扣|加)\s*\d|(\d\.\d+|[1-9]\d*)\s*(分|件|次)(?![类数])|\d\s*[—–]\s*\d/u;

describe("src/functions holds no scoring logic and no rule values", () => {
  test("no band, threshold or point literal in the code: every number the functions return comes from the engine", () => {
    const text = code(read("functions.ts"));
    // Only argument positions (第1行 …) may be computed here; no comparisons with rates or points.
    expect(text).not.toMatch(/[<>]=?\s*0?\.\d|\b(30|20|15|10|5|3|2)\s*[*+]|Math\.min/);
    expect(text).not.toMatch(/\bbands?\b|\.points\s*[*+]/);
  });

  test("no band, point or cap in the JSDoc: Excel's descriptions are written from the rule set at build", () => {
    const jsdoc = comments(read("functions.ts"));
    expect(jsdoc).toContain("@customfunction");
    expect(jsdoc).not.toMatch(RULE_VALUE);
  });

  test("the description writer takes every value from the rules (no number but 0 and 1 in its code)", () => {
    const text = code(read("descriptions.ts")).replace(/12345/g, "");
    expect(text).not.toMatch(/\b([2-9]|[1-9]\d+)(\.\d+)?\b/);
    expect(text).not.toMatch(RULE_VALUE);
  });

  test("the patterns catch what the 2021 JSDoc used to say", () => {
    for (const old of ["97%以下扣30分", "5%—10%扣3分", "工单办理扣分（上限30）", "考核事项序号 1—6", "达到80%不扣分", "1分/件", "按上限（0.5分）"]) {
      expect(old).toMatch(RULE_VALUE);
    }
    for (const fine of ["按期办结率（如 98.5% 或 0.985）", "第1行第2列", "12345热线考核总分", "0 也按空白", "否则0分"]) expect(fine).not.toMatch(RULE_VALUE);
  });
});
