/**
 * Streaming CSV (RFC 4180: quoted fields with "" escapes and line breaks; CRLF, LF or CR-only line ends;
 * comma, semicolon or tab) from any byte chunks: a Node Readable, a browser Blob read in slices, a
 * Uint8Array. Memory holds one chunk and the unfinished record, whatever the file size.
 * Encoding: a BOM decides; otherwise UTF-16 (LE or BE) when every other byte of the first 64 KB is mostly
 * zero, UTF-8 when its multi-byte sequences are mostly valid, else GB18030 (what Chinese platforms export).
 * Bytes that do not decode never turn the whole file into wrong text: the rows holding them are flagged
 * (`SourceRow.undecodable`) and reported with their row number.
 */
import type { RowBatch, SourceRow } from "./import";
import { LEDGER_MESSAGES, LedgerError } from "./messages";
import { joinBytes } from "../xlsx/bytes";

export type CsvEncoding = "utf8" | "gb18030" | "utf16le" | "utf16be";

export interface CsvOptions {
  /** Default "auto". */
  readonly encoding?: CsvEncoding | "auto";
  /** Default: whichever of comma, tab and semicolon the header and data lines hold alike (see detectDelimiter). */
  readonly delimiter?: string;
  /** File size, for progress fractions. */
  readonly totalBytes?: number;
}

const SAMPLE_BYTES = 64 * 1024;

/** Reads CSV rows in batches (one batch per input chunk). */
export async function* csvRows(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: CsvOptions = {}): AsyncGenerator<RowBatch> {
  const iterator = (chunks as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]
    ? (chunks as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]()
    : asAsync((chunks as Iterable<Uint8Array>)[Symbol.iterator]());
  try {
    // Gather a sample for encoding detection.
    const sample: Uint8Array[] = [];
    let sampleBytes = 0;
    let done = false;
    while (sampleBytes < SAMPLE_BYTES) {
      const next = await iterator.next();
      if (next.done) {
        done = true;
        break;
      }
      sample.push(next.value);
      sampleBytes += next.value.length;
    }
    const head = joinBytes(sample, sampleBytes);
    const encoding = options.encoding && options.encoding !== "auto" ? options.encoding : detectEncoding(head);
    const decoder = makeDecoder(encoding);
    let bytesRead = 0;
    let parser: CsvParser | undefined;
    const fraction = () => (options.totalBytes ? Math.min(1, bytesRead / options.totalBytes) : undefined);

    const feed = (bytes: Uint8Array, final: boolean): SourceRow[] => {
      bytesRead += bytes.length;
      let text = decoder.decode(bytes, final, bytesRead);
      if (!parser) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        parser = new CsvParser(options.delimiter ?? detectDelimiter(text), detectLineEnd(text));
      }
      const out: SourceRow[] = [];
      const carried = parser.pendingReplacement;
      parser.feed(text, final, out);
      // Replacement characters come from bytes the encoding cannot read (or, rarely, from the file itself).
      if (carried || text.includes(REPLACEMENT)) return out.map(flagUndecodable);
      return out;
    };

    const info = { format: "csv" as const, encoding };
    yield { rows: feed(head, done), fraction: fraction(), source: info };
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      yield { rows: feed(next.value, false), fraction: fraction() };
    }
    yield { rows: feed(new Uint8Array(0), true), fraction: 1 };
  } finally {
    await iterator.return?.();
  }
}

const REPLACEMENT = "\uFFFD";

function flagUndecodable(row: SourceRow): SourceRow {
  return row.cells.some((c) => typeof c === "string" && c.includes(REPLACEMENT)) ? { ...row, undecodable: true } : row;
}

export function detectEncoding(head: Uint8Array): CsvEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf8";
  if (head[0] === 0xff && head[1] === 0xfe) return "utf16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf16be";
  if (head[0] === 0x84 && head[1] === 0x31 && head[2] === 0x95 && head[3] === 0x33) return "gb18030";
  const utf16 = utf16Order(head);
  if (utf16) return utf16;
  if (head.includes(0)) throw new LedgerError(LEDGER_MESSAGES.notSpreadsheet());
  const { valid, invalid } = utf8Sequences(head);
  return invalid === 0 || valid > invalid * 4 ? "utf8" : "gb18030";
}

/**
 * UTF-16 without a BOM: text of a CSV is mostly ASCII (delimiters, digits, dates), whose UTF-16 code units
 * have one zero byte: at odd offsets in LE, at even offsets in BE.
 */
function utf16Order(head: Uint8Array): CsvEncoding | undefined {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd >= pairs * 0.2 && even <= odd * 0.05) return "utf16le";
  if (even >= pairs * 0.2 && odd <= even * 0.05) return "utf16be";
  return undefined;
}

/** Counts well-formed multi-byte UTF-8 sequences and bytes that cannot start or continue one. */
function utf8Sequences(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0) {
      invalid++;
      i++;
      continue;
    }
    if (i + len > bytes.length) break; // cut at the end of the sample
    let ok = true;
    for (let k = 1; k < len; k++) if ((bytes[i + k] & 0xc0) !== 0x80) ok = false;
    if (ok) {
      valid++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

interface Decoder {
  decode(bytes: Uint8Array, final: boolean, offset: number): string;
}

const LABELS: Readonly<Record<CsvEncoding, string>> = { utf8: "utf-8", gb18030: "gb18030", utf16le: "utf-16le", utf16be: "utf-16be" };

function makeDecoder(encoding: CsvEncoding): Decoder {
  // GB18030 and UTF-16BE are in the WHATWG Encoding Standard: every browser's TextDecoder has them, and so
  // has Node's (full ICU, the default build), so the task pane bundles no decoding tables of its own.
  // Not fatal: an undecodable byte becomes U+FFFD and its row is reported (see flagUndecodable).
  const decoder = new TextDecoder(LABELS[encoding]);
  return { decode: (bytes, final) => decoder.decode(bytes, { stream: !final }) };
}

/** Lines of the sample that decide the delimiter. */
const DELIMITER_LINES = 20;

/**
 * The delimiter of the header and data lines: of comma, tab and semicolon (outside quotes), the one that the
 * most lines of the sample hold the same number of times (more per line, then comma, on a tie). Lines
 * without any (a title line such as "2021年工单明细" above the header) do not vote.
 */
function detectDelimiter(text: string): string {
  const candidates = [44, 9, 59];
  const lines: Map<number, number>[] = [];
  let counts = new Map<number, number>();
  let quoted = false;
  for (let i = 0; i < text.length && lines.length < DELIMITER_LINES; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && (c === LF || c === CR)) {
      if (counts.size > 0) lines.push(counts);
      counts = new Map();
    } else if (!quoted && candidates.includes(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  // The sample's last line may be cut; it votes only when it is the only one.
  if (lines.length === 0 && counts.size > 0) lines.push(counts);
  let best = { delimiter: 44, lines: 0, perLine: 0 };
  for (const d of candidates) {
    const agreeing = new Map<number, number>();
    for (const line of lines) {
      const n = line.get(d);
      if (n !== undefined) agreeing.set(n, (agreeing.get(n) ?? 0) + 1);
    }
    for (const [perLine, count] of agreeing) {
      if (count > best.lines || (count === best.lines && perLine > best.perLine)) best = { delimiter: d, lines: count, perLine };
    }
  }
  return String.fromCharCode(best.delimiter);
}

/** CR-only line ends (old Mac exports): the first line break outside quotes is a CR not followed by LF. */
function detectLineEnd(text: string): "\n" | "\r" {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && c === LF) return "\n";
    else if (!quoted && c === CR) return i + 1 < text.length && text.charCodeAt(i + 1) !== LF ? "\r" : "\n";
  }
  return "\n";
}

/** Longest record accepted (characters): far above any real order (Excel's cell limit is 32,767 characters). */
export const MAX_RECORD_CHARS = 16 * 1024 * 1024;

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * A parsed record. A class, not an object literal: V8 tracks the survival of literals per allocation site
 * and, when a garbage collection falls while a chunk's rows are all alive, moves the site's later objects to
 * the old generation, where each row then keeps its young cells alive until a full collection (several
 * hundred milliseconds of collection on a million rows, depending on timing). Instances of a class are not tracked.
 */
class CsvRow implements SourceRow {
  constructor(readonly cells: readonly string[], readonly rowNumber: number) {}
}

/** Incremental RFC 4180 parser over decoded text; a record is one row (a quoted line break does not start a row). */
export class CsvParser {
  private rest = "";
  private records = 0;
  private readonly d: number;
  private readonly eolCode: number;

  /** `eol` "\n" (LF or CRLF: a CR before it is dropped) or "\r" (CR-only line ends). */
  constructor(private readonly delimiter: string, private readonly eol: "\n" | "\r" = "\n") {
    this.d = delimiter.charCodeAt(0);
    this.eolCode = eol.charCodeAt(0);
  }

  /** The unfinished record carries an undecodable character into the next chunk. */
  get pendingReplacement(): boolean {
    return this.rest.includes(REPLACEMENT);
  }

  feed(chunk: string, final: boolean, out: SourceRow[]): void {
    const s = this.rest.length > 0 ? this.rest + chunk : chunk;
    const n = s.length;
    let p = 0;
    let nextQuote = s.indexOf('"');
    while (p < n) {
      if (nextQuote !== -1 && nextQuote < p) nextQuote = s.indexOf('"', p);
      let nl = s.indexOf(this.eol, p);
      if (nextQuote === -1 || (nl !== -1 && nextQuote > nl)) {
        // Fast path: a line without quotes.
        if (nl === -1) {
          if (!final) break;
          nl = n;
        }
        const end = nl > p && this.eolCode === LF && s.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
        out.push(new CsvRow(s.slice(p, end).split(this.delimiter), ++this.records));
        p = nl + 1;
        continue;
      }
      const next = this.quotedRecord(s, p, final, out);
      if (next < 0) break;
      p = next;
    }
    this.rest = p < n ? s.slice(p) : "";
    // One record longer than this (an unclosed quote, a file that is not CSV) would hold memory without bound.
    if (this.rest.length > MAX_RECORD_CHARS) throw new LedgerError(LEDGER_MESSAGES.recordTooLong(this.records + 1, MAX_RECORD_CHARS));
  }

  /** Parses one record that contains quotes; returns the position after it, or -1 when incomplete. */
  private quotedRecord(s: string, p: number, final: boolean, out: SourceRow[]): number {
    const n = s.length;
    const d = this.d;
    const cells: string[] = [];
    let i = p;
    for (;;) {
      let value: string;
      if (i < n && s.charCodeAt(i) === QUOTE) {
        value = "";
        let q = i + 1;
        for (;;) {
          const e = s.indexOf('"', q);
          if (e === -1) {
            if (!final) return -1;
            throw new LedgerError(LEDGER_MESSAGES.unterminatedQuote(this.records + 1));
          }
          if (e + 1 >= n && !final) return -1;
          if (s.charCodeAt(e + 1) === QUOTE) {
            value += s.slice(q, e + 1);
            q = e + 2;
            continue;
          }
          value += s.slice(q, e);
          i = e + 1;
          break;
        }
        // Text after the closing quote (not RFC 4180) is kept, as spreadsheet programs do.
        const j = scanField(s, i, d, this.eolCode);
        if (j > i) value += s.slice(i, j);
        i = j;
      } else {
        const j = scanField(s, i, d, this.eolCode);
        value = s.slice(i, j);
        i = j;
      }
      if (i >= n) {
        if (!final) return -1;
        cells.push(value);
        out.push(new CsvRow(cells, ++this.records));
        return n;
      }
      if (s.charCodeAt(i) === d) {
        cells.push(value);
        i++;
        continue;
      }
      // At LF: drop the CR of a CRLF.
      cells.push(this.eolCode === LF && value.charCodeAt(value.length - 1) === CR ? value.slice(0, -1) : value);
      out.push(new CsvRow(cells, ++this.records));
      return i + 1;
    }
  }
}

function scanField(s: string, i: number, d: number, eol: number): number {
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === d || c === eol) break;
    i++;
  }
  return i;
}

function asAsync<T>(iterator: Iterator<T>): AsyncIterator<T> {
  return {
    next: async () => iterator.next(),
    return: async () => iterator.return?.() ?? { done: true, value: undefined },
  };
}
