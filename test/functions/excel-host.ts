/*
 * How Excel calls a custom function, on each host, for a formula over cells of a sheet (office-js #4702, #1951, #5262;
 * Microsoft's docs on optional parameters and on the invocation parameter):
 * - a reference to a blank cell: 0 on Windows and Mac ("desktop"), null on the web; the same inside a range;
 * - an omitted optional argument: null on every host; then the invocation object, always last;
 * - invocation.parameterAddresses ("Sheet!B2") only when the function's metadata asks for it; "" where an argument is
 *   a constant or omitted (Excel does not document this case; the functions treat "", null and undefined alike);
 * - Excel.run reads a cell through the shared runtime: valueTypes "Empty" for a blank cell.
 * The double is stricter than Excel where it can be: properties can be read only after load + sync, an unknown sheet
 * or a malformed address throws, and a function whose metadata lacks requiresParameterAddresses gets no addresses.
 */
import * as fs from "fs";
import * as path from "path";

/** A cell as the user left it: undefined = blank. */
export type Cell = number | string | boolean | undefined;

/** An argument as written in the formula. */
export type FormulaArg =
  | { readonly ref: string } // B2
  | { readonly range: string } // B2:E2
  | { readonly constant: number | string | boolean };

export type Host = "desktop" | "web";
export const HOSTS: readonly Host[] = ["desktop", "web"];

interface Metadata {
  functions: { id: string; parameters: { name: string }[]; options?: { requiresParameterAddresses?: boolean } }[];
}

export const GOLDEN_METADATA = path.resolve(__dirname, "../golden/functions.json");
const METADATA = JSON.parse(fs.readFileSync(GOLDEN_METADATA, "utf8")) as Metadata;

export function metadataOf(id: string, metadata: Metadata = METADATA) {
  const found = metadata.functions.find((f) => f.id === id);
  if (!found) throw new Error(`no function ${id} in functions.json`);
  return found;
}

/** Excel id → exported name in src/functions/functions.ts. */
export const EXPORTS: Record<string, string> = {
  HOTLINE_COMPLETION_DEDUCT: "hotlineCompletionDeduct",
  HOTLINE_RETURN_DEDUCT: "hotlineReturnDeduct",
  HOTLINE_EXTENSION_DEDUCT: "hotlineExtensionDeduct",
  HOTLINE_SATISFACTION_DEDUCT: "hotlineSatisfactionDeduct",
  HOTLINE_HANDLING_DEDUCT: "hotlineHandlingDeduct",
  HOTLINE_COOPERATION_DEDUCT: "hotlineCooperationDeduct",
  HOTLINE_BONUS: "hotlineBonus",
  HOTLINE_SCORE: "hotlineScore",
  VETO_SCORE: "vetoScore",
  APPROVAL_TARGETS_MET: "approvalTargetsMet",
  APPROVAL_APPLIES: "approvalApplies",
  UNIT_TYPE: "unitTypeOf",
  RATE_DEDUCT: "rateDeduct",
  CASE_POINTS: "casePoints",
};

const CELL = /^([A-Z]{1,3})(\d+)$/;
const column = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const letters = (col: number): string => (col <= 0 ? "" : letters(Math.floor((col - 1) / 26)) + String.fromCharCode(65 + ((col - 1) % 26)));

function parseCell(address: string): [number, number] {
  const m = CELL.exec(address);
  if (!m) throw new Error(`not a cell address: ${address}`);
  return [column(m[1]), Number(m[2])];
}

/** The addresses of the cells of "B2:E3", row by row. */
export function cellsOf(range: string): string[] {
  const [from, to] = range.split(":");
  const [c1, r1] = parseCell(from);
  const [c2, r2] = parseCell(to ?? from);
  const refs: string[] = [];
  for (let r = Math.min(r1, r2); r <= Math.max(r1, r2); r++) {
    for (let c = Math.min(c1, c2); c <= Math.max(c1, c2); c++) refs.push(`${letters(c)}${r}`);
  }
  return refs;
}

/** A worksheet: cells by address ("B2"). */
export class Sheet {
  private readonly cells = new Map<string, Cell>();
  constructor(readonly name: string) {}

  set(address: string, value: Cell): this {
    parseCell(address);
    if (value === undefined) this.cells.delete(address);
    else this.cells.set(address, value);
    return this;
  }

  get(address: string): Cell {
    parseCell(address);
    return this.cells.get(address);
  }

  /** The cells of "B2:E3", row by row. */
  range(address: string): Cell[][] {
    const refs = cellsOf(address);
    const rowOf = (ref: string) => ref.replace(/^[A-Z]+/, "");
    const width = refs.filter((ref) => rowOf(ref) === rowOf(refs[0])).length;
    const rows: Cell[][] = [];
    for (let i = 0; i < refs.length; i += width) rows.push(refs.slice(i, i + width).map((ref) => this.get(ref)));
    return rows;
  }
}

const passed = (host: Host, cell: Cell): unknown => (cell === undefined ? (host === "desktop" ? 0 : null) : cell);

/** The arguments Excel passes for a formula =ASSESS.ID(args…) on `sheet`: values, nulls, then the invocation. */
export function excelArguments(host: Host, sheet: Sheet, id: string, args: readonly FormulaArg[], metadata?: Metadata): unknown[] {
  const meta = metadataOf(id, metadata);
  const arity = meta.parameters.length;
  if (args.length > arity) throw new Error(`${id} takes at most ${arity} arguments, got ${args.length}`);
  const values = args.map((a) => {
    if ("ref" in a) return passed(host, sheet.get(a.ref));
    if ("range" in a) return sheet.range(a.range).map((row) => row.map((c) => passed(host, c)));
    return a.constant;
  });
  const omitted = Array(arity - args.length).fill(null);
  const invocation: CustomFunctions.Invocation = { functionName: `ASSESS.${id}` } as CustomFunctions.Invocation;
  if (meta.options?.requiresParameterAddresses) {
    invocation.parameterAddresses = [
      ...args.map((a) => ("ref" in a ? `${quoteSheet(sheet.name)}!${a.ref}` : "range" in a ? `${quoteSheet(sheet.name)}!${a.range}` : "")),
      ...omitted.map(() => ""),
    ];
  }
  return [...values, ...omitted, invocation];
}

/** Excel quotes a sheet name with a space or punctuation and doubles an apostrophe in it. */
function quoteSheet(name: string): string {
  return /^[\p{L}\p{N}]+$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** The part of Excel's API the functions use to read a cell, over these sheets; `reads` counts the cells read. */
export function fakeExcel(sheets: readonly Sheet[], options: { fail?: boolean } = {}) {
  const stats = { runs: 0, reads: 0 };
  const run = async <T>(batch: (context: unknown) => Promise<T>): Promise<T> => {
    stats.runs++;
    const pending: (() => void)[] = [];
    const context = {
      workbook: {
        worksheets: {
          getItem(name: string) {
            const sheet = sheets.find((s) => s.name === name);
            if (!sheet) throw new Error(`ItemNotFound: no sheet ${name}`);
            return {
              getRange(address: string) {
                const cell = sheet.get(address);
                let loaded = false;
                const range = {
                  load(property: string) {
                    if (property !== "valueTypes") throw new Error(`the double loads only valueTypes, not ${property}`);
                    pending.push(() => { loaded = true; stats.reads++; });
                    return range;
                  },
                  get valueTypes() {
                    if (!loaded) throw new Error("PropertyNotLoaded: valueTypes read before load() and sync()");
                    return [[cell === undefined ? "Empty" : typeof cell === "number" ? "Double" : typeof cell === "boolean" ? "Boolean" : "String"]];
                  },
                };
                return range;
              },
            };
          },
        },
      },
      async sync() {
        if (options.fail) throw new Error("GeneralException");
        pending.splice(0).forEach((f) => f());
      },
    };
    return batch(context);
  };
  return { api: { run }, stats };
}

/** Install (or remove) the Excel global the shared runtime provides. */
export function installExcel(excel: { run: unknown } | undefined): void {
  const g = globalThis as { Excel?: unknown };
  if (excel === undefined) delete g.Excel;
  else g.Excel = excel;
}

/** What a call gives as Excel shows it: a value, or an error code with its message. Promises are awaited. */
export type Outcome = { value: unknown } | { code: string; message: string };

export async function outcomeOf(call: () => unknown): Promise<Outcome> {
  try {
    return { value: await call() };
  } catch (e) {
    const err = e as { code?: string; message: string };
    if (typeof err.code !== "string") throw e;
    return { code: err.code, message: err.message };
  }
}

/**
 * A function called as Excel calls it when every argument is written in the formula as a constant
 * (=ASSESS.HOTLINE_RETURN_DEDUCT(0.06)): omitted arguments null, then the invocation, with no cell addresses.
 */
export function withConstants(id: string, fn: (...args: never[]) => unknown): (...args: unknown[]) => unknown {
  const meta = metadataOf(id);
  return (...args: unknown[]) => {
    const values = [...args, ...Array(Math.max(0, meta.parameters.length - args.length)).fill(null)].map((v) => (v === undefined ? null : v));
    const invocation = { functionName: `ASSESS.${id}` } as CustomFunctions.Invocation;
    if (meta.options?.requiresParameterAddresses) invocation.parameterAddresses = values.map(() => "");
    return (fn as (...a: unknown[]) => unknown)(...values, invocation);
  };
}
