/**
 * Times reading + aggregating ledger files end to end and reports peak RSS.
 *   npx tsx scripts/bench-ledger-read.ts FILE [FILE …] [--period 2021]
 * Generate inputs with scripts/gen-ledger.ts (e.g. 200,000-row .xlsx, 1,000,000-row .csv under /tmp).
 */
import { parsePeriod } from "../src/ledger";
import { readLedgerFile } from "../src/ledger/node";
import { ruleSet } from "../src/engine";

const LEDGER_RULES = ruleSet();

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const periodAt = args.indexOf("--period");
  const period = parsePeriod(periodAt >= 0 ? args[periodAt + 1] : "2021");
  const files = args.filter((a, i) => !a.startsWith("--") && (periodAt < 0 || i !== periodAt + 1));
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  for (const file of files) {
    const started = process.hrtime.bigint();
    const result = await readLedgerFile(file, { rules: LEDGER_RULES });
    if (result.status !== "ok") throw new Error(result.message);
    const report = result.data.report(period);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    peak = Math.max(peak, process.memoryUsage().rss);
    const totals = result.data.totals(period);
    console.log(JSON.stringify({
      file,
      seconds: +seconds.toFixed(3),
      rowsRead: report.summary.rowsRead,
      rowsCounted: report.summary.rowsCounted,
      rowsWithProblems: report.summary.rowsWithProblems,
      totals,
      peakRssMB: Math.round(peak / 2 ** 20),
    }));
  }
  clearInterval(timer);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
