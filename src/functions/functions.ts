/*
 * The ASSESS.* custom functions. Each only converts Excel's values and calls the engine; no scoring here.
 * Ids are given explicitly so that the underscores stay in the names Excel shows.
 */
import {
  MSG, applies, bonusResult, cooperationResult, handlingResult, parseStatus, problem, rateDeduction, ruleSet,
  targetsResult, totalScore, vetoFromStatuses, type RateRuleId,
} from "../engine";
import { amount, arg, count, excelError, omitted, rate, rateOrCounts, unitType, unwrap, zeroAsBlank } from "./arguments";
import { sameOnEveryHost } from "./blank-or-zero";

const RULES = ruleSet();

type RateNames = Parameters<typeof rateOrCounts>[2];

function rateFunction(id: RateRuleId, args: readonly unknown[], invocation: CustomFunctions.Invocation | undefined, names: RateNames) {
  const fields = [`${arg(...names.rate)}或${arg(...names.numerator)}`, arg(...names.denominator)];
  return sameOnEveryHost(args, invocation, fields, ([first, second]) =>
    rateDeduction(RULES.hotline, id, rateOrCounts(first, second, names)).points);
}

/**
 * 工单办理·办结率扣分：按期办结率100%不扣分，99%—100%扣5分，98%—99%扣10分，97%—98%扣15分，97%以下扣30分。
 * @customfunction HOTLINE_COMPLETION_DEDUCT
 * @param rate_or_on_time 按期办结率（如 98.5% 或 0.985）；按件数计算时为按期办结数
 * @param [due_count] 应办结数（按件数计算时填写）
 * @param invocation 调用信息（Excel 自动传入，不显示）
 * @returns {number} 扣分：0、5、10、15 或 30
 * @requiresParameterAddresses
 */
export function hotlineCompletionDeduct(rate_or_on_time: any, due_count?: any, invocation?: CustomFunctions.Invocation) {
  return rateFunction("completion", [rate_or_on_time, due_count], invocation, {
    rate: ["rate", "按期办结率"], numerator: ["on_time_count", "按期办结数"], denominator: ["due_count", "应办结数"],
  });
}

/**
 * 退单率扣分：低于5%不扣分，5%—10%扣3分，10%—15%扣6分，超过15%扣10分。
 * @customfunction HOTLINE_RETURN_DEDUCT
 * @param rate_or_returned 退单率（如 6%）；按件数计算时为退单数
 * @param [total_count] 工单总量（按件数计算时填写）
 * @param invocation 调用信息（Excel 自动传入，不显示）
 * @returns {number} 扣分：0、3、6 或 10
 * @requiresParameterAddresses
 */
export function hotlineReturnDeduct(rate_or_returned: any, total_count?: any, invocation?: CustomFunctions.Invocation) {
  return rateFunction("returned", [rate_or_returned, total_count], invocation, {
    rate: ["rate", "退单率"], numerator: ["returned_count", "退单数"], denominator: ["total_count", "工单总量"],
  });
}

/**
 * 延期率扣分：延期申请低于5%不扣分，5%—10%扣3分，10%—15%扣6分，超过15%扣10分。
 * @customfunction HOTLINE_EXTENSION_DEDUCT
 * @param rate_or_extensions 延期率（如 6%）；按件数计算时为延期申请数
 * @param [total_count] 工单总量（按件数计算时填写）
 * @param invocation 调用信息（Excel 自动传入，不显示）
 * @returns {number} 扣分：0、3、6 或 10
 * @requiresParameterAddresses
 */
export function hotlineExtensionDeduct(rate_or_extensions: any, total_count?: any, invocation?: CustomFunctions.Invocation) {
  return rateFunction("extension", [rate_or_extensions, total_count], invocation, {
    rate: ["rate", "延期率"], numerator: ["extension_count", "延期申请数"], denominator: ["total_count", "工单总量"],
  });
}

/**
 * 群众满意率扣分：达到80%不扣分，70%—80%扣10分，60%—70%扣20分，低于60%扣30分。
 * @customfunction HOTLINE_SATISFACTION_DEDUCT
 * @param rate_or_satisfied 回访满意率（如 85%）；按件数计算时为满意数（满意+基本满意）
 * @param [valid_callback_count] 有效回访数（按件数计算时填写）
 * @param invocation 调用信息（Excel 自动传入，不显示）
 * @returns {number} 扣分：0、10、20 或 30
 * @requiresParameterAddresses
 */
export function hotlineSatisfactionDeduct(rate_or_satisfied: any, valid_callback_count?: any, invocation?: CustomFunctions.Invocation) {
  return rateFunction("satisfaction", [rate_or_satisfied, valid_callback_count], invocation, {
    rate: ["rate", "回访满意率"], numerator: ["satisfied_count", "满意数"], denominator: ["valid_callback_count", "有效回访数"],
  });
}

/**
 * 工单办理类扣分（上限30分）：办结率扣分，加未第一时间联系诉求人1分/件、反馈内容与实际不符10分/件、反馈内容不规范2分/件。
 * @customfunction HOTLINE_HANDLING_DEDUCT
 * @param completion_rate 按期办结率（如 98.5%）
 * @param [not_contacted] 未第一时间联系诉求人件数
 * @param [feedback_false] 反馈内容与实际不符件数
 * @param [feedback_poor] 反馈内容不规范、过于简单或不完整件数
 * @param invocation 调用信息（Excel 自动传入，不显示）
 * @returns {number} 工单办理扣分（0—30）
 * @requiresParameterAddresses
 */
export function hotlineHandlingDeduct(
  completion_rate: any, not_contacted?: any, feedback_false?: any, feedback_poor?: any, invocation?: CustomFunctions.Invocation,
) {
  const fields = [arg("completion_rate", "按期办结率"), arg("not_contacted", "未第一时间联系诉求人件数"),
    arg("feedback_false", "反馈内容与实际不符件数"), arg("feedback_poor", "反馈内容不规范件数")];
  const args = [completion_rate, not_contacted, feedback_false, feedback_poor];
  return sameOnEveryHost(args, invocation, fields, ([completionRate, notContacted, feedbackFalse, feedbackPoor]) => {
    const completion = { kind: "rate" as const, rate: rate(completionRate, "completion_rate", "按期办结率") };
    const counts = {
      notContacted: count(notContacted, "not_contacted", "未第一时间联系诉求人件数"),
      feedbackFalse: count(feedbackFalse, "feedback_false", "反馈内容与实际不符件数"),
      feedbackPoor: count(feedbackPoor, "feedback_poor", "反馈内容不规范件数"),
    };
    return handlingResult(RULES.hotline, completion, counts).deduction;
  });
}

/**
 * 日常工作配合类扣分（上限20分）：知识库、值班表各2分/次，领导接话日、吹哨报到、业务培训各5分/次，无理由推诿5分/件。
 * @customfunction HOTLINE_COOPERATION_DEDUCT
 * @param [knowledge_base] 知识库未按时更新次数
 * @param [duty_roster] 节假日值班表未按时报送次数
 * @param [leader_day] 推脱领导接话日活动次数
 * @param [whistle] 吹哨报到响应不及时次数
 * @param [training] 未按邀请参加业务培训次数
 * @param [shirking] 无理由推诿件数
 * @returns 日常工作配合扣分（0—20）
 */
export function hotlineCooperationDeduct(
  knowledge_base?: any, duty_roster?: any, leader_day?: any, whistle?: any, training?: any, shirking?: any,
): number {
  const counts = {
    knowledgeBase: count(knowledge_base, "knowledge_base", "知识库未按时更新次数"),
    dutyRoster: count(duty_roster, "duty_roster", "值班表未按时报送次数"),
    leaderDay: count(leader_day, "leader_day", "推脱领导接话日活动次数"),
    whistle: count(whistle, "whistle", "吹哨报到响应不及时次数"),
    training: count(training, "training", "未按邀请参加业务培训次数"),
    shirking: count(shirking, "shirking", "无理由推诿件数"),
  };
  return cooperationResult(RULES.hotline, counts).deduction;
}

/**
 * 加分项：月均办件量超过1000件的县区、超过250件的市直部门加10分；表扬1分/件，锦旗5分/次；媒体采用国家级10、省级5、市级1分；表彰国家级10、省级5、市级2分。
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
 * @returns 加分
 */
export function hotlineBonus(
  unit_type: any, monthly_average?: any, praises?: any, banners?: any, media_national?: any, media_provincial?: any,
  media_city?: any, honor_national?: any, honor_provincial?: any, honor_city?: any,
): number {
  const type = unitType(zeroAsBlank(unit_type), "unit_type");
  const average = amount(monthly_average, "monthly_average", "月平均办件量");
  const counts = {
    praise: count(praises, "praises", "群众表扬件数"),
    banner: count(banners, "banners", "群众锦旗次数"),
    mediaNational: count(media_national, "media_national", "国家级媒体采用次数"),
    mediaProvincial: count(media_provincial, "media_provincial", "省级媒体采用次数"),
    mediaCity: count(media_city, "media_city", "市级媒体采用次数"),
    honorNational: count(honor_national, "honor_national", "国家级表彰次数"),
    honorProvincial: count(honor_provincial, "honor_provincial", "省级表彰次数"),
    honorCity: count(honor_city, "honor_city", "市级表彰次数"),
  };
  return bonusResult(RULES.hotline, type, average, counts).points;
}

/**
 * 12345热线考核总分：100 − 各类扣分（各自不超过该类分值，扣完为止）+ 加分。
 * @customfunction HOTLINE_SCORE
 * @param handling 工单办理扣分（上限30）
 * @param returned 退单率扣分（上限10）
 * @param extension 延期率扣分（上限10）
 * @param satisfaction 群众满意率扣分（上限30）
 * @param cooperation 日常工作配合扣分（上限20）
 * @param [bonus] 加分
 * @returns 总分
 */
export function hotlineScore(handling: any, returned: any, extension: any, satisfaction: any, cooperation: any, bonus?: any): number {
  const deductions = {
    handling: amount(handling, "handling", "工单办理扣分"),
    returned: amount(returned, "returned", "退单率扣分"),
    extension: amount(extension, "extension", "延期率扣分"),
    satisfaction: amount(satisfaction, "satisfaction", "群众满意率扣分"),
    cooperation: amount(cooperation, "cooperation", "日常工作配合扣分"),
  };
  return totalScore(RULES.hotline, deductions, amount(bonus, "bonus", "加分"));
}

/**
 * 审批服务便民化一票否决：适用事项中任一项未完成，按上限扣0.5分，否则0分。
 * @customfunction VETO_SCORE
 * @param statuses 各事项完成情况（任意形状的区域）：完成/已完成/是/TRUE，未完成/否/FALSE，不涉及/—/空白（0 也按空白）
 * @returns 扣分：0.5 或 0
 */
export function vetoScore(statuses: any[][]): number {
  const words = RULES.approval.statusWords;
  const parsed = (Array.isArray(statuses) ? statuses : [[statuses]]).flatMap((row, r) =>
    (Array.isArray(row) ? row : [row]).map((cell, c) =>
      unwrap(parseStatus(zeroAsBlank(cell), words, arg("statuses", `第${r + 1}行第${c + 1}列`)))),
  );
  return vetoFromStatuses(RULES.approval, parsed);
}

/**
 * 事项6“百日攻坚”五项指标是否全部达标：减时间比例≥70%、最多跑一次占比≥95%、即办事项占比≥50%、网上可办率≥95%、全程网办率≥70%。
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
  const names: [string, string][] = [["time_cut", "减时间比例"], ["one_trip", "最多跑一次占比"], ["instant", "即办事项占比"],
    ["online", "网上可办率"], ["full_online", "全程网办率"]];
  const args = [time_cut, one_trip, instant, online, full_online];
  return sameOnEveryHost(args, invocation, names.map(([name, meaning]) => arg(name, meaning)), (values) => {
    const [timeCut, oneTrip, instantShare, onlineRate, fullOnline] = values.map((v, i) => rate(v, names[i][0], names[i][1]));
    return targetsResult(RULES.approval, { timeCut, oneTrip, instant: instantShare, online: onlineRate, fullOnline }).met;
  });
}

function organization(raw: unknown, argName: string) {
  const field = arg(argName, "单位名称");
  const name = zeroAsBlank(raw);
  const org = typeof name === "string" ? RULES.registry.resolve(name) : undefined;
  if (org) return org;
  const message = omitted(name) || name === "" ? MSG.unitBlank(field) : MSG.unitUnknown(field, name);
  throw excelError(problem("unknownUnit", "na", message, field, name));
}

/**
 * 考核事项是否适用于该部门（考核办法“涉及部门”）。
 * @customfunction APPROVAL_APPLIES
 * @param department 部门名称（如 市发改委 或 市发展和改革委员会）
 * @param item 考核事项序号 1—6
 * @returns 适用为 TRUE，否则 FALSE
 */
export function approvalApplies(department: any, item: any): boolean {
  const org = organization(department, "department");
  const field = arg("item", "事项序号");
  const itemNo = zeroAsBlank(item);
  const no = count(itemNo, "item", "事项序号");
  if (!RULES.approval.items.some((i) => i.no === no)) {
    throw excelError(problem("outOfRange", "value", MSG.itemNotFound(field, itemNo), field, itemNo));
  }
  if (org.approvalName === undefined) {
    const f = arg("department", "部门名称");
    throw excelError(problem("notApprovalDepartment", "na", MSG.notApprovalDepartment(f, department), f, department));
  }
  return applies(RULES.approval, RULES.registry, org, no);
}

/**
 * 单位类别：县区、市直或其他（决定月均办件量加分的门槛）。
 * @customfunction UNIT_TYPE
 * @param name 单位名称（如 汉滨区、市发改委、工行安康分行）
 * @returns "县区"、"市直" 或 "其他"
 */
export function unitTypeOf(name: any): string {
  return organization(name, "name").type;
}
