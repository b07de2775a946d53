/**
 * The 报告's plain input from a compute-all run: the official table's columns (without 扣分说明) as shown on
 * the page (rates in percent with the decimals of their band, deduction headers with their points), the
 * units in rank order, and each department's applicable and unfinished items.
 */
import { applies, bandDecimals, formatPoints, formatRate, rateRule, STATUS_TEXT, type RuleSet } from "../../engine";
import type { ReportDepartment, ReportInput, ReportUnit } from "../../documents/report";
import type { DocProblem, DocSettings } from "../../documents/params";
import type { ComputeResults } from "../compute";
import { RESULT_LABEL, SEQ_LABEL, resultColumns } from "../contract";
import { WMSG } from "../messages";
import type { CellValue } from "../port";
import { hotlineTableValues, rankOrder } from "../result-writers";

function shown(value: CellValue): string {
  if (value === null) return "—";
  return typeof value === "number" ? formatPoints(value) : String(value);
}

export interface ReportContext {
  readonly rules: RuleSet;
  readonly method: string;
  readonly pending: number;
  readonly problems: readonly DocProblem[];
  readonly settings: DocSettings;
  readonly date: string;
  /** False when 便民化考核 was not assessed in this run (a ledger without a workbook). */
  readonly approvalAssessed: boolean;
}

export function reportInput(results: ComputeResults, ctx: ReportContext): ReportInput {
  const { rules } = ctx;
  const ranked = rankOrder(results.units);
  const values = hotlineTableValues(ranked, rules);
  const columns = resultColumns(rules.hotline).filter((c) => c.label !== RESULT_LABEL.explanation);
  const header = columns.map((c) => (c.category ? c.label + WMSG.pointsSuffix(formatPoints(c.category.cap)) : c.label));
  const rows = ranked.map((u, i) => columns.map((c) => {
    if (c.label === SEQ_LABEL) return String(i + 1);
    const v = values[c.label][i];
    if (c.rateId !== undefined && typeof v === "number") return formatRate(v, bandDecimals(rateRule(rules.hotline, c.rateId), v, rules.hotline.comparison));
    return shown(v);
  }));
  const units: ReportUnit[] = ranked.map((u) => ({ name: u.name, score: u.score?.total ?? null, explanation: u.explanation }));
  const items = rules.approval.items.map((i) => i.no);
  const departments: ReportDepartment[] | null = !ctx.approvalAssessed ? null : results.departments.map((d) => ({
    name: d.name,
    items: items.filter((no) => applies(rules.approval, rules.registry, d.org, no)),
    failed: d.result ? [...new Set([...d.result.failed, ...d.result.late])].sort((a, b) => a - b) : [],
    // The veto result's own lines: an applicable item counted as 不涉及 (blank or written so) is to be checked.
    unconfirmed: (d.result?.lines ?? []).flatMap((l) => (l.category === "veto" && l.input === STATUS_TEXT.notApplicable && /^item\d+$/u.test(l.rule) ? [Number(l.rule.slice(4))] : [])),
    deduction: d.status === "judged" ? d.deduction ?? 0 : null,
    explanation: d.explanation,
  }));
  return {
    year: rules.year, method: ctx.method, table: { columns: header, rows }, units, departments,
    pending: ctx.pending, problems: ctx.problems, settings: ctx.settings, date: ctx.date,
  };
}
