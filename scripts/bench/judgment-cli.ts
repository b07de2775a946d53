/**
 * 工单研判 through the command (issue 14, speed): the built CLI (node build/assess.cjs) imports the same ledger
 * into two workbooks made from the same blank template, one with an empty 工单研判 and one holding 10,000
 * decisions on orders of that ledger (every 研判事项, mostly 成立, some 待定). The two runs alternate and the best
 * of each counts; the ratio is the time with decisions over the time without (target: at most 1.10).
 *
 *   node --import tsx scripts/bench/judgment-cli.ts --rows 1000000 --work out/bench-work [--runs 2]
 *
 * The last line of stdout is the JSON result.
 */
import { existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { JUDGMENT_KINDS } from "../../src/ledger";
import { generateLedger, writeLedgerCsv, type GenerateOptions } from "../gen-ledger";
import { directArgs } from "./fixed-cost";
import { runCommand } from "./run";

const ROOT = resolve(__dirname, "..", "..");
const DECISIONS = 10_000;
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};

/** 10,000 decision rows on distinct orders of the generated ledger, spread over it. */
function decisionRows(options: GenerateOptions): (string | null)[][] {
  const step = Math.max(1, Math.floor(options.rows / (DECISIONS * 1.2)));
  const seen = new Set<string>();
  const lastOfUnit = new Map<string, string>();
  const rows: (string | null)[][] = [];
  let i = 0;
  for (const order of generateLedger(options)) {
    if (rows.length >= DECISIONS) break;
    if (i++ % step !== 0 || order.duplicate || !order.official || seen.has(order.id)) continue;
    const kind = JUDGMENT_KINDS[rows.length % JUDGMENT_KINDS.length];
    const parent = lastOfUnit.get(order.unit);
    lastOfUnit.set(order.unit, order.id);
    if (kind === "重复工单" && !parent) continue;
    seen.add(order.id);
    const correction = kind === "回访更正" ? "满意" : kind === "重复工单" ? parent! : null;
    const conclusion = rows.length % 5 === 4 ? "待定" : "成立";
    rows.push([order.id, null, kind, correction, conclusion, "2022-01-06", conclusion === "待定" ? null : "2022-01-08", "基准测试", null, null]);
  }
  return rows;
}

async function withDecisions(template: string, out: string, rows: (string | null)[][]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(template);
  const sheet = workbook.getWorksheet("工单研判");
  if (!sheet) throw new Error(`${template} has no 工单研判`);
  let header = 1;
  while (header < 10 && sheet.getRow(header).getCell(1).value !== "工单编号") header++;
  rows.forEach((cells, k) => sheet.getRow(header + 1 + k).values = cells);
  await workbook.xlsx.writeFile(out);
}

async function main() {
  const rows = Number(arg("rows", "1000000"));
  const runs = Number(arg("runs", "2"));
  const work = resolve(arg("work", "out/bench-work"));
  mkdirSync(work, { recursive: true });
  const options: GenerateOptions = { rows, seed: 2021, year: 2021 };
  const csv = join(work, `ledger-${rows}.csv`);
  if (!existsSync(csv)) await writeLedgerCsv(csv, options);
  const plain = join(work, "judgment-plain.xlsx");
  const judged = join(work, "judgment-10000.xlsx");
  const template = await runCommand(process.execPath, directArgs(ROOT, ["--template", "-o", plain, "--force"]), { cwd: ROOT, logFile: join(work, "judgment-template.log") });
  if (template.exitCode !== 0) throw new Error(`--template failed; see ${join(work, "judgment-template.log")}`);
  const decisions = decisionRows(options);
  await withDecisions(plain, judged, decisions);

  const times: Record<"plain" | "judged", number[]> = { plain: [], judged: [] };
  for (let r = 0; r < runs; r++) {
    for (const [side, input] of [["plain", plain], ["judged", judged]] as const) {
      const out = join(work, `judgment-${side}-out-${r}.xlsx`);
      const run = await runCommand(process.execPath, directArgs(ROOT, [input, "--ledger", csv, "--period", "2021", "-o", out, "--force"]), {
        cwd: ROOT, logFile: join(work, `judgment-${side}.log`),
      });
      if (run.exitCode !== 0 && run.exitCode !== 1) throw new Error(`${side} run exited ${run.exitCode}; see ${join(work, `judgment-${side}.log`)}`);
      times[side].push(run.seconds);
    }
  }
  const best = (xs: number[]) => Math.min(...xs);
  const round = (x: number) => +x.toFixed(3);
  process.stdout.write(`${JSON.stringify({
    rows, decisions: decisions.length,
    plain: { seconds: round(best(times.plain)), runs: times.plain.map(round) },
    judged: { seconds: round(best(times.judged)), runs: times.judged.map(round) },
    ratio: round(best(times.judged) / best(times.plain)),
  })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
