/**
 * Writing through Office.js: one sync to find the sheets the plan names (plus one to find the charts and
 * notes it replaces), then every op queued in order by its handler (write-ops.ts), with a sync only when
 * the queued payload would exceed the budget; large values, formulas and number-format arrays are written
 * in row chunks, a sync per chunk. The payload is measured as the JSON of the values a sync carries
 * (non-ASCII characters counted as six bytes, their worst case as \uXXXX escapes) plus an allowance per
 * queued action.
 */
import { cellAddress } from "../../address";
import type { RangeRef, WriteOp, WritePlan } from "../../port";
import { handleOp } from "../handlers";
import { ACTION_BYTES, chartKey, jsonBytes, noteKey, sheetError } from "./cells";
import type { SyncEvent } from "./port";
import { WRITE_OPS } from "./write-ops";

/** What the host supports and the budget of one request. */
export interface WriteSettings {
  readonly maxBytes: number;
  readonly maxRows: number;
  readonly charts: boolean;
  readonly dataValidation: boolean;
  readonly pageLayout: boolean;
  readonly notes: boolean;
  readonly onSync?: (event: SyncEvent) => void;
}

type Row = readonly (string | number | boolean | null)[];
type Chunk = (string | number | boolean | null)[][];

/** One apply: the sheets it knows, the payload queued since the last sync, the charts and notes it replaces. */
export class WriteSession {
  private syncs = 0;
  /** Estimated bytes queued since the last sync. */
  pending = 0;
  private rowsDone = 0;
  readonly sheets = new Map<string, Excel.Worksheet>();
  readonly oldCharts = new Map<string, Excel.Chart>();
  readonly oldNotes = new Map<string, Excel.Note>();

  constructor(readonly context: Excel.RequestContext, readonly settings: WriteSettings, private readonly rowsTotal: number) {}

  async flush(): Promise<void> {
    await this.context.sync();
    this.syncs++;
    this.settings.onSync?.({ phase: "apply", syncs: this.syncs, bytes: this.pending, rowsDone: this.rowsDone, rowsTotal: this.rowsTotal });
    this.pending = 0;
  }

  /** Accounts for an action of `bytes`, syncing first when it would not fit the current request. */
  async queue(bytes: number): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.settings.maxBytes) await this.flush();
    this.pending += bytes;
  }

  sheetFor(name: string): Excel.Worksheet {
    const sheet = this.sheets.get(name);
    if (!sheet) throw sheetError(name);
    return sheet;
  }

  rangeOf(ref: RangeRef): Excel.Range {
    return this.sheetFor(ref.sheet).getRangeByIndexes(ref.row, ref.col, ref.rows, ref.cols);
  }

  /** Writes a 2-D array property in row chunks, each under the budget (a sync between chunks). */
  async writeRows(sheetName: string, row: number, col: number, rows: readonly Row[], set: (range: Excel.Range, chunk: Chunk) => void): Promise<void> {
    const width = rows.reduce((max, r) => Math.max(max, r.length), 0);
    if (rows.length === 0 || width === 0) return;
    let start = 0;
    while (start < rows.length) {
      // Start a big chunk in a fresh request rather than squeezing a few rows into a full one.
      if (this.pending > this.settings.maxBytes / 2) await this.flush();
      let bytes = ACTION_BYTES;
      const chunk: Chunk = [];
      while (start + chunk.length < rows.length && chunk.length < this.settings.maxRows) {
        const source = rows[start + chunk.length];
        // Ragged rows are padded with null, which Office.js reads as "leave this cell as it is".
        const padded = source.length === width ? [...source] : [...source, ...new Array<null>(width - source.length).fill(null)];
        const rowBytes = jsonBytes(padded) + 1;
        if (chunk.length > 0 && this.pending + bytes + rowBytes > this.settings.maxBytes) break;
        chunk.push(padded);
        bytes += rowBytes;
      }
      set(this.sheetFor(sheetName).getRangeByIndexes(row + start, col, chunk.length, width), chunk);
      this.pending += bytes;
      start += chunk.length;
      this.rowsDone += chunk.length;
      if (start < rows.length) await this.flush();
    }
  }

  /**
   * Finds which of the sheets the plan names exist; walks the plan once to reject writes to sheets that will
   * not exist, and finds the charts and notes of sheets existing now that the plan replaces.
   */
  async prepare(plan: WritePlan): Promise<void> {
    const names = [...new Set(plan.flatMap(sheetsOf))];
    const probes = new Map(names.map((name) => [name, this.context.workbook.worksheets.getItemOrNullObject(name)] as const));
    await this.flush();
    for (const [name, sheet] of probes) if (!sheet.isNullObject) this.sheets.set(name, sheet);
    const exists = new Set(this.sheets.keys());
    const noteProbes: { key: string; note: Excel.Note }[] = [];
    const chartProbes: { key: string; chart: Excel.Chart }[] = [];
    const replaced = new Set<string>();
    for (const op of plan) {
      if (op.kind === "addSheet") exists.add(op.sheet);
      else if (op.kind === "deleteSheet") {
        exists.delete(op.sheet);
        replaced.add(op.sheet);
      } else {
        for (const name of sheetsOf(op)) if (!exists.has(name)) throw sheetError(name);
        if (op.kind !== "note" && op.kind !== "barChart") continue;
        const sheet = replaced.has(op.sheet) ? undefined : this.sheets.get(op.sheet);
        if (op.kind === "note" && this.settings.notes && sheet?.notes) {
          // A cell holds one note: an existing one is updated rather than added again.
          noteProbes.push({ key: noteKey(op.sheet, op.row, op.col), note: sheet.notes.getItemOrNullObject(cellAddress(op.row, op.col)) });
        }
        if (op.kind === "barChart" && this.settings.charts && sheet) {
          chartProbes.push({ key: chartKey(op.sheet, op.name), chart: sheet.charts.getItemOrNullObject(op.name) });
        }
      }
    }
    if (chartProbes.length === 0 && noteProbes.length === 0) return;
    await this.flush();
    for (const probe of chartProbes) if (!probe.chart.isNullObject) this.oldCharts.set(probe.key, probe.chart);
    for (const probe of noteProbes) if (!probe.note.isNullObject) this.oldNotes.set(probe.key, probe.note);
  }
}

/** Applies a plan in order: the sheets found first, then each op by its handler, syncing under the budget. */
export async function applyPlan(context: Excel.RequestContext, plan: WritePlan, settings: WriteSettings): Promise<void> {
  if (plan.length === 0) return;
  const session = new WriteSession(context, settings, plan.reduce((sum, op) => sum + dataRows(op), 0));
  await session.prepare(plan);
  for (const op of plan) await handleOp(WRITE_OPS, op, session);
  if (session.pending > 0) await session.flush();
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
