/**
 * --bulletin MONTH and --report: the 月度通报 and the 报告 (spec J) written beside the result workbook as .docx
 * (and PDF with --pdf). Prepared before the workbook is written, so that a month 月度考核 does not hold stops
 * the run with nothing written (exit 2).
 */
import { writeFile } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import type { DocModel } from "../documents/model";
import type { DocProblem } from "../documents/params";
import { ruleSet, type RuleSet } from "../engine";
import type { ComputeResults, ComputeSummary, Finding } from "../workbook";
import { DOCUMENT_READS, bulletinFrom, reportFrom, type Month } from "../workbook/documents";
import { workbookMethod } from "../workbook/method";
import { chooseRuleSet } from "../workbook/params";
import type { WorkbookPort } from "../workbook/port";
import { qualified } from "../workbook/address";
import { writeAtomically } from "./files";
import { DOC_CLI_MSG } from "./messages";
import { writePdf } from "./pdf";

export interface DocumentsRequest {
  readonly bulletin?: Month;
  readonly report?: boolean;
}

export interface DocumentJob {
  /** Path as the user would write it (beside the output). */
  readonly path: string;
  readonly kind: "bulletin" | "report";
  readonly document: DocModel;
  readonly draft: boolean;
  readonly problems: readonly DocProblem[];
}

/** out/x.xlsx → out/x-2021-03-通报.docx / out/x-报告.docx */
export function documentPath(output: string, suffix: string): string {
  return join(dirname(output), `${basename(output, extname(output))}-${suffix}.docx`);
}

const monthSuffix = (m: Month) => `${m.year}-${String(m.month).padStart(2, "0")}-通报`;

export interface RunFacts {
  readonly port: WorkbookPort;
  readonly output: string;
  readonly results: ComputeResults;
  readonly summary: ComputeSummary;
  /** Errors of the run (校验, 工单导入校验) and the ledger's problem rows. */
  readonly problems: readonly Finding[];
  readonly ledgerProblemRows: number;
  readonly rules?: RuleSet;
  readonly today?: Date;
  /** False for a ledger without an input workbook: 便民化考核 was not assessed. */
  readonly approvalAssessed?: boolean;
}

function openProblems(facts: RunFacts): DocProblem[] {
  const errors: DocProblem[] = facts.problems.filter((p) => p.severity === "error").map((p) => ({ sheet: p.sheet, cell: p.cell, message: p.message }));
  if (facts.ledgerProblemRows > 0) errors.push({ message: DOC_CLI_MSG.ledgerRows(facts.ledgerProblemRows) });
  return errors;
}

/** The documents asked for, or the message of a month 月度考核 does not hold. */
export async function prepareDocuments(request: DocumentsRequest, facts: RunFacts): Promise<{ ok: true; jobs: DocumentJob[] } | { ok: false; message: string }> {
  if (!request.bulletin && !request.report) return { ok: true, jobs: [] };
  const snapshots = await facts.port.read(DOCUMENT_READS);
  const options = { openProblems: openProblems(facts), today: facts.today ?? new Date() };
  const jobs: DocumentJob[] = [];
  if (request.bulletin) {
    const made = bulletinFrom(snapshots, request.bulletin, options);
    if (!made.ok) return made;
    jobs.push({
      path: documentPath(facts.output, monthSuffix(request.bulletin)), kind: "bulletin", document: made.document,
      draft: made.bulletin.draft, problems: made.bulletin.problems.slice(options.openProblems.length),
    });
  }
  if (request.report) {
    let rules = facts.rules;
    if (!rules) {
      const method = await workbookMethod(facts.port, () => chooseRuleSet(snapshots));
      rules = method.ok ? method.rules : ruleSet();
    }
    const made = reportFrom(snapshots, facts.results, { rules, method: facts.summary.method, approvalAssessed: facts.approvalAssessed ?? true, ...options });
    jobs.push({ path: documentPath(facts.output, "报告"), kind: "report", document: made.document, draft: made.draft, problems: made.problems });
  }
  return { ok: true, jobs };
}

/** Writes each document (and its PDF); returns the lines to print and whether a PDF failed. */
export async function writeDocuments(jobs: readonly DocumentJob[], at: (path: string) => string, pdf: boolean): Promise<{ out: string[]; err: string[]; pdfFailed: boolean; draft: boolean }> {
  const out: string[] = [];
  const err: string[] = [];
  let pdfFailed = false;
  for (const job of jobs) {
    // docx (a large package) is loaded only by a run that writes a document.
    const { writeDocx } = await import("../documents/docx/write");
    const bytes = await writeDocx(job.document);
    await writeAtomically(at(job.path), (temporary) => writeFile(temporary, bytes));
    for (const p of job.problems) err.push(DOC_CLI_MSG.problem(p.sheet ? qualified(p.sheet, p.cell) : "", p.message));
    out.push(DOC_CLI_MSG.written(job.kind, job.path, job.draft));
    if (!pdf) continue;
    const converted = await writePdf(at(job.path));
    if (converted.status === "written") out.push(DOC_CLI_MSG.pdfWritten(join(dirname(job.path), basename(converted.pdf))));
    else {
      pdfFailed = true;
      err.push(converted.status === "noLibreOffice" ? DOC_CLI_MSG.noWriter : DOC_CLI_MSG.pdfFailed(job.path, converted.reason));
    }
  }
  const draft = jobs.some((j) => j.draft);
  if (draft) err.push(DOC_CLI_MSG.draft);
  return { out, err, pdfFailed, draft };
}
