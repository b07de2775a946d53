// The 工单导入 controls' DOM events (source, period, file, header and typed-values questions, problem list,
// 生成核查表) to the import controller.
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
  // Escape closes a question; a list's click on a <button data-index> selects that line's cell.
  const onEscape = (id: string, close: () => void) => on(id, "keydown", (event) => {
    if ((event as KeyboardEvent).key !== "Escape") return;
    event.preventDefault();
    close();
  });
  const onItem = (id: string, select: (index: number) => Promise<void>) => on(id, "click", (event) => {
    const button = (event.target as Element | null)?.closest("button[data-index]");
    if (button) void select(Number(button.getAttribute("data-index")));
  });
  on(IMPORT_IDS.mappingSave, "click", () => void importer.submitMapping(readMappingAnswers(doc)));
  on(IMPORT_IDS.mappingCancel, "click", () => importer.cancelMapping());
  onEscape(IMPORT_IDS.mapping, () => importer.cancelMapping());
  on(IMPORT_IDS.typedReplace, "click", () => void importer.confirmTyped());
  on(IMPORT_IDS.typedCancel, "click", () => importer.cancelTyped());
  onEscape(IMPORT_IDS.typed, () => importer.cancelTyped());
  onItem(IMPORT_IDS.typedList, (index) => importer.selectTyped(index));
  onItem(IMPORT_IDS.problemList, (index) => importer.selectProblem(index));
  on(IMPORT_IDS.drillButton, "click", () => void importer.writeDrillDown((element(IMPORT_IDS.drillUnit) as HTMLSelectElement).value));
}
