/**
 * The blank template as a file built once. Its key is the SHA-256 of what defines its content: the plan
 * src/workbook/template.ts writes into an empty workbook (so a sheet or a 参数 row added there, or a --method
 * file's method, gives another key) and the builder (the exceljs adapter's sources and exceljs's version).
 * A missing file is built with exceljs (loaded only then) and kept in build/template-cache/ beside the
 * bundle (the system's temporary folder where the command runs outside the repository). The
 * launcher (scripts/assess.cjs) builds the built-in method's template whenever it rebuilds the bundle, so a
 * run never builds one; a --method file's template is built on its first use. Every run then opens the file
 * through the package adapter, which never writes to it.
 */
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, rename, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { RuleSet } from "../engine";
import { blankTemplatePlan } from "../workbook/blank-template";

/** The folder holding package.json above `from` (the repository: build/ for the bundle, src/cli for tsx and Jest). */
function projectRoot(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

const ROOT = projectRoot(__dirname);

/** What the builder is made of: the exceljs adapter's sources and exceljs's version (empty where not installed). */
function builderFingerprint(): string {
  if (!ROOT) return "";
  const hash = createHash("sha256");
  const adapter = join(ROOT, "src", "workbook", "adapters", "exceljs");
  if (existsSync(adapter)) for (const name of readdirSync(adapter).sort()) hash.update(name).update(readFileSync(join(adapter, name)));
  const exceljs = join(ROOT, "node_modules", "exceljs", "package.json");
  if (existsSync(exceljs)) hash.update(String((JSON.parse(readFileSync(exceljs, "utf8")) as { version?: string }).version));
  return hash.digest("hex");
}

function cacheDir(): string {
  return ROOT ? join(ROOT, "build", "template-cache") : join(tmpdir(), "ankang-assessment-template-cache");
}

/**
 * The built-in method's template file the launcher built with this bundle: its name is written into the
 * bundle (esbuild `define`), so a run of the bundle need not compute the template's plan to find it. Unset
 * under tsx and Jest, which compute the key every time.
 */
const PREBUILT = process.env.ANKANG_PREBUILT_TEMPLATE;

/**
 * The path of the blank template of `rules` (default: the built-in method of 考核年度) with 办法名称
 * `methodName`, built first if no file of that content exists yet. Never written to once built.
 */
export async function blankTemplateFile(rules?: RuleSet, methodName?: string): Promise<string> {
  const prebuilt = PREBUILT && rules === undefined && methodName === undefined ? join(cacheDir(), PREBUILT) : undefined;
  if (prebuilt && existsSync(prebuilt)) return prebuilt;
  const plan = await blankTemplatePlan(rules, methodName);
  const key = createHash("sha256").update(JSON.stringify(plan)).update(builderFingerprint()).digest("hex").slice(0, 40);
  const dir = cacheDir();
  const path = join(dir, `template-${key}.xlsx`);
  if (existsSync(path)) return path;
  const { buildWorkbook } = await import("../workbook/adapters/exceljs/build");
  const bytes = await buildWorkbook(plan);
  await mkdir(dir, { recursive: true });
  // Written aside and renamed: two runs building the same template at once each leave a whole file.
  const temporary = `${path}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  return path;
}
