#!/usr/bin/env node
/*
 * Launcher of `npm run assess`. The command runs from one esbuild bundle of src/cli/run.ts (rebuilt here
 * whenever a source file or the lock file is newer than it), so each run loads a single file instead of
 * transpiling a hundred TypeScript modules: start-up is most of the time on a small or medium workbook.
 * package.json starts it with --max-semi-space-size=16: reading a large ledger allocates many short-lived
 * strings, and a larger young generation spends less time in garbage collection (about 0.1 s per 200,000 rows).
 */
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const bundle = path.join(root, "build", "assess.cjs");

function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

function stale() {
  if (!fs.existsSync(bundle)) return true;
  const built = fs.statSync(bundle).mtimeMs;
  return newest(path.join(root, "src")) > built || fs.statSync(path.join(root, "package-lock.json")).mtimeMs > built;
}

if (stale()) {
  const result = require("esbuild").buildSync({
    entryPoints: [path.join(root, "src", "cli", "run.ts")],
    outfile: bundle,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    logLevel: "error",
    write: false,
  });
  // Written aside and renamed, so a second run starting meanwhile never loads a half-written bundle.
  const temporary = `${bundle}.${process.pid}.tmp`;
  fs.mkdirSync(path.dirname(bundle), { recursive: true });
  fs.writeFileSync(temporary, result.outputFiles[0].contents);
  fs.renameSync(temporary, bundle);
}
require(bundle);
