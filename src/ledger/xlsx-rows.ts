/**
 * A 工单明细 worksheet (or the first one) of an .xlsx ledger, row by row, through the .xlsx module
 * (src/xlsx): shared strings first, then the sheet streamed. Reader errors become LedgerErrors with the
 * reader's Chinese message.
 */
import { openPackage, readSharedStrings, sheetBytes } from "../xlsx/package";
import { DEFAULT_LIMITS, rowLimit, type XlsxLimits } from "../xlsx/limits";
import { XlsxError } from "../xlsx/messages";
import { SheetByteScanner, type ScannedRow } from "../xlsx/sheet-scanner";
import type { RandomAccessFile } from "../xlsx/zip";
import { normalizeHeader } from "./columns";
import type { RowBatch } from "./import";
import { LEDGER_MESSAGES, LedgerError } from "./messages";

export interface XlsxOptions {
  /** Sheet to read; default 工单明细 when present, else the first sheet. */
  readonly sheet?: string;
  /** Size limits of the reader (default DEFAULT_LIMITS). */
  readonly limits?: XlsxLimits;
}

export const LEDGER_SHEET_NAME = "工单明细";

const EMPTY_BYTES = new Uint8Array(0);

/** Reads a worksheet's rows in batches. */
export async function* xlsxRows(file: RandomAccessFile, options: XlsxOptions = {}): AsyncGenerator<RowBatch> {
  try {
    yield* rows(file, options);
  } catch (error) {
    if (error instanceof XlsxError) throw new LedgerError(error.message);
    throw error;
  }
}

async function* rows(file: RandomAccessFile, options: XlsxOptions): AsyncGenerator<RowBatch> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const pkg = await openPackage(file, limits);
  if (pkg.sheets.length === 0) throw new LedgerError(LEDGER_MESSAGES.noWorksheet);
  const wanted = normalizeHeader(options.sheet ?? LEDGER_SHEET_NAME);
  const sheet = pkg.sheets.find((s) => normalizeHeader(s.name) === wanted) ?? pkg.sheets[0];
  const strings = await readSharedStrings(pkg);
  const entry = pkg.part(sheet.path);
  let compressedRead = 0;
  const scanner = new SheetByteScanner(strings, { rowLimit: rowLimit(limits), part: sheet.path });
  const source = { format: "xlsx" as const, sheet: sheet.name, date1904: pkg.date1904 };
  let first = true;
  for await (const chunk of sheetBytes(pkg, sheet.path, (n) => (compressedRead += n))) {
    const out: ScannedRow[] = [];
    scanner.feed(chunk, false, out);
    yield { rows: out, fraction: entry.compressedSize > 0 ? compressedRead / entry.compressedSize : undefined, source: first ? source : undefined };
    first = false;
  }
  const out: ScannedRow[] = [];
  scanner.feed(EMPTY_BYTES, true, out);
  yield { rows: out, fraction: 1, source: first ? source : undefined };
}
