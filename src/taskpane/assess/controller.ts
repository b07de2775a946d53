/**
 * The task pane's controller: what each button does, in terms of the workbook core (src/workbook) and a
 * WorkbookPort (the Office.js adapter in the add-in). No DOM and no Office here: the pane renders through
 * the small `PaneView` interface (assess/view.ts implements it over the DOM) and selects cells
 * through `selectCell`, so the controller is tested with plain fakes.
 */
import { ruleSet } from "../../engine";
import { cellAddress, qualified } from "../../workbook/address";
import { computeAll, type ComputeSummary, type RankedUnit } from "../../workbook/compute";
import { SHEET } from "../../workbook/contract";
import { finalizeAll, restoreAll } from "../../workbook/finalize";
import type { Finding, Severity } from "../../workbook/findings";
import { chooseRuleSet, paramCells, type ParamCell } from "../../workbook/params";
import type { SyncEvent } from "../../workbook/adapters/office";
import type { SheetSnapshot, WorkbookPort } from "../../workbook/port";
import { templateAll } from "../../workbook/template";
import { TEXT } from "../messages";
import { ActionLock, errorText, type StatusKind } from "../shared/lock";

export type { StatusKind };

/** A line of the problem list: where (sheet and cell) and what. */
export interface PaneProblem {
  readonly severity: Severity;
  readonly sheet: string;
  readonly cell?: string;
  readonly message: string;
}

export type PaneUnit = RankedUnit;

/** What the pane shows of compute-all's summary. */
export type PaneSummary = Pick<ComputeSummary,
  "units" | "unitsScored" | "unitsMarked" | "unitsMissing" | "departmentsJudged" | "departmentsVetoed" | "errors" | "warnings" | "infos" | "top" | "bottom">;

export interface PaneParameters {
  /** Rule-set year used (考核年度 of 参数, else the current rule set). */
  readonly year: number;
  /** 考核月数 as in 参数 (null when the sheet or the row is missing: then it cannot be edited). */
  readonly months: number | null;
  /** Where 考核月数 lives ("参数!B4"), when it exists. */
  readonly monthsCell?: string;
}

/** What the controller asks of the pane's DOM. */
export interface PaneView {
  status(text: string, kind: StatusKind): void;
  /** How many problems the pane's other lists show now (工单导入's), if any. */
  otherProblems?(): number;
  /** While busy every action button is disabled (a run cannot be started twice). */
  busy(busy: boolean): void;
  /** A progress indicator (fraction 0..1), or null to hide it. */
  progress(progress: { readonly text: string; readonly fraction: number } | null): void;
  params(params: PaneParameters): void;
  /** Shows or hides the 定稿 confirmation. */
  confirm(open: boolean): void;
  summary(summary: PaneSummary | null): void;
  /** The clickable problem list; `note` says how many there are (and if the list was cut). */
  problems(problems: readonly PaneProblem[], note: string): void;
}

export interface ControllerDeps {
  readonly port: WorkbookPort;
  readonly view: PaneView;
  /** Selects `cell` ("C5") on `sheet` in Excel. */
  readonly selectCell: (sheet: string, cell: string) => Promise<void>;
  /** Shared with the pane's other controllers (工单导入), so that one workbook action runs at a time. */
  readonly lock?: ActionLock;
}

/** How many problems the pane lists (the 校验 sheet has them all). */
export const MAX_LISTED_PROBLEMS = 200;

export function toPaneProblem(finding: Finding): PaneProblem {
  return { severity: finding.severity, sheet: finding.sheet, cell: finding.cell, message: finding.message };
}

export class TaskpaneController {
  private listed: readonly PaneProblem[] = [];
  private confirming = false;
  private parameters: PaneParameters = { year: ruleSet().year, months: null };
  /** During 全部计算: the step computeAll reported last, to refine the bar from the port's syncs. */
  private step: { text: string; fraction: number } | null = null;
  private readonly lock: ActionLock;

  constructor(private readonly deps: ControllerDeps) {
    this.lock = deps.lock ?? new ActionLock();
  }

  get isBusy(): boolean {
    return this.lock.heldBy(this);
  }

  /** The problems the pane lists now (what selectProblem indexes). */
  get problems(): readonly PaneProblem[] {
    return this.listed;
  }

  get params(): PaneParameters {
    return this.parameters;
  }

  /** Reads the rule-set year and 考核月数 from the workbook and shows them. */
  async start(): Promise<void> {
    await this.run(TEXT.actions.start, async () => {
      await this.refreshParams();
      this.deps.view.status(TEXT.ready, "ok");
    });
  }

  /** 创建/补全模板. */
  async createTemplate(): Promise<void> {
    await this.run(TEXT.actions.template, async () => {
      this.deps.view.status(TEXT.templateRunning, "info");
      const changes = await templateAll(this.deps.port);
      const columns = changes.addedColumns.reduce((n, c) => n + c.labels.length, 0);
      await this.refreshParams();
      const rows = changes.addedRows.reduce((n, r) => n + r.labels.length, 0);
      this.deps.view.status(TEXT.templateDone(changes.createdSheets, columns, changes.untouched, rows), "ok");
    });
  }

  /** 全部计算, with progress; then the summary and the problem list. */
  async computeAll(): Promise<void> {
    await this.run(TEXT.actions.compute, async () => {
      const view = this.deps.view;
      this.step = { text: TEXT.reading, fraction: 0 };
      view.progress(this.step);
      const output = await computeAll(this.deps.port, {
        onProgress: (text, fraction) => {
          this.step = { text, fraction };
          view.progress(this.step);
        },
      }).finally(() => {
        this.step = null;
      });
      view.progress(null);
      view.summary(output.summary);
      this.showProblems(output.problems.map(toPaneProblem), TEXT.problemsNote);
      this.parameters = { ...this.parameters, year: output.summary.year };
      view.params(this.parameters);
      const elsewhere = view.otherProblems?.() ?? 0;
      view.status(TEXT.computeDone(output.summary, elsewhere), output.summary.errors > 0 ? "error" : elsewhere > 0 ? "info" : "ok");
    });
  }

  /**
   * Refines the progress bar of a long 全部计算 from the port's syncs: reading fills 0–30 %, writing
   * 60–100 % (computeAll reports the step boundaries). Wire it to OfficePortOptions.onSync.
   */
  syncProgress(event: SyncEvent): void {
    if (!this.step || event.rowsTotal === 0) return;
    const ratio = Math.min(1, event.rowsDone / event.rowsTotal);
    const band = event.phase === "read" ? [0, 0.3] : [0.6, 1];
    if (this.step.fraction < band[0] || this.step.fraction >= band[1]) return;
    this.deps.view.progress({ text: this.step.text, fraction: band[0] + (band[1] - band[0]) * ratio });
  }

  /** Asks for confirmation in the pane (Office add-ins cannot use window.confirm). */
  requestFinalize(): void {
    if (this.lock.busy) return;
    this.confirming = true;
    this.deps.view.confirm(true);
    this.deps.view.status(TEXT.finalizeAsk, "info");
  }

  cancelFinalize(): void {
    if (!this.confirming) return;
    this.confirming = false;
    this.deps.view.confirm(false);
    this.deps.view.status(TEXT.finalizeCancelled, "info");
  }

  /** 定稿 after confirmation: every ASSESS.* formula becomes its value (kept for 恢复公式). */
  async confirmFinalize(): Promise<void> {
    if (!this.confirming) return;
    this.confirming = false;
    this.deps.view.confirm(false);
    await this.run(TEXT.actions.finalize, async () => {
      this.deps.view.status(TEXT.finalizeRunning, "info");
      const { converted, kept } = await finalizeAll(this.deps.port);
      if (kept.length > 0) {
        const problems = kept.map((k) => ({ severity: "error" as const, sheet: k.sheet, cell: k.cell, message: k.reason }));
        this.showProblems(problems, (total) => TEXT.finalizeKeptNote(total));
        this.deps.view.status(TEXT.finalizeKept(converted.length, kept.length), "error");
      } else this.deps.view.status(TEXT.finalizeDone(converted.length), "ok");
    });
  }

  /** 恢复公式: puts back what 定稿 replaced; what cannot be restored is listed with its reason. */
  async restoreFormulas(): Promise<void> {
    await this.run(TEXT.actions.restore, async () => {
      this.deps.view.status(TEXT.restoreRunning, "info");
      const { restored, skipped } = await restoreAll(this.deps.port);
      if (skipped.length > 0) {
        const problems = skipped.map((s) => ({ severity: "warning" as const, sheet: s.record.sheet, cell: s.record.cell, message: s.reason }));
        this.showProblems(problems, (total) => TEXT.restoreSkippedNote(total));
      }
      this.deps.view.status(TEXT.restoreDone(restored.length, skipped.length), skipped.length > 0 ? "error" : "ok");
    });
  }

  /** Selects the cell of the problem at `index` of the list. */
  async selectProblem(index: number): Promise<void> {
    const problem = this.listed[index];
    if (!problem) return;
    const where = qualified(problem.sheet, problem.cell);
    try {
      await this.deps.selectCell(problem.sheet, problem.cell ?? "A1");
      this.deps.view.status(TEXT.selected(where), "info");
    } catch (error) {
      this.deps.view.status(TEXT.selectFailed(where, errorText(error)), "error");
    }
  }

  /** Writes 考核月数 (1–12) into the 参数 sheet. */
  async saveMonths(input: string): Promise<void> {
    const text = input.trim();
    const months = Number(text);
    if (!/^\d+$/.test(text) || !Number.isInteger(months) || months < 1 || months > 12) {
      this.deps.view.status(TEXT.monthsInvalid(input), "error");
      return;
    }
    await this.run(TEXT.actions.months, async () => {
      const at = await this.locateMonths();
      if (!at) {
        this.deps.view.status(TEXT.monthsMissing, "error");
        return;
      }
      await this.deps.port.apply([{ kind: "values", sheet: SHEET.params, row: at.row, col: at.col, values: [[months]] }]);
      this.parameters = { ...this.parameters, months, monthsCell: qualified(SHEET.params, cellAddress(at.row, at.col)) };
      this.deps.view.params(this.parameters);
      this.deps.view.status(TEXT.monthsSaved(months, qualified(SHEET.params, cellAddress(at.row, at.col))), "ok");
    });
  }

  private showProblems(problems: readonly PaneProblem[], note: (total: number, shown: number) => string): void {
    this.listed = problems.slice(0, MAX_LISTED_PROBLEMS);
    this.deps.view.problems(this.listed, note(problems.length, this.listed.length));
  }

  /** The 值 cell of the 考核月数 row of 参数, when the sheet has one. */
  private async locateMonths(given?: SheetSnapshot): Promise<ParamCell | undefined> {
    const snapshot = given ?? (await this.deps.port.read([SHEET.params])).get(SHEET.params);
    return snapshot ? paramCells(new Map([[SHEET.params, snapshot]])).months : undefined;
  }

  private async refreshParams(): Promise<void> {
    const snapshots = await this.deps.port.read([SHEET.params]);
    const year = chooseRuleSet(snapshots).year;
    const snapshot = snapshots.get(SHEET.params);
    const at = snapshot ? await this.locateMonths(snapshot) : undefined;
    const months = at && typeof at.value === "number" && Number.isInteger(at.value) ? at.value : at ? ruleSet(year).hotline.months : null;
    this.parameters = at ? { year, months, monthsCell: qualified(SHEET.params, cellAddress(at.row, at.col)) } : { year, months: null };
    this.deps.view.params(this.parameters);
  }

  /** Runs one action at a time, with the buttons disabled and any failure shown in the status line. */
  private run(action: string, body: () => Promise<void>): Promise<void> {
    const text = { busy: TEXT.busy, failed: (why: string) => TEXT.failed(action, why) };
    return this.lock.exclusive(this, this.deps.view, text, body);
  }
}
