// The pane's shell over the DOM: the header (add-in name, rule-set year), the status line shared by every
// part of the pane, and the list of custom functions. Each helper takes the document it works on, so tests
// can pass a fake document; none touches Office or the network.

import { SHELL_TEXT } from "../messages";
import { byId } from "./dom";
import type { StatusKind } from "./lock";
import type { FunctionSummary } from "./metadata";

/** Element ids used by taskpane.html. */
export const IDS = {
  name: "addin-name",
  year: "rule-year",
  status: "office-status",
  functions: "function-list",
  functionsMessage: "function-list-message",
} as const;

/** Sets the text of the element with this id (textContent: never parsed as HTML). */
export function setText(doc: Document, id: string, text: string): void {
  byId(doc, id).textContent = text;
}

/** Shows the add-in name and the rule-set year in the header. */
export function renderHeader(doc: Document, addinName: string, year: number): void {
  setText(doc, IDS.name, addinName);
  setText(doc, IDS.year, SHELL_TEXT.ruleYear(year));
}

/** Shows a status line, styled by kind (status--info / status--ok / status--error). */
export function renderStatus(doc: Document, text: string, kind: StatusKind = "info"): void {
  const element = byId(doc, IDS.status);
  element.textContent = text;
  element.className = `status status--${kind}`;
}

/** Describes the Office host the pane runs in, for the status line. */
export function describeHost(info: { host: unknown; platform: unknown } | undefined): { text: string; kind: StatusKind } {
  if (!info) return { text: SHELL_TEXT.noOffice, kind: "error" };
  if (info.host === null || info.host === undefined) return { text: SHELL_TEXT.notInOffice, kind: "info" };
  const platform = info.platform === null || info.platform === undefined ? undefined : String(info.platform);
  return { text: SHELL_TEXT.connected(String(info.host), platform), kind: "ok" };
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
  setText(doc, IDS.functionsMessage, functions.length === 0 ? SHELL_TEXT.noFunctions : SHELL_TEXT.functionCount(functions.length));
}

/** Shows why the function list could not be loaded. */
export function renderFunctionListError(doc: Document, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  setText(doc, IDS.functionsMessage, SHELL_TEXT.functionsFailed(message));
}
