/**
 * The 工单导入 part of the task pane: import a 12345 work-order ledger (a file the user picks, or the
 * 工单明细 sheet pasted into the workbook) for a period, fill 热线数据, list the ledger's problems, ask once
 * for unknown headers (remembered in the workbook), and write the 工单核查 drill-down for an appeal.
 *
 * No DOM and no Office here: the pane renders through `ImportView` (import/view.ts implements it over the
 * DOM), the workbook is a WorkbookPort, and the workbook-side ledger functions (src/workbook/ledger) and
 * the file reader come in through `LedgerWorkbookApi` and `readFile`, so tests pass fakes or the real ones.
 *
 * Header answers: for the 工单明细 sheet, importLedger reads the answers stored in the workbook itself; for
 * a file, the pane reads them (REMEMBERED_SHEETS) to hand them to the file reader. New answers go to
 * importLedger as `remembered`, which stores them in the workbook once the import succeeds.
 */
import type { HeaderMapping, LedgerColumn, LedgerData, LedgerImport, Period } from "../../ledger";
import type { ImportLedgerResult, LedgerSheetPart, TypedValue } from "../../workbook/ledger";
import type { SyncEvent } from "../../workbook/adapters/office";
import type { SheetSnapshot } from "../../workbook/port";
import { IMPORT_TEXT } from "../messages";
import { ActionLock, errorText } from "../shared/lock";
import { readPeriod } from "./period";
import { problemViews, sourceText, summaryView, typedForm } from "./problems";
import { DRILL_DOWN_SHEET, LEDGER_SHEET, type ImportControllerDeps, type ImportProblemView, type ImportSource, type PeriodInput, type PickedFile } from "./types";

/** The part of the progress bar the head's read fills. */
const HEAD_SHARE = 0.02;

interface PendingImport {
  readonly source: ImportSource;
  readonly period: Period;
  /** The user's new header answers (header as written → column), stored by importLedger on success. */
  readonly answers: Readonly<Record<string, string>>;
  /** The typed 热线数据 values the user agreed to replace (spec I). */
  readonly consent?: readonly TypedValue[];
}

interface Step {
  readonly text: string;
  /** The part of the bar this step fills. */
  readonly from: number;
  readonly to: number;
  /** Which syncs of the port move the bar (null: the step reports its own progress). */
  readonly phase: SyncEvent["phase"] | null;
}

type ImportOk = Extract<ImportLedgerResult, { status: "ok" }>;
type TypedAsk = Extract<ImportLedgerResult, { status: "typedValues" }>;

export class ImportController {
  private readonly lock: ActionLock;
  private pending: PendingImport | undefined;
  private mappingAsked: HeaderMapping | undefined;
  /** The import waiting for consent to replace values typed into 热线数据 (spec I). */
  private typedAsked: { readonly pending: PendingImport; readonly result: TypedAsk } | undefined;
  private imported: { data: LedgerData; period: Period; source: ImportSource } | undefined;
  private listed: readonly ImportProblemView[] = [];
  private step: Step | null = null;

  constructor(private readonly deps: ImportControllerDeps) {
    this.lock = deps.lock ?? new ActionLock();
  }

  get isBusy(): boolean {
    return this.lock.heldBy(this);
  }

  /** The ledger imported last, with its period (what 生成核查表 lists). */
  get data(): { readonly data: LedgerData; readonly period: Period } | undefined {
    return this.imported;
  }

  /** The problems listed now (what selectProblem indexes). */
  get problems(): readonly ImportProblemView[] {
    return this.listed;
  }

  /** The rule-set year (from 参数, read by the pane's main controller): the period picker's default year. */
  ruleYear(year: number): void {
    this.deps.view.defaultYear(year);
  }

  /** Validates the period as the user edits it: parsePeriod's Chinese reason, or no error. */
  checkPeriod(input: PeriodInput): Period | undefined {
    const read = readPeriod(input);
    this.deps.view.periodError("error" in read ? read.error : null);
    return "period" in read ? read.period : undefined;
  }

  /** 导入: reads the ledger, fills 热线数据 for the period, shows the summary and the problems. */
  async importLedger(source: ImportSource, periodInput: PeriodInput): Promise<void> {
    const read = readPeriod(periodInput);
    this.deps.view.periodError("error" in read ? read.error : null);
    if ("error" in read) {
      this.deps.view.status(read.error, "error");
      return;
    }
    if (source.kind === "file" && !source.file) {
      this.deps.view.status(IMPORT_TEXT.noFile, "error");
      return;
    }
    if (this.mappingAsked) {
      this.mappingAsked = undefined;
      this.deps.view.mapping(null);
    }
    this.closeTyped();
    await this.run(IMPORT_TEXT.actions.import, () => this.runImport({ source, period: read.period, answers: {} }));
  }

  /**
   * The user's answer to the header question (column → header as written): the same import runs again
   * with it; importLedger stores it in the workbook when the import succeeds.
   */
  async submitMapping(answers: Readonly<Partial<Record<LedgerColumn, string>>>): Promise<void> {
    const asked = this.mappingAsked;
    const pending = this.pending;
    if (!asked || !pending) return;
    const remember: Record<string, string> = { ...pending.answers };
    const used = new Set<string>();
    for (const column of asked.missing) {
      const header = (answers[column] ?? "").trim();
      if (header === "") {
        this.deps.view.mappingError(IMPORT_TEXT.mappingIncomplete(column));
        return;
      }
      if (used.has(header)) {
        this.deps.view.mappingError(IMPORT_TEXT.mappingDuplicate(header));
        return;
      }
      used.add(header);
      remember[header] = column;
    }
    if (this.lock.busy) {
      this.deps.view.status(IMPORT_TEXT.busy, "info");
      return;
    }
    this.deps.view.mappingError(null);
    this.mappingAsked = undefined;
    this.deps.view.mapping(null);
    await this.run(IMPORT_TEXT.actions.import, () => this.runImport({ ...pending, answers: remember }));
  }

  /** Closes the header question without importing. */
  cancelMapping(): void {
    if (!this.mappingAsked) return;
    this.mappingAsked = undefined;
    this.pending = undefined;
    this.deps.view.mapping(null);
    this.deps.view.mappingError(null);
    this.deps.view.status(IMPORT_TEXT.mappingCancelled, "info");
  }

  /**
   * 替换并导入: the same import again, with consent to the values shown. It reads the ledger and 工单研判 again,
   * so the decisions applied are those the import record notes; a value changed since is asked about again.
   */
  async confirmTyped(): Promise<void> {
    const asked = this.typedAsked;
    if (!asked) return;
    if (this.lock.busy) {
      this.deps.view.status(IMPORT_TEXT.busy, "info");
      return;
    }
    this.closeTyped();
    await this.run(IMPORT_TEXT.actions.import, () => this.runImport({ ...asked.pending, consent: asked.result.typed }));
  }

  /** 取消: nothing is imported, the typed values stay. */
  cancelTyped(): void {
    if (!this.typedAsked) return;
    this.closeTyped();
    this.deps.view.status(IMPORT_TEXT.typedCancelled, "info");
  }

  /** Selects a cell listed in the typed-values question. */
  async selectTyped(index: number): Promise<void> {
    const typed = this.typedAsked?.result.typed[index];
    if (typed) await this.select(`${typed.sheet}!${typed.cell}`);
  }

  /** 生成核查表: the orders behind the unit's deductions for the imported period, on 工单核查 (then selected). */
  async writeDrillDown(unitName: string): Promise<void> {
    const imported = this.imported;
    if (!imported) {
      this.deps.view.status(IMPORT_TEXT.noData, "error");
      return;
    }
    if (unitName.trim() === "") {
      this.deps.view.status(IMPORT_TEXT.noUnit, "error");
      return;
    }
    await this.run(IMPORT_TEXT.actions.drillDown, async () => {
      this.deps.view.status(IMPORT_TEXT.drillRunning(unitName), "info");
      const out = await this.deps.ledger.writeDrillDown(this.deps.port, imported.data, unitName, imported.period);
      await this.deps.selectCell(DRILL_DOWN_SHEET, "A1");
      this.deps.view.status(IMPORT_TEXT.drillDone(out.drill.unit.name, imported.period.name, out.sections), "ok");
    });
  }

  /** Selects the cell of a listed problem. */
  async selectProblem(index: number): Promise<void> {
    const where = this.listed[index]?.where;
    if (where) await this.select(where);
  }

  /** Selects "sheet!cell" in Excel, saying so (or why not) in the status line. */
  private async select(where: string): Promise<void> {
    const bang = where.lastIndexOf("!");
    try {
      await this.deps.selectCell(where.slice(0, bang), where.slice(bang + 1));
      this.deps.view.status(IMPORT_TEXT.selected(where), "info");
    } catch (error) {
      this.deps.view.status(IMPORT_TEXT.selectFailed(where, errorText(error)), "error");
    }
  }

  /** Moves the bar along with the port's syncs while a step reads or writes. Wire it to OfficePortOptions.onSync. */
  syncProgress(event: SyncEvent): void {
    const step = this.step;
    if (!step || event.phase !== step.phase || event.rowsTotal === 0) return;
    const ratio = Math.min(1, event.rowsDone / event.rowsTotal);
    this.deps.view.progress({ text: step.text, fraction: step.from + (step.to - step.from) * ratio });
  }

  // -------------------------------------------------------------------------------------------------------

  private show(text: string, from: number, to: number, phase: SyncEvent["phase"] | null): void {
    this.step = { text, from, to, phase };
    this.deps.view.progress({ text, fraction: from });
  }

  /**
   * Sheet: read 工单明细 (0–40 %, with the port's syncs), count (40–85 %), write (85–100 %).
   * File: the stored header answers, then read and count the file in the pane (2–85 %), then write.
   */
  private async runImport(pending: PendingImport): Promise<void> {
    const { port, ledger } = this.deps;
    const { source, period, answers, consent } = pending;
    this.pending = pending;
    try {
      let outcome: ImportLedgerResult | LedgerImport;
      if (source.kind === "sheet") {
        const snapshot = await this.readLedgerSheet(answers);
        this.show(IMPORT_TEXT.counting, 0.4, 0.85, null);
        outcome = await ledger.importLedger(port, ledger.ledgerFromSheet(snapshot), {
          period,
          remembered: answers,
          replaceTyped: consent,
          onProgress: (p) => this.counted(p, IMPORT_TEXT.counting, 0.4, 0.85, true),
        });
      } else outcome = await this.importFile(source.file as PickedFile, pending);
      this.settle(outcome, pending);
    } finally {
      this.step = null;
    }
  }

  /** What an import came to: a question (headers, typed values), nothing to count, or the result. */
  private settle(outcome: ImportLedgerResult | LedgerImport, pending: PendingImport): void {
    const { view } = this.deps;
    if (outcome.status === "needsMapping") {
      view.progress(null);
      this.askMapping(outcome.mapping);
      return;
    }
    this.pending = undefined;
    if (outcome.status === "typedValues") {
      view.progress(null);
      this.askTyped(pending, outcome);
      return;
    }
    view.progress({ text: IMPORT_TEXT.writing, fraction: 1 });
    view.progress(null);
    if (outcome.status === "noOrders") this.showNoOrders(outcome.data, outcome.period, pending.source);
    else this.showResult(outcome as ImportOk, pending.source);
  }

  /** Nothing was written: the typed values are listed, 替换 imports with consent, 取消 leaves them. */
  private askTyped(pending: PendingImport, result: TypedAsk): void {
    this.typedAsked = { pending, result };
    this.deps.view.typedConfirm(typedForm(result.typed, result.recorded));
    this.deps.view.status(IMPORT_TEXT.typedNeedsConfirm, "info");
  }

  private closeTyped(): void {
    if (!this.typedAsked) return;
    this.typedAsked = undefined;
    this.deps.view.typedConfirm(null);
  }

  /** 工单明细 as readLedgerSheet reads it (the head fills 0–2 % of the bar, the mapped columns 2–40 %). */
  private async readLedgerSheet(answers: Readonly<Record<string, string>>): Promise<SheetSnapshot> {
    const text = IMPORT_TEXT.reading(IMPORT_TEXT.sheetSource);
    const bar: Record<LedgerSheetPart, [number, number, SyncEvent["phase"] | null]> = {
      remembered: [0, 0, null], head: [0, HEAD_SHARE, "read"], columns: [HEAD_SHARE, 0.4, "read"],
    };
    const snapshot = await this.deps.ledger.readLedgerSheet(this.deps.port, {
      sheet: LEDGER_SHEET,
      remembered: answers,
      onRead: (part) => this.show(text, ...bar[part]),
    });
    if (!snapshot) throw new Error(IMPORT_TEXT.noSheet);
    if (snapshot.values.length === 0) throw new Error(IMPORT_TEXT.emptySheet);
    return snapshot;
  }

  /** File: the stored header answers, then read and count the file in the pane (2–85 %), then write. */
  private async importFile(file: PickedFile, { period, answers, consent }: PendingImport): Promise<ImportLedgerResult | LedgerImport> {
    const { port, ledger } = this.deps;
    this.show(IMPORT_TEXT.reading(IMPORT_TEXT.storedHeaders), 0, 0.02, null);
    const sheets = await port.read([...ledger.rememberedSheets, ...ledger.judgmentSheets]);
    const stored = ledger.readRememberedHeaders(sheets);
    // The workbook's method decides the units and the callback rule the file is counted by.
    const rules = await ledger.ledgerRules(port);
    const text = IMPORT_TEXT.reading(IMPORT_TEXT.fileSource(file.name));
    this.show(text, 0.02, 0.85, null);
    const read = await this.deps.readFile(file, {
      fileName: file.name,
      rules,
      remembered: { ...stored, ...answers },
      judgment: ledger.judgmentOption(sheets, period),
      onProgress: (p) => this.counted(p, text, 0.02, 0.85, false),
    }).catch((error: unknown) => {
      // The browser reads a picked file lazily: moved, deleted or locked since, it cannot be read.
      const name = (error as { name?: unknown } | null)?.name;
      if (name === "NotReadableError" || name === "NotFoundError") throw new Error(IMPORT_TEXT.fileUnreadable(file.name));
      throw error;
    });
    if (read.status !== "ok") return read;
    this.show(IMPORT_TEXT.writing, 0.85, 1, "apply");
    return ledger.importLedger(port, read.data, { period, remembered: answers, sourceName: file.name, replaceTyped: consent });
  }

  /** Reading/counting progress within [from, to]; with `thenWrite`, its end moves the bar on to writing. */
  private counted(p: { readonly rowsRead: number; readonly fraction?: number }, text: string, from: number, to: number, thenWrite: boolean): void {
    const fraction = Math.min(1, Math.max(0, p.fraction ?? 0));
    this.deps.view.progress({ text: IMPORT_TEXT.rowsRead(text, p.rowsRead), fraction: from + (to - from) * fraction });
    if (thenWrite && fraction >= 1) this.show(IMPORT_TEXT.writing, to, 1, "apply");
  }

  private askMapping(mapping: HeaderMapping): void {
    const options = mapping.unrecognized.map((h) => h.header);
    if (options.length === 0) {
      this.pending = undefined;
      this.deps.view.status(IMPORT_TEXT.mappingImpossible(mapping.missing), "error");
      return;
    }
    this.mappingAsked = mapping;
    this.deps.view.mapping({
      text: IMPORT_TEXT.mappingText(mapping.missing),
      fields: mapping.missing.map((column) => ({ column, options })),
    });
    this.deps.view.status(IMPORT_TEXT.needsMapping, "info");
  }

  /** Nothing was filled: the rows that could not be read say why (none at all: the export's period or content). */
  private showNoOrders(data: LedgerData, period: Period, source: ImportSource): void {
    const { view } = this.deps;
    const { summary } = data;
    this.imported = undefined;
    view.summary(null);
    this.listed = problemViews(data.problems, []);
    view.problems(this.listed, IMPORT_TEXT.noOrdersProblems(summary.problemCount, summary.rowsWithProblems, this.listed.length));
    view.drillDown(null);
    view.status(IMPORT_TEXT.noOrders(sourceText(source), period.name, summary.rowsRead), "error");
  }

  private showResult(result: ImportOk, source: ImportSource): void {
    const { view } = this.deps;
    const { data, period, summary } = result;
    const ledger = summary.ledger;
    this.imported = { data, period, source };
    this.deps.onImported?.();
    view.summary(summaryView(result, source));
    this.listed = problemViews(data.problems, result.findings);
    const replaced = result.findings.filter((f) => f.code === "ledgerReplacedTyped").length;
    const others = result.findings.filter((f) => f.code !== "ledgerRow").length - replaced;
    view.problems(this.listed, IMPORT_TEXT.problemsNote(ledger.problemCount, ledger.rowsWithProblems, this.listed.length, others, replaced));
    view.drillDown({ units: data.units.map((u) => ({ name: u.name, type: u.type })), period: period.name });
    const bad = ledger.rowsWithProblems > 0 || result.findings.some((f) => f.severity === "error");
    view.status(IMPORT_TEXT.done(summary.text), bad ? "error" : "ok");
  }

  /** One action at a time, with the controls disabled and any failure shown in the status line. */
  private run(action: string, body: () => Promise<void>): Promise<void> {
    const text = { busy: IMPORT_TEXT.busy, failed: (why: string) => IMPORT_TEXT.failed(action, why) };
    return this.lock.exclusive(this, this.deps.view, text, body, () => { this.step = null; });
  }
}
