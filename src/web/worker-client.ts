/**
 * Starts the page's worker: web/worker.js from the server; where the browser refuses a worker from a file
 * (a page opened from a shared folder, file://), the same worker from its inlined source (worker-source.js,
 * loaded as a script of the page, run as a blob: worker). Neither needs a connection (connect-src 'none').
 */
export const WORKER_FILE = "worker.js";
export const WORKER_SOURCE_FILE = "worker-source.js";
const SOURCE_GLOBAL = "__ankangWorkerSource";

function fromSourceScript(): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const existing = (globalThis as Record<string, unknown>)[SOURCE_GLOBAL];
    const start = (source: unknown) => {
      if (typeof source !== "string") return reject(new Error("no worker source"));
      try {
        resolve(new Worker(URL.createObjectURL(new Blob([source], { type: "text/javascript" }))));
      } catch (error) {
        reject(error);
      }
    };
    if (existing !== undefined) return start(existing);
    const script = document.createElement("script");
    script.src = WORKER_SOURCE_FILE;
    script.onload = () => start((globalThis as Record<string, unknown>)[SOURCE_GLOBAL]);
    script.onerror = () => reject(new Error("worker source not loaded"));
    document.head.appendChild(script);
  });
}

/** A started worker, or a rejection when the browser allows none here. */
export async function startWorker(): Promise<Worker> {
  if (location.protocol !== "file:") {
    try {
      return new Worker(WORKER_FILE);
    } catch {
      // fall through to the inlined worker
    }
  }
  return fromSourceScript();
}
