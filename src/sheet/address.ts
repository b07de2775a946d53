/**
 * A1 addresses of 0-based (row, column) positions, and column letters ↔ indexes: the one implementation
 * every layer uses (messages, the 校验 sheet, the .xlsx reader and patch, the adapters).
 */
import { EXCEL_MAX_COLS } from "./limits";

/** "A" for 0, "Z" for 25, "AA" for 26. */
export function columnLetter(col: number): string {
  if (!(Number.isInteger(col) && col >= 0)) throw new RangeError(`column ${col}`);
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * The 0-based column of the capital letters at the start of `ref` ("AB12" → 27, "C" → 2); -1 when it
 * starts with none.
 */
export function columnIndex(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return col - 1;
}

/** "C5" for row 4, column 2. */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** 0-based position of "C5" (absolute "$C$5" and lower case accepted), or undefined when it is not an A1 address. */
export function parseAddress(address: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(address.trim().toUpperCase());
  if (!m) return undefined;
  const row = Number(m[2]);
  if (row < 1) return undefined;
  return { row: row - 1, col: columnIndex(m[1]) };
}

/** A rectangle of cells, 0-based inclusive bounds. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** "A3:C4", or "B2" for a single cell. */
export function rangeAddress(r: CellRange): string {
  const first = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? first : `${first}:${cellAddress(r.bottom, r.right)}`;
}

/** The range of "A3:C4" or "B2" as a file writes it (capitals, "$" allowed), or undefined. */
export function parseRange(ref: string): CellRange | undefined {
  const [a, b] = ref.split(":");
  const m1 = /^\$?([A-Z]+)\$?(\d+)$/.exec(a ?? "");
  const m2 = /^\$?([A-Z]+)\$?(\d+)$/.exec(b ?? a ?? "");
  if (!m1 || !m2) return undefined;
  return { top: Number(m1[2]) - 1, left: columnIndex(m1[1]), bottom: Number(m2[2]) - 1, right: columnIndex(m2[1]) };
}

/** "热线数据!C5", the way the problems name a cell. */
export function qualified(sheet: string, cell?: string): string {
  return cell ? `${sheet}!${cell}` : sheet;
}

/** One number for a cell (row-major), for maps of cells. */
export const cellKey = (row: number, col: number): number => row * EXCEL_MAX_COLS + col;
export const keyRow = (key: number): number => Math.floor(key / EXCEL_MAX_COLS);
export const keyCol = (key: number): number => key % EXCEL_MAX_COLS;
