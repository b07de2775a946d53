/**
 * The page's documents (spec J), in its worker: the 月度通报 of every month 月度考核 holds and the 报告, made by
 * the CLI's documents step (src/job) and written by the same .docx writer; named as the CLI names them.
 */
import { writeDocx } from "../documents/docx/write";
import { DOC_MSG } from "../documents/messages";
import { documentSnapshots, documentsStep, type RunFacts } from "../job";
import { qualified } from "../workbook/address";
import { monthsOf } from "../workbook/documents";
import { WEB_MSG, pageAdvice } from "./messages";
import type { DocumentFile, DocumentsOffer } from "./protocol";

export async function webDocuments(facts: Omit<RunFacts, "ledgerRows">, input: string): Promise<DocumentsOffer> {
  const snapshots = await documentSnapshots(facts.port);
  const months = monthsOf(snapshots);
  const step = await documentsStep(
    { bulletins: months.ok ? months.months : [], report: true }, { ...facts, ledgerRows: WEB_MSG.ledgerRows }, snapshots,
  );
  // Every month asked for is one 月度考核 holds: the step cannot refuse here.
  if (!step.ok) throw new Error(step.message);
  const bulletins: DocumentFile[] = [];
  let report: DocumentFile | undefined;
  const problems = new Set<string>();
  for (const d of step.documents) {
    const file: DocumentFile = {
      label: d.month ? DOC_MSG.monthName(d.month.year, d.month.month) : WEB_MSG.reportLabel,
      fileName: WEB_MSG.documentName(input, d.suffix), draft: d.draft, bytes: (await writeDocx(d.document)).buffer as ArrayBuffer,
    };
    if (d.kind === "bulletin") bulletins.push(file);
    else report = file;
    for (const p of d.problems) problems.add(WEB_MSG.documentProblem(p.sheet ? qualified(p.sheet, p.cell) : "", p.message));
  }
  return {
    bulletins, ...(report ? { report } : {}), ...(months.ok ? {} : { monthsNote: pageAdvice(months.message) }),
    problems: [...problems], ...(step.documents.some((d) => d.draft) ? { draftNote: WEB_MSG.documentsDraft } : {}),
  };
}
