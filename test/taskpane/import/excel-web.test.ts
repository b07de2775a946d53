// 导入工单 from a big 工单明细 sheet as Excel on the web serves it: the real controller and Office.js adapter
// against the strict Office.js fake (test/e2e/fake-office.js), which refuses any request or response over
// 5 MB (counting every requested cell, empty ones too, non-ASCII characters as \uXXXX escapes) and stores
// text written through values as Excel would store it typed.
import { generateLedger, orderCells } from "../../../scripts/gen-ledger";
import { aggregateLedger, arrayRows, COUNT_FIELDS, type LedgerCell } from "../../../src/ledger";
import { ImportController } from "../../../src/taskpane/import/controller";
import { LEDGER_API } from "../../../src/taskpane/import/ledger-api";
import { LEDGER_SHEET, type PeriodInput } from "../../../src/taskpane/import/types";
import { LABEL, SHEET } from "../../../src/workbook/contract";
import { LEDGER_HEAD_ROWS } from "../../../src/workbook/ledger";
import { OfficeWorkbookPort } from "../../../src/workbook/adapters/office";
import type { CellValue } from "../../../src/workbook/port";
import { RecordingImportView } from "../shared/fakes";
import { ruleSet } from "../../../src/engine";

/** The rules the ledger counts by in these tests: the built-in 2021 method. */
const LEDGER_RULES = ruleSet(2021);

// eslint-disable-next-line @typescript-eslint/no-require-imports
const fakeOffice = require("../../e2e/fake-office.js") as {
  create(seed?: unknown): {
    Excel: { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T> };
    workbook: {
      read(name: string): CellValue[][] | undefined;
      requests: { requestBytes: number; responseBytes: number; reads: { sheet: string; row: number; col: number; rows: number; cols: number }[] }[];
      stats(): { violations: string[]; valuesFormulas: string[]; conversions: string[]; maxRequestBytes: number; maxResponseBytes: number };
    };
  };
};

const LIMIT = 5 * 1024 * 1024;
const EXCEL_EPOCH_DAYS = 25569;
const YEAR: PeriodInput = { kind: "year", year: "2021", quarter: "1", month: "1" };

/** The columns of a real platform export, the ledger's among them. */
const EXPORT_HEADER = [
  "序号", "工单编号", "来电时间", "诉求人", "联系电话", "诉求类型", "诉求内容", "一级承办单位", "派单时间", "办理时限", "办结时间",
  "是否退单", "是否申请延期", "回访结果", "办理结果",
];
/** Columns of EXPORT_HEADER the import maps. */
const MAPPED = [1, 7, 8, 9, 10, 11, 12, 13];
const COMPLAINTS = Array.from({ length: 40 }, (_, i) => (`市民${i}反映：` + "小区门口道路破损积水严重，雨天出行困难，多次向物业反映未果，请求有关部门尽快修复。".repeat(13)).slice(0, 500));
const REPLIES = Array.from({ length: 10 }, (_, i) => (`经核实（${i}）：` + "已协调施工单位进场维修，预计本周内完工，已电话告知诉求人。".repeat(8)).slice(0, 300));

/** `count` generated orders as a user pasting the export has them: dates as serials, every 7th as text. */
function exportRows(count: number): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [EXPORT_HEADER];
  let i = 0;
  for (const order of generateLedger({ rows: count, seed: 11, year: 2021, problems: 3 })) {
    const cells = orderCells(order, i % 7 === 3 ? "text" : "date")
      .map((cell) => (cell instanceof Date ? cell.getTime() / 86_400_000 + EXCEL_EPOCH_DAYS : cell));
    const [id, unit, dispatched, deadline, closed, returned, extended, callback] = cells;
    rows.push([
      i + 1, id, dispatched, `张${i % 100}`, `0915${String(3_000_000 + i)}`, "投诉", COMPLAINTS[i % COMPLAINTS.length], unit, dispatched,
      deadline, closed, returned, extended, callback, REPLIES[i % REPLIES.length],
    ]);
    i++;
  }
  return rows;
}

function setup(rows: (string | number | null)[][]) {
  const fake = fakeOffice.create({ sheets: [{ name: LEDGER_SHEET, rows }] });
  const port = new OfficeWorkbookPort((batch) => fake.Excel.run(batch));
  const view = new RecordingImportView();
  const controller = new ImportController({
    port, view, ledger: LEDGER_API, readFile: async () => { throw new Error("unused"); }, selectCell: async () => undefined,
  });
  return { fake, wb: fake.workbook, port, view, controller };
}

describe("导入工单 from a 60,000-row 工单明细 sheet under Excel on the web's 5 MB limit", () => {
  const rows = exportRows(60_000 - 1);

  it("imports every order, reading only the mapped columns, every request and response under 5 MB", async () => {
    expect(rows).toHaveLength(60_000);
    expect(COMPLAINTS.every((c) => c.length === 500)).toBe(true);
    const { wb, view, controller } = setup(rows);
    const start = Date.now();
    await controller.importLedger({ kind: "sheet" }, YEAR);
    expect(view.lastStatus.text).toMatch(/^导入完成/);
    expect(Date.now() - start).toBeLessThan(60_000);

    const stats = wb.stats();
    expect(stats.violations).toEqual([]);
    expect(stats.maxResponseBytes).toBeLessThan(LIMIT);
    expect(stats.maxRequestBytes).toBeLessThan(LIMIT);
    // Whatever the import wrote (热线数据, 月度考核, 工单导入校验) stayed as written.
    expect(stats.conversions).toEqual([]);

    // 工单明细: the head in full, then only the mapped columns, each row once; 诉求内容 and 办理结果 never.
    const reads = wb.requests.flatMap((r) => r.reads).filter((r) => r.sheet === LEDGER_SHEET);
    const [head, ...rest] = reads;
    expect(head).toMatchObject({ row: 0, col: 0, rows: LEDGER_HEAD_ROWS, cols: EXPORT_HEADER.length });
    for (const col of [0, 2, 3, 4, 5, 6, 14]) expect(rest.some((r) => col >= r.col && col < r.col + r.cols)).toBe(false);
    for (const col of MAPPED) expect(rest.filter((r) => col >= r.col && col < r.col + r.cols).reduce((n, r) => n + r.rows, 0)).toBe(rows.length);

    // 热线数据 holds the ledger core's counts of the same rows.
    const reference = await aggregateLedger(arrayRows(rows as LedgerCell[][]), { rules: LEDGER_RULES });
    if (reference.status !== "ok") throw new Error("reference import failed");
    const expected = new Map(reference.data.counts(controller.data!.period).map((c) => [c.单位名称, c]));
    const hotline = wb.read(SHEET.hotline)!;
    const headerRow = hotline.findIndex((r) => r.includes(LABEL.name) && r.includes(LABEL.total));
    const col = (label: string) => hotline[headerRow].indexOf(label);
    const labels = [LABEL.total, LABEL.due, LABEL.onTime, LABEL.returned, LABEL.extensions, LABEL.validCallbacks, LABEL.satisfied];
    let checked = 0;
    for (const row of hotline.slice(headerRow + 1)) {
      const want = expected.get(String(row[col(LABEL.name)]));
      if (!want) continue;
      expect(labels.map((l) => row[col(l)])).toEqual(COUNT_FIELDS.map((f) => want[f]));
      checked++;
    }
    expect(checked).toBe(77);
    expect(view.summaries.at(-1)).toMatchObject({ rowsRead: reference.data.summary.rowsRead, rowsWithProblems: reference.data.summary.rowsWithProblems });
  }, 120_000);

  it("reads every column of the sheet too, in chunks sized from the bytes measured", async () => {
    const part = rows.slice(0, 8_000);
    const { wb, port } = setup(part);
    const snapshot = (await port.read([LEDGER_SHEET])).get(LEDGER_SHEET);
    expect(snapshot?.values).toHaveLength(part.length);
    expect(snapshot?.values[7_999][6]).toBe(part[7_999][6]);
    const stats = wb.stats();
    expect(stats.violations).toEqual([]);
    expect(stats.maxResponseBytes).toBeLessThan(LIMIT);
    // Measured, not guessed: each chunk after the probe fills most of the 4,000,000-byte budget.
    const sizes = wb.requests.filter((r) => r.reads.some((read) => read.sheet === LEDGER_SHEET)).map((r) => r.responseBytes);
    expect(sizes.length).toBeGreaterThanOrEqual(Math.ceil(sizes.reduce((a, b) => a + b, 0) / 4_000_000));
    expect(sizes.slice(1, -1).every((bytes) => bytes > 2_000_000)).toBe(true);
  }, 60_000);

  it("asks again in halves when rows turn heavier than those measured (ResponsePayloadSizeLimitExceeded)", async () => {
    const light: (string | number | null)[][] = Array.from({ length: 3_000 }, (_, i) => [`GD${i}`, "短", i]);
    const heavy: (string | number | null)[][] = Array.from({ length: 3_000 }, (_, i) => [`GD${i}`, COMPLAINTS[i % 40], COMPLAINTS[(i + 1) % 40]]);
    const { wb, port } = setup([...light, ...heavy]);
    const snapshot = (await port.read([LEDGER_SHEET])).get(LEDGER_SHEET);
    expect(snapshot?.values).toHaveLength(6_000);
    expect(snapshot?.values[5_999]).toEqual(heavy[2_999]);
    const stats = wb.stats();
    // Excel refused at least one response; the adapter recovered and every answered response was under 5 MB.
    expect(stats.violations.some((v) => /response of \d+ bytes exceeds 5 MB/.test(v))).toBe(true);
    const answered = wb.requests.filter((r) => r.responseBytes <= LIMIT);
    expect(answered.reduce((n, r) => n + r.reads.reduce((m, read) => m + read.rows, 0), 0)).toBe(6_000);
  }, 60_000);
});
