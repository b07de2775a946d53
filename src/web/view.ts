/**
 * The page's rendering. Workbook text (unit names, messages quoting cells, file names) goes in only through
 * textContent, never parsed as HTML: a unit named <img src=x onerror=alert(1)> shows as those characters.
 */
import { clearDocuments, showDocuments, showDocumentsPending } from "./documents-view";
import { WEB_MSG } from "./messages";
import type { DoneMessage, MappingMessage, ProgressMessage, TypedMessage } from "./protocol";

export const byId = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`网页版: no #${id}`);
  return element as T;
};

function el(tag: string, text?: string, className?: string): HTMLElement {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

const clear = (e: HTMLElement) => {
  while (e.firstChild) e.removeChild(e.firstChild);
};

export function showMessage(lines: readonly string[]): void {
  const box = byId("message");
  clear(box);
  for (const line of lines) box.appendChild(el("p", line));
}

export function showProgress(p: ProgressMessage | null): void {
  byId("progress").hidden = p === null;
  if (!p) return;
  const bar = byId<HTMLProgressElement>("progress-bar");
  // Without a fraction the bar is indeterminate (its value attribute removed).
  if (p.fraction === undefined) bar.removeAttribute("value");
  else bar.value = p.fraction;
  byId("progress-text").textContent = WEB_MSG.progress(WEB_MSG.stage[p.stage], p.rows, p.fraction);
}

export function setBusy(busy: boolean): void {
  for (const id of ["workbook", "ledger", "period", "method", "run", "typed-consent"]) byId<HTMLInputElement>(id).disabled = busy;
  byId("cancel").hidden = !busy;
  for (const select of Array.from(byId("mapping-fields").querySelectorAll("select"))) select.disabled = busy;
}

function row(cells: readonly string[]): HTMLTableRowElement {
  const tr = document.createElement("tr");
  for (const text of cells) tr.appendChild(el("td", text));
  return tr;
}

let downloadUrl: string | undefined;

/** Hides the results and revokes the last download (a new run or new files make them stale). */
export function clearResults(): void {
  byId("results").hidden = true;
  const link = byId<HTMLAnchorElement>("download");
  link.hidden = true;
  link.removeAttribute("href");
  if (downloadUrl) URL.revokeObjectURL(downloadUrl);
  downloadUrl = undefined;
  clearDocuments();
}

export function showResults(done: DoneMessage): void {
  clearResults();
  byId("result-title").textContent = done.heading;
  byId("result-method").textContent = done.method;
  const lines = byId("ledger-lines");
  clear(lines);
  for (const line of done.ledgerLines) lines.appendChild(el("p", line));
  byId("ranking-heading").textContent = done.rankingHeading;
  const ranking = byId("ranking").querySelector("tbody") as HTMLElement;
  clear(ranking);
  for (const r of done.ranking) ranking.appendChild(row([r.rank, r.name, r.type, r.score, r.explanation]));
  byId("veto-heading").textContent = done.vetoHeading;
  byId("veto").hidden = done.veto.length === 0;
  const veto = byId("veto").querySelector("tbody") as HTMLElement;
  clear(veto);
  for (const v of done.veto) veto.appendChild(row([v.name, v.deduction, v.explanation]));
  byId("problems-heading").textContent = done.problemsHeading;
  const problems = byId("problems");
  clear(problems);
  for (const p of done.problems) problems.appendChild(el("li", `[${p.level}] ${p.where}　${p.message}`, p.severity));
  const notes = byId("notes");
  clear(notes);
  for (const n of done.notes) notes.appendChild(el("li", n));
  if (done.bytes) {
    const link = byId<HTMLAnchorElement>("download");
    downloadUrl = URL.createObjectURL(new Blob([done.bytes], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
    link.href = downloadUrl;
    link.download = done.fileName;
    link.hidden = false;
    if (done.documentsPending) showDocumentsPending();
    else showDocuments(done.documents);
  }
  byId("results").hidden = false;
  byId("results-heading").focus();
}

/** The mapping question: one select per missing column, the file's unrecognized headers as choices. */
export function showMapping(question: MappingMessage | null, chosen: Readonly<Record<string, string>>): void {
  const box = byId("mapping");
  box.hidden = question === null;
  byId("mapping-error").textContent = "";
  const fields = byId("mapping-fields");
  clear(fields);
  if (!question) return;
  byId("mapping-text").textContent = WEB_MSG.mappingAsk(question.message);
  question.missing.forEach((column, i) => {
    const id = `mapping-${i}`;
    const label = el("label", column) as HTMLLabelElement;
    label.htmlFor = id;
    const select = document.createElement("select");
    select.id = id;
    select.dataset.column = column;
    select.appendChild(option("", WEB_MSG.mappingChoose));
    for (const header of question.headers) {
      const o = option(header, header);
      o.selected = chosen[header] === column;
      select.appendChild(o);
    }
    fields.append(label, select);
  });
  (fields.querySelector("select") as HTMLSelectElement | null)?.focus();
}

function option(value: string, text: string): HTMLOptionElement {
  const o = document.createElement("option");
  o.value = value;
  o.textContent = text;
  return o;
}

/** header → column from the mapping selects, or the message saying what is wrong. */
export function readMapping(): { ok: true; map: Record<string, string> } | { ok: false; message: string } {
  const map: Record<string, string> = {};
  for (const select of Array.from(byId("mapping-fields").querySelectorAll("select"))) {
    const column = select.dataset.column as string;
    if (select.value === "") return { ok: false, message: WEB_MSG.mappingIncomplete(column) };
    if (map[select.value] !== undefined) return { ok: false, message: WEB_MSG.mappingDuplicate(select.value) };
    map[select.value] = column;
  }
  return { ok: true, map };
}

export function showMappingError(message: string): void {
  byId("mapping-error").textContent = message;
}

/** The consent question: the values an import would replace, each with its cell; unchecked until the user agrees. */
export function showTyped(question: TypedMessage | null): void {
  byId("typed").hidden = question === null;
  byId<HTMLInputElement>("typed-consent").checked = false;
  const list = byId("typed-list");
  clear(list);
  if (!question) return;
  const lines = question.lines;
  byId("typed-text").textContent = lines[0];
  for (const line of lines.slice(1, -1)) list.appendChild(el("li", line.trim()));
  byId("typed-advice").textContent = lines[lines.length - 1];
  byId<HTMLInputElement>("typed-consent").focus();
}

export const typedConsent = (): boolean => byId<HTMLInputElement>("typed-consent").checked;
