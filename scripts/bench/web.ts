/**
 * The page 网页版 in Chromium on the bench's 200,000-row .xlsx ledger (issue 17: within 2× the CLI's time for
 * the same file): dist/web served over http on 127.0.0.1, the ledger picked with period 2021 and no workbook
 * (the blank template, as `--ledger` without an input), timed from 全部计算 to the result offered for download.
 * One untimed warm-up run on the small file; the best of `runs` counts. Needs `npm run build` first.
 * `npm run bench` reports it as `web`, against `direct` (the built CLI started with node on the same file).
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { awaitOutcome, launch, openPage, serve } from "../../test/e2e/web-page";

const DIST = resolve(__dirname, "..", "..", "dist");

export interface WebBench {
  readonly seconds: number;
  readonly runs: readonly number[];
}

export async function benchWebPage(ledger: string, warmup: string, year: number, runs = 2): Promise<WebBench | null> {
  if (!existsSync(join(DIST, "web", "index.html"))) return null;
  const served = await serve(DIST);
  const browser = await launch();
  const times: number[] = [];
  try {
    for (const [file, timed] of [[warmup, false], ...Array.from({ length: runs }, () => [ledger, true] as const)] as const) {
      const { page, context } = await openPage(browser, served.origin);
      await page.getByLabel("工单明细", { exact: true }).setInputFiles(file);
      await page.getByLabel("考核期间").fill(String(year));
      const started = Date.now();
      await page.getByRole("button", { name: "全部计算" }).click();
      const outcome = await awaitOutcome(page, 600_000, false);
      const seconds = (Date.now() - started) / 1000;
      if (outcome !== "results" || (await page.getByRole("link", { name: "下载结果工作簿" }).count()) !== 1) {
        throw new Error(`网页版 on ${file}: ${outcome}, ${await page.locator("#message").textContent()}`);
      }
      if (timed) times.push(seconds);
      await context.close();
    }
  } finally {
    await browser.close();
    await new Promise((r) => served.server.close(r));
  }
  return { seconds: Math.min(...times), runs: times };
}

/** Times within which the page must run the file, against the command started with node directly (issue 17). */
export const WEB_TIMES_CLI = 2;

/** bench.json's `web` section: the page on the bench's .xlsx against `cliSeconds`; null without a built page. */
export async function webSection(ledger: string, warmup: string, year: number, cliSeconds: number, judged: boolean) {
  process.stderr.write("网页版：Chromium 中计算同一 .xlsx 工单明细 …\n");
  const web = await benchWebPage(ledger, warmup, year);
  if (!web) return null;
  const round = (x: number) => +x.toFixed(3);
  return {
    what: "the page 网页版 in Chromium (dist/web over http on 127.0.0.1): the same .xlsx ledger, period, no workbook; from 全部计算 to the download offered, best run, against the built CLI started with node directly",
    seconds: round(web.seconds), runs: web.runs.map(round), cliSeconds: round(cliSeconds),
    timesCli: round(web.seconds / cliSeconds), target: `<= ${WEB_TIMES_CLI}× the CLI`,
    met: judged ? web.seconds <= WEB_TIMES_CLI * cliSeconds : null,
  };
}
