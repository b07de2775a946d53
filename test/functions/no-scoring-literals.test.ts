// The custom functions hold no scoring logic and no rule values: they convert arguments and call the engine, and the
// descriptions Excel shows are written from the rule set at build (src/functions/descriptions.ts). And no file of
// src/ outside the rules (src/engine/rules, src/engine/registry) states a fact of a year's method: its year, its
// number of departments, its derived item's number, its number of items.
import * as fs from "fs";
import * as path from "path";
import { RULE_SETS } from "../../src/engine";

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

const SRC = path.resolve(__dirname, "../../src");
const RULES_DIRS = [path.join(SRC, "engine/rules"), path.join(SRC, "engine/registry")];
const sources = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
  const full = path.join(dir, e.name);
  if (e.isDirectory()) return RULES_DIRS.includes(full) ? [] : sources(full);
  return e.name.endsWith(".ts") ? [full] : [];
});
/** Formats shown as examples (如 2021-03-05, 2021Q1, 2021年3月5日, --period 2021) and sample file names: no fact of a method. */
const EXAMPLES = /\d{4}(?:[-/]\d{1,2}(?:[-/]\d{1,2})?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?|Q[1-4]|年\d{1,2}月(?:\d{1,2}日)?)|(?:如|年度|--period)\s*\d{4}(?!\d)|[\w-]*-\d{4}-[\w-]*\.xlsx/gu;
/** Line comments only where `//` starts a comment (not inside a URL in a string). */
const CODE_COMMENTS = /\/\*[\s\S]*?\*\/|(^|[^:"'`\\])\/\/.*$/gm;

/** The facts of each built-in method, as a pattern each: its year, 37个部门, 事项6 (the derived item), 1到6 / 1—6. */
function yearFacts(): { fact: string; pattern: RegExp }[] {
  return [...RULE_SETS.values()].flatMap((rules) => {
    const departments = rules.registry.approvalDepartments().length;
    const items = rules.approval.items.length;
    const derived = rules.approval.items.filter((i) => i.status === "derived").map((i) => i.no);
    return [
      { fact: `year ${rules.year}`, pattern: new RegExp(`(?<![\\w])${rules.year}(?!\\d)`, "u") },
      { fact: `${departments} departments`, pattern: new RegExp(`(?<!\\d)${departments}\\s*个(部门|单位)`, "u") },
      ...derived.map((no) => ({ fact: `derived item ${no}`, pattern: new RegExp(`事项\\s*${no}(?!\\d)`, "u") })),
      { fact: `${items} items`, pattern: new RegExp(`1\\s*(到|至|—|-|~)\\s*${items}(?!\\d)(?!个?月)`, "u") },
    ];
  });
}

describe("src/ states no fact of a year's method outside src/engine/rules and src/engine/registry", () => {
  const facts = yearFacts();
  test("no file names a method's year, department count, derived item or item count (messages, defaults, labels)", () => {
    const found: string[] = [];
    for (const file of sources(SRC)) {
      const text = fs.readFileSync(file, "utf8").replace(CODE_COMMENTS, "$1").replace(EXAMPLES, "");
      text.split("\n").forEach((line, i) => {
        for (const { fact, pattern } of facts) if (pattern.test(line)) found.push(`${path.relative(SRC, file)}:${i + 1} (${fact}): ${line.trim()}`);
      });
    }
    expect(found).toEqual([]);
  });

  test("the patterns catch what src/ used to say, and pass format examples", () => {
    const hits = (text: string) => facts.filter((f) => f.pattern.test(text.replace(CODE_COMMENTS, "$1").replace(EXAMPLES, ""))).map((f) => f.fact);
    expect(hits("`不是2021年度审批服务便民化考核对象：应为考核办法所列37个部门之一。`")).toEqual(["year 2021", "37 departments"]);
    expect(hits('item6: "事项6按所填状态计算（不由分项推导）",')).toEqual(["derived item 6"]);
    expect(hits("`应为1到6的整数。`")).toEqual(["6 items"]);
    expect(hits("resultColumns(ruleSet(2021).hotline)")).toEqual(["year 2021"]);
    expect(hits("export function readMethod(sheets: MethodSheets, builtInYear = 2021): MethodRead {")).toEqual(["year 2021"]);
    for (const fine of [
      "`应为日期，如 2021-12-31。`", "`应写作如 2021-03-05 14:22:10、2021/3/5 14:22 或 2021年3月5日 14:22`",
      "`年度（如 2021）、季度（如 2021Q1）或月份（如 2021-03）`", '"samples/ankang-2021-sample.xlsx"', "// 2021: 事项6",
      "`应为1到12的整数。`", '"http://schemas.openxmlformats.org/spreadsheetml/2006/main"', "REGISTRY_2021.hotlineUnits()",
    ]) expect(hits(fine)).toEqual([]);
  });
});
