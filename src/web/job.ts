/**
 * The page's run, inside its worker: the same steps as `npm run assess` (src/job: method file, ledger import,
 * compute-all over the package port that keeps every part of the user's file), with the user's File objects in
 * place of paths and the result written to memory. Refusals carry the CLI's messages in the page's words.
 */
import { templateAll } from "../workbook/template";
import { computeStep, importLedgerStep, methodOfPort, workbookKindOf, type LedgerStep, type MethodFromFile } from "../job";
import { LedgerError, parsePeriod, readLedgerBlob, type Period } from "../ledger";
import { qualified } from "../workbook/address";
import { JUDGMENT_SHEET, LEDGER_WMSG } from "../workbook/ledger";
import { PackageWorkbookPort } from "../workbook/adapters/package";
import { WMSG } from "../workbook/messages";
import { MMSG } from "../workbook/messages";
import { XLSX_MSG, XlsxError } from "../xlsx/messages";
import { blobFile, bytesFile } from "../xlsx/zip";
import { bytesSink } from "../xlsx/zip-writer";
import { doneMessage } from "./outcome";
import { emptyWorkbookBytes, PLACEHOLDER_SHEET } from "./empty-workbook";
import { WEB_MSG, pageAdvice } from "./messages";
import { webDocuments } from "./documents";
import type { DocumentsOffer, DoneMessage, MappingMessage, ProgressMessage, RefusedMessage, RunRequest, TypedMessage, WorkerMessage } from "./protocol";

/** Ledger problems listed with the import's lines (all of them are in 工单导入校验), as on the terminal. */
const LEDGER_LINES = 20;

export type Report = (progress: ProgressMessage) => void;

/**
 * Offers the result as soon as it is written: the run then writes the 通报 and 报告 and returns them as a
 * DocumentsMessage. Without it (tests, a caller wanting one answer) the DoneMessage carries them.
 */
export type Offer = (done: DoneMessage) => void;

/** A bad input, said in the page's words: thrown inside a run, turned into a RefusedMessage. */
class Refusal extends Error {
  constructor(readonly lines: readonly string[]) {
    super(lines.join("\n"));
  }
}

const refused = (lines: readonly string[]): RefusedMessage => ({ type: "refused", lines: lines.map(pageAdvice) });

/** Opens a workbook the user picked; refuses what the CLI refuses (not a spreadsheet, .xls, damaged, beyond the limits). */
async function openWorkbook(file: Blob, name: string): Promise<PackageWorkbookPort> {
  const kind = workbookKindOf(new Uint8Array(await file.slice(0, 4).arrayBuffer()));
  if (kind === "xls") throw new Refusal([WEB_MSG.oldXls(name)]);
  if (kind !== "xlsx") throw new Refusal([WEB_MSG.notWorkbook(name)]);
  try {
    return await PackageWorkbookPort.open(blobFile(file));
  } catch (error) {
    if (!(error instanceof XlsxError)) throw error;
    throw new Refusal([XLSX_MSG.cannotRead(name, error.message)]);
  }
}

async function readMethod(file: File): Promise<MethodFromFile> {
  const port = await openWorkbook(file, file.name);
  let read;
  try {
    read = await methodOfPort(port, file.name, (sheet) => WEB_MSG.methodSheet(file.name, sheet));
  } catch (error) {
    if (!(error instanceof XlsxError)) throw error;
    throw new Refusal([XLSX_MSG.cannotRead(file.name, error.message)]);
  } finally {
    await port.close();
  }
  if (read.ok) return read.method;
  if (read.reason === "noSheets") throw new Refusal([WEB_MSG.methodNoSheets(file.name)]);
  throw new Refusal([
    WEB_MSG.methodRefused(file.name, read.errors),
    ...read.problems.map((p) => WEB_MSG.problemLine(WMSG.level[p.severity], qualified(p.sheet, p.cell), p.message)),
  ]);
}

function periodOf(request: RunRequest): Period | undefined {
  const text = request.period.trim();
  if (text === "") return undefined;
  if (!request.ledger) throw new Refusal([WEB_MSG.periodWithoutLedger]);
  try {
    return parsePeriod(text);
  } catch (error) {
    if (error instanceof LedgerError) throw new Refusal([WEB_MSG.badPeriod(text)]);
    throw error;
  }
}

/** The import's lines (as the CLI prints them), or the message that stops the run. */
function ledgerLines(step: LedgerStep, name: string): { lines: string[]; problemRows: number; empty: boolean } | MappingMessage | TypedMessage {
  switch (step.status) {
    case "methodRefused": {
      const first = `${qualified(step.errors[0].sheet, step.errors[0].cell)}：${step.errors[0].message}`;
      return { lines: [`[${WMSG.level.error}] ${MMSG.importRefused(first, step.errors.length)}`], problemRows: 0, empty: false };
    }
    case "unknownDrill":
      throw new Error("the page names no drill unit");
    case "needsMapping":
      return {
        type: "needsMapping", message: step.message,
        headers: step.mapping.unrecognized.map((h) => h.header), missing: [...step.mapping.missing],
      };
    case "typedValues":
      return {
        type: "typedValues", typed: step.typed,
        lines: [
          WEB_MSG.typedRefused(step.typed.length, !step.recorded),
          ...step.typed.map((t) => WEB_MSG.typedLine(qualified(t.sheet, t.cell), t.unit, t.label, LEDGER_WMSG.typedValue(t.typed), t.imported)),
          WEB_MSG.typedAdvice(JUDGMENT_SHEET),
        ],
      };
    case "noOrders": {
      const { summary, problems } = step.data;
      const lines = [WEB_MSG.ledgerNoOrders(name, step.period.name, summary.rowsRead), summary.text];
      for (const p of problems.slice(0, LEDGER_LINES)) lines.push(`[${WMSG.level.error}] ${LEDGER_WMSG.ledgerRow(p.row, p.header, p.message)}`);
      return { lines, problemRows: summary.rowsWithProblems, empty: true };
    }
  }
  const lines = [WEB_MSG.ledgerHeading(name, step.period), step.summary.text];
  if (step.summary.ledger.problemCount > 0) lines.push(WEB_MSG.ledgerProblemsHeading(step.summary.ledger.problemCount));
  for (const f of step.findings.slice(0, LEDGER_LINES)) lines.push(`[${WMSG.level[f.severity]}] ${f.message}`);
  const more = Math.max(0, step.findings.length - LEDGER_LINES) + step.summary.ledger.problemsNotListed;
  if (more > 0) lines.push(WEB_MSG.ledgerProblemsMore(more));
  return { lines, problemRows: step.summary.ledger.rowsWithProblems, empty: false };
}

async function importLedgerFile(port: PackageWorkbookPort, request: RunRequest, period: Period | undefined, method: MethodFromFile | undefined, report: Report) {
  const ledger = request.ledger as File;
  report({ type: "progress", stage: "ledger", rows: 0 });
  try {
    const step = await importLedgerStep(port, {
      sourceName: ledger.name, period, map: request.map, replaceTyped: request.replaceTyped,
      read: (options) => readLedgerBlob(ledger, {
        ...options, fileName: ledger.name, onProgress: (p) => report({ type: "progress", stage: "ledger", rows: p.rowsRead, fraction: p.fraction }),
      }),
    }, method);
    return ledgerLines(step, ledger.name);
  } catch (error) {
    if (!(error instanceof LedgerError) && !(error instanceof XlsxError)) throw error;
    throw new Refusal([WEB_MSG.ledgerUnreadable(ledger.name, error.message)]);
  }
}

/**
 * The blank template (built with the page) as a workbook; with a method file, a template of its method, its
 * units and departments written by templateAll as the CLI writes one (onto an empty workbook).
 */
async function blankWorkbook(template: () => Uint8Array, method: MethodFromFile | undefined): Promise<PackageWorkbookPort> {
  const open = (bytes: Uint8Array) => PackageWorkbookPort.open(bytesFile(bytes));
  if (!method) return open(template());
  const port = await open(emptyWorkbookBytes());
  await templateAll(port, method.rules, method.label);
  await port.apply([{ kind: "deleteSheet", sheet: PLACEHOLDER_SHEET }]);
  return port;
}

/** One run: never throws for bad input (a RefusedMessage), only for a bug. */
export async function runJob(request: RunRequest, template: () => Uint8Array, report: Report, offer?: Offer): Promise<WorkerMessage> {
  try {
    return await run(request, template, report, offer);
  } catch (error) {
    if (error instanceof Refusal) return refused(error.lines);
    throw error;
  }
}

async function run(request: RunRequest, template: () => Uint8Array, report: Report, offer: Offer | undefined): Promise<WorkerMessage> {
  if (!request.workbook && !request.ledger) throw new Refusal([WEB_MSG.needsInput]);
  const period = periodOf(request);
  if (request.method) report({ type: "progress", stage: "method" });
  const method = request.method ? await readMethod(request.method) : undefined;
  report({ type: "progress", stage: "workbook" });
  const port = request.workbook ? await openWorkbook(request.workbook, request.workbook.name) : await blankWorkbook(template, method);
  try {
    const ledger = request.ledger ? await importLedgerFile(port, request, period, method, report) : undefined;
    if (ledger && "type" in ledger) return ledger;
    report({ type: "progress", stage: "compute" });
    const computed = await computeStep(port, {
      blank: !request.workbook, method, setAside: (m) => WEB_MSG.methodSetAside(m.label, m.file),
    });
    const input = request.workbook?.name ?? (request.ledger as File).name;
    // Nothing valid computed (no unit scored, no department judged): the problems are shown, nothing offered.
    const valid = computed.summary.unitsScored > 0 || computed.summary.departmentsJudged > 0;
    const outcome = { blank: !request.workbook, computed, method, ledger, fileName: WEB_MSG.resultName(input) };
    if (!valid) return doneMessage(outcome);
    report({ type: "progress", stage: "write" });
    const sink = bytesSink();
    await port.save(sink);
    const bytes = sink.bytes().buffer as ArrayBuffer;
    offer?.(doneMessage({ ...outcome, bytes, documentsPending: true }));
    let documents: DocumentsOffer;
    try {
      documents = await webDocuments({
        port, results: computed.results, summary: computed.summary, problems: computed.problems,
        ledgerProblemRows: ledger?.problemRows ?? 0, approvalAssessed: request.workbook !== undefined,
      }, input);
    } catch (error) {
      // The result is offered already: a sheet the documents read that turns out unreadable ends only them.
      if (!offer || !(error instanceof XlsxError)) throw error;
      documents = { bulletins: [], problems: [WEB_MSG.documentsUnreadable(error.message)] };
    }
    return offer ? { type: "documents", documents } : doneMessage({ ...outcome, bytes, documents });
  } catch (error) {
    // A sheet is read when compute-all first needs it: a part found unreadable then is still bad input.
    if (!(error instanceof XlsxError)) throw error;
    throw new Refusal([XLSX_MSG.cannotRead(request.workbook?.name ?? "", error.message)]);
  } finally {
    await port.close();
  }
}
