/** The page's 月度通报 and 报告 downloads: a month selector over the 通报 the worker made, and the 报告. */
import { WEB_MSG } from "./messages";
import type { DocumentFile, DocumentsOffer } from "./protocol";
// view.ts shows these downloads with the results; byId is only called at run time, so the cycle is harmless.
import { byId } from "./view";


let urls: string[] = [];
let offer: DocumentsOffer | undefined;

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

function link(id: string, file: DocumentFile | undefined, url: string | undefined): void {
  const a = byId<HTMLAnchorElement>(id);
  a.hidden = !file || !url;
  if (!file || !url) {
    a.removeAttribute("href");
    return;
  }
  a.href = url;
  a.download = file.fileName;
}

/** Hides the downloads and revokes their URLs. */
export function clearDocuments(): void {
  byId("documents").hidden = true;
  byId("documents").setAttribute("aria-busy", "false");
  byId("documents-status").textContent = "";
  for (const url of urls) URL.revokeObjectURL(url);
  urls = [];
  offer = undefined;
  link("download-bulletin", undefined, undefined);
  link("download-report", undefined, undefined);
}

function bulletinNote(file: DocumentFile | undefined): string {
  if (!offer) return "";
  if (!file) return offer.monthsNote ?? "";
  return `${file.fileName}${file.draft ? WEB_MSG.draftMark : ""}`;
}

/** Points the 通报 download at the selected month. */
function selectMonth(): void {
  if (!offer) return;
  const index = byId<HTMLSelectElement>("bulletin-month").selectedIndex;
  const file = offer.bulletins[index];
  link("download-bulletin", file, urls[index]);
  byId("bulletin-note").textContent = bulletinNote(file);
}

/** The worker failed after offering the result: no 通报 or 报告 will follow. */
export function abandonDocuments(): void {
  if (byId("documents").getAttribute("aria-busy") === "true") clearDocuments();
}

/** The result is offered; the 通报 and 报告 are still being written (the worker sends them next). */
export function showDocumentsPending(): void {
  clearDocuments();
  // Said in a status line that stays on the page (a live region inside a section still hidden is not read out).
  byId("documents-status").textContent = WEB_MSG.documentsPending;
  byId("documents").setAttribute("aria-busy", "true");
}

export function showDocuments(documents: DocumentsOffer | undefined): void {
  clearDocuments();
  if (!documents) return;
  offer = documents;
  const files = [...documents.bulletins, ...(documents.report ? [documents.report] : [])];
  urls = files.map((f) => URL.createObjectURL(new Blob([f.bytes], { type: DOCX })));
  const select = byId<HTMLSelectElement>("bulletin-month");
  while (select.firstChild) select.removeChild(select.firstChild);
  for (const file of documents.bulletins) {
    const o = document.createElement("option");
    o.textContent = file.label;
    select.appendChild(o);
  }
  // The latest month first selected: the 通报 of the month just closed.
  select.selectedIndex = documents.bulletins.length - 1;
  byId("bulletin-field").hidden = documents.bulletins.length === 0;
  selectMonth();
  const report = documents.report;
  link("download-report", report, report ? urls[urls.length - 1] : undefined);
  const list = byId("document-problems");
  while (list.firstChild) list.removeChild(list.firstChild);
  const lines = [...(report?.draft ? [`${report.fileName}${WEB_MSG.draftMark}`] : []), ...documents.problems, ...(documents.draftNote ? [documents.draftNote] : [])];
  for (const line of lines) {
    const li = document.createElement("li");
    li.textContent = line;
    list.appendChild(li);
  }
  byId("documents").hidden = false;
  byId("documents-status").textContent = files.length > 0 ? WEB_MSG.documentsReady : "";
}

export function wireDocuments(): void {
  byId("bulletin-month").addEventListener("change", selectMonth);
}
