/**
 * Section I's checks, each at its level (error / warning / 说明) and cell, and what an error does (the row
 * changes no count, the order's other rows still apply). Hostile ids: padded, full-width, numbers.
 */
import { parsePeriod, type JudgmentProblem, type LedgerData } from "../../src/ledger";
import { order } from "./helpers";
import { importJudged, type Decision } from "./judgment-helpers";

const HB = "汉滨区政府";
const LEDGER = [
  order("A1", "汉滨区", "2021-03-01 09:00:00", "2021-03-10 18:00:00", "2021-03-05 10:00:00", "否", "否", "满意"),
  order("A2", "汉滨区", "2021-03-02 09:00:00", "2021-03-10 18:00:00", "2021-03-12 10:00:00", "是", "否", "不满意"),
  order("A3", "汉滨区", "2021-03-03 09:00:00", "2021-03-10 18:00:00", "2021-03-05 10:00:00", "否", "否", "不满意"),
  order("B1", "汉阴县", "2021-03-03 09:00:00", "2021-03-10 18:00:00", "2021-03-05 10:00:00", "否", "否", "满意"),
  // Dispatched and closed in 2020: counts in no month of 2021.
  order("OLD", "汉滨区", "2020-05-03 09:00:00", "2020-05-10 18:00:00", "2020-05-05 10:00:00", "否", "否", "不满意"),
];
const ok = (d: Decision): Decision => ({ 结论: "成立", 提出日期: "2021-04-01", 决定日期: "2021-04-02", ...d });
const year = parsePeriod("2021");

/** Problems as [sheet row, column, level] (row 3 is the first register row). */
function problemsOf(data: LedgerData, period = year): [number, string, string][] {
  return data.judgment!.problems(period).map((p: JudgmentProblem) => [p.row, p.column, p.level]);
}
const hb = (data: LedgerData) => data.counts(year).find((r) => r.单位名称 === HB)!;

describe("工单研判 checks at the levels of section I", () => {
  it.each<[string, Decision[], [number, string, string][]]>([
    ["blank 工单编号: error", [ok({ 研判事项: "超期免责" })], [[3, "工单编号", "error"]]],
    ["unknown 研判事项: error listing the catalogue", [ok({ 工单编号: "A2", 研判事项: "随便" })], [[3, "研判事项", "error"]]],
    ["unknown 结论: error", [ok({ 工单编号: "A2", 研判事项: "超期免责", 结论: "同意" })], [[3, "结论", "error"]]],
    ["回访更正 without a readable 更正为: error", [ok({ 工单编号: "A2", 研判事项: "回访更正", 更正为: "很好" })], [[3, "更正为", "error"]]],
    ["更正为 on another 研判事项: warning", [ok({ 工单编号: "A2", 研判事项: "退单合理", 更正为: "满意" })], [[3, "更正为", "warning"]]],
    ["决定日期 before 提出日期: error", [ok({ 工单编号: "A2", 研判事项: "超期免责", 提出日期: "2021-04-05", 决定日期: "2021-04-01" })], [[3, "决定日期", "error"]]],
    ["成立 without 决定日期: warning", [ok({ 工单编号: "A2", 研判事项: "退单合理", 决定日期: null })], [[3, "决定日期", "warning"]]],
    ["an unreadable date: error", [ok({ 工单编号: "A2", 研判事项: "超期免责", 提出日期: "上周" })], [[3, "提出日期", "error"]]],
    ["an id not in a year's ledger: error", [ok({ 工单编号: "NOPE", 研判事项: "超期免责" })], [[3, "工单编号", "error"]]],
    ["承办单位 not the order's: error", [ok({ 工单编号: "A2", 承办单位: "汉阴县", 研判事项: "超期免责" })], [[3, "承办单位", "error"]]],
    ["两条成立的同一研判事项: error at both", [ok({ 工单编号: "A2", 研判事项: "超期免责" }), ok({ 工单编号: "A2", 研判事项: "超期免责" })],
      [[3, "研判事项", "error"], [4, "研判事项", "error"]]],
    ["派单错误 with another 成立 row: warning on the other", [ok({ 工单编号: "A2", 研判事项: "派单错误" }), ok({ 工单编号: "A2", 研判事项: "退单合理" })],
      [[4, "研判事项", "warning"]]],
    ["a decision that changes nothing: warning", [ok({ 工单编号: "A1", 研判事项: "退单合理" })], [[3, "研判事项", "warning"]]],
    ["不满意不计 on a 满意 order: warning", [ok({ 工单编号: "A1", 研判事项: "不满意不计" })], [[3, "研判事项", "warning"]]],
    ["重复工单 into itself: error", [ok({ 工单编号: "A2", 研判事项: "重复工单", 更正为: "A2" })], [[3, "更正为", "error"]]],
    ["重复工单 into another unit's order: error", [ok({ 工单编号: "A2", 研判事项: "重复工单", 更正为: "B1" })], [[3, "更正为", "error"]]],
    ["重复工单 into an order not in a year's ledger: error", [ok({ 工单编号: "A2", 研判事项: "重复工单", 更正为: "NOPE" })], [[3, "更正为", "error"]]],
    ["a merge chain (A3 → A2 → A1): the row merging into a merged order is an error", [
      ok({ 工单编号: "A3", 研判事项: "重复工单", 更正为: "A2" }), ok({ 工单编号: "A2", 研判事项: "重复工单", 更正为: "A1" })], [[3, "更正为", "error"]]],
    ["an order of another year: 说明", [ok({ 工单编号: "OLD", 研判事项: "不合理诉求" })], [[3, "工单编号", "info"]]],
    ["不成立 and 待定 rows: no order-level check", [ok({ 工单编号: "A1", 研判事项: "退单合理", 结论: "不成立" })], []],
  ])("%s", async (_name, decisions, expected) => {
    const data = await importJudged(LEDGER, decisions);
    expect(problemsOf(data)).toEqual(expected);
    for (const p of data.judgment!.problems(year)) expect(p.message).toMatch(/[：，]|请/u);
  });

  it("a row with an error changes no count; the order's other rows still apply", async () => {
    const data = await importJudged(LEDGER, [
      ok({ 工单编号: "A2", 研判事项: "退单合理", 承办单位: "汉阴县" }), // error: not counted
      ok({ 工单编号: "A2", 研判事项: "超期免责" }), // applies
    ]);
    // Before: 工单总量 3, 应办结数 2 (A1 A3), 按期办结数 2, 退单数 1 (A2). A2 is returned, so 超期免责 changes nothing (a warning).
    expect(hb(data)).toMatchObject({ 工单总量: 3, 退单数: 1, 应办结数: 2, 按期办结数: 2 });
    expect(problemsOf(data)).toEqual([[3, "承办单位", "error"], [4, "研判事项", "warning"]]);
  });

  it("a month's import: an id or a merge parent not in the ledger is a warning, and the merge still applies", async () => {
    const data = await importJudged(LEDGER, [ok({ 工单编号: "FEB9", 研判事项: "超期免责" }), ok({ 工单编号: "A3", 研判事项: "重复工单", 更正为: "FEB1" })], "part");
    const march = parsePeriod("2021-03");
    expect(problemsOf(data, march)).toEqual([[3, "工单编号", "warning"], [4, "更正为", "warning"]]);
    expect(data.counts(march).find((r) => r.单位名称 === HB)).toMatchObject({ 工单总量: 2 });
  });

  it("decisions on an order and on its merge parent both apply", async () => {
    const data = await importJudged(LEDGER, [ok({ 工单编号: "A3", 研判事项: "并单", 更正为: "A1" }), ok({ 工单编号: "A1", 研判事项: "不合理诉求" })]);
    expect(problemsOf(data)).toEqual([]);
    // A3 leaves every count; A1 leaves 有效回访数 and 满意数: left are A2 (returned, 不满意 closed) only.
    expect(hb(data)).toMatchObject({ 工单总量: 2, 应办结数: 1, 按期办结数: 1, 退单数: 1, 有效回访数: 1, 满意数: 0 });
  });

  it("ids compare trimmed, full-width as half-width, numbers as their digits, in the ledger and the register", async () => {
    const ledger = [
      order("ＡＫ２０２１０１", "汉滨区", "2021-03-01 09:00:00", "2021-03-10 18:00:00", "2021-03-12 10:00:00"),
      [20210002, "汉滨区", "2021-03-01 09:00:00", "2021-03-10 18:00:00", "2021-03-12 10:00:00", "否", "否", ""],
      order(" AK3 ", "汉滨区", "2021-03-01 09:00:00", "2021-03-10 18:00:00", "2021-03-12 10:00:00"),
      // The same order as the first row, written half-width: a duplicate, listed and not counted.
      order("AK202101", "汉滨区", "2021-03-01 09:00:00", "2021-03-10 18:00:00", "2021-03-12 10:00:00"),
    ];
    const data = await importJudged(ledger, [
      ok({ 工单编号: " AK202101", 研判事项: "超期免责" }), ok({ 工单编号: "２０２１０００２", 研判事项: "超期免责" }), ok({ 工单编号: "AK3", 研判事项: "超期免责" }),
    ]);
    expect(data.problems.map((p) => [p.row, p.code])).toEqual([[5, "duplicateOrder"]]);
    expect(problemsOf(data)).toEqual([]);
    expect(hb(data)).toMatchObject({ 工单总量: 3, 应办结数: 3, 按期办结数: 3 });
  });

  it("a 10,000-row register on a 20,000-order ledger: every row counted or listed, none dropped", async () => {
    const ledger = Array.from({ length: 20_000 }, (_, i) => order(`K${i}`, i % 2 ? "汉滨区" : "汉阴县", "2021-05-01 09:00:00", "2021-05-10 18:00:00",
      "2021-05-20 10:00:00", "否", "否", "不满意"));
    // Every order is late and 不满意. Rows: 超期免责 on K0…K4999 (applies), 不合理诉求 on K5000…K9998 (applies), one unknown id.
    const decisions = Array.from({ length: 10_000 }, (_, i): Decision => (i < 5000 ? ok({ 工单编号: `K${i}`, 研判事项: "超期免责" })
      : i < 9999 ? ok({ 工单编号: `K${i}`, 研判事项: "不合理诉求" }) : ok({ 工单编号: "K-none", 研判事项: "超期免责" })));
    const data = await importJudged(ledger, decisions);
    const totals = data.totals(year);
    expect(totals).toMatchObject({ 工单总量: 20_000, 应办结数: 20_000, 按期办结数: 5000, 有效回访数: 20_000 - 4999 });
    expect(problemsOf(data)).toEqual([[10_002, "工单编号", "error"]]);
    const units = [...data.judgment!.byUnit(year).values()];
    expect(units.reduce((n, u) => n + u.applied.reduce((m, a) => m + a.count, 0), 0)).toBe(9999);
  });
});

describe("工单核查 shows an unreadable 研判事项 or 结论 as typed", () => {
  it.each<[string, Decision, string]>([
    ["结论 typed as 同意", { 研判事项: "退单合理", 结论: "同意" }, "退单合理：同意（有误，未生效）（工单研判第3行）"],
    ["研判事项 typed as 随便", { 研判事项: "随便" }, "随便：成立（有误，未生效）（工单研判第3行）"],
    ["研判事项 blank", { 研判事项: null }, "（空白）：成立（有误，未生效）（工单研判第3行）"],
  ])("%s", async (_name, d, expected) => {
    const data = await importJudged(LEDGER, [ok({ 工单编号: "A2", ...d })]);
    expect(data.judgment!.decisionText(data.judgment!.order("A2")!)).toBe(expected);
  });
});
