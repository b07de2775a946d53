/**
 * The documents step of a run (spec J), shared by the CLI (--bulletin, --report) and the page: the 月度通报 of
 * months 月度考核 holds and the 报告, as document models with their file-name suffixes. Writing the .docx
 * (src/documents/docx) and where it goes stay at the edges.
 */
import type { DocModel } from "../documents/model";
import type { DocProblem } from "../documents/params";
import { ruleSet } from "../engine";
import type { ComputeResults, ComputeSummary, Finding } from "../workbook";
import { DOCUMENT_READS, bulletinFrom, reportFrom, type Month } from "../workbook/documents";
import { LEDGER_SHEET } from "../workbook/ledger/contract";
import type { WorkbookPort } from "../workbook/port";
import type { Snapshots } from "../workbook/tables";

export interface DocumentsJob {
  readonly bulletins: readonly Month[];
  readonly report: boolean;
}

export interface RunFacts {
  readonly port: WorkbookPort;
  readonly results: ComputeResults;
  readonly summary: ComputeSummary;
  /** Errors of the run (校验, 工单导入校验) and the ledger's problem rows. */
  readonly problems: readonly Finding[];
  readonly ledgerProblemRows: number;
  /** The open problem the ledger's problem rows make (in the edge's words). */
  readonly ledgerRows: (rows: number) => string;
  readonly today?: Date;
  /** False for a ledger without an input workbook: 便民化考核 was not assessed. */
  readonly approvalAssessed?: boolean;
}

export interface DocumentBuilt {
  readonly kind: "bulletin" | "report";
  /** 2021-03-通报 / 报告: the file is named <input>-<suffix>.docx. */
  readonly suffix: string;
  readonly month?: Month;
  readonly document: DocModel;
  readonly draft: boolean;
  /** Open problems of the document's own inputs (beyond the run's): they make it a 草稿. */
  readonly problems: readonly DocProblem[];
  /** Bad 参数 values of the documents: warnings (the default is used; 校验 lists them too). */
  readonly warnings: readonly DocProblem[];
}

export type DocumentsStep = { readonly ok: true; readonly documents: DocumentBuilt[] } | { readonly ok: false; readonly message: string };

export const monthText = (m: Month): string => `${m.year}-${String(m.month).padStart(2, "0")}`;

export function documentSuffix(kind: "bulletin" | "report", month?: Month): string {
  return kind === "report" ? "报告" : `${monthText(month as Month)}-通报`;
}

function openProblems(facts: RunFacts): DocProblem[] {
  // A ledger import's open problems are resolved in 工单导入校验 / 工单研判, the others where 校验 lists them.
  const errors: DocProblem[] = facts.problems.filter((p) => p.severity === "error").map((p) => ({
    sheet: p.sheet, cell: p.cell, message: p.message, ...(p.code === "ledgerOpen" ? { listedIn: p.sheet } : {}),
  }));
  if (facts.ledgerProblemRows > 0) errors.push({ message: facts.ledgerRows(facts.ledgerProblemRows), listedIn: LEDGER_SHEET.problems });
  return errors;
}

/** The sheets the documents read, after compute-all (月度考核, 参数, 工单研判). */
export async function documentSnapshots(port: WorkbookPort): Promise<Snapshots> {
  return port.read(DOCUMENT_READS);
}

/** The documents asked for, or the message of a month 月度考核 does not hold. */
export async function documentsStep(job: DocumentsJob, facts: RunFacts, snapshots?: Snapshots): Promise<DocumentsStep> {
  if (job.bulletins.length === 0 && !job.report) return { ok: true, documents: [] };
  const read = snapshots ?? await documentSnapshots(facts.port);
  const options = { openProblems: openProblems(facts), today: facts.today ?? new Date() };
  const documents: DocumentBuilt[] = [];
  for (const month of job.bulletins) {
    const made = bulletinFrom(read, month, options);
    if (!made.ok) return made;
    documents.push({
      kind: "bulletin", suffix: documentSuffix("bulletin", month), month, document: made.document,
      draft: made.bulletin.draft, problems: made.bulletin.problems.slice(options.openProblems.length), warnings: made.warnings,
    });
  }
  if (job.report) {
    // The rule set compute-all scored with; a refused method scored nothing, and the 报告 says so under the built-in one.
    const rules = facts.results.rules ?? ruleSet();
    const made = reportFrom(read, facts.results, { rules, method: facts.summary.method, approvalAssessed: facts.approvalAssessed ?? true, ...options });
    documents.push({ kind: "report", suffix: documentSuffix("report"), document: made.document, draft: made.draft, problems: [], warnings: made.warnings });
  }
  return { ok: true, documents };
}
