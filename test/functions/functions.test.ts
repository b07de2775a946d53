/*
 * The ASSESS.* custom functions called as Excel calls them: scalars for cells, matrices (unknown[][]) for ranges,
 * null for omitted optional arguments, errors thrown as CustomFunctions.Error("#VALUE!" | "#N/A", 中文说明).
 */
import * as F from "../../src/functions/functions";
import {
  ANNEX1_NAMED_UNITS, APPROVAL_DEPARTMENTS, COUNTY_GOVERNMENTS, ITEM_DEPARTMENTS, MANAGEMENT_COMMITTEES, SAME_UNIT_PAIRS,
} from "../engine/registry/document-names";
import { COMPLETION, RETURN_OR_EXTENSION, SATISFACTION, type CountRow, type RateRow } from "../engine/hotline-bands";
import { CHINESE, installCustomFunctionsStub, thrown } from "./custom-functions-stub";
import { EXPORTS, withConstants } from "./excel-host";

installCustomFunctionsStub();

/** The public names (spec D), called as Excel calls them with constants in the formula. */
const ASSESS = Object.fromEntries(Object.entries(EXPORTS).map(([id, name]) => [
  id, withConstants(id, (F as unknown as Record<string, (...args: never[]) => unknown>)[name]),
])) as Record<keyof typeof EXPORTS, (...args: unknown[]) => unknown>;

/** Call a function with a row of Excel arguments (a table row of any length). */
const call = (fn: (...args: never[]) => unknown, args: readonly unknown[]) => (fn as (...a: unknown[]) => unknown)(...args);

const VALUE = "#VALUE!";
const NA = "#N/A";

/** An error as Excel shows it: the code, and a Chinese message naming the argument and the value received. */
function expectError(call: () => unknown, code: string, ...mentions: string[]) {
  const error = thrown(call);
  expect(error.code).toBe(code);
  expect(error.message).toMatch(CHINESE);
  for (const m of mentions) expect(error.message).toContain(m);
}

type RateFn = (first: unknown, second?: unknown) => unknown;
function bandTests(fn: RateFn, table: { rates: readonly RateRow[]; counts: readonly CountRow[] }) {
  test.each(table.rates.map((row) => [row.name, row] as const))("比率 %s", (_name, row) => {
    expect(fn(row.rate, null)).toBe(row.points);
  });
  test.each(table.counts.map((row) => [row.name, row] as const))("件数 %s", (_name, row) => {
    expect(fn(row.numerator, row.denominator)).toBe(row.points);
  });
}

describe("ASSESS.HOTLINE_COMPLETION_DEDUCT —— 附件2 工单办理·办结率", () => {
  bandTests(ASSESS.HOTLINE_COMPLETION_DEDUCT, COMPLETION);
  test("省略的第二个参数可以是 undefined（从脚本调用）", () => {
    expect(ASSESS.HOTLINE_COMPLETION_DEDUCT(0.99)).toBe(5);
  });
  test("件数可以是数字文本：“990”/“1000” → 5", () => {
    expect(ASSESS.HOTLINE_COMPLETION_DEDUCT("990", "1000")).toBe(5);
  });
});

describe("ASSESS.HOTLINE_RETURN_DEDUCT —— 附件2 退单率", () => {
  bandTests(ASSESS.HOTLINE_RETURN_DEDUCT, RETURN_OR_EXTENSION);
});

describe("ASSESS.HOTLINE_EXTENSION_DEDUCT —— 附件2 延期率", () => {
  bandTests(ASSESS.HOTLINE_EXTENSION_DEDUCT, RETURN_OR_EXTENSION);
});

describe("ASSESS.HOTLINE_SATISFACTION_DEDUCT —— 附件2 群众满意率", () => {
  bandTests(ASSESS.HOTLINE_SATISFACTION_DEDUCT, SATISFACTION);
});

const RATE_FUNCTIONS = [
  ["HOTLINE_COMPLETION_DEDUCT", ASSESS.HOTLINE_COMPLETION_DEDUCT, "按期办结数", "应办结数"],
  ["HOTLINE_RETURN_DEDUCT", ASSESS.HOTLINE_RETURN_DEDUCT, "退单数", "工单总量"],
  ["HOTLINE_EXTENSION_DEDUCT", ASSESS.HOTLINE_EXTENSION_DEDUCT, "延期申请数", "工单总量"],
  ["HOTLINE_SATISFACTION_DEDUCT", ASSESS.HOTLINE_SATISFACTION_DEDUCT, "满意数", "有效回访数"],
] as const;

describe("规则D 比率参数的错误：空白 → #N/A；逻辑值、其他文本、超出0—1 → #VALUE!", () => {
  const rows = RATE_FUNCTIONS.flatMap(([name, fn]) => [
    [name, "空白 null → #N/A", fn, null, NA, "空白"],
    [name, "空字符串 → #N/A", fn, "", NA, "空白"],
    [name, "文本“abc” → #VALUE!", fn, "abc", VALUE, "abc"],
    [name, "文本“九成” → #VALUE!", fn, "九成", VALUE, "九成"],
    [name, "TRUE → #VALUE!", fn, true, VALUE, "TRUE"],
    [name, "FALSE → #VALUE!", fn, false, VALUE, "FALSE"],
    [name, "1.2 → #VALUE!", fn, 1.2, VALUE, "1.2"],
    [name, "-0.1 → #VALUE!", fn, -0.1, VALUE, "-0.1"],
    [name, "“120%” → #VALUE!", fn, "120%", VALUE, "120%"],
  ] as const);
  test.each(rows)("%s %s", (_name, _case, fn, raw, code, mention) => {
    expectError(() => fn(raw, null), code, mention, "参数 rate");
  });
});

describe("规则D 件数形式的错误：负数、小数、逻辑值、文本 → #VALUE!；分子大于分母 → #VALUE!", () => {
  const rows = RATE_FUNCTIONS.flatMap(([name, fn, numerator, denominator]) => [
    [name, "分子 -1", fn, -1, 10, "-1", numerator],
    [name, "分子 1.5", fn, 1.5, 10, "1.5", numerator],
    [name, "分子 TRUE", fn, true, 10, "TRUE", numerator],
    [name, "分子“abc”", fn, "abc", 10, "abc", numerator],
    [name, "分母 -10", fn, 5, -10, "-10", denominator],
    [name, "分母 10.5", fn, 5, 10.5, "10.5", denominator],
    [name, "分母 FALSE", fn, 5, false, "FALSE", denominator],
    [name, "分母“十”", fn, 5, "十", "十", denominator],
    [name, "分子 11 大于分母 10", fn, 11, 10, "11", denominator],
    [name, "分子 1 大于分母 0", fn, 1, 0, "1", denominator],
  ] as const);
  test.each(rows)("%s %s → #VALUE!", (_name, _case, fn, first, second, mention, field) => {
    expectError(() => fn(first, second), VALUE, mention, field);
  });

  test.each(RATE_FUNCTIONS.map(([name, fn]) => [name, fn]))("%s 0/0 → 0（无工单，不扣分）", (_name, fn) => {
    expect(fn(0, 0)).toBe(0);
  });
});

describe("ASSESS.HOTLINE_HANDLING_DEDUCT —— 工单办理（30分）：办结率 + 1/2/10分每件，扣完为止", () => {
  test.each([
    ["100%，无事项 → 0", [1, null, null, null], 0],
    ["99%，省略的件数为空白 → 5", [0.99, null, null, null], 5],
    ["“98.5%” + 反馈不符1件 → 20", ["98.5%", null, 1, null], 20],
    ["97% + 未联系1件 + 反馈不符1件 + 不规范2件 → 30", [0.97, 1, 1, 2], 30],
    ["96% + 未联系5件 → 35，按上限30", [0.96, 5, null, null], 30],
    ["100% + 反馈不符4件 → 40，按上限30", [1, 0, 4, 0], 30],
    ["100% + 不规范“3”件（数字文本）→ 6", [1, "", "", "3"], 6],
  ] as const)("%s", (_name, args, expected) => {
    expect(call(ASSESS.HOTLINE_HANDLING_DEDUCT, args)).toBe(expected);
  });

  test.each([
    ["办结率空白 → #N/A", [null, null, null, null], NA, "completion_rate"],
    ["办结率“abc” → #VALUE!", ["abc", null, null, null], VALUE, "abc"],
    ["未联系 -1 → #VALUE!", [1, -1, null, null], VALUE, "-1"],
    ["反馈不符 1.5 → #VALUE!", [1, null, 1.5, null], VALUE, "1.5"],
    ["不规范 TRUE → #VALUE!", [1, null, null, true], VALUE, "TRUE"],
    ["不规范“两件” → #VALUE!", [1, null, null, "两件"], VALUE, "两件"],
  ] as const)("%s", (_name, args, code, mention) => {
    expectError(() => call(ASSESS.HOTLINE_HANDLING_DEDUCT, args), code, mention);
  });
});

describe("ASSESS.HOTLINE_COOPERATION_DEDUCT —— 日常工作配合（20分），扣完为止", () => {
  test.each([
    ["全部省略 → 0", [null, null, null, null, null, null], 0],
    ["知识库1次 → 2", [1, null, null, null, null, null], 2],
    ["值班表1次 → 2", [null, 1, null, null, null, null], 2],
    ["领导接话日1次 → 5", [null, null, 1, null, null, null], 5],
    ["吹哨报到1次 → 5", [null, null, null, 1, null, null], 5],
    ["业务培训1次 → 5", [null, null, null, null, 1, null], 5],
    ["无理由推诿1件 → 5", [null, null, null, null, null, 1], 5],
    ["各1次 → 24，按上限20", [1, 1, 1, 1, 1, 1], 20],
    ["知识库10次 → 20（恰好满额）", [10, 0, 0, 0, 0, 0], 20],
    ["无理由推诿9件 → 45，按上限20", [0, 0, 0, 0, 0, 9], 20],
  ] as const)("%s", (_name, args, expected) => {
    expect(call(ASSESS.HOTLINE_COOPERATION_DEDUCT, args)).toBe(expected);
  });
  test("无参数调用 → 0", () => {
    expect(ASSESS.HOTLINE_COOPERATION_DEDUCT()).toBe(0);
  });
  test.each([
    ["知识库 -1", [-1], "-1", "knowledge_base"],
    ["值班表 0.5", [null, 0.5], "0.5", "duty_roster"],
    ["领导接话日 TRUE", [null, null, true], "TRUE", "leader_day"],
    ["吹哨报到“x”", [null, null, null, "x"], "x", "whistle"],
    ["业务培训 -2", [null, null, null, null, -2], "-2", "training"],
    ["无理由推诿 2.5", [null, null, null, null, null, 2.5], "2.5", "shirking"],
  ] as const)("%s → #VALUE!", (_name, args, mention, argName) => {
    expectError(() => call(ASSESS.HOTLINE_COOPERATION_DEDUCT, args), VALUE, mention, argName);
  });
});

describe("ASSESS.HOTLINE_BONUS —— 加分项", () => {
  const bonus = (type: unknown, average: unknown, ...cases: unknown[]) => {
    const args = [...cases, ...Array(8 - cases.length).fill(null)];
    return ASSESS.HOTLINE_BONUS(type, average, ...args);
  };
  test.each([
    ["县区 月均1000 → 0（须超过）", "县区", 1000, 0],
    ["县区 月均1000.01 → 10", "县区", 1000.01, 10],
    ["县区 月均1001 → 10", "县区", 1001, 10],
    ["county 月均1001 → 10", "county", 1001, 10],
    ["市直 月均250 → 0（须超过）", "市直", 250, 0],
    ["市直 月均250.01 → 10", "市直", 250.01, 10],
    ["department 月均251 → 10", "department", 251, 10],
    ["市直 月均“300”（数字文本）→ 10", "市直", "300", 10],
    ["其他 月均251 → 0（不适用）", "其他", 251, 0],
    ["other 月均5000 → 0（不适用）", "other", 5000, 0],
    ["县区 月均省略 → 0", "县区", null, 0],
  ] as const)("%s", (_name, type, average, expected) => {
    expect(bonus(type, average)).toBe(expected);
  });

  test.each([
    ["表扬3件 → 3", [3], 3],
    ["锦旗2次 → 10", [0, 2], 10],
    ["国家级媒体1次 → 10", [0, 0, 1], 10],
    ["省级媒体1次 → 5", [0, 0, 0, 1], 5],
    ["市级媒体1次 → 1", [0, 0, 0, 0, 1], 1],
    ["国家级表彰1次 → 10", [0, 0, 0, 0, 0, 1], 10],
    ["省级表彰1次 → 5", [0, 0, 0, 0, 0, 0, 1], 5],
    ["市级表彰1次 → 2", [0, 0, 0, 0, 0, 0, 0, 1], 2],
  ] as const)("其他单位：%s", (_name, cases, expected) => {
    expect(bonus("其他", null, ...cases)).toBe(expected);
  });

  test("办件量与个案加分相加：县区月均1200 + 表扬2件 + 锦旗1次 + 市级表彰1次 → 19", () => {
    expect(bonus("县区", 1200, 2, 1, 0, 0, 0, 0, 0, 1)).toBe(19);
  });

  test.each([
    ["单位类别“县”", ["县", null], VALUE, "县", "unit_type"],
    ["单位类别“市直部门”", ["市直部门", null], VALUE, "市直部门", "unit_type"],
    ["单位类别空白", [null, null], VALUE, "空白", "unit_type"],
    ["单位类别 TRUE", [true, null], VALUE, "TRUE", "unit_type"],
    ["月均办件量 -1", ["县区", -1], VALUE, "-1", "monthly_average"],
    ["月均办件量 TRUE", ["县区", true], VALUE, "TRUE", "monthly_average"],
    ["月均办件量“很多”", ["县区", "很多"], VALUE, "很多", "monthly_average"],
    ["表扬 1.5 件", ["县区", 0, 1.5], VALUE, "1.5", "praises"],
    ["锦旗 -1 次", ["县区", 0, 0, -1], VALUE, "-1", "banners"],
  ] as const)("%s → #VALUE!", (_name, args, code, mention, argName) => {
    const [type, average, ...cases] = args as readonly unknown[];
    expectError(() => bonus(type, average, ...cases), code, mention, argName);
  });
});

describe("ASSESS.HOTLINE_SCORE —— 总分 = 100 − Σ（各类扣分，各自不超过上限）+ 加分", () => {
  test.each([
    ["无扣分，加分省略 → 100", [0, 0, 0, 0, 0, null], 100],
    ["全部空白 → 100", [null, null, null, null, null, null], 100],
    ["20 + 3 + 0 + 10 + 2，加分2 → 67", [20, 3, 0, 10, 2, 2], 67],
    ["工单办理45 按30计 → 70", [45, 0, 0, 0, 0, null], 70],
    ["退单率13 按10计 → 90", [0, 13, 0, 0, 0, null], 90],
    ["延期率11 按10计 → 90", [0, 0, 11, 0, 0, null], 90],
    ["满意率31 按30计 → 70", [0, 0, 0, 31, 0, null], 70],
    ["日常配合25 按20计 → 80", [0, 0, 0, 0, 25, null], 80],
    ["全部超限 → 0 + 加分5 = 5", [99, 99, 99, 99, 99, 5], 5],
    ["加分不封顶：无扣分 + 加分25 → 125", [0, 0, 0, 0, 0, 25], 125],
    ["小数与数字文本：“0.5” → 99.5", ["0.5", 0, 0, 0, 0, null], 99.5],
  ] as const)("%s", (_name, args, expected) => {
    expect(call(ASSESS.HOTLINE_SCORE, args)).toBe(expected);
  });
  test.each([
    ["工单办理扣分 -5", [-5, 0, 0, 0, 0, null], "-5", "handling"],
    ["退单率扣分“三分”", [0, "三分", 0, 0, 0, null], "三分", "returned"],
    ["延期率扣分 TRUE", [0, 0, true, 0, 0, null], "TRUE", "extension"],
    ["满意率扣分 -1", [0, 0, 0, -1, 0, null], "-1", "satisfaction"],
    ["日常配合扣分“x”", [0, 0, 0, 0, "x", null], "x", "cooperation"],
    ["加分 -2", [0, 0, 0, 0, 0, -2], "-2", "bonus"],
  ] as const)("%s → #VALUE!", (_name, args, mention, argName) => {
    expectError(() => call(ASSESS.HOTLINE_SCORE, args), VALUE, mention, argName);
  });
  test("与各函数组合：HOTLINE_SCORE(HANDLING, RETURN, EXTENSION, SATISFACTION, COOPERATION, BONUS)", () => {
    const handling = ASSESS.HOTLINE_HANDLING_DEDUCT("98.5%", null, 1, null);
    const returned = ASSESS.HOTLINE_RETURN_DEDUCT(60, 1200);
    const extension = ASSESS.HOTLINE_EXTENSION_DEDUCT(0, 1200);
    const satisfaction = ASSESS.HOTLINE_SATISFACTION_DEDUCT(790, 1000);
    const cooperation = ASSESS.HOTLINE_COOPERATION_DEDUCT(1, null, null, null, null, null);
    const bonus = ASSESS.HOTLINE_BONUS("市直", 100, 2, null, null, null, null, null, null, null);
    expect([handling, returned, extension, satisfaction, cooperation, bonus]).toEqual([20, 3, 0, 10, 2, 2]);
    expect(ASSESS.HOTLINE_SCORE(handling, returned, extension, satisfaction, cooperation, bonus)).toBe(67);
  });
});

describe("ASSESS.VETO_SCORE —— 一票否决：任一适用事项未完成 → 0.5，否则 0", () => {
  test.each([
    ["全部完成（一行）", [["完成", "已完成", "是", true, "TRUE"]], 0],
    ["完成与不涉及混合", [["完成", null, "不涉及"], ["—", "-", "/"], ["", "已完成", " "]], 0],
    ["全部不涉及或空白", [[null, null], ["不涉及", "—"]], 0],
    ["一列（纵向区域）", [["完成"], ["完成"], [null]], 0],
    ["一项“未完成”", [["完成", "未完成", "完成"]], 0.5],
    ["一项“否”", [["否"]], 0.5],
    ["一项 FALSE", [["完成"], [false]], 0.5],
    ["0 按空白（桌面版 Excel 把区域中的空白传为0）", [[0, "完成", 0]], 0],
    ["多项未完成仍为0.5", [["未完成", "否"], [false, 0]], 0.5],
    ["单元格前后有空格", [[" 完成 ", " 未完成 "]], 0.5],
  ] as const)("%s → %s", (_name, statuses, expected) => {
    expect(ASSESS.VETO_SCORE(statuses as unknown as unknown[][])).toBe(expected);
  });

  test.each([
    ["“完城”（笔误）", [["完成", "完城"]], "完城", "第1行第2列"],
    ["“x”", [["x"]], "x", "第1行第1列"],
    ["“已完”", [["完成"], ["已完"]], "已完", "第2行第1列"],
    ["数字 1（数字不是完成情况）", [["完成", 1]], "1", "第1行第2列"],
    ["数字 2", [[2]], "2", "第1行第1列"],
    ["数字 0.5", [[0.5]], "0.5", "第1行第1列"],
    ["“未完成 ” 之外的“未”", [["未"]], "未", "第1行第1列"],
  ] as const)("%s → #VALUE!，不当作“不涉及”", (_name, statuses, mention, where) => {
    expectError(() => ASSESS.VETO_SCORE(statuses as unknown as unknown[][]), VALUE, mention, where, "statuses");
  });

  test("笔误与“未完成”同在时仍报错，不静默扣分", () => {
    expectError(() => ASSESS.VETO_SCORE([["未完成", "完城"]]), VALUE, "完城");
  });
});

describe("ASSESS.APPROVAL_TARGETS_MET —— 事项6五项指标“不低于”（含下限）", () => {
  const MET = [0.7, 0.95, 0.5, 0.95, 0.7] as const;
  const withValue = (i: number, v: unknown) => MET.map((x, j) => (j === i ? v : x)) as [unknown, unknown, unknown, unknown, unknown];
  test("恰好达到下限：70% 95% 50% 95% 70% → TRUE", () => {
    expect(ASSESS.APPROVAL_TARGETS_MET(...MET)).toBe(true);
  });
  test("文本百分数：“70%” “95％” “50%” “95%” “70%” → TRUE", () => {
    expect(ASSESS.APPROVAL_TARGETS_MET("70%", "95％", "50%", "95%", "70%")).toBe(true);
  });
  test("全部100% → TRUE", () => {
    expect(ASSESS.APPROVAL_TARGETS_MET(1, 1, 1, 1, 1)).toBe(true);
  });
  test.each([
    ["减时间比例 69.99%", 0, 0.6999],
    ["最多跑一次占比 94.99%", 1, 0.9499],
    ["即办事项占比 49.99%", 2, 0.4999],
    ["网上可办率 94.99%", 3, 0.9499],
    ["全程网办率 69.99%", 4, 0.6999],
    ["减时间比例 文本“69.99%”", 0, "69.99%"],
  ] as const)("%s → FALSE", (_name, i, v) => {
    expect(ASSESS.APPROVAL_TARGETS_MET(...withValue(i, v))).toBe(false);
  });
  test("=0.1*7（0.7000000000000001）视为70% → TRUE", () => {
    expect(ASSESS.APPROVAL_TARGETS_MET(...withValue(0, 0.1 * 7))).toBe(true);
  });
  test.each([
    ["减时间比例空白 → #N/A", 0, null, NA, "time_cut"],
    ["最多跑一次占比“高” → #VALUE!", 1, "高", VALUE, "one_trip"],
    ["即办事项占比 TRUE → #VALUE!", 2, true, VALUE, "instant"],
    ["网上可办率 1.2 → #VALUE!", 3, 1.2, VALUE, "online"],
    ["全程网办率“120%” → #VALUE!", 4, "120%", VALUE, "full_online"],
  ] as const)("%s", (_name, i, v, code, argName) => {
    expectError(() => ASSESS.APPROVAL_TARGETS_MET(...withValue(i, v)), code, argName);
  });
});

describe("ASSESS.APPROVAL_APPLIES —— 每项只适用于文件“涉及部门”所列部门", () => {
  const rows = ([1, 2, 3, 4, 5, 6] as const).flatMap((no) =>
    APPROVAL_DEPARTMENTS.map((dept) => {
      const listed = ITEM_DEPARTMENTS[no].includes(dept) || (dept === "市档案馆" && ITEM_DEPARTMENTS[no].includes("市档案局"));
      return [no, dept, listed] as const;
    }));
  test.each(rows)("事项%i %s → %s", (no, dept, expected) => {
    expect(ASSESS.APPROVAL_APPLIES(dept, no)).toBe(expected);
  });

  const listedRows = Object.entries(ITEM_DEPARTMENTS).flatMap(([no, names]) => names.map((n) => [Number(no), n] as const));
  test.each(listedRows)("事项%i 涉及部门中的写法“%s” → TRUE", (no, name) => {
    expect(ASSESS.APPROVAL_APPLIES(name, no)).toBe(true);
  });

  test.each([
    ["市发展和改革委员会", 1, true],
    ["市教育体育局", 1, false],
    ["市教育体育局", 2, true],
    ["市城市管理执法局", 4, true],
    ["市档案局", 6, true],
    ["市档案馆", 1, false],
    ["市 消防救援支队", 5, true],
    ["市发改委", "1", true],
  ] as const)("%s 事项%s → %s（别名、空格、数字文本）", (name, no, expected) => {
    expect(ASSESS.APPROVAL_APPLIES(name, no)).toBe(expected);
  });

  test.each([
    ["“市发改”", "市发改", 1],
    ["“发展改革委”", "发展改革委", 2],
    ["“市宣传部”", "市宣传部", 3],
  ] as const)("未知部门 %s → #N/A", (_name, dept, no) => {
    expectError(() => ASSESS.APPROVAL_APPLIES(dept, no), NA, dept, "department");
  });
  test("部门名称空白 → #N/A", () => {
    expectError(() => ASSESS.APPROVAL_APPLIES(null, 1), NA, "空白");
  });
  test("热线承办单位但非便民化考核对象（市审计局）→ #N/A，并说明不是考核对象", () => {
    expectError(() => ASSESS.APPROVAL_APPLIES("市审计局", 1), NA, "市审计局", "考核对象");
  });

  test.each([
    ["0（按空白）", 0, "空白"],
    ["7", 7, "7"],
    ["-1", -1, "-1"],
    ["1.5", 1.5, "1.5"],
    ["“一”", "一", "一"],
    ["TRUE", true, "TRUE"],
    ["空白", null, "空白"],
  ] as const)("事项序号 %s → #VALUE!", (_name, item, mention) => {
    expectError(() => ASSESS.APPROVAL_APPLIES("市发改委", item), VALUE, mention, "item");
  });
});

describe("ASSESS.UNIT_TYPE —— 县区 / 市直 / 其他", () => {
  const committees = MANAGEMENT_COMMITTEES as readonly string[];
  const rows = [
    ...COUNTY_GOVERNMENTS.flatMap((c) => [[c, "县区"], [`${c}政府`, "县区"], [`${c}人民政府`, "县区"]] as const),
    ["旬阳县", "县区"] as const,
    ...ANNEX1_NAMED_UNITS.map((n) => [n, committees.includes(n) ? "县区" : n.startsWith("市") ? "市直" : "其他"] as const),
    ...SAME_UNIT_PAIRS.filter(([a]) => a !== "市档案馆").map(([a]) => [a, "市直"] as const),
    ["安康水务(集团)有限公司", "其他"] as const,
    ["高新区", "县区"] as const,
    ["瀛湖生态旅游区", "县区"] as const,
    ["恒口示范区", "县区"] as const,
  ];
  test.each(rows)("%s → %s", (name, type) => {
    expect(ASSESS.UNIT_TYPE(name)).toBe(type);
  });

  test.each([["汉滨"], ["市发改"], ["工商银行安康分行"], ["不存在的单位"]])("未知单位“%s” → #N/A，写出名称", (name) => {
    expectError(() => ASSESS.UNIT_TYPE(name), NA, name, "name");
  });
  test.each([["空白", null], ["空字符串", ""], ["数字 1", 1], ["TRUE", true]])("%s → #N/A", (_name, raw) => {
    expectError(() => ASSESS.UNIT_TYPE(raw), NA);
  });
});

describe("只用两种可带说明的错误代码（#VALUE! 与 #N/A）", () => {
  test("所有错误都来自 CustomFunctions.Error，代码只有 #VALUE! 或 #N/A", () => {
    const calls: (() => unknown)[] = [
      () => ASSESS.HOTLINE_COMPLETION_DEDUCT(null, null),
      () => ASSESS.HOTLINE_RETURN_DEDUCT(2, 1),
      () => ASSESS.HOTLINE_BONUS("x", null),
      () => ASSESS.VETO_SCORE([["x"]]),
      () => ASSESS.UNIT_TYPE("x"),
      () => ASSESS.APPROVAL_APPLIES("市发改委", 9),
    ];
    for (const call of calls) expect([VALUE, NA]).toContain(thrown(call).code);
  });
});
