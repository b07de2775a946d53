/**
 * The WorkbookPort over Office.js (the task pane's adapter). Thin and batched:
 *
 * - read: one sync to find the requested sheets, one to load their used ranges' extent
 *   (getUsedRangeOrNullObject(true)), then the cells from A1 in row chunks packed into as few syncs as the
 *   request budget allows — a small workbook is read in three syncs whatever the number of sheets.
 * - apply: one sync to find the sheets the plan names (plus one to find charts it replaces), then every
 *   op queued in order, with a sync only when the queued payload would exceed the budget; large values,
 *   formulas and number-format arrays are written in row chunks, a sync per chunk.
 *
 * Excel on the web rejects any request or response over 5 MB (RequestPayloadSizeLimitExceeded,
 * ResponsePayloadSizeLimitExceeded), so every sync aims at `maxRequestBytes` (4,000,000 by default),
 * measured as the JSON of the values it carries (non-ASCII characters counted as six bytes, their worst
 * case as \uXXXX escapes) plus an allowance per queued action. A read cannot be measured before it
 * happens: each sheet's first chunk is a small probe (2,000 cells), and every later chunk is sized from the
 * bytes that sheet's chunks actually weighed (the heaviest row so far, with a margin). Should Excel still
 * refuse a read, the chunk is asked again in halves (down to one row, then halves of the row's columns).
 * A read may be limited to the first rows and to some columns (the ledger import reads only the columns it
 * maps).
 *
 * Only per-name access (getItemOrNullObject, getRangeByIndexes) is used outside sheetNames(), so the
 * adapter runs against office-addin-mock, which has no collections.
 */

import { cellAddress } from "./address";
import { fitCellText, MAX_CELL_CHARS } from "./cell-text";
import type { CellFormat, CellValue, PageSetup, RangeRef, SheetSnapshot, WorkbookPort, WriteOp, WritePlan } from "./port";
import { marginsInPoints, NARROW_MARGINS } from "../sheet/print";

/** Runs a batch against a request context: Excel.run, or a context the caller already holds. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Excel on the web's limit for one request or response. */
export const EXCEL_WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

export interface OfficePortOptions {
  /** Upper bound for the estimated size of one request/response (default 4,000,000 bytes). */
  readonly maxRequestBytes?: number;
  /** Most rows read or written by one range operation (default 10,000). */
  readonly maxRowsPerChunk?: number;
  /** Budget a sheet's probe chunk is charged per cell when several are packed in one request (default 64). */
  readonly readBytesPerCell?: number;
  /** False when the host lacks charts (ExcelApi 1.7): barChart ops are then skipped. Default true. */
  readonly charts?: boolean;
  /** False when the host lacks data validation (ExcelApi 1.8): listValidation ops are then skipped. Default true. */
  readonly dataValidation?: boolean;
  /** False when the host lacks the page layout API (ExcelApi 1.9): pageSetup ops are then skipped. Default true. */
  readonly pageLayout?: boolean;
  /**
   * False when the host lacks cell notes (ExcelApi 1.18): note ops are then skipped (the template lists the
   * same texts on 填写说明). Default true.
   */
  readonly notes?: boolean;
  /** Called after every context.sync() the adapter makes, e.g. for a progress indicator. */
  readonly onSync?: (event: SyncEvent) => void;
}

export interface SyncEvent {
  readonly phase: "read" | "apply";
  /** Syncs made so far in this read/apply call, including this one. */
  readonly syncs: number;
  /** Estimated size of this sync's request (apply) or of the values it loaded (read, measured). */
  readonly bytes: number;
  /** Rows of cell data done / total for this call (values, formulas and number formats). */
  readonly rowsDone: number;
  readonly rowsTotal: number;
}

const DEFAULTS = { maxRequestBytes: 4_000_000, maxRowsPerChunk: 10_000, readBytesPerCell: 64 };
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
    if (run.cols <= 1) throw new Error(`工作表“${task.name}”第${row + 1}行的一个单元格超出了 Excel 单次读取的大小限制，无法读取。`);
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
/** Allowance for one queued action's own JSON (object path, method, arguments). */
const ACTION_BYTES = 200;

/** JSON size of a value with non-ASCII characters at their escaped worst case (6 bytes). */
export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? "";
  let bytes = json.length;
  for (let i = 0; i < json.length; i++) if (json.charCodeAt(i) > 0x7f) bytes += 5;
  return bytes;
}

/**
 * Column width in Excel's characters (of the default font's maximum digit width, 7 px at 96 dpi, plus 5 px
 * of padding) to points, the unit of Range.format.columnWidth: 8.43 characters → 64 px → 48 pt.
 */
export function charsToPoints(chars: number): number {
  if (chars <= 0) return 0;
  return Math.round(chars * 7 + 5) * 0.75;
}

const MONTH_NAME = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*";
/** 1-Mar, 1 March 2021, Mar-21, March 1, 2021: dates Excel reads from typed text. */
const MONTH_DATE = new RegExp(`^(?:\\d{1,2}[-\\s/]+${MONTH_NAME}(?:[-\\s/,]+\\d{2,4})?|${MONTH_NAME}[-\\s/.]+\\d{1,4}(?:,?[-\\s/]+\\d{2,4})?)$`, "i");

/**
 * Text that Excel would not keep as typed when set through Range.values gets the apostrophe prefix, so the
 * cell holds exactly the text (Excel does not store the apostrophe in the value). Office.js documents that
 * values starting with "+", "-" or "=" are interpreted as formulas; typed input also turns numbers (1,000,
 * 50%, 1e3, (5), ¥5, 1 1/2), dates and times (2021-3-1, 2021/3/1, 3月1日, 1-Mar, 8:00, 8 AM), TRUE/FALSE and
 * error codes (#N/A) into values of those types, full-width forms (１２、９８％) included. An apostrophe is
 * preferred to the text number format "@", which would also change how the user's later input is read.
 */
export function guardText(text: string): string {
  if (text === "") return text;
  const t = text.normalize("NFKC").trim();
  if (t === "") return text;
  if (/^[=+\-'@#]/.test(text) || /^[=+\-@#]/.test(t)) return `'${text}`;
  const numberLike = /\d/.test(t) && /^[\d.,:/%$¥€£eE()\s+-]+$/.test(t);
  const dateLike = /^\d[\d\s年月日号./:-]*$/.test(t);
  const timeLike = /^\d{1,2}(?::\d{1,2}){0,2}(?:\.\d+)?\s*[ap]m?$/i.test(t);
  if (numberLike || dateLike || timeLike || MONTH_DATE.test(t) || /^(true|false)$/i.test(t)) return `'${text}`;
  return text;
}

/** Text written through Range.values: cut to fit a cell (with a visible mark), then guarded. */
export function guardedCellText(text: string): string {
  const guarded = guardText(text);
  return guarded.length <= MAX_CELL_CHARS ? guarded : guardText(fitCellText(text, guarded.length - text.length));
}

/**
 * A footer in the file format's codes ("&L…&C…&R…") split into the three parts Office.js sets one by one;
 * text before any section code is centred, "&&" is a literal ampersand and stays as it is.
 */
export function footerSections(footer: string): { left: string; center: string; right: string } {
  const out = { left: "", center: "", right: "" };
  let section: keyof typeof out = "center";
  for (let i = 0; i < footer.length; i++) {
    const two = footer.slice(i, i + 2);
    if (two === "&&") {
      out[section] += two;
      i++;
    } else if (two === "&L" || two === "&C" || two === "&R") {
      section = two === "&L" ? "left" : two === "&C" ? "center" : "right";
      i++;
    } else out[section] += footer[i];
  }
  return out;
}

function cellIn(value: CellValue): string | number | boolean {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new Error(`无法写入非有限数值 ${String(value)}：Excel 单元格只接受有限数字。`);
  }
  return value;
}

function cellOut(value: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

function sheetError(name: string): Error {
  return new Error(`工作表“${name}”不存在：写入计划在创建它之前就要写入它。`);
}

export class OfficeWorkbookPort implements WorkbookPort {
  private readonly run: ExcelRunner;
  private readonly maxBytes: number;
  private readonly maxRows: number;
  private readonly readBytesPerCell: number;

  /**
   * @param source Excel.run (default), a runner with the same shape, or a RequestContext to work in
   *   (every call then syncs that context; nothing is queued on it beyond the call).
   */
  constructor(source?: ExcelRunner | Excel.RequestContext, private readonly options: OfficePortOptions = {}) {
    if (typeof source === "function") this.run = source;
    else if (source) {
      const context = source;
      this.run = (batch) => batch(context);
    } else this.run = (batch) => Excel.run(batch);
    this.maxBytes = options.maxRequestBytes ?? DEFAULTS.maxRequestBytes;
    this.maxRows = options.maxRowsPerChunk ?? DEFAULTS.maxRowsPerChunk;
    this.readBytesPerCell = options.readBytesPerCell ?? DEFAULTS.readBytesPerCell;
  }

  /** Names of all worksheets in tab order (loads the worksheets collection: the one collection read). */
  sheetNames(): Promise<string[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/position");
      await context.sync();
      return sheets.items
        .map((sheet) => ({ name: sheet.name, position: sheet.position }))
        .sort((a, b) => a.position - b.position)
        .map((sheet) => sheet.name);
    });
  }

  read(sheetNames: readonly string[], options: ReadOptions = {}): Promise<Map<string, SheetSnapshot>> {
    const withFormulas = options.formulas === true;
    const withFormats = options.numberFormats === true;
    const props = ["values", ...(withFormulas ? ["formulas"] : []), ...(withFormats ? ["numberFormat"] : [])].join(",");
    return this.run(async (context) => {
      const result = new Map<string, SheetSnapshot>();
      const names = [...new Set(sheetNames)];
      if (names.length === 0) return result;
      let syncs = 0;
      const emit = (bytes: number, rowsDone: number, rowsTotal: number) =>
        this.options.onSync?.({ phase: "read", syncs, bytes, rowsDone, rowsTotal });

      // 1. Which sheets exist.
      const found = names.map((name) => ({ name, sheet: context.workbook.worksheets.getItemOrNullObject(name) }));
      await context.sync();
      syncs++;
      emit(0, 0, 0);
      const present = found.filter((entry) => !entry.sheet.isNullObject);
      if (present.length === 0) return result;

      // 2. The extent of each used range (values only: formatting alone does not make a cell used).
      const extents = present.map((entry) => {
        const used = entry.sheet.getUsedRangeOrNullObject(true);
        used.load("rowIndex,columnIndex,rowCount,columnCount");
        return { ...entry, used };
      });
      await context.sync();
      syncs++;

      const tasks: ReadTask[] = extents.map(({ name, sheet, used }) => {
        const empty = used.isNullObject;
        const height = empty ? 0 : used.rowIndex + used.rowCount;
        const width = empty ? 0 : used.columnIndex + used.columnCount;
        return {
          name, sheet, width,
          rows: options.rows === undefined ? height : Math.min(height, Math.max(0, options.rows)),
          runs: columnRuns(width, options.columns),
          next: 0, cap: this.maxRows, bytesPerRow: undefined,
          values: [], formulas: [], formats: [],
        };
      });
      const rowsTotal = tasks.reduce((sum, task) => sum + task.rows, 0);
      let rowsDone = 0;
      emit(0, rowsDone, rowsTotal);

      // 3. The cells, in row chunks packed under the byte budget: a sheet's first chunk is a small probe,
      //    every later one is sized from the bytes its sheet's chunks actually weighed. A request or response
      //    Excel still finds too large is asked again in halves.
      for (;;) {
        const batch = this.planReads(tasks, props);
        if (batch.length === 0) break;
        try {
          await context.sync();
        } catch (error) {
          if (!isPayloadLimitError(error)) throw error;
          shrink(batch, this.maxBytes);
          continue;
        }
        syncs++;
        if (batch.some((chunk) => chunk.ranges.some((range) => !Array.isArray(range.values)))) {
          // Excel answers null for a range over its cell limit instead of failing: treat it alike.
          shrink(batch, this.maxBytes);
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
    });
  }

  /** Queues the next chunks of the tasks that fit in one request's budget (none when all are read). */
  private planReads(tasks: ReadTask[], props: string): ReadChunk[] {
    const batch: ReadChunk[] = [];
    let budget = this.maxBytes;
    for (const task of tasks) {
      const cellsPerRow = task.runs.reduce((sum, run) => sum + run.cols, 0);
      while (task.next < task.rows && budget > 0) {
        const measured = task.bytesPerRow;
        const cellCap = Math.max(1, Math.floor(MAX_CELLS_PER_READ / Math.max(1, cellsPerRow)));
        let rows: number;
        let charge: number;
        if (measured === undefined) {
          const cells = Math.min(PROBE_CELLS, Math.floor(budget / this.readBytesPerCell));
          rows = Math.max(1, Math.floor(cells / Math.max(1, cellsPerRow)));
          charge = rows * cellsPerRow * this.readBytesPerCell;
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
  /** A full calculation (Excel.CalculationType.full: every cell marked dirty and recalculated), then a sync. */
  calculate(): Promise<void> {
    return this.run(async (context) => {
      context.workbook.application.calculate("Full");
      await context.sync();
    });
  }

  apply(plan: WritePlan): Promise<void> {
    return this.run(async (context) => {
      if (plan.length === 0) return;
      const charts = this.options.charts !== false;
      let syncs = 0;
      let pending = 0;
      const rowsTotal = plan.reduce((sum, op) => sum + dataRows(op), 0);
      let rowsDone = 0;
      const flush = async () => {
        await context.sync();
        syncs++;
        this.options.onSync?.({ phase: "apply", syncs, bytes: pending, rowsDone, rowsTotal });
        pending = 0;
      };

      // 1. Which of the sheets the plan names exist.
      const names = [...new Set(plan.flatMap(sheetsOf))];
      const probes = new Map(names.map((name) => [name, context.workbook.worksheets.getItemOrNullObject(name)] as const));
      await flush();
      const sheets = new Map<string, Excel.Worksheet>();
      for (const [name, sheet] of probes) if (!sheet.isNullObject) sheets.set(name, sheet);

      // Walk the plan once to reject writes to sheets that will not exist, and note which charts of
      // sheets existing now may have to be replaced.
      const exists = new Set(sheets.keys());
      const notes = this.options.notes !== false;
      const noteProbes: { key: string; note: Excel.Note }[] = [];
      const chartProbes: { sheet: string; chart: Excel.Chart; name: string }[] = [];
      const replaced = new Set<string>();
      for (const op of plan) {
        if (op.kind === "addSheet") exists.add(op.sheet);
        else if (op.kind === "deleteSheet") {
          exists.delete(op.sheet);
          replaced.add(op.sheet);
        } else {
          for (const name of sheetsOf(op)) if (!exists.has(name)) throw sheetError(name);
          if (op.kind === "note" && notes && sheets.has(op.sheet) && !replaced.has(op.sheet) && sheets.get(op.sheet)!.notes) {
            // A cell holds one note: an existing one is updated rather than added again.
            noteProbes.push({ key: noteKey(op.sheet, op.row, op.col), note: sheets.get(op.sheet)!.notes.getItemOrNullObject(cellAddress(op.row, op.col)) });
          }
          if (op.kind === "barChart" && charts && sheets.has(op.sheet) && !replaced.has(op.sheet)) {
            chartProbes.push({ sheet: op.sheet, name: op.name, chart: sheets.get(op.sheet)!.charts.getItemOrNullObject(op.name) });
          }
        }
      }
      const oldCharts = new Map<string, Excel.Chart>();
      const oldNotes = new Map<string, Excel.Note>();
      if (chartProbes.length > 0 || noteProbes.length > 0) {
        await flush();
        for (const probe of chartProbes) if (!probe.chart.isNullObject) oldCharts.set(`${probe.sheet}\u0000${probe.name}`, probe.chart);
        for (const probe of noteProbes) if (!probe.note.isNullObject) oldNotes.set(probe.key, probe.note);
      }

      const sheetFor = (name: string): Excel.Worksheet => {
        const sheet = sheets.get(name);
        if (!sheet) throw sheetError(name);
        return sheet;
      };
      const rangeOf = (ref: RangeRef): Excel.Range => sheetFor(ref.sheet).getRangeByIndexes(ref.row, ref.col, ref.rows, ref.cols);
      const queue = async (bytes: number) => {
        if (pending > 0 && pending + bytes > this.maxBytes) await flush();
        pending += bytes;
      };

      /** Writes a 2-D array property in row chunks, each under the budget (a sync between chunks). */
      const writeRows = async (
        sheetName: string,
        row: number,
        col: number,
        rows: readonly (readonly (string | number | boolean | null)[])[],
        set: (range: Excel.Range, chunk: (string | number | boolean | null)[][]) => void,
      ) => {
        const width = rows.reduce((max, r) => Math.max(max, r.length), 0);
        if (rows.length === 0 || width === 0) return;
        let start = 0;
        while (start < rows.length) {
          // Start a big chunk in a fresh request rather than squeezing a few rows into a full one.
          if (pending > this.maxBytes / 2) await flush();
          let bytes = ACTION_BYTES;
          const chunk: (string | number | boolean | null)[][] = [];
          while (start + chunk.length < rows.length && chunk.length < this.maxRows) {
            const source = rows[start + chunk.length];
            // Ragged rows are padded with null, which Office.js reads as "leave this cell as it is".
            const padded = source.length === width ? [...source] : [...source, ...new Array<null>(width - source.length).fill(null)];
            const rowBytes = jsonBytes(padded) + 1;
            if (chunk.length > 0 && pending + bytes + rowBytes > this.maxBytes) break;
            chunk.push(padded);
            bytes += rowBytes;
          }
          set(sheetFor(sheetName).getRangeByIndexes(row + start, col, chunk.length, width), chunk);
          pending += bytes;
          start += chunk.length;
          rowsDone += chunk.length;
          if (start < rows.length) await flush();
        }
      };

      // 2. Every op, in order.
      for (const op of plan) {
        switch (op.kind) {
          case "addSheet": {
            let sheet = sheets.get(op.sheet);
            if (!sheet) {
              await queue(ACTION_BYTES);
              sheet = context.workbook.worksheets.add(op.sheet);
              sheets.set(op.sheet, sheet);
            }
            if (op.hidden) {
              await queue(ACTION_BYTES);
              sheet.visibility = "Hidden";
            }
            break;
          }
          case "deleteSheet": {
            const sheet = sheets.get(op.sheet);
            if (sheet) {
              await queue(ACTION_BYTES);
              sheet.delete();
              sheets.delete(op.sheet);
            }
            break;
          }
          case "values":
            await writeRows(op.sheet, op.row, op.col, op.values.map((r) => r.map((v) => {
              const cell = cellIn(v);
              return typeof cell === "string" ? guardedCellText(cell) : cell;
            })), (range, chunk) => {
              range.values = chunk;
            });
            break;
          case "formulas":
            await writeRows(op.sheet, op.row, op.col, op.formulas.map((r) => r.map((v) => {
              const cell = cellIn(v);
              return typeof cell === "string" && !cell.startsWith("=") ? fitCellText(cell) : cell;
            })), (range, chunk) => {
              range.formulas = chunk;
            });
            break;
          case "clear":
            await queue(ACTION_BYTES);
            rangeOf(op.range).clear("All");
            break;
          case "format":
            await this.format(op.range, op.format, queue, writeRows, rangeOf);
            break;
          case "merge":
            await queue(ACTION_BYTES);
            rangeOf(op.range).merge(false);
            break;
          case "columnWidth":
            await queue(ACTION_BYTES);
            sheetFor(op.sheet).getRangeByIndexes(0, op.col, 1, 1).getEntireColumn().format.columnWidth = charsToPoints(op.width);
            break;
          case "freeze": {
            await queue(ACTION_BYTES);
            const sheet = sheetFor(op.sheet);
            const panes = sheet.freezePanes;
            if (op.rows > 0 && op.cols > 0) panes.freezeAt(sheet.getRangeByIndexes(0, 0, op.rows, op.cols));
            else if (op.rows > 0) panes.freezeRows(op.rows);
            else if (op.cols > 0) panes.freezeColumns(op.cols);
            else panes.unfreeze();
            break;
          }
          case "listValidation": {
            if (this.options.dataValidation === false) break;
            const bad = op.list.find((item) => item.includes(","));
            if (bad !== undefined) throw new Error(`下拉列表项“${bad}”含有逗号：Excel 的列表来源以逗号分隔，无法使用。`);
            const source = op.list.join(",");
            if (source.length > 255) throw new Error(`下拉列表来源共${source.length}个字符：Excel 限定不超过255个字符。`);
            await queue(ACTION_BYTES + jsonBytes(source));
            const validation = rangeOf(op.range).dataValidation;
            validation.clear();
            validation.rule = { list: { inCellDropDown: true, source } };
            break;
          }
          case "pageSetup":
            if (this.options.pageLayout === false) break;
            await queue(ACTION_BYTES * 12);
            pageLayout(sheetFor(op.sheet), op.setup);
            if (op.setup.fitToWidth !== undefined) {
              // "As many pages tall as needed" is 0 in the file format; should a host refuse 0 through the
              // API, the width alone is set (in its own request, so that nothing else is lost).
              if (pending > 0) await flush();
              const layout = sheetFor(op.sheet).pageLayout;
              layout.zoom = { horizontalFitToPages: op.setup.fitToWidth, verticalFitToPages: 0 };
              try {
                await flush();
              } catch {
                pending = 0;
                layout.zoom = { horizontalFitToPages: op.setup.fitToWidth };
                await flush();
              }
            }
            break;
          case "note": {
            // An Office.js without the notes API (older than ExcelApi 1.18) has no `notes` to call.
            if (!notes || !sheetFor(op.sheet).notes) break;
            const key = noteKey(op.sheet, op.row, op.col);
            await queue(ACTION_BYTES + jsonBytes(op.text));
            const old = oldNotes.get(key);
            if (old) old.content = op.text;
            else oldNotes.set(key, sheetFor(op.sheet).notes.add(cellAddress(op.row, op.col), op.text));
            break;
          }
          case "rowHeight":
            await queue(ACTION_BYTES);
            sheetFor(op.sheet).getRangeByIndexes(op.row, 0, 1, 1).getEntireRow().format.rowHeight = op.height;
            break;
          case "barChart": {
            if (!charts) break;
            await queue(ACTION_BYTES * 8);
            const sheet = sheetFor(op.sheet);
            const old = oldCharts.get(`${op.sheet}\u0000${op.name}`);
            if (old) {
              old.delete();
              oldCharts.delete(`${op.sheet}\u0000${op.name}`);
            }
            const chart = sheet.charts.add("BarClustered", rangeOf(op.values), "Columns");
            chart.name = op.name;
            chart.title.text = op.title;
            chart.legend.visible = false;
            chart.series.getItemAt(0).setXAxisValues(rangeOf(op.categories));
            chart.setPosition(sheet.getRangeByIndexes(op.anchor.row, op.anchor.col, 1, 1));
            chart.width = 480;
            chart.height = Math.max(240, Math.min(1600, op.values.rows * 16 + 80));
            break;
          }
        }
      }
      if (pending > 0) await flush();
    });
  }

  private async format(
    ref: RangeRef,
    format: CellFormat,
    queue: (bytes: number) => Promise<void>,
    writeRows: (
      sheet: string,
      row: number,
      col: number,
      rows: readonly (readonly (string | number | boolean | null)[])[],
      set: (range: Excel.Range, chunk: (string | number | boolean | null)[][]) => void,
    ) => Promise<void>,
    rangeOf: (ref: RangeRef) => Excel.Range,
  ): Promise<void> {
    if (format.numberFormat !== undefined) {
      // Range.numberFormat takes an array the size of the range: written in chunks like values.
      const numberFormat = format.numberFormat;
      const rows = Array.from({ length: ref.rows }, () => new Array<string>(ref.cols).fill(numberFormat));
      await writeRows(ref.sheet, ref.row, ref.col, rows, (range, chunk) => {
        range.numberFormat = chunk;
      });
    }
    const rest = { ...format, numberFormat: undefined };
    if (Object.values(rest).every((v) => v === undefined)) return;
    await queue(ACTION_BYTES * 2);
    const range = rangeOf(ref);
    if (format.bold !== undefined) range.format.font.bold = format.bold;
    if (format.fontColor !== undefined) range.format.font.color = format.fontColor;
    if (format.fontSize !== undefined) range.format.font.size = format.fontSize;
    if (format.fill !== undefined) range.format.fill.color = format.fill;
    if (format.wrap !== undefined) range.format.wrapText = format.wrap;
    if (format.horizontal !== undefined) range.format.horizontalAlignment = HORIZONTAL[format.horizontal];
  }
}

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;

const noteKey = (sheet: string, row: number, col: number) => `${sheet}\u0000${row}\u0000${col}`;

/** Queues everything of a page setup but the zoom (ExcelApi 1.9 page layout; margins in points). */
function pageLayout(sheet: Excel.Worksheet, setup: PageSetup): void {
  const layout = sheet.pageLayout;
  const m = marginsInPoints(NARROW_MARGINS);
  layout.paperSize = "A4";
  layout.orientation = setup.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.leftMargin = m.left;
  layout.rightMargin = m.right;
  layout.topMargin = m.top;
  layout.bottomMargin = m.bottom;
  layout.headerMargin = m.header;
  layout.footerMargin = m.footer;
  layout.centerHorizontally = setup.centerHorizontally ?? false;
  if (setup.repeatRows) layout.setPrintTitleRows(`$${setup.repeatRows.first + 1}:$${setup.repeatRows.last + 1}`);
  if (setup.printArea && setup.printArea.rows > 0 && setup.printArea.cols > 0) {
    layout.setPrintArea(sheet.getRangeByIndexes(0, 0, setup.printArea.rows, setup.printArea.cols));
  }
  if (setup.fitToWidth === undefined) layout.zoom = { scale: 100 };
  const footer = footerSections(setup.footer ?? "");
  const all = layout.headersFooters.defaultForAllPages;
  all.leftFooter = footer.left;
  all.centerFooter = footer.center;
  all.rightFooter = footer.right;
}

function sheetsOf(op: WriteOp): string[] {
  switch (op.kind) {
    case "clear":
    case "format":
    case "merge":
    case "listValidation":
      return [op.range.sheet];
    case "barChart":
      return [op.sheet, op.categories.sheet, op.values.sheet];
    default:
      return [op.sheet];
  }
}

function dataRows(op: WriteOp): number {
  if (op.kind === "values") return op.values.length;
  if (op.kind === "formulas") return op.formulas.length;
  if (op.kind === "format" && op.format.numberFormat !== undefined) return op.range.rows;
  return 0;
}

/** The port over Excel.run (or a runner / context given). */
export function createOfficePort(source?: ExcelRunner | Excel.RequestContext, options?: OfficePortOptions): WorkbookPort {
  return new OfficeWorkbookPort(source, options);
}

/** Selects a cell (such as "C5") on a sheet and brings the sheet to the front. */
export async function selectCell(run: ExcelRunner, sheetName: string, cell: string): Promise<void> {
  await run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    sheet.activate();
    sheet.getRange(cell).select();
    await context.sync();
  });
}
