/**
 * Lints code as if it were a file of the repository, with the project's ESLint configuration, in a child node:
 * ESLint loads eslint.config.mjs with a dynamic import, which Jest's module system refuses.
 */
import { execFileSync } from "child_process";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "../..");

const LINT = `
const { ESLint } = require("eslint");
const path = require("path");
(async () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [cases, rules] = JSON.parse(process.argv[1]);
  const out = [];
  for (const [file, code] of cases) {
    const [r] = await eslint.lintText(code, { filePath: path.join(process.cwd(), file) });
    out.push(r.messages.filter((m) => rules.includes(m.ruleId)).map((m) => m.ruleId));
  }
  process.stdout.write(JSON.stringify(out));
})();
`;

/** For each [file, code], the ids of the messages of `rules` ESLint reports on it. */
export function rulesReported(cases: readonly (readonly [string, string])[], rules: readonly string[]): string[][] {
  return JSON.parse(execFileSync(process.execPath, ["-e", LINT, JSON.stringify([cases, rules])], { cwd: ROOT, encoding: "utf8" }));
}
