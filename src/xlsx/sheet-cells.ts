/**
 * Every cell of a worksheet as Excel shows it, for the workbook port: the value (shared strings resolved,
 * t="b" 0/1 → FALSE/TRUE, t="e" the error code, t="str" the text, an empty cached string ""), the formula
 * (shared formulas translated to each cell), the style index, and whether a formula has no cached result
 * (never read as 0 or blank). The sheet is streamed; blank rows cost nothing; one row is held at most.
 */
import { XLSX_MSG, XlsxError } from "./messages";
import { columnIndex, columnLetter, EXCEL_MAX_COLS, EXCEL_MAX_ROWS, serialOfUnixMs } from "../sheet";
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
  const held: string[] = [];
  let heldLength = 0;
  const merges: string[] = [];
  const maxMerges = snapshotCellLimit(pkg.limits);
  const shared = new Map<string, { formula: string; at: string }>();
  let lastRow = 0;

  const cellsOf = (s: string, row: number) => {
    let col = -1;
    let p = 0;
    for (;;) {
      const cs = s.indexOf("<c", p);
      if (cs < 0) break;
      const after = s.charCodeAt(cs + 2);
      const tagEnd = s.indexOf(">", cs);
      if (tagEnd < 0) break;
      if (after !== 32 && after !== 62 && after !== 47 && after !== 9 && after !== 10 && after !== 13) {
        p = cs + 2;
        continue;
      }
      const tag = s.slice(cs, tagEnd + 1);
      const ref = attribute(tag, "r");
      col = ref !== undefined ? columnIndex(ref) : col + 1;
      if (col < 0 || col >= EXCEL_MAX_COLS) throw new XlsxError(XLSX_MSG.tooManyCells(path, EXCEL_MAX_COLS));
      const style = Number(attribute(tag, "s") ?? 0) || 0;
      if (s.charCodeAt(tagEnd - 1) === 47) {
        p = tagEnd + 1;
        continue;
      }
      let end = s.indexOf("</c>", tagEnd);
      if (end < 0) end = s.length;
      p = end + 4;
      const body = s.slice(tagEnd + 1, end);
      const t = attribute(tag, "t") ?? "n";
      const address = `${columnLetter(col)}${row}`;
      let formula: string | undefined;
      const f = /<f\b([^>]*?)(\/>|>([\s\S]*?)<\/f>)/.exec(body);
      if (f) {
        const fTag = `<f${f[1]}>`;
        const text = f[3] !== undefined ? decodeXmlText(f[3]) : "";
        const si = attribute(fTag, "si");
        if (attribute(fTag, "t") === "shared" && si !== undefined) {
          if (text !== "") {
            shared.set(si, { formula: text, at: address });
            formula = text;
          } else {
            const master = shared.get(si);
            formula = master ? slideFormula(master.formula, master.at, address) : undefined;
          }
        } else formula = text === "" ? undefined : text;
        // A data-table or array member without text still has a formula: mark it so a missing value is seen.
        if (formula === undefined) formula = "";
      }
      let value: string | number | boolean | null = null;
      let cached = false;
      if (t === "inlineStr") {
        const is = /<is\b[^>]*>([\s\S]*?)<\/is>/.exec(body);
        if (is) {
          value = stringItemText(is[1]);
          cached = true;
        }
      } else {
        const v = /<v\b[^>]*?(?:\/>|>([\s\S]*?)<\/v>)/.exec(body);
        const raw = v ? decodeXmlText(v[1] ?? "") : undefined;
        if (raw !== undefined && (raw !== "" || t === "str" || t === "s")) {
          cached = true;
          value = cellValue(t, raw, strings);
        }
      }
      if (formula === undefined && value === null) continue;
      if (value === "" && formula === undefined) continue;
      onCell({
        row: row - 1, col, value, style, uncalculated: formula !== undefined && !cached,
        ...(formula !== undefined && formula !== "" ? { formula } : {}),
      });
    }
  };

  const scan = (s: string, final: boolean): string => {
    let p = 0;
    // Where the next <mergeCell is (searched again only once passed: one search per chunk, not per row).
    let ms = s.indexOf("<mergeCell ", 0);
    for (;;) {
      const rs = s.indexOf("<row", p);
      if (ms >= 0 && ms < p) ms = s.indexOf("<mergeCell ", p);
      if (ms >= 0 && (rs < 0 || ms < rs)) {
        const end = s.indexOf(">", ms);
        if (end < 0) break;
        const ref = attribute(s.slice(ms, end + 1), "ref");
        if (ref) merges.push(ref);
        if (merges.length > maxMerges) throw new XlsxError(XLSX_MSG.tooManyMerges(path));
        p = end + 1;
        continue;
      }
      if (rs < 0) break;
      const after = s.charCodeAt(rs + 4);
      const tagEnd = s.indexOf(">", rs);
      if (tagEnd < 0) break;
      if (after !== 32 && after !== 62 && after !== 47 && after !== 9 && after !== 10 && after !== 13) {
        p = rs + 4;
        continue;
      }
      const r = attribute(s.slice(rs, tagEnd + 1), "r");
      const row = r !== undefined ? Number(r) : lastRow + 1;
      if (s.charCodeAt(tagEnd - 1) === 47) {
        lastRow = row;
        p = tagEnd + 1;
        continue;
      }
      const rowEnd = s.indexOf("</row>", tagEnd);
      if (rowEnd < 0) break;
      if (!(row >= 1 && row <= EXCEL_MAX_ROWS)) throw new XlsxError(XLSX_MSG.tooManyCells(path, EXCEL_MAX_ROWS));
      lastRow = row;
      cellsOf(s.slice(tagEnd + 1, rowEnd), row);
      p = rowEnd + 6;
    }
    if (final) return "";
    // Keep from the unfinished element the loop stopped at; other text between elements is dropped.
    const tail = s.slice(p);
    const starts = [tail.indexOf("<row"), tail.indexOf("<mergeCell")].filter((i) => i >= 0);
    return starts.length > 0 ? tail.slice(Math.min(...starts)) : tail.slice(-16);
  };

  for await (const chunk of sheetBytes(pkg, path)) {
    const text = decoder.decode(chunk, { stream: true });
    if (held.length > 0 && text.indexOf("</row>") < 0 && text.indexOf("/>") < 0) {
      held.push(text);
      heldLength += text.length;
      if (heldLength > limit) throw new XlsxError(XLSX_MSG.rowTooLarge(path, limit));
      continue;
    }
    const rest = scan(held.join("") + text, false);
    held.length = 0;
    heldLength = rest.length;
    if (rest) held.push(rest);
    if (heldLength > limit) throw new XlsxError(XLSX_MSG.rowTooLarge(path, limit));
  }
  scan(held.join("") + decoder.decode(), true);
  return { merges };
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

