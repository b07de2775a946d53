/*
 * The layering of src/ is enforced by ESLint's no-restricted-imports (eslint.config.mjs): the engine imports
 * nothing outside itself and uses no Office, Excel or DOM; the functions call only the engine; the ledger knows
 * the engine only; the workbook layer never imports its callers; the task pane and the CLI stay apart; src/text
 * (text widths, shared by the workbook layer and the CLI) imports nothing outside itself. Each rule
 * is checked here on a line that breaks it (and one that keeps it), so the configuration cannot silently lapse.
 */
import { execFileSync } from "child_process";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");

// ESLint loads eslint.config.mjs with a dynamic import, which Jest's module system refuses: lint in a child node.
const LINT = `
const { ESLint } = require("eslint");
const path = require("path");
(async () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const out = [];
  for (const [file, code] of JSON.parse(process.argv[1])) {
    const [r] = await eslint.lintText(code + "\\nexport {};\\n", { filePath: path.join(process.cwd(), file) });
    out.push(r.messages.filter((m) => m.ruleId === "no-restricted-imports" || m.ruleId === "no-restricted-globals").map((m) => m.ruleId));
  }
  process.stdout.write(JSON.stringify(out));
})();
`;

function lintAll(cases: readonly (readonly [string, string])[]): string[][] {
  return JSON.parse(execFileSync(process.execPath, ["-e", LINT, JSON.stringify(cases)], { cwd: ROOT, encoding: "utf8" }));
}

jest.setTimeout(120_000);

const REFUSED: readonly (readonly [string, string])[] = [
    ["src/engine/x.ts", 'import { SHEET } from "../workbook/contract";'],
    ["src/engine/x.ts", 'import * as fs from "node:fs";'],
    ["src/engine/x.ts", 'import ExcelJS from "exceljs";'],
    ["src/engine/rules/x.ts", 'import { LedgerData } from "../../ledger";'],
    ["src/engine/hotline.ts", "export const host = Office.context;"],
    ["src/engine/rules/x.ts", "export const doc = document.title;"],
    ["src/functions/x.ts", 'import { computeAll } from "../workbook/compute";'],
    ["src/ledger/x.ts", 'import { SHEET } from "../workbook/contract";'],
    ["src/workbook/x.ts", 'import { main } from "../cli/assess";'],
    ["src/workbook/ledger/x.ts", 'import { TEXT } from "../../taskpane/view";'],
    ["src/taskpane/x.ts", 'import { main } from "../cli/assess";'],
    ["src/taskpane/x.ts", 'import * as fs from "node:fs";'],
    ["src/taskpane/x.ts", 'import { hotlineScore } from "../functions/functions";'],
    ["src/taskpane/x.ts", 'import { HOST_MSG } from "../functions/messages";'],
    ["src/functions/x.ts", 'import { OfficeWorkbookPort } from "../workbook/office-adapter";'],
    ["src/functions/x.ts", 'import { readMethod } from "../workbook/method";'],
    ["src/cli/x.ts", 'import { Controller } from "../taskpane/controller";'],
    ["src/text/x.ts", 'import { SHEET } from "../workbook/contract";'],
    ["src/text/x.ts", 'import { MSG } from "../engine/messages";'],
    ["src/text/x.ts", 'import * as fs from "node:fs";'],
    ["src/text/x.ts", "export const w = window.innerWidth;"],
    ["src/job/x.ts", 'import { main } from "../cli/assess";'],
    ["src/job/x.ts", 'import * as fs from "node:fs";'],
    ["src/job/x.ts", 'import { openWorkbookFile } from "../workbook/package-file";'],
    ["src/job/x.ts", "export const d = document.title;"],
    ["src/web/x.ts", 'import { main } from "../cli/assess";'],
    ["src/web/x.ts", 'import { readMethodFile } from "../cli/method";'],
    ["src/web/x.ts", 'import * as fs from "node:fs/promises";'],
    ["src/web/x.ts", 'import { readLedgerFile } from "../ledger/node";'],
    ["src/web/x.ts", 'import { writeXlsx } from "../workbook/exceljs-adapter";'],
    ["src/web/x.ts", 'import { Controller } from "../taskpane/controller";'],
];
const ALLOWED: readonly (readonly [string, string])[] = [
    ["src/job/x.ts", 'import { computeAll } from "../workbook";'],
    ["src/web/x.ts", 'import { computeStep } from "../job";'],
    ["src/web/x.ts", 'import { CLI_MSG } from "../cli/messages";'],
    ["src/web/x.ts", 'import { rankingRow } from "../cli/report";'],
    ["src/engine/x.ts", 'import { MSG } from "./messages";'],
    ["src/engine/rules/x.ts", 'import type { UnitType } from "../types";'],
    ["src/functions/x.ts", 'import { ruleSet } from "../engine";'],
    ["src/ledger/x.ts", 'import { REGISTRY_2021 } from "../engine/registry";'],
    ["src/workbook/ledger/x.ts", 'import { aggregateLedger } from "../../ledger";'],
    ["src/taskpane/x.ts", 'import { computeAll } from "../workbook/compute";'],
    ["src/taskpane/x.ts", 'import { methodSource } from "../functions/method-source";'],
    ["src/cli/x.ts", 'import * as fs from "node:fs";'],
    ["src/cli/x.ts", 'import { padToWidth } from "../text/width";'],
    ["src/workbook/x.ts", 'import { fitWidth } from "../text/width";'],
    ["src/workbook/ledger/x.ts", 'import { fitWidth } from "../../text/width";'],
    ["src/text/x.ts", 'import { textWidth } from "./width";'],
];

describe("src/ layering (ESLint no-restricted-imports)", () => {
  let refused: string[][] = [];
  let allowed: string[][] = [];
  beforeAll(() => {
    const results = lintAll([...REFUSED, ...ALLOWED]);
    refused = results.slice(0, REFUSED.length);
    allowed = results.slice(REFUSED.length);
  });
  test.each(REFUSED.map(([file, code], i) => [file, code, i]))("refused: %s %s", (_file, _code, i) => {
    expect(refused[i as number]).not.toEqual([]);
  });
  test.each(ALLOWED.map(([file, code], i) => [file, code, i]))("allowed: %s %s", (_file, _code, i) => {
    expect(allowed[i as number]).toEqual([]);
  });
});
