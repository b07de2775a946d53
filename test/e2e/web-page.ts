// Helpers of the page 网页版's end-to-end test (web.e2e.ts): a static server for dist/ that sends the page's
// policy as nginx/IIS do (deploy/), Chromium through playwright-core, and one run of the page.
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { WEB_CSP_HEADER } = require("../../scripts/deploy-config") as { WEB_CSP_HEADER: string };

export const ROOT = path.resolve(__dirname, "../..");
export const DIST = path.join(ROOT, "dist");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8", ".map": "application/json",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export interface Served {
  readonly server: http.Server;
  readonly origin: string;
  /** Every path the server was asked for, in order. */
  readonly requests: string[];
}

export function serve(root: string): Promise<Served> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    requests.push(`${req.method} ${url.pathname}`);
    const file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
      return;
    }
    const headers: Record<string, string> = { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-store" };
    if (url.pathname.startsWith("/web/")) headers["content-security-policy"] = WEB_CSP_HEADER;
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => {
    resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests });
  }));
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export interface PageUnderTest {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every request the page (and its worker) made, as method and URL. */
  readonly requests: string[];
  readonly dialogs: string[];
}

export async function openPage(browser: Browser, origin: string, width = 1024): Promise<PageUnderTest> {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width, height: 800 } });
  const requests: string[] = [];
  const dialogs: string[] = [];
  context.on("request", (r) => requests.push(`${r.method()} ${r.url()}`));
  const page = await context.newPage();
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${origin}/web/index.html`);
  return { context, page, requests, dialogs };
}

export interface PickedFile {
  readonly name: string;
  readonly buffer: Buffer;
}

export interface RunInputs {
  readonly workbook?: PickedFile | string;
  readonly ledger?: PickedFile | string;
  readonly method?: PickedFile | string;
  readonly period?: string;
}

const asFiles = (f: PickedFile | string) =>
  typeof f === "string" ? f : { name: f.name, mimeType: "application/octet-stream", buffer: f.buffer };

/** Picks the files by their labels, presses 全部计算 and waits for an outcome: results, a message or a question. */
export type Outcome = "results" | "message" | "mapping" | "typed";

export async function runPage(page: Page, inputs: RunInputs, timeout = 170_000): Promise<Outcome> {
  if (inputs.workbook) await page.getByLabel("考核工作簿", { exact: true }).setInputFiles(asFiles(inputs.workbook));
  if (inputs.ledger) await page.getByLabel("工单明细", { exact: true }).setInputFiles(asFiles(inputs.ledger));
  if (inputs.method) await page.getByLabel("考核办法（可选）").setInputFiles(asFiles(inputs.method));
  if (inputs.period !== undefined) await page.getByLabel("考核期间").fill(inputs.period);
  await page.getByRole("button", { name: "全部计算" }).click();
  return awaitOutcome(page, timeout);
}

/**
 * The outcome shown, or "" while the run goes on (取消计算 shown) or before any outcome. No named function
 * inside: the bench runs this file through tsx, whose name helpers do not exist in the page (and the page's
 * policy forbids a string evaluated as script).
 */
function outcomeNow(withDocuments: boolean): string {
  const shown = ["cancel", "results", "mapping", "typed"].filter((id) => !(document.getElementById(id) as HTMLElement).hidden);
  if (shown.includes("cancel")) return "";
  // The result is offered first; the 通报 and 报告 follow (aria-busy on their section until then).
  if (withDocuments && shown.includes("results") && (document.getElementById("documents") as HTMLElement).getAttribute("aria-busy") === "true") return "";
  if (shown.length > 0) return shown[0];
  return ((document.getElementById("message") as HTMLElement).textContent ?? "") !== "" ? "message" : "";
}

/**
 * Waits until the run has ended (取消计算 hidden again) with an outcome on the page; by default also until the
 * 通报 and 报告 have followed the result (the bench times only the result workbook offered).
 */
export async function awaitOutcome(page: Page, timeout = 170_000, withDocuments = true): Promise<Outcome> {
  await page.waitForFunction(outcomeNow, withDocuments, { timeout, polling: 100 });
  return (await page.evaluate(outcomeNow, withDocuments)) as Outcome;
}

/** Clicks 下载结果工作簿 and saves the download to `file`; returns the name the page suggested. */
export async function download(page: Page, file: string): Promise<string> {
  const [saved] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载结果工作簿" }).click()]);
  await saved.saveAs(file);
  return saved.suggestedFilename();
}

export async function messageText(page: Page): Promise<string> {
  return (await page.locator("#message").textContent()) ?? "";
}
