/*
 * The rows of samples/excel-acceptance.xlsx: one ASSESS.* formula each, over input cells next to it, with the value
 * the product rules (../shared/spec/assessment-2021.md, sections A, B and D) require. The workbook carries no method
 * sheets, so every function scores by the built-in 2021 method (spec G). Expected values are written
 * here from the rules, never computed by the engine.
 */

/** An input cell: undefined = blank. */
export type InputCell = number | string | boolean | undefined;

/** A formula argument: the index of an input cell (a reference), a row range of inputs, or a constant. */
export type RowArg = number | { readonly range: readonly [number, number] } | { readonly constant: number | string };

export type Expected = number | string | boolean | { readonly error: "#N/A" | "#VALUE!" };

export interface AcceptanceRow {
  readonly fn: string;
  readonly case: string;
  readonly inputs: readonly InputCell[];
  /** Default: every input by reference, in order. */
  readonly args?: readonly RowArg[];
  readonly expected: Expected;
  /** Number format of the inputs (rates are shown as percentages). */
  readonly percent?: boolean;
}

const NA = { error: "#N/A" } as const;
const VALUE = { error: "#VALUE!" } as const;
const _ = undefined; // a blank cell

const rates = (fn: string, cases: readonly [string, InputCell, Expected][]): AcceptanceRow[] =>
  cases.map(([name, rate, expected]) => ({ fn, case: name, inputs: [rate], expected, percent: typeof rate === "number" }));

const pairs = (fn: string, cases: readonly [string, InputCell, InputCell, Expected][]): AcceptanceRow[] =>
  cases.map(([name, a, b, expected]) => ({ fn, case: name, inputs: [a, b], expected }));

export const ACCEPTANCE_ROWS: readonly AcceptanceRow[] = [
  // 附件2 工单办理·办结率: 100% → 0; [99%,100%) → 5; [98%,99%) → 10; [97%,98%) → 15; <97% → 30.
  ...rates("HOTLINE_COMPLETION_DEDUCT", [
    ["100% → 0", 1, 0],
    ["99%（含下限）→ 5", 0.99, 5],
    ["0.9899999999999999（=1.13−0.14，15位有效数字即99%）→ 5", 0.9899999999999999, 5],
    ["文本“98.5%” → 10", "98.5%", 10],
    ["全角“98.5％” → 10", "98.5％", 10],
    ["文本“0.985” → 10", "0.985", 10],
    ["97% → 15", 0.97, 15],
    ["96.99% → 30", 0.9699, 30],
    ["单元格为0（0%）→ 30", 0, 30],
    ["空白 → #N/A（缺数据不是0%）", _, NA],
    ["文本“abc” → #VALUE!", "abc", VALUE],
    ["TRUE → #VALUE!", true, VALUE],
    ["1.2（超过100%）→ #VALUE!", 1.2, VALUE],
  ]),
  ...pairs("HOTLINE_COMPLETION_DEDUCT", [
    ["件数 990/1000 → 5", 990, 1000, 5],
    ["件数 0/0（无工单）→ 0", 0, 0, 0],
    ["件数 1001/1000（分子大于分母）→ #VALUE!", 1001, 1000, VALUE],
    ["第二格空白 = 只填比率：99% → 5", 0.99, _, 5],
    ["两格都空白 → #N/A", _, _, NA],
  ]),
  { fn: "HOTLINE_COMPLETION_DEDUCT", case: "省略第二个参数：99% → 5", inputs: [0.99], expected: 5, percent: true },
  { fn: "HOTLINE_COMPLETION_DEDUCT", case: "公式中直接写常数0 → 30", inputs: [], args: [{ constant: 0 }], expected: 30 },

  // 退单率: <5% → 0; [5%,10%) → 3; [10%,15%] → 6; >15% → 10.
  ...rates("HOTLINE_RETURN_DEDUCT", [
    ["4.99% → 0", 0.0499, 0],
    ["5% → 3", 0.05, 3],
    ["10% → 6", 0.1, 6],
    ["15%（含）→ 6", 0.15, 6],
    ["0.15000000000000002（=0.1+0.05）→ 6", 0.15000000000000002, 6],
    ["15.01% → 10", 0.1501, 10],
    ["文本“15%” → 6", "15%", 6],
    ["单元格为0（无退单）→ 0", 0, 0],
    ["空白 → #N/A", _, NA],
  ]),
  ...pairs("HOTLINE_RETURN_DEDUCT", [
    ["件数 60/1200（5%）→ 3", 60, 1200, 3],
    ["件数 0/1200 → 0", 0, 1200, 0],
    ["退单数空白、工单1200（空白件数按0）→ 0", _, 1200, 0],
    ["件数 181/1200（15.08%）→ 10", 181, 1200, 10],
    ["件数 5/空白（第二格空白 = 比率形式，5不是比率）→ #VALUE!", 5, _, VALUE],
  ]),

  // 延期率: same table as 退单率.
  ...rates("HOTLINE_EXTENSION_DEDUCT", [
    ["6% → 3", 0.06, 3],
    ["文本“12%” → 6", "12%", 6],
    ["20% → 10", 0.2, 10],
    ["空白 → #N/A", _, NA],
  ]),
  ...pairs("HOTLINE_EXTENSION_DEDUCT", [
    ["件数 0/0（无工单）→ 0", 0, 0, 0],
    ["件数 “12”/“100”（数字文本）→ 6", "12", "100", 6],
  ]),

  // 群众满意率: ≥80% → 0; [70%,80%) → 10; [60%,70%) → 20; <60% → 30.
  ...rates("HOTLINE_SATISFACTION_DEDUCT", [
    ["80%（达到）→ 0", 0.8, 0],
    ["79.99% → 10", 0.7999, 10],
    ["70% → 10", 0.7, 10],
    ["60% → 20", 0.6, 20],
    ["59.99% → 30", 0.5999, 30],
    ["全角“85％” → 0", "85％", 0],
    ["单元格为0 → 30", 0, 30],
    ["空白 → #N/A", _, NA],
  ]),
  ...pairs("HOTLINE_SATISFACTION_DEDUCT", [
    ["件数 800/1000 → 0", 800, 1000, 0],
    ["件数 799/1000 → 10", 799, 1000, 10],
  ]),

  // 工单办理 (30): completion deduction + 1 per 未联系, 10 per 反馈不符, 2 per 不规范, capped.
  { fn: "HOTLINE_HANDLING_DEDUCT", case: "98.5% + 反馈不符1件 → 10+10 = 20", inputs: [0.985, 0, 1, 0], expected: 20 },
  { fn: "HOTLINE_HANDLING_DEDUCT", case: "“99%” + 未联系2件 + 不规范1件 → 5+2+2 = 9", inputs: ["99%", 2, _, 1], expected: 9 },
  { fn: "HOTLINE_HANDLING_DEDUCT", case: "96% + 未联系5件 → 35，按上限30", inputs: [0.96, 5, _, _], expected: 30 },
  { fn: "HOTLINE_HANDLING_DEDUCT", case: "100%，件数都空白 → 0", inputs: [1, _, _, _], expected: 0 },
  { fn: "HOTLINE_HANDLING_DEDUCT", case: "办结率为0、件数为0 → 30", inputs: [0, 0, 0, 0], expected: 30 },
  { fn: "HOTLINE_HANDLING_DEDUCT", case: "办结率空白 → #N/A", inputs: [_, 1, 0, 0], expected: NA },
  { fn: "HOTLINE_HANDLING_DEDUCT", case: "未联系 -1 件 → #VALUE!", inputs: [1, -1, 0, 0], expected: VALUE },
  { fn: "HOTLINE_HANDLING_DEDUCT", case: "反馈不符 1.5 件 → #VALUE!", inputs: [1, 0, 1.5, 0], expected: VALUE },
  { fn: "HOTLINE_HANDLING_DEDUCT", case: "只写办结率（省略件数）：97% → 15", inputs: [0.97], expected: 15 },

  // 日常工作配合 (20): 2, 2, 5, 5, 5, 5 per case, capped.
  { fn: "HOTLINE_COOPERATION_DEDUCT", case: "六格都空白 → 0", inputs: [_, _, _, _, _, _], expected: 0 },
  { fn: "HOTLINE_COOPERATION_DEDUCT", case: "知识库1次 + 吹哨报到1次 → 7", inputs: [1, 0, 0, 1, 0, 0], expected: 7 },
  { fn: "HOTLINE_COOPERATION_DEDUCT", case: "值班表1次（其余空白）→ 2", inputs: [_, 1, _, _, _, _], expected: 2 },
  { fn: "HOTLINE_COOPERATION_DEDUCT", case: "各1次 → 24，按上限20", inputs: [1, 1, 1, 1, 1, 1], expected: 20 },
  { fn: "HOTLINE_COOPERATION_DEDUCT", case: "知识库 -1 → #VALUE!", inputs: [-1, 0, 0, 0, 0, 0], expected: VALUE },
  { fn: "HOTLINE_COOPERATION_DEDUCT", case: "无理由推诿“两次” → #VALUE!", inputs: [0, 0, 0, 0, 0, "两次"], expected: VALUE },
  { fn: "HOTLINE_COOPERATION_DEDUCT", case: "不写参数 → 0", inputs: [], expected: 0 },

  // 加分项: 县区 月均 > 1000 → +10; 市直 > 250 → +10; 其他 none; 1/5 per praise/banner; media 10/5/1; honors 10/5/2.
  { fn: "HOTLINE_BONUS", case: "县区 月均1000（须超过）→ 0", inputs: ["县区", 1000], expected: 0 },
  { fn: "HOTLINE_BONUS", case: "县区 月均1001 → 10", inputs: ["县区", 1001], expected: 10 },
  { fn: "HOTLINE_BONUS", case: "市直 月均250 → 0", inputs: ["市直", 250], expected: 0 },
  { fn: "HOTLINE_BONUS", case: "市直 月均250.01 → 10", inputs: ["市直", 250.01], expected: 10 },
  { fn: "HOTLINE_BONUS", case: "其他 月均5000（不适用）+ 表扬1件 → 1", inputs: ["其他", 5000, 1], expected: 1 },
  {
    fn: "HOTLINE_BONUS", case: "county 月均1200 + 表扬2 + 锦旗1 + 市级表彰1 → 10+2+5+2 = 19",
    inputs: ["county", 1200, 2, 1, _, _, _, _, _, 1], expected: 19,
  },
  {
    fn: "HOTLINE_BONUS", case: "其他：媒体国/省/市各1 + 表彰国/省/市各1 → 10+5+1+10+5+2 = 33",
    inputs: ["其他", 0, 0, 0, 1, 1, 1, 1, 1, 1], expected: 33,
  },
  { fn: "HOTLINE_BONUS", case: "市直 月均空白 + 表扬3件 → 3", inputs: ["市直", _, 3], expected: 3 },
  { fn: "HOTLINE_BONUS", case: "单位类别“县” → #VALUE!", inputs: ["县", 10], expected: VALUE },
  { fn: "HOTLINE_BONUS", case: "单位类别空白 → #VALUE!", inputs: [_, 10], expected: VALUE },
  { fn: "HOTLINE_BONUS", case: "月均办件量 -1 → #VALUE!", inputs: ["县区", -1], expected: VALUE },

  // 总分 = 100 − Σ(each category capped) + bonus.
  { fn: "HOTLINE_SCORE", case: "20,3,0,10,2 加分2 → 67", inputs: [20, 3, 0, 10, 2, 2], expected: 67 },
  { fn: "HOTLINE_SCORE", case: "工单办理45 按30计 → 70", inputs: [45, 0, 0, 0, 0], expected: 70 },
  { fn: "HOTLINE_SCORE", case: "五项扣分都空白、加分空白 → 100", inputs: [_, _, _, _, _, _], expected: 100 },
  { fn: "HOTLINE_SCORE", case: "全部超限 + 加分5 → 5", inputs: [99, 99, 99, 99, 99, 5], expected: 5 },
  { fn: "HOTLINE_SCORE", case: "加分不封顶：加分25 → 125", inputs: [0, 0, 0, 0, 0, 25], expected: 125 },
  { fn: "HOTLINE_SCORE", case: "10,0,3,0,4，加分格空白 → 83", inputs: [10, 0, 3, 0, 4, _], expected: 83 },
  { fn: "HOTLINE_SCORE", case: "工单办理扣分 -5 → #VALUE!", inputs: [-5, 0, 0, 0, 0, 0], expected: VALUE },

  // 一票否决: any applicable item not done → 0.5; statuses per spec D; 0 in a range reads as blank.
  ...([
    ["完成、空白、不涉及、—、已完成、是 → 0", ["完成", _, "不涉及", "—", "已完成", "是"], 0],
    ["一项“未完成” → 0.5", ["完成", "未完成", "完成", _, _, _], 0.5],
    ["TRUE 与 FALSE → 0.5", [true, false, _, _, _, _], 0.5],
    ["一项“否” → 0.5", ["否", _, _, _, _, _], 0.5],
    ["六格都空白 → 0", [_, _, _, _, _, _], 0],
    ["区域中的0按空白 → 0", [0, "完成", "-", "/", _, 0], 0],
    ["数字1不是完成情况 → #VALUE!", [1, "完成", _, _, _, _], VALUE],
    ["数字2 → #VALUE!", ["完成", 2, _, _, _, _], VALUE],
    ["笔误“完城” → #VALUE!（不当作不涉及）", ["完成", "完城", _, _, _, _], VALUE],
  ] as const).map(([name, inputs, expected]): AcceptanceRow => ({
    fn: "VETO_SCORE", case: name, inputs, args: [{ range: [0, inputs.length - 1] }], expected,
  })),

  // 事项6 five targets, "不低于": 70% 95% 50% 95% 70%.
  { fn: "APPROVAL_TARGETS_MET", case: "恰好达到 70% 95% 50% 95% 70% → TRUE", inputs: [0.7, 0.95, 0.5, 0.95, 0.7], expected: true, percent: true },
  { fn: "APPROVAL_TARGETS_MET", case: "文本“70%”“95％”“50%”“95%”“70%” → TRUE", inputs: ["70%", "95％", "50%", "95%", "70%"], expected: true },
  { fn: "APPROVAL_TARGETS_MET", case: "减时间比例 69.99% → FALSE", inputs: [0.6999, 0.95, 0.5, 0.95, 0.7], expected: false, percent: true },
  { fn: "APPROVAL_TARGETS_MET", case: "即办事项占比为0 → FALSE", inputs: [0.7, 0.95, 0, 0.95, 0.7], expected: false, percent: true },
  { fn: "APPROVAL_TARGETS_MET", case: "全程网办率空白 → #N/A", inputs: [0.7, 0.95, 0.5, 0.95, _], expected: NA, percent: true },
  { fn: "APPROVAL_TARGETS_MET", case: "最多跑一次占比“高” → #VALUE!", inputs: [0.7, "高", 0.5, 0.95, 0.7], expected: VALUE },

  // 涉及部门 (2021 method), aliases of section C.
  { fn: "APPROVAL_APPLIES", case: "市发改委 事项1 → TRUE", inputs: ["市发改委", 1], expected: true },
  { fn: "APPROVAL_APPLIES", case: "全称 市发展和改革委员会 事项1 → TRUE", inputs: ["市发展和改革委员会", 1], expected: true },
  { fn: "APPROVAL_APPLIES", case: "市教育体育局 事项1 → FALSE", inputs: ["市教育体育局", 1], expected: false },
  { fn: "APPROVAL_APPLIES", case: "简称 市教体局 事项2 → TRUE", inputs: ["市教体局", 2], expected: true },
  { fn: "APPROVAL_APPLIES", case: "事项序号文本“1” → TRUE", inputs: ["市发改委", "1"], expected: true },
  { fn: "APPROVAL_APPLIES", case: "非考核对象 市审计局 → #N/A", inputs: ["市审计局", 1], expected: NA },
  { fn: "APPROVAL_APPLIES", case: "未知部门“某某局” → #N/A", inputs: ["某某局", 1], expected: NA },
  { fn: "APPROVAL_APPLIES", case: "部门空白 → #N/A", inputs: [_, 1], expected: NA },
  { fn: "APPROVAL_APPLIES", case: "事项7 → #VALUE!", inputs: ["市发改委", 7], expected: VALUE },
  { fn: "APPROVAL_APPLIES", case: "事项序号空白 → #VALUE!", inputs: ["市发改委", _], expected: VALUE },
  { fn: "APPROVAL_APPLIES", case: "事项序号0 → #VALUE!", inputs: ["市发改委", 0], expected: VALUE },

  // 单位类别 (section A) and names (section C).
  { fn: "UNIT_TYPE", case: "汉滨区 → 县区", inputs: ["汉滨区"], expected: "县区" },
  { fn: "UNIT_TYPE", case: "汉滨区人民政府 → 县区", inputs: ["汉滨区人民政府"], expected: "县区" },
  { fn: "UNIT_TYPE", case: "旬阳县（2021年前的名称）→ 县区", inputs: ["旬阳县"], expected: "县区" },
  { fn: "UNIT_TYPE", case: "高新区（管委会）→ 县区", inputs: ["高新区"], expected: "县区" },
  { fn: "UNIT_TYPE", case: "市发改委 → 市直", inputs: ["市发改委"], expected: "市直" },
  { fn: "UNIT_TYPE", case: "前后有空格“ 市发改委 ” → 市直", inputs: [" 市发改委 "], expected: "市直" },
  { fn: "UNIT_TYPE", case: "工行安康分行 → 其他", inputs: ["工行安康分行"], expected: "其他" },
  { fn: "UNIT_TYPE", case: "全角括号 安康水务（集团）有限公司 → 其他", inputs: ["安康水务（集团）有限公司"], expected: "其他" },
  { fn: "UNIT_TYPE", case: "未知单位 → #N/A", inputs: ["不存在的单位"], expected: NA },
  { fn: "UNIT_TYPE", case: "空白 → #N/A", inputs: [_], expected: NA },

  // Any rate of the method by its 项目 name (spec G 比率分档); the same rate and count forms as the four rate functions.
  { fn: "RATE_DEDUCT", case: "退单率 6% → 3", inputs: ["退单率", 0.06], expected: 3, percent: true },
  { fn: "RATE_DEDUCT", case: "办结率 件数 990/1000 → 5", inputs: ["办结率", 990, 1000], expected: 5 },
  { fn: "RATE_DEDUCT", case: "满意率 79.99% → 10", inputs: ["满意率", 0.7999], expected: 10, percent: true },
  { fn: "RATE_DEDUCT", case: "类别名“群众满意率” 80% → 0", inputs: ["群众满意率", 0.8], expected: 0, percent: true },
  { fn: "RATE_DEDUCT", case: "延期率 文本“15%”（含）→ 6", inputs: ["延期率", "15%"], expected: 6 },
  { fn: "RATE_DEDUCT", case: "办结率单元格为0（0%）→ 30", inputs: ["办结率", 0], expected: 30 },
  { fn: "RATE_DEDUCT", case: "退单率单元格为0 → 0", inputs: ["退单率", 0], expected: 0 },
  { fn: "RATE_DEDUCT", case: "办结率空白 → #N/A（缺数据不是0%）", inputs: ["办结率", _], expected: NA },
  { fn: "RATE_DEDUCT", case: "退单数空白、工单1200（空白件数按0）→ 0", inputs: ["退单率", _, 1200], expected: 0 },
  { fn: "RATE_DEDUCT", case: "退单率 件数 181/1200 → 10", inputs: ["退单率", 181, 1200], expected: 10 },
  { fn: "RATE_DEDUCT", case: "件数 1201/1200（分子大于分母）→ #VALUE!", inputs: ["退单率", 1201, 1200], expected: VALUE },
  { fn: "RATE_DEDUCT", case: "未知指标“投诉率” → #VALUE!（说明列出可用指标）", inputs: ["投诉率", 0.1], expected: VALUE },
  { fn: "RATE_DEDUCT", case: "指标空白 → #VALUE!", inputs: [_, 0.1], expected: VALUE },
  { fn: "RATE_DEDUCT", case: "公式中直接写常数（“退单率”，0.15）→ 6", inputs: [], args: [{ constant: "退单率" }, { constant: 0.15 }], expected: 6 },

  // Points × count of a case kind (按件扣分) or bonus kind (按件加分), not capped by its category.
  { fn: "CASE_POINTS", case: "反馈内容与实际不符 2件 → 20", inputs: ["反馈内容与实际不符", 2], expected: 20 },
  { fn: "CASE_POINTS", case: "加分项 群众锦旗 1次 → 5", inputs: ["群众锦旗", 1], expected: 5 },
  { fn: "CASE_POINTS", case: "未第一时间联系诉求人 40件 → 40（不按类别上限30封顶）", inputs: ["未第一时间联系诉求人", 40], expected: 40 },
  { fn: "CASE_POINTS", case: "文件中的写法“知识库维护” 3次 → 6", inputs: ["知识库维护", 3], expected: 6 },
  { fn: "CASE_POINTS", case: "市级表彰 件数空白 → 0", inputs: ["市级表彰", _], expected: 0 },
  { fn: "CASE_POINTS", case: "省略件数 → 0", inputs: ["国家级媒体采用"], expected: 0 },
  { fn: "CASE_POINTS", case: "未知项目 → #VALUE!（说明列出可用项目）", inputs: ["不存在的项目", 1], expected: VALUE },
  { fn: "CASE_POINTS", case: "项目空白 → #VALUE!", inputs: [_, 1], expected: VALUE },
  { fn: "CASE_POINTS", case: "无理由推诿 -1 件 → #VALUE!", inputs: ["无理由推诿", -1], expected: VALUE },
  { fn: "CASE_POINTS", case: "无理由推诿 1.5 件 → #VALUE!", inputs: ["无理由推诿", 1.5], expected: VALUE },
];
