/**
 * 工单研判 on the command line (spec I): `--ledger` counts the file with the workbook's decisions; a register
 * with errors lists them and exits 1, never 3.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXIT, main } from "../../src/cli/assess";
import { SHEET } from "../../src/workbook/contract";
import { ExcelJsWorkbookPort, writeXlsx } from "../../src/workbook/adapters/exceljs";
import type { CellValue } from "../../src/workbook/port";
import { hotlineRows } from "../workbook/ledger/helpers";

jest.setTimeout(120_000);
const dir = mkdtempSync(join(tmpdir(), "judgment-cli-"));
const HB = "汉滨区政府";

const CSV = [
  "工单编号,承办单位,派单时间,办理时限,办结时间,是否退单,是否申请延期,回访结果",
  "AK001,汉滨区,2021-03-01 09:00:00,,,是,否,",
  "AK002,汉滨区,2021-03-02 09:00:00,,,是,否,",
  "AK003,汉滨区,2021-03-03 09:00:00,2021-03-10 18:00:00,2021-03-05 10:00:00,否,否,不满意",
  "AK004,汉滨区,2021-03-04 09:00:00,2021-03-10 18:00:00,2021-03-05 10:00:00,否,否,满意",
].join("\n");

async function run(argv: string[]) {
  const lines: string[] = [];
  const code = await main(argv, { out: (l) => lines.push(l), err: (l) => lines.push(l) });
  return { code, text: lines.join("\n") };
}

async function workbookWith(name: string, decisions: CellValue[][]): Promise<string> {
  const template = join(dir, `${name}-template.xlsx`);
  expect((await run(["--template", "-o", template])).code).toBe(EXIT.ok);
  const port = await ExcelJsWorkbookPort.fromFile(template);
  await port.apply([{ kind: "values", sheet: SHEET.judgment, row: 2, col: 0, values: decisions }]);
  const path = join(dir, `${name}.xlsx`);
  await writeXlsx(port.workbook, path);
  return path;
}

describe("assess --ledger with 工单研判", () => {
  const ledger = join(dir, "ledger.csv");
  beforeAll(() => writeFileSync(ledger, CSV));

  it("counts the file with the decisions (ids as typed: padded, full-width)", async () => {
    const input = await workbookWith("clean", [
      [" AK001", null, "退单合理", null, "成立", "2021-04-01", "2021-04-02"],
      ["ＡＫ００３", "汉滨区", "不合理诉求", null, "成立", "2021-04-01", "2021-04-02"],
    ]);
    const output = join(dir, "clean-out.xlsx");
    const { code } = await run([input, "--ledger", ledger, "--period", "2021", "-o", output]);
    expect(code).not.toBe(EXIT.internal);
    const hb = (await hotlineRows(await ExcelJsWorkbookPort.fromFile(output))).get(HB);
    // Before: 退单数 2, 有效回访数 2 (AK003 不满意, AK004 满意), 满意数 1.
    expect(hb).toMatchObject({ 工单总量: 4, 退单数: 1, 有效回访数: 1, 满意数: 1 });
  });

  it("a register with errors: listed at their cells, exit 1, never 3", async () => {
    const input = await workbookWith("bad", [
      ["AK999", null, "退单合理", null, "成立", "2021-04-01", "2021-04-02"],
      ["AK001", "汉阴县", "退单合理", null, "成立", "2021-04-01", "2021-04-02"],
      ["AK002", null, "乱写", null, "行", "2021-04-05", "2021-04-01"],
    ]);
    const output = join(dir, "bad-out.xlsx");
    const { code, text } = await run([input, "--ledger", ledger, "--period", "2021", "-o", output]);
    expect(code).toBe(EXIT.problems);
    const hb = (await hotlineRows(await ExcelJsWorkbookPort.fromFile(output))).get(HB);
    expect(hb).toMatchObject({ 退单数: 2 });
    for (const cell of ["A3", "B4", "C5", "E5", "G5"]) expect(text).toContain(`工单研判!${cell}`);
    // The final word names this import and 工单研判, not an earlier import nor the ledger file.
    expect(text).toContain("本次导入工单时，工单研判中有登记有错误、未生效：结果为草稿，请更正工单研判后重新导入工单明细");
    expect(text).not.toContain("上次导入");
    expect(text).not.toContain("请更正工单明细后重新导入");
  });
});
