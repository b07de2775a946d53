import {
  isBlank, parseAmount, parseCount, parseCountPair, parseRate, parseUnitType, type ErrorKind, type Parsed, type Problem,
  type RateInput,
} from "../engine";
import { HOST_MSG } from "./messages";

/**
 * Excel values to engine values. A bad value becomes a CustomFunctions.Error with the engine's Chinese message;
 * Excel shows custom messages only on #VALUE! and #N/A, so those are the only codes used.
 */
export function errorOf(kind: ErrorKind, message: string): CustomFunctions.Error {
  const codes = CustomFunctions.ErrorCode;
  const code = kind === "na" ? codes?.notAvailable ?? "#N/A" : codes?.invalidValue ?? "#VALUE!";
  return new CustomFunctions.Error(code as CustomFunctions.ErrorCode, message);
}

export const excelError = (problem: Problem): CustomFunctions.Error => errorOf(problem.kind, problem.message);

export function unwrap<T>(parsed: Parsed<T>): T {
  if (parsed.ok) return parsed.value;
  throw excelError(parsed.problem);
}

/** How an argument is named in messages: 参数 due_count（应办结数）. */
export const arg = HOST_MSG.argument;

export const rate = (raw: unknown, name: string, meaning: string) => unwrap(parseRate(raw, arg(name, meaning)));
export const count = (raw: unknown, name: string, meaning: string) => unwrap(parseCount(raw, arg(name, meaning)));
export const amount = (raw: unknown, name: string, meaning: string) => unwrap(parseAmount(raw, arg(name, meaning)));
export const unitType = (raw: unknown, name: string) => unwrap(parseUnitType(raw, arg(name, "单位类别")));

/** Excel passes an omitted optional argument as null (undefined when called from script). */
export const omitted = (raw: unknown) => raw === null || raw === undefined;

/**
 * Where 0 is never a valid value (a status, a name, a unit type, an item number), 0 reads as blank: desktop Excel
 * passes a blank cell as 0, the web as null, and both must give the same answer.
 */
export const zeroAsBlank = (raw: unknown) => (raw === 0 ? null : raw);

/** (rate) or (numerator, denominator): the two forms of every rate function. A blank denominator = the rate form. */
export function rateOrCounts(
  first: unknown, second: unknown,
  names: { rate: [string, string]; numerator: [string, string]; denominator: [string, string] },
): RateInput {
  if (isBlank(second)) return { kind: "rate", rate: rate(first, ...names.rate) };
  return unwrap(parseCountPair(first, second, arg(...names.numerator), arg(...names.denominator)));
}
