// Task pane entry point (bundled as taskpane.js and loaded by taskpane.html after functions.js).
// The shell (add-in name, rule-set year, Office status, the custom functions read from functions.json;
// shared/) and the two features: assess/ (全部计算 and friends) and import/ (工单导入). Each feature has a
// controller working on the workbook through the Office.js adapter of the workbook port, a view over the
// DOM and the wiring of its DOM events; every text is in messages.ts.

import { currentYear } from "../engine/rules";
import { readLedgerBlob } from "../ledger";
import { OfficeWorkbookPort, selectCell, type SyncEvent } from "../workbook/adapters/office";
import { TaskpaneController } from "./assess/controller";
import { createPaneView, PANE_IDS, renderBusy, renderSummary } from "./assess/view";
import { wireControls } from "./assess/wire";
import { ImportController } from "./import/controller";
import { LEDGER_API } from "./import/ledger-api";
import { createImportView, renderImportBusy } from "./import/view";
import { wireImportControls } from "./import/wire";
import { BulletinController, type Platform } from "./bulletin/controller";
import { createBulletinView, renderBulletinBusy } from "./bulletin/view";
import { wireBulletinControls } from "./bulletin/wire";
import { SHELL_TEXT } from "./messages";
import { ActionLock } from "./shared/lock";
import { ADDIN_NAME, loadFunctionSummaries } from "./shared/metadata";
import { startMethodRuntime } from "./shared/method-runtime";
import { describeHost, renderFunctionList, renderFunctionListError, renderHeader, renderStatus } from "./shared/shell";

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

/** The Excel API the adapter needs (getRangeByIndexes, freezePanes, ChartSeries.setXAxisValues). */
export const REQUIRED_EXCEL_API = "1.7";

/** Starts the assessment controls in Excel: the Office.js port, the controller, the events. */
export function startAssessment(doc: Document): TaskpaneController | undefined {
  const supports = (version: string) => Office.context.requirements.isSetSupported("ExcelApi", version);
  if (!supports(REQUIRED_EXCEL_API)) {
    renderStatus(doc, SHELL_TEXT.unsupportedApi(REQUIRED_EXCEL_API), "error");
    return undefined;
  }
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Excel.run(batch);
  const progress: { listeners: ((event: SyncEvent) => void)[] } = { listeners: [] };
  const port = new OfficeWorkbookPort(run, {
    // Charts need ExcelApi 1.7 (ChartSeries.setXAxisValues); without it the result table has no chart.
    charts: supports("1.7"),
    // Drop-down lists (Range.dataValidation) need ExcelApi 1.8; without them the template has no lists.
    dataValidation: supports("1.8"),
    // Print setup (Worksheet.pageLayout) needs ExcelApi 1.9; without it sheets print with Excel's defaults.
    pageLayout: supports("1.9"),
    // Header notes need ExcelApi 1.18; without them the same texts are on the 填写说明 sheet.
    notes: supports("1.18"),
    onSync: (event) => progress.listeners.forEach((listener) => listener(event)),
  });
  // One workbook action at a time: while either part of the pane works, both parts' controls are disabled.
  const lock = new ActionLock();
  const openButtons = [...doc.querySelectorAll<HTMLButtonElement>("button[data-open-sheet]")];
  lock.subscribe((busy) => {
    renderBusy(doc, busy);
    renderImportBusy(doc, busy);
    renderBulletinBusy(doc, busy);
    for (const button of openButtons) button.disabled = busy;
  });
  const select = (sheet: string, cell: string) => selectCell(run, sheet, cell);
  // Step 3's buttons bring a register sheet to the front (its first input row selected).
  for (const button of openButtons) {
    button.disabled = false;
    button.addEventListener("click", () => {
      const sheet = button.getAttribute("data-open-sheet") as string;
      select(sheet, "A3").then(
        () => renderStatus(doc, SHELL_TEXT.sheetOpened(sheet), "info"),
        () => renderStatus(doc, SHELL_TEXT.sheetMissing(sheet), "error"),
      );
    });
  }
  const importer = new ImportController({
    port,
    view: createImportView(doc),
    ledger: LEDGER_API,
    readFile: (file, options) => readLedgerBlob(file, options),
    selectCell: select,
    lock,
    // 热线数据 changed: the 计算结果 and 问题列表 of an earlier 全部计算 no longer hold.
    onImported: () => {
      renderSummary(doc, null);
      const problems = doc.getElementById(PANE_IDS.problems);
      if (problems) problems.hidden = true;
    },
  });
  importer.ruleYear(currentYear);
  const paneView = createPaneView(doc);
  const controller = new TaskpaneController({
    port,
    // The rule-set year read from 参数 is also the period picker's default year.
    view: { ...paneView, params: (params) => {
      paneView.params(params);
      importer.ruleYear(params.year);
    } },
    selectCell: select,
    lock,
  });
  progress.listeners.push((event) => controller.syncProgress(event), (event) => importer.syncProgress(event));
  wireControls(doc, controller);
  wireImportControls(doc, importer);
  wireBulletinControls(doc, new BulletinController({ port, view: createBulletinView(doc), lock, platform: hostPlatform() }));
  void controller.start();
  return controller;
}

/** Excel on the web runs the pane in a browser tab, where a download link works; desktop task panes block downloads. */
function hostPlatform(): Platform {
  return Office.context.diagnostics?.platform === Office.PlatformType.OfficeOnline ? "web" : "desktop";
}

function start(): void {
  const fetchFn: FetchLike = (url) => fetch(url, { cache: "no-cache" });
  if (typeof Office === "undefined") {
    // office.js did not load (no access to its CDN, or opened outside Office): still show the shell.
    void initTaskpane(document, fetchFn, undefined);
    return;
  }
  void Office.onReady(async (info) => {
    // The ASSESS.* functions (same runtime) wait for the workbook's method: read it first.
    startMethodRuntime(info.host);
    await initTaskpane(document, fetchFn, info);
    if (info.host === Office.HostType.Excel) startAssessment(document);
  });
}

if (typeof document !== "undefined") start();
