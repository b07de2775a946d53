/** Reading a ledger file of either kind, from bytes or a Blob/File (task pane) — no Node APIs here. */
import { csvRows, type CsvOptions } from "./csv-reader";
import { aggregateLedger, type ImportOptions, type LedgerImport } from "./import";
import { LEDGER_MESSAGES, LedgerError } from "./messages";
import { xlsxRowVisits, type XlsxOptions } from "./xlsx-rows";
import { blobFile, bytesFile, type RandomAccessFile } from "../xlsx/zip";

export interface ReadLedgerOptions extends ImportOptions, Omit<CsvOptions, "totalBytes">, XlsxOptions {
  /** For messages only. */
  readonly fileName?: string;
}

export type LedgerFileKind = "csv" | "xlsx";

/** Signatures of common files that are not spreadsheets (PDF, images, archives, executables). */
const NOT_SPREADSHEETS: readonly (readonly number[])[] = [
  [0x25, 0x50, 0x44, 0x46], [0x89, 0x50, 0x4e, 0x47], [0x47, 0x49, 0x46, 0x38], [0xff, 0xd8, 0xff], [0x52, 0x61, 0x72, 0x21],
  [0x37, 0x7a, 0xbc, 0xaf], [0x1f, 0x8b], [0x42, 0x5a, 0x68], [0x7f, 0x45, 0x4c, 0x46], [0x4d, 0x5a],
];

const startsWith = (head: Uint8Array, signature: readonly number[]) => signature.every((b, i) => head[i] === b);

/**
 * By content, not by name: a ZIP is an .xlsx, an OLE2 file an old .xls (refused: save it as .xlsx), a known
 * non-spreadsheet signature is named as such, anything else CSV (whose reader refuses binary content).
 */
export function detectLedgerKind(head: Uint8Array, fileName = ""): LedgerFileKind {
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return "xlsx";
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) throw new LedgerError(LEDGER_MESSAGES.oldXls(fileName));
  if (NOT_SPREADSHEETS.some((s) => startsWith(head, s))) throw new LedgerError(LEDGER_MESSAGES.notSpreadsheet(fileName));
  return "csv";
}

/** A ledger in memory (e.g. a file the task pane read as an ArrayBuffer). */
export async function readLedgerBytes(bytes: Uint8Array, options: ReadLedgerOptions): Promise<LedgerImport> {
  return readRandomAccess(bytesFile(bytes), options);
}

/** A browser File or Blob, read in slices so a large CSV is never held whole. */
export async function readLedgerBlob(blob: Blob, options: ReadLedgerOptions): Promise<LedgerImport> {
  return readRandomAccess(blobFile(blob), options);
}

export async function readRandomAccess(file: RandomAccessFile, options: ReadLedgerOptions): Promise<LedgerImport> {
  const kind = detectLedgerKind(await file.read(0, Math.min(8, file.size)), options.fileName);
  if (kind === "xlsx") return aggregateLedger(xlsxRowVisits(file, options), options);
  return aggregateLedger(csvRows(sliceChunks(file), { ...options, totalBytes: file.size }), options);
}

async function* sliceChunks(file: RandomAccessFile, size = 1 << 20): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < file.size; offset += size) yield await file.read(offset, Math.min(size, file.size - offset));
}
