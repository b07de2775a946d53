/**
 * The engine alone: aggregating and scoring N generated orders for the 77 hotline units × 12 months.
 * Run by scripts/bench.ts in a child process started with --expose-gc, so each timed run starts
 * from a collected heap; prints one JSON object on stdout.
 *
 *   node --expose-gc --import tsx scripts/bench/engine.ts [--rows 1000000] [--runs 3] [--seed 2021]
 *
 * Input (not timed): the generated rows as the .xlsx reader hands them to LedgerAggregator.add —
 * text cells are strings (one string per distinct shared string, as the reader gives), dates are
 * Excel serial numbers, blank cells are absent.
 * Timed, best of `runs`:
 *   engine    new LedgerAggregator → add() every row → finish() → scoreUnit for each unit and month;
 *   baseline  a plain loop over the same rows that only counts rows per unit (a Map from the unit
 *             cell, spellings resolved beforehand, to an index; one increment), the least any
 *             aggregation must do;
 *   typedCore the counting core alone (aggregateOrders over already-parsed orders in typed arrays)
 *             plus the same scoring: what parsing, checking and duplicate detection add on top;
 *   judged    the engine run with a 10,000-row 工单研判 register (spec I: every 研判事项, 成立 and 待定,
 *             some ids not in the ledger) applied to the same rows; judgedRatio = judged / engine
 *             (issue 14's target: at most 1.10).
 */
import { rateInputs, ruleSet, scoreUnit, type HotlineRuleSet } from "../../src/engine";
import { REGISTRY_2021 } from "../../src/engine/registry";
import {
  aggregateOrders, DECISION_COLUMNS, JUDGMENT_KINDS, LedgerAggregator, LEDGER_COLUMNS, mapHeaders, type DecisionRegister, type LedgerCell, type LedgerData,
  type ParsedOrders,
} from "../../src/ledger";
import { CALLBACK_RESULTS, type Callback } from "../../src/ledger/values";
import { generateLedger } from "../gen-ledger";

const LEDGER_RULES = ruleSet();

interface Args {
  readonly rows: number;
  readonly runs: number;
  readonly seed: number;
  readonly year: number;
}

function parseArgs(argv: string[]): Args {
  const get = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  return { rows: get("rows", 1_000_000), runs: get("runs", 3), seed: get("seed", 2021), year: get("year", 2021) };
}

const gc = (globalThis as { gc?: () => void }).gc;
const now = () => Number(process.hrtime.bigint()) / 1e9;

/** Best of `runs` timings of `f` (each after a full collection when --expose-gc is given). */
function best<T>(runs: number, f: () => T): { seconds: number; runs: number[]; result: T } {
  const times: number[] = [];
  let result: T | undefined;
  for (let r = 0; r < runs; r++) {
    gc?.();
    const started = now();
    result = f();
    times.push(now() - started);
  }
  return { seconds: Math.min(...times), runs: times.map((t) => +t.toFixed(4)), result: result as T };
}

/** scoreUnit for every unit and month of `year`, as the workbook's hotline scoring calls it. */
function scoreMonths(data: LedgerData, rules: HotlineRuleSet, year: number): { calls: number; checksum: number } {
  let calls = 0;
  let checksum = 0;
  for (const month of data.monthly(year)) {
    month.rows.forEach((c, u) => {
      const score = scoreUnit(rules, {
        type: data.units[u].type,
        rates: rateInputs(rules, c),
        cases: {},
        bonusCases: {},
        monthlyAverage: c.月均办件量,
      });
      calls++;
      checksum += score.total;
    });
  }
  return { calls, checksum };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const rules = ruleSet(args.year).hotline;
  const units = REGISTRY_2021.hotlineUnits();
  const unitIndex = new Map(units.map((u, i) => [u.name, i]));

  // Input, not timed.
  const generated = now();
  const shared = new Map<string, string>();
  const text = (s: string) => {
    let t = shared.get(s);
    if (t === undefined) shared.set(s, (t = s));
    return t;
  };
  const serial = (t: number) => (Number.isNaN(t) ? undefined : t / 86400 + 25569);
  const rows: LedgerCell[][] = [];
  const parsed = {
    unit: new Int32Array(args.rows), dispatched: new Float64Array(args.rows), deadline: new Float64Array(args.rows),
    closed: new Float64Array(args.rows), returned: new Uint8Array(args.rows), extended: new Uint8Array(args.rows),
    callback: new Uint8Array(args.rows), id: [] as string[],
  };
  let n = 0;
  for (const o of generateLedger({ rows: args.rows, seed: args.seed, year: args.year, aliasShare: 0.1 })) {
    const row: LedgerCell[] = [o.id, text(o.unit), serial(o.dispatched), serial(o.deadline)];
    if (!Number.isNaN(o.closed)) row[4] = serial(o.closed);
    row[5] = text(o.returned ? "是" : "否");
    row[6] = text(o.extended ? "是" : "否");
    if (!(o.callback === "未回访" && Number.isNaN(o.closed))) row[7] = text(o.callback);
    rows.push(row);
    parsed.unit[n] = unitIndex.get(o.official!)!;
    parsed.dispatched[n] = o.dispatched;
    parsed.deadline[n] = o.deadline;
    parsed.closed[n] = o.closed;
    parsed.returned[n] = o.returned ? 1 : 0;
    parsed.extended[n] = o.extended ? 1 : 0;
    parsed.callback[n] = CALLBACK_RESULTS.indexOf(o.callback);
    parsed.id.push(o.id);
    n++;
  }
  const orders: ParsedOrders = { length: n, ...parsed, callback: parsed.callback as unknown as readonly Callback[] };
  const generationSeconds = now() - generated;
  const mapping = mapHeaders([...LEDGER_COLUMNS]);

  const engine = best(args.runs, () => {
    const aggregator = new LedgerAggregator(mapping, { rules: LEDGER_RULES });
    for (let i = 0; i < rows.length; i++) aggregator.add(rows[i], i + 2);
    const data = aggregator.finish();
    return { data, ...scoreMonths(data, rules, args.year) };
  });

  // The baseline's lookup table: every unit spelling in the input (aliases, padded names) to its index,
  // resolved beforehand, so the timed loop is one Map lookup and one increment per row.
  const unitOfCell = new Map<string, number>();
  for (const spelling of shared.keys()) {
    const org = REGISTRY_2021.resolve(spelling);
    if (org?.hotline) unitOfCell.set(spelling, unitIndex.get(org.name)!);
  }
  const baseline = best(args.runs, () => {
    const counts = new Int32Array(units.length);
    for (let i = 0; i < rows.length; i++) {
      const u = unitOfCell.get(rows[i][1] as string);
      if (u !== undefined) counts[u]++;
    }
    return counts.reduce((a, b) => a + b, 0);
  });

  const typedCore = best(args.runs, () => {
    const data = aggregateOrders(orders, LEDGER_RULES);
    return { data, ...scoreMonths(data, rules, args.year) };
  });

  const register = decisionRegister(parsed.id, args.seed);
  const judged = best(args.runs, () => {
    const aggregator = new LedgerAggregator(mapping, { rules: LEDGER_RULES, judgment: { register } });
    for (let i = 0; i < rows.length; i++) aggregator.add(rows[i], i + 2);
    const data = aggregator.finish();
    return { data, ...scoreMonths(data, rules, args.year) };
  });

  const summary = engine.result.data.summary;
  const total = engine.result.data.totals({ kind: "year", year: args.year, firstMonth: 1, months: 12, label: "", name: "" });
  console.log(JSON.stringify({
    orders: n,
    units: units.length,
    months: 12,
    scoreUnitCalls: engine.result.calls,
    rowsCounted: summary.rowsCounted,
    problems: summary.problemCount,
    yearTotals: total,
    sameAsTypedCore: JSON.stringify(typedCore.result.data.counts({ kind: "year", year: args.year, firstMonth: 1, months: 12, label: "", name: "" }))
      === JSON.stringify(engine.result.data.counts({ kind: "year", year: args.year, firstMonth: 1, months: 12, label: "", name: "" })),
    inputGenerationSeconds: +generationSeconds.toFixed(2),
    gcBetweenRuns: gc !== undefined,
    seconds: +engine.seconds.toFixed(4),
    runs: engine.runs,
    baseline: { seconds: +baseline.seconds.toFixed(4), runs: baseline.runs, rowsCounted: baseline.result },
    typedCore: { seconds: +typedCore.seconds.toFixed(4), runs: typedCore.runs },
    judged: {
      decisions: register.rows.length, applied: judged.result.data.judgment?.outcome.decisions.filter((d) => d.applied).length ?? 0,
      problems: judged.result.data.judgment?.outcome.problems.length ?? 0,
      seconds: +judged.seconds.toFixed(4), runs: judged.runs, ratio: +(judged.seconds / engine.seconds).toFixed(3),
    },
  }));
}

/**
 * 10,000 工单研判 rows on ids of the ledger (a few not in it), every 研判事项 in turn, 成立 and 待定 mixed; 重复工单
 * merges into the order next to it (often another unit's: an error, listed). Not timed.
 */
function decisionRegister(ids: readonly string[], seed: number): DecisionRegister {
  const columns = Object.fromEntries(DECISION_COLUMNS.map((c, i) => [c, i]));
  let state = seed >>> 0;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const rows = Array.from({ length: 10_000 }, (_, i) => {
    const at = Math.floor(next() * ids.length);
    const kind = JUDGMENT_KINDS[i % JUDGMENT_KINDS.length];
    const id = i % 500 === 0 ? `NOT-IN-LEDGER-${i}` : ids[at];
    const correction = kind === "回访更正" ? "满意" : kind === "重复工单" ? ids[(at + 1) % ids.length] : null;
    const cells: LedgerCell[] = [id, null, kind, correction, i % 4 === 0 ? "待定" : "成立", "2021-06-01", "2021-06-05", null, null, null];
    return { row: i + 3, cells };
  });
  return { columns, rows };
}

main();
