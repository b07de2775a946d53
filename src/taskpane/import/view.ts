// The 工单导入 part of the pane over the DOM: rendering only (import/wire.ts wires the events to the
// ImportController). Every text goes in through textContent, never parsed as HTML.

import type { LedgerColumn } from "../../ledger";
import { VIEW_TEXT } from "../messages";
import { byId, clear, el, renderProgressIn, statItem } from "../shared/dom";
import { renderStatus } from "../shared/shell";
import type {
  DrillDownView, ImportProblemView, ImportSource, ImportSummaryView, ImportView, MappingForm, PeriodInput, PeriodKindInput, PickedFile, TypedConfirmForm,
} from "./types";

/** Element ids of the 工单导入 section in taskpane.html. */
export const IMPORT_IDS = {
  sourceFile: "ledger-source-file",
  sourceSheet: "ledger-source-sheet",
  file: "ledger-file",
  fileName: "ledger-file-name",
  periodKind: "period-kind",
  periodYear: "period-year",
  periodQuarter: "period-quarter",
  periodMonth: "period-month",
  periodError: "period-error",
  import: "btn-import",
  progress: "import-progress",
  progressBar: "import-progress-bar",
  progressText: "import-progress-text",
  mapping: "ledger-mapping",
  mappingText: "mapping-text",
  mappingFields: "mapping-fields",
  mappingError: "mapping-error",
  mappingSave: "btn-mapping-save",
  mappingCancel: "btn-mapping-cancel",
  typed: "ledger-typed",
  typedText: "typed-text",
  typedList: "typed-list",
  typedReplace: "btn-typed-replace",
  typedCancel: "btn-typed-cancel",
  summary: "ledger-summary",
  stats: "ledger-stats",
  summaryText: "ledger-summary-text",
  problems: "ledger-problems",
  problemsNote: "ledger-problems-note",
  problemList: "ledger-problem-list",
  drillDown: "drilldown",
  drillNote: "drilldown-note",
  drillUnit: "drill-unit",
  drillButton: "btn-drilldown",
} as const;

/** Controls disabled while any workbook action runs. */
export const IMPORT_CONTROLS = [
  IMPORT_IDS.import, IMPORT_IDS.mappingSave, IMPORT_IDS.typedReplace, IMPORT_IDS.drillButton, IMPORT_IDS.sourceFile, IMPORT_IDS.sourceSheet, IMPORT_IDS.file,
  IMPORT_IDS.periodKind, IMPORT_IDS.periodYear, IMPORT_IDS.periodQuarter, IMPORT_IDS.periodMonth,
] as const;

/** Prefix of the id of each header select of the mapping form (`mapping-工单编号`). */
export const MAPPING_SELECT_PREFIX = "mapping-";

function option(doc: Document, value: string, text: string): HTMLOptionElement {
  const item = doc.createElement("option") as HTMLOptionElement;
  item.value = value;
  item.textContent = text;
  return item;
}

// ---------------------------------------------------------------------------------------------------------
// Reading the controls

export function readSource(doc: Document): ImportSource {
  if (byId<HTMLInputElement>(doc, IMPORT_IDS.sourceSheet).checked) return { kind: "sheet" };
  const files = byId<HTMLInputElement>(doc, IMPORT_IDS.file).files;
  return { kind: "file", file: files && files.length > 0 ? (files[0] as PickedFile) : undefined };
}

export function readPeriodInput(doc: Document): PeriodInput {
  return {
    kind: byId<HTMLSelectElement>(doc, IMPORT_IDS.periodKind).value as PeriodKindInput,
    year: byId<HTMLInputElement>(doc, IMPORT_IDS.periodYear).value,
    quarter: byId<HTMLSelectElement>(doc, IMPORT_IDS.periodQuarter).value,
    month: byId<HTMLSelectElement>(doc, IMPORT_IDS.periodMonth).value,
  };
}

/** The mapping form's answers: column → header chosen ("" when none). */
export function readMappingAnswers(doc: Document): Partial<Record<LedgerColumn, string>> {
  const answers: Partial<Record<LedgerColumn, string>> = {};
  const fields = byId(doc, IMPORT_IDS.mappingFields).querySelectorAll("select[data-column]");
  fields.forEach((select) => {
    answers[select.getAttribute("data-column") as LedgerColumn] = (select as HTMLSelectElement).value;
  });
  return answers;
}

/** The picked file's name beside the 选择文件 button. */
export function renderFileName(doc: Document, name: string | undefined): void {
  byId(doc, IMPORT_IDS.fileName).textContent = name ?? VIEW_TEXT.noFileChosen;
}

/** Shows the quarter or month select that goes with the period kind. */
export function renderPeriodKind(doc: Document, kind: PeriodKindInput): void {
  byId(doc, IMPORT_IDS.periodQuarter).hidden = kind !== "quarter";
  byId(doc, IMPORT_IDS.periodMonth).hidden = kind !== "month";
}

// ---------------------------------------------------------------------------------------------------------
// Rendering

/** The control that had the focus when an action started (disabling it drops the focus). */
const focusBeforeBusy = new WeakMap<Document, string>();

/**
 * Disables the 工单导入 controls while any workbook action runs. A keyboard user who started the action
 * from one of them gets the focus back there when it ends (unless something else took it meanwhile).
 */
export function renderImportBusy(doc: Document, busy: boolean): void {
  const active = doc.activeElement as HTMLElement | null;
  if (busy && active?.id && (IMPORT_CONTROLS as readonly string[]).includes(active.id)) focusBeforeBusy.set(doc, active.id);
  for (const id of IMPORT_CONTROLS) (byId(doc, id) as HTMLButtonElement | HTMLInputElement | HTMLSelectElement).disabled = busy;
  byId(doc, IMPORT_IDS.import).setAttribute("aria-busy", busy ? "true" : "false");
  if (!busy) {
    const id = focusBeforeBusy.get(doc);
    focusBeforeBusy.delete(doc);
    const now = doc.activeElement;
    if (id && (now === null || now === doc.body)) byId(doc, id).focus();
  }
}

export function renderImportProgress(doc: Document, progress: { text: string; fraction: number } | null): void {
  renderProgressIn(doc, { box: IMPORT_IDS.progress, bar: IMPORT_IDS.progressBar, text: IMPORT_IDS.progressText }, progress);
}

/** The rule-set year in the period picker, unless the user already typed a year. */
export function renderDefaultYear(doc: Document, year: number): void {
  const input = byId<HTMLInputElement>(doc, IMPORT_IDS.periodYear);
  if (input.value === "" || input.getAttribute("data-default") === "true") {
    input.value = String(year);
    input.setAttribute("data-default", "true");
  }
}

export function renderPeriodError(doc: Document, message: string | null): void {
  const box = byId(doc, IMPORT_IDS.periodError);
  box.hidden = message === null;
  box.textContent = message ?? "";
  const year = byId(doc, IMPORT_IDS.periodYear);
  year.setAttribute("aria-invalid", message === null ? "false" : "true");
  year.className = message === null ? "input period__year-input" : "input period__year-input input--invalid";
}

/** Opens the header question (focus on its first select) or closes it. */
export function renderMapping(doc: Document, form: MappingForm | null): void {
  const box = byId(doc, IMPORT_IDS.mapping);
  const fields = byId(doc, IMPORT_IDS.mappingFields);
  if (!form) {
    const wasOpen = !box.hidden;
    box.hidden = true;
    clear(fields);
    if (wasOpen) byId(doc, IMPORT_IDS.import).focus();
    return;
  }
  byId(doc, IMPORT_IDS.mappingText).textContent = form.text;
  clear(fields);
  let first: HTMLElement | undefined;
  for (const field of form.fields) {
    const row = el(doc, "div", "mapping__field");
    const id = `${MAPPING_SELECT_PREFIX}${field.column}`;
    const label = el(doc, "label", "mapping__label", field.column);
    label.setAttribute("for", id);
    const select = el(doc, "select", "select") as HTMLSelectElement;
    select.id = id;
    select.setAttribute("data-column", field.column);
    select.appendChild(option(doc, "", VIEW_TEXT.choose));
    for (const header of field.options) select.appendChild(option(doc, header, header));
    row.appendChild(label);
    row.appendChild(select);
    fields.appendChild(row);
    first ??= select;
  }
  renderMappingError(doc, null);
  box.hidden = false;
  first?.focus();
}

export function renderMappingError(doc: Document, message: string | null): void {
  const box = byId(doc, IMPORT_IDS.mappingError);
  box.hidden = message === null;
  box.textContent = message ?? "";
}

/**
 * Opens the question before replacing values typed into 热线数据 (each cell a button selecting it; focus on
 * 取消, the choice that changes nothing) or closes it.
 */
export function renderTypedConfirm(doc: Document, form: TypedConfirmForm | null): void {
  const box = byId(doc, IMPORT_IDS.typed);
  const list = byId(doc, IMPORT_IDS.typedList);
  clear(list);
  if (!form) {
    const wasOpen = !box.hidden;
    box.hidden = true;
    if (wasOpen) byId(doc, IMPORT_IDS.import).focus();
    return;
  }
  byId(doc, IMPORT_IDS.typedText).textContent = form.text;
  form.cells.forEach((cell, i) => {
    const item = el(doc, "li");
    const button = el(doc, "button", "problem problem--warning");
    button.setAttribute("type", "button");
    button.setAttribute("data-index", String(i));
    const where = el(doc, "span", "problem__where");
    where.appendChild(el(doc, "span", "problem__level", cell.where));
    where.appendChild(el(doc, "span", undefined, `${cell.unit} ${cell.label}`));
    button.appendChild(where);
    button.appendChild(el(doc, "span", "problem__message", cell.change));
    item.appendChild(button);
    list.appendChild(item);
  });
  box.hidden = false;
  byId(doc, IMPORT_IDS.typedCancel).focus();
}

export function renderImportSummary(doc: Document, summary: ImportSummaryView | null): void {
  const box = byId(doc, IMPORT_IDS.summary);
  box.hidden = summary === null;
  if (!summary) return;
  const stats = byId(doc, IMPORT_IDS.stats);
  clear(stats);
  stats.appendChild(statItem(doc, VIEW_TEXT.rowsRead, String(summary.rowsRead)));
  stats.appendChild(statItem(doc, VIEW_TEXT.rowsCounted, String(summary.rowsCounted)));
  stats.appendChild(statItem(doc, VIEW_TEXT.rowsWithProblems, String(summary.rowsWithProblems), summary.rowsWithProblems > 0));
  stats.appendChild(statItem(doc, VIEW_TEXT.unitsFilled, String(summary.unitsFilled)));
  byId(doc, IMPORT_IDS.summaryText).textContent = VIEW_TEXT.importSummary(summary.source, summary.period, summary.text, summary.unitsWithOrders);
}

/**
 * One problem: a button selecting its cell when it has one, plain text otherwise. A ledger row shows
 * "第N行 列", a problem of the fill its level and cell.
 */
export function createLedgerProblemItem(doc: Document, problem: ImportProblemView, index: number): HTMLElement {
  const item = el(doc, "li");
  const body = problem.where ? el(doc, "button", `problem problem--${problem.severity}`) : el(doc, "div", `problem-item problem--${problem.severity}`);
  if (problem.where) {
    body.setAttribute("type", "button");
    body.setAttribute("data-index", String(index));
  }
  const where = el(doc, "span", "problem__where");
  if (problem.row !== undefined) {
    where.appendChild(el(doc, "span", "problem__level", VIEW_TEXT.ledgerRow(problem.row)));
    where.appendChild(el(doc, "span", undefined, problem.header ?? ""));
  } else {
    where.appendChild(el(doc, "span", "problem__level", VIEW_TEXT.level[problem.severity]));
    where.appendChild(el(doc, "span", undefined, problem.where ?? ""));
  }
  body.appendChild(where);
  body.appendChild(el(doc, "span", "problem__message", problem.message));
  item.appendChild(body);
  return item;
}

export function renderImportProblems(doc: Document, problems: readonly ImportProblemView[], note: string): void {
  byId(doc, IMPORT_IDS.problems).hidden = false;
  byId(doc, IMPORT_IDS.problemsNote).textContent = note;
  const list = byId(doc, IMPORT_IDS.problemList);
  clear(list);
  problems.forEach((problem, i) => list.appendChild(createLedgerProblemItem(doc, problem, i)));
}

/** The unit picker (grouped by 单位类别, the choice kept across imports) and 生成核查表. */
export function renderDrillDown(doc: Document, state: DrillDownView | null): void {
  const box = byId(doc, IMPORT_IDS.drillDown);
  box.hidden = state === null;
  if (!state) return;
  const select = byId<HTMLSelectElement>(doc, IMPORT_IDS.drillUnit);
  const kept = select.value;
  clear(select);
  select.appendChild(option(doc, "", VIEW_TEXT.chooseUnit));
  const groups = new Map<string, HTMLElement>();
  for (const unit of state.units) {
    let group = groups.get(unit.type);
    if (!group) {
      group = el(doc, "optgroup");
      group.setAttribute("label", unit.type);
      groups.set(unit.type, group);
      select.appendChild(group);
    }
    group.appendChild(option(doc, unit.name, unit.name));
  }
  if (kept && state.units.some((u) => u.name === kept)) select.value = kept;
  byId(doc, IMPORT_IDS.drillNote).textContent = VIEW_TEXT.drillNote(state.period);
  byId<HTMLButtonElement>(doc, IMPORT_IDS.drillButton).disabled = false;
}

/** The ImportView of the controller over this document (status shared with the rest of the pane). */
export function createImportView(doc: Document): ImportView {
  return {
    status: (text, kind) => renderStatus(doc, text, kind),
    busy: (busy) => renderImportBusy(doc, busy),
    progress: (progress) => renderImportProgress(doc, progress),
    defaultYear: (year) => renderDefaultYear(doc, year),
    periodError: (message) => renderPeriodError(doc, message),
    mapping: (form) => renderMapping(doc, form),
    mappingError: (message) => renderMappingError(doc, message),
    typedConfirm: (form) => renderTypedConfirm(doc, form),
    summary: (summary) => renderImportSummary(doc, summary),
    problems: (problems, note) => renderImportProblems(doc, problems, note),
    drillDown: (state) => renderDrillDown(doc, state),
  };
}
