// Task pane entry point (bundled as taskpane.js and loaded by taskpane.html after functions.js).
// Minimal shell: add-in name, rule-set year, Office status, and the custom functions read from
// functions.json at run time. The full task pane is built on top of this later.

import { currentYear } from "../engine/rules";
import { ADDIN_NAME, loadFunctionSummaries } from "./metadata";
import { describeHost, renderFunctionList, renderFunctionListError, renderHeader, renderStatus } from "./view";

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

function start(): void {
  const fetchFn: FetchLike = (url) => fetch(url, { cache: "no-cache" });
  if (typeof Office === "undefined") {
    // office.js did not load (no access to its CDN, or opened outside Office): still show the shell.
    void initTaskpane(document, fetchFn, undefined);
    return;
  }
  void Office.onReady((info) => initTaskpane(document, fetchFn, info));
}

if (typeof document !== "undefined") start();
