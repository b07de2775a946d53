/**
 * Reading through Office.js under Excel on the web's payload limit: one sync to find the requested sheets,
 * one to load their used ranges' extent (getUsedRangeOrNullObject(true)), then the cells from A1 in row
 * chunks packed into as few syncs as the request budget allows — a small workbook is read in three syncs
 * whatever the number of sheets.
 *
 * A read cannot be measured before it happens: each sheet's first chunk is a small probe (2,000 cells), and
 * every later chunk is sized from the bytes that sheet's chunks actually weighed (the heaviest row so far,
 * with a margin). Should Excel still refuse a read (RequestPayloadSizeLimitExceeded,
 * ResponsePayloadSizeLimitExceeded), the chunk is asked again in halves (down to one row, then halves of
 * the row's columns). A read may be limited to the first rows and to some columns (the ledger import reads
 * only the columns it maps).
 */
import { WMSG } from "../../messages";
import type { CellValue, SheetSnapshot, WorkbookPort } from "../../port";
import { jsonBytes } from "./cells";
import type { SyncEvent } from "./port";

/** Excel on the web's limit for one request or response. */
export const EXCEL_WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** Cells in a sheet's first chunk, read to measure what its rows weigh. */
const PROBE_CELLS = 2_000;
/** Most cells one read asks for (Excel refuses, or answers null, beyond five million). */
const MAX_CELLS_PER_READ = 1_000_000;
/** Margin on the measured weight of a row: later rows may carry longer text. */
const MEASURE_MARGIN = 1.25;

/** The error codes of a request or response over Excel on the web's 5 MB (OfficeExtension.CoreErrorCodes, Excel.ErrorCodes). */
export const PAYLOAD_LIMIT_ERRORS: readonly string[] = ["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"];

/** Is this the error of a request or response over the limit? (Microsoft Graph spells the inner code in camel case.) */
export function isPayloadLimitError(error: unknown): boolean {
  const e = error as { code?: unknown; debugInfo?: { code?: unknown } } | null;
  const codes = [e?.code, e?.debugInfo?.code].map((code) => String(code).toLowerCase());
  return PAYLOAD_LIMIT_ERRORS.some((known) => codes.includes(known.toLowerCase()));
}

type ReadOptions = Parameters<WorkbookPort["read"]>[1] & {};

/** Columns read together as one range. */
interface ColumnRun {
  readonly col: number;
  readonly cols: number;
}

interface ReadTask {
  readonly name: string;
  readonly sheet: Excel.Worksheet;
  /** Rows to read from the top; columns in the snapshot (cells outside `runs` stay null). */
  readonly rows: number;
  readonly width: number;
  runs: ColumnRun[];
  next: number;
  /** Most rows in one chunk: maxRowsPerChunk, halved after a request or response Excel refused. */
  cap: number;
  /** Measured bytes of a row (the heaviest chunk so far, with a margin); undefined before the probe. */
  bytesPerRow: number | undefined;
  readonly values: CellValue[][];
  readonly formulas: (string | null)[][];
  readonly formats: (string | null)[][];
}

interface ReadChunk {
  readonly task: ReadTask;
  readonly row: number;
  readonly rows: number;
  /** One range per run of the task, in the same order. */
  readonly ranges: Excel.Range[];
}

/** The requested columns within the used width as runs of adjacent columns (all of them by default). */
function columnRuns(width: number, columns: readonly number[] | undefined): ColumnRun[] {
  if (width === 0) return [];
  if (columns === undefined) return [{ col: 0, cols: width }];
  const sorted = [...new Set(columns)].filter((c) => Number.isInteger(c) && c >= 0 && c < width).sort((a, b) => a - b);
  const runs: ColumnRun[] = [];
  for (const col of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.col + last.cols === col) runs[runs.length - 1] = { col: last.col, cols: last.cols + 1 };
    else runs.push({ col, cols: 1 });
  }
  return runs;
}

/**
 * After Excel refused a batch: each of its sheets is read again from where the batch started, at most half
 * as many rows in one request as were refused (and at a weight per row that keeps later batches that
 * small); a single row is split into halves of its widest run of columns.
 */
function shrink(batch: readonly ReadChunk[], maxBytes: number): void {
  const byTask = new Map<ReadTask, { row: number; rows: number }>();
  for (const chunk of batch) {
    const seen = byTask.get(chunk.task);
    byTask.set(chunk.task, { row: Math.min(seen?.row ?? chunk.row, chunk.row), rows: (seen?.rows ?? 0) + chunk.rows });
  }
  for (const [task, { row, rows }] of byTask) {
    task.next = row;
    if (rows > 1) {
      task.cap = Math.max(1, Math.floor(rows / 2));
      task.bytesPerRow = Math.max(task.bytesPerRow ?? 0, Math.ceil(maxBytes / task.cap));
      continue;
    }
    const widest = task.runs.reduce((best, run, i) => (run.cols > task.runs[best].cols ? i : best), 0);
    const run = task.runs[widest];
    if (run.cols <= 1) throw new Error(WMSG.cellTooLargeToRead(task.name, row + 1));
    const half = Math.floor(run.cols / 2);
    task.runs.splice(widest, 1, { col: run.col, cols: half }, { col: run.col + half, cols: run.cols - half });
  }
}

/** Copies a loaded chunk into its task's snapshot; returns the bytes it weighed and updates the measure. */
function takeChunk(chunk: ReadChunk, withFormulas: boolean, withFormats: boolean): number {
  const { task, rows } = chunk;
  const start = task.values.length;
  for (let r = 0; r < rows; r++) {
    task.values.push(new Array<CellValue>(task.width).fill(null));
    if (withFormulas) task.formulas.push(new Array<string | null>(task.width).fill(null));
    if (withFormats) task.formats.push(new Array<string | null>(task.width).fill(null));
  }
  let bytes = 0;
  chunk.ranges.forEach((range, i) => {
    const run = task.runs[i];
    const values = range.values;
    const formulas = withFormulas ? range.formulas : undefined;
    const formats = withFormats ? range.numberFormat : undefined;
    bytes += jsonBytes(values) + (formulas ? jsonBytes(formulas) : 0) + (formats ? jsonBytes(formats) : 0);
    for (let r = 0; r < rows; r++) {
      const row = values[r] ?? [];
      const valueRow = task.values[start + r];
      for (let c = 0; c < run.cols; c++) {
        valueRow[run.col + c] = cellOut(row[c]);
        if (formulas) {
          const formula = formulas[r]?.[c];
          // Range.formulas gives the value where there is no formula; text stored with a leading
          // apostrophe comes back identical to its value and is not a formula either.
          const isFormula = typeof formula === "string" && formula.startsWith("=") && formula !== row[c];
          task.formulas[start + r][run.col + c] = isFormula ? formula : null;
        }
        if (formats) {
          const format = formats[r]?.[c];
          task.formats[start + r][run.col + c] = typeof format === "string" ? format : null;
        }
      }
    }
  });
  const perRow = Math.ceil((bytes / Math.max(1, rows)) * MEASURE_MARGIN);
  task.bytesPerRow = Math.max(task.bytesPerRow ?? 0, perRow, 1);
  return bytes;
}

function cellOut(value: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

/** The budget of one read. */
export interface ReadBudget {
  readonly maxBytes: number;
  readonly maxRows: number;
  readonly readBytesPerCell: number;
  readonly onSync?: (event: SyncEvent) => void;
}

/** Steps 1 and 2: which sheets exist, and the extent of each used range (values only: formatting alone does not make a cell used). */
async function readTasks(
  context: Excel.RequestContext, names: readonly string[], options: ReadOptions, budget: ReadBudget, synced: () => void,
): Promise<ReadTask[]> {
  const found = names.map((name) => ({ name, sheet: context.workbook.worksheets.getItemOrNullObject(name) }));
  await context.sync();
  synced();
  const present = found.filter((entry) => !entry.sheet.isNullObject);
  if (present.length === 0) return [];
  const extents = present.map((entry) => {
    const used = entry.sheet.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    return { ...entry, used };
  });
  await context.sync();
  return extents.map(({ name, sheet, used }) => {
    const empty = used.isNullObject;
    const height = empty ? 0 : used.rowIndex + used.rowCount;
    const width = empty ? 0 : used.columnIndex + used.columnCount;
    return {
      name, sheet, width,
      rows: options.rows === undefined ? height : Math.min(height, Math.max(0, options.rows)),
      runs: columnRuns(width, options.columns),
      next: 0, cap: budget.maxRows, bytesPerRow: undefined,
      values: [], formulas: [], formats: [],
    };
  });
}

/**
 * Snapshots of the named sheets (missing sheets absent), read in row chunks under the byte budget: a sheet's
 * first chunk is a small probe, every later one is sized from the bytes its sheet's chunks actually weighed.
 * A request or response Excel still finds too large is asked again in halves.
 */
export async function readSheets(
  context: Excel.RequestContext, sheetNames: readonly string[], options: ReadOptions, budget: ReadBudget,
): Promise<Map<string, SheetSnapshot>> {
  const withFormulas = options.formulas === true;
  const withFormats = options.numberFormats === true;
  const props = ["values", ...(withFormulas ? ["formulas"] : []), ...(withFormats ? ["numberFormat"] : [])].join(",");
  const result = new Map<string, SheetSnapshot>();
  const names = [...new Set(sheetNames)];
  if (names.length === 0) return result;
  let syncs = 0;
  const emit = (bytes: number, rowsDone: number, rowsTotal: number) => budget.onSync?.({ phase: "read", syncs, bytes, rowsDone, rowsTotal });
  const tasks = await readTasks(context, names, options, budget, () => {
    syncs++;
    emit(0, 0, 0);
  });
  if (tasks.length === 0) return result;
  syncs++;
  const rowsTotal = tasks.reduce((sum, task) => sum + task.rows, 0);
  let rowsDone = 0;
  emit(0, rowsDone, rowsTotal);
  for (;;) {
    const batch = planReads(tasks, props, budget);
    if (batch.length === 0) break;
    try {
      await context.sync();
    } catch (error) {
      if (!isPayloadLimitError(error)) throw error;
      shrink(batch, budget.maxBytes);
      continue;
    }
    syncs++;
    if (batch.some((chunk) => chunk.ranges.some((range) => !Array.isArray(range.values)))) {
      // Excel answers null for a range over its cell limit instead of failing: treat it alike.
      shrink(batch, budget.maxBytes);
      continue;
    }
    let loaded = 0;
    for (const chunk of batch) {
      loaded += takeChunk(chunk, withFormulas, withFormats);
      rowsDone += chunk.rows;
    }
    emit(loaded, rowsDone, rowsTotal);
  }
  for (const task of tasks) {
    result.set(task.name, {
      name: task.name,
      values: task.values,
      ...(withFormulas ? { formulas: task.formulas } : {}),
      ...(withFormats ? { numberFormats: task.formats } : {}),
    });
  }
  return result;
}

/** Queues the next chunks of the tasks that fit in one request's budget (none when all are read). */
function planReads(tasks: ReadTask[], props: string, limits: ReadBudget): ReadChunk[] {
  const batch: ReadChunk[] = [];
  let budget = limits.maxBytes;
  for (const task of tasks) {
    const cellsPerRow = task.runs.reduce((sum, run) => sum + run.cols, 0);
    while (task.next < task.rows && budget > 0) {
      const measured = task.bytesPerRow;
      const cellCap = Math.max(1, Math.floor(MAX_CELLS_PER_READ / Math.max(1, cellsPerRow)));
      let rows: number;
      let charge: number;
      if (measured === undefined) {
        const cells = Math.min(PROBE_CELLS, Math.floor(budget / limits.readBytesPerCell));
        rows = Math.max(1, Math.floor(cells / Math.max(1, cellsPerRow)));
        charge = rows * cellsPerRow * limits.readBytesPerCell;
      } else {
        rows = Math.floor(budget / measured);
        charge = measured;
      }
      rows = Math.min(rows, task.cap, cellCap, task.rows - task.next);
      if (rows < 1) {
        if (batch.length > 0) break;
        rows = 1; // a single row over the budget: nothing smaller can be asked for by rows
      }
      const ranges = task.runs.map((run) => {
        const range = task.sheet.getRangeByIndexes(task.next, run.col, rows, run.cols);
        range.load(props);
        return range;
      });
      batch.push({ task, row: task.next, rows, ranges });
      task.next += rows;
      budget -= measured === undefined ? charge : rows * charge;
      if (measured === undefined) break; // measure the probe before sizing more of this sheet
    }
    if (budget <= 0) break;
  }
  return batch;
}
