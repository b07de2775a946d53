// End to end: the built task pane (dist/) in Debian Chromium through playwright-core, with office.js
// replaced by an in-memory workbook (fake-office.js) that enforces load-before-read and the 5 MB limit
// per request. `npm run test:e2e` builds first.
//
// The seed workbook is made in Node with the same fake: 创建模板 through the Office.js adapter, then data
// for a few units (one with a text in a count), the 便民化 statuses, a few logged cases and one ASSESS
// formula. The page then runs 全部计算, the problem list, 定稿 / 恢复公式 against it.
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import { LABEL, RESULT_LABEL, SHEET, sheetSpec, type SheetName } from "../../src/workbook/contract";
import { OfficeWorkbookPort } from "../../src/workbook/office-adapter";
import type { CellValue, WriteOp } from "../../src/workbook/port";
import { findHeader } from "../../src/workbook/tables";
import { templateAll } from "../../src/workbook/template";

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

async function seedWorkbook(): Promise<unknown> {
  const fake = fakeOffice.create();
  const port = new OfficeWorkbookPort((batch) => fake.Excel.run(batch));
  await templateAll(port);
  const L = LABEL;
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

interface FakeStats {
  syncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  violations: string[];
  valuesFormulas: string[];
}

declare global {
  interface Window {
    __fakeExcel: {
      read(name: string): CellValue[][] | undefined;
      stats(): FakeStats;
      selections: { sheet: string; address: string }[];
      associated: string[];
      sheetNames(): string[];
      formulaAt(sheet: string, address: string): string | null;
      sheet(name: string): { visibility: string; charts: { name: string; type: string; title: string }[] } | undefined;
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

  beforeAll(async () => {
    if (!fs.existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/ has no build: run `npm run test:e2e` (it builds first)");
    const seed = await seedWorkbook();
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
    expect(await page.locator("#function-list li").count()).toBe(12);
    await page.locator(".disclosure__summary").focus();
    await page.keyboard.press("Enter");
    expect(await page.locator("#function-list li").first().isVisible()).toBe(true);
    await page.keyboard.press("Enter");
    expect(await page.locator("#function-list li").first().isVisible()).toBe(false);
    expect(await page.locator("#btn-compute").isEnabled()).toBe(true);
    // functions.js ran in the page (shared runtime) and registered every custom function
    expect(await page.evaluate(() => window.__fakeExcel.associated.length)).toBe(12);
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

    // The pane as the user sees it after the run, at 350 px.
    fs.mkdirSync(OUT, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
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

    await page.getByRole("button", { name: "定稿", exact: true }).click();
    await page.getByRole("button", { name: "确认定稿" }).click();
    await page.getByText("定稿完成").waitFor();
    expect(await page.evaluate(() => window.__fakeExcel.formulaAt("草稿", "B2"))).toBeNull();
    expect(await page.evaluate(() => window.__fakeExcel.read("草稿")?.[1][1])).toBe("县区");
    expect(await page.evaluate(() => window.__fakeExcel.sheet("_定稿公式备份")?.visibility)).toBe("Hidden");

    await page.getByRole("button", { name: "恢复公式" }).click();
    await page.getByText("已恢复1个公式").waitFor();
    expect(await page.evaluate(() => window.__fakeExcel.formulaAt("草稿", "B2"))).toBe("=ASSESS.UNIT_TYPE(A2)");
  });

  it("kept every request under 5 MB, read nothing unloaded, and never wrote a formula through values", async () => {
    const stats = await page.evaluate(() => window.__fakeExcel.stats());
    expect(stats.violations).toEqual([]);
    expect(stats.valuesFormulas).toEqual([]);
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
