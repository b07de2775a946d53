/*
 * The shared runtime's side of the method the ASSESS.* functions score by (spec G, issue 10): when the add-in starts,
 * read the method sheets through the workbook port (readMethod: the same parser and checker as compute-all) and hand
 * the result to the functions' method holder (src/functions/method-source.ts); read again when a method sheet
 * changes, is added, deleted or renamed, and then ask Excel to recalculate so that every ASSESS.* formula follows the
 * new method.
 *
 * - Events (ExcelApi 1.7): Worksheet.onChanged on each method sheet present (and onFormatChanged where ExcelApi 1.9
 *   has it: a percent format changes what a number in 下限/上限 means), WorksheetCollection.onAdded/onDeleted (a new
 *   sheet may be a method sheet; its handlers are added on the re-read), and onNameChanged where ExcelApi 1.17 has it. Changes that arrive while a read runs are read again once it ends (one read at a time).
 * - While a read runs, functions wait for it (the holder is "loading").
 * - Application.calculate(Full) (ExcelApi 1.1) marks every formula dirty and recalculates it, custom functions
 *   included. It is requested only when the method the functions see has changed: after a re-read whose result
 *   differs, and after the first read when the workbook carries its own method (or it was refused): formulas saved
 *   in the file may come from another method. A workbook scored by the built-in method is not recalculated at start.
 * - A read that fails (Excel refused the request) makes the functions say so, and is retried a few times.
 */
import { methodSource, type MethodProblemLike } from "../../functions/method-source";
import type { RuleSet } from "../../engine";
import { METHOD_READS, readMethod, type MethodRead } from "../../workbook/method";
import { OfficeWorkbookPort, type ExcelRunner } from "../../workbook/adapters/office";
import type { WorkbookPort } from "../../workbook/port";

/** What the functions' method holder takes (src/functions/method-source.ts). */
export interface MethodSink {
  loading(): void;
  loaded(rules: RuleSet, label: string): void;
  refused(problems: readonly MethodProblemLike[]): void;
  unreadable(detail: string): void;
  unsupported(version: string): void;
}

/**
 * The sheets whose change changes the method: every sheet readMethod reads (the two method sheets, 参数, 承办单位
 * and 便民化考核, whose rows are the departments 涉及部门 names).
 */
export const WATCHED_SHEETS: readonly string[] = METHOD_READS;

/** The Excel API the runtime needs: worksheet events (1.7). */
export const METHOD_EXCEL_API = "1.7";

export interface MethodRuntimeOptions {
  readonly run: ExcelRunner;
  readonly sink: MethodSink;
  /** Whether the host supports ExcelApi `version`. */
  readonly supports: (version: string) => boolean;
  /** Waits before retrying a failed read (default 2 s, 10 s, 60 s). */
  readonly retryDelays?: readonly number[];
}

export class MethodRuntime {
  private readonly port: Pick<WorkbookPort, "read">;
  private readonly watched = new Set<string>();
  private running: Promise<void> | undefined;
  private again = false;
  /** What the functions last saw (undefined before the first read). */
  private seen: string | undefined;
  private failures = 0;
  private retry: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: MethodRuntimeOptions) {
    this.port = new OfficeWorkbookPort(options.run);
  }

  /** Registers the workbook's sheet events and reads the method; resolves after the first read. */
  async start(): Promise<void> {
    if (!this.options.supports(METHOD_EXCEL_API)) {
      this.options.sink.unsupported(METHOD_EXCEL_API);
      return;
    }
    const renames = this.options.supports("1.17");
    try {
      await this.options.run(async (context) => {
        const sheets = context.workbook.worksheets;
        const changed = () => this.reload();
        sheets.onAdded.add(changed);
        sheets.onDeleted.add(changed);
        if (renames) sheets.onNameChanged.add(changed);
        await context.sync();
      });
    } catch {
      // Without the collection events a new method sheet is seen at the next change of a watched sheet.
    }
    await this.reload();
  }

  /** Resolves when no read is running (or queued). */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  /** Reads the method again (one read at a time: a request during a read is served by one more read after it). */
  reload(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.readOnce();
      } while (this.again);
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async readOnce(): Promise<void> {
    const { sink } = this.options;
    if (this.retry) clearTimeout(this.retry);
    this.retry = undefined;
    sink.loading();
    let read: MethodRead;
    try {
      await this.watchMethodSheets();
      read = readMethod(await this.port.read(METHOD_READS, { numberFormats: true }));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      sink.unreadable(detail);
      await this.settled(`failed:${detail}`, true);
      this.scheduleRetry();
      return;
    }
    this.failures = 0;
    if (read.ok) sink.loaded(read.rules, read.label);
    else sink.refused(read.problems);
    await this.settled(JSON.stringify(read), !(read.ok && read.source === "builtIn"));
  }

  /** Records what the functions now see; recalculates when it changed (at the first read: when `firstNeedsCalc`). */
  private async settled(state: string, firstNeedsCalc: boolean): Promise<void> {
    const changed = this.seen === undefined ? firstNeedsCalc : state !== this.seen;
    this.seen = state;
    if (changed) await this.recalculate().catch(() => undefined);
  }

  private scheduleRetry(): void {
    const delays = this.options.retryDelays ?? [2_000, 10_000, 60_000];
    if (this.failures >= delays.length) return;
    const delay = delays[this.failures++];
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.reload();
    }, delay);
  }

  /** Adds onChanged to each watched sheet present that has none yet (sheets are known by id, which survives a rename). */
  private async watchMethodSheets(): Promise<void> {
    await this.options.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/id");
      await context.sync();
      const fresh = sheets.items.filter((s) => WATCHED_SHEETS.includes(s.name) && !this.watched.has(s.id));
      if (fresh.length === 0) return;
      // A percent format changes what a number in 下限/上限 means (spec G): format changes count too (ExcelApi 1.9).
      const formats = this.options.supports("1.9");
      for (const sheet of fresh) {
        sheet.onChanged.add(() => this.reload());
        if (formats) sheet.onFormatChanged.add(() => this.reload());
      }
      await context.sync();
      for (const sheet of fresh) this.watched.add(sheet.id);
    });
  }

  /** Application.calculate(Full): every formula, the ASSESS.* ones included, is calculated again. */
  private async recalculate(): Promise<void> {
    await this.options.run(async (context) => {
      context.workbook.application.calculate("Full");
      await context.sync();
    });
  }
}

/**
 * Starts the runtime in Excel (Office.onReady's host), feeding the functions' method holder. Any other host has no
 * workbook to read: the built-in method applies.
 */
export function startMethodRuntime(host: unknown, sink: MethodSink & { builtIn(): void } = methodSource()): MethodRuntime | undefined {
  if (host !== Office.HostType.Excel) {
    sink.builtIn();
    return undefined;
  }
  const runtime = new MethodRuntime({
    run: (batch) => Excel.run(batch),
    sink,
    supports: (version) => Office.context.requirements.isSetSupported("ExcelApi", version),
  });
  void runtime.start();
  return runtime;
}
