// Task pane entry point (bundled as taskpane.js and loaded by taskpane.html after functions.js).
// The shell (add-in name, rule-set year, Office status, the custom functions read from functions.json) and
// the assessment controls: DOM events go to the controller (controller.ts), which works on the workbook
// through the Office.js adapter of the workbook port; rendering is in view.ts.

import { currentYear } from "../engine/rules";
import { OfficeWorkbookPort, selectCell, type SyncEvent } from "../workbook/office-adapter";
import { TaskpaneController } from "./controller";
import { ADDIN_NAME, loadFunctionSummaries } from "./metadata";
import {
  PANE_IDS,
  createPaneView,
  describeHost,
  renderFunctionList,
  renderFunctionListError,
  renderHeader,
  renderStatus,
} from "./view";

type FetchLike = Parameters<typeof loadFunctionSummaries>[0];

/** Fills the task pane. `info` is what Office.onReady resolved with, or undefined without Office.js. */
export async function initTaskpane(
  doc: Document,
  fetchFn: FetchLike,
  info: { host: unknown; platform: unknown } | undefined,
): Promise<void> {
  renderHeader(doc, ADDIN_NAME, currentYear);
  const status = describeHost(info);
  renderStatus(doc, status.text, status.kind);
  try {
    renderFunctionList(doc, await loadFunctionSummaries(fetchFn));
  } catch (error) {
    renderFunctionListError(doc, error);
  }
}

/** Connects the pane's buttons, list and fields to the controller (keyboard included). */
export function wireControls(doc: Document, controller: TaskpaneController): void {
  const on = (id: string, type: string, handler: (event: Event) => void) => {
    const element = doc.getElementById(id);
    if (!element) throw new Error(`task pane: missing element #${id}`);
    element.addEventListener(type, handler);
  };
  on(PANE_IDS.compute, "click", () => void controller.computeAll());
  on(PANE_IDS.template, "click", () => void controller.createTemplate());
  on(PANE_IDS.finalize, "click", () => controller.requestFinalize());
  on(PANE_IDS.confirmFinalize, "click", () => void controller.confirmFinalize());
  on(PANE_IDS.cancelFinalize, "click", () => controller.cancelFinalize());
  on(PANE_IDS.confirm, "keydown", (event) => {
    if ((event as KeyboardEvent).key === "Escape") {
      event.preventDefault();
      controller.cancelFinalize();
    }
  });
  on(PANE_IDS.restore, "click", () => void controller.restoreFormulas());
  const months = () => (doc.getElementById(PANE_IDS.paramMonths) as HTMLInputElement).value;
  on(PANE_IDS.paramSave, "click", () => void controller.saveMonths(months()));
  on(PANE_IDS.paramMonths, "keydown", (event) => {
    if ((event as KeyboardEvent).key === "Enter") {
      event.preventDefault();
      void controller.saveMonths(months());
    }
  });
  // One listener for the whole problem list: each problem is a <button data-index>.
  on(PANE_IDS.problemList, "click", (event) => {
    const target = event.target as Element | null;
    const button = target?.closest("button[data-index]");
    if (button) void controller.selectProblem(Number(button.getAttribute("data-index")));
  });
}

/** The Excel API the adapter needs (getRangeByIndexes, freezePanes, ChartSeries.setXAxisValues). */
export const REQUIRED_EXCEL_API = "1.7";

/** Starts the assessment controls in Excel: the Office.js port, the controller, the events. */
export function startAssessment(doc: Document): TaskpaneController | undefined {
  const supports = (version: string) => Office.context.requirements.isSetSupported("ExcelApi", version);
  if (!supports(REQUIRED_EXCEL_API)) {
    renderStatus(doc, `此版本的 Excel 不支持考核计算所需的接口（ExcelApi ${REQUIRED_EXCEL_API}）：请更新 Office 或使用网页版 Excel。`, "error");
    return undefined;
  }
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Excel.run(batch);
  const progress: { listener?: (event: SyncEvent) => void } = {};
  const port = new OfficeWorkbookPort(run, {
    // Charts need ExcelApi 1.7 (ChartSeries.setXAxisValues); without it the result table has no chart.
    charts: supports("1.7"),
    // Drop-down lists (Range.dataValidation) need ExcelApi 1.8; without them the template has no lists.
    dataValidation: supports("1.8"),
    onSync: (event) => progress.listener?.(event),
  });
  const controller = new TaskpaneController({
    port,
    view: createPaneView(doc),
    selectCell: (sheet, cell) => selectCell(run, sheet, cell),
  });
  progress.listener = (event) => controller.syncProgress(event);
  wireControls(doc, controller);
  void controller.start();
  return controller;
}

function start(): void {
  const fetchFn: FetchLike = (url) => fetch(url, { cache: "no-cache" });
  if (typeof Office === "undefined") {
    // office.js did not load (no access to its CDN, or opened outside Office): still show the shell.
    void initTaskpane(document, fetchFn, undefined);
    return;
  }
  void Office.onReady(async (info) => {
    await initTaskpane(document, fetchFn, info);
    if (info.host === Office.HostType.Excel) startAssessment(document);
  });
}

if (typeof document !== "undefined") start();
