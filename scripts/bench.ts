/**
 * npm run bench — issue 4 item 6, every figure measured in this one run, written to out/bench.json and
 * printed as a table.
 *
 *   ratio   the status quo against this project, end to end on one generated 200,000-row .xlsx ledger
 *           (scripts/bench/libreoffice.ts: a 统计 sheet of COUNTIFS per unit; aliasShare 0 so COUNTIFS by
 *           official name is exact): LibreOffice headless recalculating it (after one untimed warm-up
 *           conversion, so profile creation is not timed) against `npm run assess -- --ledger` on the same
 *           file (after one untimed warm-up run, so tsx's compile cache is not timed either); the two
 *           alternate twice and the best run of each side counts. The counts
 *           our command wrote into 热线数据 must equal LibreOffice's for all 77 units, or the bench fails.
 *   direct  the same .xlsx run as the built CLI started with node directly, as often as LibreOffice ran, the best counting (node build/assess.cjs, issue 16:
 *           at least 25× faster than LibreOffice).
 *   fixed   the fixed cost (issue 16): node build/assess.cjs on the 300-row .xlsx against `node -e 0`,
 *           alternating, best of 5 each (target: at most 6×).
 *   engine  aggregating and scoring 1,000,000 generated orders for 77 units × 12 months, in a child
 *           process (scripts/bench/engine.ts), best of 3, against a plain counting loop over the same rows.
 *   cli1m   `npm run assess -- --ledger` end to end on a 1,000,000-row CSV: seconds and peak memory,
 *           against `node` streaming the same file and counting its lines.
 *   judged  the built CLI importing the cli1m CSV into a blank template with 10,000 工单研判 rows against none
 *           (scripts/bench/judgment-cli.ts), alternating, best of 2 (issue 14: at most 1.10×).
 *   docs    writing the 月度通报 and the 报告 (.docx) for 77 units beyond the computation (scripts/bench/documents.ts,
 *           in a child process, best of 3), against compute-all on the same workbook.
 *
 * Options: --work DIR (default out/bench-work), --rows-xlsx N, --rows-engine N, --rows-csv N (smaller
 * sizes for a quick check; targets are judged on the issue's sizes only), --ratio-runs N (default 2).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, totalmem, loadavg } from "node:os";
import { join, relative, resolve } from "node:path";
import ExcelJS from "exceljs";
import { REGISTRY_2021 } from "../src/engine/registry";
import { writeLedgerCsv } from "./gen-ledger";
import { convertSheetToCsv, COUNT_LABELS, ensureLibreOffice, parseCountsCsv, writeCountifsLedger, type Counts } from "./bench/libreoffice";
import { directArgs, measureFixedCost } from "./bench/fixed-cost";
import { runCommand, type CommandRun } from "./bench/run";
import { printTable } from "./bench/table";
import { webSection } from "./bench/web"; // the page 网页版 (issue 17)

const ROOT = resolve(__dirname, "..");
const YEAR = 2021;
const SEED = 2021;
const TARGET = {
  ratio: 10, directRatio: 25, fixedCostTimes: 6, engineSeconds: 0.5, cliSeconds: 10, cliPeakMB: 1024, documentsSeconds: 0.5, judgedRatio: 1.1,
} as const;
const ISSUE_SIZES = { xlsx: 200_000, engine: 1_000_000, csv: 1_000_000 } as const;

const log = (line: string) => process.stderr.write(`${line}\n`);
const round = (x: number, digits = 3) => +x.toFixed(digits);
const fileMB = (path: string) => round(statSync(path).size / 2 ** 20, 1);

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** `npm run assess -- --ledger FILE --period YEAR -o OUT`, as a user types it. */
function assessArgs(ledger: string, output: string): string[] {
  return ["run", "assess", "--silent", "--", "--ledger", ledger, "--period", String(YEAR), "-o", output];
}

/** The seven counts per unit our command wrote into 热线数据. */
async function readHotlineCounts(path: string): Promise<Map<string, Counts>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet("热线数据");
  if (!sheet) throw new Error(`${path} has no 热线数据 sheet`);
  const value = (v: ExcelJS.CellValue): unknown => (v !== null && typeof v === "object" && "result" in v ? v.result : v);
  let header: Map<string, number> | undefined;
  const counts = new Map<string, Counts>();
  sheet.eachRow((row) => {
    const cells = Array.from(row.values as ExcelJS.CellValue[], value);
    if (!header) {
      if (cells.includes("单位名称") && COUNT_LABELS.every((l) => cells.includes(l))) {
        header = new Map(cells.map((c, i) => [String(c), i]));
      }
      return;
    }
    const name = cells[header.get("单位名称")!];
    if (typeof name !== "string" || name === "") return;
    counts.set(name, Object.fromEntries(COUNT_LABELS.map((l) => [l, Number(cells[header!.get(l)!] ?? 0)])) as Counts);
  });
  if (!header) throw new Error(`${path}: no header row in 热线数据`);
  return counts;
}

function compareCounts(ours: Map<string, Counts>, theirs: Map<string, Counts>): { compared: number; mismatches: string[] } {
  const mismatches: string[] = [];
  let compared = 0;
  for (const unit of REGISTRY_2021.hotlineUnits()) {
    const a = ours.get(unit.name);
    const b = theirs.get(unit.name);
    if (!a || !b) {
      mismatches.push(`${unit.name}: ${!a ? "missing in our 热线数据" : "missing in LibreOffice's 统计"}`);
      continue;
    }
    compared++;
    for (const label of COUNT_LABELS) if (a[label] !== b[label]) mismatches.push(`${unit.name} ${label}: ours ${a[label]}, LibreOffice ${b[label]}`);
  }
  return { compared, mismatches };
}

function commandFigures(run: CommandRun) {
  return { seconds: round(run.seconds), peakRssMB: run.peakRssMB, exitCode: run.exitCode, memorySource: run.memorySource };
}

interface Sizes {
  readonly xlsx: number;
  readonly engine: number;
  readonly csv: number;
}

interface Inputs {
  readonly xlsx: string;
  readonly warmXlsx: string;
  readonly csv: string;
  readonly generationSeconds: number;
}

const rel = (p: string) => relative(ROOT, p);

/** The generated ledgers (not timed). */
async function makeInputs(work: string, rows: Sizes): Promise<Inputs> {
  log(`生成输入文件（不计时）：${rel(work)}`);
  const t = Date.now();
  const xlsx = join(work, `ledger-${rows.xlsx}.xlsx`);
  await writeCountifsLedger(xlsx, { rows: rows.xlsx, seed: SEED, year: YEAR, aliasShare: 0 });
  const warmXlsx = join(work, "warmup.xlsx");
  await writeCountifsLedger(warmXlsx, { rows: 300, seed: SEED + 1, year: YEAR, aliasShare: 0 });
  const csv = join(work, `ledger-${rows.csv}.csv`);
  await writeLedgerCsv(csv, { rows: rows.csv, seed: SEED, year: YEAR });
  const generationSeconds = (Date.now() - t) / 1000;
  log(`  ${rel(xlsx)} ${fileMB(xlsx)} MB，${rel(csv)} ${fileMB(csv)} MB，用时 ${generationSeconds.toFixed(1)} 秒`);
  return { xlsx, warmXlsx, csv, generationSeconds };
}

/** The engine alone, in its own process. */
function runEngine(rows: number) {
  log(`引擎：聚合并计分 ${rows} 条工单 × 77 个单位 × 12 个月（子进程，3 次取最好）…`);
  const engineRun = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", "scripts/bench/engine.ts", "--rows", String(rows), "--runs", "3", "--seed", String(SEED), "--year", String(YEAR)], {
    cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 24,
  });
  if (engineRun.status !== 0) throw new Error(`engine benchmark failed:\n${engineRun.stderr}`);
  return JSON.parse(engineRun.stdout.trim().split("\n").pop()!);
}

/** LibreOffice's version and its untimed warm-up conversion (null without LibreOffice). */
function warmLibreOffice(warmXlsx: string, work: string): { soffice: string; version: string; warmupSeconds: number } | null {
  const soffice = ensureLibreOffice(log);
  if (!soffice) {
    log("  无法安装 LibreOffice：LibreOffice 的各项数字记为 null。");
    return null;
  }
  const version = execFileSync(soffice, ["--version"], { encoding: "utf8" }).trim();
  const warm = convertSheetToCsv(soffice, warmXlsx, 2, work);
  log(`  LibreOffice 预热（不计时）：${warm.seconds.toFixed(1)} 秒`);
  return { soffice, version, warmupSeconds: warm.seconds };
}

/**
 * LibreOffice against our command on the same .xlsx. Alternating runs, the best of each side: the machine
 * is shared, and LibreOffice (which calculates on every core) swings most with other load, so one run of
 * each can land anywhere between.
 */
async function measureRatio(work: string, inputs: Inputs, ratioRuns: number) {
  log("对比：LibreOffice 重算 COUNTIFS 与 npm run assess -- --ledger，同一个 .xlsx …");
  const lo = warmLibreOffice(inputs.warmXlsx, work);
  const warmup = await runCommand("npm", assessArgs(inputs.warmXlsx, join(work, "warmup-result.xlsx")), { cwd: ROOT, logFile: join(work, "assess-warmup.log") });
  const loRuns: number[] = [];
  const ourRuns: CommandRun[] = [];
  let theirCounts: Map<string, Counts> | null = null;
  const oursOut = join(work, "ratio-result.xlsx");
  for (let run = 0; run < ratioRuns; run++) {
    if (lo) {
      const timed = convertSheetToCsv(lo.soffice, inputs.xlsx, 2, work);
      loRuns.push(timed.seconds);
      const counts = parseCountsCsv(timed.csv);
      if (theirCounts && JSON.stringify([...counts]) !== JSON.stringify([...theirCounts])) throw new Error("LibreOffice gave different counts on two runs");
      theirCounts = counts;
      log(`  LibreOffice：${timed.seconds.toFixed(2)} 秒`);
    }
    const ours = await runCommand("npm", assessArgs(inputs.xlsx, oursOut), { cwd: ROOT, logFile: join(work, "assess-xlsx.log") });
    log(`  npm run assess -- --ledger：${ours.seconds.toFixed(2)} 秒（退出码 ${ours.exitCode}）`);
    if (ours.exitCode !== 0) throw new Error(`npm run assess failed on ${inputs.xlsx} (exit ${ours.exitCode}); see ${join(work, "assess-xlsx.log")}`);
    ourRuns.push(ours);
  }
  const libreOffice = lo
    ? { seconds: round(Math.min(...loRuns)), runs: loRuns.map((x) => round(x)), version: lo.version, warmupSeconds: round(lo.warmupSeconds) }
    : null;
  const comparison = theirCounts ? compareCounts(await readHotlineCounts(oursOut), theirCounts) : null;
  const countsMatch = comparison ? comparison.mismatches.length === 0 && comparison.compared === REGISTRY_2021.hotlineUnits().length : null;
  return { libreOffice, ourRuns, ours: ourRuns.reduce((a, b) => (b.seconds < a.seconds ? b : a)), warmup, oursOut, comparison, countsMatch };
}

/**
 * The same command as the built CLI run with node directly (issue 16: at least 25× LibreOffice), as many
 * times as LibreOffice ran, the best counting (as for LibreOffice), and the fixed cost: that run on the
 * 300-row file against `node -e 0`.
 */
async function measureDirect(work: string, inputs: Inputs, runs: number) {
  let direct: CommandRun | undefined;
  for (let run = 0; run < runs; run++) {
    const timed = await runCommand(process.execPath, directArgs(ROOT, assessArgs(inputs.xlsx, join(work, "ratio-result-direct.xlsx")).slice(4)), {
      cwd: ROOT, logFile: join(work, "assess-xlsx-direct.log"),
    });
    log(`  node build/assess.cjs（直接运行）：${timed.seconds.toFixed(2)} 秒`);
    if (!direct || timed.seconds < direct.seconds) direct = timed;
  }
  if (!direct) throw new Error("no direct run");
  const fixedCost = await measureFixedCost(ROOT, [...assessArgs(inputs.warmXlsx, join(work, "fixed-cost.xlsx")).slice(4), "--force"], work, 5);
  log(`固定开销：node build/assess.cjs 处理 300 行 ${fixedCost.seconds} 秒，node -e 0 ${fixedCost.baseline.seconds} 秒（${fixedCost.timesNodeStart}×）`);
  return { direct, fixedCost };
}

/** The command on a million-row CSV, against reading the file and counting its lines. */
async function measureCli(work: string, csv: string, rows: number) {
  log(`命令行：npm run assess -- --ledger ${rows} 行 CSV …`);
  const cliOut = join(work, "cli1m-result.xlsx");
  const cli = await runCommand("npm", assessArgs(csv, cliOut), { cwd: ROOT, logFile: join(work, "assess-csv.log") });
  if (cli.exitCode !== 0) throw new Error(`npm run assess failed on ${csv} (exit ${cli.exitCode}); see ${join(work, "assess-csv.log")}`);
  const countLines = "let n=0;require('fs').createReadStream(process.argv[1],{highWaterMark:1<<20}).on('data',b=>{for(let i=b.indexOf(10);i>=0;i=b.indexOf(10,i+1))n++}).on('end',()=>console.log(n))";
  const baseline = await runCommand(process.execPath, ["-e", countLines, csv], { cwd: ROOT, logFile: join(work, "baseline-csv.log") });
  log(`  命令 ${cli.seconds.toFixed(2)} 秒、峰值内存 ${cli.peakRssMB} MB；基线 ${baseline.seconds.toFixed(2)} 秒`);
  return { cli, cliOut, baseline };
}

/** A benchmark in its own process (scripts/bench/NAME.ts); the last line of its stdout is its JSON result. */
function runChild(name: string, args: readonly string[], title: string) {
  log(title);
  const run = spawnSync(process.execPath, ["--import", "tsx", `scripts/bench/${name}.ts`, ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`${name} benchmark failed:\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split("\n").pop()!);
}

interface Measured {
  readonly rows: Sizes;
  readonly issueSizes: boolean;
  readonly startedAt: Date;
  readonly loadAtStart: number[];
  readonly inputs: Inputs;
  readonly engineResult: ReturnType<typeof runEngine>;
  readonly ratio: Awaited<ReturnType<typeof measureRatio>>;
  readonly direct: Awaited<ReturnType<typeof measureDirect>>;
  readonly cli: Awaited<ReturnType<typeof measureCli>>;
  readonly web: Awaited<ReturnType<typeof webSection>>;
  readonly docsResult: ReturnType<typeof runChild>;
  readonly judgmentCli: ReturnType<typeof runChild>;
}

function ratioSection(m: Measured, met: (ok: boolean | null) => boolean | null) {
  const { libreOffice, ours, ourRuns, warmup, oursOut, comparison, countsMatch } = m.ratio;
  const { xlsx } = m.inputs;
  const { direct } = m.direct;
  const ratio = libreOffice ? libreOffice.seconds / ours.seconds : null;
  return {
    what: "LibreOffice headless recalculating a sheet of COUNTIFS (section-F counts for 77 units, year 2021) vs npm run assess -- --ledger on the same .xlsx; runs alternate, ratio = best LibreOffice run / best run of ours",
    libreOffice,
    ours: { command: `npm ${assessArgs(rel(xlsx), rel(oursOut)).join(" ")}`, ...commandFigures(ours), runs: ourRuns.map((r) => round(r.seconds)) },
    ratio: ratio === null ? null : round(ratio, 1),
    breakdown: {
      what: "the command on the 300-row warm-up file through npm (npm, node, the launcher, the bundled CLI, writing the result workbook), and the same 200,000-row command as the built CLI started with node directly (node build/assess.cjs), whose ratio issue 16 sets at >= 25",
      oursOn300Rows: round(warmup.seconds),
      withoutNpm: { command: `node ${directArgs(".", assessArgs(rel(xlsx), "…").slice(4)).join(" ")}`, seconds: round(direct.seconds), exitCode: direct.exitCode },
      ratioWithoutNpm: libreOffice ? round(libreOffice.seconds / direct.seconds, 1) : null,
      target: `>= ${TARGET.directRatio}`,
      met: libreOffice ? met(libreOffice.seconds / direct.seconds >= TARGET.directRatio) : null,
    },
    target: `>= ${TARGET.ratio}`,
    met: ratio === null ? null : met(ratio >= TARGET.ratio),
    countsMatch,
    unitsCompared: comparison?.compared ?? null,
    mismatches: comparison?.mismatches.slice(0, 20) ?? null,
  };
}

function engineSection(engineResult: Measured["engineResult"], met: (ok: boolean | null) => boolean | null) {
  return {
    what: "new LedgerAggregator → add() each of the generated rows (cells as the .xlsx reader gives them: strings, date serial numbers) → finish() → scoreUnit for 77 units × 12 months; best of 3, each run after a full GC",
    orders: engineResult.orders,
    units: engineResult.units,
    months: engineResult.months,
    scoreUnitCalls: engineResult.scoreUnitCalls,
    seconds: engineResult.seconds,
    runs: engineResult.runs,
    target: `<= ${TARGET.engineSeconds} s`,
    met: met(engineResult.seconds <= TARGET.engineSeconds),
    baseline: {
      what: "a plain loop over the same rows that only counts rows per unit (Map from the unit cell, spellings resolved beforehand, to an index; one increment)",
      seconds: engineResult.baseline.seconds,
      runs: engineResult.baseline.runs,
    },
    timesBaseline: round(engineResult.seconds / engineResult.baseline.seconds, 1),
    typedCore: {
      what: "aggregateOrders over the same orders already parsed into typed arrays, plus the same scoring: the counting core without parsing, checking or duplicate detection",
      seconds: engineResult.typedCore.seconds,
      runs: engineResult.typedCore.runs,
      sameCounts: engineResult.sameAsTypedCore,
    },
    rowsCounted: engineResult.rowsCounted,
    yearTotals: engineResult.yearTotals,
    judged: {
      what: "issue 14: the same engine run with a 10,000-row 工单研判 register applied (every 研判事项, 成立 and 待定); ratio = best judged run / best run without decisions",
      ...engineResult.judged,
      target: `<= ${TARGET.judgedRatio}`,
      met: met(engineResult.judged.ratio <= TARGET.judgedRatio),
    },
  };
}

function report(m: Measured) {
  const met = (ok: boolean | null) => (m.issueSizes ? ok : null);
  const { rows, issueSizes, startedAt, loadAtStart, engineResult } = m;
  const { xlsx, csv, generationSeconds } = m.inputs;
  const { fixedCost } = m.direct;
  const { cli, cliOut, baseline } = m.cli;
  const { docsResult, judgmentCli } = m;
  return {
    date: startedAt.toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? "",
      memoryGB: round(totalmem() / 2 ** 30, 1),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: loadavg().map((x) => round(x, 2)),
    },
    issueSizes,
    inputs: {
      seed: SEED,
      year: YEAR,
      xlsx: { file: rel(xlsx), rows: rows.xlsx, sizeMB: fileMB(xlsx), aliasShare: 0 },
      csv: { file: rel(csv), rows: rows.csv, sizeMB: fileMB(csv), encoding: "utf8", aliasShare: 0.1 },
      generationSeconds: round(generationSeconds, 1),
    },
    ratio: ratioSection(m, met),
    web: m.web,
    fixedCost: {
      what: "the built CLI (build/assess.cjs, as scripts/assess.cjs builds it) run with node directly on the 300-row .xlsx ledger, against node -e 0; alternating, best of 5 each",
      ...fixedCost,
      target: `<= ${TARGET.fixedCostTimes}× node -e 0`,
      met: fixedCost.timesNodeStart <= TARGET.fixedCostTimes,
    },
    engine: engineSection(engineResult, met),
    cli1m: {
      what: "npm run assess -- --ledger on a 1,000,000-row UTF-8 CSV, end to end",
      command: `npm ${assessArgs(rel(csv), rel(cliOut)).join(" ")}`,
      rows: rows.csv,
      ...commandFigures(cli),
      target: `<= ${TARGET.cliSeconds} s, peak <= ${TARGET.cliPeakMB} MB`,
      met: met(cli.seconds <= TARGET.cliSeconds && cli.peakRssMB !== null && cli.peakRssMB <= TARGET.cliPeakMB),
      metSeconds: met(cli.seconds <= TARGET.cliSeconds),
      metMemory: met(cli.peakRssMB !== null && cli.peakRssMB <= TARGET.cliPeakMB),
      baseline: { what: "node reading the same file as a stream and counting its newlines", ...commandFigures(baseline) },
      timesBaseline: round(cli.seconds / baseline.seconds, 1),
    },
    documents: {
      what: "prepare and write the 月度通报 (2021-03) and the 报告 as .docx for 77 units after compute-all on the same workbook (made from samples/ankang-2021-ledger.csv); best of 3",
      units: docsResult.units,
      seconds: round(docsResult.documents),
      docxSeconds: docsResult.docx.map((x: number) => round(x)),
      bytes: docsResult.bytes,
      target: `<= ${TARGET.documentsSeconds} s beyond the computation`,
      met: docsResult.documents <= TARGET.documentsSeconds,
      baseline: { what: "compute-all on the same workbook (the computation the documents follow)", seconds: round(docsResult.compute) },
      runs: docsResult.runs.map((r: { compute: number; documents: number }) => ({ compute: round(r.compute), documents: round(r.documents) })),
    },
    judgmentCli: {
      what: "node build/assess.cjs importing the cli1m CSV into a blank template, with 10,000 工单研判 rows against none; alternating, best of 2",
      ...judgmentCli, target: `<= ${TARGET.judgedRatio}x the run without decisions`, met: met(judgmentCli.ratio <= TARGET.judgedRatio),
    },
  };
}

async function main(): Promise<void> {
  const work = resolve(ROOT, argValue("work") ?? "out/bench-work");
  const rows: Sizes = {
    xlsx: Number(argValue("rows-xlsx") ?? ISSUE_SIZES.xlsx),
    engine: Number(argValue("rows-engine") ?? ISSUE_SIZES.engine),
    csv: Number(argValue("rows-csv") ?? ISSUE_SIZES.csv),
  };
  const ratioRuns = Number(argValue("ratio-runs") ?? 2);
  const issueSizes = rows.xlsx === ISSUE_SIZES.xlsx && rows.engine === ISSUE_SIZES.engine && rows.csv === ISSUE_SIZES.csv;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const startedAt = new Date();
  const loadAtStart = loadavg().map((x) => round(x, 2));
  const inputs = await makeInputs(work, rows);
  const engineResult = runEngine(rows.engine);
  const ratio = await measureRatio(work, inputs, ratioRuns);
  const direct = await measureDirect(work, inputs, ratioRuns);
  const web = await webSection(inputs.xlsx, inputs.warmXlsx, YEAR, direct.direct.seconds, issueSizes);
  const cli = await measureCli(work, inputs.csv, rows.csv);
  const docsResult = runChild("documents", ["--runs", "3", "--work", work], "文档：月度通报与报告（.docx，77 个单位），计算之外的用时（子进程，3 次取最好）…");
  const judgmentCli = runChild("judgment-cli", ["--rows", String(rows.csv), "--work", work], "工单研判：命令行导入同一 CSV，有无 10,000 条研判交替各 2 次…");
  const result = report({ rows, issueSizes, startedAt, loadAtStart, inputs, engineResult, ratio, direct, web, cli, docsResult, judgmentCli });
  const out = join(ROOT, "out", "bench.json");
  mkdirSync(join(ROOT, "out"), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  printTable(result, TARGET);
  log(`\n已写入 ${rel(out)}`);
  if (ratio.countsMatch === false) {
    log(`\n错误：npm run assess 写入 热线数据 的计数与 LibreOffice COUNTIFS 不一致：\n  ${ratio.comparison!.mismatches.slice(0, 20).join("\n  ")}`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
