/** Reading the non-date cells of a ledger row. */
import type { LedgerCell } from "./timestamps";

export const CALLBACK_RESULTS = ["未回访", "满意", "基本满意", "不满意", "拒访", "无法联系"] as const;
export type CallbackResult = (typeof CALLBACK_RESULTS)[number];

/** Index into CALLBACK_RESULTS; compact enough to keep per stored order. */
export const Callback = {
  None: 0,
  Satisfied: 1,
  BasicallySatisfied: 2,
  Dissatisfied: 3,
  Refused: 4,
  Unreachable: 5,
} as const;
export type Callback = (typeof Callback)[keyof typeof Callback];

/** Blank or whitespace-only (a cell holding only spaces is blank to a reader). */
export function isBlank(value: LedgerCell): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.length === 0 || value.trim().length === 0;
  return false;
}

/** Text of a cell for names and ids; numbers keep every digit (order ids exported as numbers). */
export function cellText(value: LedgerCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/**
 * A copy of `s` that does not keep the string it was cut from alive. V8 represents substrings of 13+
 * characters as views into their parent; an order id kept for the whole import would otherwise pin the
 * entire decoded chunk (about 1 MB) it came from.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (" " + s).slice(1);
}

const YES_NO = new Map<string, boolean>([
  ["是", true], ["否", false],
  ["Y", true], ["N", false], ["YES", true], ["NO", false],
  ["1", true], ["0", false],
  ["TRUE", true], ["FALSE", false],
  // Status wording of platform exports (延期状态, 退单状态).
  ["已延期", true], ["未延期", false], ["已退单", true], ["未退单", false], ["已退回", true], ["未退回", false],
]);

/** 是/否 and its spellings; blank means 否 (the platform leaves the flag empty when not set). */
export function parseYesNo(value: LedgerCell): boolean | undefined {
  if (value === null || value === undefined) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value !== "string") return undefined;
  const direct = YES_NO.get(value);
  if (direct !== undefined) return direct;
  const key = value.normalize("NFKC").trim().toUpperCase();
  if (key === "") return false;
  return YES_NO.get(key);
}

/** Common platform wording (spec F), beside the six names themselves. */
const CALLBACK_SYNONYMS: Readonly<Record<string, Callback>> = {
  拒绝回访: Callback.Refused, 拒绝评价: Callback.Refused, 非常满意: Callback.Satisfied,
  未接通: Callback.Unreachable, 空号: Callback.Unreachable,
};

const CALLBACKS = new Map<string, Callback>([
  ...CALLBACK_RESULTS.map((name, i) => [name, i as Callback] as const),
  ...Object.entries(CALLBACK_SYNONYMS),
]);

/** 回访结果 (the six names and the platform's common wording); blank means 未回访. */
export function parseCallback(value: LedgerCell): Callback | undefined {
  if (value === null || value === undefined) return Callback.None;
  if (typeof value !== "string") return undefined;
  const direct = CALLBACKS.get(value);
  if (direct !== undefined) return direct;
  const key = value.normalize("NFKC").replace(/\s+/gu, "");
  if (key === "") return Callback.None;
  return CALLBACKS.get(key);
}
