/** A1 addresses of 0-based (row, column) positions, as the 校验 sheet and messages show them. */

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

/** "C5" for row 4, column 2. */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** 0-based position of "C5" (absolute "$C$5" accepted), or undefined when it is not an A1 address. */
export function parseAddress(address: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(address.trim().toUpperCase());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1) return undefined;
  return { row: row - 1, col: col - 1 };
}

/** "热线数据!C5", the way the problems name a cell. */
export function qualified(sheet: string, cell?: string): string {
  return cell ? `${sheet}!${cell}` : sheet;
}
