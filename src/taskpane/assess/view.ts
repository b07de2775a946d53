// The assessment controls (全部计算 and friends) over the DOM. Rendering only: assess/wire.ts wires the
// events. Each helper takes the document it works on, so tests can pass a fake document.

import { SHELL_TEXT, VIEW_TEXT } from "../messages";
import { byId, clear, el, renderProgressIn, statItem } from "../shared/dom";
import { IDS, renderStatus, setText } from "../shared/shell";
import type { PaneParameters, PaneProblem, PaneSummary, PaneUnit, PaneView } from "./controller";

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

/** Enables or disables the action buttons (and the 考核月数 field); marks the pane busy for assistive tech. */
export function renderBusy(doc: Document, busy: boolean): void {
  for (const id of ACTION_BUTTONS) (byId(doc, id) as HTMLButtonElement).disabled = busy;
  (byId(doc, PANE_IDS.paramMonths) as HTMLInputElement).disabled = busy;
  byId(doc, PANE_IDS.compute).setAttribute("aria-busy", busy ? "true" : "false");
}

/** Shows the rule-set year and 考核月数. */
export function renderParams(doc: Document, params: PaneParameters): void {
  setText(doc, PANE_IDS.paramYear, VIEW_TEXT.year(params.year));
  setText(doc, IDS.year, SHELL_TEXT.ruleYear(params.year));
  const input = byId(doc, PANE_IDS.paramMonths) as HTMLInputElement;
  input.value = params.months === null ? "" : String(params.months);
  input.placeholder = params.months === null ? VIEW_TEXT.noParams : "";
  input.title = params.monthsCell ? VIEW_TEXT.writesTo(params.monthsCell) : VIEW_TEXT.createTemplateFirst;
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
    item.appendChild(el(doc, "span", "ranking__score", VIEW_TEXT.points(formatScore(unit.total))));
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
  stats.appendChild(statItem(doc, VIEW_TEXT.unitsScored, `${summary.unitsScored}/${summary.units}`, summary.unitsMarked > 0));
  stats.appendChild(statItem(doc, VIEW_TEXT.problemsFound, `${summary.errors + summary.warnings}`, summary.errors > 0));
  stats.appendChild(statItem(doc, VIEW_TEXT.errorsWarnings, `${summary.errors} / ${summary.warnings}`, summary.errors > 0));
  stats.appendChild(statItem(doc, VIEW_TEXT.vetoed, `${summary.departmentsVetoed}/${summary.departmentsJudged}`));
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
  where.appendChild(el(doc, "span", "problem__level", VIEW_TEXT.level[problem.severity]));
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
