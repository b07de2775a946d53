/**
 * Port-level entry points of the ledger import, for the task pane and the command line: one read of the
 * sheets involved, a pure plan (ledgerPlan / drillDownPlan), one apply.
 */
import type { RuleSet } from "../../engine";
import {
  LedgerData, LedgerError, aggregateLedger, arrayRows, parsePeriod, yearPeriod,
  type HeaderMapping, type ImportOptions, type ImportProgress, type Period, type RowBatch, type RowSource,
} from "../../ledger";
import { COMPUTE_READS, SHEET } from "../contract";
import type { Finding } from "../findings";
import { workbookMethod } from "../method";
import { MMSG } from "../messages";
import { chooseRuleSet } from "../params";
import type { Snapshots } from "../tables";
import type { SheetSnapshot, WorkbookPort } from "../port";
import { JUDGMENT_SHEET, LEDGER_SHEET } from "./contract";
import { drillDownPlan, type DrillDownOutput } from "./drill-down";
import { ledgerPlan, type LedgerImportSummary } from "./fill";
import type { MonthlyResults } from "./monthly";
import { readDecisionRegister } from "./judgment-register";
import { readLedgerSheet } from "./read-sheet";
import { readRememberedHeaders, rememberHeadersPlan } from "./remembered";
import { consentCovers, type ReplaceConsent, type TypedValue } from "./typed-values";

/**
 * Everything an import reads: the contract sheets, its own sheets (to replace their content), its record and
 * 工单研判 (whose fingerprint the record keeps).
 */
export const LEDGER_READS: readonly string[] = [
  ...COMPUTE_READS, LEDGER_SHEET.monthly, LEDGER_SHEET.problems, LEDGER_SHEET.mapping, LEDGER_SHEET.record, JUDGMENT_SHEET,
];

export interface ImportLedgerOptions {
  /** A Period or its text ("2021", "2021Q1", "2021-03"); default: the ledger's year with the most orders. */
  readonly period?: Period | string;
  /**
   * The user's new answers for unrecognized headers (header as written → column label or 忽略). They are
   * used together with the answers stored in the workbook (these win) and, when the import succeeds,
   * stored in the workbook (hidden sheet _工单列映射).
   */
  readonly remembered?: Readonly<Record<string, string>>;
  readonly onProgress?: (progress: ImportProgress) => void;
  /** The file name, for 参数 and 工单导入校验 (a sheet source names itself). */
  readonly sourceName?: string;
  /** Default: the rule set of the workbook's 考核年度. */
  readonly ruleSet?: RuleSet;
  /** The name of `ruleSet`'s method, for 月度考核 (default: the built-in method of its year). */
  readonly methodName?: string;
  /** Time of the import written to 参数 (default: now). */
  readonly now?: Date;
  /**
   * Consent to replace 热线数据 values no import wrote (typed by hand or changed since): true, or the list
   * of a "typedValues" result the user agreed to. Without it such values stop the import ("typedValues").
   */
  readonly replaceTyped?: ReplaceConsent;
}

export type ImportLedgerResult =
  | {
      readonly status: "ok";
      readonly summary: LedgerImportSummary;
      /** Ledger row problems (errors: the rows are not counted) and problems of the fill (warnings). */
      readonly findings: readonly Finding[];
      /** Keep it to change the period or to drill down without reading the ledger again. */
      readonly data: LedgerData;
      readonly period: Period;
      readonly monthly: MonthlyResults;
    }
  | {
      /** Required columns are missing: ask the user (offer mapping.unrecognized), then import again with `remembered`. */
      readonly status: "needsMapping";
      readonly mapping: HeaderMapping;
      /** Row of the header line in the source. */
      readonly headerRow: number;
      readonly message: string;
      /** The answers that were applied (stored ones and new ones). */
      readonly remembered: Readonly<Record<string, string>>;
    }
  | {
      /**
       * 热线数据 holds values no import wrote (typed by hand, or changed since the last import; every non-blank
       * value when the workbook has no import record): nothing is written. Ask the user, then import again
       * with `replaceTyped` (the same `data` avoids reading the ledger again).
       */
      readonly status: "typedValues";
      readonly typed: readonly TypedValue[];
      /** The workbook has an import record (without one, every non-blank value counts as typed). */
      readonly recorded: boolean;
      readonly data: LedgerData;
      readonly period: Period;
    }
  | {
      /** Not one order in the period (only a header, every row unreadable, another year): nothing is written. */
      readonly status: "noOrders";
      readonly data: LedgerData;
      readonly period: Period;
    };

/**
 * 导入工单: reads the ledger (unless `source` is an earlier import's LedgerData), fills 热线数据 for the period,
 * writes 月度考核 and 工单导入校验, records the source in 参数, what it wrote in _工单导入记录, and remembers new
 * header answers. It does not run compute-all. A ledger without an order in the period writes nothing
 * ("noOrders"), nor does one that would replace typed values without consent ("typedValues"). Throws LedgerError
 * (Chinese message) for an unreadable file or period text.
 */
export async function importLedger(port: WorkbookPort, source: RowSource | LedgerData, options: ImportLedgerOptions = {}): Promise<ImportLedgerResult> {
  // A bad period text fails before the ledger is read.
  const given = typeof options.period === "string" ? parsePeriod(options.period) : options.period;
  const snapshots = await port.read(LEDGER_READS);
  const stored = readRememberedHeaders(snapshots);
  const fresh = options.remembered ?? {};
  const remembered = { ...stored, ...fresh };
  // The workbook's method decides the units (承办单位 with 别名) and the callback rule before the ledger is counted.
  const { rules, label } = options.ruleSet ? { rules: options.ruleSet, label: options.methodName } : await methodRules(port, snapshots);
  // The assessment year of 参数 (the rule set's year), not the busiest year of the export: an export starting
  // in late December must not turn a 2021 assessment into a 2020 one.
  const period = given ?? yearPeriod(rules.year);
  const decisions = readDecisionRegister(snapshots);
  const judgment = judgmentOption(snapshots, period);
  let data: LedgerData;
  if (source instanceof LedgerData) data = source;
  else {
    const result = await aggregateLedger(source, {
      remembered, onProgress: options.onProgress, rules, judgment,
    });
    if (result.status === "needsMapping") {
      return { status: "needsMapping", mapping: result.mapping, headerRow: result.headerRow, message: result.message, remembered };
    }
    data = result.data;
  }
  // Zeros for every unit would score them all as facts of "0 orders".
  if (data.totals(period).工单总量 === 0) return { status: "noOrders", data, period };
  const out = ledgerPlan(snapshots, data, period, rules, {
    sourceName: options.sourceName, now: options.now, method: label, registerFindings: decisions.findings, periodDefaulted: given === undefined,
  });
  if (!consentCovers(options.replaceTyped, out.typed)) return { status: "typedValues", typed: out.typed, recorded: out.recorded, data, period };
  const changed = Object.entries(fresh).some(([header, column]) => stored[header] !== column);
  await port.apply(changed ? [...out.plan, ...rememberHeadersPlan(fresh, snapshots)] : out.plan);
  return { status: "ok", summary: out.summary, findings: out.findings, data, period, monthly: out.monthly };
}

/** The sheets judgmentOption reads (for a port.read before it). */
export const JUDGMENT_READS: readonly string[] = [SHEET.judgment, SHEET.params];

/**
 * 工单研判 as the ledger's aggregation applies it for `period` (spec I), undefined without a register: a reader
 * of a ledger file (the CLI, the task pane) passes it on, so that the decisions apply on every path. A year's
 * import must hold every judged order.
 */
export function judgmentOption(snapshots: Snapshots, period: Period): ImportOptions["judgment"] {
  const { register } = readDecisionRegister(snapshots);
  return register ? { register, scope: period.kind === "year" ? "year" : "part" } : undefined;
}

/**
 * The rules a ledger read outside importLedger (a file the task pane reads) is counted by: the workbook's method,
 * else the built-in one of 考核年度. Throws LedgerError (Chinese message) when the workbook's method is refused.
 */
export async function ledgerRules(port: WorkbookPort): Promise<RuleSet> {
  return (await methodRules(port, await port.read([SHEET.params]))).rules;
}

/** The workbook's method, else the built-in one of 考核年度; a refused method stops the import (LedgerError). */
async function methodRules(port: WorkbookPort, snapshots: ReadonlyMap<string, SheetSnapshot>): Promise<{ rules: RuleSet; label: string }> {
  const method = await workbookMethod(port, () => chooseRuleSet(snapshots));
  if (method.ok) return { rules: method.rules, label: method.label };
  const errors = method.problems.filter((p) => p.severity === "error");
  const first = errors[0];
  throw new LedgerError(MMSG.importRefused(`${first.sheet}${first.cell ? `!${first.cell}` : ""}：${first.message}`, errors.length));
}

/**
 * A 工单明细 sheet of the workbook (values as the port read them: dates are Excel serials) as a row source;
 * row numbers are the sheet's, so problems point at its cells.
 */
export function* ledgerFromSheet(snapshot: SheetSnapshot, batchSize = 10_000): Iterable<RowBatch> {
  // Formulas without a result (SheetSnapshot.uncalculated): unknown values, listed by the ledger as problems.
  const uncalculated = new Map<number, number[]>();
  for (const { row, col } of snapshot.uncalculated ?? []) uncalculated.set(row + 1, [...(uncalculated.get(row + 1) ?? []), col]);
  for (const batch of arrayRows(snapshot.values, 1, batchSize)) {
    const rows = uncalculated.size === 0 ? batch.rows
      : batch.rows.map((r) => (uncalculated.has(r.rowNumber) ? { ...r, uncalculated: uncalculated.get(r.rowNumber) } : r));
    yield { ...batch, rows, ...(batch.source ? { source: { ...batch.source, sheet: snapshot.name } } : {}) };
  }
}

/** 导入工单 from a sheet of the workbook (default 工单明细): read as readLedgerSheet reads it, then importLedger. */
export async function importLedgerSheet(port: WorkbookPort, options: ImportLedgerOptions & { readonly sheet?: string } = {}):
  Promise<ImportLedgerResult | { readonly status: "noSheet"; readonly sheet: string }> {
  const sheet = options.sheet ?? LEDGER_SHEET.ledger;
  const snapshot = await readLedgerSheet(port, { sheet, remembered: options.remembered });
  if (!snapshot) return { status: "noSheet", sheet };
  return importLedger(port, ledgerFromSheet(snapshot), options);
}

/** Writes 工单核查 for one unit and period (replacing the sheet's content). Throws LedgerError for a non-hotline name. */
export async function writeDrillDown(port: WorkbookPort, data: LedgerData, unit: string, period: Period | string,
  options: { readonly ruleSet?: RuleSet } = {}): Promise<Omit<DrillDownOutput, "plan">> {
  const p = typeof period === "string" ? parsePeriod(period) : period;
  const snapshots = await port.read([SHEET.params, LEDGER_SHEET.drillDown]);
  const rules = options.ruleSet ?? chooseRuleSet(snapshots);
  const { plan, ...out } = drillDownPlan(data, unit, p, rules, snapshots.get(LEDGER_SHEET.drillDown));
  await port.apply(plan);
  return out;
}
