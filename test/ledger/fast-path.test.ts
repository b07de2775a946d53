/**
 * The import's fast path (aggregator.ts, order-ids.ts, order-store.ts) against plain references: the
 * numeric 工单编号 table against a Map, the column store against the records it was given, the typed
 * counting entry (aggregateOrders) against the row path.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import {
  aggregateOrders,
  COUNT_FIELDS,
  LedgerAggregator,
  mapHeaders,
  parseDateCell,
  parsePeriod,
  readLedgerBytes,
  type LedgerCell,
} from "../../src/ledger";
import { readLedgerFile } from "../../src/ledger/node";
import { OrderIdSet } from "../../src/ledger/order-ids";
import { OrderStore } from "../../src/ledger/order-store";
import { SheetByteScanner, type ScannedRow } from "../../src/xlsx/sheet-scanner";
import { CALLBACK_RESULTS, type Callback } from "../../src/ledger/values";
import { REGISTRY_2021 } from "../../src/engine/registry";
import { generateLedger, orderCells, writeLedgerXlsx } from "../../scripts/gen-ledger";
import { HEADER, importRows, order } from "./helpers";
import { ruleSet } from "../../src/engine";

/** The rules the ledger counts by in these tests: the built-in 2021 method. */
const LEDGER_RULES = ruleSet(2021);

describe("OrderIdSet (duplicate 工单编号)", () => {
  const idArb = fc.oneof(
    fc.tuple(fc.constantFrom("AK", "ak", "", "AK-2021-", "X1Y", "12345-", "热线"), fc.stringMatching(/^[0-9]{0,20}$/)).map(([p, d]) => p + d),
    fc.string({ maxLength: 6 }),
    fc.nat(80).map((n) => `P${"x".repeat(n % 7)}${String.fromCharCode(65 + (n % 26))}${n}-7`), // many prefixes
  );

  test("answers exactly as a Map from id to first row", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(idArb, fc.oneof(fc.nat(1000), fc.constant(2 ** 31 + 5))), { maxLength: 400 }), (entries) => {
        const set = new OrderIdSet();
        const reference = new Map<string, number>();
        for (const [id, row] of entries) {
          const first = reference.get(id);
          expect(set.firstRowOrAdd(id, row)).toBe(first ?? -1);
          if (first === undefined) reference.set(id, row);
        }
        expect(set.size).toBe(reference.size);
      }),
      { numRuns: 300 },
    );
  });

  test("leading zeros, long digit runs and prefixes keep ids apart", () => {
    const set = new OrderIdSet();
    const ids = ["AK1", "AK01", "AK001", "1", "01", "AK", "", "AK12345678901234567890", "AK12345678901234567891", "BK1", "A1K1", "AK1 "];
    ids.forEach((id, i) => expect(set.firstRowOrAdd(id, i + 2)).toBe(-1));
    ids.forEach((id, i) => expect(set.firstRowOrAdd(id, 99)).toBe(i + 2));
  });

  test("a hundred thousand sequential ids, then each again", () => {
    const set = new OrderIdSet();
    const id = (i: number) => `AK202103${String(i).padStart(7, "0")}`;
    for (let i = 0; i < 100_000; i++) expect(set.firstRowOrAdd(id(i), i + 2)).toBe(-1);
    for (let i = 0; i < 100_000; i += 7) expect(set.firstRowOrAdd(id(i), 1)).toBe(i + 2);
    expect(set.size).toBe(100_000);
  });
});

test("OrderStore gives back what it was given, ids included", () => {
  const store = new OrderStore();
  const records = Array.from({ length: 3000 }, (_, i) => ({
    unit: i % 77,
    row: i + 2,
    id: i === 5 ? "工单-𠀀-" + "x".repeat(5000) : `AK${i}`,
    dispatched: 1.6e9 + i,
    deadline: i % 3 === 0 ? NaN : 1.6e9 + i + 86400,
    closed: i % 5 === 0 ? NaN : 1.6e9 + i + 3600,
    returned: i % 7 === 1 ? undefined : i % 3 === 0,
    extended: i % 11 === 1 ? undefined : i % 4 === 0,
    callback: (i % CALLBACK_RESULTS.length) as Callback,
  }));
  for (const r of records) store.push(r.unit, r.row, r.id, r.dispatched, r.deadline, r.closed, r.returned, r.extended, r.callback);
  expect(store.length).toBe(records.length);
  records.forEach(({ unit, ...order }, i) => {
    expect(store.unit(i)).toBe(unit);
    expect(store.get(i)).toEqual(order);
  });
});

describe("row path", () => {
  test("an Excel serial far beyond 2100 is an unreadable date, not a time in 2100", async () => {
    expect(parseDateCell(1e12)).toBeNaN();
    expect(parseDateCell(2958466)).toBeNaN(); // 10000-01-01
    const serial2101 = Date.UTC(2101, 0, 1) / 86400000 + 25569;
    expect(parseDateCell(serial2101)).toBeNaN();
    expect(parseDateCell(serial2101 - 0.5)).toBe(Date.UTC(2100, 11, 31, 12) / 1000);
    const data = await importRows([order("A1", "汉滨区", 1e12, "2021-03-05 10:00:00")]);
    expect(data.problems.map((p) => [p.code, p.column])).toEqual([["badDate", "派单时间"]]);
  });

  test("a spelling met again is judged again: every row with it is counted or reported", async () => {
    const rows: LedgerCell[][] = [];
    for (let i = 0; i < 5; i++) {
      rows.push(order(`U${i}`, "安康市不存在管理局", "2021-03-01 10:00:00", "2021-03-05 10:00:00"));
      rows.push(order(`Y${i}`, " 汉滨区 ", "2021-03-01 10:00:00", "2021-03-05 10:00:00", "2021-03-02 10:00:00", " 是 ", "Ｙ", " 不 满意 "));
      rows.push(order(`B${i}`, "汉滨区", "2021-03-01 10:00:00", "2021-03-05 10:00:00", "", "可能", "否", "很好"));
    }
    const data = await importRows(rows);
    // The B rows' unreadable 是否退单 and 回访结果 cost only 退单数, 应办结数 and the callback (spec F).
    expect(data.summary.rowsCounted).toBe(10);
    expect(data.summary.problemsByCode).toEqual({ unknownUnit: 5, badValue: 10 });
    expect(data.problems.filter((p) => p.code === "badValue").map((p) => p.row)).toEqual([4, 4, 7, 7, 10, 10, 13, 13, 16, 16]);
    const hb = data.counts(parsePeriod("2021-03")).find((r) => r.单位名称 === "汉滨区政府")!;
    expect([hb.工单总量, hb.退单数, hb.延期申请数, hb.应办结数]).toEqual([10, 5, 5, 0]);
  });

  test("aggregateOrders (parsed orders) counts exactly as the row path, unreadable 派单时间 included", () => {
    const units = REGISTRY_2021.hotlineUnits();
    const index = new Map(units.map((u, i) => [u.name, i]));
    const all = [...generateLedger({ rows: 5000, seed: 11, aliasShare: 0.2, problems: 60 })];
    const agg = new LedgerAggregator(mapHeaders(HEADER), { rules: LEDGER_RULES });
    all.forEach((o, i) => agg.add(orderCells(o, "date"), i + 2));
    const viaRows = agg.finish();
    // The row path drops unknown units; a spoiled 派单时间 is a parsed NaN (the order still counts by its
    // deadline and closing).
    const list = all.map((o, i) => ({ ...o, row: i + 2 })).filter((o) => o.official !== undefined);
    expect(list.filter((o) => o.badDispatchText !== undefined).length).toBeGreaterThan(10);
    const viaOrders = aggregateOrders({
      length: list.length,
      unit: list.map((o) => index.get(o.official!)!),
      dispatched: list.map((o) => (o.badDispatchText === undefined ? o.dispatched : NaN)),
      deadline: list.map((o) => o.deadline),
      closed: list.map((o) => o.closed),
      returned: list.map((o) => o.returned),
      extended: list.map((o) => o.extended),
      callback: list.map((o) => CALLBACK_RESULTS.indexOf(o.callback) as Callback),
      id: list.map((o) => o.id),
      row: list.map((o) => o.row),
    }, LEDGER_RULES);
    for (const period of ["2020", "2021", "2022", "2021Q2", "2021-07"].map(parsePeriod)) {
      expect(viaOrders.counts(period)).toEqual(viaRows.counts(period));
      for (const unit of [units[0], units[20], units[76]]) expect(viaOrders.drillDown(unit.name, period)).toEqual(viaRows.drillDown(unit.name, period));
    }
    expect(COUNT_FIELDS.every((f) => viaRows.totals(parsePeriod("2021"))[f] > 0)).toBe(true);
  });
});

describe(".xlsx parts inflated by Node's zlib (files) and by fflate (bytes, the task pane)", () => {
  const dir = mkdtempSync(join(tmpdir(), "ledger-inflate-"));
  const path = join(dir, "ledger.xlsx");
  beforeAll(() => writeLedgerXlsx(path, { rows: 3000, seed: 4, duplicates: 5, problems: 5 }));

  test("give the same import", async () => {
    const viaZlib = await readLedgerFile(path, { rules: LEDGER_RULES });
    const viaFflate = await readLedgerBytes(readFileSync(path), { rules: LEDGER_RULES });
    if (viaZlib.status !== "ok" || viaFflate.status !== "ok") throw new Error("not imported");
    expect(viaZlib.data.summary).toEqual(viaFflate.data.summary);
    expect(viaZlib.data.summary.rowsRead).toBe(3005);
    expect(viaZlib.data.problems).toEqual(viaFflate.data.problems);
    for (const period of ["2021", "2021-06"].map(parsePeriod)) expect(viaZlib.data.counts(period)).toEqual(viaFflate.data.counts(period));
  });

  test("a damaged part is an error with either, never a hang", async () => {
    const bytes = readFileSync(path);
    // Overwrite the middle of the file (inside the sheet's compressed data) with garbage.
    for (let i = Math.floor(bytes.length * 0.3); i < Math.floor(bytes.length * 0.3) + 4000; i++) bytes[i] = (i * 7919) & 0xff;
    const damaged = join(dir, "damaged.xlsx");
    writeFileSync(damaged, bytes);
    await expect(readLedgerFile(damaged, { rules: LEDGER_RULES })).rejects.toThrow();
    await expect(readLedgerBytes(bytes, { rules: LEDGER_RULES })).rejects.toThrow();
  });
});

describe("the sheet scanner reads the same rows however the XML is cut into chunks", () => {
  const cells = [
    '<c r="A1" t="s"><v>0</v></c>', "<c r='B1' t='s'><v>1</v></c>", '<c\tr="C1"\tt="b"><v>1</v></c>', '<c r="D1" s="1"><v>44194.33988425926</v></c>',
    '<c r="E1" t="inlineStr"><is><t>a&amp;b</t></is></c>', '<c r="F1"/>', '<c r="G1" t="str"><f>X</f><v>a&lt;b</v></c>', "<c><v>7</v></c>",
    '<c r="&#73;1" t="s"><v>1</v></c>', '<c r="J1"><f>IF(A1&lt;&gt;"",1,0)</f></c>', '<c r="K1" t="s"><v>1</v> </c>',
    '<c r="L1"><v>5</v>', // left open: damaged, but read without hanging
  ];
  const rowOpen = ['<row r="7">', "<row>", "<row r='9' spans=\"1:3\">", '<row r="12" x14ac:dyDescent="0.25">', '<row r="3"/>'];
  const rowArb = fc.tuple(fc.constantFrom(...rowOpen), fc.array(fc.constantFrom(...cells), { maxLength: 5 }))
    .map(([open, list]) => (open.endsWith("/>") ? open : `${open}${list.join("")}</row>`));
  const scan = (chunks: readonly string[]) => {
    const scanner = new SheetByteScanner(["s0", "s1"]);
    const out: ScannedRow[] = [];
    for (const chunk of chunks) scanner.feed(new TextEncoder().encode(chunk), false, out);
    scanner.feed(new Uint8Array(0), true, out);
    return out;
  };

  test("rows without r are numbered after the previous row, also when cut", () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 10 }), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 10 }), (rows, cuts) => {
        const xml = `<worksheet><sheetData>${rows.join("")}</sheetData></worksheet>`;
        const chunks: string[] = [];
        for (let p = 0, k = 0; p < xml.length; p += cuts[k++ % cuts.length]) chunks.push(xml.slice(p, p + cuts[k % cuts.length]));
        expect(chunks.join("")).toBe(xml);
        expect(scan(chunks)).toEqual(scan([xml]));
      }),
      { numRuns: 500 },
    );
    expect(scan(['<sheetData><row r="5"></row>', '<row><c r="A1"><v>1</v></c>', "</row><row/></sheetData>"]).map((r) => r.rowNumber)).toEqual([6]) // blank rows (5, 7) are skipped; the row without r is numbered after 5;
  });
});
