import { unixMsOfSerial } from "../sheet";
import { MSG } from "./messages";
import { excel15 } from "./numbers";
import { fail, ok, type ErrorKind, type Parsed, type Problem, type ProblemCode, type UnitType } from "./types";

/** Where a value came from: a workbook cell, when there is one. */
export interface Where {
  readonly sheet?: string;
  readonly cell?: string;
}

export function problem(
  code: ProblemCode, kind: ErrorKind, message: string, field: string, value: unknown,
  where: Where = {}, severity: "error" | "warning" = "error",
): Problem {
  return { code, kind, message, field, value, sheet: where.sheet, cell: where.cell, severity };
}

export function isBlank(raw: unknown): boolean {
  return raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "");
}

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED_NUMBER_TEXT = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/** Numeric text as a person types it: full-width digits, spaces and thousands separators allowed. */
function numberFromText(text: string): number | undefined {
  const t = text.normalize("NFKC").replace(/\s+/gu, "");
  if (NUMBER_TEXT.test(t)) return Number(t);
  if (GROUPED_NUMBER_TEXT.test(t)) return Number(t.replace(/,/g, ""));
  return undefined;
}

/** A rate: a number in [0,1], or text "98.5%", "98.5％", "0.985". Blank → #N/A; anything else bad → #VALUE!. */
export function parseRate(raw: unknown, field: string, where?: Where): Parsed<number> {
  if (isBlank(raw)) return fail(problem("blank", "na", MSG.rateBlank(field), field, raw, where));
  if (typeof raw === "boolean") return fail(problem("boolean", "value", MSG.rateBoolean(field, raw), field, raw, where));
  let rate: number | undefined;
  if (typeof raw === "number") rate = raw;
  else if (typeof raw === "string") {
    const t = raw.normalize("NFKC").replace(/\s+/gu, "");
    if (t.endsWith("%")) {
      const pct = numberFromText(t.slice(0, -1));
      rate = pct === undefined ? undefined : pct / 100;
    } else rate = numberFromText(t);
  }
  if (rate === undefined || !Number.isFinite(rate)) {
    return fail(problem("notNumber", "value", MSG.rateNotNumber(field, raw), field, raw, where));
  }
  rate = excel15(rate);
  if (rate < 0 || rate > 1) return fail(problem("outOfRange", "value", MSG.rateOutOfRange(field, raw), field, raw, where));
  return ok(rate);
}

function parseNonNegative(raw: unknown, field: string, where: Where | undefined, whole: boolean): Parsed<number> {
  if (isBlank(raw)) return ok(0);
  const msgs = whole
    ? { nan: MSG.countNotNumber, bool: MSG.countBoolean, neg: MSG.countNegative }
    : { nan: MSG.amountNotNumber, bool: MSG.amountBoolean, neg: MSG.amountNegative };
  if (typeof raw === "boolean") return fail(problem("boolean", "value", msgs.bool(field, raw), field, raw, where));
  const n = typeof raw === "number" ? raw : typeof raw === "string" ? numberFromText(raw) : undefined;
  if (n === undefined || !Number.isFinite(n)) return fail(problem("notNumber", "value", msgs.nan(field, raw), field, raw, where));
  const v = excel15(n);
  if (v < 0) return fail(problem("negative", "value", msgs.neg(field, raw), field, raw, where));
  if (whole && !Number.isInteger(v)) {
    return fail(problem("fractional", "value", MSG.countFractional(field, raw), field, raw, where));
  }
  return ok(v);
}

/** A count of cases or orders: blank → 0; a whole number ≥ 0 (numeric text accepted). */
export function parseCount(raw: unknown, field: string, where?: Where): Parsed<number> {
  return parseNonNegative(raw, field, where, true);
}

/** An amount (monthly average, a deduction, a bonus): blank → 0; a number ≥ 0 (numeric text accepted). */
export function parseAmount(raw: unknown, field: string, where?: Where): Parsed<number> {
  return parseNonNegative(raw, field, where, false);
}

const UNIT_TYPE_WORDS: Record<string, UnitType> = {
  县区: "县区", county: "县区", 市直: "市直", department: "市直", 其他: "其他", other: "其他",
};

export function parseUnitType(raw: unknown, field: string, where?: Where): Parsed<UnitType> {
  const key = typeof raw === "string" ? raw.normalize("NFKC").trim().toLowerCase() : undefined;
  const type = key === undefined ? undefined : UNIT_TYPE_WORDS[key];
  if (!type) return fail(problem("unknownUnitType", "value", MSG.unitTypeUnknown(field, raw), field, raw, where));
  return ok(type);
}

export type Status = "done" | "notDone" | "notApplicable";

export interface StatusWords {
  readonly done: readonly (string | number | boolean)[];
  readonly notDone: readonly (string | number | boolean)[];
  readonly notApplicable: readonly string[];
}

/** A status cell: a typo is an error, never "not applicable". */
export function parseStatus(raw: unknown, words: StatusWords, field: string, where?: Where): Parsed<Status> {
  if (isBlank(raw)) return ok("notApplicable");
  // Numbers are not statuses (spec D); the functions read a 0 as blank before calling this, the workbook lists it.
  if (typeof raw === "number") return fail(problem("unknownStatus", "value", MSG.statusNumber(field, raw), field, raw, where));
  // Text "TRUE" in a text-formatted cell means the same as the boolean TRUE.
  const norm = (v: unknown) => String(v).normalize("NFKC").trim().toUpperCase();
  const value = norm(raw);
  const matches = (list: readonly (string | number | boolean)[]) => list.some((w) => norm(w) === value);
  if (matches(words.done)) return ok("done");
  if (matches(words.notDone)) return ok("notDone");
  if (words.notApplicable.some((w) => norm(w) === value)) return ok("notApplicable");
  return fail(problem("unknownStatus", "value", MSG.statusUnknown(field, raw), field, raw, where));
}

// A time of day after the date ("2022-01-01 09:00") is accepted and ignored: the rules compare calendar days.
const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+\d{1,2}[:：]\d{2}(?:[:：]\d{2}(?:\.\d+)?)?)?$/u;

/** An Excel date serial (1900 system) to "YYYY-MM-DD". */
export function serialToIsoDate(serial: number): string {
  const ms = Math.round(unixMsOfSerial(serial));
  return new Date(ms).toISOString().slice(0, 10);
}

/** A calendar date as "YYYY-MM-DD": a Date (as exceljs reads it), an Excel serial, or text 2021-12-31 / 2021年12月31日. */
export function parseDate(raw: unknown, field: string, where?: Where): Parsed<string | null> {
  if (isBlank(raw)) return ok(null);
  if (raw instanceof Date && !Number.isNaN(raw.getTime())) return ok(raw.toISOString().slice(0, 10));
  if (typeof raw === "number" && Number.isFinite(raw) && raw > 0 && raw < 2958466) return ok(serialToIsoDate(raw));
  if (typeof raw === "string") {
    const m = DATE_TEXT.exec(raw.normalize("NFKC").trim());
    if (m) {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const date = new Date(Date.UTC(y, mo - 1, d));
      if (date.getUTCMonth() === mo - 1 && date.getUTCDate() === d) return ok(date.toISOString().slice(0, 10));
    }
  }
  return fail(problem("badDate", "value", MSG.dateInvalid(field, raw), field, raw, where));
}

/** A rate from two counts: both whole numbers ≥ 0, the numerator no greater than the denominator. */
export function parseCountPair(
  numeratorRaw: unknown, denominatorRaw: unknown, numeratorField: string, denominatorField: string,
  at: { numerator?: Where; denominator?: Where } = {},
): Parsed<{ readonly kind: "count"; readonly numerator: number; readonly denominator: number }> {
  const n = parseCount(numeratorRaw, numeratorField, at.numerator);
  if (!n.ok) return n;
  const d = parseCount(denominatorRaw, denominatorField, at.denominator);
  if (!d.ok) return d;
  if (n.value > d.value) {
    const msg = MSG.numeratorExceeds(numeratorField, n.value, denominatorField, d.value);
    return fail(problem("numeratorExceedsDenominator", "value", msg, numeratorField, numeratorRaw, at.numerator));
  }
  return ok({ kind: "count", numerator: n.value, denominator: d.value });
}
