/**
 * npm run assess -- [input.xlsx] [-o output.xlsx] | --template -o FILE | --help
 * Computes an assessment workbook headlessly (exceljs) with the same compute-all as the task pane.
 * Exit codes: 0 success; 1 the input has errors (the workbook is still written, with 校验 filled); 2 wrong usage;
 * 3 an unexpected exception (a bug).
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import ExcelJS from "exceljs";
import { computeAll, templateAll } from "../workbook";
import { ExcelJsWorkbookPort, writeXlsx } from "../workbook/exceljs-adapter";
import { CLI_MSG } from "../workbook/messages";
import { parseCommand } from "./args";
import { problemLines, rankingLines, vetoLines } from "./report";

export interface Io {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

const consoleIo: Io = { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) };

/** 0 success; 1 the input has errors; 2 wrong usage; 3 a bug (an exception the command did not expect). */
export const EXIT = { ok: 0, problems: 1, usage: 2, internal: 3 } as const;

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

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
  if (c.kind === "template") {
    const port = new ExcelJsWorkbookPort(new ExcelJS.Workbook());
    await templateAll(port);
    try {
      await writeXlsx(port.workbook, at(c.output));
    } catch (error) {
      io.err(CLI_MSG.cannotWrite(c.output, reason(error)));
      return EXIT.usage;
    }
    io.out(CLI_MSG.templateWritten(c.output));
    return EXIT.ok;
  }
  if (!existsSync(at(c.input))) {
    io.err(CLI_MSG.inputMissing(c.input));
    return EXIT.usage;
  }
  if (at(c.input) === at(c.output)) {
    io.err(CLI_MSG.sameAsInput);
    return EXIT.usage;
  }
  let port: ExcelJsWorkbookPort;
  try {
    port = await ExcelJsWorkbookPort.fromFile(at(c.input));
  } catch (error) {
    io.err(CLI_MSG.unreadable(c.input, reason(error)));
    return EXIT.usage;
  }
  const { summary, problems, results } = await computeAll(port);
  try {
    await writeXlsx(port.workbook, at(c.output));
  } catch (error) {
    io.err(CLI_MSG.cannotWrite(c.output, reason(error)));
    return EXIT.usage;
  }
  io.out(CLI_MSG.heading(`安康市${summary.year}年度考核计算`, c.input));
  io.out("");
  for (const line of rankingLines(results, summary)) io.out(line);
  io.out("");
  for (const line of vetoLines(results, summary)) io.out(line);
  io.out("");
  for (const line of problemLines(problems, summary)) io.out(line);
  io.out("");
  io.out(CLI_MSG.written(c.output));
  if (summary.errors > 0) {
    io.err(CLI_MSG.inputHasProblems(summary.errors));
    return EXIT.problems;
  }
  return EXIT.ok;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (error) => {
      process.stderr.write(`${CLI_MSG.internalError(reason(error))}\n`);
      process.exitCode = EXIT.internal;
    },
  );
}
