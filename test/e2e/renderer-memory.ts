// Memory of the tab under test (issue 17: "the tab stays under 1 GB"): the resident memory of the Chromium
// renderer processes started by this test process (a dedicated worker is a thread of its page's renderer, so
// its memory is included). Read from /proc: other engineers' browsers on the machine are not descendants of
// this process and are not counted.
import * as fs from "fs";

interface Proc {
  readonly pid: number;
  readonly ppid: number;
}

const status = (pid: number): string => {
  try {
    return fs.readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return ""; // ended between listing and reading
  }
};

const kb = (text: string, field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "mu").exec(text)?.[1] ?? 0) * 1024;

function processes(): Proc[] {
  const out: Proc[] = [];
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/u.test(name)) continue;
    const ppid = Number(/^PPid:\s+(\d+)/mu.exec(status(Number(name)))?.[1] ?? -1);
    out.push({ pid: Number(name), ppid });
  }
  return out;
}

/** Renderer processes descending from this process. */
export function rendererPids(): number[] {
  const all = processes();
  const mine = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all) {
      if (mine.has(p.ppid) && !mine.has(p.pid)) {
        mine.add(p.pid);
        grew = true;
      }
    }
  }
  return [...mine].filter((pid) => {
    try {
      // Chromium rewrites its children's command line into one space-separated string.
      return /(^|[\s\0])--type=renderer([\s\0]|$)/u.test(fs.readFileSync(`/proc/${pid}/cmdline`, "utf8"));
    } catch {
      return false;
    }
  });
}

export interface MemoryPeak {
  /** Highest sum of the renderers' resident memory over the samples. */
  readonly sampled: number;
  /** Sum over the renderers of the kernel's high-water mark of resident memory (VmHWM): a bound between samples. */
  readonly highWater: number;
  readonly samples: number;
}

/** Samples the renderers' resident memory every `everyMs` until stopped. */
export function sampleRenderers(everyMs = 200): { stop(): MemoryPeak } {
  let sampled = 0;
  let samples = 0;
  const seen = new Map<number, number>();
  const sample = () => {
    let sum = 0;
    for (const pid of rendererPids()) {
      const s = status(pid);
      sum += kb(s, "VmRSS");
      seen.set(pid, Math.max(seen.get(pid) ?? 0, kb(s, "VmHWM")));
    }
    sampled = Math.max(sampled, sum);
    samples++;
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { sampled, highWater: [...seen.values()].reduce((a, b) => a + b, 0), samples };
    },
  };
}

export const GB = 1 << 30;
export const mb = (bytes: number): string => `${(bytes / (1 << 20)).toFixed(0)} MB`;
