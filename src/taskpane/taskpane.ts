// Task pane entry point (bundled as taskpane.js and loaded by taskpane.html after functions.js).
// The shell (add-in name, rule-set year, Office status, the custom functions read from functions.json) and
// the assessment controls: DOM events go to the controllers (controller.ts for 全部计算 and friends,
// import-controller.ts for 工单导入), which work on the workbook through the Office.js adapter of the
// workbook port; rendering is in view.ts and view-import.ts.

import { currentYear } from "../engine/rules";
import { readLedgerBlob } from "../ledger";
import { OfficeWorkbookPort, selectCell, type SyncEvent } from "../workbook/adapters/office";
import { TaskpaneController } from "./controller";
import { ImportController } from "./import-controller";
import { LEDGER_API } from "./ledger-api";
import { ActionLock } from "./lock";
import { startMethodRuntime } from "./method-runtime";
import { ADDIN_NAME, loadFunctionSummaries } from "./metadata";
import {
  IMPORT_IDS,
  createImportView,
  readMappingAnswers,
  readPeriodInput,
  readSource,
  renderFileName,
  renderImportBusy,
  renderPeriodKind,
} from "./view-import";
import {
  PANE_IDS,
  createPaneView,
  describeHost,
  renderFunctionList,
  renderFunctionListError,
  renderBusy,
  renderHeader,
  renderStatus,
  renderSummary,
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

/** Connects the 工单导入 controls to the import controller (keyboard included). */
export function wireImportControls(doc: Document, importer: ImportController): void {
  const element = (id: string): HTMLElement => {
    const found = doc.getElementById(id);
    if (!found) throw new Error(`task pane: missing element #${id}`);
    return found;
  };
  const on = (id: string, type: string, handler: (event: Event) => void) => element(id).addEventListener(type, handler);
  const startImport = () => void importer.importLedger(readSource(doc), readPeriodInput(doc));
  const checkPeriod = () => void importer.checkPeriod(readPeriodInput(doc));
  on(IMPORT_IDS.import, "click", startImport);
  on(IMPORT_IDS.periodKind, "change", () => {
    renderPeriodKind(doc, readPeriodInput(doc).kind);
    checkPeriod();
  });
  on(IMPORT_IDS.periodYear, "input", () => {
    element(IMPORT_IDS.periodYear).setAttribute("data-default", "false");
    checkPeriod();
  });
  on(IMPORT_IDS.periodYear, "keydown", (event) => {
    if ((event as KeyboardEvent).key === "Enter") {
      event.preventDefault();
      startImport();
    }
  });
  // Picking a file means importing from it.
  on(IMPORT_IDS.file, "change", () => {
    const files = (element(IMPORT_IDS.file) as HTMLInputElement).files;
    const picked = files && files.length > 0 ? files[0] : undefined;
    if (picked) (element(IMPORT_IDS.sourceFile) as HTMLInputElement).checked = true;
    renderFileName(doc, picked?.name);
  });
  on(IMPORT_IDS.mappingSave, "click", () => void importer.submitMapping(readMappingAnswers(doc)));
  on(IMPORT_IDS.mappingCancel, "click", () => importer.cancelMapping());
  on(IMPORT_IDS.mapping, "keydown", (event) => {
    if ((event as KeyboardEvent).key === "Escape") {
      event.preventDefault();
      importer.cancelMapping();
    }
  });
  on(IMPORT_IDS.problemList, "click", (event) => {
    const button = (event.target as Element | null)?.closest("button[data-index]");
    if (button) void importer.selectProblem(Number(button.getAttribute("data-index")));
  });
  on(IMPORT_IDS.drillButton, "click", () => void importer.writeDrillDown((element(IMPORT_IDS.drillUnit) as HTMLSelectElement).value));
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
    for (const button of openButtons) button.disabled = busy;
  });
  const select = (sheet: string, cell: string) => selectCell(run, sheet, cell);
  // Step 3's buttons bring a register sheet to the front (its first input row selected).
  for (const button of openButtons) {
    button.disabled = false;
    button.addEventListener("click", () => {
      const sheet = button.getAttribute("data-open-sheet") as string;
      select(sheet, "A3").then(
        () => renderStatus(doc, `已打开“${sheet}”。`, "info"),
        () => renderStatus(doc, `工作簿中没有“${sheet}”表：请先点“创建/补全模板”。`, "error"),
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
    // The ASSESS.* functions (same runtime) wait for the workbook's method: read it first.
    startMethodRuntime(info.host);
    await initTaskpane(document, fetchFn, info);
    if (info.host === Office.HostType.Excel) startAssessment(document);
  });
}

if (typeof document !== "undefined") start();
