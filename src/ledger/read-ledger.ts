/** Reading a ledger file of either kind, from bytes or a Blob/File (task pane) — no Node APIs here. */
import { csvRows, type CsvOptions } from "./csv-reader";
import { aggregateLedger, type ImportOptions, type LedgerImport } from "./import";
import { LEDGER_MESSAGES, LedgerError } from "./messages";
import { xlsxRows, type XlsxOptions } from "./xlsx-rows";
import { blobFile, bytesFile, type RandomAccessFile } from "../xlsx/zip";

export interface ReadLedgerOptions extends ImportOptions, Omit<CsvOptions, "totalBytes">, XlsxOptions {
  /** For messages only. */
  readonly fileName?: string;
}

export type LedgerFileKind = "csv" | "xlsx";

/** By content, not by name: a ZIP is an .xlsx, an OLE2 file is an old .xls (refused), anything else CSV. */
export function detectLedgerKind(head: Uint8Array, fileName = ""): LedgerFileKind {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return "xlsx";
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw new LedgerError(LEDGER_MESSAGES.unknownFileType(fileName));
  }
  return "csv";
}

/** A ledger in memory (e.g. a file the task pane read as an ArrayBuffer). */
export async function readLedgerBytes(bytes: Uint8Array, options: ReadLedgerOptions = {}): Promise<LedgerImport> {
  return readRandomAccess(bytesFile(bytes), options);
}

/** A browser File or Blob, read in slices so a large CSV is never held whole. */
export async function readLedgerBlob(blob: Blob, options: ReadLedgerOptions = {}): Promise<LedgerImport> {
  return readRandomAccess(blobFile(blob), options);
}

export async function readRandomAccess(file: RandomAccessFile, options: ReadLedgerOptions = {}): Promise<LedgerImport> {
  const kind = detectLedgerKind(await file.read(0, Math.min(8, file.size)), options.fileName);
  if (kind === "xlsx") return aggregateLedger(xlsxRows(file, options), options);
  return aggregateLedger(csvRows(sliceChunks(file), { ...options, totalBytes: file.size }), options);
}

async function* sliceChunks(file: RandomAccessFile, size = 1 << 20): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < file.size; offset += size) yield await file.read(offset, Math.min(size, file.size - offset));
}
