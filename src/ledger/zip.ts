/**
 * Just enough ZIP to read an .xlsx part by part. The central directory is read first so parts can be
 * taken in the order we need them: Excel and exceljs both store sharedStrings.xml after the sheets, so a
 * front-to-back pass (fflate's Unzip) would have to hold the whole compressed sheet until the strings
 * arrive. Each part is then inflated as a stream: with fflate by default (the task pane), with Node's zlib
 * when the file comes from ./node.
 */
import { Inflate } from "fflate";
import { LEDGER_MESSAGES, LedgerError } from "./messages";

/** Random access to a file's bytes: a Node file handle, a browser Blob/File, or bytes in memory. */
export interface RandomAccessFile {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
  /** A faster inflater where the platform has one (Node's zlib, see ./node); default fflate's. */
  readonly inflateRaw?: RawInflater;
}

/** Inflates raw DEFLATE data (a ZIP entry), chunk by chunk. */
export type RawInflater = (compressed: AsyncIterable<Uint8Array>) => AsyncIterable<Uint8Array>;

/** fflate's streaming inflater: pure JavaScript, runs anywhere (the task pane). */
export async function* fflateInflate(compressed: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let pending: Uint8Array[] = [];
  const inflate = new Inflate((data) => pending.push(data));
  let previous: Uint8Array | undefined;
  for await (const chunk of compressed) {
    // One chunk behind, so the last one can be pushed as final.
    if (previous) inflate.push(previous, false);
    previous = chunk;
    const out = pending;
    pending = [];
    for (const data of out) yield data;
  }
  inflate.push(previous ?? new Uint8Array(0), true);
  for (const data of pending) yield data;
}

export function bytesFile(bytes: Uint8Array): RandomAccessFile {
  return { size: bytes.length, read: async (offset, length) => bytes.subarray(offset, offset + length) };
}

/** A browser File or Blob (also available in Node 20). */
export function blobFile(blob: Blob): RandomAccessFile {
  return { size: blob.size, read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()) };
}

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

/** Entries by lower-cased name (OPC part names are case-insensitive). */
export async function readZipDirectory(file: RandomAccessFile): Promise<Map<string, ZipEntry>> {
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
  if (eocd < 0) throw new LedgerError(LEDGER_MESSAGES.notZip);
  let entries = tv.getUint16(eocd + 10, true);
  let cdSize = tv.getUint32(eocd + 12, true);
  let cdOffset = tv.getUint32(eocd + 16, true);
  if (cdOffset === MAX32 || entries === 0xffff || cdSize === MAX32) {
    const locatorAt = file.size - tailLength + eocd - 20;
    const locator = view(await file.read(locatorAt, 20));
    if (locator.getUint32(0, true) !== ZIP64_LOCATOR) throw new LedgerError(LEDGER_MESSAGES.notZip);
    const record = view(await file.read(Number(locator.getBigUint64(8, true)), 56));
    if (record.getUint32(0, true) !== ZIP64_EOCD) throw new LedgerError(LEDGER_MESSAGES.notZip);
    entries = Number(record.getBigUint64(32, true));
    cdSize = Number(record.getBigUint64(40, true));
    cdOffset = Number(record.getBigUint64(48, true));
  }
  const cd = await file.read(cdOffset, cdSize);
  const v = view(cd);
  const names = new TextDecoder();
  const result = new Map<string, ZipEntry>();
  let p = 0;
  for (let k = 0; k < entries; k++) {
    if (p + 46 > cd.length || v.getUint32(p, true) !== CENTRAL) throw new LedgerError(LEDGER_MESSAGES.notZip);
    const flags = v.getUint16(p + 8, true);
    const method = v.getUint16(p + 10, true);
    let compressedSize = v.getUint32(p + 20, true);
    let size = v.getUint32(p + 24, true);
    const nameLength = v.getUint16(p + 28, true);
    const extraLength = v.getUint16(p + 30, true);
    const commentLength = v.getUint16(p + 32, true);
    let localHeaderOffset = v.getUint32(p + 42, true);
    const name = names.decode(cd.subarray(p + 46, p + 46 + nameLength));
    // ZIP64 extended information: present fields are those whose 32-bit value is saturated.
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = v.getUint16(e, true);
      const length = v.getUint16(e + 2, true);
      if (id === 1) {
        let q = e + 4;
        if (size === MAX32) { size = Number(v.getBigUint64(q, true)); q += 8; }
        if (compressedSize === MAX32) { compressedSize = Number(v.getBigUint64(q, true)); q += 8; }
        if (localHeaderOffset === MAX32) localHeaderOffset = Number(v.getBigUint64(q, true));
      }
      e += 4 + length;
    }
    result.set(name.toLowerCase(), { name, method, flags, compressedSize, size, localHeaderOffset });
    p = extraEnd + commentLength;
  }
  return result;
}

/** The decompressed bytes of an entry, chunk by chunk; `onRead` reports compressed bytes consumed. */
export async function* entryChunks(file: RandomAccessFile, entry: ZipEntry, onRead?: (compressedBytes: number) => void, chunkSize = 1 << 20): AsyncGenerator<Uint8Array> {
  if (entry.flags & 1) throw new LedgerError(LEDGER_MESSAGES.zipEncrypted);
  if (entry.method !== 0 && entry.method !== 8) throw new LedgerError(LEDGER_MESSAGES.zipUnsupported(entry.name, entry.method));
  const local = view(await file.read(entry.localHeaderOffset, 30));
  if (local.getUint32(0, true) !== LOCAL) throw new LedgerError(LEDGER_MESSAGES.notZip);
  const start = entry.localHeaderOffset + 30 + local.getUint16(26, true) + local.getUint16(28, true);
  const end = start + entry.compressedSize;
  async function* compressed(): AsyncGenerator<Uint8Array> {
    for (let offset = start; offset < end; offset += chunkSize) {
      const length = Math.min(chunkSize, end - offset);
      const bytes = await file.read(offset, length);
      onRead?.(length);
      yield bytes;
    }
  }
  // A damaged part can inflate to less (or more) than it should without any error from the inflater:
  // the length the central directory records is checked, so a truncated sheet is never read as whole.
  let produced = 0;
  for await (const chunk of entry.method === 0 ? compressed() : (file.inflateRaw ?? fflateInflate)(compressed())) {
    produced += chunk.length;
    if (produced > entry.size) throw new LedgerError(LEDGER_MESSAGES.zipEntryDamaged(entry.name));
    yield chunk;
  }
  if (produced !== entry.size) throw new LedgerError(LEDGER_MESSAGES.zipEntryDamaged(entry.name));
}

/** A whole (small) entry as text. */
export async function readEntryText(file: RandomAccessFile, entry: ZipEntry): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  for await (const chunk of entryChunks(file, entry)) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
