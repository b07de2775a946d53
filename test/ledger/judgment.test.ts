/**
 * Section I's nine 研判事项, each on a hand-built ledger with its expected counts worked out by hand from the
 * table of section I (the ledger below is the same for every case).
 */
import { parsePeriod, type UnitCounts } from "../../src/ledger";
import { order } from "./helpers";
import { importJudged, type Decision } from "./judgment-helpers";

const HB = "汉滨区政府";
const LEDGER = [
  // O1: in March, closed on time, 满意.
  order("O1", "汉滨区", "2021-03-01 09:00:00", "2021-03-10 18:00:00", "2021-03-05 10:00:00", "否", "否", "满意"),
  // O2: in March, closed late (March 12), 不满意.
  order("O2", "汉滨区", "2021-03-02 09:00:00", "2021-03-10 18:00:00", "2021-03-12 10:00:00", "否", "否", "不满意"),
  // O3: dispatched in April and returned (out of 应办结数), never closed.
  order("O3", "汉滨区", "2021-04-01 09:00:00", "", "", "是", "否", ""),
  // O4: dispatched April 2, extended, due and closed on time in May, 基本满意.
  order("O4", "汉滨区", "2021-04-02 09:00:00", "2021-05-10 18:00:00", "2021-05-05 10:00:00", "否", "是", "基本满意"),
  // O5: in June, closed on time, 拒访 (not a valid callback).
  order("O5", "汉滨区", "2021-06-01 09:00:00", "2021-06-10 18:00:00", "2021-06-08 10:00:00", "否", "否", "拒访"),
];

// Without decisions: 工单总量 5; 应办结数 4 (O1 O2 O4 O5), 按期办结数 3 (not O2); 退单数 1 (O3); 延期申请数 1 (O4);
// 有效回访数 3 (O1 O2 O4), 满意数 2 (O1, O4 基本满意计为满意).
const BEFORE: UnitCounts = { 工单总量: 5, 应办结数: 4, 按期办结数: 3, 退单数: 1, 延期申请数: 1, 有效回访数: 3, 满意数: 2 };

const yes = (d: Decision): Decision => ({ 结论: "成立", 提出日期: "2021-07-01", 决定日期: "2021-07-05", ...d });

const CASES: { name: string; decisions: Decision[]; after: Partial<UnitCounts> }[] = [
  { name: "不合理诉求 on the 不满意 order: leaves 有效回访数", decisions: [yes({ 工单编号: "O2", 研判事项: "不合理诉求" })], after: { 有效回访数: 2 } },
  { name: "不合理诉求 on a 满意 order: leaves 有效回访数 and 满意数", decisions: [yes({ 工单编号: "O1", 研判事项: "不合理" })], after: { 有效回访数: 2, 满意数: 1 } },
  { name: "不满意不计 on 不满意: leaves 有效回访数", decisions: [yes({ 工单编号: "O2", 研判事项: "不满意不计" })], after: { 有效回访数: 2 } },
  { name: "回访更正 拒访 → 满意: becomes a valid satisfied callback", decisions: [yes({ 工单编号: "O5", 研判事项: "回访更正", 更正为: "满意" })], after: { 有效回访数: 4, 满意数: 3 } },
  {
    name: "二次回访 (synonym) 不满意 → 基本满意, applied before a 不满意不计 (which then has no effect)",
    decisions: [yes({ 工单编号: "O2", 研判事项: "二次回访", 更正为: "基本满意" }), yes({ 工单编号: "O2", 研判事项: "不满意不计" })],
    after: { 满意数: 3 },
  },
  { name: "退单合理: leaves 退单数, stays out of 应办结数", decisions: [yes({ 工单编号: "O3", 研判事项: "退单合理" })], after: { 退单数: 0 } },
  { name: "延期合理: leaves 延期申请数", decisions: [yes({ 工单编号: "O4", 研判事项: "延期合理" })], after: { 延期申请数: 0 } },
  { name: "超期免责: the late order counts as 按期办结", decisions: [yes({ 工单编号: "O2", 研判事项: "超期免责" })], after: { 按期办结数: 4 } },
  {
    name: "派单错误 (as 错派): the order leaves every count",
    decisions: [yes({ 工单编号: "O2", 研判事项: "错派" })], after: { 工单总量: 4, 应办结数: 3, 有效回访数: 2 },
  },
  {
    name: "重复工单 (as 并单) merged into O1: leaves every count",
    decisions: [yes({ 工单编号: "O2", 研判事项: "并单", 更正为: "O1" })], after: { 工单总量: 4, 应办结数: 3, 有效回访数: 2 },
  },
  {
    name: "不予考核 (as 无效工单) on O4: leaves every count",
    decisions: [yes({ 工单编号: "O4", 研判事项: "无效工单" })], after: { 工单总量: 4, 应办结数: 3, 按期办结数: 2, 延期申请数: 0, 有效回访数: 2, 满意数: 1 },
  },
  { name: "不成立 changes nothing", decisions: [yes({ 工单编号: "O2", 研判事项: "超期免责", 结论: "不成立" })], after: {} },
  { name: "待定 (blank 结论) changes nothing", decisions: [{ 工单编号: "O2", 研判事项: "超期免责" }], after: {} },
];

describe("工单研判: each 研判事项 with its section-I effect", () => {
  const year = parsePeriod("2021");
  it.each(CASES)("$name", async ({ decisions, after }) => {
    const data = await importJudged(LEDGER, decisions);
    const row = data.counts(year).find((r) => r.单位名称 === HB)!;
    const expected = { ...BEFORE, ...after };
    for (const [field, value] of Object.entries(expected)) expect([field, row[field as keyof UnitCounts]]).toEqual([field, value]);
    const before = data.counts(year, "before").find((r) => r.单位名称 === HB)!;
    for (const [field, value] of Object.entries(BEFORE)) expect([field, before[field as keyof UnitCounts]]).toEqual([field, value]);
  });

  it("places each effect in the month of the count it changes", async () => {
    // 不予考核 on O4: 工单总量/延期申请数 leave April (派单), 应办结数/按期办结数/有效回访数/满意数 leave May.
    const data = await importJudged(LEDGER, [yes({ 工单编号: "O4", 研判事项: "不予考核" })]);
    const month = (m: string) => data.counts(parsePeriod(m)).find((r) => r.单位名称 === HB)!;
    expect(month("2021-04")).toMatchObject({ 工单总量: 1, 退单数: 1, 延期申请数: 0 });
    expect(month("2021-05")).toMatchObject({ 应办结数: 0, 按期办结数: 0, 有效回访数: 0, 满意数: 0 });
    // 超期免责 on O2: 按期办结数 of March (its 办理时限).
    const excused = await importJudged(LEDGER, [yes({ 工单编号: "O2", 研判事项: "超期免责" })]);
    expect(excused.counts(parsePeriod("2021-03")).find((r) => r.单位名称 === HB)).toMatchObject({ 应办结数: 2, 按期办结数: 2 });
  });

  it("counts with every pending decision 成立, without changing the result", async () => {
    const data = await importJudged(LEDGER, [{ 工单编号: "O2", 研判事项: "超期免责", 结论: "待定" }, yes({ 工单编号: "O3", 研判事项: "退单合理" })]);
    const year2021 = parsePeriod("2021");
    expect(data.counts(year2021).find((r) => r.单位名称 === HB)).toMatchObject({ 按期办结数: 3, 退单数: 0 });
    expect(data.counts(year2021, "ifPending").find((r) => r.单位名称 === HB)).toMatchObject({ 按期办结数: 4, 退单数: 0 });
    const unit = [...data.judgment!.byUnit(year2021).values()][0];
    expect(unit.pending).toBe(1);
    expect(unit.applied).toEqual([{ kind: "退单合理", count: 1 }]);
    // 月度考核's pending counts: O2 (派单 in March) is pending in the year and in March, in no other month.
    const hb = data.units.findIndex((u) => u.name === HB);
    expect([...data.judgment!.pendingByUnit(year2021)]).toEqual([[hb, 1]]);
    expect([...data.judgment!.pendingByUnit(parsePeriod("2021-03"))]).toEqual([[hb, 1]]);
    expect(data.judgment!.pendingByUnit(parsePeriod("2021-06")).size).toBe(0);
  });
});
