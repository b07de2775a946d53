/*
 * The layering of src/ is enforced by ESLint's no-restricted-imports (eslint.config.mjs): the engine imports
 * nothing outside itself and uses no Office, Excel or DOM; the functions call only the engine; the ledger knows
 * the engine only; the workbook layer never imports its callers; the task pane and the CLI stay apart; src/text
 * (text widths, shared by the workbook layer and the CLI) imports nothing outside itself; src/documents (the 通报 and
 * 报告 builders) imports only the engine and src/text, and its docx/ writer only the `docx` package besides; only the adapters
 * (src/workbook/adapters/<host>) know exceljs or src/xlsx, none imports another, and the Office.js one no Node;
 * src/sheet (Excel facts) imports nothing outside itself and every layer may use it; src/xlsx imports only src/sheet and
 * fflate; the core (engine, ledger, workbook, xlsx, sheet, documents) imports no Node module except in named edge files;
 * only the rule and registry indexes import a year's rule tables (the *-2021 modules), everyone else asks them (ruleSet). Each rule
 * is checked here on a line that breaks it (and one that keeps it), so the configuration cannot silently lapse.
 */
import { rulesReported } from "./lint-child";

/** Each case linted as a module (an import-free line gets an export), with the layering rules' messages. */
function lintAll(cases: readonly (readonly [string, string])[]): string[][] {
  return rulesReported(cases.map(([file, code]) => [file, `${code}\nexport {};\n`] as const), ["no-restricted-imports", "no-restricted-globals"]);
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
    ["src/workbook/ledger/x.ts", 'import { TEXT } from "../../taskpane/messages";'],
    ["src/taskpane/x.ts", 'import { main } from "../cli/assess";'],
    ["src/taskpane/x.ts", 'import * as fs from "node:fs";'],
    ["src/taskpane/x.ts", 'import { hotlineScore } from "../functions/functions";'],
    ["src/taskpane/x.ts", 'import { HOST_MSG } from "../functions/messages";'],
    ["src/functions/x.ts", 'import { OfficeWorkbookPort } from "../workbook/adapters/office";'],
    ["src/functions/x.ts", 'import { readMethod } from "../workbook/method";'],
    ["src/cli/x.ts", 'import { Controller } from "../taskpane/assess/controller";'],
    ["src/text/x.ts", 'import { SHEET } from "../workbook/contract";'],
    ["src/text/x.ts", 'import { MSG } from "../engine/messages";'],
    ["src/text/x.ts", 'import * as fs from "node:fs";'],
    ["src/text/x.ts", "export const w = window.innerWidth;"],
    ["src/job/x.ts", 'import { main } from "../cli/assess";'],
    ["src/job/x.ts", 'import * as fs from "node:fs";'],
    ["src/job/x.ts", 'import { nodeFile } from "../xlsx/node-file";'],
    ["src/job/x.ts", "export const d = document.title;"],
    ["src/web/x.ts", 'import { main } from "../cli/assess";'],
    ["src/web/x.ts", 'import { readMethodFile } from "../cli/method";'],
    ["src/web/x.ts", 'import * as fs from "node:fs/promises";'],
    ["src/web/x.ts", 'import { readLedgerFile } from "../ledger/node";'],
    ["src/web/x.ts", 'import { ExcelJsWorkbookPort } from "../workbook/adapters/exceljs";'],
    ["src/web/x.ts", 'import { Controller } from "../taskpane/controller";'],
    ["src/ledger/x.ts", 'import { HOTLINE_2021 } from "../engine/rules/hotline-2021";'],
    ["src/workbook/method/x.ts", 'import type { OrganizationRow } from "../../engine/registry/organizations-2021";'],
    ["src/engine/x.ts", 'import { APPROVAL_2021 } from "./rules/approval-2021";'],
    ["src/engine/rules/check.ts", 'import { APPROVAL_2021 } from "./approval-2021";'],
    ["src/xlsx/x.ts", 'import { REGISTRY_2021 } from "../engine/registry/organizations-2021";'],
    ["src/taskpane/import/x.ts", 'import { HOTLINE_2021 } from "../../engine/rules/hotline-2021";'],
    ["src/engine/x.ts", 'import { cellAddress } from "../workbook/address";'],
    ["src/sheet/x.ts", 'import { MSG } from "../engine/messages";'],
    ["src/sheet/x.ts", 'import { textWidth } from "../text/width";'],
    ["src/sheet/x.ts", 'import * as fs from "node:fs";'],
    ["src/sheet/x.ts", 'import { unzipSync } from "fflate";'],
    ["src/sheet/x.ts", "export const host = Office.context;"],
    ["src/xlsx/x.ts", 'import type { CellValue } from "../workbook/port";'],
    ["src/xlsx/x.ts", 'import { columnLetter } from "../workbook/address";'],
    ["src/xlsx/x.ts", 'import { MSG } from "../engine/messages";'],
    ["src/xlsx/x.ts", 'import ExcelJS from "exceljs";'],
    ["src/xlsx/x.ts", 'import { deflateRawSync } from "node:zlib";'],
    ["src/xlsx/zip-writer.ts", 'import { open } from "node:fs/promises";'],
    ["src/xlsx/x.ts", 'import { open } from "fs/promises";'],
    ["src/xlsx/node-file.ts", 'import { SHEET } from "../workbook/contract";'],
    ["src/engine/x.ts", 'import { readFileSync } from "fs";'],
    ["src/ledger/x.ts", 'import { createReadStream } from "node:fs";'],
    ["src/ledger/x.ts", 'import { Readable } from "stream";'],
    ["src/workbook/x.ts", 'import { mkdir } from "node:fs/promises";'],
    ["src/workbook/adapters/package/port.ts", 'import { dirname } from "node:path";'],
    ["src/workbook/adapters/exceljs/port.ts", 'import { writeFile } from "node:fs/promises";'],
    ["src/workbook/ledger/x.ts", 'import * as path from "path";'],
    ["src/documents/x.ts", 'import { writeFile } from "node:fs/promises";'],
    ["src/workbook/x.ts", 'import { nodeFile } from "../xlsx/node-file";'],
    ["src/workbook/ledger/x.ts", 'import { readLedgerFile } from "../../ledger/node";'],
    ["src/ledger/x.ts", 'import { nodeFile } from "../xlsx/node-file";'],
    ["src/xlsx/zip-writer.ts", 'import { writeFileFrom } from "./node-file";'],
    ["src/documents/x.ts", 'import { SHEET } from "../workbook/contract";'],
    ["src/documents/x.ts", 'import { writeFile } from "node:fs/promises";'],
    ["src/documents/x.ts", 'import { Document } from "docx";'],
    ["src/documents/x.ts", "export const host = Office.context;"],
    ["src/documents/x.ts", "export const doc = document.title;"],
    ["src/documents/docx/x.ts", 'import { writeFile } from "node:fs/promises";'],
    ["src/documents/docx/x.ts", 'import ExcelJS from "exceljs";'],
    ["src/documents/docx/x.ts", 'import { main } from "../../cli/assess";'],
    ["src/workbook/x.ts", 'import ExcelJS from "exceljs";'],
    ["src/workbook/x.ts", 'import { openPackage } from "../xlsx/package";'],
    ["src/workbook/ledger/x.ts", 'import { PackageWorkbookPort } from "../adapters/package";'],
    ["src/workbook/x.ts", 'import { OfficeWorkbookPort } from "./adapters/office";'],
    ["src/workbook/adapters/office/x.ts", 'import * as fs from "node:fs";'],
    ["src/workbook/adapters/office/x.ts", 'import ExcelJS from "exceljs";'],
    ["src/workbook/adapters/office/x.ts", 'import { openPackage } from "../../../xlsx/package";'],
    ["src/workbook/adapters/office/x.ts", 'import { xlsxBuffer } from "../exceljs/file";'],
    ["src/workbook/adapters/exceljs/x.ts", 'import { PackageEdits } from "../package/edits";'],
    ["src/workbook/adapters/exceljs/x.ts", 'import { openPackage } from "../../../xlsx/package";'],
    ["src/workbook/adapters/package/x.ts", 'import ExcelJS from "exceljs";'],
    ["src/workbook/adapters/package/x.ts", 'import { jsonBytes } from "../office/cells";'],
    ["src/workbook/adapters/package/x.ts", 'import { main } from "../../../cli/assess";'],
];
const ALLOWED: readonly (readonly [string, string])[] = [
    ["src/job/x.ts", 'import { computeAll } from "../workbook";'],
    ["src/web/x.ts", 'import { computeStep } from "../job";'],
    ["src/web/x.ts", 'import { CLI_MSG } from "../cli/messages";'],
    ["src/web/x.ts", 'import { rankingRow } from "../cli/report";'],
    ["src/engine/x.ts", 'import { MSG } from "./messages";'],
    ["src/engine/rules/x.ts", 'import type { UnitType } from "../types";'],
    ["src/functions/x.ts", 'import { ruleSet } from "../engine";'],
    ["src/ledger/x.ts", 'import type { Registry } from "../engine/registry";'],
    ["src/engine/rules/index.ts", 'import { HOTLINE_2021 } from "./hotline-2021";'],
    ["src/engine/registry/index.ts", 'import { ORGANIZATIONS_2021 } from "./organizations-2021";'],
    ["src/workbook/x.ts", 'import { ruleSet } from "../engine";'],
    ["src/workbook/ledger/x.ts", 'import { aggregateLedger } from "../../ledger";'],
    ["src/taskpane/x.ts", 'import { computeAll } from "../workbook/compute";'],
    ["src/taskpane/x.ts", 'import { methodSource } from "../functions/method-source";'],
    ["src/cli/x.ts", 'import * as fs from "node:fs";'],
    ["src/cli/x.ts", 'import { padToWidth } from "../text/width";'],
    ["src/workbook/x.ts", 'import { fitWidth } from "../text/width";'],
    ["src/workbook/ledger/x.ts", 'import { fitWidth } from "../../text/width";'],
    ["src/text/x.ts", 'import { textWidth } from "./width";'],
    ["src/engine/x.ts", 'import { unixMsOfSerial } from "../sheet";'],
    ["src/engine/rules/x.ts", 'import { columnLetter } from "../../sheet/address";'],
    ["src/sheet/x.ts", 'import { EXCEL_MAX_COLS } from "./limits";'],
    ["src/xlsx/x.ts", 'import { columnLetter, type CellValue } from "../sheet";'],
    ["src/xlsx/x.ts", 'import { cellKey } from "../sheet/address";'],
    ["src/xlsx/x.ts", 'import { Inflate } from "fflate";'],
    ["src/xlsx/x.ts", 'import { crc32 } from "./crc32";'],
    ["src/xlsx/node-file.ts", 'import * as zlib from "node:zlib";'],
    ["src/ledger/x.ts", 'import { columnLetter } from "../sheet";'],
    ["src/ledger/node.ts", 'import { createReadStream } from "node:fs";'],
    ["src/workbook/x.ts", 'import { cellAddress } from "../sheet";'],
    ["src/cli/x.ts", 'import { nodeFile } from "../xlsx/node-file";'],
    ["src/ledger/node.ts", 'import { nodeFile } from "../xlsx/node-file";'],
    ["src/functions/x.ts", 'import { columnLetter } from "../sheet";'],
    ["src/taskpane/x.ts", 'import { cellAddress } from "../sheet";'],
    ["src/workbook/adapters/exceljs/file.ts", 'import { writeFile } from "node:fs/promises";'],
    ["src/documents/x.ts", 'import { excel15 } from "../engine";'],
    ["src/documents/x.ts", 'import { DOC_MSG } from "./messages";'],
    ["src/documents/docx/x.ts", 'import { Packer } from "docx";'],
    ["src/documents/docx/x.ts", 'import type { DocModel } from "../model";'],
    ["src/workbook/documents/x.ts", 'import { buildBulletin } from "../../documents/bulletin";'],
    ["src/workbook/adapters/office/x.ts", 'import { handleOp } from "../handlers";'],
    ["src/workbook/adapters/office/x.ts", 'import type { WritePlan } from "../../port";'],
    ["src/workbook/adapters/exceljs/x.ts", 'import ExcelJS from "exceljs";'],
    ["src/workbook/adapters/package/x.ts", 'import { openPackage } from "../../../xlsx/package";'],
    ["src/cli/x.ts", 'import { PackageWorkbookPort } from "../workbook/adapters/package";'],
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
