/**
 * What a write through Office.js must know about the values it sends: their weight against the request
 * budget (JSON with non-ASCII at its escaped worst case), text guarded so Excel keeps it as typed, column
 * widths in points, footers split into Office.js's three sections.
 */
import { fitCellText, MAX_CELL_CHARS } from "../../cell-text";
import { WMSG } from "../../messages";
import type { CellValue } from "../../port";

/** Allowance for one queued action's own JSON (object path, method, arguments). */
export const ACTION_BYTES = 200;

/** JSON size of a value with non-ASCII characters at their escaped worst case (6 bytes). */
export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? "";
  let bytes = json.length;
  for (let i = 0; i < json.length; i++) if (json.charCodeAt(i) > 0x7f) bytes += 5;
  return bytes;
}

/**
 * Column width in Excel's characters (of the default font's maximum digit width, 7 px at 96 dpi, plus 5 px
 * of padding) to points, the unit of Range.format.columnWidth: 8.43 characters → 64 px → 48 pt.
 */
export function charsToPoints(chars: number): number {
  if (chars <= 0) return 0;
  return Math.round(chars * 7 + 5) * 0.75;
}

const MONTH_NAME = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*";
/** 1-Mar, 1 March 2021, Mar-21, March 1, 2021: dates Excel reads from typed text. */
const MONTH_DATE = new RegExp(`^(?:\\d{1,2}[-\\s/]+${MONTH_NAME}(?:[-\\s/,]+\\d{2,4})?|${MONTH_NAME}[-\\s/.]+\\d{1,4}(?:,?[-\\s/]+\\d{2,4})?)$`, "i");

/**
 * Text that Excel would not keep as typed when set through Range.values gets the apostrophe prefix, so the
 * cell holds exactly the text (Excel does not store the apostrophe in the value). Office.js documents that
 * values starting with "+", "-" or "=" are interpreted as formulas; typed input also turns numbers (1,000,
 * 50%, 1e3, (5), ¥5, 1 1/2), dates and times (2021-3-1, 2021/3/1, 3月1日, 1-Mar, 8:00, 8 AM), TRUE/FALSE and
 * error codes (#N/A) into values of those types, full-width forms (１２、９８％) included. An apostrophe is
 * preferred to the text number format "@", which would also change how the user's later input is read.
 */
export function guardText(text: string): string {
  if (text === "") return text;
  const t = text.normalize("NFKC").trim();
  if (t === "") return text;
  if (/^[=+\-'@#]/.test(text) || /^[=+\-@#]/.test(t)) return `'${text}`;
  const numberLike = /\d/.test(t) && /^[\d.,:/%$¥€£eE()\s+-]+$/.test(t);
  const dateLike = /^\d[\d\s年月日号./:-]*$/.test(t);
  const timeLike = /^\d{1,2}(?::\d{1,2}){0,2}(?:\.\d+)?\s*[ap]m?$/i.test(t);
  if (numberLike || dateLike || timeLike || MONTH_DATE.test(t) || /^(true|false)$/i.test(t)) return `'${text}`;
  return text;
}

/** Text written through Range.values: cut to fit a cell (with a visible mark), then guarded. */
export function guardedCellText(text: string): string {
  const guarded = guardText(text);
  return guarded.length <= MAX_CELL_CHARS ? guarded : guardText(fitCellText(text, guarded.length - text.length));
}

/**
 * A footer in the file format's codes ("&L…&C…&R…") split into the three parts Office.js sets one by one;
 * text before any section code is centred, "&&" is a literal ampersand and stays as it is.
 */
export function footerSections(footer: string): { left: string; center: string; right: string } {
  const out = { left: "", center: "", right: "" };
  let section: keyof typeof out = "center";
  for (let i = 0; i < footer.length; i++) {
    const two = footer.slice(i, i + 2);
    if (two === "&&") {
      out[section] += two;
      i++;
    } else if (two === "&L" || two === "&C" || two === "&R") {
      section = two === "&L" ? "left" : two === "&C" ? "center" : "right";
      i++;
    } else out[section] += footer[i];
  }
  return out;
}

export function cellIn(value: CellValue): string | number | boolean {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new Error(WMSG.nonFiniteNumber(value));
  }
  return value;
}

export function sheetError(name: string): Error {
  return new Error(WMSG.sheetNotCreated(name));
}

export const noteKey = (sheet: string, row: number, col: number) => `${sheet}\u0000${row}\u0000${col}`;
export const chartKey = (sheet: string, name: string) => `${sheet}\u0000${name}`;
