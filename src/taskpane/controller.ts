/**
 * The task pane's controller: what each button does, in terms of the workbook core (src/workbook) and a
 * WorkbookPort (the Office.js adapter in the add-in). No DOM and no Office here: the pane renders through
 * the small `PaneView` interface (src/taskpane/view.ts implements it over the DOM) and selects cells
 * through `selectCell`, so the controller is tested with plain fakes.
 */
import { ruleSet } from "../engine";
import { cellAddress, qualified } from "../workbook/address";
import { computeAll, type ComputeSummary, type RankedUnit } from "../workbook/compute";
import { SHEET } from "../workbook/contract";
import { finalizeAll, restoreAll } from "../workbook/finalize";
import type { Finding, Severity } from "../workbook/findings";
import { chooseRuleSet, paramCells, type ParamCell } from "../workbook/params";
import type { SyncEvent } from "../workbook/adapters/office";
import type { SheetSnapshot, WorkbookPort } from "../workbook/port";
import { templateAll } from "../workbook/template";
import { ActionLock, errorText } from "./lock";

export type StatusKind = "info" | "ok" | "error";

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

/** "（3个缺少数据未计分，1个数据有误未计分）", or nothing when every unit is scored. */
function notScoredText(missing: number, wrong: number): string {
  const parts = [missing > 0 ? `${missing}个缺少数据未计分` : "", wrong > 0 ? `${wrong}个数据有误未计分` : ""].filter((p) => p !== "");
  return parts.length > 0 ? `（${parts.join("，")}）` : "";
}

export const TEXT = {
  ready: "就绪：可以创建模板或全部计算。",
  busy: "正在处理，请稍候…",
  templateRunning: "正在创建/补全模板…",
  templateDone: (sheets: readonly string[], columns: number, untouched: readonly string[], rows = 0) => {
    const parts: string[] = [];
    if (sheets.length > 0) parts.push(`新建${sheets.length}张工作表（${sheets.join("、")}）`);
    if (columns > 0) parts.push(`补全${columns}个表头`);
    if (rows > 0) parts.push(`补全${rows}个参数行`);
    if (parts.length === 0) parts.push("模板已完整，未作修改");
    const skipped = untouched.length > 0 ? `；${untouched.join("、")}找不到表头，未改动` : "";
    return `模板：${parts.join("，")}${skipped}。`;
  },
  /** `elsewhere`: problems another list of the pane shows (工单导入's): never "no problems" while one is listed. */
  computeDone: (s: ComputeSummary, elsewhere = 0) =>
    `计算完成：${s.units}个单位已计分${s.unitsScored}个` +
    notScoredText(s.unitsMissing, s.unitsMarked - s.unitsMissing) +
    `；${s.departmentsJudged}个部门中${s.departmentsVetoed}个扣分；` +
    (s.errors + s.warnings > 0 ? `发现${s.errors}个错误、${s.warnings}个警告，见问题列表。`
      : s.infos > 0 ? `校验无错误和警告，另有${s.infos}条说明，见问题列表。`
        : elsewhere > 0 ? "校验无错误和警告。" : "未发现数据问题。") +
    (elsewhere > 0 ? `工单导入另有${elsewhere}个问题，见“工单问题”。` : ""),
  finalizeAsk: "请在下方确认是否定稿。",
  finalizeCancelled: "已取消定稿，工作簿未改动。",
  finalizeRunning: "正在定稿…",
  finalizeDone: (n: number) => (n > 0 ? `定稿完成：${n}个 ASSESS 公式已替换为值（可用“恢复公式”还原）。` : "定稿完成：工作簿中没有 ASSESS 公式，未作修改。"),
  finalizeKept: (done: number, kept: number) => `定稿未完成：${done}个 ASSESS 公式已替换为值；${kept}个公式的结果是错误值或尚未计算，公式保留，见问题列表。`,
  finalizeKeptNote: (n: number) => `${n}个 ASSESS 公式未定稿（结果为错误值或尚未计算）。点击一条可选中对应单元格。`,
  restoreRunning: "正在恢复公式…",
  restoreDone: (restored: number, skipped: number) =>
    restored === 0 && skipped === 0
      ? "没有可恢复的公式（尚未定稿）。"
      : `已恢复${restored}个公式` + (skipped > 0 ? `；${skipped}个未恢复，见问题列表。` : "。"),
  selected: (where: string) => `已选中 ${where}`,
  selectFailed: (where: string, reason: string) => `无法选中 ${where}：${reason}`,
  monthsInvalid: (value: string) => `考核月数“${value}”无效：应为1到12的整数。`,
  monthsMissing: "工作簿中没有“参数”表的考核月数行：请先点“创建/补全模板”。",
  monthsSaved: (months: number, where: string) => `考核月数已设为${months}（${where}），请重新全部计算。`,
  failed: (action: string, reason: string) => `${action}失败：${reason}`,
  problemsNote: (total: number, shown: number) =>
    total === 0 ? "未发现问题。" : shown < total ? `共${total}条，仅列出前${shown}条；完整列表见“校验”表。点击一条可选中对应单元格。` : `共${total}条。点击一条可选中对应单元格。`,
  restoreSkippedNote: (n: number) => `${n}个公式未恢复。点击一条可选中对应单元格。`,
} as const;


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
    await this.run("读取参数", async () => {
      await this.refreshParams();
      this.deps.view.status(TEXT.ready, "ok");
    });
  }

  /** 创建/补全模板. */
  async createTemplate(): Promise<void> {
    await this.run("创建/补全模板", async () => {
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
    await this.run("全部计算", async () => {
      const view = this.deps.view;
      this.step = { text: "正在读取工作表…", fraction: 0 };
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
    await this.run("定稿", async () => {
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
    await this.run("恢复公式", async () => {
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
    await this.run("保存考核月数", async () => {
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
