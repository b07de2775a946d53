/**
 * --bulletin MONTH and --report: the 月度通报 and the 报告 (spec J) written beside the result workbook as .docx
 * (and PDF with --pdf). Prepared before the workbook is written, so that a month 月度考核 does not hold stops
 * the run with nothing written (exit 2).
 */
import { writeFile } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import type { DocModel } from "../documents/model";
import type { DocProblem } from "../documents/params";
import { documentsStep, type RunFacts } from "../job";
import type { Month } from "../workbook/documents";
import { qualified } from "../workbook/address";
import { writeAtomically } from "./files";
import { WMSG } from "../workbook/messages";
import { CLI_MSG, DOC_CLI_MSG } from "./messages";
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
  /** Open problems beyond the run's (printed as 错误): they make the document a 草稿. */
  readonly problems: readonly DocProblem[];
  /** Bad document 参数 the run's 校验 lines do not already show (printed as 警告; the default is used). */
  readonly warnings: readonly DocProblem[];
}

/** out/x.xlsx → out/x-2021-03-通报.docx / out/x-报告.docx */
export function documentPath(output: string, suffix: string): string {
  return join(dirname(output), `${basename(output, extname(output))}-${suffix}.docx`);
}

/** The documents asked for (src/job's documents step), or the message of a month 月度考核 does not hold. */
export async function prepareDocuments(
  request: DocumentsRequest, facts: Omit<RunFacts, "ledgerRows"> & { readonly output: string },
): Promise<{ ok: true; jobs: DocumentJob[] } | { ok: false; message: string }> {
  const step = await documentsStep(
    { bulletins: request.bulletin ? [request.bulletin] : [], report: request.report === true }, { ...facts, ledgerRows: DOC_CLI_MSG.ledgerRows },
  );
  if (!step.ok) return step;
  const shown = new Set(facts.problems.map((p) => p.message));
  return {
    ok: true,
    jobs: step.documents.map((d) => ({
      path: documentPath(facts.output, d.suffix), kind: d.kind, document: d.document, draft: d.draft, problems: d.problems,
      warnings: d.warnings.filter((w) => !shown.has(w.message)),
    })),
  };
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
    for (const p of job.problems) err.push(CLI_MSG.problemLine(WMSG.level.error, p.sheet ? qualified(p.sheet, p.cell) : "", p.message));
    for (const p of job.warnings) err.push(CLI_MSG.problemLine(WMSG.level.warning, p.sheet ? qualified(p.sheet, p.cell) : "", p.message));
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
