/**
 * The documents' share of the CLI's time (issue 15: writing a 通报 or a 报告 for 77 units takes at most 0.5 s
 * beyond the computation). On a result workbook made from the sample ledger, each run opens it as the CLI does,
 * runs compute-all (the computation, timed as the baseline), then prepares and writes the 通报 and the 报告
 * (.docx bytes, as the CLI writes them); best of N. Prints one JSON line.
 *
 *   tsx scripts/bench/documents.ts [--runs 3] [--work DIR]
 */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { EXIT, main } from "../../src/cli/assess";
import { prepareDocuments } from "../../src/cli/documents";
import { writeDocx } from "../../src/documents/docx/write";
import { computeAll } from "../../src/workbook";
import { PackageWorkbookPort } from "../../src/workbook/adapters/package";
import { nodeFile } from "../../src/xlsx/node-file";

const ROOT = resolve(__dirname, "..", "..");
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};

async function once(workbook: string, output: string) {
  const port = await PackageWorkbookPort.open(await nodeFile(workbook));
  try {
    const t0 = performance.now();
    const computed = await computeAll(port);
    const t1 = performance.now();
    const prepared = await prepareDocuments({ bulletin: { year: 2021, month: 3 }, report: true }, {
      port, output, results: computed.results, summary: computed.summary, problems: computed.problems, ledgerProblemRows: 0,
    });
    if (!prepared.ok) throw new Error(prepared.message);
    const sizes: number[] = [];
    const times: number[] = [];
    for (const job of prepared.jobs) {
      const start = performance.now();
      sizes.push((await writeDocx(job.document)).length);
      times.push(performance.now() - start);
    }
    const t2 = performance.now();
    return { compute: (t1 - t0) / 1000, documents: (t2 - t1) / 1000, docx: times.map((t) => t / 1000), bytes: sizes, units: computed.summary.units };
  } finally {
    await port.close();
  }
}

async function run(): Promise<void> {
  const work = resolve(arg("work", join(ROOT, "out", "bench-work")));
  mkdirSync(work, { recursive: true });
  const workbook = join(work, "documents-input.xlsx");
  const io = { out: () => undefined, err: (l: string) => process.stderr.write(`${l}\n`) };
  const code = await main(["--ledger", join(ROOT, "samples", "ankang-2021-ledger.csv"), "--period", "2021", "-o", workbook], io);
  if (code !== EXIT.ok) throw new Error(`preparing ${workbook} failed (exit ${code})`);
  const runs = [];
  for (let i = 0; i < Number(arg("runs", "3")); i++) runs.push(await once(workbook, join(work, "documents.xlsx")));
  const best = runs.reduce((a, b) => (b.documents < a.documents ? b : a));
  process.stdout.write(`${JSON.stringify({ ...best, runs: runs.map((r) => ({ compute: r.compute, documents: r.documents })) })}\n`);
}

run().catch((error) => {
  console.error(error);
  process.exit(1);
});
