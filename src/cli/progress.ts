/** The progress bar of `npm run assess -- --ledger` on a terminal (stderr); nothing when stderr is not a TTY. */
import type { ImportProgress } from "../ledger";
import { LEDGER_CLI_MSG } from "./messages";

export interface ProgressSink {
  update(progress: ImportProgress): void;
  /** Clears the bar. */
  done(): void;
}

const WIDTH = 30;

/** A bar redrawn in place at most every `intervalMs` (carriage return, no newline). */
export function terminalProgress(write: (text: string) => void, intervalMs = 100, clock: () => number = Date.now): ProgressSink {
  let last = -Infinity;
  let drawn = false;
  return {
    update({ rowsRead, fraction }) {
      const now = clock();
      if (now - last < intervalMs && fraction !== 1) return;
      last = now;
      const f = fraction === undefined ? undefined : Math.max(0, Math.min(1, fraction));
      const filled = f === undefined ? 0 : Math.round(f * WIDTH);
      const bar = f === undefined ? "" : `[${"█".repeat(filled)}${"░".repeat(WIDTH - filled)}] `;
      write(`\r${bar}${LEDGER_CLI_MSG.progress(rowsRead, f)}\x1b[K`);
      drawn = true;
    },
    done() {
      if (drawn) write("\r\x1b[K");
      drawn = false;
    },
  };
}
