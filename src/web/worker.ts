/**
 * The page's worker: reads the files and runs the job off the page's thread, reporting progress (at most
 * every 100 ms). The page cancels by terminating it. Nothing here requests anything: the template is inlined.
 */
import { BLANK_TEMPLATE_BASE64 } from "./blank-template";
import { runJob } from "./job";
import { WEB_MSG } from "./messages";
import type { DoneMessage, ProgressMessage, RunRequest, WorkerMessage } from "./protocol";

interface WorkerScope {
  onmessage: ((event: MessageEvent<RunRequest>) => void) | null;
  postMessage(message: WorkerMessage | { type: "error"; message: string }, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

function template(): Uint8Array {
  const text = atob(BLANK_TEMPLATE_BASE64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

let last = 0;
function report(progress: ProgressMessage): void {
  const now = Date.now();
  if (progress.rows !== undefined && now - last < 100 && progress.fraction !== 1) return;
  last = now;
  scope.postMessage(progress);
}

/** The result's and the documents' bytes move to the page rather than being copied. */
function transfers(message: WorkerMessage): ArrayBuffer[] {
  if (message.type !== "done" && message.type !== "documents") return [];
  const docs = message.documents;
  const files = docs ? [...docs.bulletins, ...(docs.report ? [docs.report] : [])] : [];
  return [...(message.type === "done" && message.bytes ? [message.bytes] : []), ...files.map((f) => f.bytes)];
}

/** The result workbook goes to the page at once; the 通报 and 报告 follow (a DocumentsMessage). */
const offer = (done: DoneMessage) => scope.postMessage(done, transfers(done));

scope.onmessage = (event) => {
  runJob(event.data, template, report, offer).then(
    (message) => scope.postMessage(message, transfers(message)),
    (error: unknown) => scope.postMessage({ type: "error", message: WEB_MSG.internalError(error instanceof Error ? error.message : String(error)) }),
  );
};
