/**
 * The streaming scanner of a worksheet's <sheetData>, row by row, without building a workbook model: the
 * sheet XML is inflated and scanned chunk by chunk, so memory holds the string table and one chunk of
 * XML (and at most one row cut between chunks, bounded by a limit).
 * A hand-written scanner is used instead of a SAX parser (saxes): SpreadsheetML is regular, and on a
 * 200,000-row sheet (95 M characters) the scanner takes ~0.3 s against ~1.2 s for saxes merely
 * firing its events (scripts/bench-ledger-xlsx.ts). The sheet is scanned as bytes, decoding only the
 * text of strings: rows in the regular form written by Excel and LibreOffice (<c …><v>…</v></c>,
 * <c …/>, <c …></c>, <c t="inlineStr"><is><t>…</t></is></c>) are read from the bytes (./scan-bytes); any
 * other row is decoded and read by ./scan-text. Prefixed elements (<x:row>) are unprefixed before they get
 * here (./namespaces). Rows without a value are skipped. Cells are read as Excel shows them: t="b" 1/0 →
 * TRUE/FALSE, t="e" → the error code, t="str" → its text; a formula cell without a cached value has no
 * value here (ScannedRow.uncalculated lists its column).
 */
import { joinBytes } from "./bytes";
import { XLSX_MSG, XlsxError } from "./messages";
import {
  byteIndex, bytesAt, cellTagColumn, cellTagType, CLOSE_FORMULA, CLOSE_INLINE, CLOSE_VALUE, digitsBytes, emptyIsCached,
  asciiText, findRowEnd, findRowStart, hasSelfClosing, indexOfBytes, lastRowEnd, numberBytes, plainCellTagBytes, readCellTagBytes, rowAttributeBytes,
  TYPE_BOOLEAN, TYPE_INLINE, TYPE_NUMBER, TYPE_SHARED,
} from "./scan-bytes";
import { textRowCells, type ScannedCell } from "./scan-text";
import { attribute, decodeXmlText, sharedString, UNREADABLE } from "./xml-text";

export type { ScannedCell } from "./scan-text";

export interface ScannedRow {
  readonly cells: readonly ScannedCell[];
  /** 1-based row as the file or sheet shows it. */
  readonly rowNumber: number;
  /** 0-based columns of formula cells without a cached value (absent when none): not blank, unknown. */
  readonly uncalculated?: readonly number[];
  /** A cell holds unreadable text (U+FFFD: an invalid character reference, a shared string not in the table). */
  readonly undecodable?: boolean;
}

/** The unfinished tail of a stream, kept as a list of pieces and joined once the end of a row arrives. */
class Pending {
  private parts: Uint8Array[] = [];
  private length = 0;

  constructor(private readonly limit: number, private readonly part: string) {}

  get empty(): boolean {
    return this.length === 0;
  }

  add(piece: Uint8Array): void {
    if (piece.length === 0) return;
    this.parts.push(piece);
    this.length += piece.length;
    if (this.length > this.limit) throw new XlsxError(XLSX_MSG.rowTooLarge(this.part, this.limit));
  }

  /** Everything held, joined, and the holder emptied. */
  take(): Uint8Array {
    const out = joinBytes(this.parts, this.length);
    this.parts = [];
    this.length = 0;
    return out;
  }
}

/** Bytes kept from the end of a chunk with no open row: enough for a start tag cut after "<ro". */
const CUT_TAG = 16;

const EMPTY_COLUMNS: readonly number[] = [];

/** Bytes after a row's end that the fast path may look at (see finishHeld). */
const LOOK_AHEAD = 64;

/** Limit of a row held between chunks when none is given. */
const DEFAULT_ROW_LIMIT = 64 << 20;

/**
 * Receives each row as it is read (SheetByteScanner.visit): `cells` is the scanner's own array, valid only
 * during the call (the next row is read into it); `uncalculated` as ScannedRow's (shared, read only).
 */
export type RowVisitor = (cells: readonly ScannedCell[], rowNumber: number, undecodable: boolean, uncalculated: readonly number[] | undefined) => void;

function rowOf(cells: readonly ScannedCell[], rowNumber: number, undecodable: boolean, uncalculated: readonly number[] | undefined): ScannedRow {
  if (undecodable) return uncalculated ? { cells, rowNumber, uncalculated, undecodable } : { cells, rowNumber, undecodable };
  return uncalculated ? { cells, rowNumber, uncalculated } : { cells, rowNumber };
}

export class SheetByteScanner {
  private readonly rest: Pending;
  /** Whether `rest` begins an unfinished row (else it is the cut end of text between rows). */
  private holdingRow = false;
  private lastRow = 0;
  private readonly decoder = new TextDecoder();
  /** Where the </row> of the row fastCells or textCells last read starts. */
  private rowEnd = -1;
  /**
   * The columns of uncalculated formulas of the row being read: the first `uncalculatedCount` of one array for
   * every row (never emptied: V8 would give back its store, and the next push allocate one).
   */
  private readonly uncalculated: number[] = [];
  private uncalculatedCount = 0;
  /**
   * The last list of uncalculated columns handed out: the next row with the same columns shares it (read only),
   * as every row of a sheet with a helper formula column has one.
   */
  private lastUncalculated: readonly number[] = [];
  /** Where rows go (set by each feed or visit), and whether they are read into `reused`. */
  private visitor: RowVisitor = () => undefined;
  private reuse = false;
  private readonly reused: ScannedCell[] = [];
  /** Rows handed to the visitor by the current feed or visit. */
  private visited = 0;
  /** 1 + the last column the fast path set in the row being read (the row's length). */
  private rowWidth = 0;
  /**
   * The row being read holds a string that may be unreadable (U+FFFD): any but those of the string table when
   * no string there is (most rows of most sheets then need no check).
   */
  private rowCheck = false;
  private readonly tableUnreadable: boolean;

  constructor(private readonly strings: readonly string[], options: { rowLimit?: number; part?: string } = {}) {
    this.rest = new Pending(options.rowLimit ?? DEFAULT_ROW_LIMIT, options.part ?? "");
    this.tableUnreadable = strings.some((s) => s.includes(UNREADABLE));
  }

  /** Adds the complete rows of `chunk` (after what earlier chunks left unfinished) to `out`; `final` ends the sheet. */
  feed(chunk: Uint8Array, final: boolean, out: ScannedRow[]): void {
    this.run(chunk, final, false, (cells, rowNumber, undecodable, uncalculated) => out.push(rowOf(cells, rowNumber, undecodable, uncalculated)));
  }

  /**
   * As `feed`, but each row goes to `visitor` as soon as it is read, in one array reused for the next row (no
   * array per row to collect: a large sheet's rows cost no garbage; a cell the row lacks is undefined, not a
   * hole) unless `keep` (then an array of the row's own, as `feed` makes); returns the number of rows handed over.
   */
  visit(chunk: Uint8Array, final: boolean, visitor: RowVisitor, keep = false): number {
    return this.run(chunk, final, !keep, visitor);
  }

  private run(chunk: Uint8Array, final: boolean, reuse: boolean, visitor: RowVisitor): number {
    this.visitor = visitor;
    this.reuse = reuse;
    this.visited = 0;
    let b = chunk;
    if (!this.rest.empty) {
      // A chunk that ends no row is only held (joined once, when the row's end arrives): linear time.
      if (this.holdingRow && !final && lastRowEnd(chunk) === 0 && !hasSelfClosing(chunk)) {
        this.rest.add(chunk.slice());
        return 0;
      }
      b = this.finishHeld(this.rest.take(), chunk, final);
    }
    const left = this.scan(b, final);
    if (final || left >= b.length) return this.visited;
    // Keep (a copy of) the unfinished row, or only the last bytes (a cut "<row") when none is open: text
    // between rows (whitespace, other elements) is never held, however long it is.
    const held = this.heldFrom(b, left);
    this.holdingRow = held.row;
    this.rest.add(b.slice(held.start));
    return this.visited;
  }

  /** The number of the row whose start tag is b[rs..tagEnd] (its r, else the one after the last). */
  private rowNumberAt(b: Uint8Array, rs: number, tagEnd: number): number {
    const rowNumber = rowAttributeBytes(b, rs, tagEnd);
    if (rowNumber >= 0) return rowNumber;
    const rowAttr = attribute(this.decode(b, rs, tagEnd), "r");
    return rowAttr !== undefined ? +rowAttr : this.lastRow + 1;
  }

  /**
   * What to hold of b[from…]: from the first unfinished row (its start tag cut, or no </row> yet), else only
   * the last bytes (a cut "<row"). The self-closing rows passed on the way (styled blank rows after the
   * data) are read here, never held: only their numbers count, and a row without r must count once.
   */
  private heldFrom(b: Uint8Array, from: number): { start: number; row: boolean } {
    for (let p = from; ;) {
      const rs = findRowStart(b, p, b.length);
      if (rs < 0) return { start: Math.max(p, b.length - CUT_TAG), row: false };
      const tagEnd = b.indexOf(62, rs);
      if (tagEnd < 0 || b[tagEnd - 1] !== 47) return { start: rs, row: true };
      this.lastRow = this.rowNumberAt(b, rs, tagEnd);
      p = tagEnd + 1;
    }
  }

  /**
   * Scans the row `held` from the last chunk once `chunk` ends it; returns the rest of the chunk to scan. Only
   * the bytes up to the row's end (and a little after: the fast path looks a few bytes ahead) are joined, not
   * the whole chunk (a megabyte per chunk of a large sheet).
   */
  private finishHeld(held: Uint8Array, chunk: Uint8Array, final: boolean): Uint8Array {
    const end = final ? -1 : findRowEnd(chunk, 0, chunk.length);
    const headLength = end < 0 ? chunk.length : Math.min(chunk.length, end + 6 + LOOK_AHEAD);
    if (headLength === chunk.length) return joinBytes([held, chunk], held.length + chunk.length);
    const head = joinBytes([held, chunk.subarray(0, headLength)], held.length + headLength);
    const left = this.scan(head, false, held.length + end + 6);
    if (left >= held.length) return chunk.subarray(left - held.length);
    return joinBytes([held.subarray(left), chunk], held.length - left + chunk.length);
  }

  private decode(b: Uint8Array, from: number, to: number): string {
    return this.decoder.decode(b.subarray(from, to));
  }

  /** Turns the complete rows of b (those starting before `limit`) into cell arrays; returns where the unfinished tail starts. */
  private scan(b: Uint8Array, final: boolean, limit = final ? b.length : lastRowEnd(b)): number {
    const n = b.length;
    let p = 0;
    for (;;) {
      const rs = findRowStart(b, p, limit);
      if (rs < 0) break;
      const tagEnd = b.indexOf(62, rs);
      if (tagEnd < 0) break;
      const rowNumber = this.rowNumberAt(b, rs, tagEnd);
      if (b[tagEnd - 1] === 47) {
        this.lastRow = rowNumber;
        p = tagEnd + 1;
        continue;
      }
      this.uncalculatedCount = 0;
      const cells = this.fastCells(b, tagEnd + 1, n) ?? this.textCells(b, tagEnd, n);
      if (cells === undefined) break;
      this.lastRow = rowNumber;
      this.emit(cells, rowNumber, this.handedOut());
      p = this.rowEnd + 6;
    }
    return p;
  }

  /** Hands over a row that has a value or an uncalculated formula (a row of neither is skipped). */
  private emit(cells: readonly ScannedCell[], rowNumber: number, uncalculated: readonly number[]): void {
    if (uncalculated.length === 0 && cells.length === 0) return;
    let undecodable = false;
    if (this.rowCheck) for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      if (typeof c === "string" && c.includes(UNREADABLE)) undecodable = true;
    }
    this.visited++;
    this.visitor(cells, rowNumber, undecodable, uncalculated.length > 0 ? uncalculated : undefined);
  }

  /** The array the fast path reads a row into: a new one, or (visit) the reused one emptied. */
  private rowCells(): ScannedCell[] {
    if (!this.reuse) return [];
    const cells = this.reused;
    for (let i = 0; i < cells.length; i++) cells[i] = undefined;
    return cells;
  }

  /** The row's uncalculated columns as a list of its own (or the previous row's, when the same). */
  private handedOut(): readonly number[] {
    const count = this.uncalculatedCount;
    if (count === 0) return EMPTY_COLUMNS;
    const last = this.lastUncalculated;
    let same = last.length === count;
    for (let i = 0; same && i < count; i++) same = last[i] === this.uncalculated[i];
    if (!same) this.lastUncalculated = this.uncalculated.slice(0, count);
    return this.lastUncalculated;
  }

  /** The row after the tag ending at b[tagEnd], decoded and read by ./scan-text; undefined when it is cut. */
  private textCells(b: Uint8Array, tagEnd: number, n: number): ScannedCell[] | undefined {
    const rowEnd = findRowEnd(b, tagEnd, n);
    if (rowEnd < 0) return undefined;
    const s = this.decode(b, tagEnd + 1, rowEnd + 6);
    this.rowEnd = rowEnd;
    this.rowCheck = true;
    const uncalculated: number[] = [];
    const cells = textRowCells(s, 0, s.length - 6, this.strings, uncalculated);
    this.uncalculatedCount = 0;
    for (const col of uncalculated) this.uncalculated[this.uncalculatedCount++] = col;
    return cells;
  }

  /**
   * The cells of the row whose content starts at b[start], when every element up to its </row> is a
   * cell in the regular form; undefined otherwise (or when the row is cut).
   */
  private fastCells(b: Uint8Array, start: number, n: number): ScannedCell[] | undefined {
    const cells = this.rowCells();
    this.rowWidth = 0;
    this.rowCheck = this.tableUnreadable;
    let col = -1;
    let p = start;
    for (;;) {
      const lt = byteIndex(b, 60, p);
      if (lt < 0 || lt + 5 >= n) return undefined;
      const c1 = b[lt + 1];
      if (c1 === 47) {
        if (b[lt + 2] === 114 && b[lt + 3] === 111 && b[lt + 4] === 119 && b[lt + 5] === 62) {
          this.rowEnd = lt;
          if (cells.length !== this.rowWidth) cells.length = this.rowWidth; // a reused array longer than this row
          return cells;
        }
        return undefined;
      }
      const after = b[lt + 2];
      if (c1 !== 99 || (after !== 32 && after !== 62 && after !== 47)) return undefined;
      const tagEnd = byteIndex(b, 62, lt);
      let tag = tagEnd < 0 ? -1 : plainCellTagBytes(b, lt + 2, tagEnd);
      if (tag === -2) tag = readCellTagBytes(b, lt + 2, tagEnd);
      if (tag < 0) return undefined;
      col = cellTagColumn(tag, col);
      if (b[tagEnd - 1] === 47) {
        p = tagEnd + 1;
        continue;
      }
      const next = this.fastCell(b, tagEnd + 1, n, cellTagType(tag), col, cells);
      if (next < 0) return undefined;
      p = next;
    }
  }

  /**
   * Reads the content of a cell (from b[q], after its start tag) into cells[col] when it is in the
   * regular form; returns where the cell ends, or -1 (the row is then read as text).
   */
  private fastCell(b: Uint8Array, q: number, n: number, type: number, col: number, cells: ScannedCell[]): number {
    const formula = b[q] === 60 && b[q + 1] === 102 && (b[q + 2] === 62 || b[q + 2] === 32 || b[q + 2] === 47);
    if (formula) {
      // <f …>formula</f> or <f …/>: skipped; the cell's value is its cached <v>, if any (ledgers exported
      // with helper formulas, such as the benchmark's COUNTIFS workbook, have one on every row).
      const fTagEnd = byteIndex(b, 62, q);
      if (fTagEnd < 0) return -1;
      if (b[fTagEnd - 1] === 47) q = fTagEnd + 1;
      else {
        const close = indexOfBytes(b, CLOSE_FORMULA, fTagEnd + 1);
        if (close < 0) return -1;
        q = close + CLOSE_FORMULA.length;
      }
    }
    if (q + 13 > n) return -1;
    if (type === TYPE_INLINE) {
      // <is><t>text</t></is></c>
      if (b[q] !== 60 || b[q + 1] !== 105 || b[q + 2] !== 115 || b[q + 3] !== 62 || b[q + 4] !== 60 || b[q + 5] !== 116 || b[q + 6] !== 62) return -1;
      const from = q + 7;
      const to = byteIndex(b, 60, from);
      if (to < 0 || !bytesAt(b, to, CLOSE_INLINE)) return -1;
      cells[col] = decodeXmlText(this.decode(b, from, to));
      this.rowCheck = true;
      if (col >= this.rowWidth) this.rowWidth = col + 1;
      return to + CLOSE_INLINE.length;
    }
    if (b[q] === 60 && b[q + 1] === 47 && b[q + 2] === 99 && b[q + 3] === 62) {
      if (formula) this.uncalculated[this.uncalculatedCount++] = col; // <c …><f>…</f></c>: never calculated
      return q + 4; // <c …></c>
    }
    if (b[q] !== 60 || b[q + 1] !== 118 || b[q + 2] !== 62) return -1;
    const from = q + 3;
    const to = byteIndex(b, 60, from);
    // </v></c>, compared in line (a read past the end is undefined, so false)
    if (to < 0 || b[to + 1] !== 47 || b[to + 2] !== 118 || b[to + 3] !== 62 || b[to + 4] !== 60 || b[to + 5] !== 47 || b[to + 6] !== 99 || b[to + 7] !== 62) return -1;
    if (formula && to === from && !emptyIsCached(type)) this.uncalculated[this.uncalculatedCount++] = col; // <f>…</f><v></v>, as openpyxl writes
    else {
      cells[col] = this.value(type, b, from, to);
      if (col >= this.rowWidth) this.rowWidth = col + 1;
    }
    return to + CLOSE_VALUE.length;
  }

  /** The value of a cell of `type` written as b[from, to) inside <v>. */
  private value(type: number, b: Uint8Array, from: number, to: number): ScannedCell {
    switch (type) {
      case TYPE_NUMBER: {
        if (to === from) return undefined;
        const v = numberBytes(b, from, to);
        return Number.isNaN(v) ? Number(asciiText(b, from, to) ?? this.decode(b, from, to)) : v;
      }
      case TYPE_SHARED: {
        const index = digitsBytes(b, from, to);
        if (index >= 0 && index < this.strings.length) return this.strings[index];
        this.rowCheck = true;
        return sharedString(this.strings, this.decode(b, from, to));
      }
      case TYPE_BOOLEAN: {
        const length = to - from;
        return (length === 1 && b[from] === 49) || (length === 4 && b[from] === 116 && b[from + 1] === 114 && b[from + 2] === 117 && b[from + 3] === 101);
      }
      default:
        this.rowCheck = true;
        return decodeXmlText(this.decode(b, from, to));
    }
  }
}
