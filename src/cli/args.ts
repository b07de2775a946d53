/**
 * Argument parsing of `npm run assess`, kept apart so that new options (--ledger FILE, --period P) are one
 * line in OPTIONS plus their use. Pure: no file system, no process.
 */
import { basename, extname, join } from "node:path";
import { CLI_MSG } from "../workbook/messages";

export const DEFAULT_INPUT = "samples/ankang-2021-sample.xlsx";
export const DEFAULT_TEMPLATE_OUTPUT = "out/ankang-2021-template.xlsx";

interface OptionSpec {
  readonly names: readonly string[];
  readonly key: string;
  /** Takes a value: "-o FILE" or "--output=FILE". */
  readonly value: boolean;
}

export const OPTIONS: readonly OptionSpec[] = [
  { names: ["-h", "--help"], key: "help", value: false },
  { names: ["-o", "--output"], key: "output", value: true },
  { names: ["--template"], key: "template", value: false },
];

export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly options: Readonly<Record<string, string | true>>;
}

export type ParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** Splits argv into options (by OPTIONS) and positionals; "--" ends the options. */
export function parseArgv(argv: readonly string[]): ParseResult<ParsedArgs> {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    const spec = OPTIONS.find((o) => o.names.includes(name));
    if (!spec) return { ok: false, message: CLI_MSG.unknownOption(arg) };
    if (!spec.value) {
      if (eq >= 0) return { ok: false, message: CLI_MSG.unknownOption(arg) };
      options[spec.key] = true;
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === "" || (eq < 0 && value.startsWith("-") && value !== "-")) {
      return { ok: false, message: CLI_MSG.missingValue(name) };
    }
    options[spec.key] = value;
  }
  return { ok: true, value: { positionals, options } };
}

export type Command =
  | { readonly kind: "help" }
  | { readonly kind: "template"; readonly output: string }
  | { readonly kind: "assess"; readonly input: string; readonly output: string };

/** out/<input-name>-result.xlsx */
export function defaultOutput(input: string): string {
  return join("out", `${basename(input, extname(input))}-result.xlsx`);
}

const isXlsxName = (path: string) => extname(path).toLowerCase() === ".xlsx";

/** The command the arguments ask for, or a usage error (exit code 2). */
export function parseCommand(argv: readonly string[]): ParseResult<Command> {
  const parsed = parseArgv(argv);
  if (!parsed.ok) return parsed;
  const { positionals, options } = parsed.value;
  if (options.help) return { ok: true, value: { kind: "help" } };
  const output = typeof options.output === "string" ? options.output : undefined;
  if (output !== undefined && !isXlsxName(output)) return { ok: false, message: CLI_MSG.outputNotXlsx(output) };
  if (options.template) {
    if (positionals.length > 0) return { ok: false, message: CLI_MSG.templateTakesNoInput };
    return { ok: true, value: { kind: "template", output: output ?? DEFAULT_TEMPLATE_OUTPUT } };
  }
  if (positionals.length > 1) return { ok: false, message: CLI_MSG.tooManyInputs(positionals) };
  const input = positionals[0] ?? DEFAULT_INPUT;
  if (!isXlsxName(input)) return { ok: false, message: CLI_MSG.notXlsx(input) };
  return { ok: true, value: { kind: "assess", input, output: output ?? defaultOutput(input) } };
}
