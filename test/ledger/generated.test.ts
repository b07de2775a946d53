import {
  aggregateLedger,
  arrayRows,
  COUNT_FIELDS,
  LedgerAggregator,
  mapHeaders,
  parsePeriod,
  periodMonthIndexes,
  type LedgerCell,
  type LedgerData,
  type UnitCounts,
} from "../../src/ledger";
import { REGISTRY_2021 } from "../../src/engine/registry";
import { generateLedger, orderCells, type GeneratedOrder, type GenerateOptions } from "../../scripts/gen-ledger";
import { HEADER } from "./helpers";
import { ruleSet } from "../../src/engine";

/** The rules the ledger counts by in these tests: the built-in 2021 method. */
const LEDGER_RULES = ruleSet(2021);

const OPTIONS: GenerateOptions = { rows: 20000, seed: 2021, duplicates: 12, problems: 12 };
const orders = [...generateLedger(OPTIONS)];

async function importGenerated(list: readonly GeneratedOrder[]): Promise<LedgerData> {
  const result = await aggregateLedger(arrayRows([HEADER, ...list.map((o) => orderCells(o, "text"))]), { rules: LEDGER_RULES });
  if (result.status !== "ok") throw new Error(result.message);
  return result.data;
}

/** Section F written the plainest way, on the generator's own values (no parsing involved). */
function reference(list: readonly GeneratedOrder[], period: string): Map<string, UnitCounts> {
  const months = new Set(periodMonthIndexes(parsePeriod(period)));
  const inPeriod = (t: number) => {
    if (Number.isNaN(t)) return false;
    const d = new Date(t * 1000);
    return months.has(d.getUTCFullYear() * 12 + d.getUTCMonth());
  };
  const seen = new Set<string>();
  const out = new Map<string, UnitCounts>();
  for (const o of list) {
    if (seen.has(o.id)) continue;
    seen.add(o.id);
    if (o.official === undefined) continue;
    const c = out.get(o.official) ?? { 工单总量: 0, 应办结数: 0, 按期办结数: 0, 退单数: 0, 延期申请数: 0, 有效回访数: 0, 满意数: 0 };
    out.set(o.official, c);
    // An unreadable 派单时间 costs only the counts that place the order by it (spec F).
    if (o.badDispatchText === undefined && inPeriod(o.dispatched)) {
      c.工单总量++;
      if (o.returned) c.退单数++;
      if (o.extended) c.延期申请数++;
    }
    if (!o.returned && inPeriod(o.deadline)) {
      c.应办结数++;
      if (!Number.isNaN(o.closed) && o.closed <= o.deadline) c.按期办结数++;
    }
    if (!Number.isNaN(o.closed) && inPeriod(o.closed) && ["满意", "基本满意", "不满意"].includes(o.callback)) {
      c.有效回访数++;
      if (o.callback !== "不满意") c.满意数++;
    }
  }
  return out;
}

describe("generator", () => {
  test("is deterministic for a seed and differs across seeds", () => {
    const again = [...generateLedger(OPTIONS)];
    expect(again).toEqual(orders);
    const other = [...generateLedger({ ...OPTIONS, seed: 7 })];
    expect(other.slice(0, 50)).not.toEqual(orders.slice(0, 50));
  });

  test("is shaped like Ankang's published figures", () => {
    const base = orders.filter((o) => !o.duplicate);
    const notReturned = base.filter((o) => !o.returned);
    const onTime = notReturned.filter((o) => !Number.isNaN(o.closed) && o.closed <= o.deadline).length / notReturned.length;
    const valid = base.filter((o) => ["满意", "基本满意", "不满意"].includes(o.callback));
    const satisfied = valid.filter((o) => o.callback !== "不满意").length / valid.length;
    const returned = base.filter((o) => o.returned).length / base.length;
    const extended = base.filter((o) => o.extended).length / base.length;
    expect(base).toHaveLength(20000);
    expect(orders.filter((o) => o.duplicate)).toHaveLength(12);
    expect(onTime).toBeGreaterThan(0.995);
    expect(onTime).toBeLessThan(1);
    expect(satisfied).toBeGreaterThan(0.87);
    expect(satisfied).toBeLessThan(0.93);
    expect(returned).toBeGreaterThan(0.01);
    expect(returned).toBeLessThan(0.06);
    expect(extended).toBeGreaterThan(0.01);
    expect(extended).toBeLessThan(0.06);
    expect(base.some((o) => o.dispatched < Date.UTC(2021, 0, 1) / 1000)).toBe(true);
    expect(base.some((o) => o.deadline >= Date.UTC(2022, 0, 1) / 1000)).toBe(true);
    expect(base.some((o) => !o.returned && Number.isNaN(o.closed))).toBe(true);
    expect(base.some((o) => o.unit !== o.official && o.official !== undefined)).toBe(true);
    expect(new Set(base.map((o) => o.official)).size).toBeGreaterThanOrEqual(70);
  });
});

describe("a generated ledger against a plain reference", () => {
  let data: LedgerData;
  beforeAll(async () => {
    data = await importGenerated(orders);
  });

  test.each(["2020", "2021", "2022", "2021Q1", "2021Q4", "2021-01", "2021-06", "2021-12"])("every unit's counts for %s", (period) => {
    const expected = reference(orders, period);
    for (const row of data.counts(parsePeriod(period))) {
      const want = expected.get(row.单位名称) ?? { 工单总量: 0, 应办结数: 0, 按期办结数: 0, 退单数: 0, 延期申请数: 0, 有效回访数: 0, 满意数: 0 };
      expect([row.单位名称, Object.fromEntries(COUNT_FIELDS.map((f) => [f, row[f]]))]).toEqual([row.单位名称, want]);
    }
  });

  test("read = counted + problem rows − rows partly counted; duplicates and spoiled rows are the problems", () => {
    const s = data.summary;
    const spoiledDates = orders.filter((o) => !o.duplicate && o.badDispatchText !== undefined).length;
    expect(spoiledDates).toBeGreaterThan(0);
    expect(s.rowsRead).toBe(orders.length);
    expect(s.rowsRead).toBe(s.rowsCounted + s.rowsWithProblems - (s.rowsPartlyCounted ?? 0));
    expect(s.rowsPartlyCounted).toBe(spoiledDates);
    expect(s.problemsByCode.duplicateOrder).toBe(12);
    expect(s.problemsByCode.badDate).toBe(spoiledDates);
    expect((s.problemsByCode.unknownUnit ?? 0) + (s.problemsByCode.badDate ?? 0)).toBe(12);
  });

  test("monthly counts sum to the annual counts for every unit", () => {
    for (const year of [2020, 2021, 2022]) {
      const annual = data.counts(parsePeriod(String(year)));
      const monthly = data.monthly(year);
      expect(monthly).toHaveLength(12);
      annual.forEach((row, u) => {
        for (const f of COUNT_FIELDS) expect(monthly.reduce((sum, m) => sum + m.rows[u][f], 0)).toBe(row[f]);
      });
      const quarters = [1, 2, 3, 4].map((q) => data.counts(parsePeriod(`${year}Q${q}`)));
      annual.forEach((row, u) => {
        for (const f of COUNT_FIELDS) expect(quarters.reduce((sum, q) => sum + q[u][f], 0)).toBe(row[f]);
      });
    }
  });

  test("every unit's drill-down matches its counts, for the year, a quarter and a month", () => {
    for (const period of ["2021", "2021Q3", "2021-12", "2022-01"].map(parsePeriod)) {
      for (const unit of REGISTRY_2021.hotlineUnits()) {
        const d = data.drillDown(unit.name, period);
        expect([unit.name, d.late.length, d.returned.length, d.extended.length, d.dissatisfied.length]).toEqual([
          unit.name,
          d.counts.应办结数 - d.counts.按期办结数,
          d.counts.退单数,
          d.counts.延期申请数,
          d.counts.有效回访数 - d.counts.满意数,
        ]);
      }
    }
  });

  test("pushing rows in task-pane chunks (≤10,000 rows) gives the same result", () => {
    const mapping = mapHeaders(HEADER);
    const agg = new LedgerAggregator(mapping, { rules: LEDGER_RULES });
    const rows: LedgerCell[][] = orders.map((o) => orderCells(o, "date"));
    for (let start = 0; start < rows.length; start += 10000) {
      rows.slice(start, start + 10000).forEach((row, i) => agg.add(row, start + i + 2));
    }
    const pushed = agg.finish();
    expect(pushed.summary.rowsCounted).toBe(data.summary.rowsCounted);
    for (const period of ["2021", "2021-03"]) expect(pushed.counts(parsePeriod(period))).toEqual(data.counts(parsePeriod(period)));
    expect(pushed.problems.map((p) => p.row)).toEqual(data.problems.map((p) => p.row));
  });
});
