/*
 * samples/excel-acceptance.xlsx as Excel would calculate it on one host: every formula evaluated (test/functions/
 * formula.ts), the ASSESS.* calls made with the arguments that host passes (test/functions/excel-host.ts).
 */
import ExcelJS from "exceljs";
import { cellsOf, excelArguments, fakeExcel, installExcel, outcomeOf, Sheet, type Host, type Outcome } from "./excel-host";
import { evaluate, parse, type Value, type Workbook } from "./formula";

type Fn = (...args: unknown[]) => unknown;
type Metadata = Parameters<typeof excelArguments>[4];

export interface Calculated {
  /** Every formula cell's value. */
  readonly values: ReadonlyMap<string, Value>;
  /** What each ASSESS.* call gave, with its message. */
  readonly calls: ReadonlyMap<string, Outcome>;
  readonly cellReads: number;
}


/**
 * Calculate the worksheet on `host`. `functions` are the registered ASSESS.* functions; `setExcel` installs the
 * Excel API where they will look for it (the global for the source, the vm context for the bundle).
 */
export async function calculate(
  worksheet: ExcelJS.Worksheet, host: Host, functions: ReadonlyMap<string, Fn>, metadata: Metadata,
  setExcel: (excel: { run: unknown } | undefined) => void = installExcel,
): Promise<Calculated> {
  const inputs = new Sheet(worksheet.name);
  const formulas = new Map<string, string>();
  const constants = new Map<string, Value>();
  worksheet.eachRow((row) => row.eachCell((cell) => {
    const v = cell.value;
    if (v && typeof v === "object" && "formula" in v && typeof v.formula === "string") formulas.set(cell.address, v.formula);
    else if (v && typeof v === "object" && "error" in v) constants.set(cell.address, { error: v.error });
    else if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") inputs.set(cell.address, v);
    else if (v !== null && v !== undefined) throw new Error(`${cell.address}: cell value not understood`);
  }));

  const excel = fakeExcel([inputs]);
  setExcel(excel.api);
  const values = new Map<string, Value>();
  const calls = new Map<string, Outcome>();
  let current = "";
  const book: Workbook = {
    async cell(ref) {
      if (formulas.has(ref)) {
        if (!values.has(ref)) {
          const outer = current;
          current = ref;
          values.set(ref, await evaluate(parse(formulas.get(ref)!), book));
          current = outer;
        }
        return values.get(ref)!;
      }
      if (constants.has(ref)) return constants.get(ref)!;
      return inputs.get(ref) ?? null;
    },
    range: (from, to) => cellsOf(`${from}:${to}`),
    async udf(id, args) {
      const fn = functions.get(id);
      if (!fn) return { error: "#NAME?" };
      const outcome = await outcomeOf(() => fn(...excelArguments(host, inputs, id, args, metadata)));
      calls.set(current, outcome);
      return "value" in outcome ? (outcome.value as Value) : { error: outcome.code };
    },
  };
  try {
    for (const ref of formulas.keys()) await book.cell(ref);
  } finally {
    setExcel(undefined);
  }
  return { values, calls, cellReads: excel.stats.reads };
}
