// End to end: the page 网页版 (dist/web/, issue 17) in Debian Chromium through playwright-core, over http from a
// small static server that sends the page's Content-Security-Policy as the IIS/nginx configs do. The same
// inputs go through the command line in this process (src/cli/assess main): every sheet of the page's result
// must hold the CLI's values. Hostile files must show the CLI's message and offer no download; workbook text
// must reach the page only as text; the policy must block connections; after load the page may request
// nothing but its own files. `npm run test:e2e` builds first.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Browser } from "playwright-core";
import { strFromU8, strToU8, unzipSync } from "fflate";
import * as corpus from "../../scripts/hostile/corpus";
import { writeLedgerCsv } from "../../scripts/gen-ledger";
import { EXIT, main, type Io } from "../../src/cli/assess";
import { XLSX_MSG } from "../../src/xlsx/messages";
import { PackageWorkbookPort } from "../../src/workbook/adapters/package";
import { nodeFile } from "../../src/xlsx/node-file";
import { readZipDirectory, bytesFile } from "../../src/xlsx/zip";
import { workbookOf } from "../workbook/helpers";
import { writeXlsx } from "../../src/workbook/adapters/exceljs";
import { SHEET } from "../../src/workbook/contract";
import { APPROVAL_METHOD_2026, HOTLINE_METHOD_2026, PARAMS_2026, UNITS_2026 } from "../fixtures/method-2026/method-2026";
import { GB, mb, sampleRenderers } from "./renderer-memory";
import { DIST, ROOT, awaitOutcome, download, launch, messageText, openPage, runPage, serve, type Served } from "./web-page";

const DOC_IMAGES = path.join(ROOT, "docs", "images");
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), "web-e2e-"));
/** Orders of the generated ledger (bounded: a few MB of CSV). */
const LEDGER_ORDERS = 60_000;

const quiet = (): Io => ({ out: () => undefined, err: () => undefined });

/** Every sheet's values, as the package reader gives them. */
async function sheets(file: string): Promise<Map<string, unknown[][]>> {
  const port = await PackageWorkbookPort.open(await nodeFile(file));
  try {
    const names = await port.sheetNames();
    const read = await port.read(names);
    return new Map([...read].map(([name, s]) => [name, s.values.map((r) => [...r])]));
  } finally {
    await port.close();
  }
}

/** Cells that differ between two workbooks (sheet!row,col: a ≠ b), `skip` telling which may. */
async function differences(a: string, b: string, skip: (sheet: string, row: readonly unknown[]) => boolean = () => false): Promise<string[]> {
  const [x, y] = [await sheets(a), await sheets(b)];
  const out: string[] = [];
  expect([...x.keys()]).toEqual([...y.keys()]);
  for (const [name, rows] of x) {
    const other = y.get(name) ?? [];
    for (let r = 0; r < Math.max(rows.length, other.length); r++) {
      const [p, q] = [rows[r] ?? [], other[r] ?? []];
      if (skip(name, p)) continue;
      for (let c = 0; c < Math.max(p.length, q.length); c++) {
        if (untimed(p[c]) !== untimed(q[c])) out.push(`${name}!R${r + 1}C${c + 1}: ${String(p[c])} ≠ ${String(q[c])}`);
      }
    }
  }
  return out;
}

/** A cell without the time of day it was written (计算时间, 导入时间: the clock's only differences). */
const untimed = (v: unknown) => (typeof v === "string" ? v.replace(/\d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)?/gu, "<time>") : v ?? null);

/** 参数 rows that record when the import ran (differ by the clock only). */
const importTime = (sheet: string, row: readonly unknown[]) => sheet === SHEET.params && /时间/u.test(String(row[0] ?? ""));

async function partNames(file: string): Promise<string[]> {
  return [...(await readZipDirectory(bytesFile(fs.readFileSync(file)))).keys()].sort();
}

let served: Served;
let browser: Browser;
let ledgerCsv: string;

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, "web", "index.html"))) throw new Error("dist/web/index.html missing: run `npm run build` first");
  fs.mkdirSync(DOC_IMAGES, { recursive: true });
  ledgerCsv = path.join(TMP, "工单明细-6万.csv");
  await writeLedgerCsv(ledgerCsv, { rows: LEDGER_ORDERS, seed: 17, year: 2021, duplicates: 2, problems: 3 });
  served = await serve(DIST);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => served?.server.close(resolve));
});

test("the sample through the page: every sheet as the CLI writes it, parts kept, named <input>-result.xlsx; nothing requested after load", async () => {
  const cli = path.join(TMP, "cli-sample.xlsx");
  expect(await main([corpus.SAMPLE, "-o", cli], quiet())).not.toBe(EXIT.internal);
  const { page, requests, context } = await openPage(browser, served.origin);
  const loaded = requests.length;
  expect(await runPage(page, { workbook: corpus.SAMPLE })).toBe("results");
  const mine = path.join(TMP, "page-sample.xlsx");
  expect(await download(page, mine)).toBe("ankang-2021-sample-result.xlsx");
  expect(await differences(mine, cli)).toEqual([]);
  expect(await partNames(mine)).toEqual(await partNames(cli));
  expect(await page.locator("#ranking tbody tr").count()).toBeGreaterThan(10);
  expect(await page.locator("#veto tbody tr").count()).toBeGreaterThan(10);
  await page.screenshot({ path: path.join(DOC_IMAGES, "web-results.png"), fullPage: false });
  // After load: only GETs of the page's own files (its worker), nothing else.
  const after = requests.slice(loaded);
  for (const r of after) expect(r).toMatch(new RegExp(`^GET ${served.origin}/web/[\\w.-]+$`));
  expect(after.some((r) => r.endsWith("/web/worker.js"))).toBe(true);
  // No ledger, no 月度考核: no 通报, and the page says why; the 报告 is offered.
  expect(await page.locator("#bulletin-field").isHidden()).toBe(true);
  expect(await page.locator("#bulletin-note").textContent()).toContain("请先导入工单明细（在本页选择工单明细，再点“全部计算”）");
  expect(await page.getByRole("link", { name: "下载报告（.docx）" }).getAttribute("download")).toBe("ankang-2021-sample-报告.docx");
  await context.close();
}, 240_000);

/** word/document.xml of a .docx, its dates (落款) made equal. */
function documentXml(file: string): string {
  const xml = strFromU8(unzipSync(fs.readFileSync(file))["word/document.xml"]);
  return xml.replace(/\d{4}年\d{1,2}月\d{1,2}日/gu, "<date>");
}

/** Clicks a download link and saves it; returns the suggested name. */
async function downloadLink(page: import("playwright-core").Page, name: string, file: string): Promise<string> {
  const [saved] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
  await saved.saveAs(file);
  return saved.suggestedFilename();
}

test("通报 and 报告 from the page: the month selector holds 月度考核's months; document.xml as the CLI writes it, under the policy", async () => {
  const ledger = path.join(ROOT, "samples", "ankang-2021-ledger.csv");
  const cli = path.join(TMP, "cli-docs.xlsx");
  const argv = [corpus.SAMPLE, "--ledger", ledger, "--period", "2021", "--replace-typed", "-o", cli, "--bulletin", "2021-03", "--report"];
  expect(await main(argv, quiet())).not.toBe(EXIT.internal);
  const { page, context } = await openPage(browser, served.origin);
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content[- ]Security[- ]Policy|unsafe-eval/iu.test(m.text())) violations.push(m.text());
  });
  expect(await runPage(page, { workbook: corpus.SAMPLE, ledger, period: "2021" })).toBe("typed");
  await page.getByLabel("以导入的数字替换上列数字").check();
  await page.getByRole("button", { name: "全部计算" }).click();
  expect(await awaitOutcome(page)).toBe("results");
  const months = await page.getByLabel("通报月份").locator("option").allTextContents();
  expect(months).toContain("2021年3月");
  expect(months).toEqual([...months].sort((a, b) => Number(a.replace(/\D/gu, "")) - Number(b.replace(/\D/gu, ""))));
  await page.getByLabel("通报月份").selectOption({ label: "2021年3月" });
  const bulletin = path.join(TMP, "page-通报.docx");
  expect(await downloadLink(page, "下载月度通报（.docx）", bulletin)).toBe("ankang-2021-sample-2021-03-通报.docx");
  const report = path.join(TMP, "page-报告.docx");
  expect(await downloadLink(page, "下载报告（.docx）", report)).toBe("ankang-2021-sample-报告.docx");
  expect(documentXml(bulletin)).toBe(documentXml(path.join(TMP, "cli-docs-2021-03-通报.docx")));
  expect(documentXml(report)).toBe(documentXml(path.join(TMP, "cli-docs-报告.docx")));
  expect(documentXml(bulletin)).toContain("2021年第3期");
  expect(violations).toEqual([]);
  await page.locator("#documents").screenshot({ path: path.join(DOC_IMAGES, "web-documents.png") });
  await context.close();
}, 240_000);

test("a blank template with a 60,000-order ledger and a period: the CLI's cells; the run can be cancelled; the tab under 1 GB", async () => {
  const cli = path.join(TMP, "cli-ledger.xlsx");
  expect(await main(["--ledger", ledgerCsv, "--period", "2021Q2", "-o", cli], quiet())).not.toBe(EXIT.internal);
  const { page, context } = await openPage(browser, served.origin);
  const memory = sampleRenderers();
  // Cancel a first run while it reads.
  await page.getByLabel("工单明细", { exact: true }).setInputFiles(ledgerCsv);
  await page.getByLabel("考核期间").fill("2021Q2");
  await page.getByRole("button", { name: "全部计算" }).click();
  await page.locator("#progress-text").filter({ hasText: "读取" }).waitFor({ timeout: 60_000 });
  await page.screenshot({ path: path.join(DOC_IMAGES, "web-progress.png") });
  await page.getByRole("button", { name: "取消计算" }).click();
  expect(await messageText(page)).toContain("已取消");
  expect(await page.getByRole("link", { name: "下载结果工作簿" }).count()).toBe(0);
  await page.getByRole("button", { name: "全部计算" }).click();
  expect(await awaitOutcome(page)).toBe("results");
  const mine = path.join(TMP, "page-ledger.xlsx");
  expect(await download(page, mine)).toBe("工单明细-6万-result.xlsx");
  const peak = memory.stop();
  process.stderr.write(`60,000-order ledger through the page: renderer memory peak ${mb(peak.sampled)} (${peak.samples} samples), high-water bound ${mb(peak.highWater)}\n`);
  expect(peak.samples).toBeGreaterThan(5);
  expect(peak.sampled).toBeGreaterThan(0);
  expect(peak.highWater).toBeLessThan(GB);
  expect(await differences(mine, cli, importTime)).toEqual([]);
  expect(await page.locator("#ledger-lines").innerText()).toContain("工单导入");
  await context.close();
});

/** One sample cell holding `cell` (a whole <c> element, XML-escaped). */
function sampleWithA3(cell: string): Buffer {
  const parts = corpus.sampleParts();
  const part = corpus.sheetPart(parts, "热线数据");
  const xml = new TextDecoder().decode(parts[part]);
  parts[part] = strToU8(xml.replace(/<c r="A3"([^>]*?) t="s"><v>\d+<\/v><\/c>/, cell));
  return Buffer.from(corpus.zip(parts));
}

/** The sample with the encryption flag on one part (a zip-encrypted package). */
function encryptedPart(): Buffer {
  const bytes = Buffer.from(corpus.zip(corpus.sampleParts()));
  for (let p = 0; p + 4 <= bytes.length; p++) {
    const sig = bytes.readUInt32LE(p);
    if (sig === 0x04034b50) bytes.writeUInt16LE(bytes.readUInt16LE(p + 6) | 1, p + 6);
    if (sig === 0x02014b50) bytes.writeUInt16LE(bytes.readUInt16LE(p + 8) | 1, p + 8);
  }
  return bytes;
}

/** Every number of 热线数据 and every 便民化考核 status a formula without a cached result. */
function formulasWithoutResults(): Buffer {
  const parts = corpus.sampleParts();
  for (const sheet of ["热线数据", "便民化考核"]) {
    const part = corpus.sheetPart(parts, sheet);
    const xml = new TextDecoder().decode(parts[part]);
    parts[part] = strToU8(xml.replace(/<c r="([B-Z]\d+)"([^>]*?)( t="s")?><v>[^<]*<\/v><\/c>/g, (m, r: string, s: string) =>
      (Number(/\d+/.exec(r)?.[0]) >= 3 ? `<c r="${r}"${s}><f>1+1</f></c>` : m)));
  }
  return Buffer.from(corpus.zip(parts));
}

async function brokenMethod(): Promise<Buffer> {
  const file = path.join(TMP, "坏办法.xlsx");
  const broken = HOTLINE_METHOD_2026.map((r, i) => (i === 2 ? r.map((v, c) => (c === 8 ? "三十" : v)) : r));
  await writeXlsx(workbookOf({ 考核办法: broken, 便民化考核办法: APPROVAL_METHOD_2026, [SHEET.params]: PARAMS_2026, [SHEET.units]: UNITS_2026 }).workbook, file);
  return fs.readFileSync(file);
}

test("each hostile class shows the CLI's message in the page's words and offers no download", async () => {
  const cases: [string, { workbook?: Buffer; method?: Buffer; name?: string }, string][] = [
    ["not a spreadsheet", { workbook: Buffer.from("%PDF-1.4 not a workbook") }, "不是 Excel 工作簿（.xlsx）"],
    [".xls", { workbook: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]) }, "Excel 97-2003 工作簿（.xls）"],
    ["damaged zip", { workbook: Buffer.from(corpus.crcMismatch()) }, "的校验码（CRC-32）不符，文件已损坏"],
    ["zip bomb", { workbook: Buffer.from(corpus.bombUnderstated(64)) }, "解压后长度与目录记载不符"],
    ["encrypted", { workbook: encryptedPart() }, XLSX_MSG.encrypted],
    ["formulas without results", { workbook: formulasWithoutResults() }, "公式没有计算结果"],
    ["method refused", { workbook: fs.readFileSync(corpus.SAMPLE), method: await brokenMethod() }, "的考核办法有"],
  ];
  const { page, context, requests } = await openPage(browser, served.origin, 350);
  for (const [what, files, expected] of cases) {
    await page.reload();
    const outcome = await runPage(page, {
      workbook: files.workbook ? { name: `${what}.xlsx`, buffer: files.workbook } : undefined,
      method: files.method ? { name: "坏办法.xlsx", buffer: files.method } : undefined,
    });
    const shown = outcome === "message" ? await messageText(page) : await page.locator("#results").innerText();
    expect([what, shown]).toEqual([what, expect.stringContaining(expected)]);
    expect([what, await page.getByRole("link", { name: "下载结果工作簿" }).count()]).toEqual([what, 0]);
    expect(shown).not.toContain("--");
    if (what === "method refused") await page.screenshot({ path: path.join(DOC_IMAGES, "web-refused.png") });
  }
  for (const r of requests) expect(r.startsWith(`GET ${served.origin}/web/`)).toBe(true);
  await context.close();
});

test("a unit named like markup shows as text; the policy blocks a connection", async () => {
  const name = "<img src=x onerror=alert(1)>";
  const workbook = sampleWithA3(`<c r="A3" t="inlineStr"><is><t>&lt;img src=x onerror=alert(1)&gt;</t></is></c>`);
  const { page, context, dialogs } = await openPage(browser, served.origin);
  expect(await runPage(page, { workbook: { name: "markup.xlsx", buffer: workbook } })).toBe("results");
  expect(await page.locator("#problems").innerText()).toContain(name);
  expect(await page.locator("main img").count()).toBe(0);
  expect(dialogs).toEqual([]);
  const other = await serve(TMP);
  try {
    const outcome = await page.evaluate(async (url) => {
      const violations: string[] = [];
      document.addEventListener("securitypolicyviolation", (e) => violations.push(e.violatedDirective));
      const result = await fetch(url).then(() => "connected", () => "blocked");
      await new Promise((r) => setTimeout(r, 100));
      return { result, violations };
    }, `${other.origin}/x`);
    expect(outcome.result).toBe("blocked");
    expect(outcome.violations).toContain("connect-src");
    expect(other.requests).toEqual([]);
  } finally {
    await new Promise((resolve) => other.server.close(resolve));
  }
  await context.close();
});

test("unknown ledger headers are asked, keyboard alone runs the page, no horizontal scroll at 1024 and 350 px", async () => {
  const csv = path.join(TMP, "受理台账.csv");
  const text = fs.readFileSync(ledgerCsv, "utf8").split("\r\n").slice(0, 200);
  text[0] = text[0].replace("工单编号", "受理编码XYZ");
  fs.writeFileSync(csv, text.join("\r\n"));
  for (const width of [1024, 350]) {
    const { page, context } = await openPage(browser, served.origin, width);
    await page.getByLabel("工单明细", { exact: true }).setInputFiles(csv);
    // Keyboard: Tab from the top reaches every control in order; Enter on 全部计算 runs.
    const order: string[] = [];
    for (let i = 0; i < 8 && !order.includes("run"); i++) {
      await page.keyboard.press("Tab");
      order.push(await page.evaluate(() => document.activeElement?.id ?? ""));
    }
    expect(order.filter((id) => ["workbook", "ledger", "period", "method", "run"].includes(id))).toEqual(["workbook", "ledger", "period", "method", "run"]);
    await page.keyboard.press("Enter");
    expect(await awaitOutcome(page)).toBe("mapping");
    if (width === 350) await page.screenshot({ path: path.join(DOC_IMAGES, "web-mapping.png") });
    // The first select has focus: choose the header by keyboard.
    await page.keyboard.press("ArrowDown");
    await page.getByRole("button", { name: "全部计算" }).focus();
    await page.keyboard.press("Enter");
    expect(await awaitOutcome(page)).toBe("results");
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(scroll).toBeLessThanOrEqual(0);
    expect(await page.getByRole("link", { name: "下载结果工作簿" }).count()).toBe(1);
    await context.close();
  }
});

test("consent before replacing typed counts: asked with every cell, replaced only when agreed", async () => {
  const csv = path.join(TMP, "小台账.csv");
  fs.writeFileSync(csv, [
    "工单编号,承办单位,派单时间,办理时限,办结时间,是否退单,是否申请延期,回访结果",
    "A1,汉滨区,2021-03-01 09:00:00,2021-03-10 18:00:00,2021-03-05 10:00:00,否,否,满意",
  ].join("\r\n"));
  const { page, context } = await openPage(browser, served.origin);
  expect(await runPage(page, { workbook: corpus.SAMPLE, ledger: csv })).toBe("typed");
  expect(await page.locator("#typed-list li").count()).toBeGreaterThan(0);
  expect(await page.getByRole("link", { name: "下载结果工作簿" }).count()).toBe(0);
  // Without the box ticked the question stays; ticked, the run imports.
  await page.getByRole("button", { name: "全部计算" }).click();
  expect(await awaitOutcome(page)).toBe("typed");
  await page.screenshot({ path: path.join(DOC_IMAGES, "web-consent.png") });
  await page.getByLabel("以导入的数字替换上列数字").check();
  await page.getByRole("button", { name: "全部计算" }).click();
  expect(await awaitOutcome(page)).toBe("results");
  expect(await page.getByRole("link", { name: "下载结果工作簿" }).count()).toBe(1);
  await context.close();
});

test("opened from a folder (file://): runs with the inlined worker, or says to use the server", async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`file://${path.join(DIST, "web", "index.html")}`);
  const outcome = await runPage(page, { workbook: corpus.SAMPLE });
  if (outcome === "message") expect(await messageText(page)).toContain("请通过服务器地址打开网页版");
  else expect(outcome).toBe("results");
  process.stderr.write(`file:// in Chromium: ${outcome}\n`);
  await context.close();
});
