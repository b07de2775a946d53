// End to end: the built task pane (dist/) in Debian Chromium through playwright-core, with office.js
// replaced by an in-memory workbook (fake-office.js) that enforces load-before-read and the 5 MB limit
// per request. `npm run test:e2e` builds first.
//
// The seed workbook is made in Node with the same fake: 创建模板 through the Office.js adapter, then data
// for a few units (one with a text in a count), the 便民化 statuses, a few logged cases and one ASSESS
// formula. The page then runs 全部计算, the problem list, 定稿 / 恢复公式 against it.
//
// The seed also holds a 工单明细 sheet of ~25,000 generated work orders (scripts/gen-ledger.ts, dates as
// Excel serials and, on some rows, as text; a few spoiled and duplicated rows). The pane imports it
// (工作表 source, period 2021): 热线数据 must then hold the counts the ledger core computes here in Node,
// the sheet must have been read in requests of at most 10,000 rows and under 5 MB, the problem list must
// show a spoiled row by its number, and 生成核查表 must write 工单核查. A small GB18030 CSV with an unknown
// header is then imported as a picked file: the pane asks once which column it is, remembers the answer
// in the workbook, and does not ask again; a generated .xlsx export is imported for a quarter.
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import * as iconv from "iconv-lite";
import { chromium, type Browser, type Page } from "playwright-core";
import * as os from "os";
import { generateLedger, LEDGER_HEADER, orderCells, writeLedgerXlsx } from "../../scripts/gen-ledger";
import { aggregateLedger, arrayRows, parsePeriod, readLedgerBytes, type LedgerCell, type LedgerData } from "../../src/ledger";
import { REGISTRY_2021, ruleSet } from "../../src/engine";
import { LABEL, RESULT_LABEL, SHEET, sheetSpec, type SheetName } from "../../src/workbook/contract";
import { LEDGER_HEAD_ROWS } from "../../src/workbook/ledger";
import { OfficeWorkbookPort } from "../../src/workbook/adapters/office";
import type { CellValue, WriteOp } from "../../src/workbook/port";
import { findHeader } from "../../src/workbook/tables";
import { templateAll } from "../../src/workbook/template";

/** The rules the ledger counts by in these tests: the built-in 2021 method. */
const LEDGER_RULES = ruleSet(2021);

// eslint-disable-next-line @typescript-eslint/no-require-imports
const fakeOffice = require("./fake-office.js") as {
  create(seed?: unknown): { Excel: { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T> }; workbook: { export(): unknown; type(sheet: string, cell: string, value: CellValue): void } };
};

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const OUT = path.join(ROOT, "out");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];
const PANE_WIDTH = 350;
const SCREENSHOT = path.join(OUT, "taskpane.png");
const MAPPING_SCREENSHOT = path.join(OUT, "taskpane-mapping.png");
/** Screenshots of the pane's steps for the staff guide (docs/使用说明.md). */
const DOC_IMAGES = path.join(ROOT, "docs", "images");
const SCREEN = { width: PANE_WIDTH, height: 700 };

// ---------------------------------------------------------------------------------------------------------
// The 工单明细 sheet

const LEDGER_ROWS = 25_000;
/** Distinct orders generated; the duplicates come on top. */
const LEDGER_OPTIONS = { rows: LEDGER_ROWS - 3, seed: 4, year: 2021, duplicates: 3, problems: 4 } as const;
const EXCEL_EPOCH_DAYS = 25569;

/** The sheet's values as a user pasting the export would have them: dates as serials, every 7th row as text. */
function ledgerSheetRows(): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [[...LEDGER_HEADER]];
  let i = 0;
  for (const order of generateLedger(LEDGER_OPTIONS)) {
    const asText = i++ % 7 === 3;
    rows.push(orderCells(order, asText ? "text" : "date").map((cell) => {
      if (cell instanceof Date) return cell.getTime() / 86_400_000 + EXCEL_EPOCH_DAYS;
      return cell;
    }));
  }
  return rows;
}

/** What the ledger core makes of those rows (the reference for 热线数据). */
async function expectedLedger(rows: readonly (readonly LedgerCell[])[]): Promise<LedgerData> {
  const result = await aggregateLedger(arrayRows(rows), { rules: LEDGER_RULES });
  if (result.status !== "ok") throw new Error("seed ledger: header not recognized");
  return result.data;
}

// ---------------------------------------------------------------------------------------------------------
// The seed workbook

/** Sets cells of contract sheet rows found by 单位名称 (or appended rows for registers). */
async function fillRows(port: OfficeWorkbookPort, sheet: SheetName, rows: readonly Record<string, CellValue>[], key?: string): Promise<void> {
  const snapshot = (await port.read([sheet])).get(sheet);
  if (!snapshot) throw new Error(`seed: no sheet ${sheet}`);
  const header = findHeader(snapshot, sheetSpec(sheet));
  if (!header) throw new Error(`seed: no header in ${sheet}`);
  const ops: WriteOp[] = [];
  let next = header.row + 1;
  for (const row of rows) {
    let r: number;
    if (key) {
      const keyCol = header.columns.get(key) as number;
      r = snapshot.values.findIndex((values, i) => i > header.row && values[keyCol] === row[key]);
      if (r < 0) throw new Error(`seed: no row ${String(row[key])} in ${sheet}`);
    } else r = next++;
    for (const [label, value] of Object.entries(row)) {
      const col = header.columns.get(label);
      if (col === undefined) throw new Error(`seed: no column ${label} in ${sheet}`);
      ops.push({ kind: "values", sheet, row: r, col, values: [[value]] });
    }
  }
  await port.apply(ops);
}

/** 2021-06-01 as an Excel date serial. */
const JUNE_1 = 44348;

async function seedWorkbook(ledgerRows: readonly (readonly (string | number | null)[])[]): Promise<unknown> {
  const fake = fakeOffice.create();
  // The fake host claims ExcelApi 1.12: page layout (1.9) but no notes (1.18), as the pane would detect.
  const port = new OfficeWorkbookPort((batch) => fake.Excel.run(batch), { notes: false });
  await templateAll(port);
  const L = LABEL;
  // Spec E: every other unit had no orders, entered as 工单总量 0 (a blank row would be missing data).
  await fillRows(port, SHEET.hotline, REGISTRY_2021.hotlineUnits().map((u) => ({ [L.name]: u.name, [L.total]: 0 })), L.name);
  await fillRows(port, SHEET.hotline, [
    // 99% on time → 5, returns 5% → 3, satisfied 75% → 10, monthly 1000 (not over 1000) → no bonus
    { [L.name]: "汉滨区政府", [L.total]: 12000, [L.due]: 11900, [L.onTime]: 11781, [L.returned]: 600, [L.extensions]: 0, [L.validCallbacks]: 10000, [L.satisfied]: 7500 },
    // all on time, extensions 15% → 6, satisfied 80% → 0, monthly 300 > 250 → +10
    { [L.name]: "市教育体育局", [L.total]: 3600, [L.due]: 3600, [L.onTime]: 3600, [L.returned]: 0, [L.extensions]: 540, [L.validCallbacks]: 3000, [L.satisfied]: 2400 },
    // 96% → 30, returns 16% → 10, satisfied 58% → 30
    { [L.name]: "工行安康分行", [L.total]: 100, [L.due]: 100, [L.onTime]: 96, [L.returned]: 16, [L.extensions]: 0, [L.validCallbacks]: 50, [L.satisfied]: 29 },
    // bad data: text in a count
    { [L.name]: "汉阴县政府", [L.total]: 800, [L.due]: 790, [L.onTime]: "七百八十", [L.returned]: 10, [L.extensions]: 5, [L.validCallbacks]: 600, [L.satisfied]: 560 },
  ], L.name);
  await fillRows(port, SHEET.deductions, [{ [L.date]: JUNE_1, [L.name]: "汉滨区", [L.item]: "反馈内容与实际不符", [L.quantity]: 1, [L.note]: "经查实" }]);
  await fillRows(port, SHEET.bonuses, [{ [L.date]: JUNE_1, [L.name]: "汉滨区", [L.item]: "群众锦旗", [L.quantity]: 1, [L.note]: "" }]);

  // 便民化考核: every applicable item 完成, except 市财政局's 事项6 (未完成 → 0.5).
  const approval = (await port.read([SHEET.approval])).get(SHEET.approval);
  const header = approval && findHeader(approval, sheetSpec(SHEET.approval));
  if (!approval || !header) throw new Error("seed: no 便民化考核");
  const nameCol = header.columns.get(L.name) as number;
  const ops: WriteOp[] = [];
  for (let r = header.row + 1; r < approval.values.length; r++) {
    const name = approval.values[r][nameCol];
    if (typeof name !== "string" || name === "") continue;
    for (let item = 1; item <= 6; item++) {
      const col = header.columns.get(`事项${item}`) as number;
      if (approval.values[r][col] === "不涉及") continue;
      ops.push({ kind: "values", sheet: SHEET.approval, row: r, col, values: [[name === "市财政局" && item === 6 ? "未完成" : "完成"]] });
    }
  }
  await port.apply(ops);

  // One ASSESS formula (with the value Excel computed) for 定稿 / 恢复公式.
  await port.apply([{ kind: "addSheet", sheet: "草稿" }, { kind: "values", sheet: "草稿", row: 0, col: 0, values: [["单位", "类别"], ["汉滨区", null]] }]);
  fake.workbook.type("草稿", "B2", '=ASSESS.UNIT_TYPE(A2)');
  const state = fake.workbook.export() as { sheets: { name: string; cells: [number, number, CellValue, string | null][] }[] };
  const draft = state.sheets.find((s) => s.name === "草稿");
  const b2 = draft?.cells.find(([r, c]) => r === 1 && c === 1);
  if (b2) b2[2] = "县区";
  // 工单明细 in the compact form of the fake's seed (values from A1).
  state.sheets.push({ name: "工单明细", rows: ledgerRows } as unknown as (typeof state.sheets)[number]);
  return state;
}

// ---------------------------------------------------------------------------------------------------------
// A tiny static server for dist/

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8", ".png": "image/png", ".xml": "application/xml", ".map": "application/json",
};

function serve(root: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

// ---------------------------------------------------------------------------------------------------------

interface FakeRequest {
  requestBytes: number;
  responseBytes: number;
  actions: number;
  reads: { sheet: string; rows: number; cols: number }[];
}

interface FakeStats {
  syncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  violations: string[];
  valuesFormulas: string[];
  conversions: string[];
  calculations: string[];
}

declare global {
  interface Window {
    __fakeExcel: {
      read(name: string): CellValue[][] | undefined;
      stats(): FakeStats;
      requests: FakeRequest[];
      selections: { sheet: string; address: string }[];
      associated: string[];
      sheetNames(): string[];
      formulaAt(sheet: string, address: string): string | null;
      sheet(name: string): { visibility: string; charts: { name: string; type: string; title: string }[] } | undefined;
      handlers: { kind: string }[];
    };
    __FAKE_OFFICE_SEED__: unknown;
  }
}

describe("task pane in Chromium against the Office.js fake", () => {
  let server: http.Server;
  let origin: string;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const pageErrors: string[] = [];
  let ledgerRows: (string | number | null)[][];
  let expected: LedgerData;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/ has no build: run `npm run test:e2e` (it builds first)");
    ledgerRows = ledgerSheetRows();
    expected = await expectedLedger(ledgerRows);
    const seed = await seedWorkbook(ledgerRows);
    server = await serve(DIST);
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: PANE_WIDTH, height: 900 }, locale: "zh-CN", serviceWorkers: "block" });
    page = await context.newPage();
    page.on("request", (request) => requests.push(request.url()));
    page.on("pageerror", (error) => pageErrors.push(String(error)));
    const fakeJs = fs.readFileSync(path.join(__dirname, "fake-office.js"), "utf8");
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: fakeJs });
      if (url.startsWith(`${origin}/`)) return route.continue();
      return route.abort("blockedbyclient");
    });
    await page.addInitScript((s) => {
      window.__FAKE_OFFICE_SEED__ = s;
    }, seed);
    await page.goto(`${origin}/taskpane.html`);
    await page.getByText("就绪").waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  const status = () => page.locator("#office-status");

  it("starts with the rule-set year, 考核月数 and the function list", async () => {
    await expect(page.locator("#param-year").textContent()).resolves.toBe("2021年");
    await expect(page.locator("#param-months").inputValue()).resolves.toBe("12");
    // The function list (from functions.json) is in a collapsed <details>: open it with the keyboard.
    await page.locator("#function-list li").first().waitFor({ state: "attached" });
    const declared = (JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8")) as { functions: unknown[] }).functions.length;
    expect(declared).toBe(14);
    expect(await page.locator("#function-list li").count()).toBe(declared);
    // The shared runtime read the method for the functions and watches the workbook's sheets for method changes.
    await page.waitForFunction(() => ["added", "deleted"].every((kind) => window.__fakeExcel.handlers.some((h) => h.kind === kind)));
    await page.locator("details:has(#function-list) > summary").focus();
    await page.keyboard.press("Enter");
    expect(await page.locator("#function-list li").first().isVisible()).toBe(true);
    await page.keyboard.press("Enter");
    expect(await page.locator("#function-list li").first().isVisible()).toBe(false);
    expect(await page.locator("#btn-compute").isEnabled()).toBe(true);
    // functions.js ran in the page (shared runtime) and registered every custom function
    expect(await page.evaluate(() => window.__fakeExcel.associated.length)).toBe(declared);
  });

  it("shows the five steps in the order of the work, help collapsed at the top, within two screens of 350 × 700", async () => {
    await page.setViewportSize(SCREEN);
    const titles = (await page.locator(".step__title").allTextContents()).map((t) => t.replace(/\s+/g, ""));
    expect(titles).toEqual(["1准备模板", "2导入工单明细", "3登记扣分、加分", "4全部计算", "5打印、导出"]);
    expect(await page.locator("main > :first-child").getAttribute("id")).toBe("help");
    expect(await page.locator("#help").getAttribute("open")).toBeNull();
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThanOrEqual(2 * SCREEN.height + 200);
    // 定稿 and 恢复公式 are links beside the step's text, not buttons as prominent as 全部计算.
    expect(await page.locator("#btn-finalize").getAttribute("class")).toContain("button--link");
    fs.mkdirSync(DOC_IMAGES, { recursive: true });
    await page.screenshot({ path: path.join(DOC_IMAGES, "taskpane-overview.png"), fullPage: true });
    const steps = ["#step-template", "#ledger", "#step-register", "#step-compute", "#step-print"];
    for (const [i, id] of steps.entries()) await page.locator(id).screenshot({ path: path.join(DOC_IMAGES, `taskpane-step${i + 1}.png`) });
    // Step 3 opens the registers.
    await page.getByRole("button", { name: "扣分登记" }).click();
    await page.getByText("已打开“扣分登记”").waitFor();
    await page.setViewportSize({ width: PANE_WIDTH, height: 900 });
  });

  it("全部计算 writes the expected scores and ranks into 12345热线考核表", async () => {
    await page.getByRole("button", { name: "全部计算" }).click();
    await page.getByText("计算完成").first().waitFor({ timeout: 60000 });
    const table = await page.evaluate(() => window.__fakeExcel.read("12345热线考核表"));
    expect(table).toBeDefined();
    const rows = table as CellValue[][];
    const headerRow = rows.findIndex((r) => r.includes(RESULT_LABEL.name) && r.includes(RESULT_LABEL.total));
    expect(headerRow).toBeGreaterThanOrEqual(0);
    const col = (label: string) => rows[headerRow].indexOf(label);
    const unit = (name: string) => {
      const row = rows.find((r, i) => i > headerRow && r[col(RESULT_LABEL.name)] === name);
      if (!row) throw new Error(`no result row for ${name}`);
      const get = (label: string) => row[col(label)];
      return {
        total: get(RESULT_LABEL.total), rank: get(RESULT_LABEL.rank), typeRank: get(RESULT_LABEL.typeRank),
        handling: get(RESULT_LABEL.handling), returned: get(RESULT_LABEL.returned), extension: get(RESULT_LABEL.extension),
        satisfaction: get(RESULT_LABEL.satisfaction), bonus: get(RESULT_LABEL.bonus), rate: get(RESULT_LABEL.completionRate),
        explanation: String(get(RESULT_LABEL.explanation)),
      };
    };
    const dataRows = rows.slice(headerRow + 1).filter((r) => r[col(RESULT_LABEL.name)] !== "");
    expect(dataRows).toHaveLength(77);

    // 100 − (5 + 10 logged) − 3 − 0 − 10 + 5 (锦旗) = 77
    expect(unit("汉滨区政府")).toMatchObject({ total: 77, handling: 15, returned: 3, extension: 0, satisfaction: 10, bonus: 5, rate: 0.99, rank: 75, typeRank: 12 });
    expect(unit("汉滨区政府").explanation).toContain("反馈内容与实际不符1件扣10分");
    // 100 − 6 + 10 = 104: first overall and among 市直
    expect(unit("市教育体育局")).toMatchObject({ total: 104, extension: 6, bonus: 10, rank: 1, typeRank: 1 });
    // 100 − 30 − 10 − 30 = 30: last of those scored
    expect(unit("工行安康分行")).toMatchObject({ total: 30, handling: 30, returned: 10, satisfaction: 30, rank: 76, typeRank: 24 });
    // no work orders: no deduction
    expect(unit("石泉县政府")).toMatchObject({ total: 100, rank: 2 });
    // bad data: marked, not scored
    expect(unit("汉阴县政府").total).toBe("");
    expect(unit("汉阴县政府").explanation).toContain("数据有误");

    // 便民化考核: 市财政局 loses 0.5, the others 0
    const approval = (await page.evaluate(() => window.__fakeExcel.read("便民化考核"))) as CellValue[][];
    const aHeader = approval.findIndex((r) => r.includes(LABEL.name) && r.includes(LABEL.deduction));
    const aCol = (label: string) => approval[aHeader].indexOf(label);
    const deduction = (name: string) => approval.find((r) => r[aCol(LABEL.name)] === name)?.[aCol(LABEL.deduction)];
    expect(deduction("市财政局")).toBe(0.5);
    expect(deduction("市公安局")).toBe(0);

    // the chart on the result sheet
    const charts = await page.evaluate(() => window.__fakeExcel.sheet("12345热线考核表")?.charts ?? []);
    expect(charts).toHaveLength(1);
    expect(charts[0]).toMatchObject({ type: "BarClustered", title: "2021年度12345热线考核总分" });

    // the summary in the pane
    const summary = page.locator("#summary");
    expect(await summary.isVisible()).toBe(true);
    expect(await page.locator("#summary-stats").textContent()).toContain("76/77");
    expect(await page.locator("#summary-top li").first().textContent()).toContain("市教育体育局");
    expect(await page.locator("#summary-bottom li").first().textContent()).toContain("工行安康分行");
    expect(await status().textContent()).toContain("计算完成");
    await page.locator("#step-compute").screenshot({ path: path.join(DOC_IMAGES, "taskpane-computed.png") });
  });

  it("sets the official table up for printing through the page layout API (A4 landscape, titles repeated, page numbers)", async () => {
    const sheet = await page.evaluate(() => {
      const s = window.__fakeExcel.sheet("12345热线考核表") as unknown as { pageLayout: Record<string, unknown>; rowHeights: Record<string, number> };
      return { pageLayout: s.pageLayout, rowHeights: s.rowHeights };
    });
    expect(sheet.pageLayout).toMatchObject({
      orientation: "Landscape", paperSize: "A4", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: { first: 0, last: 1 }, footers: { centerFooter: "第 &P 页 共 &N 页" }, centerHorizontally: true,
    });
    expect(Object.keys(sheet.rowHeights).length).toBeGreaterThan(77);
  });

  it("lists the bad cell; activating it selects that cell in Excel (mouse and keyboard)", async () => {
    const problem = page.locator("#problem-list button", { hasText: "热线数据!D" }).filter({ hasText: "七百八十" });
    expect(await problem.count()).toBe(1);
    const text = (await problem.textContent()) ?? "";
    const address = /热线数据!([A-Z]+\d+)/.exec(text)?.[1];
    expect(address).toBeDefined();
    const seeded = await page.evaluate(() => window.__fakeExcel.read("热线数据"));
    const rowIndex = (seeded as CellValue[][]).findIndex((r) => r[0] === "汉阴县政府");
    expect(address).toBe(`D${rowIndex + 1}`);

    await problem.click();
    await page.getByText(`已选中 热线数据!${address}`).waitFor();
    expect(await page.evaluate(() => window.__fakeExcel.selections.at(-1))).toEqual({ sheet: "热线数据", address });

    // keyboard: focus another problem and press Enter
    const other = page.locator("#problem-list button").first();
    await other.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => window.__fakeExcel.selections.length >= 2);
  });

  it("定稿 asks in the pane, then turns ASSESS formulas into values; 恢复公式 puts them back", async () => {
    await page.getByRole("button", { name: "定稿" }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor();
    // Escape cancels without touching the workbook
    await page.keyboard.press("Escape");
    await page.getByText("已取消定稿").waitFor();
    expect(await page.evaluate(() => window.__fakeExcel.formulaAt("草稿", "B2"))).toBe("=ASSESS.UNIT_TYPE(A2)");

    // Earlier full calculations are the method runtime's: the seed workbook carries its method sheets (the template's),
    // so the first read of the method asked for one, as the functions may have been saved under another method.
    const calculations = async () => (await page.evaluate(() => window.__fakeExcel.stats())).calculations;
    const before = (await calculations()).length;
    expect(before).toBeGreaterThan(0);
    expect(await calculations()).toEqual(Array(before).fill("Full"));
    await page.getByRole("button", { name: "定稿", exact: true }).click();
    await page.getByRole("button", { name: "确认定稿" }).click();
    await page.getByText("定稿完成").waitFor();
    // A full calculation was asked for before the values were read.
    expect((await calculations()).slice(before)).toEqual(["Full"]);
    expect(await page.evaluate(() => window.__fakeExcel.formulaAt("草稿", "B2"))).toBeNull();
    expect(await page.evaluate(() => window.__fakeExcel.read("草稿")?.[1][1])).toBe("县区");
    expect(await page.evaluate(() => window.__fakeExcel.sheet("_定稿公式备份")?.visibility)).toBe("Hidden");

    await page.getByRole("button", { name: "恢复公式" }).click();
    await page.getByText("已恢复1个公式").waitFor();
    expect(await page.evaluate(() => window.__fakeExcel.formulaAt("草稿", "B2"))).toBe("=ASSESS.UNIT_TYPE(A2)");
  });

  it("imports the 工单明细 sheet for 2021: 热线数据 holds the ledger core's counts, read in chunks", async () => {
    expect(ledgerRows.length).toBe(LEDGER_ROWS + 1);
    // The year defaults to the rule-set year.
    await expect(page.locator("#period-year").inputValue()).resolves.toBe("2021");
    await expect(page.locator("#period-kind").inputValue()).resolves.toBe("year");

    // A period parsePeriod rejects is refused with its Chinese message, and nothing is read.
    const before = await page.evaluate(() => window.__fakeExcel.requests.length);
    await page.locator("#period-year").fill("21");
    await page.getByRole("button", { name: "导入", exact: true }).click();
    await expect(page.locator("#period-error").textContent()).resolves.toContain("考核期间“21”无法识别");
    expect(await page.evaluate(() => window.__fakeExcel.requests.length)).toBe(before);
    await page.locator("#period-year").fill("2021");
    expect(await page.locator("#period-error").isHidden()).toBe(true);

    // Keyboard: choose the 工作表 source with the arrow keys of the radio group.
    await page.locator("#ledger-source-file").focus();
    await page.keyboard.press("ArrowDown");
    expect(await page.locator("#ledger-source-sheet").isChecked()).toBe(true);

    // The seed's counts were typed by hand and it has no import record: the pane lists them and asks before
    // replacing any (spec I); 取消 leaves 热线数据 as it was.
    await page.getByRole("button", { name: "导入", exact: true }).click();
    await page.locator("#ledger-typed").waitFor({ state: "visible", timeout: 120000 });
    expect(await page.locator("#typed-text").textContent()).toContain("本工作簿尚无导入记录，非空的数字都视为手工填写");
    expect(await page.locator("#typed-list li", { hasText: "汉滨区政府 退单数" }).textContent()).toContain("手工值 600 → 导入值");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("btn-typed-cancel");
    const typed = await page.evaluate(() => window.__fakeExcel.read("热线数据"));
    await page.keyboard.press("Enter");
    await page.getByText("已取消导入：“热线数据”中手工填写的数字保持不变").waitFor();
    expect(await page.locator("#ledger-typed").isHidden()).toBe(true);
    expect(await page.evaluate(() => window.__fakeExcel.read("热线数据"))).toEqual(typed);

    await page.getByRole("button", { name: "导入", exact: true }).click();
    // The progress bar shows while the sheet is read and counted.
    await page.locator("#import-progress").waitFor({ state: "visible" });
    await page.locator("#ledger-typed").waitFor({ state: "visible", timeout: 120000 });
    // With consent the import runs again (工单明细 and 工单研判 read afresh) and replaces them.
    const start = await page.evaluate(() => window.__fakeExcel.requests.length);
    await page.getByRole("button", { name: "替换并导入" }).click();
    await page.getByText("导入完成：已按2021年度填入77个单位").waitFor({ timeout: 120000 });
    expect(await page.locator("#import-progress").isHidden()).toBe(true);

    // 热线数据 against the ledger core.
    const period = parsePeriod("2021");
    const reference = new Map(expected.counts(period).map((row) => [row.单位名称, row]));
    const hotline = (await page.evaluate(() => window.__fakeExcel.read("热线数据"))) as CellValue[][];
    const headerRow = hotline.findIndex((r) => r.includes(LABEL.name) && r.includes(LABEL.total));
    const col = (label: string) => hotline[headerRow].indexOf(label);
    const counts = (name: string) => {
      const row = hotline.find((r, i) => i > headerRow && r[col(LABEL.name)] === name);
      if (!row) throw new Error(`no 热线数据 row for ${name}`);
      return {
        工单总量: row[col(LABEL.total)], 应办结数: row[col(LABEL.due)], 按期办结数: row[col(LABEL.onTime)], 退单数: row[col(LABEL.returned)],
        延期申请数: row[col(LABEL.extensions)], 有效回访数: row[col(LABEL.validCallbacks)], 满意数: row[col(LABEL.satisfied)],
      };
    };
    for (const name of ["汉滨区政府", "市教育体育局", "汉阴县政府", "工行安康分行", "石泉县政府"]) {
      const want = reference.get(name);
      if (!want) throw new Error(`no reference row for ${name}`);
      expect({ name, ...counts(name) }).toEqual({
        name, 工单总量: want.工单总量, 应办结数: want.应办结数, 按期办结数: want.按期办结数, 退单数: want.退单数,
        延期申请数: want.延期申请数, 有效回访数: want.有效回访数, 满意数: want.满意数,
      });
    }
    expect(reference.get("汉滨区政府")?.工单总量).toBeGreaterThan(1000);

    // The sheet was read in several requests, no range over 10,000 rows, no request or response over 5 MB.
    const log = (await page.evaluate(() => window.__fakeExcel.requests)).slice(start);
    const ledgerReads = log.filter((r) => r.reads.some((read) => read.sheet === "工单明细"));
    expect(ledgerReads.length).toBeGreaterThanOrEqual(3);
    for (const request of ledgerReads) {
      for (const read of request.reads) expect(read.rows).toBeLessThanOrEqual(10_000);
      expect(request.responseBytes).toBeLessThan(5 * 1024 * 1024);
      expect(request.requestBytes).toBeLessThan(5 * 1024 * 1024);
    }
    const rowsLoaded = ledgerReads.flatMap((r) => r.reads).filter((read) => read.sheet === "工单明细").reduce((n, read) => n + read.rows, 0);
    // The head (to find the header), then every row once in the mapped columns (here all of them).
    expect(rowsLoaded).toBe(LEDGER_HEAD_ROWS + LEDGER_ROWS + 1);
    for (const request of log) expect(request.responseBytes).toBeLessThan(5 * 1024 * 1024);

    // The summary in the pane.
    const summary = expected.summary;
    expect(summary.rowsWithProblems).toBeGreaterThanOrEqual(4);
    const stats = (await page.locator("#ledger-stats").textContent()) ?? "";
    expect(stats).toContain(`读取行数${summary.rowsRead}`);
    expect(stats).toContain(`计入行数${summary.rowsCounted}`);
    expect(stats).toContain(`有问题的行${summary.rowsWithProblems}`);
    expect(stats).toContain("已填单位77");
    // The 计算结果 of the earlier 全部计算 no longer hold: hidden until the next run.
    expect(await page.locator("#summary").isHidden()).toBe(true);
  });

  it("lists the spoiled rows by row number; activating one selects its cell in 工单明细", async () => {
    const problems = expected.problems;
    expect(problems.length).toBeGreaterThan(0);
    const first = problems[0];
    const item = page.locator("#ledger-problem-list li", { hasText: `第${first.row}行` }).first();
    expect(await item.textContent()).toContain(first.message);
    expect(await page.locator("#ledger-problems-note").textContent()).toContain(`工单明细中有${expected.summary.problemCount}个问题，涉及${expected.summary.rowsWithProblems}行`);
    // Every problem of the reference is listed (fewer than the listing limit), by row.
    expect(await page.locator("#ledger-problem-list li", { hasText: /第\d+行/u }).count()).toBe(problems.length);
    // After them, the typed values replaced with consent, as 说明 (records, not problems).
    expect(await page.locator("#ledger-problem-list li", { hasText: "汉滨区政府的退单数（热线数据!" }).textContent()).toContain("原值600");
    // A spoiled 派单时间 (text 2021-13-…) and an unknown unit are among them.
    expect(problems.some((p) => p.column === "派单时间" || p.column === "承办单位")).toBe(true);

    await item.locator("button").focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => window.__fakeExcel.selections.at(-1)?.sheet === "工单明细");
    const selection = await page.evaluate(() => window.__fakeExcel.selections.at(-1));
    expect(selection?.address).toMatch(new RegExp(`^[A-Z]+${first.row}$`));
  });

  it("生成核查表 writes 工单核查 for the chosen unit and selects it", async () => {
    expect(await page.locator("#drilldown").isVisible()).toBe(true);
    expect(await page.locator("#drill-unit option").count()).toBe(78); // 77 units and the prompt
    await page.locator("#drill-unit").selectOption("汉滨区政府");
    await page.getByRole("button", { name: "生成核查表" }).click();
    await page.getByText("已生成“工单核查”").waitFor({ timeout: 60000 });
    const sheet = (await page.evaluate(() => window.__fakeExcel.read("工单核查"))) as CellValue[][] | undefined;
    expect(sheet).toBeDefined();
    const text = JSON.stringify(sheet);
    expect(text).toContain("汉滨区政府");
    const drill = expected.drillDown("汉滨区政府", parsePeriod("2021"));
    expect(drill.late.length + drill.returned.length + drill.extended.length + drill.dissatisfied.length).toBeGreaterThan(0);
    for (const order of [...drill.late, ...drill.returned, ...drill.extended, ...drill.dissatisfied].slice(0, 20)) {
      expect(text).toContain(order.工单编号);
    }
    expect(await page.evaluate(() => window.__fakeExcel.selections.at(-1)?.sheet)).toBe("工单核查");

    // 全部计算 on the imported counts: 汉滨区政府's 办结率 is the ledger's 按期办结数 / 应办结数.
    await page.getByRole("button", { name: "全部计算" }).click();
    await page.locator("#office-status", { hasText: "计算完成" }).waitFor({ timeout: 60000 });
    const result = (await page.evaluate(() => window.__fakeExcel.read("12345热线考核表"))) as CellValue[][];
    const headerRow = result.findIndex((r) => r.includes(RESULT_LABEL.name) && r.includes(RESULT_LABEL.total));
    const rate = result.find((r, i) => i > headerRow && r[result[headerRow].indexOf(RESULT_LABEL.name)] === "汉滨区政府")?.[result[headerRow].indexOf(RESULT_LABEL.completionRate)];
    const counts = expected.counts(parsePeriod("2021")).find((r) => r.单位名称 === "汉滨区政府");
    expect(rate).toBeCloseTo((counts?.按期办结数 ?? NaN) / (counts?.应办结数 ?? NaN), 9);
    expect(await page.locator("#summary").isVisible()).toBe(true);

    // The pane as the user sees it after importing, drilling down and computing, at 350 px.
    fs.mkdirSync(OUT, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it("imports a picked GB18030 CSV, asking once for an unknown header and remembering the answer", async () => {
    // 承办单位 under a header no synonym knows; everything else standard.
    const header = ["工单编号", "受理单位", "派单时间", "办理时限", "办结时间", "是否退单", "是否申请延期", "回访结果", "备注"];
    const lines = [
      header,
      ["T1", "汉滨区政府", "2021-03-01 09:00:00", "2021-03-06 09:00:00", "2021-03-02 10:00:00", "否", "否", "满意", ""],
      ["T2", "汉滨区", "2021-03-02 09:00:00", "2021-03-07 09:00:00", "2021-03-09 10:00:00", "否", "是", "不满意", "超期"],
      ["T3", "市教育体育局", "2021-03-03 09:00:00", "2021-03-08 09:00:00", "", "是", "否", "", "退单"],
    ];
    const csv = iconv.encode(lines.map((l) => l.join(",")).join("\r\n") + "\r\n", "gb18030");
    await page.locator("#ledger-source-file").check();
    await page.locator("#ledger-file").setInputFiles({ name: "工单明细-3月.csv", mimeType: "text/csv", buffer: csv });
    await expect(page.locator("#ledger-file-name").textContent()).resolves.toBe("工单明细-3月.csv");
    // The hidden native input is what the visible 选择文件… label names.
    await expect(page.getByLabel("选择文件…").getAttribute("type")).resolves.toBe("file");
    await page.locator("#period-kind").selectOption("month");
    await page.locator("#period-month").selectOption("3");
    await page.getByRole("button", { name: "导入", exact: true }).click();

    // The question: one select for 承办单位, offering the file's unrecognized headers; focus on it.
    const form = page.locator("#ledger-mapping");
    await form.waitFor({ state: "visible" });
    const select = form.getByLabel("承办单位", { exact: true });
    expect(await select.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await select.locator("option").allTextContents()).toEqual(["请选择…", "受理单位", "备注"]);
    fs.mkdirSync(OUT, { recursive: true });
    await form.screenshot({ path: MAPPING_SCREENSHOT });
    // Nothing chosen: asked again, nothing written.
    await page.getByRole("button", { name: "保存并导入" }).click();
    await expect(page.locator("#mapping-error").textContent()).resolves.toContain("承办单位");
    await select.selectOption("受理单位");
    await page.getByRole("button", { name: "保存并导入" }).click();
    await page.locator("#office-status", { hasText: "导入完成：已按2021年3月填入" }).waitFor({ timeout: 60000 });
    expect(await form.isHidden()).toBe(true);
    const stats = (await page.locator("#ledger-stats").textContent()) ?? "";
    expect(stats).toContain("读取行数3");
    expect(stats).toContain("计入行数3");

    // 热线数据 for 2021年3月: 汉滨区政府 2 orders (1 on time of 2 due, 1 extension, 1 satisfied of 2 valid).
    const hotline = (await page.evaluate(() => window.__fakeExcel.read("热线数据"))) as CellValue[][];
    const headerRow = hotline.findIndex((r) => r.includes(LABEL.name) && r.includes(LABEL.total));
    const col = (label: string) => hotline[headerRow].indexOf(label);
    const row = hotline.find((r, i) => i > headerRow && r[col(LABEL.name)] === "汉滨区政府") as CellValue[];
    expect([row[col(LABEL.total)], row[col(LABEL.due)], row[col(LABEL.onTime)], row[col(LABEL.extensions)], row[col(LABEL.validCallbacks)], row[col(LABEL.satisfied)]])
      .toEqual([2, 2, 1, 1, 2, 1]);

    // Remembered in the workbook: the same file imports without asking.
    const names = await page.evaluate(() => window.__fakeExcel.sheetNames());
    const remembered = names.filter((name) => !["工单明细", "工单核查"].includes(name) && JSON.stringify(name).includes("映射"));
    expect(remembered.length).toBe(1);
    expect(JSON.stringify(await page.evaluate((n) => window.__fakeExcel.read(n), remembered[0]))).toContain("受理单位");
    // This time by keyboard, for April, when the file has no order: nothing is asked (the answer is
    // remembered), nothing is filled (zeros would read as "no orders" facts), the pane says why, and the
    // focus comes back to 导入.
    const before = JSON.stringify(await page.evaluate(() => window.__fakeExcel.read("热线数据")));
    await page.locator("#period-month").selectOption("4");
    await page.locator("#btn-import").focus();
    await page.keyboard.press("Enter");
    await page.locator("#office-status", { hasText: "在考核期间2021年4月没有可计入的工单" }).waitFor({ timeout: 60000 });
    expect(await form.isHidden()).toBe(true);
    expect(JSON.stringify(await page.evaluate(() => window.__fakeExcel.read("热线数据")))).toBe(before);
    await page.waitForFunction(() => document.activeElement?.id === "btn-import");
  });

  it("imports a picked .xlsx export for a quarter", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ledger-"));
    const file = path.join(dir, "工单明细.xlsx");
    await writeLedgerXlsx(file, { rows: 2000, seed: 9, year: 2021, problems: 2 });
    const reference = await readLedgerBytes(new Uint8Array(fs.readFileSync(file)), { rules: LEDGER_RULES });
    if (reference.status !== "ok") throw new Error("xlsx reference: header not recognized");
    const want = reference.data.counts(parsePeriod("2021Q2")).find((r) => r.单位名称 === "汉滨区政府");

    await page.locator("#ledger-file").setInputFiles(file);
    await page.locator("#period-kind").selectOption("quarter");
    await page.locator("#period-quarter").selectOption("2");
    await page.getByRole("button", { name: "导入", exact: true }).click();
    await page.locator("#office-status", { hasText: "导入完成：已按2021年第二季度填入" }).waitFor({ timeout: 60000 });
    fs.rmSync(dir, { recursive: true, force: true }); // not before: the browser reads a picked file lazily
    expect(await page.locator("#ledger-stats").textContent()).toContain(`读取行数${reference.data.summary.rowsRead}`);
    const hotline = (await page.evaluate(() => window.__fakeExcel.read("热线数据"))) as CellValue[][];
    const headerRow = hotline.findIndex((r) => r.includes(LABEL.name) && r.includes(LABEL.total));
    const col = (label: string) => hotline[headerRow].indexOf(label);
    const row = hotline.find((r, i) => i > headerRow && r[col(LABEL.name)] === "汉滨区政府") as CellValue[];
    expect([row[col(LABEL.total)], row[col(LABEL.due)], row[col(LABEL.onTime)], row[col(LABEL.satisfied)]])
      .toEqual([want?.工单总量, want?.应办结数, want?.按期办结数, want?.满意数]);
    // A file's problem rows point at 工单导入校验.
    expect(await page.locator("#ledger-problem-list button").first().textContent()).toMatch(/^第\d+行/);
    await page.locator("#ledger-problem-list button").first().click();
    await page.waitForFunction(() => window.__fakeExcel.selections.at(-1)?.sheet === "工单导入校验");
  });

  it("kept every request under 5 MB, read nothing unloaded, and never wrote a formula through values", async () => {
    const stats = await page.evaluate(() => window.__fakeExcel.stats());
    expect(stats.violations).toEqual([]);
    expect(stats.valuesFormulas).toEqual([]);
    // Every text the add-in wrote through values stayed the text it wrote.
    expect(stats.conversions).toEqual([]);
    expect(stats.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
    expect(stats.maxResponseBytes).toBeLessThan(5 * 1024 * 1024);
    expect(pageErrors).toEqual([]);
  });

  it("requested nothing but the local server and the routed office.js", async () => {
    expect(requests.length).toBeGreaterThan(0);
    const foreign = requests.filter((url) => url !== OFFICE_JS && !url.startsWith(`${origin}/`));
    expect(foreign).toEqual([]);
    expect(requests).toContain(OFFICE_JS);
    expect(requests).toContain(`${origin}/functions.json`);
  });

  it("saved a screenshot of the pane at 350 px, with nothing wider than the pane", async () => {
    expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PANE_WIDTH);
  });
});
