/**
 * Streaming CSV (RFC 4180: quoted fields with "" escapes and line breaks, CRLF or LF) from any byte
 * chunks: a Node Readable, a browser Blob read in slices, a Uint8Array. Memory holds one chunk and
 * the unfinished record, whatever the file size. Encoding: a BOM decides; otherwise UTF-8 when the
 * first 64 KB decode as strict UTF-8, else GB18030 (the two encodings Chinese platforms export).
 */
import type { RowBatch, SourceRow } from "./import";
import { LEDGER_MESSAGES, LedgerError } from "./messages";

export type CsvEncoding = "utf8" | "gb18030" | "utf16le";

export interface CsvOptions {
  /** Default "auto". */
  readonly encoding?: CsvEncoding | "auto";
  /** Default: tab when the first line has more tabs than commas, else comma. */
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
    const head = concat(sample, sampleBytes);
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
        parser = new CsvParser(options.delimiter ?? detectDelimiter(text));
      }
      const out: SourceRow[] = [];
      parser.feed(text, final, out);
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

export function detectEncoding(head: Uint8Array): CsvEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf8";
  if (head[0] === 0xff && head[1] === 0xfe) return "utf16le";
  if (head[0] === 0x84 && head[1] === 0x31 && head[2] === 0x95 && head[3] === 0x33) return "gb18030";
  try {
    // stream: true lets a character cut at the end of the sample pass.
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return "utf8";
  } catch {
    return "gb18030";
  }
}

interface Decoder {
  decode(bytes: Uint8Array, final: boolean, offset: number): string;
}

function makeDecoder(encoding: CsvEncoding): Decoder {
  // GB18030 is in the WHATWG Encoding Standard: every browser's TextDecoder has it, and so has Node's
  // (full ICU, the default build), so the task pane bundles no decoding tables of its own.
  const label = encoding === "utf8" ? "utf-8" : encoding === "utf16le" ? "utf-16le" : "gb18030";
  const decoder = new TextDecoder(label, { fatal: encoding === "utf8" });
  return {
    decode(bytes, final, offset) {
      try {
        return decoder.decode(bytes, { stream: !final });
      } catch {
        throw new LedgerError(LEDGER_MESSAGES.notUtf8(offset - bytes.length));
      }
    },
  };
}

function detectDelimiter(text: string): string {
  let end = text.indexOf("\n");
  if (end < 0) end = text.length;
  let commas = 0;
  let tabs = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 44) commas++;
    else if (c === 9) tabs++;
  }
  return tabs > commas ? "\t" : ",";
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Incremental RFC 4180 parser over decoded text; a record is one row (a quoted line break does not start a row). */
export class CsvParser {
  private rest = "";
  private records = 0;
  private readonly d: number;

  constructor(private readonly delimiter: string) {
    this.d = delimiter.charCodeAt(0);
  }

  feed(chunk: string, final: boolean, out: SourceRow[]): void {
    const s = this.rest.length > 0 ? this.rest + chunk : chunk;
    const n = s.length;
    let p = 0;
    let nextQuote = s.indexOf('"');
    while (p < n) {
      if (nextQuote !== -1 && nextQuote < p) nextQuote = s.indexOf('"', p);
      let nl = s.indexOf("\n", p);
      if (nextQuote === -1 || (nl !== -1 && nextQuote > nl)) {
        // Fast path: a line without quotes.
        if (nl === -1) {
          if (!final) break;
          nl = n;
        }
        const end = nl > p && s.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
        out.push({ cells: s.slice(p, end).split(this.delimiter), rowNumber: ++this.records });
        p = nl + 1;
        continue;
      }
      const next = this.quotedRecord(s, p, final, out);
      if (next < 0) break;
      p = next;
    }
    this.rest = p < n ? s.slice(p) : "";
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
        const j = scanField(s, i, d);
        if (j > i) value += s.slice(i, j);
        i = j;
      } else {
        const j = scanField(s, i, d);
        value = s.slice(i, j);
        i = j;
      }
      if (i >= n) {
        if (!final) return -1;
        cells.push(value);
        out.push({ cells, rowNumber: ++this.records });
        return n;
      }
      if (s.charCodeAt(i) === d) {
        cells.push(value);
        i++;
        continue;
      }
      // At LF: drop the CR of a CRLF.
      cells.push(value.charCodeAt(value.length - 1) === CR ? value.slice(0, -1) : value);
      out.push({ cells, rowNumber: ++this.records });
      return i + 1;
    }
  }
}

function scanField(s: string, i: number, d: number): number {
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === d || c === LF) break;
    i++;
  }
  return i;
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function asAsync<T>(iterator: Iterator<T>): AsyncIterator<T> {
  return {
    next: async () => iterator.next(),
    return: async () => iterator.return?.() ?? { done: true, value: undefined },
  };
}
