/*
 * build/assess.cjs: copied there by the launcher (scripts/assess.cjs) beside the bundle it loads,
 * build/assess-main.cjs. It runs the bundle with V8's code cache, as Node 22's module.enableCompileCache() does
 * (Node 20 has none): the first run of a bundle compiles it and, at exit, writes what V8 compiled (the
 * functions that run used, not only the top level; not after a run too short to have used much) to
 * build/code-cache/; later runs start from that instead of parsing and compiling 0.7 MB again (about 0.05 s
 * of CPU of a short run). A cache is keyed by the bundle's
 * size and time (each build renames a new file into place) and by node's version and flags (V8 refuses a
 * cache made under other flags); one V8 refuses anyway is written again. Any failure to read or write a
 * cache only costs the compilation.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const Module = require("module");

const bundle = path.join(__dirname, "assess-main.cjs");
const cacheDir = path.join(__dirname, "code-cache");

/** FNV-1a of a short text (no crypto module to load for it). */
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16);
}

const source = fs.readFileSync(bundle, "utf8");
const { size, mtimeMs } = fs.statSync(bundle);
const bundleKey = `assess-main-${size}-${Math.round(mtimeMs)}`;
const cacheFile = path.join(cacheDir, `${bundleKey}-${hash(`${process.version} ${process.arch} ${process.execArgv.join(" ")}`)}.bin`);

let cached;
try {
  cached = fs.readFileSync(cacheFile);
} catch {
  cached = undefined;
}
const script = new vm.Script(Module.wrap(source), {
  filename: bundle,
  cachedData: cached,
  // import() inside the bundle resolves as it would in a file node loaded (Node ≥ 20.12; esbuild leaves none today).
  ...(vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER ? { importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER } : {}),
});

/** CPU a run must have used for its cache to be written: a --help or a refused command compiles little of the bundle. */
const WORTH_KEEPING_MICROSECONDS = 200_000;

if (cached === undefined || script.cachedDataRejected) {
  process.once("exit", () => {
    if (process.cpuUsage().user < WORTH_KEEPING_MICROSECONDS) return;
    try {
      fs.mkdirSync(cacheDir, { recursive: true });
      // Caches of earlier builds go; written aside and renamed, so a run starting meanwhile never reads half a file.
      for (const name of fs.readdirSync(cacheDir)) if (!name.startsWith(bundleKey)) fs.rmSync(path.join(cacheDir, name), { force: true });
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, script.createCachedData());
      fs.renameSync(temporary, cacheFile);
    } catch {
      // A folder that cannot be written: the next run compiles again.
    }
  });
}

const main = new Module(bundle, module);
main.filename = bundle;
main.paths = Module._nodeModulePaths(__dirname);
script.runInThisContext().call(main.exports, main.exports, Module.createRequire(bundle), main, bundle, __dirname);
