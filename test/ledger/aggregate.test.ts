import {
  COUNT_FIELDS,
  LedgerAggregator,
  mapHeaders,
  parsePeriod,
  type CountField,
  type LedgerCell,
  type UnitCounts,
} from "../../src/ledger";
import { REGISTRY_2021 } from "../../src/engine/registry";
import { callbackRule } from "../../src/engine/rules/callbacks";
import { HEADER, importRows, order, unitCounts } from "./helpers";
import { ruleSet } from "../../src/engine";

/** The rules the ledger counts by in these tests: the built-in 2021 method. */
const LEDGER_RULES = ruleSet(2021);

const HB = "汉滨区政府";

interface Case {
  readonly name: string;
  readonly rows: LedgerCell[][];
  readonly period: string;
  readonly unit?: string;
  readonly expected: Partial<UnitCounts>;
}

/** Each section-F rule on a hand-built ledger; fields not listed must be 0. */
const CASES: Case[] = [
  {
    name: "dispatched 2020-12-31 23:50, deadline 2021-01-02: due in 2021 but not part of 2021's 工单总量",
    rows: [order("A1", "汉滨区", "2020-12-31 23:50:00", "2021-01-02 23:50:00", "2021-01-01 09:00:00", "否", "否", "满意")],
    period: "2021",
    expected: { 应办结数: 1, 按期办结数: 1, 有效回访数: 1, 满意数: 1 },
  },
  {
    name: "the same order seen from 2020: in 工单总量, not due, callback not in the period",
    rows: [order("A1", "汉滨区", "2020-12-31 23:50:00", "2021-01-02 23:50:00", "2021-01-01 09:00:00", "否", "否", "满意")],
    period: "2020",
    expected: { 工单总量: 1 },
  },
  {
    name: "dispatched 2021-12-31 with a 2022 deadline: in 2021's 工单总量, due in 2022",
    rows: [order("A2", "汉滨区", "2021-12-31 16:00:00", "2022-01-05 16:00:00", "2022-01-04 10:00:00", "否", "否", "不满意")],
    period: "2021",
    expected: { 工单总量: 1 },
  },
  {
    name: "…and in 2022: due, on time, and a valid dissatisfied callback",
    rows: [order("A2", "汉滨区", "2021-12-31 16:00:00", "2022-01-05 16:00:00", "2022-01-04 10:00:00", "否", "否", "不满意")],
    period: "2022Q1",
    expected: { 应办结数: 1, 按期办结数: 1, 有效回访数: 1 },
  },
  {
    name: "a returned order counts in 退单数 and never in 应办结数",
    rows: [order("R1", "汉滨区", "2021-03-01 10:00:00", "2021-03-05 10:00:00", "", "是")],
    period: "2021-03",
    expected: { 工单总量: 1, 退单数: 1 },
  },
  {
    name: "a returned order may have no deadline",
    rows: [order("R2", "汉滨区", "2021-03-01 10:00:00", "", "", "是")],
    period: "2021",
    expected: { 工单总量: 1, 退单数: 1 },
  },
  {
    name: "an open order past its deadline is due and not on time",
    rows: [order("O1", "汉滨区", "2021-03-01 10:00:00", "2021-03-05 10:00:00")],
    period: "2021-03",
    expected: { 工单总量: 1, 应办结数: 1 },
  },
  {
    name: "an open order whose deadline is after the period is not due in it",
    rows: [order("O2", "汉滨区", "2021-03-30 10:00:00", "2021-04-06 10:00:00")],
    period: "2021-03",
    expected: { 工单总量: 1 },
  },
  {
    name: "closed exactly at the deadline is on time",
    rows: [order("T1", "汉滨区", "2021-05-01 08:00:00", "2021-05-06 08:00:00", "2021-05-06 08:00:00")],
    period: "2021-05",
    expected: { 工单总量: 1, 应办结数: 1, 按期办结数: 1 },
  },
  {
    name: "closed one second after the deadline is late",
    rows: [order("T2", "汉滨区", "2021-05-01 08:00:00", "2021-05-06 08:00:00", "2021-05-06 08:00:01")],
    period: "2021-05",
    expected: { 工单总量: 1, 应办结数: 1 },
  },
  {
    name: "a deadline written as a date alone lasts the whole day",
    rows: [order("T3", "汉滨区", "2021-05-01 08:00:00", "2021-05-06", "2021-05-06 21:30:00")],
    period: "2021-05",
    expected: { 工单总量: 1, 应办结数: 1, 按期办结数: 1 },
  },
  {
    name: "an extension counts in 延期申请数 and the extended deadline decides on-time",
    rows: [order("E1", "汉滨区", "2021-06-01 09:00:00", "2021-06-20 09:00:00", "2021-06-18 09:00:00", "否", "是", "基本满意")],
    period: "2021-06",
    expected: { 工单总量: 1, 应办结数: 1, 按期办结数: 1, 延期申请数: 1, 有效回访数: 1, 满意数: 1 },
  },
  {
    name: "each 回访结果: 满意 and 基本满意 satisfied, 不满意 valid only, 未回访/拒访/无法联系/blank not valid",
    rows: ["满意", "基本满意", "不满意", "未回访", "拒访", "无法联系", ""].map((result, i) =>
      order(`C${i}`, "汉滨区", "2021-07-01 09:00:00", "2021-07-08 09:00:00", "2021-07-02 09:00:00", "否", "否", result)),
    period: "2021-07",
    expected: { 工单总量: 7, 应办结数: 7, 按期办结数: 7, 有效回访数: 3, 满意数: 2 },
  },
  {
    name: "a callback counts in the month the order was closed, not dispatched",
    rows: [order("C9", "汉滨区", "2021-07-30 09:00:00", "2021-08-06 09:00:00", "2021-08-02 09:00:00", "否", "否", "满意")],
    period: "2021-08",
    expected: { 应办结数: 1, 按期办结数: 1, 有效回访数: 1, 满意数: 1 },
  },
  {
    name: "a callback on an open order is not a valid callback",
    rows: [order("C10", "汉滨区", "2021-07-01 09:00:00", "2021-07-08 09:00:00", "", "否", "否", "满意")],
    period: "2021-07",
    expected: { 工单总量: 1, 应办结数: 1 },
  },
  {
    name: "alias spellings resolve to one unit (汉滨区 / 汉滨区人民政府 / spaces / full-width)",
    rows: ["汉滨区", "汉滨区人民政府", "汉滨区政府", " 汉滨区 ", "汉 滨 区", "汉滨区政府"].map((unit, i) =>
      order(`N${i}`, unit, "2021-02-01 09:00:00", "2021-02-03 09:00:00", "2021-02-02 09:00:00")),
    period: "2021-02",
    expected: { 工单总量: 6, 应办结数: 6, 按期办结数: 6 },
  },
  {
    name: "市发改委 is 市发展和改革委员会",
    rows: [order("F1", "市发改委", "2021-02-01 09:00:00", "2021-02-03 09:00:00", "2021-02-02 09:00:00"),
      order("F2", "市发展和改革委员会", "2021-02-01 09:00:00", "2021-02-03 09:00:00", "2021-02-02 09:00:00")],
    period: "2021",
    unit: "市发展和改革委员会",
    expected: { 工单总量: 2, 应办结数: 2, 按期办结数: 2 },
  },
  {
    name: "full-width and half-width brackets are one unit",
    rows: [order("B1", "恒口示范区(试验区)", "2021-02-01 09:00:00", "2021-02-03 09:00:00", "2021-02-02 09:00:00"),
      order("B2", "安康市恒口示范区（试验区）管理委员会", "2021-02-01 09:00:00", "2021-02-03 09:00:00", "2021-02-02 09:00:00")],
    period: "2021",
    unit: "安康市恒口示范区（试验区）管理委员会",
    expected: { 工单总量: 2, 应办结数: 2, 按期办结数: 2 },
  },
  {
    name: "yes/no spellings: Y, 1, TRUE, true (boolean) are 是; N, 0, FALSE are 否",
    rows: [
      order("Y1", "汉滨区", "2021-09-01 09:00:00", "2021-09-03 09:00:00", "", "Y"),
      order("Y2", "汉滨区", "2021-09-01 09:00:00", "2021-09-03 09:00:00", "", 1),
      order("Y3", "汉滨区", "2021-09-01 09:00:00", "2021-09-03 09:00:00", "", "TRUE"),
      order("Y4", "汉滨区", "2021-09-01 09:00:00", "2021-09-03 09:00:00", "", true),
      order("Y5", "汉滨区", "2021-09-01 09:00:00", "2021-09-03 09:00:00", "2021-09-02 09:00:00", "N", "0"),
      order("Y6", "汉滨区", "2021-09-01 09:00:00", "2021-09-03 09:00:00", "2021-09-02 09:00:00", "FALSE", "1"),
    ],
    period: "2021-09",
    expected: { 工单总量: 6, 退单数: 4, 应办结数: 2, 按期办结数: 2, 延期申请数: 1 },
  },
  {
    name: "Excel serial numbers as times (xlsx cells)",
    // 44260.5 = 2021-03-05 12:00; 44265.5 = 2021-03-10 12:00
    rows: [order("S1", "汉滨区", 44260.5, 44265.5, 44265.5, false, false, "满意")],
    period: "2021-03",
    expected: { 工单总量: 1, 应办结数: 1, 按期办结数: 1, 有效回访数: 1, 满意数: 1 },
  },
];

describe("section F counts on hand-built ledgers", () => {
  test.each(CASES)("$name", async ({ rows, period, unit, expected }) => {
    const data = await importRows(rows);
    expect(data.summary.rowsWithProblems).toBe(0);
    const counts = unitCounts(data, period, unit ?? HB);
    const want = Object.fromEntries(COUNT_FIELDS.map((f) => [f, expected[f] ?? 0])) as Record<CountField, number>;
    expect(Object.fromEntries(COUNT_FIELDS.map((f) => [f, counts[f]]))).toEqual(want);
  });
});

describe("problems are listed with row numbers and never silently counted", () => {
  const rows: LedgerCell[][] = [
    order("P1", "汉滨区", "2021-03-01 10:00:00", "2021-03-05 10:00:00", "2021-03-02 10:00:00"), // row 2: fine
    order("P1", "汉滨区", "2021-03-01 10:00:00", "2021-03-05 10:00:00", "2021-03-02 10:00:00"), // row 3: duplicate of 2
    order("P2", "安康市不存在局", "2021-03-01 10:00:00", "2021-03-05 10:00:00"), // row 4: unknown unit
    order("P3", "汉滨区", "2021-02-30 10:00:00", "2021-03-05 10:00:00"), // row 5: no such date
    order("P4", "汉滨区", "2021-03-01 10:00:00", "2021-03-05 10:00:00", "2021-02-28 10:00:00"), // row 6: closed before dispatch
    order("P5", "汉滨区", "2021-03-01 10:00:00", "2021-02-27 10:00:00"), // row 7: deadline before dispatch
    order("P6", "汉滨区", "2021-03-01 10:00:00", "2021-03-05 10:00:00", "", "可能"), // row 8: bad yes/no
    order("P7", "汉滨区", "2021-03-01 10:00:00", "2021-03-05 10:00:00", "2021-03-02 10:00:00", "否", "否", "很好"), // row 9: bad callback
    order("", "汉滨区", "2021-03-01 10:00:00", "2021-03-05 10:00:00"), // row 10: no id
    order("P8", "市委宣传部", "2021-03-01 10:00:00", "2021-03-05 10:00:00"), // row 11: not a hotline unit
    order("P9", "汉滨区", "", "2021-03-05 10:00:00"), // row 12: no dispatch time
    order("P10", "汉滨区", "2021-03-01 10:00:00", ""), // row 13: no deadline on an order not returned
    order("P1", "汉滨区", "2021-03-01 10:00:00", "2021-03-05 10:00:00"), // row 14: duplicate of 2 again
    ["", "", "", "", "", "", "", ""], // row 15: blank
    order("P11", "汉滨区", "2021-03-01 10:00:00", "2021-03-05 10:00:00", "2021-03-02 10:00:00"), // row 16: fine
  ];

  test("each problem names row, column, value and a Chinese message", async () => {
    const data = await importRows(rows);
    const listed = data.problems.map((p) => [p.row, p.code, p.column]);
    expect(listed).toEqual([
      [3, "duplicateOrder", "工单编号"],
      [4, "unknownUnit", "承办单位"],
      [5, "badDate", "派单时间"],
      [6, "impossibleValue", "办结时间"],
      [7, "impossibleValue", "办理时限"],
      [8, "badValue", "是否退单"],
      [9, "badValue", "回访结果"],
      [10, "missingValue", "工单编号"],
      [11, "notHotlineUnit", "承办单位"],
      [12, "missingValue", "派单时间"],
      [13, "missingValue", "办理时限"],
      [14, "duplicateOrder", "工单编号"],
    ]);
    const duplicate = data.problems.find((p) => p.row === 3)!;
    expect(duplicate.duplicateOf).toBe(2);
    expect(duplicate.message).toContain("第2行");
    expect(duplicate.value).toBe("P1");
    expect(data.problems.find((p) => p.row === 4)!.message).toContain("安康市不存在局");
    expect(data.problems.find((p) => p.row === 5)!.value).toBe("2021-02-30 10:00:00");
    for (const p of data.problems) expect(p.message).toMatch(/[\u4e00-\u9fff]/u);
  });

  test("summary: read = counted + rows with problems − rows partly counted; blank rows apart", async () => {
    const data = await importRows(rows);
    const s = data.summary;
    expect(s.rowsRead).toBe(14);
    // Spec F: an unreadable or missing 派单时间 (rows 5, 12), a bad 是否退单 (row 8), an unknown 回访结果 (row 9)
    // and a missing 办理时限 (row 13) cost only the counts that need them: those rows are still counted, and listed.
    expect(s.rowsCounted).toBe(7);
    expect(s.rowsWithProblems).toBe(12);
    expect(s.rowsPartlyCounted).toBe(5);
    expect(s.rowsRead).toBe(s.rowsCounted + s.rowsWithProblems - (s.rowsPartlyCounted ?? 0));
    expect(s.blankRows).toBe(1);
    expect(s.problemCount).toBe(12);
    expect(s.problemsByCode.duplicateOrder).toBe(2);
    expect(s.text).toContain("共读取14行");
    expect(unitCounts(data, "2021", HB).工单总量).toBe(5);
  });

  test("a row with several problems lists each and counts once", async () => {
    const data = await importRows([order("Q", "无名单位", "昨天", "2021-03-05 10:00:00", "", "maybe")]);
    expect(data.problems.map((p) => p.column)).toEqual(["承办单位", "派单时间", "是否退单"]);
    expect(data.summary.rowsWithProblems).toBe(1);
    expect(data.summary.problemCount).toBe(3);
  });

  test("the listing is capped but every problem is counted", async () => {
    const many = Array.from({ length: 50 }, (_, i) => order(`X${i}`, "无名单位", "2021-03-01 10:00:00", "2021-03-05 10:00:00"));
    const agg = new LedgerAggregator(mapHeaders(HEADER), { rules: LEDGER_RULES, maxListedProblems: 10 });
    many.forEach((row, i) => agg.add(row, i + 2));
    const data = agg.finish();
    expect(data.problems).toHaveLength(10);
    expect(data.summary.problemCount).toBe(50);
    expect(data.summary.problemsNotListed).toBe(40);
    expect(data.summary.text).toContain("另有40个问题");
  });
});

describe("periods and the whole table", () => {
  test("all 77 hotline units are present, zeros where no orders, in registry order", async () => {
    const data = await importRows([order("Z1", "市发改委", "2021-03-01 10:00:00", "2021-03-05 10:00:00")]);
    const rows = data.counts(parsePeriod("2021"));
    expect(rows).toHaveLength(77);
    expect(rows.map((r) => r.单位名称)).toEqual(REGISTRY_2021.hotlineUnits().map((u) => u.name));
    expect(rows.filter((r) => r.工单总量 > 0).map((r) => r.单位名称)).toEqual(["市发展和改革委员会"]);
    expect(rows.find((r) => r.单位名称 === "市发展和改革委员会")!.单位类别).toBe("市直");
  });

  test("月均办件量 = 工单总量 / months in the period", async () => {
    const rows = Array.from({ length: 9 }, (_, i) => order(`M${i}`, "汉滨区", `2021-0${1 + (i % 3)}-10 10:00:00`, `2021-0${1 + (i % 3)}-12 10:00:00`));
    const data = await importRows(rows);
    expect(unitCounts(data, "2021Q1", HB).月均办件量).toBe(3);
    expect(unitCounts(data, "2021", HB).月均办件量).toBe(9 / 12);
    expect(unitCounts(data, "2021-02", HB).月均办件量).toBe(3);
  });

  test("report(): rows for the period and twelve months of its year", async () => {
    const data = await importRows([order("R", "汉滨区", "2021-03-01 10:00:00", "2021-04-05 10:00:00")]);
    const report = data.report(parsePeriod("2021Q2"));
    expect(report.monthly.map((m) => m.period.label)).toEqual(
      ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"].map((m) => `2021-${m}`));
    expect(report.rows.find((r) => r.单位名称 === HB)!.应办结数).toBe(1);
    expect(report.rows.find((r) => r.单位名称 === HB)!.工单总量).toBe(0);
  });

  test("the default period is the year with the most orders", async () => {
    const data = await importRows([
      order("D1", "汉滨区", "2020-12-30 10:00:00", "2021-01-05 10:00:00"),
      order("D2", "汉滨区", "2021-03-01 10:00:00", "2021-03-05 10:00:00"),
      order("D3", "汉滨区", "2021-03-01 10:00:00", "2021-03-05 10:00:00"),
    ]);
    expect(data.defaultPeriod().label).toBe("2021");
    expect(data.years()).toEqual([2020, 2021]);
  });
});

describe("drill-down", () => {
  const rows: LedgerCell[][] = [
    order("L1", "汉滨区", "2021-03-01 10:00:00", "2021-03-05 10:00:00", "2021-03-06 10:00:00", "否", "否", "满意"), // late, closed
    order("L2", "汉滨区", "2021-03-01 10:00:00", "2021-03-05 10:00:00"), // late, open
    order("L3", "汉滨区", "2021-03-01 10:00:00", "2021-03-05 10:00:00", "2021-03-05 10:00:00", "否", "否", "不满意"), // on time, 不满意
    order("L4", "汉滨区人民政府", "2021-03-02 10:00:00", "2021-03-05 10:00:00", "", "是"), // returned
    order("L5", "汉滨区", "2021-03-02 10:00:00", "2021-03-25 10:00:00", "2021-03-20 10:00:00", "否", "是", "满意"), // extended
    order("L6", "汉阴县", "2021-03-01 10:00:00", "2021-03-05 10:00:00"), // another unit
    order("L7", "汉滨区", "2021-04-01 10:00:00", "2021-04-05 10:00:00"), // late, but in April
  ];

  test("lists the orders behind each rate, matching the counts", async () => {
    const data = await importRows(rows);
    const d = data.drillDown("汉滨区", parsePeriod("2021-03"));
    expect(d.unit.name).toBe(HB);
    expect(d.late.map((o) => [o.工单编号, o.状态, o.行号])).toEqual([["L1", "超期办结", 2], ["L2", "未办结", 3]]);
    expect(d.returned.map((o) => o.工单编号)).toEqual(["L4"]);
    expect(d.extended.map((o) => o.工单编号)).toEqual(["L5"]);
    expect(d.dissatisfied.map((o) => o.工单编号)).toEqual(["L3"]);
    expect(d.late.length).toBe(d.counts.应办结数 - d.counts.按期办结数);
    expect(d.returned.length).toBe(d.counts.退单数);
    expect(d.extended.length).toBe(d.counts.延期申请数);
    expect(d.dissatisfied.length).toBe(d.counts.有效回访数 - d.counts.满意数);
    expect(d.late[1].办结时间).toBe("");
    expect(d.late[0].派单时间).toBe("2021-03-01 10:00:00");
  });

  test("a name that is not a hotline unit is refused in Chinese", async () => {
    const data = await importRows(rows);
    expect(() => data.drillDown("市委宣传部", parsePeriod("2021"))).toThrow(/不是12345热线承办单位/u);
  });
});

describe("an unreadable field costs only the counts that need it (spec F)", () => {
  const t = (day: number) => `2021-03-${String(day).padStart(2, "0")} 10:00:00`;

  test("an unreadable 办结时间 on a due order: listed, in 工单总量 and 应办结数, not on time, no valid callback", async () => {
    const data = await importRows([order("F1", "汉滨区", t(1), t(10), "上周", "否", "否", "满意")]);
    expect(data.problems.map((p) => [p.code, p.column])).toEqual([["badDate", "办结时间"]]);
    const c = unitCounts(data, "2021", HB);
    expect([c.工单总量, c.应办结数, c.按期办结数, c.有效回访数]).toEqual([1, 1, 0, 0]);
  });

  test("an unreadable 是否申请延期: in every count but 延期申请数", async () => {
    const data = await importRows([order("F2", "汉滨区", t(1), t(10), t(2), "否", "也许", "满意")]);
    const c = unitCounts(data, "2021", HB);
    expect([c.工单总量, c.应办结数, c.按期办结数, c.延期申请数, c.有效回访数, c.满意数]).toEqual([1, 1, 1, 0, 1, 1]);
    expect(data.summary.rowsPartlyCounted).toBe(1);
    expect(data.summary.text).toContain("其中1行有字段无法识别");
  });

  test("an unreadable 办理时限: in 工单总量, not in 应办结数", async () => {
    const data = await importRows([order("F3", "汉滨区", t(1), "下周", t(2), "否", "否", "不满意")]);
    const c = unitCounts(data, "2021", HB);
    expect([c.工单总量, c.应办结数, c.有效回访数, c.满意数]).toEqual([1, 0, 1, 0]);
  });

  test("the platforms' header wording is understood", async () => {
    const header = ["工单号", "承办单位", "受理时间", "要求办结时间", "实际办结时间", "是否退回", "延期状态", "回访结果"];
    const data = await importRows([["W1", "汉滨区", t(1), t(10), t(2), "否", "已延期", "非常满意"]], header);
    const c = unitCounts(data, "2021", HB);
    expect([c.工单总量, c.应办结数, c.按期办结数, c.延期申请数, c.满意数]).toEqual([1, 1, 1, 1, 1]);
  });
});

describe("the callback rule comes from the method (参数 基本满意计为满意)", () => {
  const rows = [
    order("C1", "汉滨区", "2021-03-01 09:00:00", "2021-03-05 09:00:00", "2021-03-02 09:00:00", "否", "否", "满意"),
    order("C2", "汉滨区", "2021-03-01 09:00:00", "2021-03-05 09:00:00", "2021-03-02 09:00:00", "否", "否", "基本满意"),
    order("C3", "汉滨区", "2021-03-01 09:00:00", "2021-03-05 09:00:00", "2021-03-02 09:00:00", "否", "否", "不满意"),
    order("C4", "汉滨区", "2021-03-01 09:00:00", "2021-03-05 09:00:00", "2021-03-02 09:00:00", "否", "否", "拒访"),
  ];
  const aggregate = (callbacks?: ReturnType<typeof callbackRule>) => {
    const agg = new LedgerAggregator(mapHeaders(HEADER), {
      rules: { ...LEDGER_RULES, hotline: { ...LEDGER_RULES.hotline, callbacks: callbacks ?? LEDGER_RULES.hotline.callbacks } },
    });
    rows.forEach((r, i) => agg.add(r, i + 2));
    return agg.finish();
  };
  test("default (2021, 是): 满意 + 基本满意 of 3 valid callbacks", async () => {
    expect(unitCounts(aggregate(), "2021", HB)).toMatchObject({ 有效回访数: 3, 满意数: 2 });
  });
  test("否: only 满意 counts as satisfied; 基本满意 is listed with the not satisfied for appeals", async () => {
    const data = aggregate(callbackRule(false, "x"));
    expect(unitCounts(data, "2021", HB)).toMatchObject({ 有效回访数: 3, 满意数: 1 });
    expect(data.drillDown(HB, parsePeriod("2021")).dissatisfied.map((o) => o.工单编号)).toEqual(["C2", "C3"]);
  });
});
