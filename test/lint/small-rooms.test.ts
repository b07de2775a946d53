/*
 * Small rooms (issue 16): ESLint refuses a src file over 400 lines and a function over 80, blank lines and comments
 * included (eslint.config.mjs). Checked here on code that breaks each limit by one line and code that keeps it.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { ROOT, rulesReported } from "./lint-child";


/** A function of `lines` lines in all (its header and closing brace included), with blank lines and comments. */
function fn(lines: number): string {
  const body = Array.from({ length: lines - 2 }, (_, i) => (i % 3 === 0 ? "" : i % 3 === 1 ? "  // a comment" : `  void ${i};`));
  return ["export function f(): void {", ...body, "}"].join("\n");
}

/** A file of `lines` lines of small statements (a final newline added). */
function file(lines: number): string {
  return Array.from({ length: lines }, (_, i) => (i % 2 === 0 ? `export const v${i} = ${i};` : "")).join("\n") + "\n";
}

jest.setTimeout(120_000);

test("ESLint refuses a function over 80 lines and a file over 400, counting blank lines and comments", () => {
  const cases: [string, string][] = [
    ["src/workbook/x.ts", fn(81)], ["src/workbook/x.ts", fn(80)],
    ["src/ledger/x.ts", file(401)], ["src/ledger/x.ts", file(400)],
  ];
  const found = rulesReported(cases, ["max-lines", "max-lines-per-function"]);
  expect(found).toEqual([["max-lines-per-function"], [], ["max-lines"], []]);
});

// The limits hold for every file of src/: no override turns them off or raises them for a file.
const LIMITS = `
const { ESLint } = require("eslint");
(async () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const out = {};
  for (const file of JSON.parse(process.argv[1])) {
    const rules = (await eslint.calculateConfigForFile(file)).rules;
    out[file] = [rules["max-lines"], rules["max-lines-per-function"]];
  }
  process.stdout.write(JSON.stringify(out));
})();
`;

test("every src file has both limits in force", () => {
  const files = fs.readdirSync(path.join(ROOT, "src"), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts")).map((f) => path.join("src", f));
  expect(files.length).toBeGreaterThan(100);
  const limits: Record<string, unknown> = JSON.parse(execFileSync(process.execPath, ["-e", LIMITS, JSON.stringify(files)],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }));
  const expected = [[2, { max: 400, skipBlankLines: false, skipComments: false }], [2, { max: 80, skipBlankLines: false, skipComments: false }]];
  const off = Object.entries(limits).filter(([, rules]) => JSON.stringify(rules) !== JSON.stringify(expected)).map(([file]) => file);
  expect(off).toEqual([]);
});
