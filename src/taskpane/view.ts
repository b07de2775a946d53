// Small DOM helpers for the task pane. Each takes the document (or element) it works on, so tests can
// pass a fake document; none touches Office or the network.

import type { FunctionSummary } from "./metadata";

/** Element ids used by taskpane.html. */
export const IDS = {
  name: "addin-name",
  year: "rule-year",
  status: "office-status",
  functions: "function-list",
  functionsMessage: "function-list-message",
} as const;

export type StatusKind = "info" | "ok" | "error";

function byId(doc: Document, id: string): HTMLElement {
  const element = doc.getElementById(id);
  if (!element) throw new Error(`task pane: missing element #${id}`);
  return element;
}

/** Sets the text of the element with this id (textContent: never parsed as HTML). */
export function setText(doc: Document, id: string, text: string): void {
  byId(doc, id).textContent = text;
}

/** Shows the add-in name and the rule-set year in the header. */
export function renderHeader(doc: Document, addinName: string, year: number): void {
  setText(doc, IDS.name, addinName);
  setText(doc, IDS.year, `规则年度：${year}年`);
}

/** Shows a status line, styled by kind (status--info / status--ok / status--error). */
export function renderStatus(doc: Document, text: string, kind: StatusKind = "info"): void {
  const element = byId(doc, IDS.status);
  element.textContent = text;
  element.className = `status status--${kind}`;
}

/** Describes the Office host the pane runs in, for the status line. */
export function describeHost(info: { host: unknown; platform: unknown } | undefined): { text: string; kind: StatusKind } {
  if (!info) return { text: "未加载 Office.js：请在 Excel 中打开此加载项。", kind: "error" };
  if (info.host === null || info.host === undefined) {
    return { text: "未在 Office 中运行：函数只在 Excel 中可用。", kind: "info" };
  }
  const platform = info.platform === null || info.platform === undefined ? "" : `（${String(info.platform)}）`;
  return { text: `已连接 ${String(info.host)}${platform}`, kind: "ok" };
}

/** Builds the list item for one function: signature in a <code>, description below. */
export function createFunctionItem(doc: Document, fn: FunctionSummary): HTMLElement {
  const item = doc.createElement("li");
  item.className = "function";
  const signature = doc.createElement("code");
  signature.className = "function__signature";
  signature.textContent = `=${fn.signature}`;
  item.appendChild(signature);
  if (fn.description) {
    const description = doc.createElement("p");
    description.className = "function__description";
    description.textContent = fn.description;
    item.appendChild(description);
  }
  return item;
}

/** Replaces the function list with these functions (or a message when there are none). */
export function renderFunctionList(doc: Document, functions: readonly FunctionSummary[]): void {
  const list = byId(doc, IDS.functions);
  while (list.firstChild) list.removeChild(list.firstChild);
  for (const fn of functions) list.appendChild(createFunctionItem(doc, fn));
  setText(doc, IDS.functionsMessage, functions.length === 0 ? "没有可用的函数。" : `共 ${functions.length} 个函数`);
}

/** Shows why the function list could not be loaded. */
export function renderFunctionListError(doc: Document, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  setText(doc, IDS.functionsMessage, `函数列表加载失败：${message}`);
}
