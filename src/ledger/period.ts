/** Assessment periods: a month, a quarter or a year, always a run of whole months. */
import { LEDGER_MESSAGES, LedgerError } from "./messages";

export type PeriodKind = "year" | "quarter" | "month";

export interface Period {
  readonly kind: PeriodKind;
  readonly year: number;
  /** 1–12. */
  readonly firstMonth: number;
  /** 12, 3 or 1. */
  readonly months: number;
  /** Canonical text: "2021", "2021Q1", "2021-03". */
  readonly label: string;
  /** Chinese name: 2021年度, 2021年第一季度, 2021年3月. */
  readonly name: string;
}

export function yearPeriod(year: number): Period {
  return { kind: "year", year, firstMonth: 1, months: 12, label: String(year), name: LEDGER_MESSAGES.periodName.year(year) };
}

export function quarterPeriod(year: number, quarter: number): Period {
  return {
    kind: "quarter", year, firstMonth: quarter * 3 - 2, months: 3, label: `${year}Q${quarter}`,
    name: LEDGER_MESSAGES.periodName.quarter(year, quarter),
  };
}

export function monthPeriod(year: number, month: number): Period {
  return {
    kind: "month", year, firstMonth: month, months: 1, label: `${year}-${String(month).padStart(2, "0")}`,
    name: LEDGER_MESSAGES.periodName.month(year, month),
  };
}

const QUARTER_WORDS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

/**
 * Reads "2021", "2021年", "2021年度", "2021Q1", "2021-Q1", "2021年第一季度", "2021-03", "2021-3",
 * "2021/03", "202103", "2021年3月". Throws LedgerError with a Chinese message otherwise.
 */
export function parsePeriod(text: string | number): Period {
  const s = String(text).normalize("NFKC").replace(/\s+/gu, "");
  let m: RegExpMatchArray | null;
  const valid = (year: number) => year >= 1990 && year <= 2100;
  if ((m = /^(\d{4})(?:年度?)?$/u.exec(s)) && valid(+m[1])) return yearPeriod(+m[1]);
  if ((m = /^(\d{4})(?:[-/]?[Qq]|年第?)([1-4一二三四])(?:季度?)?$/u.exec(s)) && valid(+m[1])) {
    return quarterPeriod(+m[1], QUARTER_WORDS[m[2]]);
  }
  if ((m = /^(\d{4})(?:[-/.]|年)?(\d{1,2})月?$/u.exec(s)) && valid(+m[1])) {
    const month = +m[2];
    const compact = !/[-/.年]/u.test(s);
    if (month >= 1 && month <= 12 && !(compact && m[2].length !== 2)) return monthPeriod(+m[1], month);
  }
  throw new LedgerError(LEDGER_MESSAGES.badPeriod(text));
}

/** Month indexes (year * 12 + month - 1) covered by a period. */
export function periodMonthIndexes(period: Period): number[] {
  const first = period.year * 12 + period.firstMonth - 1;
  return Array.from({ length: period.months }, (_, i) => first + i);
}

/** The twelve month periods of a year. */
export function monthsOfYear(year: number): Period[] {
  return Array.from({ length: 12 }, (_, i) => monthPeriod(year, i + 1));
}
