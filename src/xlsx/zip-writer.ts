/**
 * Writes a ZIP whose entries are either copied from another ZIP as they were (local header and
 * compressed bytes, byte for byte) or new data deflated here (fflate, in slices, so a big part costs its
 * compressed size on top of itself, not a second copy). ZIP64 records are written when the archive needs
 * them. Runs anywhere: the bytes go to a sink (a file through ./node-file, or memory through bytesSink).
 */
import { joinBytes } from "./bytes";
import { crc32 } from "./crc32";
import { entryData, loadFflate, type RandomAccessFile, type ZipEntry } from "./zip";

export type OutEntry =
  | { readonly kind: "copy"; readonly entry: ZipEntry }
  /** New content for a part; `like` lends its directory fields (time, attributes) when it replaces one. */
  | { readonly kind: "data"; readonly name: string; readonly data: Uint8Array; readonly like?: ZipEntry };

const MAX32 = 0xffffffff;
/** 2022-01-01 00:00 in DOS time, for new parts: the same inputs give the same bytes. */
const DOS_DATE = ((2022 - 1980) << 9) | (1 << 5) | 1;

/** Raw DEFLATE of a whole part, at the fastest level. */
export type RawDeflater = (data: Uint8Array) => Uint8Array;

/** Where a written ZIP goes, in order. */
export interface ByteSink {
  write(bytes: Uint8Array): Promise<void>;
  /** A faster deflater where the platform has one (Node's zlib, see ./node-file); default fflate's. */
  readonly deflateRaw?: RawDeflater;
  /** A faster CRC-32 where the platform has one; default ./crc32. */
  readonly crc32?: (data: Uint8Array, crc: number) => number;
}

/** A sink that keeps the bytes in memory (the browser: the result becomes a Blob to download). */
export function bytesSink(): ByteSink & { bytes(): Uint8Array } {
  const parts: Uint8Array[] = [];
  let length = 0;
  return {
    async write(bytes) {
      parts.push(bytes.slice());
      length += bytes.length;
    },
    bytes: () => joinBytes(parts.length > 0 ? parts : [new Uint8Array(0)], length),
  };
}

/** Slice of new data deflated (and checksummed) at a time. */
const SLICE = 1 << 20;

/**
 * Raw DEFLATE of `data` and its CRC-32, slice by slice. Level 1: the parts written here are XML the product
 * generates; the fastest level deflates them several times faster than the default 6 for a file a few tens of
 * percent larger, and any reader inflates either alike. The sink's own deflater (Node's zlib, native) when it
 * has one: five times faster again, and not first compiled on every run as fflate's JavaScript is.
 */
async function deflated(data: Uint8Array, sink: ByteSink): Promise<{ chunks: Uint8Array[]; length: number; crc: number }> {
  if (sink.deflateRaw) {
    const compressed = sink.deflateRaw(data);
    return { chunks: [compressed], length: compressed.length, crc: (sink.crc32 ?? crc32)(data, 0) >>> 0 };
  }
  const { Deflate } = await loadFflate();
  const chunks: Uint8Array[] = [];
  let length = 0;
  const deflate = new Deflate({ level: 1 }, (chunk) => {
    chunks.push(chunk);
    length += chunk.length;
  });
  let crc = 0;
  for (let at = 0; at < data.length || at === 0; at += SLICE) {
    const slice = data.subarray(at, Math.min(at + SLICE, data.length));
    crc = crc32(slice, crc);
    deflate.push(slice, at + SLICE >= data.length);
  }
  return { chunks, length, crc };
}

interface Written {
  readonly record: ZipEntry["record"];
  readonly flags: number;
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly offset: number;
}

type Write = (bytes: Uint8Array) => Promise<void>;

export async function writeZip(source: RandomAccessFile, sink: ByteSink, entries: readonly OutEntry[]): Promise<void> {
  let offset = 0;
  const write: Write = async (bytes) => {
    await sink.write(bytes);
    offset += bytes.length;
  };
  const written: Written[] = [];
  for (const e of entries) {
    const at = offset;
    written.push(e.kind === "copy" ? await copyEntry(source, e.entry, at, write) : await dataEntry(e, at, write, sink));
  }
  const cdStart = offset;
  for (const w of written) await write(centralRecord(w));
  await write(endRecords(written.length, cdStart, offset - cdStart));
}

/** An entry of the source, local header and data as they were (and its data descriptor, rebuilt). */
async function copyEntry(source: RandomAccessFile, entry: ZipEntry, at: number, write: Write): Promise<Written> {
  const { headerStart, end } = await entryData(source, entry);
  for (let p = headerStart; p < end; p += 1 << 20) await write(await source.read(p, Math.min(1 << 20, end - p)));
  if (entry.flags & 8) {
    const big = entry.size >= MAX32 || entry.compressedSize >= MAX32;
    const d = new DataView(new ArrayBuffer(big ? 24 : 16));
    d.setUint32(0, 0x08074b50, true);
    d.setUint32(4, entry.crc32, true);
    if (big) {
      d.setBigUint64(8, BigInt(entry.compressedSize), true);
      d.setBigUint64(16, BigInt(entry.size), true);
    } else {
      d.setUint32(8, entry.compressedSize, true);
      d.setUint32(12, entry.size, true);
    }
    await write(new Uint8Array(d.buffer));
  }
  return { ...entry, offset: at };
}

/** New data, deflated, behind its local header. */
async function dataEntry(e: Extract<OutEntry, { kind: "data" }>, at: number, write: Write, sink: ByteSink): Promise<Written> {
  const compressed = await deflated(e.data, sink);
  const nameBytes = e.like?.record.nameBytes ?? new TextEncoder().encode(e.name);
  const record: ZipEntry["record"] = e.like?.record ?? {
    versionMadeBy: 20, versionNeeded: 20, time: 0, date: DOS_DATE, internalAttributes: 0, externalAttributes: 0,
    nameBytes, extra: new Uint8Array(0), comment: new Uint8Array(0),
  };
  const big = e.data.length >= MAX32 || compressed.length >= MAX32;
  const flags = 0x0800;
  const header = new DataView(new ArrayBuffer(30));
  header.setUint32(0, 0x04034b50, true);
  header.setUint16(4, big ? 45 : 20, true);
  header.setUint16(6, flags, true);
  header.setUint16(8, 8, true);
  header.setUint16(10, record.time, true);
  header.setUint16(12, record.date, true);
  header.setUint32(14, compressed.crc, true);
  header.setUint32(18, big ? MAX32 : compressed.length, true);
  header.setUint32(22, big ? MAX32 : e.data.length, true);
  header.setUint16(26, nameBytes.length, true);
  const extra = big ? zip64Extra([e.data.length, compressed.length]) : new Uint8Array(0);
  header.setUint16(28, extra.length, true);
  await write(new Uint8Array(header.buffer));
  await write(nameBytes);
  await write(extra);
  for (const chunk of compressed.chunks) await write(chunk);
  return { record: { ...record, nameBytes }, flags, method: 8, crc32: compressed.crc, compressedSize: compressed.length, size: e.data.length, offset: at };
}

/** The end of central directory record, after the ZIP64 ones when the archive needs them. */
function endRecords(count: number, cdStart: number, cdSize: number): Uint8Array {
  const parts: Uint8Array[] = [];
  if (count >= 0xffff || cdStart >= MAX32 || cdSize >= MAX32) {
    const eocd64At = cdStart + cdSize;
    const r = new DataView(new ArrayBuffer(56));
    r.setUint32(0, 0x06064b50, true);
    r.setBigUint64(4, BigInt(44), true); // not 44n: the page's bundle is ES2017
    r.setUint16(12, 45, true);
    r.setUint16(14, 45, true);
    r.setBigUint64(24, BigInt(count), true);
    r.setBigUint64(32, BigInt(count), true);
    r.setBigUint64(40, BigInt(cdSize), true);
    r.setBigUint64(48, BigInt(cdStart), true);
    parts.push(new Uint8Array(r.buffer));
    const l = new DataView(new ArrayBuffer(20));
    l.setUint32(0, 0x07064b50, true);
    l.setBigUint64(8, BigInt(eocd64At), true);
    l.setUint32(16, 1, true);
    parts.push(new Uint8Array(l.buffer));
  }
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, Math.min(count, 0xffff), true);
  end.setUint16(10, Math.min(count, 0xffff), true);
  end.setUint32(12, Math.min(cdSize, MAX32), true);
  end.setUint32(16, Math.min(cdStart, MAX32), true);
  parts.push(new Uint8Array(end.buffer));
  return joinBytes(parts, parts.reduce((n, p) => n + p.length, 0));
}

function zip64Extra(values: readonly number[]): Uint8Array {
  const d = new DataView(new ArrayBuffer(4 + 8 * values.length));
  d.setUint16(0, 1, true);
  d.setUint16(2, 8 * values.length, true);
  values.forEach((v, i) => d.setBigUint64(4 + 8 * i, BigInt(v), true));
  return new Uint8Array(d.buffer);
}

function centralRecord(w: Written): Uint8Array {
  const big: number[] = [];
  if (w.size >= MAX32) big.push(w.size);
  if (w.compressedSize >= MAX32) big.push(w.compressedSize);
  if (w.offset >= MAX32) big.push(w.offset);
  const extra64 = big.length > 0 ? zip64Extra(big) : new Uint8Array(0);
  const { record } = w;
  const extraLength = extra64.length + record.extra.length;
  const d = new DataView(new ArrayBuffer(46));
  d.setUint32(0, 0x02014b50, true);
  d.setUint16(4, record.versionMadeBy, true);
  d.setUint16(6, big.length > 0 ? Math.max(45, record.versionNeeded) : record.versionNeeded, true);
  d.setUint16(8, w.flags, true);
  d.setUint16(10, w.method, true);
  d.setUint16(12, record.time, true);
  d.setUint16(14, record.date, true);
  d.setUint32(16, w.crc32, true);
  d.setUint32(20, Math.min(w.compressedSize, MAX32), true);
  d.setUint32(24, Math.min(w.size, MAX32), true);
  d.setUint16(28, record.nameBytes.length, true);
  d.setUint16(30, extraLength, true);
  d.setUint16(32, record.comment.length, true);
  d.setUint16(36, record.internalAttributes, true);
  d.setUint32(38, record.externalAttributes, true);
  d.setUint32(42, Math.min(w.offset, MAX32), true);
  const out = new Uint8Array(46 + record.nameBytes.length + extraLength + record.comment.length);
  out.set(new Uint8Array(d.buffer), 0);
  out.set(record.nameBytes, 46);
  out.set(extra64, 46 + record.nameBytes.length);
  out.set(record.extra, 46 + record.nameBytes.length + extra64.length);
  out.set(record.comment, 46 + record.nameBytes.length + extraLength);
  return out;
}
