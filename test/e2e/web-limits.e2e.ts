// End to end (issue 17 item 3): inputs beyond the command line's limits, at the default limits (the page
// offers no way to change them), get the CLI's refusal in the page's words; the tab does not crash and stays
// under 1 GB while it reads up to the limit; afterwards the same page runs the sample. The files are small on
// disk: a part that really inflates beyond the whole-part limit (256 MB of 4096), and a sheet holding more
// cells than the cell limit (1,048,576). `npm run test:e2e` builds first.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Browser } from "playwright-core";
import * as corpus from "../../scripts/hostile/corpus";
import { EXIT, main } from "../../src/cli/assess";
import { pageAdvice } from "../../src/web/messages";
import { DEFAULT_LIMITS, snapshotCellLimit, wholePartLimit } from "../../src/xlsx/limits";
import { GB, mb, sampleRenderers } from "./renderer-memory";
import { DIST, download, launch, messageText, openPage, runPage, serve, type Served } from "./web-page";

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), "web-limits-"));
let served: Served;
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, "web", "index.html"))) throw new Error("dist/web/index.html missing: run `npm run build` first");
  served = await serve(DIST);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => served?.server.close(resolve));
});

/** The CLI's refusal of `bytes` at the default limits: its exit code and the lines it printed on stderr. */
async function cliRefusal(name: string, bytes: Uint8Array): Promise<{ code: number; lines: string[] }> {
  const file = path.join(TMP, name);
  fs.writeFileSync(file, bytes);
  const err: string[] = [];
  const code = await main([file, "-o", path.join(TMP, "out.xlsx")], { out: () => undefined, err: (t: string) => err.push(t) });
  // The page names the file as the user picked it; the CLI as it was given (a path).
  return { code, lines: err.join("\n").split(file).join(name).split("\n").filter((l) => l.trim() !== "") };
}

// Independent of the reader: the limits the CLI runs with by default (limits.ts, issue 8).
const WHOLE_PART_MB = wholePartLimit(DEFAULT_LIMITS) / (1 << 20);
const CELLS = snapshotCellLimit(DEFAULT_LIMITS);

test("beyond the CLI's limits: the CLI's refusal, no download, the tab alive and under 1 GB, the next run computes", async () => {
  expect([WHOLE_PART_MB, CELLS]).toEqual([256, 1_048_576]);
  const cases: [string, Uint8Array, string][] = [
    ["共享字符串超限.xlsx", corpus.honestHugePart("xl/sharedStrings.xml", WHOLE_PART_MB + 16), `工作簿部件 xl/sharedStrings.xml 解压后为 ${WHOLE_PART_MB + 16} MB，超过上限 ${WHOLE_PART_MB} MB`],
    ["单元格超限.xlsx", corpus.numbersBeside(CELLS), `中有内容的单元格（连同已读取的其他工作表）超过 ${CELLS} 个`],
  ];
  const { page, context } = await openPage(browser, served.origin);
  let crashed = false;
  page.on("crash", () => (crashed = true));
  for (const [name, bytes, expected] of cases) {
    const cli = await cliRefusal(name, bytes);
    expect([name, cli.code]).toEqual([name, EXIT.usage]);
    const refusal = cli.lines.find((l) => l.includes(expected));
    expect([name, refusal]).toEqual([name, expect.any(String)]);
    const memory = sampleRenderers();
    const started = Date.now();
    const outcome = await runPage(page, { workbook: { name, buffer: Buffer.from(bytes) } }, 120_000);
    const peak = memory.stop();
    process.stderr.write(`${name} (${mb(bytes.length)} on disk) refused by the page in ${((Date.now() - started) / 1000).toFixed(1)} s; renderer memory peak ${mb(peak.sampled)}, high-water bound ${mb(peak.highWater)}\n`);
    expect([name, outcome]).toEqual([name, "message"]);
    const shown = await messageText(page);
    expect([name, shown]).toEqual([name, expect.stringContaining(pageAdvice(refusal as string))]);
    expect(shown).not.toContain("--max-part-mb 提高上限");
    expect(shown).toContain("网页版不提高此上限");
    expect([name, await page.getByRole("link", { name: "下载结果工作簿" }).count()]).toEqual([name, 0]);
    expect([name, peak.highWater]).toEqual([name, expect.any(Number)]);
    expect(peak.highWater).toBeLessThan(GB);
  }
  // The same tab, not reloaded: the next run computes and offers its download.
  expect(await runPage(page, { workbook: corpus.SAMPLE })).toBe("results");
  expect(await download(page, path.join(TMP, "sample-result.xlsx"))).toBe("ankang-2021-sample-result.xlsx");
  expect(crashed).toBe(false);
  await context.close();
}, 300_000);

test("within the limits: a worksheet part of 1 GB (whitespace between its elements) computes, the tab stays under 1 GB", async () => {
  // 承办单位's part inflates to 1 GB (a megabyte on disk), a quarter of the default part limit of 4096 MB:
  // the page must read it as the CLI does, in bounded pieces, not inflate it whole.
  const name = "承办单位1GB.xlsx";
  const bytes = await corpus.honestHugePartStreamed("xl/worksheets/sheet2.xml", 1024);
  const cli = path.join(TMP, name);
  fs.writeFileSync(cli, bytes);
  const code = await main([cli, "-o", path.join(TMP, "huge-out.xlsx")], { out: () => undefined, err: () => undefined });
  expect(code).toBe(EXIT.ok);
  const { page, context } = await openPage(browser, served.origin);
  let crashed = false;
  page.on("crash", () => (crashed = true));
  const memory = sampleRenderers();
  const started = Date.now();
  const outcome = await runPage(page, { workbook: { name, buffer: Buffer.from(bytes) } }, 240_000);
  const peak = memory.stop();
  process.stderr.write(`${name} (${mb(bytes.length)} on disk) computed by the page in ${((Date.now() - started) / 1000).toFixed(1)} s; renderer memory peak ${mb(peak.sampled)}, high-water bound ${mb(peak.highWater)}\n`);
  expect(outcome).toBe("results");
  expect(await download(page, path.join(TMP, "huge-result.xlsx"))).toBe("承办单位1GB-result.xlsx");
  expect(peak.highWater).toBeLessThan(GB);
  expect(crashed).toBe(false);
  await context.close();
}, 300_000);
