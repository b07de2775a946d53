/** Running a command for the benchmark: wall-clock seconds, peak memory of its whole process tree, exit code. */
import { spawn } from "node:child_process";
import { existsSync, openSync, closeSync, readFileSync, readdirSync, rmSync } from "node:fs";

export interface CommandRun {
  readonly seconds: number;
  /** Largest resident set of any process of the tree (MB), or null when it could not be measured. */
  readonly peakRssMB: number | null;
  readonly exitCode: number | null;
  /** How peak memory was measured. */
  readonly memorySource: "/usr/bin/time %M" | "/proc VmHWM polling" | null;
}

const GNU_TIME = "/usr/bin/time";

/**
 * Runs `command args` (stdout and stderr to `logFile`). Peak memory: GNU time's %M when present (the
 * kernel's maximum resident set over the command and every descendant it waited for), otherwise VmHWM of
 * each process of the tree polled from /proc every 50 ms.
 */
export async function runCommand(command: string, args: readonly string[], options: { cwd: string; logFile: string; env?: NodeJS.ProcessEnv }): Promise<CommandRun> {
  const useTime = existsSync(GNU_TIME);
  const timeFile = `${options.logFile}.time`;
  rmSync(timeFile, { force: true });
  const [file, argv] = useTime ? [GNU_TIME, ["-f", "%e %M", "-o", timeFile, command, ...args]] : [command, [...args]];
  const out = openSync(options.logFile, "w");
  const started = process.hrtime.bigint();
  const child = spawn(file, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", out, out] });
  let polledPeakKB = 0;
  const poller = useTime ? undefined : setInterval(() => (polledPeakKB = Math.max(polledPeakKB, treePeakKB(child.pid!))), 50);
  const exitCode = await new Promise<number | null>((done, fail) => {
    child.on("error", fail);
    child.on("exit", (code) => done(code));
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (poller) clearInterval(poller);
  closeSync(out);
  if (useTime) {
    const text = existsSync(timeFile) ? readFileSync(timeFile, "utf8").trim().split("\n").pop() ?? "" : "";
    const [, maxKB] = text.split(" ").map(Number);
    return { seconds, peakRssMB: Number.isFinite(maxKB) ? Math.round(maxKB / 1024) : null, exitCode, memorySource: "/usr/bin/time %M" };
  }
  return { seconds, peakRssMB: polledPeakKB > 0 ? Math.round(polledPeakKB / 1024) : null, exitCode, memorySource: polledPeakKB > 0 ? "/proc VmHWM polling" : null };
}

/** Largest VmHWM (KB) among `pid` and its descendants. */
function treePeakKB(pid: number): number {
  let peak = 0;
  const children = new Map<number, number[]>();
  let entries: string[] = [];
  try {
    entries = readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return 0;
  }
  const status = new Map<number, string>();
  for (const entry of entries) {
    try {
      const text = readFileSync(`/proc/${entry}/status`, "utf8");
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(text)?.[1]);
      status.set(Number(entry), text);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended meanwhile.
    }
  }
  const stack = [pid];
  while (stack.length > 0) {
    const p = stack.pop()!;
    const hwm = Number(/^VmHWM:\s+(\d+)/m.exec(status.get(p) ?? "")?.[1] ?? 0);
    peak = Math.max(peak, hwm);
    stack.push(...(children.get(p) ?? []));
  }
  return peak;
}
