/** Every user-facing message of the engine, in one catalogue. `field` already names the argument or cell. */

export function show(value: unknown): string {
  if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) return "空白";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return `“${value}”`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "无效日期" : value.toISOString().slice(0, 10);
  return String(value);
}

const RATE_EXPECTED = "应为0到1之间的数字，或“98.5%”形式的百分数";
const COUNT_EXPECTED = "应为不小于0的整数";
const AMOUNT_EXPECTED = "应为不小于0的数字";

export const MSG = {
  rateBlank: (field: string) => `${field}为空白：${RATE_EXPECTED}。`,
  rateNotNumber: (field: string, v: unknown) => `${field}的值${show(v)}不是比率：${RATE_EXPECTED}。`,
  rateBoolean: (field: string, v: unknown) => `${field}的值${show(v)}是逻辑值，不是比率：${RATE_EXPECTED}。`,
  rateOutOfRange: (field: string, v: unknown) => `${field}的值${show(v)}超出范围：比率${RATE_EXPECTED.slice(1)}（0%—100%）。`,

  countNotNumber: (field: string, v: unknown) => `${field}的值${show(v)}不是数字：${COUNT_EXPECTED}（件数或次数）。`,
  countBoolean: (field: string, v: unknown) => `${field}的值${show(v)}是逻辑值：${COUNT_EXPECTED}（件数或次数）。`,
  countNegative: (field: string, v: unknown) => `${field}的值${show(v)}是负数：${COUNT_EXPECTED}（件数或次数）。`,
  countFractional: (field: string, v: unknown) => `${field}的值${show(v)}不是整数：${COUNT_EXPECTED}（件数或次数）。`,

  amountNotNumber: (field: string, v: unknown) => `${field}的值${show(v)}不是数字：${AMOUNT_EXPECTED}。`,
  amountBoolean: (field: string, v: unknown) => `${field}的值${show(v)}是逻辑值：${AMOUNT_EXPECTED}。`,
  amountNegative: (field: string, v: unknown) => `${field}的值${show(v)}是负数：${AMOUNT_EXPECTED}。`,

  numeratorExceeds: (numField: string, num: number, denField: string, den: number) =>
    `${numField}的值${num}大于${denField}的值${den}：前者不能超过后者。`,

  unitTypeUnknown: (field: string, v: unknown) =>
    `${field}的值${show(v)}不是单位类别：应为“县区”“市直”“其他”之一（或 county、department、other）。`,
  unitUnknown: (field: string, v: unknown) =>
    `${field}的值${show(v)}不是已登记的单位：应为附件1承办单位或便民化考核对象的名称或其简称（如“市发改委”“汉滨区”）。`,
  unitBlank: (field: string) => `${field}为空白：应填写单位名称。`,
  notApprovalDepartment: (field: string, v: unknown, method: string, departments: number) =>
    `${field}的值${show(v)}不是“${method}”的考核对象：应为该办法所列${departments}个部门之一。`,

  statusUnknown: (field: string, v: unknown) =>
    `${field}的值${show(v)}无法识别：应为“完成/已完成/是/TRUE”“未完成/否/FALSE”，不涉及的事项填“不涉及/—/-/ /”或留空。`,
  statusNumber: (field: string, v: unknown) =>
    `${field}的值${show(v)}是数字，不是完成情况：应填写“完成”“未完成”或“不涉及”（不涉及也可留空）。`,
  statusMissing: (field: string, item: number) =>
    `${field}为空白，按“不涉及”处理，未计扣分；但事项${item}适用于该部门（见考核办法“涉及部门”）：应填写“完成”或“未完成”，请核实。`,
  statusNotApplicableButApplies: (field: string, v: unknown, item: number) =>
    `${field}填写了${show(v)}，按“不涉及”处理，未计扣分；但事项${item}适用于该部门（见考核办法“涉及部门”）：应填写“完成”或“未完成”，请核实。`,
  statusGivenButNotApplicable: (field: string, v: unknown, item: number) =>
    `${field}填写了${show(v)}，但事项${item}不适用于该部门：该值不计入考核，应改为“不涉及”。`,
  partsConflict: (field: string, v: unknown, derived: string) =>
    `${field}填写了${show(v)}，与其分项得出的“${derived}”不一致：请核对。`,
  partsIncomplete: (field: string, item: number) =>
    `${field}为空白：事项${item}的分项已部分填写，应填全所有分项（事项${item}须各部分全部完成）。`,

  dateInvalid: (field: string, v: unknown) => `${field}的值${show(v)}不是日期：应为日期，如 2021-12-31。`,

  caseItemUnknown: (field: string, v: unknown, allowed: readonly string[]) =>
    `${field}的值${show(v)}不是登记事项：应为${allowed.map((a) => `“${a}”`).join("、")}之一。`,
  duplicateUnit: (field: string, v: unknown, first: string) => `${field}的单位${show(v)}重复：已在${first}出现，每个单位只能有一行。`,

  /** A rate without a denominator: no deduction, and the result says why. */
  zeroDenominator: (denominator: string) => (denominator === "工单总量" ? "无工单，不计扣分" : `${denominator}为0，不计扣分`),
  /** 扣分说明 of an applicable item left blank or marked 不涉及 (spec D: not applicable, costs nothing). */
  countedNotApplicable: (item: number, name: string, blank: boolean) =>
    `事项${item}（${name}）${blank ? "未填写" : "填为不涉及"}，按不涉及计`,
  lateEvidence: (item: number, date: string, deadline: string) => `事项${item}印证资料${date}报送，晚于截止日期${deadline}，视为未完成`,
  vetoApplied: (cap: string) => `一票否决，按上限扣${cap}分`,
  clauseQuote: (clause: string) => `（依据：${clause}）`,
  clauseAgain: "（依据见前）",
  /** A clause quoted in full in another row of the same table (序号3). */
  clauseElsewhere: (place: string) => `（依据见${place}）`,
  sameDocument: "该文件",

  // --- 扣分说明: the sentences of the result lines ----------------------------------------------------------------
  /** "办结率98.50%（98%—99%）扣10分", "群众锦旗1次加5分". */
  lineSentence: (subject: string, band: string | undefined, deducted: boolean, points: string) =>
    `${subject}${band ? `（${band}）` : ""}${deducted ? "扣" : "加"}${points}分`,
  lineNote: (item: string, note: string) => `${item}：${note}`,
  categoryCapped: (category: string, raw: string, cap: string) => `${category}合计${raw}分，按上限扣${cap}分`,
  bonusCapped: (raw: string, points: string) => `加分合计${raw}分，按上限加${points}分`,
  noDeduction: "无扣分",
  allItemsDone: "全部适用事项已完成，不扣分",
  zeroInput: (denominator: string) => `${denominator}为0`,
  volumeInput: (average: string, type: string, included: boolean, over: number) => `${average}件（${type}${included ? "达到" : "超过"}${over}件）`,
  targetMissed: (label: string, shown: string, min: number) => `${label}${shown}低于${min}%`,
  partNotDone: (label: string, notApplicable: boolean) => `${label}${notApplicable ? "填“不涉及”，不算完成" : "未完成"}`,
  itemNotDone: (item: number, name: string) => `事项${item}（${name}）未完成`,
  itemsNotDone: (items: readonly number[]) => `${items.map((n) => `事项${n}`).join("、")}未完成`,
} as const;
