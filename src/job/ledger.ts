/**
 * The ledger step of a run (the CLI's --ledger, the page's 工单明细): reads the export with the header answers
 * stored in the workbook and the user's new ones, fills 热线数据 for the period and writes the import's sheets
 * (and 工单核查 for a drill unit). The edge supplies how the file is read (a Node file, a browser File) and
 * formats the outcome; reading errors (LedgerError, XlsxError) pass through to it.
 */
import type { RuleSet } from "../engine";
import { yearPeriod, type HeaderMapping, type LedgerImport, type Period, type ReadLedgerOptions } from "../ledger";
import { SHEET } from "../workbook/contract";
import {
  JUDGMENT_READS, LEDGER_SHEET, importLedger, judgmentOption, readRememberedHeaders, writeDrillDown, type ImportLedgerResult, type ReplaceConsent,
} from "../workbook/ledger";
import { workbookMethod, type MethodProblem } from "../workbook/method";
import { chooseRuleSet } from "../workbook/params";
import type { WorkbookPort } from "../workbook/port";

export interface LedgerJob {
  /** The file's name without its folder (recorded in 参数 and 工单导入校验). */
  readonly sourceName: string;
  /** Reads the export with these options (the edge adds its file, limits and progress). */
  readonly read: (options: ReadLedgerOptions) => Promise<LedgerImport>;
  /** Undefined: the assessment year of 参数. */
  readonly period?: Period;
  /** New answers for unrecognized headers: header as written → ledger column (or 忽略). */
  readonly map?: Readonly<Record<string, string>>;
  /** Unit whose 工单核查 is written. */
  readonly drill?: string;
  /** Consent to replace 热线数据 values no import wrote (spec I): true, or the list the user agreed to. */
  readonly replaceTyped?: ReplaceConsent;
}

export type LedgerStep =
  /** The workbook's own method is refused: nothing imported (compute-all lists its problems in 校验). */
  | { readonly status: "methodRefused"; readonly errors: readonly MethodProblem[] }
  | { readonly status: "unknownDrill"; readonly unit: string }
  /** Required columns missing: ask (mapping.unrecognized, mapping.missing) and run again with `map`. */
  | { readonly status: "needsMapping"; readonly message: string; readonly mapping: HeaderMapping }
  | Extract<ImportLedgerResult, { status: "noOrders" }>
  /** 热线数据 holds values no import wrote: nothing written; ask, then run again with `replaceTyped`. */
  | Extract<ImportLedgerResult, { status: "typedValues" }>
  | (Extract<ImportLedgerResult, { status: "ok" }> & { readonly drill?: { readonly unit: string; readonly rows: number } });

/**
 * Imports the ledger into `port`. The units, aliases and callback rule are those of `given` (a method file),
 * else of the workbook's own method.
 */
export async function importLedgerStep(port: WorkbookPort, job: LedgerJob, given?: { readonly rules: RuleSet; readonly label: string }): Promise<LedgerStep> {
  const snapshots = await port.read([SHEET.params, LEDGER_SHEET.mapping, ...JUDGMENT_READS]);
  let rules = given?.rules;
  let label = given?.label;
  if (!rules) {
    const own = await workbookMethod(port, () => chooseRuleSet(snapshots));
    if (!own.ok) return { status: "methodRefused", errors: own.problems.filter((p) => p.severity === "error") };
    rules = own.rules;
    label = own.label;
  }
  if (job.drill !== undefined && !rules.registry.resolve(job.drill)?.hotline) return { status: "unknownDrill", unit: job.drill };
  const remembered = { ...readRememberedHeaders(snapshots), ...job.map };
  // 工单研判's decisions apply as the file is counted (spec I), for the period importLedger fills.
  const judgment = judgmentOption(snapshots, job.period ?? yearPeriod(rules.year));
  const read = await job.read({ remembered, rules, judgment });
  if (read.status === "needsMapping") return { status: "needsMapping", message: read.message, mapping: read.mapping };
  const imported = await importLedger(port, read.data, {
    period: job.period, remembered: job.map, sourceName: job.sourceName, ruleSet: rules, methodName: label, replaceTyped: job.replaceTyped,
  });
  // importLedger's rules: a ledger without a single order in the period fills nothing (zeros would score every
  // unit 100), nor does one that would replace typed values without consent.
  if (imported.status === "noOrders" || imported.status === "typedValues") return imported;
  if (imported.status !== "ok") throw new Error(`importLedger: ${imported.status} for a ledger already read`);
  if (job.drill === undefined) return imported;
  const drill = await writeDrillDown(port, imported.data, job.drill, imported.period, { ruleSet: rules });
  return { ...imported, drill: { unit: drill.drill.unit.name, rows: drill.rows } };
}
