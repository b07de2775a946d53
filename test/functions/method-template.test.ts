/*
 * A workbook whose method sheets are what 创建/补全模板 writes (the built-in 2021 method as cells, spec G): the task
 * pane runtime reads them, the functions score by them, and every row of the acceptance workbook still gives what
 * the rules require, on both hosts' conventions.
 */
import { ruleSet } from "../../src/engine";
import * as F from "../../src/functions/functions";
import { methodSource } from "../../src/functions/method-source";
import { approvalMethodGrid, hotlineMethodGrid, methodParamRows } from "../../src/workbook/method/sheets";
import { ACCEPTANCE_ROWS, type AcceptanceRow } from "../../scripts/acceptance-rows";
import { fakeWorkbook, runtimeOver } from "../taskpane/method-workbook";
import { installCustomFunctionsStub } from "./custom-functions-stub";
import { EXPORTS, HOSTS, Sheet, excelArguments, fakeExcel, installExcel, outcomeOf, type FormulaArg } from "./excel-host";

installCustomFunctionsStub();
const source = methodSource();
const rules = ruleSet();

beforeAll(async () => {
  const sheets = [
    { name: "考核办法", values: hotlineMethodGrid(rules) },
    { name: "便民化考核办法", values: approvalMethodGrid(rules) },
    { name: "参数", values: methodParamRows(rules, "2021年度考核办法") },
  ];
  await runtimeOver(fakeWorkbook(sheets), source).start();
});
afterAll(() => {
  source.builtIn();
  installExcel(undefined);
});

const letter = (i: number) => String.fromCharCode(66 + i);
function sheetOf(row: AcceptanceRow): { sheet: Sheet; args: FormulaArg[] } {
  const sheet = new Sheet("考核");
  row.inputs.forEach((v, i) => sheet.set(`${letter(i)}2`, v));
  const args = (row.args ?? row.inputs.map((_, i) => i)).map((a): FormulaArg => {
    if (typeof a === "number") return { ref: `${letter(a)}2` };
    if ("range" in a) return { range: `${letter(a.range[0])}2:${letter(a.range[1])}2` };
    return { constant: a.constant };
  });
  return { sheet, args };
}

test("the functions score by the workbook's own method sheets", () => {
  expect(source.current()).toMatchObject({ kind: "loaded", label: "2021年度考核办法" });
});

describe.each(HOSTS)("验收工作簿的每一行（%s）", (host) => {
  test.each(ACCEPTANCE_ROWS.map((row) => [row.fn, row.case, row] as const))("ASSESS.%s %s", async (id, _case, row) => {
    const { sheet, args } = sheetOf(row);
    installExcel(fakeExcel([sheet]).api);
    const fn = (F as unknown as Record<string, (...a: unknown[]) => unknown>)[EXPORTS[id]];
    const outcome = await outcomeOf(() => fn(...excelArguments(host, sheet, id, args)));
    expect(outcome).toMatchObject(typeof row.expected === "object" ? { code: row.expected.error } : { value: row.expected });
  });
});
