// The 工单导入 controls' DOM events (source, period, file, header question, problem list, 生成核查表) to the
// import controller.
import type { ImportController } from "./controller";
import { IMPORT_IDS, readMappingAnswers, readPeriodInput, readSource, renderFileName, renderPeriodKind } from "./view";

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
