/*
 * The ASSESS.* custom functions. Each only converts Excel's values and calls the engine with the workbook's method
 * (method-source.ts: the built-in method until the task pane runtime has read the workbook's); no scoring here.
 * Ids are given explicitly so that the underscores stay in the names Excel shows. The descriptions Excel shows
 * (band text, points, caps) are written into functions.json at build from the built-in rule set (descriptions.ts);
 * the JSDoc below carries none of them.
 */
import {
  MSG, applies, bonusResult, cooperationResult, excel15, handlingResult, parseStatus, problem, rateDeduction, targetsResult,
  totalScore, vetoFromStatuses, type RateInput, type RuleSet,
} from "../engine";
import { amount, arg, count, errorOf, excelError, omitted, rate, rateOrCounts, unitType, unwrap, zeroAsBlank } from "./arguments";
import { sameOnEveryHost } from "./blank-or-zero";
import { HOST_MSG } from "./messages";
import {
  caseByName, caseKinds, countArgs, methodCategory, methodCounts, methodDeductions, methodRate, rateByName,
} from "./method-shape";
import { withMethod } from "./method-source";

type RateNames = Parameters<typeof rateOrCounts>[2];

function rateFunction(
  fn: string, id: string, item: string, args: readonly unknown[], invocation: CustomFunctions.Invocation | undefined, names: RateNames,
) {
  const fields = [HOST_MSG.eitherArgument(arg(...names.rate), arg(...names.numerator)), arg(...names.denominator)];
  return withMethod((rules) => {
    const rule = methodRate(rules, fn, id, item);
    return sameOnEveryHost(args, invocation, fields, ([first, second]) =>
      rateDeduction(rules.hotline, rule.id, rateOrCounts(first, second, names)).points);
  });
}

/**
 * 工单办理·办结率扣分（按考核办法的分档）。
 * @customfunction HOTLINE_COMPLETION_DEDUCT
 * @param rate_or_on_time 按期办结率（如 98.5% 或 0.985）；按件数计算时为按期办结数
 * @param [due_count] 应办结数（按件数计算时填写）
 * @param invocation 调用信息（Excel 自动传入，不显示）
 * @returns {number} 扣分
 * @requiresParameterAddresses
 */
export function hotlineCompletionDeduct(rate_or_on_time: any, due_count?: any, invocation?: CustomFunctions.Invocation) {
  return rateFunction("HOTLINE_COMPLETION_DEDUCT", "completion", "办结率", [rate_or_on_time, due_count], invocation, {
    rate: ["rate", "按期办结率"], numerator: ["on_time_count", "按期办结数"], denominator: ["due_count", "应办结数"],
  });
}

/**
 * 退单率扣分（按考核办法的分档）。
 * @customfunction HOTLINE_RETURN_DEDUCT
 * @param rate_or_returned 退单率（如 6%）；按件数计算时为退单数
 * @param [total_count] 工单总量（按件数计算时填写）
 * @param invocation 调用信息（Excel 自动传入，不显示）
 * @returns {number} 扣分
 * @requiresParameterAddresses
 */
export function hotlineReturnDeduct(rate_or_returned: any, total_count?: any, invocation?: CustomFunctions.Invocation) {
  return rateFunction("HOTLINE_RETURN_DEDUCT", "returned", "退单率", [rate_or_returned, total_count], invocation, {
    rate: ["rate", "退单率"], numerator: ["returned_count", "退单数"], denominator: ["total_count", "工单总量"],
  });
}

/**
 * 延期率扣分（按考核办法的分档）。
 * @customfunction HOTLINE_EXTENSION_DEDUCT
 * @param rate_or_extensions 延期率（如 6%）；按件数计算时为延期申请数
 * @param [total_count] 工单总量（按件数计算时填写）
 * @param invocation 调用信息（Excel 自动传入，不显示）
 * @returns {number} 扣分
 * @requiresParameterAddresses
 */
export function hotlineExtensionDeduct(rate_or_extensions: any, total_count?: any, invocation?: CustomFunctions.Invocation) {
  return rateFunction("HOTLINE_EXTENSION_DEDUCT", "extension", "延期率", [rate_or_extensions, total_count], invocation, {
    rate: ["rate", "延期率"], numerator: ["extension_count", "延期申请数"], denominator: ["total_count", "工单总量"],
  });
}

/**
 * 群众满意率扣分（按考核办法的分档）。
 * @customfunction HOTLINE_SATISFACTION_DEDUCT
 * @param rate_or_satisfied 回访满意率（如 85%）；按件数计算时为满意数（满意+基本满意）
 * @param [valid_callback_count] 有效回访数（按件数计算时填写）
 * @param invocation 调用信息（Excel 自动传入，不显示）
 * @returns {number} 扣分
 * @requiresParameterAddresses
 */
export function hotlineSatisfactionDeduct(rate_or_satisfied: any, valid_callback_count?: any, invocation?: CustomFunctions.Invocation) {
  return rateFunction("HOTLINE_SATISFACTION_DEDUCT", "satisfaction", "满意率", [rate_or_satisfied, valid_callback_count], invocation, {
    rate: ["rate", "回访满意率"], numerator: ["satisfied_count", "满意数"], denominator: ["valid_callback_count", "有效回访数"],
  });
}

const HANDLING_ARGS = [
  ["notContacted", "not_contacted", "未第一时间联系诉求人件数", "未第一时间联系诉求人"],
  ["feedbackFalse", "feedback_false", "反馈内容与实际不符件数", "反馈内容与实际不符"],
  ["feedbackPoor", "feedback_poor", "反馈内容不规范件数", "反馈内容不规范"],
] as const;

/**
 * 工单办理类扣分（封顶）：办结率分档扣分加三项按件扣分。
 * @customfunction HOTLINE_HANDLING_DEDUCT
 * @param completion_rate 按期办结率（如 98.5%）
 * @param [not_contacted] 未第一时间联系诉求人件数
 * @param [feedback_false] 反馈内容与实际不符件数
 * @param [feedback_poor] 反馈内容不规范、过于简单或不完整件数
 * @param invocation 调用信息（Excel 自动传入，不显示）
 * @returns {number} 工单办理扣分
 * @requiresParameterAddresses
 */
export function hotlineHandlingDeduct(
  completion_rate: any, not_contacted?: any, feedback_false?: any, feedback_poor?: any, invocation?: CustomFunctions.Invocation,
) {
  const fn = "HOTLINE_HANDLING_DEDUCT";
  const fields = [arg("completion_rate", "按期办结率"), ...HANDLING_ARGS.map(([, name, meaning]) => arg(name, meaning))];
  const args = [completion_rate, not_contacted, feedback_false, feedback_poor];
  return withMethod((rules) => {
    methodCategory(rules, fn, "handling", "工单办理", ["completion"]);
    methodRate(rules, fn, "completion", "办结率", "handling");
    return sameOnEveryHost(args, invocation, fields, ([completionRate, ...counts]) => {
      const completion = { kind: "rate" as const, rate: rate(completionRate, "completion_rate", "按期办结率") };
      const given = countArgs(HANDLING_ARGS, counts);
      return handlingResult(rules.hotline, completion, methodCounts(rules.hotline.cases, "handling", given)).deduction;
    });
  });
}

const COOPERATION_ARGS = [
  ["knowledgeBase", "knowledge_base", "知识库未按时更新次数", "知识库未按时更新"],
  ["dutyRoster", "duty_roster", "值班表未按时报送次数", "值班表未按时报送"],
  ["leaderDay", "leader_day", "推脱领导接话日活动次数", "推脱领导接话日活动"],
  ["whistle", "whistle", "吹哨报到响应不及时次数", "吹哨报到响应不及时"],
  ["training", "training", "未按邀请参加业务培训次数", "未按邀请参加业务培训"],
  ["shirking", "shirking", "无理由推诿件数", "无理由推诿"],
] as const;

/**
 * 日常工作配合类扣分（封顶）：六项按次或按件扣分。
 * @customfunction HOTLINE_COOPERATION_DEDUCT
 * @param [knowledge_base] 知识库未按时更新次数
 * @param [duty_roster] 节假日值班表未按时报送次数
 * @param [leader_day] 推脱领导接话日活动次数
 * @param [whistle] 吹哨报到响应不及时次数
 * @param [training] 未按邀请参加业务培训次数
 * @param [shirking] 无理由推诿件数
 * @returns {number} 日常工作配合扣分
 */
export function hotlineCooperationDeduct(
  knowledge_base?: any, duty_roster?: any, leader_day?: any, whistle?: any, training?: any, shirking?: any,
) {
  const raw = [knowledge_base, duty_roster, leader_day, whistle, training, shirking];
  const given = countArgs(COOPERATION_ARGS, raw);
  return withMethod((rules) => {
    methodCategory(rules, "HOTLINE_COOPERATION_DEDUCT", "cooperation", "日常工作配合", []);
    return cooperationResult(rules.hotline, methodCounts(rules.hotline.cases, "cooperation", given)).deduction;
  });
}

const BONUS_ARGS = [
  ["praise", "praises", "群众表扬件数", "群众表扬"],
  ["banner", "banners", "群众锦旗次数", "群众锦旗"],
  ["mediaNational", "media_national", "国家级媒体采用次数", "国家级媒体采用"],
  ["mediaProvincial", "media_provincial", "省级媒体采用次数", "省级媒体采用"],
  ["mediaCity", "media_city", "市级媒体采用次数", "市级媒体采用"],
  ["honorNational", "honor_national", "国家级表彰次数", "国家级表彰"],
  ["honorProvincial", "honor_provincial", "省级表彰次数", "省级表彰"],
  ["honorCity", "honor_city", "市级表彰次数", "市级表彰"],
] as const;

/**
 * 加分项：月均办件量加分，加各项按件或按次加分。
 * @customfunction HOTLINE_BONUS
 * @param unit_type 单位类别：县区、市直或其他（也可写 county、department、other）
 * @param [monthly_average] 月平均办件量
 * @param [praises] 群众来电来信表扬件数
 * @param [banners] 收到群众锦旗次数
 * @param [media_national] 被国家级新闻媒体采用次数
 * @param [media_provincial] 被省级新闻媒体采用次数
 * @param [media_city] 被市级新闻媒体采用次数
 * @param [honor_national] 受国务院及国家部委表彰次数
 * @param [honor_provincial] 受省政府及省级单位表彰次数
 * @param [honor_city] 受市委、市政府表彰次数
 * @returns {number} 加分
 */
export function hotlineBonus(
  unit_type: any, monthly_average?: any, praises?: any, banners?: any, media_national?: any, media_provincial?: any,
  media_city?: any, honor_national?: any, honor_provincial?: any, honor_city?: any,
) {
  const type = unitType(zeroAsBlank(unit_type), "unit_type");
  const average = amount(monthly_average, "monthly_average", "月平均办件量");
  const raw = [praises, banners, media_national, media_provincial, media_city, honor_national, honor_provincial, honor_city];
  const given = countArgs(BONUS_ARGS, raw);
  return withMethod((rules) => bonusResult(rules.hotline, type, average, methodCounts(rules.hotline.bonus.cases, undefined, given)).points);
}

/**
 * 12345热线考核总分：总分减各类扣分（各自不超过该类分值，扣完为止）加加分。
 * @customfunction HOTLINE_SCORE
 * @param handling 工单办理扣分
 * @param returned 退单率扣分
 * @param extension 延期率扣分
 * @param satisfaction 群众满意率扣分
 * @param cooperation 日常工作配合扣分
 * @param [bonus] 加分
 * @returns {number} 总分
 */
export function hotlineScore(handling: any, returned: any, extension: any, satisfaction: any, cooperation: any, bonus?: any) {
  const given = [
    { id: "handling", name: "工单办理", deduction: amount(handling, "handling", "工单办理扣分") },
    { id: "returned", name: "退单率", deduction: amount(returned, "returned", "退单率扣分") },
    { id: "extension", name: "延期率", deduction: amount(extension, "extension", "延期率扣分") },
    { id: "satisfaction", name: "群众满意率", deduction: amount(satisfaction, "satisfaction", "群众满意率扣分") },
    { id: "cooperation", name: "日常工作配合", deduction: amount(cooperation, "cooperation", "日常工作配合扣分") },
  ];
  const extra = amount(bonus, "bonus", "加分");
  return withMethod((rules) => totalScore(rules.hotline, methodDeductions(rules.hotline, "HOTLINE_SCORE", given), extra));
}

/**
 * 审批服务便民化一票否决：适用事项中任一项未完成，按上限扣分，否则0分。
 * @customfunction VETO_SCORE
 * @param statuses 各事项完成情况（任意形状的区域）：完成/已完成/是/TRUE，未完成/否/FALSE，不涉及/—/空白（0 也按空白）
 * @returns {number} 扣分
 */
export function vetoScore(statuses: any[][]) {
  return withMethod((rules) => {
    const words = rules.approval.statusWords;
    const parsed = (Array.isArray(statuses) ? statuses : [[statuses]]).flatMap((row, r) =>
      (Array.isArray(row) ? row : [row]).map((cell, c) =>
        unwrap(parseStatus(zeroAsBlank(cell), words, arg("statuses", HOST_MSG.cellOfRange(r + 1, c + 1))))),
    );
    return vetoFromStatuses(rules.approval, parsed);
  });
}

const TARGET_ARGS = [["timeCut", "time_cut", "减时间比例"], ["oneTrip", "one_trip", "最多跑一次占比"], ["instant", "instant", "即办事项占比"],
  ["online", "online", "网上可办率"], ["fullOnline", "full_online", "全程网办率"]] as const;

/**
 * 由分项判定的事项（2021年度为事项6“百日攻坚”）的五项指标是否全部达标。
 * @customfunction APPROVAL_TARGETS_MET
 * @param time_cut 平均“减时间”比例
 * @param one_trip “最多跑一次”占比
 * @param instant 即办事项占比
 * @param online 行政许可类事项网上可办率
 * @param full_online 全程网办率
 * @param invocation 调用信息（Excel 自动传入，不显示）
 * @returns {boolean} 全部达标为 TRUE，否则 FALSE
 * @requiresParameterAddresses
 */
export function approvalTargetsMet(
  time_cut: any, one_trip: any, instant: any, online: any, full_online: any, invocation?: CustomFunctions.Invocation,
) {
  const args = [time_cut, one_trip, instant, online, full_online];
  const fields = TARGET_ARGS.map(([, name, meaning]) => arg(name, meaning));
  return withMethod((rules) => sameOnEveryHost(args, invocation, fields, (values) => {
    const rates = Object.fromEntries(TARGET_ARGS.map(([id, name, meaning], i) => [id, rate(values[i], name, meaning)]));
    return targetsResult(rules.approval, rates).met;
  }));
}

function organization(rules: RuleSet, raw: unknown, argName: string) {
  const field = arg(argName, "单位名称");
  const name = zeroAsBlank(raw);
  const org = typeof name === "string" ? rules.registry.resolve(name) : undefined;
  if (org) return org;
  const message = omitted(name) || name === "" ? MSG.unitBlank(field) : MSG.unitUnknown(field, name);
  throw excelError(problem("unknownUnit", "na", message, field, name));
}

/**
 * 考核事项是否适用于该部门（考核办法“涉及部门”）。
 * @customfunction APPROVAL_APPLIES
 * @param department 部门名称（如 市发改委 或 市发展和改革委员会）
 * @param item 考核事项序号
 * @returns {boolean} 适用为 TRUE，否则 FALSE
 */
export function approvalApplies(department: any, item: any) {
  return withMethod((rules) => {
    const org = organization(rules, department, "department");
    const field = arg("item", "事项序号");
    const itemNo = zeroAsBlank(item);
    const no = count(itemNo, "item", "事项序号");
    if (!rules.approval.items.some((i) => i.no === no)) {
      throw excelError(problem("outOfRange", "value", HOST_MSG.itemNotFound(field, itemNo, rules.approval.items.length), field, itemNo));
    }
    if (org.approvalName === undefined) {
      const f = arg("department", "部门名称");
      throw excelError(problem("notApprovalDepartment", "na", MSG.notApprovalDepartment(f, department, rules.approval.title, rules.registry.approvalDepartments().length), f, department));
    }
    return applies(rules.approval, rules.registry, org, no);
  });
}

/**
 * 单位类别：县区、市直或其他（决定月均办件量加分的门槛）。
 * @customfunction UNIT_TYPE
 * @param name 单位名称（如 汉滨区、市发改委、工行安康分行）
 * @returns {string} "县区"、"市直" 或 "其他"
 */
export function unitTypeOf(name: any) {
  return withMethod((rules) => organization(rules, name, "name").type);
}

/**
 * 任一比率指标的分档扣分（指标为考核办法中的比率项目）。
 * @customfunction RATE_DEDUCT
 * @param indicator 比率指标的名称
 * @param rate_or_numerator 比率（如 6% 或 0.06）；按件数计算时为分子
 * @param [denominator] 分母（按件数计算时填写）
 * @param invocation 调用信息（Excel 自动传入，不显示）
 * @returns {number} 扣分
 * @requiresParameterAddresses
 */
export function rateDeduct(indicator: any, rate_or_numerator: any, denominator?: any, invocation?: CustomFunctions.Invocation) {
  return withMethod((rules) => {
    const field = arg("indicator", "比率指标");
    const name = zeroAsBlank(indicator);
    const rule = typeof name === "string" ? rateByName(rules.hotline, name) : undefined;
    if (!rule) throw errorOf("value", HOST_MSG.unknownRate(field, name, rules.hotline.rates.map((r) => r.item)));
    const names: RateNames = {
      rate: ["rate_or_numerator", rule.item], numerator: ["rate_or_numerator", rule.numerator], denominator: ["denominator", rule.denominator],
    };
    const fields = [field, HOST_MSG.eitherArgument(arg(...names.rate), arg(...names.numerator)), arg(...names.denominator)];
    return sameOnEveryHost([indicator, rate_or_numerator, denominator], invocation, fields, ([, first, second]) => {
      const input: RateInput = rateOrCounts(first, second, names);
      return rateDeduction(rules.hotline, rule.id, input).points;
    });
  });
}

/**
 * 按件计分项目的分值乘以件数（不按类别封顶）：扣分项目得扣分，加分项目得加分。
 * @customfunction CASE_POINTS
 * @param item 项目名称
 * @param [quantity] 件数或次数
 * @returns {number} 分值乘以件数
 */
export function casePoints(item: any, quantity?: any) {
  return withMethod((rules) => {
    const field = arg("item", "项目");
    const name = zeroAsBlank(item);
    const rule = typeof name === "string" ? caseByName(rules.hotline, name) : undefined;
    if (!rule) throw errorOf("value", HOST_MSG.unknownCase(field, name, caseKinds(rules.hotline).map((c) => c.label)));
    return excel15(count(quantity, "quantity", `${rule.label}${rule.per}数`) * rule.points);
  });
}
