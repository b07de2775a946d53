/**
 * Argument parsing of `npm run assess`, kept apart so that new options (--ledger FILE, --period P) are one
 * line in OPTIONS plus their use. Pure: no file system, no process.
 */
import { basename, extname, join } from "node:path";
import { parseArgs } from "node:util";
import { IGNORED_HEADER, LEDGER_COLUMNS, LedgerError, normalizeHeader, parsePeriod, type Period } from "../ledger";
import { CLI_MSG, DOC_CLI_MSG, LEDGER_CLI_MSG } from "./messages";
import { parseMonth } from "../workbook/documents";
import type { DocumentsRequest } from "./documents";
import { limitsOfMb, type XlsxLimits } from "../xlsx/limits";
import { XLSX_MSG } from "../xlsx/messages";

export const DEFAULT_INPUT = "samples/ankang-2021-sample.xlsx";
export const DEFAULT_TEMPLATE_OUTPUT = "out/ankang-2021-template.xlsx";

interface OptionSpec {
  readonly names: readonly string[];
  readonly key: string;
  /** Takes a value: "-o FILE" or "--output=FILE". */
  readonly value: boolean;
  /** Given more than once, the values are joined with commas (--map a=b --map c=d). */
  readonly repeatable?: boolean;
}

export const OPTIONS: readonly OptionSpec[] = [
  { names: ["-h", "--help"], key: "help", value: false },
  { names: ["-o", "--output"], key: "output", value: true },
  { names: ["--template"], key: "template", value: false },
  { names: ["--force"], key: "force", value: false },
  { names: ["--ledger"], key: "ledger", value: true },
  { names: ["--period"], key: "period", value: true },
  { names: ["--drill"], key: "drill", value: true },
  { names: ["--map"], key: "map", value: true, repeatable: true },
  { names: ["--replace-typed"], key: "replaceTyped", value: false },
  { names: ["--max-part-mb"], key: "maxPartMb", value: true },
  { names: ["--pdf"], key: "pdf", value: false },
  { names: ["--method"], key: "method", value: true },
  { names: ["--bulletin"], key: "bulletin", value: true },
  { names: ["--report"], key: "report", value: false },
];

/** The options that only make sense with --ledger. */
const LEDGER_ONLY = [["period", "--period"], ["drill", "--drill"], ["map", "--map"], ["replaceTyped", "--replace-typed"]] as const;

export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly options: Readonly<Record<string, string | true>>;
}

export type ParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** parseArgs' configuration of OPTIONS: long name → type and short letter. */
const PARSE_CONFIG = Object.fromEntries(OPTIONS.map((o) => {
  const long = o.names.find((n) => n.startsWith("--"))?.slice(2) ?? o.key;
  const short = o.names.find((n) => /^-[^-]$/u.test(n))?.slice(1);
  return [long, { type: o.value ? "string" : "boolean", ...(short ? { short } : {}) }] as const;
})) as Record<string, { type: "string" | "boolean"; short?: string }>;

const specOf = (name: string) => OPTIONS.find((o) => o.names.includes(`--${name}`));

/**
 * Splits argv into options (by OPTIONS) and positionals with node:util parseArgs; "--" ends the options. It
 * runs lax and its tokens are checked here, so that every usage error is said in Chinese.
 */
export function parseArgv(argv: readonly string[]): ParseResult<ParsedArgs> {
  const { tokens } = parseArgs({ args: [...argv], options: PARSE_CONFIG, strict: false, allowPositionals: true, tokens: true });
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  for (const token of tokens) {
    if (token.kind === "positional") positionals.push(token.value);
    if (token.kind !== "option") continue;
    const spec = specOf(token.name);
    if (!spec) return { ok: false, message: CLI_MSG.unknownOption(argv[token.index]) };
    if (!spec.value) {
      if (token.value !== undefined) return { ok: false, message: CLI_MSG.unknownOption(argv[token.index]) };
      options[spec.key] = true;
      continue;
    }
    // "-o --template": the next word is an option, not the missing value.
    const value = token.value;
    if (value === undefined || value === "" || (!token.inlineValue && value.startsWith("-") && value !== "-")) {
      return { ok: false, message: CLI_MSG.missingValue(token.rawName) };
    }
    const earlier = options[spec.key];
    options[spec.key] = spec.repeatable && typeof earlier === "string" ? `${earlier},${value}` : value;
  }
  return { ok: true, value: { positionals, options } };
}

/** --ledger FILE and the options that go with it. */
export interface LedgerRequest {
  readonly file: string;
  /** Undefined: the ledger's year with the most orders. */
  readonly period?: Period;
  /** Unit whose 工单核查 is written. */
  readonly drill?: string;
  /** --map answers: header as written → ledger column (or 忽略). */
  readonly map?: Readonly<Record<string, string>>;
  /** --replace-typed: consent to replace 热线数据 values no import wrote (typed by hand or changed since). */
  readonly replaceTyped?: boolean;
}

export type Command =
  | { readonly kind: "help" }
  /** `force`: an existing output file may be replaced. */
  /** `method`: the template carries that workbook's method (--method) instead of the built-in one. */
  | { readonly kind: "template"; readonly output: string; readonly force: boolean; readonly method?: string }
  /** `input` null: start from a fresh template (only with a ledger). */
  | {
      readonly kind: "assess"; readonly input: string | null; readonly output: string; readonly ledger?: LedgerRequest;
      /** --max-part-mb: size limits of the .xlsx reader. */
      readonly limits?: XlsxLimits;
      /** Also write the PDF of the result next to the output (--pdf). */
      readonly pdf?: boolean;
      /** --method FILE: the workbook whose method sheets score this run (read only). */
      readonly method?: string;
      /** --bulletin MONTH / --report: the documents of spec J beside the output. */
      readonly documents?: DocumentsRequest;
    };

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
  const pdf = options.pdf ? { pdf: true } : {};
  const method = typeof options.method === "string" ? { method: options.method } : {};
  if (method.method !== undefined && !isXlsxName(method.method)) return { ok: false, message: CLI_MSG.methodNotXlsx(method.method) };
  if (options.template) {
    if (options.pdf) return { ok: false, message: CLI_MSG.pdfWithTemplate };
    if (options.bulletin || options.report) return { ok: false, message: CLI_MSG.documentsWithTemplate };
    if (positionals.length > 0) return { ok: false, message: CLI_MSG.templateTakesNoInput };
    if (options.ledger || LEDGER_ONLY.some(([key]) => options[key])) return { ok: false, message: LEDGER_CLI_MSG.ledgerWithTemplate };
    return { ok: true, value: { kind: "template", output: output ?? DEFAULT_TEMPLATE_OUTPUT, force: options.force === true, ...method } };
  }
  const limits = parseLimits(options.maxPartMb);
  if (!limits.ok) return limits;
  const documents = parseDocuments(options);
  if (!documents.ok) return documents;
  const withLimits = { ...(limits.value ? { limits: limits.value } : {}), ...(documents.value ? { documents: documents.value } : {}) };
  if (positionals.length > 1) return { ok: false, message: CLI_MSG.tooManyInputs(positionals) };
  if (positionals[0] !== undefined && !isXlsxName(positionals[0])) return { ok: false, message: CLI_MSG.notXlsx(positionals[0]) };
  if (typeof options.ledger !== "string") {
    const stray = LEDGER_ONLY.find(([key]) => options[key]);
    if (stray) return { ok: false, message: LEDGER_CLI_MSG.needsLedger(stray[1]) };
    const input = positionals[0] ?? DEFAULT_INPUT;
    return { ok: true, value: { kind: "assess", input, output: output ?? defaultOutput(input), ...withLimits, ...pdf, ...method } };
  }
  const ledger = parseLedgerRequest(options.ledger, options);
  if (!ledger.ok) return ledger;
  const input = positionals[0] ?? null;
  return { ok: true, value: { kind: "assess", input, output: output ?? defaultOutput(input ?? options.ledger), ledger: ledger.value, ...withLimits, ...pdf, ...method } };
}

/** --bulletin 2021-03 and --report. */
function parseDocuments(options: Readonly<Record<string, string | true>>): ParseResult<DocumentsRequest | undefined> {
  const report = options.report === true ? { report: true } : {};
  if (typeof options.bulletin !== "string") return { ok: true, value: options.report === true ? report : undefined };
  const month = parseMonth(options.bulletin);
  if (!month) return { ok: false, message: DOC_CLI_MSG.badMonth(options.bulletin) };
  return { ok: true, value: { bulletin: month, ...report } };
}

/** --max-part-mb N: a positive number of megabytes. */
function parseLimits(value: string | true | undefined): ParseResult<XlsxLimits | undefined> {
  if (typeof value !== "string") return { ok: true, value: undefined };
  const mb = Number(value);
  if (!(Number.isFinite(mb) && mb > 0)) return { ok: false, message: XLSX_MSG.badLimit(value) };
  return { ok: true, value: limitsOfMb(mb) };
}

function parseLedgerRequest(file: string, options: Readonly<Record<string, string | true>>): ParseResult<LedgerRequest> {
  let period: Period | undefined;
  if (typeof options.period === "string") {
    try {
      period = parsePeriod(options.period);
    } catch (error) {
      if (error instanceof LedgerError) return { ok: false, message: error.message };
      throw error;
    }
  }
  let map: Record<string, string> | undefined;
  if (typeof options.map === "string") {
    const parsed = parseMap(options.map);
    if (!parsed.ok) return parsed;
    map = parsed.value;
  }
  const drill = typeof options.drill === "string" ? options.drill : undefined;
  const replaceTyped = options.replaceTyped === true ? { replaceTyped: true } : {};
  return { ok: true, value: { file, ...(period ? { period } : {}), ...(drill ? { drill } : {}), ...(map ? { map } : {}), ...replaceTyped } };
}

/** "受理号=工单编号,处理部门=承办单位" (，and ＝ accepted) → {受理号: 工单编号, 处理部门: 承办单位}. */
export function parseMap(text: string): ParseResult<Record<string, string>> {
  const map: Record<string, string> = {};
  const columns: readonly string[] = [...LEDGER_COLUMNS, IGNORED_HEADER];
  for (const part of text.split(/[,，]/u)) {
    if (part.trim() === "") continue;
    const m = /^(.+?)[=＝](.+)$/u.exec(part.trim());
    if (!m || m[1].trim() === "") return { ok: false, message: LEDGER_CLI_MSG.badMap(text) };
    const column = columns.find((c) => normalizeHeader(c) === normalizeHeader(m[2]));
    if (!column) return { ok: false, message: LEDGER_CLI_MSG.badMapColumn(m[2].trim(), LEDGER_COLUMNS) };
    map[m[1].trim()] = column;
  }
  if (Object.keys(map).length === 0) return { ok: false, message: LEDGER_CLI_MSG.badMap(text) };
  return { ok: true, value: map };
}
