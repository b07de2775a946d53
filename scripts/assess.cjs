#!/usr/bin/env node
/*
 * Launcher of `npm run assess`. The command runs from one esbuild bundle of src/cli/run.ts (rebuilt here
 * whenever a source file or the lock file is newer than it), so each run loads a single file instead of
 * transpiling a hundred TypeScript modules: start-up is most of the time on a small or medium workbook. The
 * bundle is run through ./bundle-loader.cjs (build/assess.cjs), which keeps V8's code cache of it.
 * package.json starts it with --max-semi-space-size=16: reading a large ledger allocates many short-lived
 * strings, and a larger young generation spends less time in garbage collection (about 0.1 s per 200,000 rows).
 * exceljs stays outside the bundle (loaded from node_modules only when a blank template must be built), and
 * after each rebuild the built-in method's blank template is built into build/template-cache
 * (src/cli/template-cache.ts) and its file name written into the bundle, so a run neither loads nor runs
 * exceljs, nor computes the template's plan to find it.
 */
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
// build/assess.cjs is ./bundle-loader.cjs: it runs the bundle, build/assess-main.cjs, with V8's code cache.
const entry = path.join(root, "build", "assess.cjs");
const loader = path.join(__dirname, "bundle-loader.cjs");
const bundle = path.join(root, "build", "assess-main.cjs");
const prebuild = path.join(root, "build", "prebuild-template.cjs");

function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

function stale() {
  if (!fs.existsSync(bundle) || !fs.existsSync(entry) || fs.statSync(loader).mtimeMs > fs.statSync(entry).mtimeMs) return true;
  const built = fs.statSync(bundle).mtimeMs;
  return !fs.existsSync(prebuild) || newest(path.join(root, "src")) > built || fs.statSync(path.join(root, "package-lock.json")).mtimeMs > built;
}

/** Bundles one entry of src/cli into `outfile` (written aside and renamed: a run starting meanwhile never loads half a file). */
function build(entry, outfile, define = {}) {
  const result = require("esbuild").buildSync({
    entryPoints: [path.join(root, "src", "cli", entry)],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    logLevel: "error",
    write: false,
    // Needed only to build a blank template or a document: required from node_modules when they are.
    external: ["exceljs", "docx"],
    define,
  });
  const temporary = `${outfile}.${process.pid}.tmp`;
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  fs.writeFileSync(temporary, result.outputFiles[0].contents);
  fs.renameSync(temporary, outfile);
}

if (stale()) {
  build("prebuild-template.ts", prebuild);
  const template = require("child_process").execFileSync(process.execPath, [prebuild], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  build("run.ts", bundle, { "process.env.ANKANG_PREBUILT_TEMPLATE": JSON.stringify(path.basename(template.trim())) });
  const temporary = `${entry}.${process.pid}.tmp`;
  fs.copyFileSync(loader, temporary);
  fs.renameSync(temporary, entry);
}
require(entry);
