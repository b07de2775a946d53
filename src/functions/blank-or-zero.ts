/*
 * Same cell, same result on every host (spec D). Excel on Windows and Mac passes a blank cell to a custom function as
 * the number 0; Excel on the web passes null (office-js #4702, #1951, #5262). The functions are written for the web's
 * convention (null = blank). Where a 0 received could be a blank cell AND the answer depends on which it is, the
 * function asks Excel: `@requiresParameterAddresses` gives the argument's cell, and the shared runtime reads it.
 * Every other call stays synchronous (WPS and Excel's formula preview need that).
 */
import { errorOf } from "./arguments";
import { HOST_MSG } from "./messages";

type Args = readonly unknown[];
type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

function attempt<T>(compute: (args: Args) => T, args: Args): Outcome<T> {
  try {
    return { ok: true, value: compute(args) };
  } catch (error) {
    return { ok: false, error };
  }
}

function describe(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown };
  return `${String(e?.code)}|${String(e?.message)}`;
}

function sameOutcome<T>(a: Outcome<T>, b: Outcome<T>): boolean {
  if (a.ok && b.ok) return Object.is(a.value, b.value);
  if (!a.ok && !b.ok) return describe(a.error) === describe(b.error);
  return false;
}

function settle<T>(outcome: Outcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw outcome.error;
}

const withBlanks = (args: Args, blank: (i: number) => boolean): Args => args.map((v, i) => (blank(i) ? null : v));

/**
 * The zeros (argument indexes) whose reading as blank can change the answer: every way of reading the zeros is tried
 * (2^k answers; the functions that ask have at most five arguments).
 */
function decisiveZeros<T>(compute: (args: Args) => T, args: Args, asReceived: Outcome<T>): number[] {
  const zeros = args.flatMap((v, i) => (v === 0 ? [i] : []));
  const outcomes = Array.from({ length: 1 << zeros.length }, (_, mask) =>
    mask === 0 ? asReceived : attempt(compute, withBlanks(args, (i) => zeros.some((z, bit) => z === i && mask & (1 << bit)))));
  return zeros.filter((_, bit) =>
    outcomes.some((outcome, mask) => !(mask & (1 << bit)) && !sameOutcome(outcome, outcomes[mask | (1 << bit)])));
}

/** "Sheet1!B2", "'My sheet'!$B$2" → sheet and cell; anything else (a range, no sheet) → undefined. */
export function singleCell(address: string): { sheet: string; cell: string } | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([^'!:]+))!\$?([A-Za-z]{1,3})\$?(\d+)$/u.exec(address.trim());
  if (!m) return undefined;
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], cell: `${m[3]}${m[4]}`.toUpperCase() };
}

/** Which of these cells are empty, read through the shared runtime's Excel API; undefined where there is none. */
type BlankReader = (cells: readonly { sheet: string; cell: string }[]) => Promise<boolean[]>;

function excelReader(): BlankReader | undefined {
  const excel = (globalThis as { Excel?: { run?: typeof Excel.run } }).Excel;
  const run = excel?.run;
  if (typeof run !== "function") return undefined;
  return (cells) => run(async (context: Excel.RequestContext) => {
    const ranges = cells.map(({ sheet, cell }) => context.workbook.worksheets.getItem(sheet).getRange(cell).load("valueTypes"));
    await context.sync();
    return ranges.map((range) => range.valueTypes[0][0] === "Empty");
  });
}

const notAvailable = (message: string) => errorOf("na", message);

/**
 * Compute on arguments as any host passes them. `fields` name the arguments for messages.
 * - No 0 that matters (the answer is the same whether each 0 is read as 0 or as blank): the answer, synchronously.
 * - A 0 whose parameter address is empty (a constant or a formula, not a cell): a real 0.
 * - A 0 from a cell: the cell is read; an empty cell is blank. The answer is then a Promise.
 * - The host gives no addresses, an address is not one cell, or the cell cannot be read: #N/A saying so, never a guess.
 */
export function sameOnEveryHost<T>(
  args: Args, invocation: CustomFunctions.Invocation | undefined, fields: readonly string[], compute: (args: Args) => T,
): T | Promise<T> {
  const asReceived = attempt(compute, args);
  const zeros = decisiveZeros(compute, args, asReceived);
  if (zeros.length === 0) return settle(asReceived);

  const addresses = invocation?.parameterAddresses;
  if (!Array.isArray(addresses)) throw notAvailable(HOST_MSG.zeroNoAddress(fields[zeros[0]]));
  const fromCells = zeros.filter((i) => typeof addresses[i] === "string" && addresses[i].trim() !== "");
  if (fromCells.length === 0) return settle(asReceived);

  const cells = fromCells.map((i) => ({ index: i, address: addresses[i], at: singleCell(addresses[i]) }));
  const odd = cells.find((c) => c.at === undefined);
  if (odd) throw notAvailable(HOST_MSG.zeroUnreadable(fields[odd.index], odd.address));
  const read = excelReader();
  if (!read) throw notAvailable(HOST_MSG.zeroUnreadable(fields[cells[0].index], cells[0].address));

  return read(cells.map((c) => c.at!)).then(
    (blank) => {
      const blanked = new Set(cells.filter((_, k) => blank[k]).map((c) => c.index));
      return settle(attempt(compute, withBlanks(args, (i) => blanked.has(i))));
    },
    () => {
      throw notAvailable(HOST_MSG.zeroUnreadable(fields[cells[0].index], cells[0].address));
    },
  );
}
