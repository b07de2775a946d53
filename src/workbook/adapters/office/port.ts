/**
 * The WorkbookPort over Office.js (the task pane's adapter). Thin and batched: reading (read.ts) and writing
 * (write.ts, one handler per op in write-ops.ts) each pack their work into as few context.sync() calls as
 * the request budget allows.
 *
 * Excel on the web rejects any request or response over 5 MB (RequestPayloadSizeLimitExceeded,
 * ResponsePayloadSizeLimitExceeded), so every sync aims at `maxRequestBytes` (4,000,000 by default); a read
 * Excel still refuses is asked again in halves (read.ts).
 *
 * Only per-name access (getItemOrNullObject, getRangeByIndexes) is used outside sheetNames(), so the
 * adapter runs against office-addin-mock, which has no collections.
 */
import type { SheetSnapshot, WorkbookPort, WritePlan } from "../../port";
import { readSheets } from "./read";
import { applyPlan } from "./write";

/** Runs a batch against a request context: Excel.run, or a context the caller already holds. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

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

type ReadOptions = Parameters<WorkbookPort["read"]>[1] & {};

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
    const budget = { maxBytes: this.maxBytes, maxRows: this.maxRows, readBytesPerCell: this.readBytesPerCell, onSync: this.options.onSync };
    return this.run((context) => readSheets(context, sheetNames, options, budget));
  }

  /** A full calculation (Excel.CalculationType.full: every cell marked dirty and recalculated), then a sync. */
  calculate(): Promise<void> {
    return this.run(async (context) => {
      context.workbook.application.calculate("Full");
      await context.sync();
    });
  }

  apply(plan: WritePlan): Promise<void> {
    const o = this.options;
    return this.run((context) => applyPlan(context, plan, {
      maxBytes: this.maxBytes, maxRows: this.maxRows, onSync: o.onSync,
      charts: o.charts !== false, dataValidation: o.dataValidation !== false, pageLayout: o.pageLayout !== false, notes: o.notes !== false,
    }));
  }
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
