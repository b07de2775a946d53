/**
 * The command's fixed cost (issue 16 item 6): the built CLI (build/assess.cjs, as scripts/assess.cjs leaves
 * it) started with node directly on a small ledger, against `node -e 0` on the same machine in the same
 * run; the two alternate and the best of each counts (the machine is shared).
 */
import { join } from "node:path";
import { runCommand } from "./run";

export interface FixedCost {
  readonly command: string;
  readonly seconds: number;
  readonly runs: readonly number[];
  readonly baseline: { readonly command: string; readonly seconds: number; readonly runs: readonly number[] };
  /** seconds ÷ baseline seconds. */
  readonly timesNodeStart: number;
}

/** `node build/assess.cjs ARGS`: the bundle run directly, without npm or the launcher's staleness check. */
export function directArgs(root: string, args: readonly string[]): string[] {
  return [join(root, "build", "assess.cjs"), ...args];
}

export async function measureFixedCost(root: string, args: readonly string[], work: string, runs: number): Promise<FixedCost> {
  const ours: number[] = [];
  const node: number[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await runCommand(process.execPath, directArgs(root, args), { cwd: root, logFile: join(work, "fixed-cost.log") });
    if (run.exitCode !== 0) throw new Error(`node build/assess.cjs ${args.join(" ")} failed (exit ${run.exitCode}); see ${join(work, "fixed-cost.log")}`);
    ours.push(run.seconds);
    node.push((await runCommand(process.execPath, ["-e", "0"], { cwd: root, logFile: join(work, "node-start.log") })).seconds);
  }
  const best = (xs: readonly number[]) => Math.min(...xs);
  const round = (x: number) => +x.toFixed(3);
  return {
    command: `node build/assess.cjs ${args.join(" ")}`,
    seconds: round(best(ours)),
    runs: ours.map(round),
    baseline: { command: "node -e 0", seconds: round(best(node)), runs: node.map(round) },
    timesNodeStart: +(best(ours) / best(node)).toFixed(1),
  };
}
