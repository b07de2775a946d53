import {
  bonusResult, hotlineExplanation, lineText, quoteClauses, ruleSet, scoreUnit, type ExplanationLine, type HotlineUnitInput, type RateInput,
} from "../../src/engine";

const RULES = ruleSet(2021).hotline;
const rate = (x: number): RateInput => ({ kind: "rate", rate: x });
const PERFECT: HotlineUnitInput["rates"] = { completion: rate(1), returned: rate(0), extension: rate(0), satisfaction: rate(1) };

function explain(over: Partial<HotlineUnitInput>, clauses = false): string {
  const score = scoreUnit(RULES, { type: "市直", rates: PERFECT, cases: {}, bonusCases: {}, monthlyAverage: 0, ...over });
  return hotlineExplanation(score.categories, score.bonus, { clauses });
}

const TITLE = "《2021年度12345热线工单办理情况减分指标考核办法（送审稿）》";
const DOC = `${TITLE}附件2`;

describe("扣分说明引用依据（规则G：依据写入该行产生的每条扣分说明）", () => {
  test("每条扣分、加分后引用其条款（附件2原文）；同一文件第二次起写“该文件”", () => {
    expect(explain({ rates: { ...PERFECT, completion: rate(0.985) }, cases: { feedbackFalse: 1 }, monthlyAverage: 300 }, true)).toBe(
      `办结率98.50%（98%—99%）扣10分（依据：${DOC} 工单办理·办结率：工单按期办结率100%不扣分；99%—100%扣5分；98%—99%扣10分；97%—98%扣15分；97%以下扣30分）；`
      + `反馈内容与实际不符1件扣10分（依据：该文件附件2 工单办理·事项反馈：反馈内容与实际情况不相符的，经查实1件扣10分）；`
      + `月均办件量300件（市直超过250件）加10分（依据：该文件附件2 加分项1：月平均办件量超过1000件的县区及250件的市直部门，加10分）`,
    );
  });
  test("无工单（0分）与上限说明不引条款", () => {
    const text = explain({ rates: { ...PERFECT, completion: { kind: "count", numerator: 0, denominator: 0 } }, cases: { shirking: 5 } }, true);
    expect(text).toBe(`办结率：应办结数为0，不计扣分；无理由推诿5件扣25分（依据：${DOC} 日常工作配合·无理由推诿：无正当理由相互推诿，造成群众合理诉求迟迟得不到解决的，一件扣5分）；日常工作配合合计25分，按上限扣20分`);
  });
  test("同一文件的后续条款以“该文件”代替书名，指最近一次写出的书名", () => {
    expect(quoteClauses([{ text: "甲", clause: "附件2" }, { text: "乙", clause: "《办法》一" }, { text: "丙", clause: "《办法》二" },
      { text: "丁", clause: "《通知》三" }, { text: "戊", clause: "《办法》四" }])).toBe(
      "甲（依据：附件2）；乙（依据：《办法》一）；丙（依据：该文件二）；丁（依据：《通知》三）；戊（依据：《办法》四）");
  });
  test("同一条款连续几行只引一次；隔开再出现时写“依据见前”", () => {
    expect(quoteClauses([{ text: "甲扣1分", clause: "条款一" }, { text: "乙扣2分", clause: "条款一" }, { text: "丙扣3分", clause: "条款二" },
      { text: "丁扣4分", clause: "条款一" }, { text: "合计" }])).toBe("甲扣1分；乙扣2分（依据：条款一）；丙扣3分（依据：条款二）；丁扣4分（依据见前）；合计");
  });
  test("一张表的各行共用登记：条款只在首次引用的行全文引用，之后的行写“依据见序号N”", () => {
    const register = { quoted: new Map<string, string>(), place: "序号1" };
    expect(quoteClauses([{ text: "甲扣3分", clause: "《办法》条款一" }], register)).toBe("甲扣3分（依据：《办法》条款一）");
    register.place = "序号2";
    expect(quoteClauses([{ text: "乙扣3分", clause: "《办法》条款一" }, { text: "乙扣5分", clause: "《办法》条款二" }], register))
      .toBe("乙扣3分（依据见序号1）；乙扣5分（依据：《办法》条款二）");
    register.place = "序号3";
    expect(quoteClauses([{ text: "丙扣5分", clause: "《办法》条款二" }, { text: "丙扣3分", clause: "《办法》条款一" }, { text: "合计" }], register))
      .toBe("丙扣5分（依据见序号2）；丙扣3分（依据见序号1）；合计");
    expect([...register.quoted]).toEqual([["《办法》条款一", "序号1"], ["《办法》条款二", "序号2"]]);
  });
});

describe("扣分说明：只由结果的说明行构成", () => {
  test.each([
    ["无扣分无加分", {}, "无扣分"],
    [
      "98.5%办结 + 反馈内容与实际不符1件",
      { rates: { ...PERFECT, completion: rate(0.985) }, cases: { feedbackFalse: 1 } },
      "办结率98.50%（98%—99%）扣10分；反馈内容与实际不符1件扣10分",
    ],
    [
      "件数形式：办结 990/1000",
      { rates: { ...PERFECT, completion: { kind: "count", numerator: 990, denominator: 1000 } } },
      "办结率99.00%（990/1000）（99%—100%）扣5分",
    ],
    [
      "退单率15%、延期率5%、满意率79%",
      { rates: { ...PERFECT, returned: rate(0.15), extension: rate(0.05), satisfaction: rate(0.79) } },
      "退单率15.00%（10%—15%）扣6分；延期率5.00%（5%—10%）扣3分；满意率79.00%（70%—80%）扣10分",
    ],
    [
      "工单办理超过上限：97%以下（30）+ 反馈不符1件（10）",
      { rates: { ...PERFECT, completion: rate(0.9) }, cases: { feedbackFalse: 1 } },
      "办结率90.00%（97%以下）扣30分；反馈内容与实际不符1件扣10分；工单办理合计40分，按上限扣30分",
    ],
    [
      "日常工作配合超过上限：无理由推诿5件",
      { cases: { shirking: 5 } },
      "无理由推诿5件扣25分；日常工作配合合计25分，按上限扣20分",
    ],
    [
      "加分：市直月均300件 + 群众锦旗1次",
      { monthlyAverage: 300, bonusCases: { banner: 1 } },
      "月均办件量300件（市直超过250件）加10分；群众锦旗1次加5分",
    ],
    [
      "应办结数为0",
      { rates: { ...PERFECT, completion: { kind: "count", numerator: 0, denominator: 0 } } },
      "办结率：应办结数为0，不计扣分",
    ],
  ] as const)("%s → %s", (_name, input, text) => {
    expect(explain(input as Partial<HotlineUnitInput>)).toBe(text);
  });
});

describe("lineText：一行一句", () => {
  const line = (over: Partial<ExplanationLine>): ExplanationLine => ({
    rule: "r", item: "群众锦旗", category: "bonus", clause: "c", input: "1次", points: 5, ...over,
  });
  test.each([
    ["加分行", "群众锦旗1次加5分", line({})],
    ["扣分行带档次", "办结率98.50%（98%—99%）扣10分", line({ item: "办结率", input: "98.50%", band: "98%—99%", points: -10 })],
    ["0分且无说明 → 空", "", line({ points: 0 })],
    ["0分有说明 → 写说明", "办结率：无工单，不计扣分", line({ item: "办结率", points: 0, note: "无工单，不计扣分" })],
    ["小数分值无浮点噪声", "一票否决事项3未完成扣0.5分", line({ item: "一票否决", input: "事项3未完成", points: -0.5 })],
  ] as const)("%s → “%s”", (_name, text, l) => {
    expect(lineText(l)).toBe(text);
  });
});

describe("加分说明", () => {
  test("县区月均1000件不加分，不写加分行", () => {
    expect(bonusResult(RULES, "县区", 1000, {}).lines).toEqual([]);
  });
  test("县区月均1000.01件写出依据", () => {
    expect(bonusResult(RULES, "县区", 1000.01, {}).lines[0]).toMatchObject({
      item: "月均办件量", input: "1000.01件（县区超过1000件）", points: 10,
    });
  });
  test.each([
    ["1000.001", "县区", 1000.001, "1000.001件（县区超过1000件）"],
    ["250.0001", "市直", 250.0001, "250.0001件（市直超过250件）"],
    ["12001/12", "县区", 12001 / 12, "1000.08件（县区超过1000件）"],
  ] as const)("月均办件量 %s 的显示值不会看起来“未超过”门槛", (_name, type, average, input) => {
    expect(bonusResult(RULES, type, average, {}).lines[0]).toMatchObject({ input, points: 10 });
  });
});
