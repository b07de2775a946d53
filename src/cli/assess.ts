/**
 * npm run assess -- [input.xlsx] [-o output.xlsx] [--ledger FILE [--period P] [--drill UNIT] [--map H=C]]
 *                 | --template -o FILE | --help
 * Computes an assessment workbook headlessly with the same compute-all as the task pane: an input workbook
 * is read and patched as a package (src/workbook/adapters/package: every part the product does not write
 * is copied byte for byte); so is a fresh template, built once per content (./template-cache). With
 * --ledger it first fills 热线数据 for the period from a 工单明细 export (CSV streamed, .xlsx read part by part
 * by src/ledger — never loaded whole with exceljs), writes 月度考核 and 工单导入校验 (and 工单核查 with --drill);
 * without an input workbook it starts from a fresh template.
 * With --method OTHER.xlsx the run scores by that workbook's method (src/cli/method.ts), also when the input
 * carries method sheets of its own: the command line names the method file on purpose, the heading says so,
 * and 校验 in the output warns that its own method sheets were set aside.
 * Exit codes: 0 success; 1 the input or the ledger has problems (the workbook is still written, with 校验 and
 * 工单导入校验 filled); 2 wrong usage, an input or method file that cannot be used, or an import that would
 * replace values typed into 热线数据 without --replace-typed (nothing written); 3 an unexpected exception (a bug).
 */
import { existsSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { LedgerError } from "../ledger";
import { readLedgerFile } from "../ledger/node";
import { qualified } from "../workbook/address";
import { PackageWorkbookPort } from "../workbook/adapters/package";
import { nodeFile, writeFileFrom } from "../xlsx/node-file";
import type { WorkbookPort } from "../workbook/port";
import { XLSX_MSG, XlsxError } from "../xlsx/messages";
import { JUDGMENT_SHEET, LEDGER_WMSG } from "../workbook/ledger";
import type { Finding } from "../workbook/findings";
import { computeStep, importLedgerStep } from "../job";
import { WMSG } from "../workbook/messages";
import { CLI_MSG, LEDGER_CLI_MSG } from "./messages";
import { BUILT_IN_LABEL } from "../workbook/method";
import { MMSG } from "../workbook/messages";
import { ruleSet, type RuleSet } from "../engine";
import { parseCommand, type Command, type LedgerRequest } from "./args";
import { exists, sameFile, terminalSafe, workbookKind, writeAtomically } from "./files";
import { readMethodFile, type MethodFromFile } from "./method";
import { blankTemplateFile } from "./template-cache";
import type { XlsxLimits } from "../xlsx/limits";
import { terminalProgress, type ProgressSink } from "./progress";
import { writePdf } from "./pdf";
import { prepareDocuments, writeDocuments } from "./documents";
import { problemLines, rankingLines, vetoLines } from "./report";

export interface Io {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Progress of reading a ledger (a bar on a terminal); absent: none shown. */
  readonly progress?: ProgressSink;
}

const consoleIo: Io = {
  out: (l) => process.stdout.write(`${terminalSafe(l)}\n`),
  err: (l) => process.stderr.write(`${terminalSafe(l)}\n`),
  progress: process.stderr.isTTY ? terminalProgress((text) => process.stderr.write(text)) : undefined,
};

/** Ledger problems listed on the terminal (all of them are in 工单导入校验). */
const LEDGER_LINES = 20;

/** 0 success; 1 the input has errors; 2 wrong usage; 3 a bug (an exception the command did not expect). */
export const EXIT = { ok: 0, problems: 1, usage: 2, internal: 3 } as const;

export const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Runs the command; relative paths are taken from `cwd`. Returns the exit code. */
export async function main(argv: readonly string[], io: Io = consoleIo, options: { cwd?: string } = {}): Promise<number> {
  const at = (path: string) => resolve(options.cwd ?? process.cwd(), path);
  const command = parseCommand(argv);
  if (!command.ok) {
    io.err(command.message);
    io.err(CLI_MSG.seeHelp);
    return EXIT.usage;
  }
  const c = command.value;
  if (c.kind === "help") {
    io.out(CLI_MSG.usage);
    return EXIT.ok;
  }
  if (c.kind === "template") return writeTemplate(c, io, at);
  if (c.input !== null && !existsSync(at(c.input))) {
    io.err(CLI_MSG.inputMissing(c.input));
    return EXIT.usage;
  }
  if (c.ledger && !existsSync(at(c.ledger.file))) {
    io.err(LEDGER_CLI_MSG.ledgerMissing(c.ledger.file));
    return EXIT.usage;
  }
  for (const input of [c.input, c.ledger?.file]) {
    if (input !== null && input !== undefined && (at(input) === at(c.output) || await sameFile(at(input), at(c.output)))) {
      io.err(CLI_MSG.sameAsInputFile(c.output, input));
      return EXIT.usage;
    }
  }
  const method = await methodOf(c, io, at);
  if (method === null) return EXIT.usage;
  if (c.input !== null) {
    let kind;
    try {
      kind = await workbookKind(at(c.input));
    } catch (error) {
      io.err(CLI_MSG.unreadable(c.input, reason(error)));
      return EXIT.usage;
    }
    if (kind === "xls" || kind === "other" || kind === "empty") {
      io.err(kind === "xls" ? CLI_MSG.oldXls(c.input) : CLI_MSG.notWorkbook(c.input));
      return EXIT.usage;
    }
  }
  let port: PackageWorkbookPort;
  if (c.input === null) {
    // A fresh template of the method's year and units, so that the ledger fills exactly those units.
    port = await PackageWorkbookPort.open(await nodeFile(await blankTemplateFile(method?.rules, method?.label)));
  } else {
    try {
      port = await PackageWorkbookPort.open(await nodeFile(at(c.input)), c.limits);
    } catch (error) {
      if (!(error instanceof XlsxError) && !(error as NodeJS.ErrnoException)?.code) throw error;
      io.err(XLSX_MSG.cannotRead(c.input, reason(error)));
      return EXIT.usage;
    }
  }
  try {
    return await computeAndWrite(port, c, io, at, method);
  } catch (error) {
    // A sheet is read when compute-all first needs it: a part found unreadable then is still bad input.
    if (!(error instanceof XlsxError)) throw error;
    io.err(XLSX_MSG.cannotRead(c.input ?? c.output, error.message));
    return EXIT.usage;
  } finally {
    await port.close();
  }
}

/** --template: the blank template of the built-in method, or of the --method file's, written to the output. */
async function writeTemplate(c: Extract<Command, { kind: "template" }>, io: Io, at: (path: string) => string): Promise<number> {
  if (!c.force && await exists(at(c.output))) {
    io.err(CLI_MSG.outputExists(c.output));
    return EXIT.usage;
  }
  const method = await methodOf(c, io, at);
  if (method === null) return EXIT.usage;
  // A template of another workbook's method: its method sheets, units and departments, written from its rules.
  const port = await PackageWorkbookPort.open(await nodeFile(await blankTemplateFile(method?.rules, method?.label)));
  try {
    await writeAtomically(at(c.output), (temporary) => writeFileFrom(temporary, (sink) => port.save(sink)));
  } catch (error) {
    io.err(CLI_MSG.cannotWrite(c.output, reason(error)));
    return EXIT.usage;
  } finally {
    await port.close();
  }
  io.out(CLI_MSG.templateWritten(c.output, method?.label ?? BUILT_IN_LABEL(ruleSet().year)));
  return EXIT.ok;
}

/** The --method file's method (undefined without --method); null when it stops the run (already said why). */
async function methodOf(
  c: { readonly method?: string; readonly output: string; readonly limits?: XlsxLimits }, io: Io, at: (path: string) => string,
): Promise<MethodFromFile | undefined | null> {
  if (c.method === undefined) return undefined;
  if (at(c.method) === at(c.output) || await sameFile(at(c.method), at(c.output))) {
    io.err(CLI_MSG.methodIsOutput(c.output, c.method));
    return null;
  }
  const read = await readMethodFile(c.method, at(c.method), c.limits);
  if (!read.ok) {
    for (const line of read.lines) io.err(line);
    return null;
  }
  return read.method;
}

async function computeAndWrite(
  port: PackageWorkbookPort, c: Extract<Command, { kind: "assess" }>, io: Io, at: (path: string) => string,
  method?: MethodFromFile,
): Promise<number> {
  let ledgerLines: string[] = [];
  let ledgerProblemRows = 0;
  let ledgerEmpty = false;
  if (c.ledger) {
    const imported = await importLedgerFile(port, c.ledger, io, at, c.limits, method);
    if (typeof imported === "number") return imported;
    ledgerLines = imported.lines;
    ledgerProblemRows = imported.problemRows;
    ledgerEmpty = imported.empty;
  }
  const { results, problems, summary, ownSetAside, ledgerOpen } = await computeStep(port, {
    blank: c.input === null, method, setAside: (m) => CLI_MSG.methodSetAside(m.label, basename(m.file)),
  });
  // Before anything is written: a month 月度考核 does not hold stops the run (exit 2, nothing written).
  const documents = await prepareDocuments(c.documents ?? {}, {
    port, output: c.output, results, summary, problems, ledgerProblemRows, approvalAssessed: c.input !== null,
  });
  if (!documents.ok) {
    io.err(documents.message);
    return EXIT.usage;
  }
  try {
    await writeAtomically(at(c.output), (temporary) => writeFileFrom(temporary, (sink) => port.save(sink)));
  } catch (error) {
    if (error instanceof XlsxError) throw error;
    io.err(CLI_MSG.cannotWrite(c.output, reason(error)));
    return EXIT.usage;
  }
  // A ledger run without an input workbook starts from a blank template: the input is the ledger file.
  io.out(CLI_MSG.heading(CLI_MSG.title(summary.year), c.input ?? CLI_MSG.ledgerOnlyInput(c.ledger?.file ?? "")));
  io.out(method ? CLI_MSG.methodFrom(summary.method, method.file, ownSetAside) : CLI_MSG.methodLine(summary.method));
  io.out("");
  if (ledgerLines.length > 0) {
    for (const line of ledgerLines) io.out(line);
    io.out("");
  }
  for (const line of rankingLines(results, summary)) io.out(line);
  if (summary.unitsScored === 0) io.out(CLI_MSG.nothingScored);
  io.out("");
  if (c.input === null) io.out(LEDGER_CLI_MSG.approvalNotAssessed);
  else for (const line of vetoLines(results, summary)) io.out(line);
  io.out("");
  for (const line of problemLines(problems, summary)) io.out(line);
  io.out("");
  io.out(CLI_MSG.written(c.output));
  let pdfFailed = false;
  if (c.pdf) {
    io.out(CLI_MSG.pdfConverting);
    const pdf = await writePdf(at(c.output));
    if (pdf.status === "written") io.out(CLI_MSG.pdfWritten(relativeTo(c.output, pdf.pdf)));
    else {
      pdfFailed = true;
      io.err(pdf.status === "noLibreOffice" ? CLI_MSG.pdfNoLibreOffice : CLI_MSG.pdfFailed(pdf.reason));
    }
  }
  const docs = await writeDocuments(documents.jobs, at, c.pdf === true);
  for (const line of docs.out) io.out(line);
  for (const line of docs.err) io.err(line);
  pdfFailed ||= docs.pdfFailed;
  // The open problems of a ledger import (工单导入校验) leave the units scored: they are not input errors.
  for (const line of ledgerOpenLines(problems, ledgerProblemRows, c.ledger !== undefined)) io.err(line);
  if (summary.errors > ledgerOpen) io.err(CLI_MSG.inputHasProblems(summary.errors - ledgerOpen));
  if (pdfFailed) return EXIT.usage;
  return summary.errors > 0 || ledgerProblemRows > 0 || ledgerEmpty || docs.draft ? EXIT.problems : EXIT.ok;
}

/**
 * What is open after the ledger step: this import's problem rows (工单明细), 工单研判 errors (this import's or
 * the last one's), or problem rows an earlier import left in 工单导入校验.
 */
function ledgerOpenLines(problems: readonly Finding[], problemRows: number, imported: boolean): string[] {
  const open = problems.filter((p) => p.code === "ledgerOpen");
  const lines: string[] = [];
  if (problemRows > 0) lines.push(LEDGER_CLI_MSG.ledgerHasProblems(problemRows));
  else if (open.some((p) => p.sheet !== JUDGMENT_SHEET)) lines.push(LEDGER_CLI_MSG.ledgerStillOpen);
  if (open.some((p) => p.sheet === JUDGMENT_SHEET)) lines.push(LEDGER_CLI_MSG.judgmentOpen(imported));
  return lines;
}

/** The PDF's path written as the user wrote the output's (same folder, .pdf instead of .xlsx). */
function relativeTo(output: string, pdf: string): string {
  return join(dirname(output), basename(pdf));
}

/**
 * --ledger: reads the file (with the header answers stored in the workbook and --map), fills 热线数据 and
 * writes the import's sheets; with --drill also 工单核查. The units, aliases and callback rule are those of
 * `given` (--method), else of the workbook's own method; a refused own method imports nothing (compute-all
 * then lists its problems in 校验). Returns the lines to print, or an exit code.
 */
async function importLedgerFile(port: WorkbookPort, request: LedgerRequest, io: Io, at: (path: string) => string, limits?: XlsxLimits,
  given?: { rules: RuleSet; label: string }): Promise<{ lines: string[]; problemRows: number; empty: boolean } | number> {
  let step;
  try {
    step = await importLedgerStep(port, {
      sourceName: basename(request.file), period: request.period, map: request.map, drill: request.drill,
      replaceTyped: request.replaceTyped === true,
      read: (options) => readLedgerFile(at(request.file), { ...options, fileName: request.file, onProgress: io.progress?.update, limits }),
    }, given);
  } catch (error) {
    if (!(error instanceof LedgerError) && !(error as NodeJS.ErrnoException)?.code) throw error;
    io.err(LEDGER_CLI_MSG.ledgerUnreadable(request.file, reason(error)));
    return EXIT.usage;
  } finally {
    io.progress?.done();
  }
  switch (step.status) {
    case "methodRefused": {
      const first = `${qualified(step.errors[0].sheet, step.errors[0].cell)}：${step.errors[0].message}`;
      return { lines: [`[${WMSG.level.error}] ${MMSG.importRefused(first, step.errors.length)}`], problemRows: 0, empty: false };
    }
    case "unknownDrill":
      io.err(LEDGER_CLI_MSG.unknownDrillUnit(step.unit));
      return EXIT.usage;
    case "needsMapping":
      io.err(LEDGER_CLI_MSG.needsMapping(step.message, step.mapping.unrecognized.map((h) => h.header), step.mapping.missing));
      return EXIT.usage;
    case "typedValues":
      // Values typed into 热线数据 are replaced only with --replace-typed (spec I): without it, nothing is written.
      io.err(LEDGER_CLI_MSG.typedRefused(step.typed.length, !step.recorded));
      for (const t of step.typed) io.err(LEDGER_CLI_MSG.typedLine(qualified(t.sheet, t.cell), t.unit, t.label, LEDGER_WMSG.typedValue(t.typed), t.imported));
      io.err(LEDGER_CLI_MSG.typedAdvice(JUDGMENT_SHEET));
      return EXIT.usage;
    case "noOrders": {
      // importLedger's rule: a ledger without a single order in the period fills nothing; here that is also exit 1.
      const { summary, problems } = step.data;
      const lines = [CLI_MSG.ledgerNoOrders(request.file, step.period.name, summary.rowsRead), summary.text];
      for (const p of problems.slice(0, LEDGER_LINES)) lines.push(`[${WMSG.level.error}] ${LEDGER_WMSG.ledgerRow(p.row, p.header, p.message)}`);
      return { lines, problemRows: summary.rowsWithProblems, empty: true };
    }
  }
  const lines = [LEDGER_CLI_MSG.ledgerHeading(request.file, step.period), step.summary.text];
  const { findings } = step;
  if (step.summary.ledger.problemCount > 0) lines.push(LEDGER_CLI_MSG.ledgerProblemsHeading(step.summary.ledger.problemCount));
  for (const f of findings.slice(0, LEDGER_LINES)) lines.push(`[${WMSG.level[f.severity]}] ${f.message}`);
  const more = Math.max(0, findings.length - LEDGER_LINES) + step.summary.ledger.problemsNotListed;
  if (more > 0) lines.push(LEDGER_CLI_MSG.ledgerProblemsMore(more));
  if (step.drill) lines.push(LEDGER_CLI_MSG.drillWritten(step.drill.unit, step.period, step.drill.rows));
  return { lines, problemRows: step.summary.ledger.rowsWithProblems, empty: false };
}
