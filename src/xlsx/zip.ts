/**
 * Just enough ZIP to read an .xlsx part by part. The central directory is read first so parts can be
 * taken in the order we need them: Excel and exceljs both store sharedStrings.xml after the sheets, so a
 * front-to-back pass (fflate's Unzip) would have to hold the whole compressed sheet until the strings
 * arrive. Each part is then inflated as a stream: with fflate by default (the task pane), with Node's zlib
 * when the file comes from ./node-file. Every part read is checked against the size and CRC-32 the
 * directory records, and refused beyond a size limit before anything is inflated.
 */
import { crc32 } from "./crc32";
import { DEFAULT_LIMITS, INFLATE_SLICE } from "./limits";
import { XLSX_MSG, XlsxError } from "./messages";
import { platformInflateRaw } from "./stream-inflate";

/** Random access to a file's bytes: a Node file handle, a browser Blob/File, or bytes in memory. */
export interface RandomAccessFile {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
  /** A faster inflater where the platform has one (Node's zlib, see ./node-file); default fflate's. */
  readonly inflateRaw?: RawInflater;
  /**
   * The same for a small part at once (no stream to set up: an .xlsx has dozens of small parts); throws
   * when the data inflates to more than `maxOutput` bytes or is not valid DEFLATE.
   */
  readonly inflateRawSync?: (compressed: Uint8Array, maxOutput: number) => Uint8Array;
  /** A faster CRC-32 where the platform has one; default ./crc32. */
  readonly crc32?: (data: Uint8Array, crc: number) => number;
}

/** Inflates raw DEFLATE data (a ZIP entry), chunk by chunk. */
export type RawInflater = (compressed: AsyncIterable<Uint8Array>) => AsyncIterable<Uint8Array>;

/**
 * fflate, loaded when first used: the command line inflates and deflates with Node's zlib and never needs it
 * (its set-up costs a short run ~0.01 s). In the same chunk for webpack (eager): no request of its own.
 */
export const loadFflate = () => import(/* webpackMode: "eager" */ "fflate");

/** fflate's streaming inflater: pure JavaScript, runs anywhere (the task pane, the page's worker). */
export async function* fflateInflate(compressed: AsyncIterable<Uint8Array>, slice = INFLATE_SLICE): AsyncGenerator<Uint8Array> {
  const { Inflate } = await loadFflate();
  let pending: Uint8Array[] = [];
  const inflate = new Inflate((data) => pending.push(data));
  function* push(bytes: Uint8Array, final: boolean): Generator<Uint8Array> {
    let at = 0;
    do {
      const end = Math.min(at + slice, bytes.length);
      inflate.push(bytes.subarray(at, end), final && end === bytes.length);
      at = end;
      const out = pending;
      pending = [];
      yield* out;
    } while (at < bytes.length);
  }
  let previous: Uint8Array | undefined;
  for await (const chunk of compressed) {
    // One chunk behind, so the last one can be pushed as final.
    if (previous) yield* push(previous, false);
    previous = chunk;
  }
  yield* push(previous ?? new Uint8Array(0), true);
}

export function bytesFile(bytes: Uint8Array): RandomAccessFile {
  return { size: bytes.length, read: async (offset, length) => bytes.subarray(offset, offset + length) };
}

/** A browser File or Blob (also available in Node 20), inflated natively where the platform can (./stream-inflate). */
export function blobFile(blob: Blob, inflateRaw: RawInflater | undefined = platformInflateRaw()): RandomAccessFile {
  return {
    size: blob.size, read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()),
    ...(inflateRaw ? { inflateRaw } : {}),
  };
}

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly crc32: number;
  readonly localHeaderOffset: number;
  /** The directory record's other fields, kept so a writer can copy the entry as it was. */
  readonly record: {
    readonly versionMadeBy: number; readonly versionNeeded: number; readonly time: number; readonly date: number;
    readonly internalAttributes: number; readonly externalAttributes: number;
    readonly nameBytes: Uint8Array; readonly extra: Uint8Array; readonly comment: Uint8Array;
  };
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

const safeNumber = (n: bigint): number => (n > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(n));

/** Entries by lower-cased name (OPC part names are case-insensitive), in the directory's order. */
export async function readZipDirectory(file: RandomAccessFile): Promise<Map<string, ZipEntry>> {
  const { entries, cdSize, cdOffset } = await centralDirectory(file);
  const cd = await file.read(cdOffset, cdSize);
  const v = view(cd);
  const names = new TextDecoder();
  const result = new Map<string, ZipEntry>();
  let p = 0;
  for (let k = 0; k < entries; k++) {
    const { entry, end } = centralRecord(cd, v, p, names);
    result.set(entry.name.toLowerCase(), entry);
    p = end;
  }
  return result;
}

/** Where the central directory is and how many entries it holds (from the end record, or its ZIP64 one). */
async function centralDirectory(file: RandomAccessFile): Promise<{ entries: number; cdSize: number; cdOffset: number }> {
  if (file.size < 22) throw new XlsxError(XLSX_MSG.notZip);
  const tailLength = Math.min(file.size, 22 + 0xffff);
  const tail = await file.read(file.size - tailLength, tailLength);
  const tv = view(tail);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tv.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new XlsxError(XLSX_MSG.notZip);
  let entries = tv.getUint16(eocd + 10, true);
  let cdSize = tv.getUint32(eocd + 12, true);
  let cdOffset = tv.getUint32(eocd + 16, true);
  if (cdOffset === MAX32 || entries === 0xffff || cdSize === MAX32) {
    const locatorAt = file.size - tailLength + eocd - 20;
    if (locatorAt < 0) throw new XlsxError(XLSX_MSG.badZip64);
    const locator = view(await file.read(locatorAt, 20));
    if (locator.byteLength < 20 || locator.getUint32(0, true) !== ZIP64_LOCATOR) throw new XlsxError(XLSX_MSG.badZip64);
    const recordAt = safeNumber(locator.getBigUint64(8, true));
    if (recordAt + 56 > file.size) throw new XlsxError(XLSX_MSG.badZip64);
    const record = view(await file.read(recordAt, 56));
    if (record.byteLength < 56 || record.getUint32(0, true) !== ZIP64_EOCD) throw new XlsxError(XLSX_MSG.badZip64);
    entries = safeNumber(record.getBigUint64(32, true));
    cdSize = safeNumber(record.getBigUint64(40, true));
    cdOffset = safeNumber(record.getBigUint64(48, true));
  }
  if (cdOffset + cdSize > file.size || entries * 46 > cdSize) throw new XlsxError(XLSX_MSG.notZip);
  return { entries, cdSize, cdOffset };
}

/** The central directory record at cd[p], and where the next one starts. */
function centralRecord(cd: Uint8Array, v: DataView, p: number, names: TextDecoder): { entry: ZipEntry; end: number } {
  if (p + 46 > cd.length || v.getUint32(p, true) !== CENTRAL) throw new XlsxError(XLSX_MSG.notZip);
  const nameLength = v.getUint16(p + 28, true);
  const extraLength = v.getUint16(p + 30, true);
  const commentLength = v.getUint16(p + 32, true);
  const name = names.decode(cd.subarray(p + 46, p + 46 + nameLength));
  // ZIP64 extended information: present fields are those whose 32-bit value is saturated.
  let e = p + 46 + nameLength;
  const extraEnd = e + extraLength;
  if (extraEnd + commentLength > cd.length) throw new XlsxError(XLSX_MSG.notZip);
  const sizes = { size: v.getUint32(p + 24, true), compressedSize: v.getUint32(p + 20, true), localHeaderOffset: v.getUint32(p + 42, true) };
  const kept: Uint8Array[] = [];
  while (e + 4 <= extraEnd) {
    const id = v.getUint16(e, true);
    const length = v.getUint16(e + 2, true);
    if (id === 1) {
      let q = e + 4;
      const end = Math.min(e + 4 + length, extraEnd);
      const next = () => {
        if (q + 8 > end) throw new XlsxError(XLSX_MSG.badZip64);
        const n = safeNumber(v.getBigUint64(q, true));
        q += 8;
        return n;
      };
      if (sizes.size === MAX32) sizes.size = next();
      if (sizes.compressedSize === MAX32) sizes.compressedSize = next();
      if (sizes.localHeaderOffset === MAX32) sizes.localHeaderOffset = next();
    } else kept.push(cd.slice(e, Math.min(e + 4 + length, extraEnd)));
    e += 4 + length;
  }
  const entry: ZipEntry = {
    name, method: v.getUint16(p + 10, true), flags: v.getUint16(p + 8, true), ...sizes, crc32: v.getUint32(p + 16, true),
    record: {
      versionMadeBy: v.getUint16(p + 4, true), versionNeeded: v.getUint16(p + 6, true),
      time: v.getUint16(p + 12, true), date: v.getUint16(p + 14, true),
      internalAttributes: v.getUint16(p + 36, true), externalAttributes: v.getUint32(p + 38, true),
      nameBytes: cd.slice(p + 46, p + 46 + nameLength), extra: concat(kept),
      comment: cd.slice(extraEnd, extraEnd + commentLength),
    },
  };
  return { entry, end: extraEnd + commentLength };
}

/** Where an entry's compressed data starts and ends in the file (its local header checked). */
export async function entryData(file: RandomAccessFile, entry: ZipEntry): Promise<{ headerStart: number; start: number; end: number }> {
  if (entry.localHeaderOffset + 30 > file.size) throw new XlsxError(XLSX_MSG.badLocalHeader(entry.name));
  const local = view(await readPart(file, entry.localHeaderOffset, 30));
  if (local.byteLength < 30 || local.getUint32(0, true) !== LOCAL) throw new XlsxError(XLSX_MSG.badLocalHeader(entry.name));
  const start = entry.localHeaderOffset + 30 + local.getUint16(26, true) + local.getUint16(28, true);
  const end = start + entry.compressedSize;
  if (end > file.size) throw new XlsxError(XLSX_MSG.badLocalHeader(entry.name));
  return { headerStart: entry.localHeaderOffset, start, end };
}

export interface EntryReadOptions {
  /** Reports compressed bytes consumed. */
  readonly onRead?: (compressedBytes: number) => void;
  /** Largest inflated size accepted (default DEFAULT_LIMITS.maxPartBytes). */
  readonly limit?: number;
  readonly chunkSize?: number;
}

/** Refuses an entry whose recorded size is beyond `limit`, before anything is read. */
export function checkEntrySize(entry: ZipEntry, limit: number): void {
  if (entry.size > limit) throw new XlsxError(XLSX_MSG.tooLarge(entry.name, entry.size, limit));
}

/**
 * The decompressed bytes of an entry, chunk by chunk. Its size and CRC-32 are checked against the
 * directory: a damaged or padded part (a zip bomb that declares a small size) stops at the recorded size.
 */
export async function* entryChunks(file: RandomAccessFile, entry: ZipEntry, options: EntryReadOptions = {}): AsyncGenerator<Uint8Array> {
  const chunkSize = options.chunkSize ?? 1 << 20;
  if (entry.flags & 1) throw new XlsxError(XLSX_MSG.encrypted);
  if (entry.method !== 0 && entry.method !== 8) throw new XlsxError(XLSX_MSG.unsupportedMethod(entry.name, entry.method));
  checkEntrySize(entry, options.limit ?? DEFAULT_LIMITS.maxPartBytes);
  const { start, end } = await entryData(file, entry);
  if (entry.method === 8 && file.inflateRawSync && entry.size <= SMALL_PART && end - start <= SMALL_PART) {
    yield await smallEntry(file, file.inflateRawSync, entry, start, end, options);
    return;
  }
  async function* compressed(): AsyncGenerator<Uint8Array> {
    for (let offset = start; offset < end; offset += chunkSize) {
      const length = Math.min(chunkSize, end - offset);
      const bytes = await readPart(file, offset, length);
      options.onRead?.(length);
      yield bytes;
    }
  }
  const crc = file.crc32 ?? crc32;
  let produced = 0;
  let sum = 0;
  const source = entry.method === 0 ? compressed() : (file.inflateRaw ?? fflateInflate)(compressed());
  const iterator = source[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await iterator.next();
      } catch (error) {
        if (error instanceof XlsxError) throw error;
        // Bytes after the end of the DEFLATE stream: browsers' DecompressionStream refuses them (whatwg/compression
        // #49), zlib and fflate ignore them. With the whole part out, its size and CRC-32 below decide.
        if (produced === entry.size) break;
        throw new XlsxError(XLSX_MSG.inflateFailed(entry.name));
      }
      if (next.done) break;
      const chunk = next.value;
      produced += chunk.length;
      if (produced > entry.size) throw new XlsxError(XLSX_MSG.entryDamaged(entry.name));
      sum = crc(chunk, sum);
      yield chunk;
    }
  } finally {
    await iterator.return?.();
  }
  if (produced !== entry.size) throw new XlsxError(XLSX_MSG.entryDamaged(entry.name));
  if (sum >>> 0 !== entry.crc32 >>> 0) throw new XlsxError(XLSX_MSG.crcMismatch(entry.name));
}

/**
 * Parts up to this size (inflated and compressed) are inflated at once where the file offers it: one chunk of
 * the stream (./node-file), so what a reader holds at a time, and so its limits, stay as they were.
 */
const SMALL_PART = 1 << 20;

/** A read of the file that fails (a File moved or changed after it was chosen) is said as such, not as damage. */
async function readPart(file: RandomAccessFile, offset: number, length: number): Promise<Uint8Array> {
  try {
    return await file.read(offset, length);
  } catch {
    throw new XlsxError(XLSX_MSG.readFailed);
  }
}

/** A small entry inflated at once, checked as entryChunks checks a streamed one. */
async function smallEntry(
  file: RandomAccessFile, inflate: NonNullable<RandomAccessFile["inflateRawSync"]>, entry: ZipEntry, start: number, end: number,
  options: EntryReadOptions,
): Promise<Uint8Array> {
  const compressed = await readPart(file, start, end - start);
  options.onRead?.(end - start);
  let data: Uint8Array;
  try {
    data = inflate(compressed, Math.max(1, entry.size));
  } catch (error) {
    // Beyond the recorded size (the stream would stop there too), else not DEFLATE.
    throw new XlsxError((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ? XLSX_MSG.entryDamaged(entry.name) : XLSX_MSG.inflateFailed(entry.name));
  }
  if (data.length !== entry.size) throw new XlsxError(XLSX_MSG.entryDamaged(entry.name));
  if ((file.crc32 ?? crc32)(data, 0) >>> 0 !== entry.crc32 >>> 0) throw new XlsxError(XLSX_MSG.crcMismatch(entry.name));
  return data;
}

/** Reads an entry to the end only to check it (size and CRC-32); nothing is kept. */
export async function verifyEntry(file: RandomAccessFile, entry: ZipEntry, limit?: number): Promise<void> {
  for await (const chunk of entryChunks(file, entry, { limit })) void chunk;
}

/** A whole (small) entry as text; `limit` bounds it. */
export async function readEntryText(file: RandomAccessFile, entry: ZipEntry, limit?: number): Promise<string> {
  const decoder = new TextDecoder();
  const parts: string[] = [];
  for await (const chunk of entryChunks(file, entry, { limit })) parts.push(decoder.decode(chunk, { stream: true }));
  parts.push(decoder.decode());
  return parts.join("");
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
