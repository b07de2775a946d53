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
const NO_ROWS: readonly ScannedRow[] = [];

/** Reads a worksheet's rows in batches. */
export function xlsxRows(file: RandomAccessFile, options: XlsxOptions = {}): AsyncGenerator<RowBatch> {
  return ledgerErrors(rows(file, options, false));
}

/**
 * The same rows in batches to visit (RowBatch.visit: each row read into one reused array as the batch is
 * visited, no array per row), for aggregateLedger.
 */
export function xlsxRowVisits(file: RandomAccessFile, options: XlsxOptions = {}): AsyncGenerator<RowBatch> {
  return ledgerErrors(rows(file, options, true));
}

async function* ledgerErrors(batches: AsyncGenerator<RowBatch>): AsyncGenerator<RowBatch> {
  try {
    yield* batches;
  } catch (error) {
    if (error instanceof XlsxError) throw new LedgerError(error.message);
    throw error;
  }
}

async function* rows(file: RandomAccessFile, options: XlsxOptions, visits: boolean): AsyncGenerator<RowBatch> {
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
  const batch = (chunk: Uint8Array, final: boolean): Pick<RowBatch, "rows" | "visit"> => {
    if (visits) return { rows: NO_ROWS, visit: (visitor, keep) => scanner.visit(chunk, final, visitor, keep) };
    const out: ScannedRow[] = [];
    scanner.feed(chunk, final, out);
    return { rows: out };
  };
  for await (const chunk of sheetBytes(pkg, sheet.path, (n) => (compressedRead += n))) {
    yield { ...batch(chunk, false), fraction: entry.compressedSize > 0 ? compressedRead / entry.compressedSize : undefined, source: first ? source : undefined };
    first = false;
  }
  yield { ...batch(EMPTY_BYTES, true), fraction: 1, source: first ? source : undefined };
}
