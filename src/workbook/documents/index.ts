/**
 * The documents of spec J from a workbook: the 月度通报 of a month of 月度考核 and the 报告 of a compute-all
 * run, as plain document models (src/documents builds them; the hosts write the .docx and the sheet).
 */
import { buildBulletin, type Bulletin, type MonthRow } from "../../documents/bulletin";
import { bulletinDocument } from "../../documents/bulletin-document";
import { DOC_ERR, DOC_MSG } from "../../documents/messages";
import type { DocModel } from "../../documents/model";
import { signDate, type DocProblem } from "../../documents/params";
import { reportDocument, reportDraft } from "../../documents/report";
import type { RuleSet } from "../../engine";
import type { ComputeResults } from "../compute";
import { SHEET } from "../contract";
import { LEDGER_SHEET } from "../ledger/contract";
import { judgmentChangedSinceImport } from "../ledger/import-record";
import { LEDGER_WMSG } from "../messages";
import type { Snapshots } from "../tables";
import { JUDGMENT_SHEET, monthsHeld, pendingDecisions, readDocParams, readMonthly } from "./read";
import { reportInput } from "./report-input";

export { BULLETIN_SHEET, bulletinSheetOps } from "./bulletin-sheet";
export { JUDGMENT_SHEET, openChecks } from "./read";

/** The sheets the documents read. */
export const DOCUMENT_READS: readonly string[] = [LEDGER_SHEET.monthly, SHEET.params, JUDGMENT_SHEET, LEDGER_SHEET.record];

export interface Month {
  readonly year: number;
  readonly month: number;
}

/** "2021-03" (or 2021-3) → the month; undefined when it is not one. */
export function parseMonth(text: string): Month | undefined {
  const m = /^\s*(\d{4})-(\d{1,2})\s*$/u.exec(text);
  const month = m ? Number(m[2]) : 0;
  return m && month >= 1 && month <= 12 ? { year: Number(m[1]), month } : undefined;
}

const key = (m: Month) => `${m.year}-${String(m.month).padStart(2, "0")}`;
const named = (k: string) => DOC_MSG.monthName(Number(k.slice(0, 4)), Number(k.slice(5)));

/** The months (in calendar order) a 通报 can be made for, or why there is none. */
export function monthsOf(snapshots: Snapshots): { ok: true; months: Month[] } | { ok: false; message: string } {
  const monthly = readMonthly(snapshots.get(LEDGER_SHEET.monthly));
  if (!monthly) return { ok: false, message: DOC_ERR.noMonthly };
  const held = monthsHeld(monthly);
  if (held.length === 0) return { ok: false, message: DOC_ERR.noMonthsHeld };
  return { ok: true, months: held.map((k) => ({ year: Number(k.slice(0, 4)), month: Number(k.slice(5)) })) };
}

export type BulletinOutcome =
  /** `warnings`: bad 参数 values of the documents (the default is used; 校验 lists them as warnings). */
  | { readonly ok: true; readonly bulletin: Bulletin; readonly document: DocModel; readonly warnings: readonly DocProblem[] }
  | { readonly ok: false; readonly message: string };

export interface DocumentOptions {
  /** Open problems of the run (校验 errors …): any makes the document a 草稿. */
  readonly openProblems: readonly DocProblem[];
  /** The day the document is written (落款 when 参数 通报日期 is blank). */
  readonly today: Date;
}

/**
 * 月度考核 holds the counts and pending decisions of the last import: a 工单研判 changed since is not in them
 * (spec I), an open problem unless 校验 already lists it.
 */
function judgmentProblems(snapshots: Snapshots, open: readonly DocProblem[]): DocProblem[] {
  if (!judgmentChangedSinceImport(snapshots) || open.some((p) => p.message === LEDGER_WMSG.judgmentChanged)) return [];
  return [{ sheet: JUDGMENT_SHEET, message: LEDGER_WMSG.judgmentChanged, listedIn: JUDGMENT_SHEET }];
}

/** The 月度通报 of `month`, or why there is none (the months 月度考核 holds). */
export function bulletinFrom(snapshots: Snapshots, month: Month, options: DocumentOptions): BulletinOutcome {
  const monthly = readMonthly(snapshots.get(LEDGER_SHEET.monthly));
  if (!monthly) return { ok: false, message: DOC_ERR.noMonthly };
  const held = monthsHeld(monthly);
  if (!held.includes(key(month))) return { ok: false, message: DOC_ERR.monthNotHeld(DOC_MSG.monthName(month.year, month.month), held.map(named)) };
  const before: Month = month.month === 1 ? { year: month.year - 1, month: 12 } : { year: month.year, month: month.month - 1 };
  const { settings, problems: warnings } = readDocParams(snapshots.get(SHEET.params));
  const previous: readonly MonthRow[] | undefined = held.includes(key(before)) ? monthly.months.get(key(before)) : undefined;
  const bulletin = buildBulletin({
    year: month.year, month: month.month, rows: monthly.months.get(key(month)) ?? [], ...(previous ? { previous } : {}), settings,
    ...(monthly.hasPending ? {} : { allPending: pendingDecisions(snapshots) }),
    problems: [...options.openProblems, ...judgmentProblems(snapshots, options.openProblems), ...monthly.problems],
    date: signDate(settings, options.today),
  });
  return { ok: true, bulletin, document: bulletinDocument(bulletin), warnings };
}

export interface ReportOutcome {
  readonly document: DocModel;
  readonly draft: boolean;
  /** Bad values of the documents' own 参数 rows: warnings (the default is used), never a 草稿 by themselves. */
  readonly warnings: readonly DocProblem[];
  readonly pending: number;
}

/** The 报告 of a compute-all run. */
export function reportFrom(
  snapshots: Snapshots, results: ComputeResults, ctx: { rules: RuleSet; method: string; approvalAssessed: boolean } & DocumentOptions,
): ReportOutcome {
  const { settings, problems: warnings } = readDocParams(snapshots.get(SHEET.params));
  const pending = pendingDecisions(snapshots);
  const input = reportInput(results, {
    rules: ctx.rules, method: ctx.method, approvalAssessed: ctx.approvalAssessed, pending, problems: ctx.openProblems, settings, date: signDate(settings, ctx.today),
  });
  return { document: reportDocument(input), draft: reportDraft(input), warnings, pending };
}
