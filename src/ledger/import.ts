/** Feeding rows from any source to the aggregator: header detection, mapping, progress. */
import { LedgerAggregator, type AggregatorOptions } from "./aggregator";
import { mapHeaders, type HeaderMapping } from "./columns";
import type { LedgerData } from "./ledger-data";
import { LEDGER_MESSAGES, LedgerError } from "./messages";
import type { SourceInfo } from "./problems";
import type { LedgerCell } from "./timestamps";
import { isBlank } from "./values";

export interface SourceRow {
  readonly cells: readonly LedgerCell[];
  /** 1-based row as the file or sheet shows it. */
  readonly rowNumber: number;
  /** The row holds bytes its file's encoding cannot read (shown as U+FFFD): reported, never guessed. */
  readonly undecodable?: boolean;
  /** 0-based columns holding a formula without a cached result (.xlsx): unknown values, never blanks (read only: rows may share the list). */
  readonly uncalculated?: readonly number[];
}

/** Takes one row of a `RowBatch.visit`: `cells` is valid only during the call (the source reuses the array) unless asked to keep it. */
export type RowVisitor = (cells: readonly LedgerCell[], rowNumber: number, undecodable: boolean, uncalculated: readonly number[] | undefined) => void;

export interface RowBatch {
  readonly rows: readonly SourceRow[];
  /**
   * Instead of `rows` (then empty): hands the batch's rows to a visitor one by one and returns how many; called
   * once, before the next batch is asked for (the .xlsx reader reads its rows into one array, without garbage).
   * `keep`: each row in an array of its own, as in `rows` (the visitor keeps them).
   */
  readonly visit?: (visitor: RowVisitor, keep?: boolean) => number;
  /** Share of the input consumed so far (0–1), when the source knows its size. */
  readonly fraction?: number;
  /** Set by file readers on their first batch. */
  readonly source?: SourceInfo;
}

export type RowSource = AsyncIterable<RowBatch> | Iterable<RowBatch>;

export interface ImportProgress {
  readonly rowsRead: number;
  readonly fraction?: number;
}

export interface ImportOptions extends Omit<AggregatorOptions, "headerRow" | "source"> {
  /** Header → column answers the user gave earlier (stored in the workbook by the caller). */
  readonly remembered?: Readonly<Record<string, string>>;
  readonly onProgress?: (progress: ImportProgress) => void;
  /** The header is the first of this many non-blank rows that names at least three columns (title lines may precede it). */
  readonly headerSearchRows?: number;
}

export type LedgerImport =
  | { readonly status: "ok"; readonly data: LedgerData; readonly mapping: HeaderMapping }
  | {
      /** Required columns are missing: ask the user (offer mapping.unrecognized), then import again with `remembered`. */
      readonly status: "needsMapping";
      readonly mapping: HeaderMapping;
      readonly headerRow: number;
      readonly message: string;
    };

/** A header row must name at least this many columns to be taken for one when title lines precede it. */
const MIN_RECOGNIZED = 3;

/** An in-memory source: rows as arrays (e.g. values the task pane read from a 工单明细 sheet). */
export function* arrayRows(rows: readonly (readonly LedgerCell[])[], firstRowNumber = 1, batchSize = 10_000): Iterable<RowBatch> {
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch: SourceRow[] = [];
    for (let i = start; i < Math.min(rows.length, start + batchSize); i++) batch.push({ cells: rows[i], rowNumber: firstRowNumber + i });
    yield { rows: batch, fraction: Math.min(rows.length, start + batchSize) / rows.length, source: start === 0 ? { format: "rows" } : undefined };
  }
}

/** Reads a whole source: finds the header, maps it, aggregates every row after it. */
export async function aggregateLedger(source: RowSource, options: ImportOptions): Promise<LedgerImport> {
  const searchRows = options.headerSearchRows ?? 10;
  let aggregator: LedgerAggregator | undefined;
  let mapping: HeaderMapping | undefined;
  let info: SourceInfo | undefined;
  let pending: SourceRow[] = [];
  let rowsSeen = 0;

  const start = (final: boolean): LedgerImport | undefined => {
    const choice = chooseHeader(pending, searchRows, options.remembered, final);
    if (choice === undefined) return undefined;
    const headerRow = pending[choice];
    mapping = mapHeaders(headerRow.cells, options.remembered);
    if (!mapping.complete) {
      return { status: "needsMapping", mapping, headerRow: headerRow.rowNumber, message: LEDGER_MESSAGES.missingColumns(mapping.missing) };
    }
    aggregator = new LedgerAggregator(mapping, { ...options, headerRow: headerRow.rowNumber, source: info });
    for (let i = choice + 1; i < pending.length; i++) aggregator.add(pending[i].cells, pending[i].rowNumber, pending[i].undecodable, pending[i].uncalculated);
    pending = [];
    return undefined;
  };

  const add: RowVisitor = (cells, rowNumber, undecodable, uncalculated) => aggregator!.add(cells, rowNumber, undecodable, uncalculated);
  const hold: RowVisitor = (cells, rowNumber, undecodable, uncalculated) => pending.push({ cells, rowNumber, undecodable, uncalculated });
  for await (const batch of source as AsyncIterable<RowBatch>) {
    if (batch.source) info = batch.source;
    let count = batch.rows.length;
    if (aggregator) {
      const rows = batch.rows;
      for (let i = 0; i < rows.length; i++) aggregator.add(rows[i].cells, rows[i].rowNumber, rows[i].undecodable, rows[i].uncalculated);
      if (batch.visit) count += batch.visit(add);
    } else {
      for (const row of batch.rows) pending.push(row);
      if (batch.visit) count += batch.visit(hold, true);
      const early = start(false);
      if (early) return early;
    }
    rowsSeen += count;
    options.onProgress?.({ rowsRead: rowsSeen, fraction: batch.fraction });
  }
  if (!aggregator) {
    const late = start(true);
    if (late) return late;
  }
  if (!aggregator || !mapping) throw new LedgerError(LEDGER_MESSAGES.emptyFile);
  return { status: "ok", data: aggregator.finish(), mapping };
}

/**
 * The header among the first rows of a ledger and how it maps, without counting a row (to learn which columns
 * to read before reading the rest); undefined when the rows are blank.
 */
export function findLedgerHeader(rows: readonly (readonly LedgerCell[])[], remembered?: Readonly<Record<string, string>>, searchRows = 10): HeaderMapping | undefined {
  const source = rows.map((cells, i) => ({ cells, rowNumber: i + 1 }));
  const choice = chooseHeader(source, searchRows, remembered, true);
  return choice === undefined ? undefined : mapHeaders(source[choice].cells, remembered);
}

/**
 * Index in `rows` of the header, or undefined while more rows are needed to decide. Without a recognized
 * header, the first of the widest rows (a title line above the header holds one cell), so that the question
 * names the file's own headers.
 */
function chooseHeader(rows: readonly SourceRow[], searchRows: number, remembered: Readonly<Record<string, string>> | undefined, final: boolean): number | undefined {
  let widest = -1;
  let widestCells = 0;
  let nonBlank = 0;
  for (let i = 0; i < rows.length && nonBlank < searchRows; i++) {
    const cells = rows[i].cells.filter((c) => !isBlank(c)).length;
    if (cells === 0) continue;
    if (cells > widestCells) {
      widest = i;
      widestCells = cells;
    }
    nonBlank++;
    if (mapHeaders(rows[i].cells, remembered).recognized.length >= MIN_RECOGNIZED) return i;
  }
  if (nonBlank >= searchRows || (final && widest >= 0)) return widest;
  return undefined;
}
