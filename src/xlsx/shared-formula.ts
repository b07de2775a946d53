/**
 * Shared formulas (<f t="shared">): the master cell's formula moved to another cell of the group, its
 * relative references shifted by the distance (Excel's own rule for copying a formula). Text in double
 * quotes (string literals) and single quotes (sheet names) is left as written; a function name (followed
 * by "(") or a name longer than a cell reference is not a reference.
 */
import { columnIndex, columnLetter, EXCEL_MAX_COLS, EXCEL_MAX_ROWS, parseAddress } from "../sheet";

/** A reference candidate: an optional sheet prefix, then letters/digits/$/_ (at least two), then maybe "(". */
const CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL = /^(\$)?([a-z]{1,3})(\$)?([1-9][0-9]*)$/i;
/** Quoted runs ("text", 'sheet name', with doubled quotes inside) and the plain runs between them. */
const QUOTED = /("(?:[^"]|"")*"?|'(?:[^']|'')*'?)/;

/**
 * `formula` (without "=") written at `from` ("B2") as it reads at `to` ("B5"); undefined when a moved
 * reference would leave the sheet (Excel shows #REF! there).
 */
export function slideFormula(formula: string, from: string, to: string): string | undefined {
  const a = parseAddress(from);
  const b = parseAddress(to);
  if (!a || !b) return undefined;
  let outside = false;
  const shift = (ref: string, sheet: string | undefined, paren: string | undefined): string => {
    if (paren) return ref;
    const m = CELL.exec(sheet ? ref.slice(sheet.length) : ref);
    if (!m) return ref;
    const letters = m[2].toUpperCase();
    let col = columnIndex(letters);
    if (col >= EXCEL_MAX_COLS) return ref; // beyond XFD: a name, not a cell
    let row = Number(m[4]);
    if (!m[1]) col += b.col - a.col;
    if (!m[3]) row += b.row - a.row;
    if (col < 0 || col >= EXCEL_MAX_COLS || row < 1 || row > EXCEL_MAX_ROWS) {
      outside = true;
      return ref;
    }
    return `${sheet ?? ""}${m[1] ?? ""}${columnLetter(col)}${m[3] ?? ""}${row}`;
  };
  const moved = formula.split(QUOTED).map((part, i) => (i % 2 === 1 ? part
    : part.replace(CANDIDATE, (ref: string, sheet: string | undefined, _name: string | undefined, _addr: string, paren: string | undefined) => shift(ref, sheet, paren))))
    .join("");
  return outside ? undefined : moved;
}
