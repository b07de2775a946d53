// The period picker's input as a Period of the ledger (year, quarter or month).
import { parsePeriod, type Period } from "../../ledger";
import { errorText } from "../shared/lock";
import type { PeriodInput } from "./types";

/** The period text parsePeriod reads: "2021", "2021Q1" or "2021-03". */
export function periodText(input: PeriodInput): string {
  const year = input.year.trim();
  if (input.kind === "quarter") return `${year}Q${input.quarter}`;
  if (input.kind === "month") return `${year}-${String(input.month).padStart(2, "0")}`;
  return year;
}

/** The period picked, or the Chinese reason it is not one (parsePeriod's). */
export function readPeriod(input: PeriodInput): { period: Period } | { error: string } {
  try {
    return { period: parsePeriod(periodText(input)) };
  } catch (error) {
    return { error: errorText(error) };
  }
}
