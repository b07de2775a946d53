/**
 * 全部计算 (compute-all), used by the task pane and the command line alike: one read of the contract sheets,
 * a pure `computePlan` (validate with the engine's parsers, score with the engine), one apply of the plan.
 * It writes only 12345热线考核表, 校验 and the 扣分 / 扣分说明 columns of 便民化考核.
 */
import { ruleSet as defaultRuleSet, type Organization, type RuleSet } from "../engine";
import { COMPUTE_READS, LABEL, SHEET, sheetSpec } from "./contract";
import { Findings, countBySeverity, sortFindings, type Finding } from "./findings";
import { LEDGER_WMSG, MMSG, WMSG } from "./messages";
import { BUILT_IN_LABEL, methodFindings, workbookMethod, type MethodProblem } from "./method";
import { assessApproval, type DepartmentOutcome } from "./inputs/approval";
import { readHotlineData } from "./inputs/hotline-data";
import { readRegister } from "./inputs/registers";
import { readUnits } from "./inputs/units";
import { scoreUnits, type UnitOutcome } from "./hotline-scores";
import { JUDGMENT_SHEET, LEDGER_SHEET } from "./ledger/contract";
import { judgmentChangedSinceImport } from "./ledger/import-record";
import { openLedgerProblems, withLedgerNotes } from "./ledger/open-problems";
import { pendingCount, pendingTotals, withJudgmentNotes } from "./ledger/judgment-notes";
import { readJudgmentSummary } from "./ledger/judgment-summary";
import { chooseRuleSet, readParameters } from "./params";
import type { WorkbookPort, WriteOp, WritePlan } from "./port";
import { writeApprovalColumns, writeChecks, writeHotlineTable } from "./result-writers";
import { findHeader, usedHeight, usedWidth, type Snapshots } from "./tables";

export interface RankedUnit {
  readonly name: string;
  readonly total: number;
  readonly rank: number;
}

export interface ComputeSummary {
  /** The method that produced the results: 办法名称 (or 考核年度) of the workbook's method, or 内置2021年度办法. */
  readonly method: string;
  readonly year: number;
  readonly months: number;
  /** Rows of 承办单位 (units to score). */
  readonly units: number;
  readonly unitsScored: number;
  /** Units not scored: unitsMissing of them 缺少数据，未计分, the others 数据有误，未计分. */
  readonly unitsMarked: number;
  readonly unitsMissing: number;
  readonly departments: number;
  readonly departmentsJudged: number;
  /** Departments that lose the 0.5 points. */
  readonly departmentsVetoed: number;
  readonly departmentsMarked: number;
  readonly errors: number;
  readonly warnings: number;
  /** Informational 校验 rows (late evidence). */
  readonly infos: number;
  /** The three best and the three lowest scored units (fewer when fewer are scored). */
  readonly top: readonly RankedUnit[];
  readonly bottom: readonly RankedUnit[];
}

export interface ComputeResults {
  readonly units: readonly UnitOutcome[];
  readonly departments: readonly DepartmentOutcome[];
  /** The rule set that scored them; absent when the method was refused and nothing was scored. */
  readonly rules?: RuleSet;
}

export interface ComputeOutput {
  readonly plan: WritePlan;
  readonly summary: ComputeSummary;
  /** Every 校验 row, sorted by sheet then row (errors, warnings and informational rows). */
  readonly problems: readonly Finding[];
  readonly results: ComputeResults;
}

export interface ComputeOptions {
  /** Default: the rule set of the workbook's 考核年度 (参数), else the current one. */
  readonly ruleSet?: RuleSet;
  /** A method read from elsewhere (the CLI's --method): it scores the workbook in place of the workbook's own. */
  readonly method?: MethodUsed & { readonly rules: RuleSet };
  /** Time of the run, shown in the result's title row when 校验 is clean (default: now). */
  readonly now?: Date;
  /** Progress for long runs: a Chinese step text and a fraction 0..1. */
  readonly onProgress?: (message: string, fraction: number) => void;
}

/** The method the results came from: its label and its warnings (unknown 参数 rows …). */
export interface MethodUsed {
  readonly label: string;
  readonly problems: readonly MethodProblem[];
}

/** Pure: the plan, summary, problems and results of compute-all over snapshots of the contract sheets. */
export function computePlan(
  snapshots: Snapshots, rules: RuleSet = defaultRuleSet(), now: Date = new Date(), method?: MethodUsed,
): ComputeOutput {
  const findings = new Findings();
  for (const f of methodFindings(method?.problems ?? [])) findings.add(f);
  const errors = new Set<Organization>();
  const { params, allBlocked, hotlineBlocked } = readParameters(snapshots, rules, findings);
  const unitsRead = readUnits(snapshots, rules, findings, errors);
  const unitSet = new Set(unitsRead.units.flatMap((u) => (u.org ? [u.org] : [])));
  const data = readHotlineData(snapshots, rules.registry, unitSet, findings, errors);
  const register = (sheet: typeof SHEET.deductions | typeof SHEET.bonuses, cases: RuleSet["hotline"]["cases"]) =>
    readRegister(snapshots, sheet, cases, rules.registry, unitSet, params.year, findings, errors);
  const deductions = register(SHEET.deductions, rules.hotline.cases);
  const bonuses = register(SHEET.bonuses, rules.hotline.bonus.cases);
  const blocked = allBlocked || hotlineBlocked || unitsRead.blocked || data.blocked || deductions.blocked || bonuses.blocked;
  const inputs = { units: unitsRead.units, data, deductions, bonuses, params, errors, blocked };
  const scored = scoreUnits(rules, inputs, findings);
  const approval = assessApproval(snapshots, rules, allBlocked, findings);
  // The last ledger import's problems stay open until a clean import replaces 工单导入校验 (spec E).
  const ledger = openLedgerProblems(snapshots.get(LEDGER_SHEET.problems), rules.registry);
  for (const f of ledger.findings) findings.add(f);
  // 热线数据 holds the counts of the last import: decisions changed since are not in them yet (spec I).
  const judgmentChanged = judgmentChangedSinceImport(snapshots);
  if (judgmentChanged) findings.add({ severity: "error", code: "judgmentChanged", sheet: JUDGMENT_SHEET, message: LEDGER_WMSG.judgmentChanged });
  // 工单研判 as the last import applied it (研判汇总): decisions and counts before/after, pending scores (spec I).
  const judged = readJudgmentSummary(snapshots.get(SHEET.judgmentSummary), rules.registry);
  const units = withJudgmentNotes(withLedgerNotes(scored, ledger), judged, pendingTotals(rules, inputs, judged));
  const problems = findings.sorted();
  const errorCount = countBySeverity(problems).error;
  const pending = pendingCount(judged);
  const draft = judgmentChanged ? LEDGER_WMSG.judgmentChangedDraft(errorCount)
    : ledger.count > 0 ? LEDGER_WMSG.draft(errorCount, ledger.count)
      : errorCount > 0 ? WMSG.draft(errorCount) : WMSG.checked(localMinute(now));
  const status = [draft, ...(pending > 0 ? [LEDGER_WMSG.pendingTitle(pending)] : [])].join("；");

  const label = method?.label ?? BUILT_IN_LABEL(rules.year);
  const plan: WritePlan = [
    ...writeHotlineTable(snapshots.get(SHEET.result), units, rules, label, status),
    ...(approval.table ? writeApprovalColumns(approval.table, approval.rows, label) : []),
    ...writeChecks(snapshots.get(SHEET.checks), problems, label),
  ];
  const summary = { method: label, ...summarize(rules, params, units, approval.departments, problems) };
  return { plan, summary, problems, results: { units, departments: approval.departments, rules } };
}

/** "2021-12-31 09:05" in local time. */
function localMinute(date: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())} ${p(date.getHours())}:${p(date.getMinutes())}`;
}

function summarize(
  rules: RuleSet, params: { year: number; months: number }, units: readonly UnitOutcome[],
  departments: readonly DepartmentOutcome[], problems: readonly Finding[],
): Omit<ComputeSummary, "method"> {
  const scored = units.filter((u) => u.score && u.rank !== undefined)
    .map((u) => ({ name: u.name, total: u.score?.total as number, rank: u.rank as number }));
  const byRank = [...scored].sort((a, b) => a.rank - b.rank);
  const counts = countBySeverity(problems);
  const judged = departments.filter((d) => d.status === "judged");
  return {
    year: params.year, months: params.months,
    units: units.length, unitsScored: scored.length, unitsMarked: units.length - scored.length,
    unitsMissing: units.filter((u) => !u.score && u.missingData).length,
    departments: departments.length, departmentsJudged: judged.length,
    departmentsVetoed: judged.filter((d) => (d.deduction ?? 0) > 0).length,
    departmentsMarked: departments.length - judged.length,
    errors: counts.error, warnings: counts.warning, infos: counts.info,
    top: byRank.slice(0, 3),
    bottom: byRank.slice(-3).reverse(),
  };
}

/**
 * The workbook's method (spec G) when it carries one, else the built-in method of 考核年度. A method that fails
 * a check writes only 校验 and scores nothing: a wrong method must never produce scores.
 */
async function planWithMethod(port: WorkbookPort, snapshots: Snapshots, given?: RuleSet, now?: Date, from?: ComputeOptions["method"]): Promise<ComputeOutput> {
  if (given) return computePlan(snapshots, given, now);
  if (from) return computePlan(snapshots, from.rules, now, from);
  const method = await workbookMethod(port, () => chooseRuleSet(snapshots));
  if (method.ok) return computePlan(snapshots, method.rules, now, method);
  const problems = sortFindings(methodFindings(method.problems));
  const counts = countBySeverity(problems);
  return {
    plan: [...clearedResults(snapshots), ...writeChecks(snapshots.get(SHEET.checks), problems, MMSG.refused)],
    problems, results: { units: [], departments: [] },
    summary: {
      method: MMSG.refused, year: defaultRuleSet().year, months: defaultRuleSet().hotline.months, units: 0, unitsScored: 0, unitsMarked: 0, unitsMissing: 0, departments: 0, departmentsJudged: 0,
      departmentsVetoed: 0, departmentsMarked: 0, errors: counts.error, warnings: counts.warning, infos: counts.info, top: [], bottom: [],
    },
  };
}

/**
 * A refused method scores nothing, so the scores of an earlier run must not stay on show as if they were its
 * results: 12345热线考核表 keeps its title row and header, says why it is empty, and 便民化考核's 扣分/扣分说明 are
 * emptied.
 */
function clearedResults(snapshots: Snapshots): WritePlan {
  const plan: WriteOp[] = [];
  // Only the rows under the header: the table keeps the shape of the method that wrote it.
  const result = snapshots.get(SHEET.result);
  const table = result ? findHeader(result, sheetSpec(SHEET.result)) : undefined;
  if (result && table) {
    const first = table.row + 1;
    const rows = usedHeight(result) - first;
    if (rows > 0) plan.push({ kind: "clear", range: { sheet: SHEET.result, row: first, col: 0, rows, cols: usedWidth(result) } });
    if (table.row > 0) plan.push({ kind: "values", sheet: SHEET.result, row: 0, col: 0, values: [[MMSG.notScored]] });
  }
  const approval = snapshots.get(SHEET.approval);
  const spec = sheetSpec(SHEET.approval);
  const header = approval ? findHeader(approval, spec) : undefined;
  if (approval && header?.columns.has(LABEL.deduction) && header.columns.has(LABEL.explanation)) {
    plan.push(...writeApprovalColumns({ snapshot: approval, spec }, [], MMSG.refused));
  }
  return plan;
}

/** 全部计算 through a port: one read, one apply. */
export async function computeAll(port: WorkbookPort, options: ComputeOptions = {}): Promise<Omit<ComputeOutput, "plan">> {
  const progress = options.onProgress ?? (() => undefined);
  progress(WMSG.progress.read, 0);
  const snapshots = await port.read([...COMPUTE_READS, LEDGER_SHEET.problems, LEDGER_SHEET.record, JUDGMENT_SHEET]);
  progress(WMSG.progress.compute, 0.3);
  const { plan, ...output } = await planWithMethod(port, snapshots, options.ruleSet, options.now, options.method);
  progress(WMSG.progress.write, 0.6);
  await port.apply(plan);
  progress(WMSG.progress.done, 1);
  return output;
}
