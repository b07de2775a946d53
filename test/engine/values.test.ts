import {
  excel15, parseAmount, parseCount, parseCountPair, parseDate, parseRate, parseStatus, parseUnitType, ruleSet,
} from "../../src/engine";

const WORDS = ruleSet(2021).approval.statusWords;
const CHINESE = /[\u4e00-\u9fff]/u;

describe("Excel 的15位有效数字比较（规则A）", () => {
  test.each([
    ["=1.13-0.14 → 0.99", 1.13 - 0.14, 0.99],
    ["=0.1+0.05 → 0.15", 0.1 + 0.05, 0.15],
    ["=0.7+0.1 → 0.8", 0.7 + 0.1, 0.8],
    ["0.98999999999999（14位）保持不变", 0.98999999999999, 0.98999999999999],
    ["0 → 0", 0, 0],
    ["-0 → 0", -0, 0],
  ])("%s", (_name, x, expected) => {
    expect(excel15(x)).toBe(expected);
  });
});

describe("规则D 比率参数：0到1之间的数字，或“98.5%”“98.5％”“0.985”形式的文本", () => {
  test.each([
    ["0.99", 0.99, 0.99],
    ["0.97", 0.97, 0.97],
    ["0", 0, 0],
    ["1", 1, 1],
    ["“98.5%”", "98.5%", 0.985],
    ["“98.5％”（全角）", "98.5％", 0.985],
    ["“ 99 % ”（含空格）", " 99 % ", 0.99],
    ["“0.985”", "0.985", 0.985],
    ["“100%”", "100%", 1],
    ["“０.９８５”（全角数字）", "０.９８５", 0.985],
  ])("%s → %s", (_name, raw, expected) => {
    expect(parseRate(raw, "参数 rate")).toEqual({ ok: true, value: expected });
  });

  test.each([
    ["空白 null → #N/A", null, "na", "blank"],
    ["空白 undefined → #N/A", undefined, "na", "blank"],
    ["空字符串 → #N/A", "", "na", "blank"],
    ["空格 → #N/A", "   ", "na", "blank"],
    ["TRUE → #VALUE!", true, "value", "boolean"],
    ["FALSE → #VALUE!", false, "value", "boolean"],
    ["“abc” → #VALUE!", "abc", "value", "notNumber"],
    ["“98.5%%” → #VALUE!", "98.5%%", "value", "notNumber"],
    ["“%” → #VALUE!", "%", "value", "notNumber"],
    ["1.2 → #VALUE!", 1.2, "value", "outOfRange"],
    ["-0.1 → #VALUE!", -0.1, "value", "outOfRange"],
    ["“120%” → #VALUE!", "120%", "value", "outOfRange"],
    ["“-5%” → #VALUE!", "-5%", "value", "outOfRange"],
    ["NaN → #VALUE!", Number.NaN, "value", "notNumber"],
  ])("%s", (_name, raw, kind, code) => {
    const parsed = parseRate(raw, "参数 rate（按期办结率）");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problem).toMatchObject({ kind, code, field: "参数 rate（按期办结率）" });
    expect(parsed.problem.message).toMatch(CHINESE);
    expect(parsed.problem.message).toContain("参数 rate（按期办结率）");
  });

  test("错误信息写出收到的值", () => {
    const parsed = parseRate("120%", "参数 rate");
    expect(!parsed.ok && parsed.problem.message).toContain("120%");
  });
});

describe("规则D 件数参数：空白为0；不小于0的整数（接受数字文本）", () => {
  test.each([
    ["空白 → 0", null, 0],
    ["空字符串 → 0", "", 0],
    ["0 → 0", 0, 0],
    ["3 → 3", 3, 3],
    ["“3” → 3", "3", 3],
    ["“ 12 ” → 12", " 12 ", 12],
    ["“1,000” → 1000", "1,000", 1000],
    ["3.0 → 3", 3.0, 3],
    ["=0.1*30（3.0000000000000004）→ 3", 0.1 * 30, 3],
  ])("%s", (_name, raw, expected) => {
    expect(parseCount(raw, "参数 n")).toEqual({ ok: true, value: expected });
  });

  test.each([
    ["-1 → #VALUE!（负数）", -1, "negative"],
    ["“-1” → #VALUE!（负数）", "-1", "negative"],
    ["2.5 → #VALUE!（小数）", 2.5, "fractional"],
    ["“2.5” → #VALUE!（小数）", "2.5", "fractional"],
    ["TRUE → #VALUE!（逻辑值）", true, "boolean"],
    ["“三” → #VALUE!（文本）", "三", "notNumber"],
    ["“3件” → #VALUE!（文本）", "3件", "notNumber"],
  ])("%s", (_name, raw, code) => {
    const parsed = parseCount(raw, "参数 n");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problem).toMatchObject({ kind: "value", code });
    expect(parsed.problem.message).toMatch(CHINESE);
  });
});

describe("规则D 数额参数：空白为0；不小于0的数字（可为小数）", () => {
  test.each([
    ["空白 → 0", null, 0],
    ["1000.5 → 1000.5", 1000.5, 1000.5],
    ["“250.01” → 250.01", "250.01", 250.01],
  ])("%s", (_name, raw, expected) => {
    expect(parseAmount(raw, "参数 a")).toEqual({ ok: true, value: expected });
  });
  test.each([
    ["-0.5 → #VALUE!", -0.5, "negative"],
    ["FALSE → #VALUE!", false, "boolean"],
    ["“很多” → #VALUE!", "很多", "notNumber"],
  ])("%s", (_name, raw, code) => {
    const parsed = parseAmount(raw, "参数 a");
    expect(!parsed.ok && parsed.problem).toMatchObject({ kind: "value", code });
  });
});

describe("规则D 件数对：分子不得大于分母", () => {
  test("990/1000 有效", () => {
    expect(parseCountPair(990, 1000, "按期办结数", "应办结数")).toEqual({
      ok: true, value: { kind: "count", numerator: 990, denominator: 1000 },
    });
  });
  test("1001/1000 → #VALUE!，并写出两个数", () => {
    const parsed = parseCountPair(1001, 1000, "按期办结数", "应办结数");
    expect(!parsed.ok && parsed.problem).toMatchObject({ kind: "value", code: "numeratorExceedsDenominator" });
    expect(!parsed.ok && parsed.problem.message).toContain("1001");
    expect(!parsed.ok && parsed.problem.message).toContain("1000");
  });
  test("分母的错误也被报告：10/“x”", () => {
    const parsed = parseCountPair(10, "x", "按期办结数", "应办结数");
    expect(!parsed.ok && parsed.problem).toMatchObject({ kind: "value", field: "应办结数" });
  });
});

describe("规则D 单位类别：县区/市直/其他，或 county/department/other", () => {
  test.each([
    ["县区", "县区"], ["市直", "市直"], ["其他", "其他"], ["county", "县区"], ["Department", "市直"], [" other ", "其他"],
  ])("“%s” → %s", (raw, expected) => {
    expect(parseUnitType(raw, "参数 unit_type")).toEqual({ ok: true, value: expected });
  });
  test.each([["“县”", "县"], ["“市直部门”", "市直部门"], ["空白", null], ["数字 1", 1]])("%s → #VALUE!", (_name, raw) => {
    const parsed = parseUnitType(raw, "参数 unit_type");
    expect(!parsed.ok && parsed.problem).toMatchObject({ kind: "value", code: "unknownUnitType" });
  });
});

describe("规则D 事项状态：完成/未完成/不涉及，其他值一律报错", () => {
  test.each([
    [true, "done"], ["TRUE", "done"], ["完成", "done"], ["已完成", "done"], ["是", "done"], [" 完成 ", "done"],
    [false, "notDone"], ["FALSE", "notDone"], ["未完成", "notDone"], ["否", "notDone"],
    [null, "notApplicable"], ["", "notApplicable"], ["不涉及", "notApplicable"], ["—", "notApplicable"],
    ["-", "notApplicable"], ["/", "notApplicable"], ["／", "notApplicable"],
  ])("%s → %s", (raw, expected) => {
    expect(parseStatus(raw, WORDS, "事项1")).toEqual({ ok: true, value: expected });
  });
  test.each([["完城"], ["x"], ["已完"], [2], [0.5], ["未"], ["N/A"], ["1"], ["0"]])("笔误 %s → #VALUE!，不当作“不涉及”", (raw) => {
    const parsed = parseStatus(raw, WORDS, "事项1");
    expect(!parsed.ok && parsed.problem).toMatchObject({ kind: "value", code: "unknownStatus" });
    expect(!parsed.ok && parsed.problem.message).toContain(String(raw));
  });
});

test.each([[1], [0], [2]])("规则D 数字不是完成情况：%s → #VALUE!，请填“完成/未完成/不涉及”", (raw) => {
  const parsed = parseStatus(raw, WORDS, "事项1");
  expect(!parsed.ok && parsed.problem).toMatchObject({ kind: "value", code: "unknownStatus" });
  expect(!parsed.ok && parsed.problem.message).toContain("完成");
  expect(!parsed.ok && parsed.problem.message).toContain("不涉及");
});

describe("印证资料报送日期", () => {
  test.each([
    ["2021-12-31", "2021-12-31"],
    ["2021年12月31日", "2021-12-31"],
    ["2022/1/1", "2022-01-01"],
    [new Date(Date.UTC(2021, 11, 31)), "2021-12-31"],
    [44561, "2021-12-31"], // Excel serial of 2021-12-31
    ["2022-01-01 09:00", "2022-01-01"],
    ["2021-12-31 23:59:59", "2021-12-31"],
    ["2021年12月31日 18:30", "2021-12-31"],
    [null, null],
  ])("%s → %s", (raw, expected) => {
    expect(parseDate(raw, "印证资料报送日期")).toEqual({ ok: true, value: expected });
  });
  test.each([["2021-02-30"], ["明年"], [true]])("%s → #VALUE!", (raw) => {
    expect(parseDate(raw, "印证资料报送日期")).toMatchObject({ ok: false, problem: { code: "badDate", kind: "value" } });
  });
});
