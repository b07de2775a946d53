/**
 * The page 网页版: the whole job of `npm run assess` in a browser (issue 17). The files stay on this computer:
 * the worker (worker.ts) reads them and runs the same pipeline as the command line; this thread only wires
 * the controls, shows progress, results and problems, and offers the result as a download.
 */
import { WEB_MSG } from "./messages";
import type { TypedValue } from "../workbook/ledger";
import type { MappingMessage, RunRequest, WorkerMessage } from "./protocol";
import {
  byId, clearResults, readMapping, setBusy, showMapping, showMappingError, showMessage, showProgress, showResults, showTyped, typedConsent,
} from "./view";
import { abandonDocuments, showDocuments, wireDocuments } from "./documents-view";
import { startWorker } from "./worker-client";

interface State {
  worker?: Worker;
  /** A run is under way (the controls are disabled); the worker may outlive it, writing the documents. */
  busy: boolean;
  /** Counts runs ended (finished, cancelled, replaced): a worker that starts after its run ended is stopped. */
  runs: number;
  /** The open mapping question (unknown ledger headers) and the answers given so far. */
  question: MappingMessage | null;
  map: Record<string, string>;
  /** Typed 热线数据 values the last run would have replaced (asked for consent). */
  typed: readonly TypedValue[] | null;
}

const state: State = { busy: false, runs: 0, question: null, map: {}, typed: null };

const picked = (id: string): File | undefined => byId<HTMLInputElement>(id).files?.[0] ?? undefined;

/** The run is over: the controls come back; the worker is kept only while it writes the documents. */
function settle(keepWorker = false): void {
  if (!keepWorker) {
    state.worker?.terminate();
    state.worker = undefined;
    state.runs++;
  }
  state.busy = false;
  setBusy(false);
  showProgress(null);
}

const finish = () => settle(false);

function onWorkerMessage(message: WorkerMessage | { type: "error"; message: string }): void {
  switch (message.type) {
    case "progress":
      showProgress(message);
      return;
    case "needsMapping":
      finish();
      abandonDocuments();
      state.question = message;
      showMessage([]);
      showMapping(message, state.map);
      return;
    case "typedValues":
      finish();
      abandonDocuments();
      state.typed = message.typed;
      showMessage([]);
      showTyped(message);
      return;
    case "refused":
      finish();
      abandonDocuments();
      showMessage(message.lines);
      return;
    case "error":
      finish();
      abandonDocuments();
      showMessage([message.message]);
      return;
    case "documents":
      finish();
      showDocuments(message.documents);
      return;
    case "done":
      settle(message.documentsPending === true);
      state.question = null;
      state.typed = null;
      showMapping(null, state.map);
      showTyped(null);
      showMessage([]);
      showResults(message);
  }
}

async function run(): Promise<void> {
  if (state.question) {
    const answers = readMapping();
    if (!answers.ok) {
      showMappingError(answers.message);
      return;
    }
    state.map = { ...state.map, ...answers.map };
  }
  finish(); // a worker still writing the last run's documents
  clearResults();
  showMessage([]);
  const request: RunRequest = {
    type: "run", workbook: picked("workbook"), ledger: picked("ledger"), method: picked("method"),
    period: byId<HTMLInputElement>("period").value, map: state.map,
    ...(state.typed && typedConsent() ? { replaceTyped: state.typed } : {}),
  };
  state.busy = true;
  setBusy(true);
  showProgress({ type: "progress", stage: request.method ? "method" : "workbook" });
  const run = state.runs;
  let worker: Worker;
  try {
    worker = await startWorker();
  } catch {
    if (run !== state.runs) return;
    finish();
    showMessage([WEB_MSG.workerFailed]);
    return;
  }
  // Cancelled (or replaced) while the worker was starting (from file://, its source is loaded first).
  if (run !== state.runs) {
    worker.terminate();
    return;
  }
  state.worker = worker;
  worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
    if (state.worker === worker) onWorkerMessage(event.data);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    if (state.worker === worker) onWorkerMessage({ type: "error", message: WEB_MSG.internalError(event.message || WEB_MSG.workerFailed) });
  };
  worker.postMessage(request);
}

function cancel(): void {
  if (!state.busy) return;
  finish();
  showMessage([WEB_MSG.cancelled]);
  byId("run").focus();
}

/** New files make the last results, the consent and the mapping question stale. */
function inputsChanged(ledgerChanged: boolean): void {
  if (!state.busy) finish(); // the last run's documents are stale too
  clearResults();
  showMessage([]);
  state.typed = null;
  showTyped(null);
  if (ledgerChanged) {
    state.question = null;
    state.map = {};
    showMapping(null, state.map);
  }
}

function wire(): void {
  wireDocuments();
  byId("run").addEventListener("click", () => void run());
  byId("cancel").addEventListener("click", cancel);
  byId("workbook").addEventListener("change", () => inputsChanged(false));
  byId("method").addEventListener("change", () => inputsChanged(false));
  byId("ledger").addEventListener("change", () => inputsChanged(true));
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && state.busy) cancel();
  });
}

wire();
