/**
 * Ledger times are local times as written, never converted: a timestamp here is the number of seconds
 * from 1970-01-01 00:00:00 to the written wall-clock time, computed as if it were UTC. NaN = no time.
 */
import { DATE1904_OFFSET, EXCEL_UNIX_EPOCH } from "../sheet";

/** A cell as any source delivers it (CSV text, xlsx value, Office.js range value, exceljs Date). */
export type LedgerCell = string | number | boolean | Date | null | undefined;

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;
const DAY = 86400;

// Seconds at the start of each month from MIN_YEAR, so parsing never calls Date.UTC per row.
const MONTH_START: Float64Array = (() => {
  const starts = new Float64Array((MAX_YEAR - MIN_YEAR + 1) * 12 + 1);
  for (let i = 0; i < starts.length; i++) starts[i] = Date.UTC(MIN_YEAR, i, 1) / 1000;
  return starts;
})();

/** Seconds of a written wall-clock time, or NaN when a component is out of range. */
export function civilSeconds(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return NaN;
  const m = (year - MIN_YEAR) * 12 + month - 1;
  const start = MONTH_START[m];
  if (day > (MONTH_START[m + 1] - start) / DAY) return NaN;
  if (hour > 23 || minute > 59 || second > 59) return NaN;
  return start + (day - 1) * DAY + hour * 3600 + minute * 60 + second;
}

/** First second of MIN_YEAR and the first second after MAX_YEAR: the range of every parsed timestamp. */
export const FIRST_SECOND = MONTH_START[0];
export const END_SECOND = MONTH_START[MONTH_START.length - 1];
const DAYS = (END_SECOND - FIRST_SECOND) / DAY;

// Month (0 = January of MIN_YEAR) of each day of the range: a timestamp's month is one division and
// one load, which matters at three lookups per order over a million orders.
const MONTH_OF_DAY: Uint16Array = (() => {
  const months = new Uint16Array(DAYS);
  for (let m = 0; m < MONTH_START.length - 1; m++) {
    months.fill(m, (MONTH_START[m] - FIRST_SECOND) / DAY, (MONTH_START[m + 1] - FIRST_SECOND) / DAY);
  }
  return months;
})();

/** Month index (year * 12 + month - 1) of a timestamp; clamped to MIN_YEAR..MAX_YEAR. */
export function monthIndexOf(seconds: number): number {
  let day = Math.floor((seconds - FIRST_SECOND) / DAY);
  if (day < 0) day = 0;
  else if (day >= DAYS) day = DAYS - 1;
  else if (Number.isNaN(day)) return NaN;
  return MIN_YEAR * 12 + MONTH_OF_DAY[day];
}

/** Seconds at the start of a month index (year * 12 + month - 1); valid for MIN_YEAR..MAX_YEAR+1. */
export function monthStartSeconds(monthIndex: number): number {
  const y = Math.floor(monthIndex / 12);
  return Date.UTC(y, monthIndex - y * 12, 1) / 1000;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** "2021-03-05 14:22:10", or "" for NaN. */
export function formatTimestamp(seconds: number): string {
  if (Number.isNaN(seconds)) return "";
  const d = new Date(seconds * 1000);
  return (
    `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ` +
    `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`
  );
}

/** An Excel serial number (1900 date system) to seconds; rounds to the second Excel's float noise. */
export function serialToSeconds(serial: number): number {
  if (!Number.isFinite(serial) || serial < 1) return NaN;
  const seconds = Math.round((serial - EXCEL_UNIX_EPOCH) * DAY);
  return seconds < FIRST_SECOND || seconds >= END_SECOND ? NaN : seconds;
}

const C0 = 48;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Parses a date-time written as text: 2021-03-05 14:22:10, 2021/3/5 14:22, 2021.3.5, 2021-03-05,
 * 2021年3月5日 14:22, 2021年3月5日14时22分, 2021-03-05T14:22:10, with optional fractional seconds
 * (truncated: the time is compared as written, to the second). Returns NaN when unreadable.
 * `endOfDayWhenNoTime`: a date written without a time of day stands for the whole day (used for
 * 办理时限, so an order closed on its deadline day is on time).
 */
export function parseDateText(text: string, endOfDayWhenNoTime = false): number {
  let s = text;
  let n = s.length;
  if (n === 0) return NaN;
  if (s.charCodeAt(0) <= 32 || s.charCodeAt(n - 1) <= 32 || s.charCodeAt(0) > 0xff00) {
    s = s.normalize("NFKC").trim();
    n = s.length;
  }
  let p = 0;
  let c = 0;

  // year: exactly four digits
  if (n < 8) return NaN;
  for (let i = 0; i < 4; i++) if (!isDigit(s.charCodeAt(i))) return NaN;
  const year = (s.charCodeAt(0) - C0) * 1000 + (s.charCodeAt(1) - C0) * 100 + (s.charCodeAt(2) - C0) * 10 + s.charCodeAt(3) - C0;
  p = 4;
  const sep = s.charCodeAt(p);
  const chinese = sep === 0x5e74; // 年
  if (!(sep === 45 || sep === 47 || sep === 46 || chinese)) return NaN; // - / .
  p++;

  let month = 0;
  let digits = 0;
  while (p < n && isDigit((c = s.charCodeAt(p))) && digits < 2) { month = month * 10 + c - C0; p++; digits++; }
  if (digits === 0 || p >= n) return NaN;
  if (s.charCodeAt(p) !== (chinese ? 0x6708 : sep)) return NaN; // 月 or the same separator
  p++;

  let day = 0;
  digits = 0;
  while (p < n && isDigit((c = s.charCodeAt(p))) && digits < 2) { day = day * 10 + c - C0; p++; digits++; }
  if (digits === 0) return NaN;
  if (chinese && p < n && s.charCodeAt(p) === 0x65e5) p++; // 日

  if (p === n) {
    const start = civilSeconds(year, month, day);
    return endOfDayWhenNoTime ? start + DAY - 1 : start;
  }
  return civilSeconds(year, month, day) + timeOfDaySeconds(s, p, chinese);
}

/**
 * Seconds into the day of the time written from `p` to the end of `s` (the date/time separator included),
 * or NaN when unreadable or out of range.
 */
function timeOfDaySeconds(s: string, p: number, chinese: boolean): number {
  const n = s.length;
  let c = 0;
  const spaceStart = p;
  while (p < n && ((c = s.charCodeAt(p)) === 32 || c === 9)) p++;
  if (p === spaceStart) {
    if (s.charCodeAt(p) === 84) p++; // T
    else if (!chinese) return NaN; // none needed after 日
  }

  let hour = 0;
  let digits = 0;
  while (p < n && isDigit((c = s.charCodeAt(p))) && digits < 2) { hour = hour * 10 + c - C0; p++; digits++; }
  if (digits === 0 || p >= n) return NaN;
  c = s.charCodeAt(p);
  if (c !== 58 && c !== 0x65f6 && c !== 0x70b9) return NaN; // : 时 点
  p++;

  let minute = 0;
  digits = 0;
  while (p < n && isDigit((c = s.charCodeAt(p))) && digits < 2) { minute = minute * 10 + c - C0; p++; digits++; }
  if (digits === 0) return NaN;
  const minuteMark = p < n && s.charCodeAt(p) === 0x5206; // 分
  if (minuteMark) p++;

  let second = 0;
  if (p < n && s.charCodeAt(p) === 58) {
    p++;
    digits = 0;
    while (p < n && isDigit((c = s.charCodeAt(p))) && digits < 2) { second = second * 10 + c - C0; p++; digits++; }
    if (digits === 0) return NaN;
  } else if (minuteMark && p < n && isDigit(s.charCodeAt(p))) {
    digits = 0;
    while (p < n && isDigit((c = s.charCodeAt(p))) && digits < 2) { second = second * 10 + c - C0; p++; digits++; }
  }
  if (p < n && s.charCodeAt(p) === 0x79d2) p++; // 秒
  if (p < n && s.charCodeAt(p) === 46) {
    p++;
    if (p === n || !isDigit(s.charCodeAt(p))) return NaN;
    while (p < n && isDigit(s.charCodeAt(p))) p++;
  }
  if (p !== n || hour > 23 || minute > 59 || second > 59) return NaN;
  return hour * 3600 + minute * 60 + second;
}

/**
 * A date cell of any kind: text, an Excel serial number, or a Date whose UTC fields hold the written
 * time (as exceljs delivers). Blank → NaN with `blank` true is decided by the caller.
 */
export function parseDateCell(value: LedgerCell, endOfDayWhenNoTime = false, date1904 = false): number {
  if (typeof value === "string") return parseDateText(value, endOfDayWhenNoTime);
  if (typeof value === "number") {
    const seconds = serialToSeconds(date1904 ? value + DATE1904_OFFSET : value);
    return endOfDayWhenNoTime && Number.isInteger(value) ? seconds + DAY - 1 : seconds;
  }
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) return NaN;
    const seconds = Math.round(ms / 1000);
    const year = value.getUTCFullYear();
    if (year < MIN_YEAR || year > MAX_YEAR) return NaN;
    return endOfDayWhenNoTime && seconds % DAY === 0 ? seconds + DAY - 1 : seconds;
  }
  return NaN;
}
