/*
 * The descriptions Excel shows come from the rule set: with the built-in rules they say what spec A and B say (the
 * wording below is the spec's), and a method with other bands, points and caps gives other descriptions.
 */
import { ruleSet, type RuleSet } from "../../src/engine";
import { functionTexts, withDescriptions } from "../../src/functions/descriptions";
import { readMethod } from "../../src/workbook/method";
import { method2026Sheets } from "../fixtures/method-2026/method-2026";

const BUILT_IN = functionTexts(ruleSet());

function method2026(): RuleSet {
  const read = readMethod(method2026Sheets());
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.rules;
}

describe("内置2021年度办法：说明与产品规则A、B节一致", () => {
  test.each([
    ["HOTLINE_COMPLETION_DEDUCT", ["97%以下扣30分", "97%—98%扣15分", "98%—99%扣10分", "99%—100%扣5分", "100%不扣分"]],
    ["HOTLINE_RETURN_DEDUCT", ["低于5%不扣分", "5%—10%扣3分", "10%—15%扣6分", "超过15%扣10分"]],
    ["HOTLINE_EXTENSION_DEDUCT", ["低于5%不扣分", "5%—10%扣3分", "10%—15%扣6分", "超过15%扣10分"]],
    ["HOTLINE_SATISFACTION_DEDUCT", ["低于60%扣30分", "60%—70%扣20分", "70%—80%扣10分", "达到80%不扣分"]],
    ["HOTLINE_HANDLING_DEDUCT", ["上限30分", "未第一时间联系诉求人1分/件", "反馈内容与实际不符10分/件", "反馈内容不规范2分/件"]],
    ["HOTLINE_COOPERATION_DEDUCT", ["上限20分", "知识库未按时更新2分/次", "值班表未按时报送2分/次", "推脱领导接话日活动5分/次",
      "吹哨报到响应不及时5分/次", "未按邀请参加业务培训5分/次", "无理由推诿5分/件"]],
    ["HOTLINE_BONUS", ["县区超过1000件加10分", "市直超过250件加10分", "群众表扬加1分/件", "群众锦旗加5分/次", "国家级媒体采用加10分",
      "省级媒体采用加5分", "市级媒体采用加1分", "国家级表彰加10分", "省级表彰加5分", "市级表彰加2分", "加分不封顶"]],
    ["HOTLINE_SCORE", ["100分减各类扣分", "工单办理30分", "退单率10分", "延期率10分", "群众满意率30分", "日常工作配合20分"]],
    ["VETO_SCORE", ["按上限扣0.5分"]],
    ["APPROVAL_TARGETS_MET", ["事项6", "减时间比例不低于70%", "最多跑一次占比不低于95%", "即办事项占比不低于50%", "网上可办率不低于95%", "全程网办率不低于70%"]],
    ["APPROVAL_APPLIES", ["事项1—事项6"]],
    ["RATE_DEDUCT", ["办结率：97%以下扣30分", "退单率：低于5%不扣分", "满意率：低于60%扣30分"]],
    ["CASE_POINTS", ["不按类别封顶", "反馈内容与实际不符10分/件", "群众锦旗5分/次"]],
  ] as const)("%s", (id, phrases) => {
    for (const phrase of phrases) expect(BUILT_IN[id].description).toContain(phrase);
  });

  test("参数说明写明分值与上限", () => {
    expect(BUILT_IN.HOTLINE_SCORE.parameters).toMatchObject({ handling: "工单办理扣分（上限30分）", cooperation: "日常工作配合扣分（上限20分）" });
    expect(BUILT_IN.HOTLINE_HANDLING_DEDUCT.parameters?.feedback_false).toContain("10分/件");
    expect(BUILT_IN.HOTLINE_BONUS.parameters?.honor_city).toContain("2分/次");
    expect(BUILT_IN.APPROVAL_TARGETS_MET.parameters?.time_cut).toContain("不低于70%");
    expect(BUILT_IN.APPROVAL_APPLIES.parameters?.item).toBe("考核事项序号 1—6");
  });
});

describe("另一个办法（2026 测试办法）给出另一份说明：说明随规则数据变化", () => {
  const texts = functionTexts(method2026());
  test.each([
    ["HOTLINE_COMPLETION_DEDUCT", ["低于96%扣30分", "96%—98%扣15分"], ["97%"]],
    ["HOTLINE_SATISFACTION_DEDUCT", ["70%—80%扣8分"], ["扣10分"]],
    ["HOTLINE_COOPERATION_DEDUCT", ["上限15分"], ["上限20分"]],
    ["HOTLINE_SCORE", ["工单质量5分", "日常工作配合15分"], []],
    ["VETO_SCORE", ["按上限扣0.3分"], ["0.5"]],
    ["APPROVAL_APPLIES", ["事项1—事项7"], []],
    ["CASE_POINTS", ["工单分类错误1分/件"], []],
    ["RATE_DEDUCT", ["满意率：低于60%扣30分，60%—70%扣20分，70%—80%扣8分"], []],
  ] as const)("%s", (id, present, absent) => {
    for (const phrase of present) expect(texts[id].description).toContain(phrase);
    for (const phrase of absent) expect(texts[id].description).not.toContain(phrase);
  });
});

describe("withDescriptions: only descriptions change", () => {
  test("ids, names, parameters, options and results stay as the JSDoc made them", () => {
    const metadata = {
      functions: [
        { id: "HOTLINE_SCORE", name: "HOTLINE_SCORE", description: "x", parameters: [{ name: "handling", description: "y", type: "any" }, { name: "bonus", description: "加分", type: "any", optional: true }], result: { type: "number" } },
        { id: "UNKNOWN", name: "UNKNOWN", description: "kept", parameters: [] },
      ],
    };
    const out = withDescriptions(metadata, ruleSet());
    expect(out.functions[0]).toEqual({
      ...metadata.functions[0], description: BUILT_IN.HOTLINE_SCORE.description,
      parameters: [{ name: "handling", description: "工单办理扣分（上限30分）", type: "any" }, metadata.functions[0].parameters[1]],
    });
    expect(out.functions[1]).toEqual(metadata.functions[1]);
  });
});
