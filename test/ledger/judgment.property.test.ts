/**
 * Random ledgers with random 工单研判 registers, counted by the import and by a plain reference written here
 * from sections F and I (no code of src/ledger's counting is used). Every unit, every month and the year,
 * for the counts after judgment, before it, and with every pending decision 成立.
 */
import fc from "fast-check";
import { monthPeriod, parsePeriod, type CountField, type LedgerCell, type UnitCounts } from "../../src/ledger";
import { order } from "./helpers";
import { importJudged, type Decision } from "./judgment-helpers";

const UNITS = [["汉滨区", "汉滨区政府"], ["汉阴县", "汉阴县政府"], ["市公安局", "市公安局"]] as const;
const CALLBACKS = ["满意", "基本满意", "不满意", "拒访", "无法联系", "未回访"] as const;
const KINDS = ["不合理诉求", "不满意不计", "回访更正", "退单合理", "延期合理", "超期免责", "派单错误", "重复工单", "不予考核"] as const;
const SYNONYM: Record<string, string> = { 不合理: "不合理诉求", 二次回访: "回访更正", 派单异议: "派单错误", 错派: "派单错误", 并单: "重复工单", 无效工单: "不予考核" };
const LEAVING = ["派单错误", "重复工单", "不予考核"];

interface Order {
  id: string; unit: number; dispatched: string; deadline: string; closed: string; returned: boolean; extended: boolean; callback: string;
}
interface Row {
  id: string; unitCell: number | null; kindWord: string; correction: string | null; conclusion: string;
}

const pad = (n: number) => String(n).padStart(2, "0");
function shifted(y: number, m: number, d: number, days: number, hour: number): string {
  const t = new Date(Date.UTC(y, m - 1, d + days, hour));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:00:00`;
}
const monthOf = (time: string) => time.slice(0, 7);

const orderArb = (i: number) => fc.record({
  unit: fc.integer({ min: 0, max: UNITS.length - 1 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }),
  due: fc.integer({ min: 0, max: 40 }), close: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
  returned: fc.boolean(), extended: fc.boolean(), callback: fc.constantFrom(...CALLBACKS),
}).map((o): Order => ({
  id: `AK${1000 + i}`, unit: o.unit, dispatched: shifted(2021, o.month, o.day, 0, 9), deadline: shifted(2021, o.month, o.day, o.due, 18),
  closed: o.close === undefined ? "" : shifted(2021, o.month, o.day, o.close, 10), returned: o.returned, extended: o.extended,
  callback: o.close === undefined ? "" : o.callback,
}));

const ledgerArb = fc.integer({ min: 3, max: 40 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => orderArb(i))));

const rowArb = (n: number) => fc.record({
  target: fc.integer({ min: -1, max: n - 1 }), parent: fc.integer({ min: -1, max: n - 1 }),
  unitCell: fc.option(fc.integer({ min: 0, max: UNITS.length - 1 }), { nil: null, freq: 3 }),
  kindWord: fc.constantFrom(...KINDS, ...Object.keys(SYNONYM)), callback: fc.constantFrom(...CALLBACKS),
  conclusion: fc.constantFrom("成立", "成立", "不成立", "待定", ""),
}).map((r): Row => {
  const kind = SYNONYM[r.kindWord] ?? r.kindWord;
  const id = r.target < 0 ? "ZZ999" : `AK${1000 + r.target}`;
  const correction = kind === "回访更正" ? r.callback : kind === "重复工单" ? (r.parent < 0 ? "ZZ998" : `AK${1000 + r.parent}`) : null;
  return { id, unitCell: r.unitCell, kindWord: r.kindWord, correction, conclusion: r.conclusion };
});

// ---------------------------------------------------------------- the reference (sections F and I, plainly)

interface Effect { leaves: boolean; callback: string; noCallback: boolean; notReturned: boolean; notExtended: boolean; onTime: boolean }

/** Rows that apply in a scenario (成立 only, or 成立 and 待定), per order id. */
function applying(orders: readonly Order[], rows: readonly Row[], pending: boolean): Map<string, Row[]> {
  const byId = new Map(orders.map((o) => [o.id, o]));
  const kind = (r: Row) => SYNONYM[r.kindWord] ?? r.kindWord;
  const counts = (r: Row) => r.conclusion === "成立" || (pending && (r.conclusion === "待定" || r.conclusion === ""));
  const valid = (r: Row): boolean => {
    const o = byId.get(r.id);
    if (!o) return false; // a year's import: an id not in the ledger is an error
    if (r.unitCell !== null && r.unitCell !== o.unit) return false; // 承办单位 not the order's
    if (kind(r) === "重复工单") {
      const p = byId.get(r.correction!);
      if (!p || p.id === o.id || p.unit !== o.unit) return false;
    }
    return true;
  };
  const candidates = rows.filter((r) => counts(r) && valid(r));
  const merged = new Set(candidates.filter((r) => kind(r) === "重复工单").map((r) => r.id));
  const result = new Map<string, Row[]>();
  for (const r of candidates) {
    const sameKind = candidates.filter((o) => o.id === r.id && kind(o) === kind(r));
    if (sameKind.length > 1) continue; // two of one 研判事项 on an order: neither applies
    if (kind(r) === "重复工单" && merged.has(r.correction!)) continue; // merged into an order itself merged
    result.set(r.id, [...(result.get(r.id) ?? []), r]);
  }
  return result;
}

function effectOf(o: Order, rows: readonly Row[]): Effect {
  const kinds = rows.map((r) => SYNONYM[r.kindWord] ?? r.kindWord);
  const correction = rows.find((r) => (SYNONYM[r.kindWord] ?? r.kindWord) === "回访更正");
  const callback = correction && o.closed !== "" ? correction.correction! : o.callback;
  return {
    leaves: kinds.some((k) => LEAVING.includes(k)),
    callback,
    noCallback: kinds.includes("不合理诉求") || (kinds.includes("不满意不计") && callback === "不满意"),
    notReturned: kinds.includes("退单合理"), notExtended: kinds.includes("延期合理"), onTime: kinds.includes("超期免责"),
  };
}

type Counts = Record<string, Record<CountField, number>>; // key: unit name + "|" + "YYYY-MM"

function reference(orders: readonly Order[], effects: Map<string, Effect>): Counts {
  const out: Counts = {};
  const add = (unit: number, month: string, field: CountField) => {
    const key = `${UNITS[unit][1]}|${month}`;
    out[key] ??= { 工单总量: 0, 应办结数: 0, 按期办结数: 0, 退单数: 0, 延期申请数: 0, 有效回访数: 0, 满意数: 0 };
    out[key][field]++;
  };
  for (const o of orders) {
    const e = effects.get(o.id) ?? { leaves: false, callback: o.callback, noCallback: false, notReturned: false, notExtended: false, onTime: false };
    if (e.leaves) continue;
    add(o.unit, monthOf(o.dispatched), "工单总量");
    if (o.returned && !e.notReturned) add(o.unit, monthOf(o.dispatched), "退单数");
    if (o.extended && !e.notExtended) add(o.unit, monthOf(o.dispatched), "延期申请数");
    if (!o.returned) {
      add(o.unit, monthOf(o.deadline), "应办结数");
      if (e.onTime || (o.closed !== "" && o.closed <= o.deadline)) add(o.unit, monthOf(o.deadline), "按期办结数");
    }
    if (o.closed !== "" && !e.noCallback && ["满意", "基本满意", "不满意"].includes(e.callback)) {
      add(o.unit, monthOf(o.closed), "有效回访数");
      if (e.callback !== "不满意") add(o.unit, monthOf(o.closed), "满意数");
    }
  }
  return out;
}

function scenario(orders: readonly Order[], rows: readonly Row[] | undefined, pending = false): Counts {
  const effects = new Map<string, Effect>();
  if (rows) for (const [id, applied] of applying(orders, rows, pending)) effects.set(id, effectOf(orders.find((o) => o.id === id)!, applied));
  return reference(orders, effects);
}

const decisionOf = (r: Row): Decision => ({
  工单编号: r.id, 承办单位: r.unitCell === null ? null : UNITS[r.unitCell][0], 研判事项: r.kindWord, 更正为: r.correction, 结论: r.conclusion,
  提出日期: "2021-06-01", 决定日期: r.conclusion === "成立" || r.conclusion === "不成立" ? "2021-06-03" : null,
});

function expectSame(actual: (unit: string, month: string) => UnitCounts, expected: Counts): void {
  for (const [, name] of UNITS) {
    for (let m = 1; m <= 12; m++) {
      const month = `2021-${pad(m)}`;
      const want = expected[`${name}|${month}`] ?? { 工单总量: 0, 应办结数: 0, 按期办结数: 0, 退单数: 0, 延期申请数: 0, 有效回访数: 0, 满意数: 0 };
      const got = actual(name, month);
      expect([name, month, { ...got }]).toEqual([name, month, expect.objectContaining(want)]);
    }
  }
}

describe("工单研判 against a plain reference (random ledgers and registers)", () => {
  it("gives section I's counts after judgment, before it and with pending 成立, per unit and month", async () => {
    await fc.assert(fc.asyncProperty(ledgerArb.chain((orders) => fc.tuple(fc.constant(orders), fc.array(rowArb(orders.length), { maxLength: 30 }))),
      async ([orders, rows]) => {
        const ledger: LedgerCell[][] = orders.map((o) => order(o.id, UNITS[o.unit][0], o.dispatched, o.deadline, o.closed,
          o.returned ? "是" : "否", o.extended ? "是" : "否", o.callback));
        const data = await importJudged(ledger, rows.map(decisionOf));
        const at = (s: "after" | "before" | "ifPending") => (unit: string, month: string) =>
          data.counts(monthPeriod(2021, Number(month.slice(5))), s).find((r) => r.单位名称 === unit)!;
        expectSame(at("after"), scenario(orders, rows));
        expectSame(at("before"), scenario(orders, undefined));
        expectSame(at("ifPending"), scenario(orders, rows, true));
        // The year is the sum of its months.
        const year = data.counts(parsePeriod("2021"));
        expect(year.reduce((n, r) => n + r.工单总量, 0)).toBe(Object.values(scenario(orders, rows)).reduce((n, c) => n + c.工单总量, 0)
          - orders.filter((o) => !o.dispatched.startsWith("2021")).length);
      }), { numRuns: 150 });
  });
});
