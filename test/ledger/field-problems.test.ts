/**
 * Spec F: "An unreadable field removes an order only from the counts that need that field." 派单时间 places an
 * order in 工单总量, 退单数 and 延期申请数; 应办结数 and 按期办结数 go by 办理时限 (and 是否退单, 办结时间); the callbacks
 * by 办结时间 and 回访结果. Expectations are worked out by hand, or by the plain reference below written from
 * spec F on the text of the cells, never by the aggregator.
 */
import fc from "fast-check";
import { COUNT_FIELDS, parsePeriod, type LedgerCell, type UnitCounts } from "../../src/ledger";
import { importRows, order, unitCounts } from "./helpers";

const HB = "汉滨区政府";
const t = (month: number, day: number) => `2021-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")} 10:00:00`;
const pick = (c: UnitCounts) => Object.fromEntries(COUNT_FIELDS.map((f) => [f, c[f]]));
const zero = { 工单总量: 0, 应办结数: 0, 按期办结数: 0, 退单数: 0, 延期申请数: 0, 有效回访数: 0, 满意数: 0 };

describe("an order whose 派单时间 is missing or unreadable", () => {
  test("is listed with its row and a Chinese message, and still counts as due, on time and as a callback", async () => {
    const data = await importRows([
      order("D1", "汉滨区", "", t(3, 10), t(3, 5), "否", "否", "满意"), // row 2: blank
      order("D2", "汉滨区", "三月初", t(3, 10), t(3, 12), "否", "否", "不满意"), // row 3: unreadable, closed late
    ]);
    expect(data.problems.map((p) => [p.row, p.code, p.column])).toEqual([[2, "missingValue", "派单时间"], [3, "badDate", "派单时间"]]);
    expect(data.problems[0].message).toMatch(/^派单时间为空；/u);
    expect(data.problems[1].message).toContain("派单时间“三月初”无法识别为日期时间");
    expect(data.summary).toMatchObject({ rowsRead: 2, rowsCounted: 2, rowsWithProblems: 2, rowsPartlyCounted: 2 });
    expect(pick(unitCounts(data, "2021-03", HB))).toEqual({ ...zero, 应办结数: 2, 按期办结数: 1, 有效回访数: 2, 满意数: 1 });
  });

  test("is not in 退单数 or 延期申请数 (they count among the orders dispatched in the period), nor in 应办结数 when returned", async () => {
    const data = await importRows([order("D3", "汉滨区", "2021-13-01 10:00", t(3, 10), "", "是", "是")]);
    expect(data.problems.map((p) => [p.row, p.column])).toEqual([[2, "派单时间"]]);
    expect(pick(unitCounts(data, "2021", HB))).toEqual(zero);
    const d = data.drillDown(HB, parsePeriod("2021"));
    expect([d.returned, d.extended, d.late]).toEqual([[], [], []]);
  });

  test("belongs to the period of its deadline for 应办结数 and to that of its closing for the callbacks", async () => {
    const data = await importRows([order("D4", "汉滨区", "", t(3, 31), t(4, 2), "否", "否", "基本满意")]);
    expect(pick(unitCounts(data, "2021-03", HB))).toEqual({ ...zero, 应办结数: 1 });
    expect(pick(unitCounts(data, "2021-04", HB))).toEqual({ ...zero, 有效回访数: 1, 满意数: 1 });
    expect(pick(unitCounts(data, "2021Q1", HB))).toEqual({ ...zero, 应办结数: 1 });
    expect(pick(unitCounts(data, "2021", HB))).toEqual({ ...zero, 应办结数: 1, 有效回访数: 1, 满意数: 1 });
    // The appeal list for March names it as closed late, with its row and an empty 派单时间.
    const late = data.drillDown(HB, parsePeriod("2021-03")).late;
    expect(late.map((o) => [o.工单编号, o.行号, o.派单时间, o.状态])).toEqual([["D4", 2, "", "超期办结"]]);
  });

  test("keeps its 工单编号: a later row repeating it is a duplicate, and the first row holding it is the one counted", async () => {
    const data = await importRows([
      order("D5", "汉滨区", "", t(3, 10), t(3, 5), "否", "否", "满意"), // row 2: counted without 派单时间
      order("D5", "汉滨区", t(3, 1), t(3, 10), t(3, 5), "否", "否", "满意"), // row 3: duplicate of row 2
      order("D6", "汉滨区", t(3, 1), t(3, 10), t(3, 5), "否", "否", "满意"), // row 4: fine
      order("D6", "汉滨区", "", t(3, 10), t(3, 5), "否", "否", "满意"), // row 5: duplicate of row 4, and no 派单时间
    ]);
    expect(data.problems.map((p) => [p.row, p.code, p.duplicateOf])).toEqual([
      [2, "missingValue", undefined], [3, "duplicateOrder", 2], [5, "duplicateOrder", 4], [5, "missingValue", undefined],
    ]);
    expect(data.summary).toMatchObject({ rowsRead: 4, rowsCounted: 2, rowsWithProblems: 3, rowsPartlyCounted: 1 });
    expect(pick(unitCounts(data, "2021-03", HB))).toEqual({ ...zero, 工单总量: 1, 应办结数: 2, 按期办结数: 2, 有效回访数: 2, 满意数: 2 });
  });
});

/**
 * Spec F as plainly as it can be written, on the cells' text: dates are "YYYY-MM-DD hh:mm:ss" (so comparing
 * the strings compares the times, and the first seven characters are the month); every other date text is
 * unreadable. Dates are generated so that no deadline or closing precedes its dispatch.
 */
function reference(rows: readonly LedgerCell[][], months: readonly string[]): { counts: Map<string, UnitCounts>; problemRows: Set<number> } {
  const isDate = (v: LedgerCell) => typeof v === "string" && /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/u.test(v);
  const inPeriod = (v: LedgerCell) => isDate(v) && months.includes((v as string).slice(0, 7));
  const yesNo = (v: LedgerCell) => (v === "是" ? true : v === "否" ? false : undefined);
  const units: Record<string, string> = { 汉滨区: HB, 汉阴县: "汉阴县政府" };
  const counts = new Map<string, UnitCounts>();
  const problemRows = new Set<number>();
  const seen = new Set<LedgerCell>();
  rows.forEach(([id, unitText, dispatched, deadline, closed, returnedText, extendedText, callback], i) => {
    const row = i + 2;
    const returned = yesNo(returnedText);
    const extended = yesNo(extendedText);
    const validCallback = ["满意", "基本满意", "不满意"].includes(callback as string);
    const unit = units[unitText as string];
    if (!isDate(dispatched) || returned === undefined || extended === undefined || (!validCallback && callback !== "" && callback !== "未回访")
      || (!isDate(deadline) && (deadline !== "" || returned === false)) || (!isDate(closed) && closed !== "") || unit === undefined || seen.has(id)) {
      problemRows.add(row);
    }
    // The 工单编号 is taken by the first row holding it, whatever else that row holds.
    if (seen.has(id)) return;
    seen.add(id);
    if (unit === undefined) return;
    const c = counts.get(unit) ?? { ...zero };
    counts.set(unit, c);
    if (inPeriod(dispatched)) {
      c.工单总量++;
      if (returned === true) c.退单数++;
      if (extended === true) c.延期申请数++;
    }
    if (returned === false && inPeriod(deadline)) {
      c.应办结数++;
      if (isDate(closed) && (closed as string) <= (deadline as string)) c.按期办结数++;
    }
    if (inPeriod(closed) && validCallback) {
      c.有效回访数++;
      if (callback !== "不满意") c.满意数++;
    }
  });
  return { counts, problemRows };
}

describe("random ledgers with unreadable fields against the plain reference", () => {
  const date = (month: number, day: number) => t(month, day);
  const rowArb = fc.record({
    id: fc.constantFrom("A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8"),
    unit: fc.constantFrom("汉滨区", "汉阴县", "无名单位"),
    month: fc.integer({ min: 1, max: 4 }),
    dispatched: fc.constantFrom("ok", "ok", "ok", "", "昨天", "2021-02-30 10:00"),
    deadlineDays: fc.integer({ min: 1, max: 40 }),
    deadline: fc.constantFrom("ok", "ok", "ok", "", "下周"),
    closedDays: fc.integer({ min: 1, max: 45 }),
    closed: fc.constantFrom("ok", "ok", "", "上周"),
    returned: fc.constantFrom("否", "否", "是", "可能"),
    extended: fc.constantFrom("否", "否", "是", "也许"),
    callback: fc.constantFrom("满意", "基本满意", "不满意", "未回访", "", "很好"),
  }).map((r): LedgerCell[] => {
    // Deadlines and closings after the dispatch (day 1 of the month), so no time contradicts another.
    const after = (days: number) => date(r.month + Math.floor(days / 28), 1 + (days % 28));
    return [
      r.id, r.unit,
      r.dispatched === "ok" ? date(r.month, 1) : r.dispatched,
      r.deadline === "ok" ? after(r.deadlineDays) : r.deadline,
      r.closed === "ok" ? after(r.closedDays) : r.closed,
      r.returned, r.extended, r.callback,
    ];
  });

  test("every unit's counts for months, a quarter and the year; every problem row listed; drill-downs match", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { maxLength: 14 }), async (rows) => {
        const data = await importRows(rows);
        const all = reference(rows, []);
        expect(new Set(data.problems.map((p) => p.row))).toEqual(all.problemRows);
        for (const [label, months] of [["2021-03", ["2021-03"]], ["2021Q2", ["2021-04", "2021-05", "2021-06"]],
          ["2021", Array.from({ length: 12 }, (_, m) => `2021-${String(m + 1).padStart(2, "0")}`)]] as const) {
          const { counts } = reference(rows, months);
          for (const unit of [HB, "汉阴县政府"]) {
            expect([label, unit, pick(unitCounts(data, label, unit))]).toEqual([label, unit, counts.get(unit) ?? zero]);
            const d = data.drillDown(unit, parsePeriod(label));
            expect([d.late.length, d.returned.length, d.extended.length, d.dissatisfied.length]).toEqual([
              d.counts.应办结数 - d.counts.按期办结数, d.counts.退单数, d.counts.延期申请数, d.counts.有效回访数 - d.counts.满意数,
            ]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
