/*
 * A workbook whose method sheets are what 创建/补全模板 writes (the built-in 2021 method as cells, spec G): the task
 * pane runtime reads them, the functions score by them, and every row of the acceptance workbook still gives what
 * the rules require, on both hosts' conventions.
 */
import { ruleSet } from "../../src/engine";
import { methodSource } from "../../src/functions/method-source";
import { approvalMethodGrid, hotlineMethodGrid, methodParamRows } from "../../src/workbook/method/sheets";
import { ACCEPTANCE_ROWS } from "../../scripts/acceptance-rows";
import { fakeWorkbook, runtimeOver } from "../taskpane/shared/method-workbook";
import { expectedOutcome, on, sheetOf } from "./acceptance-cells";
import { installCustomFunctionsStub } from "./custom-functions-stub";
import { HOSTS, installExcel } from "./excel-host";

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

test("the functions score by the workbook's own method sheets", () => {
  expect(source.current()).toMatchObject({ kind: "loaded", label: "2021年度考核办法" });
});

describe.each(HOSTS)("验收工作簿的每一行（%s）", (host) => {
  test.each(ACCEPTANCE_ROWS.map((row) => [row.fn, row.case, row] as const))("ASSESS.%s %s", async (id, _case, row) => {
    const { sheet, args } = sheetOf(row);
    expect(await on(host, sheet, id, args)).toMatchObject(expectedOutcome(row));
  });
});
