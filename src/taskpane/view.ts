// Small DOM helpers for the task pane. Each takes the document (or element) it works on, so tests can
// pass a fake document; none touches Office or the network.

import type { PaneParameters, PaneProblem, PaneSummary, PaneUnit, PaneView } from "./controller";
import type { FunctionSummary } from "./metadata";
import { byId, clear, el, renderProgressIn, statItem } from "./dom";

/** Element ids used by taskpane.html. */
export const IDS = {
  name: "addin-name",
  year: "rule-year",
  status: "office-status",
  functions: "function-list",
  functionsMessage: "function-list-message",
} as const;

export type StatusKind = "info" | "ok" | "error";

/** Sets the text of the element with this id (textContent: never parsed as HTML). */
export function setText(doc: Document, id: string, text: string): void {
  byId(doc, id).textContent = text;
}

/** Shows the add-in name and the rule-set year in the header. */
export function renderHeader(doc: Document, addinName: string, year: number): void {
  setText(doc, IDS.name, addinName);
  setText(doc, IDS.year, `规则年度：${year}年`);
}

/** Shows a status line, styled by kind (status--info / status--ok / status--error). */
export function renderStatus(doc: Document, text: string, kind: StatusKind = "info"): void {
  const element = byId(doc, IDS.status);
  element.textContent = text;
  element.className = `status status--${kind}`;
}

/** Describes the Office host the pane runs in, for the status line. */
export function describeHost(info: { host: unknown; platform: unknown } | undefined): { text: string; kind: StatusKind } {
  if (!info) return { text: "未加载 Office.js：请在 Excel 中打开此加载项。", kind: "error" };
  if (info.host === null || info.host === undefined) {
    return { text: "未在 Office 中运行：函数只在 Excel 中可用。", kind: "info" };
  }
  const platform = info.platform === null || info.platform === undefined ? "" : `（${String(info.platform)}）`;
  return { text: `已连接 ${String(info.host)}${platform}`, kind: "ok" };
}

/** Builds the list item for one function: signature in a <code>, description below. */
export function createFunctionItem(doc: Document, fn: FunctionSummary): HTMLElement {
  const item = doc.createElement("li");
  item.className = "function";
  const signature = doc.createElement("code");
  signature.className = "function__signature";
  signature.textContent = `=${fn.signature}`;
  item.appendChild(signature);
  if (fn.description) {
    const description = doc.createElement("p");
    description.className = "function__description";
    description.textContent = fn.description;
    item.appendChild(description);
  }
  return item;
}

/** Replaces the function list with these functions (or a message when there are none). */
export function renderFunctionList(doc: Document, functions: readonly FunctionSummary[]): void {
  const list = byId(doc, IDS.functions);
  while (list.firstChild) list.removeChild(list.firstChild);
  for (const fn of functions) list.appendChild(createFunctionItem(doc, fn));
  setText(doc, IDS.functionsMessage, functions.length === 0 ? "没有可用的函数。" : `共 ${functions.length} 个函数`);
}

/** Shows why the function list could not be loaded. */
export function renderFunctionListError(doc: Document, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  setText(doc, IDS.functionsMessage, `函数列表加载失败：${message}`);
}

// ---------------------------------------------------------------------------------------------------------
// The assessment controls (全部计算 and friends). Rendering only: taskpane.ts wires the events.

/** Element ids of the assessment controls in taskpane.html. */
export const PANE_IDS = {
  paramYear: "param-year",
  paramMonths: "param-months",
  paramSave: "param-save",
  compute: "btn-compute",
  template: "btn-template",
  finalize: "btn-finalize",
  restore: "btn-restore",
  confirm: "confirm",
  confirmFinalize: "btn-confirm-finalize",
  cancelFinalize: "btn-cancel-finalize",
  progress: "progress",
  progressBar: "progress-bar",
  progressText: "progress-text",
  summary: "summary",
  summaryStats: "summary-stats",
  summaryTop: "summary-top",
  summaryBottom: "summary-bottom",
  problems: "problems",
  problemsNote: "problems-note",
  problemList: "problem-list",
} as const;

/** Buttons disabled while an action runs. */
export const ACTION_BUTTONS = [PANE_IDS.compute, PANE_IDS.template, PANE_IDS.finalize, PANE_IDS.restore, PANE_IDS.paramSave] as const;

const LEVEL_TEXT: Record<PaneProblem["severity"], string> = { error: "错误", warning: "警告", info: "说明" };

/** Enables or disables the action buttons (and the 考核月数 field); marks the pane busy for assistive tech. */
export function renderBusy(doc: Document, busy: boolean): void {
  for (const id of ACTION_BUTTONS) (byId(doc, id) as HTMLButtonElement).disabled = busy;
  (byId(doc, PANE_IDS.paramMonths) as HTMLInputElement).disabled = busy;
  byId(doc, PANE_IDS.compute).setAttribute("aria-busy", busy ? "true" : "false");
}

/** Shows the rule-set year and 考核月数. */
export function renderParams(doc: Document, params: PaneParameters): void {
  setText(doc, PANE_IDS.paramYear, `${params.year}年`);
  setText(doc, IDS.year, `规则年度：${params.year}年`);
  const input = byId(doc, PANE_IDS.paramMonths) as HTMLInputElement;
  input.value = params.months === null ? "" : String(params.months);
  input.placeholder = params.months === null ? "无参数表" : "";
  input.title = params.monthsCell ? `写入 ${params.monthsCell}` : "请先创建/补全模板";
}

/** The progress indicator: a determinate bar and its text, or hidden. */
export function renderProgress(doc: Document, progress: { text: string; fraction: number } | null): void {
  renderProgressIn(doc, { box: PANE_IDS.progress, bar: PANE_IDS.progressBar, text: PANE_IDS.progressText }, progress);
}

/** Opens the 定稿 confirmation (focus on 确认定稿) or closes it (focus back on 定稿). */
export function renderConfirm(doc: Document, open: boolean): void {
  const box = byId(doc, PANE_IDS.confirm);
  const wasOpen = !box.hidden;
  box.hidden = !open;
  if (open) byId(doc, PANE_IDS.confirmFinalize).focus();
  else if (wasOpen) byId(doc, PANE_IDS.finalize).focus();
}

function formatScore(total: number): string {
  return Number.isInteger(total) ? String(total) : String(Number(total.toFixed(2)));
}

function renderRanking(doc: Document, id: string, units: readonly PaneUnit[]): void {
  const list = byId(doc, id);
  clear(list);
  if (units.length === 0) {
    list.appendChild(el(doc, "li", undefined, "—"));
    return;
  }
  for (const unit of units) {
    const item = el(doc, "li");
    item.setAttribute("value", String(unit.rank));
    item.appendChild(el(doc, "span", "ranking__name", unit.name));
    item.appendChild(el(doc, "span", "ranking__score", `${formatScore(unit.total)}分`));
    list.appendChild(item);
  }
}

/** The summary: units scored, problems, 便民化 vetoes, top 3 and bottom 3 by 总分. */
export function renderSummary(doc: Document, summary: PaneSummary | null): void {
  const section = byId(doc, PANE_IDS.summary);
  section.hidden = summary === null;
  if (!summary) return;
  const stats = byId(doc, PANE_IDS.summaryStats);
  clear(stats);
  stats.appendChild(statItem(doc, "已计分单位", `${summary.unitsScored}/${summary.units}`, summary.unitsMarked > 0));
  stats.appendChild(statItem(doc, "发现问题", `${summary.errors + summary.warnings}`, summary.errors > 0));
  stats.appendChild(statItem(doc, "错误 / 警告", `${summary.errors} / ${summary.warnings}`, summary.errors > 0));
  stats.appendChild(statItem(doc, "便民化扣分部门", `${summary.departmentsVetoed}/${summary.departmentsJudged}`));
  renderRanking(doc, PANE_IDS.summaryTop, summary.top);
  renderRanking(doc, PANE_IDS.summaryBottom, summary.bottom);
}

/** One problem as a button (activating it selects the cell): level, sheet!cell, message. */
export function createProblemItem(doc: Document, problem: PaneProblem, index: number): HTMLElement {
  const item = el(doc, "li");
  const button = el(doc, "button", `problem problem--${problem.severity}`);
  button.setAttribute("type", "button");
  button.setAttribute("data-index", String(index));
  const where = el(doc, "span", "problem__where");
  where.appendChild(el(doc, "span", "problem__level", LEVEL_TEXT[problem.severity]));
  where.appendChild(el(doc, "span", undefined, problem.cell ? `${problem.sheet}!${problem.cell}` : problem.sheet));
  button.appendChild(where);
  button.appendChild(el(doc, "span", "problem__message", problem.message));
  item.appendChild(button);
  return item;
}

/** Replaces the problem list. */
export function renderProblems(doc: Document, problems: readonly PaneProblem[], note: string): void {
  byId(doc, PANE_IDS.problems).hidden = false;
  setText(doc, PANE_IDS.problemsNote, note);
  const list = byId(doc, PANE_IDS.problemList);
  clear(list);
  problems.forEach((problem, i) => list.appendChild(createProblemItem(doc, problem, i)));
}

/** The PaneView of the controller over this document. */
export function createPaneView(doc: Document): PaneView {
  return {
    status: (text, kind) => renderStatus(doc, text, kind),
    busy: (busy) => renderBusy(doc, busy),
    progress: (progress) => renderProgress(doc, progress),
    params: (params) => renderParams(doc, params),
    confirm: (open) => renderConfirm(doc, open),
    summary: (summary) => renderSummary(doc, summary),
    problems: (problems, note) => renderProblems(doc, problems, note),
    otherProblems: () => {
      const section = doc.getElementById("ledger-problems");
      const list = doc.getElementById("ledger-problem-list");
      return section && list && !section.hidden ? list.children.length : 0;
    },
  };
}
