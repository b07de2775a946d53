/**
 * Every cell of a worksheet as Excel shows it, for the workbook port: the value (shared strings resolved,
 * t="b" 0/1 → FALSE/TRUE, t="e" the error code, t="str" the text, an empty cached string ""), the formula
 * (shared formulas translated to each cell), the style index, and whether a formula has no cached result
 * (never read as 0 or blank). The sheet is streamed; blank rows cost nothing; one row is held at most.
 */
import { columnIndex, columnLetter, EXCEL_MAX_COLS, EXCEL_MAX_ROWS, serialOfUnixMs } from "../sheet";
import { XLSX_MSG, XlsxError } from "./messages";
import { rowLimit, snapshotCellLimit } from "./limits";
import { sheetBytes, type XlsxPackage } from "./package";
import { slideFormula } from "./shared-formula";
import { attribute, decodeXmlText, sharedString, stringItemText } from "./xml-text";

export interface SheetCell {
  readonly row: number;
  readonly col: number;
  readonly value: string | number | boolean | null;
  /** Formula text without "=", when the cell has one. */
  readonly formula?: string;
  readonly style: number;
  /** A formula without a cached result. */
  readonly uncalculated: boolean;
}

export interface SheetCellsResult {
  /** Merged areas as A1 ranges ("A3:C3"). */
  readonly merges: string[];
}

/** Calls onCell with every cell that has a value or a formula, row by row. */
export async function readSheetCells(pkg: XlsxPackage, path: string, strings: readonly string[], onCell: (cell: SheetCell) => void): Promise<SheetCellsResult> {
  const decoder = new TextDecoder();
  const limit = rowLimit(pkg.limits);
  const reader = new CellReader(path, strings, snapshotCellLimit(pkg.limits), onCell);
  const held: string[] = [];
  let heldLength = 0;
  for await (const chunk of sheetBytes(pkg, path)) {
    const text = decoder.decode(chunk, { stream: true });
    // Only an unfinished element is held without scanning (text between elements is never held).
    if (held.length > 0 && holdsElement(held[0]) && text.indexOf("</row>") < 0 && text.indexOf("/>") < 0) {
      held.push(text);
      heldLength += text.length;
      if (heldLength > limit) throw new XlsxError(XLSX_MSG.rowTooLarge(path, limit));
      continue;
    }
    const rest = reader.scan(held.join("") + text, false);
    held.length = 0;
    heldLength = rest.length;
    if (rest) held.push(rest);
    if (heldLength > limit) throw new XlsxError(XLSX_MSG.rowTooLarge(path, limit));
  }
  reader.scan(held.join("") + decoder.decode(), true);
  return { merges: reader.merges };
}

/** Whether a held tail begins an unfinished row or merged area (what scan() keeps), not text between them. */
const holdsElement = (tail: string): boolean =>
  (tail.startsWith("<row") && endsName(tail.charCodeAt(4))) || (tail.startsWith("<mergeCell") && endsName(tail.charCodeAt(10)));

/** Where the next <mergeCell> (not the <mergeCells> around them) starts at or after `from`, or -1. */
function mergeStart(s: string, from: number): number {
  for (let i = s.indexOf("<mergeCell", from); i >= 0; i = s.indexOf("<mergeCell", i + 10)) if (endsName(s.charCodeAt(i + 10))) return i;
  return -1;
}

/** Whether the character after an element's name ends the name (space, >, /, tab, newline). */
const endsName = (code: number): boolean => code === 32 || code === 62 || code === 47 || code === 9 || code === 10 || code === 13;

/** Reads rows and merged areas from decoded text, chunk by chunk; shared formulas are remembered across rows. */
class CellReader {
  readonly merges: string[] = [];
  private readonly shared = new Map<string, { formula: string; at: string }>();
  private lastRow = 0;

  constructor(
    private readonly path: string, private readonly strings: readonly string[], private readonly maxMerges: number,
    private readonly onCell: (cell: SheetCell) => void,
  ) {}

  /** Reads the complete rows and merges of s; returns the unfinished tail to hold ("" when final). */
  scan(s: string, final: boolean): string {
    let p = 0;
    // Where the next <mergeCell is (searched again only once passed: one search per chunk, not per row).
    let ms = mergeStart(s, 0);
    for (;;) {
      const rs = s.indexOf("<row", p);
      if (ms >= 0 && ms < p) ms = mergeStart(s, p);
      if (ms >= 0 && (rs < 0 || ms < rs)) {
        const end = s.indexOf(">", ms);
        if (end < 0) break;
        const ref = attribute(s.slice(ms, end + 1), "ref");
        if (ref) this.merges.push(ref);
        if (this.merges.length > this.maxMerges) throw new XlsxError(XLSX_MSG.tooManyMerges(this.path));
        p = end + 1;
        continue;
      }
      if (rs < 0) break;
      const next = this.row(s, rs);
      if (next < 0) break;
      p = next;
    }
    if (final) return "";
    // Keep from the unfinished element the loop stopped at; other text between elements is dropped.
    const tail = s.slice(p);
    const starts = [tail.indexOf("<row"), mergeStart(tail, 0)].filter((i) => i >= 0);
    return starts.length > 0 ? tail.slice(Math.min(...starts)) : tail.slice(-16);
  }

  /** Reads the row starting at s[rs] ("<row"); returns where to go on, or -1 when the row is cut. */
  private row(s: string, rs: number): number {
    const tagEnd = s.indexOf(">", rs);
    if (tagEnd < 0) return -1;
    if (!endsName(s.charCodeAt(rs + 4))) return rs + 4;
    const r = attribute(s.slice(rs, tagEnd + 1), "r");
    const row = r !== undefined ? Number(r) : this.lastRow + 1;
    if (s.charCodeAt(tagEnd - 1) === 47) {
      this.lastRow = row;
      return tagEnd + 1;
    }
    const rowEnd = s.indexOf("</row>", tagEnd);
    if (rowEnd < 0) return -1;
    if (!(row >= 1 && row <= EXCEL_MAX_ROWS)) throw new XlsxError(XLSX_MSG.tooManyCells(this.path, EXCEL_MAX_ROWS));
    this.lastRow = row;
    this.cells(s.slice(tagEnd + 1, rowEnd), row);
    return rowEnd + 6;
  }

  /** The cells of row `row` (1-based) whose content is s. */
  private cells(s: string, row: number): void {
    let col = -1;
    let p = 0;
    for (;;) {
      const cs = s.indexOf("<c", p);
      if (cs < 0) break;
      const tagEnd = s.indexOf(">", cs);
      if (tagEnd < 0) break;
      if (!endsName(s.charCodeAt(cs + 2))) {
        p = cs + 2;
        continue;
      }
      const tag = s.slice(cs, tagEnd + 1);
      const ref = attribute(tag, "r");
      col = ref !== undefined ? columnIndex(ref) : col + 1;
      if (col < 0 || col >= EXCEL_MAX_COLS) throw new XlsxError(XLSX_MSG.tooManyCells(this.path, EXCEL_MAX_COLS));
      if (s.charCodeAt(tagEnd - 1) === 47) {
        p = tagEnd + 1;
        continue;
      }
      let end = s.indexOf("</c>", tagEnd);
      if (end < 0) end = s.length;
      p = end + 4;
      this.cell(tag, s.slice(tagEnd + 1, end), row, col);
    }
  }

  /** One cell: its start tag and content. */
  private cell(tag: string, body: string, row: number, col: number): void {
    const style = Number(attribute(tag, "s") ?? 0) || 0;
    const t = attribute(tag, "t") ?? "n";
    // Most cells hold no formula and a plain <v>: both are found without a regular expression.
    const formula = body.indexOf("<f") < 0 ? undefined : this.formula(body, row, col);
    let value: string | number | boolean | null = null;
    let cached = false;
    if (t === "inlineStr") {
      const is = /<is\b[^>]*>([\s\S]*?)<\/is>/.exec(body);
      if (is) {
        value = stringItemText(is[1]);
        cached = true;
      }
    } else {
      const raw = valueText(body);
      if (raw !== undefined && (raw !== "" || t === "str" || t === "s")) {
        cached = true;
        value = cellValue(t, raw, this.strings);
      }
    }
    if (formula === undefined && value === null) return;
    if (value === "" && formula === undefined) return;
    const uncalculated = formula !== undefined && !cached;
    this.onCell(formula !== undefined && formula !== ""
      ? { row: row - 1, col, value, style, uncalculated, formula }
      : { row: row - 1, col, value, style, uncalculated });
  }

  /**
   * The formula of the cell at `row` (1-based) and `col`: its text, a shared formula moved from its master, "" for a formula
   * without text (a data-table or array member, a shared formula whose master is missing or that would
   * leave the sheet: it still has a formula, so a missing value is seen); undefined without <f>.
   */
  private formula(body: string, row: number, col: number): string | undefined {
    const f = /<f\b([^>]*?)(\/>|>([\s\S]*?)<\/f>)/.exec(body);
    if (!f) return undefined;
    const address = `${columnLetter(col)}${row}`;
    const fTag = `<f${f[1]}>`;
    const text = f[3] !== undefined ? decodeXmlText(f[3]) : "";
    const si = attribute(fTag, "si");
    let formula: string | undefined;
    if (attribute(fTag, "t") === "shared" && si !== undefined) {
      if (text !== "") {
        this.shared.set(si, { formula: text, at: address });
        formula = text;
      } else {
        const master = this.shared.get(si);
        formula = master ? slideFormula(master.formula, master.at, address) : undefined;
      }
    } else formula = text === "" ? undefined : text;
    return formula ?? "";
  }
}

/** The decoded text of a cell's <v> (undefined without one); a plain "<v>…</v>" is read without a regular expression. */
function valueText(body: string): string | undefined {
  if (body.startsWith("<v>")) {
    const end = body.indexOf("</v>", 3);
    if (end >= 0) return decodeXmlText(body.slice(3, end));
  }
  const v = /<v\b[^>]*?(?:\/>|>([\s\S]*?)<\/v>)/.exec(body);
  return v ? decodeXmlText(v[1] ?? "") : undefined;
}

function cellValue(t: string, raw: string, strings: readonly string[]): string | number | boolean | null {
  switch (t) {
    case "s":
      return sharedString(strings, raw);
    case "b":
      return raw === "1" || raw.toLowerCase() === "true";
    case "str":
    case "e":
      return raw;
    case "d": {
      const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(raw) ? raw : `${raw}Z`);
      return Number.isNaN(ms) ? raw : serialOfUnixMs(ms);
    }
    default: {
      const n = Number(raw);
      return Number.isFinite(n) ? n : raw;
    }
  }
}
