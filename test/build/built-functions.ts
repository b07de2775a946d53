/*
 * The production dist/functions.js, evaluated as Excel's JavaScript runtime evaluates it: a context with a
 * CustomFunctions global (and, for the shared runtime's Excel API, an Excel global the test installs).
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";

export const DIST = path.resolve(__dirname, "../../dist");

type Fn = (...args: unknown[]) => unknown;

export interface Built {
  /** The functions registered with CustomFunctions.associate, by id. */
  readonly functions: ReadonlyMap<string, Fn>;
  /** Install (or remove, with undefined) the Excel global of the bundle's context. */
  setExcel(excel: { run: unknown } | undefined): void;
  /** dist/functions.json. */
  readonly metadata: { functions: { id: string; parameters: { name: string }[]; options?: { requiresParameterAddresses?: boolean } }[] };
}

/** `globals`: more globals of the context (e.g. a document and Office.js, as in the shared runtime's page). */
export function loadBuilt(globals: Record<string, unknown> = {}): Built & { readonly context: object } {
  class BuiltError extends Error {
    constructor(readonly code: string, message?: string) { super(message); }
  }
  const functions = new Map<string, Fn>();
  const context = vm.createContext({
    CustomFunctions: {
      associate: (id: string, fn: Fn) => functions.set(id, fn),
      Error: BuiltError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
    },
    ...globals,
  }) as { Excel?: unknown };
  vm.runInContext(fs.readFileSync(path.join(DIST, "functions.js"), "utf8"), context);
  return {
    context,
    functions,
    setExcel(excel) {
      if (excel === undefined) delete context.Excel;
      else context.Excel = excel;
    },
    metadata: JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8")),
  };
}
