// The assessment controls' DOM events (buttons, the 考核月数 field, the problem list) to the controller.
import { TaskpaneController } from "./controller";
import { PANE_IDS } from "./view";

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
