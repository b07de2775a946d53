/**
 * npm run assess -- --ledger into a workbook whose 热线数据 was edited by hand (issue 14 item 5, spec I):
 * refused with exit 2 and nothing written, replaced with --replace-typed and listed as 说明; the import's
 * record survives a save by exceljs and by LibreOffice.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeLedgerCsv } from "../../scripts/gen-ledger";
import { EXIT, main } from "../../src/cli/assess";
import { parsePeriod } from "../../src/ledger";
import { readLedgerFile } from "../../src/ledger/node";
import { LEDGER_SHEET } from "../../src/workbook";
import { LABEL, SHEET, sheetSpec } from "../../src/workbook/contract";
import { ExcelJsWorkbookPort, writeXlsx } from "../../src/workbook/adapters/exceljs";
import type { SheetSnapshot } from "../../src/workbook/port";
import { findHeader } from "../../src/workbook/tables";
import { ownedTable } from "../workbook/ledger/helpers";
import { ruleSet } from "../../src/engine";

/** The rules the ledger counts by in these tests: the built-in 2021 method. */
const LEDGER_RULES = ruleSet(2021);

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

const UNIT = "汉滨区政府";
const soffice = ["soffice", "libreoffice"].find((bin) => spawnSync("sh", ["-c", `command -v ${bin}`]).status === 0);

describe("npm run assess -- --ledger into a workbook with typed counts (spec I)", () => {
  let dir: string;
  let ledger: string;
  let imported: string;
  let counts: Record<string, number>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "assess-typed-"));
    ledger = join(dir, "ledger.csv");
    await writeLedgerCsv(ledger, { rows: 5000, seed: 41 });
    imported = join(dir, "imported.xlsx");
    expect(await main(["--ledger", ledger, "-o", imported], capture().io)).toBe(EXIT.ok);
    const read = await readLedgerFile(ledger, { rules: LEDGER_RULES });
    if (read.status !== "ok") throw new Error("ledger not ok");
    counts = read.data.counts(parsePeriod("2021")).find((c) => c.单位名称 === UNIT) as unknown as Record<string, number>;
    expect([counts[LABEL.returned], counts[LABEL.satisfied]]).not.toEqual(expect.arrayContaining([10, 450]));
  });

  /** The imported workbook with 退单数 10 and 满意数 450 typed for 汉滨区政府 (saved by exceljs); the two cells. */
  async function typedWorkbook(): Promise<{ file: string; returned: string; satisfied: string }> {
    const port = await ExcelJsWorkbookPort.fromFile(imported);
    const snap = (await port.read([SHEET.hotline])).get(SHEET.hotline) as SheetSnapshot;
    const header = findHeader(snap, sheetSpec(SHEET.hotline))!;
    const row = snap.values.findIndex((r) => r[header.columns.get(LABEL.name)!] === UNIT);
    const at = (label: string) => `${String.fromCharCode(65 + header.columns.get(label)!)}${row + 1}`;
    await port.apply([
      { kind: "values", sheet: SHEET.hotline, row, col: header.columns.get(LABEL.returned)!, values: [[10]] },
      { kind: "values", sheet: SHEET.hotline, row, col: header.columns.get(LABEL.satisfied)!, values: [[450]] },
    ]);
    const file = join(dir, "typed.xlsx");
    await writeXlsx(port.workbook, file);
    return { file, returned: at(LABEL.returned), satisfied: at(LABEL.satisfied) };
  }

  it("without --replace-typed: exit 2, both cells listed, no output file, the input unchanged", async () => {
    const { file, returned, satisfied } = await typedWorkbook();
    const bytes = readFileSync(file);
    const output = join(dir, "refused.xlsx");
    const { io, out, err } = capture();
    expect(await main([file, "--ledger", ledger, "-o", output], io)).toBe(EXIT.usage);
    expect(out).toEqual([]);
    expect(err).toEqual([
      "导入会替换“热线数据”中2个不是上次导入写入的数字（手工填写，或导入后修改过）：未导入，未写出任何文件。",
      `  热线数据!${returned}  ${UNIT}  退单数  手工值 10  导入值 ${counts[LABEL.returned]}`,
      `  热线数据!${satisfied}  ${UNIT}  满意数  手工值 450  导入值 ${counts[LABEL.satisfied]}`,
      expect.stringMatching(/请加 --replace-typed 重新运行.*请登记在“工单研判”表/u),
    ]);
    expect(existsSync(output)).toBe(false);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it("with --replace-typed: replaced, listed as 说明 in 工单导入校验 and on the terminal, and not a draft", async () => {
    const { file, returned } = await typedWorkbook();
    const output = join(dir, "replaced.xlsx");
    const { io, out } = capture();
    expect(await main([file, "--ledger", ledger, "--replace-typed", "-o", output], io)).toBe(EXIT.ok);
    expect(out).toContain(`[说明] ${UNIT}的退单数（热线数据!${returned}）：原值10（手工填写或上次导入后修改）已替换为导入值${counts[LABEL.returned]}`);
    const written = await ExcelJsWorkbookPort.fromFile(output);
    const listed = await ownedTable(written, LEDGER_SHEET.problems, "级别");
    expect(listed.map((r) => [r.单元格, r.原值, r.导入值])).toEqual([
      [`热线数据!${returned}`, 10, counts[LABEL.returned]],
      [expect.stringMatching(/^热线数据!/u), 450, counts[LABEL.satisfied]],
    ]);
    expect(String((await written.read([SHEET.result])).get(SHEET.result)?.values[0][0])).toMatch(/校验通过/u);
    // The next monthly import into that file asks nothing: the record now holds the values written.
    expect(await main([output, "--ledger", ledger, "-o", join(dir, "again.xlsx")], capture().io)).toBe(EXIT.ok);
  });

  it("--replace-typed needs --ledger", async () => {
    const { io, err } = capture();
    expect(await main(["--replace-typed"], io)).toBe(EXIT.usage);
    expect(err[0]).toBe("选项“--replace-typed”需与 --ledger 一起使用。");
  });

  (soffice ? it : it.skip)("the record survives a save by LibreOffice: a re-import asks nothing, a value typed there is asked about", async () => {
    const loDir = join(dir, "lo");
    const run = spawnSync(soffice as string, [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "xlsx", "--outdir", loDir, imported],
      { encoding: "utf8", timeout: 240_000 });
    expect(run.status).toBe(0);
    const saved = join(loDir, "imported.xlsx");
    expect(await main([saved, "--ledger", ledger, "-o", join(dir, "lo-again.xlsx")], capture().io)).toBe(EXIT.ok);

    const port = await ExcelJsWorkbookPort.fromFile(saved);
    expect(port.workbook.getWorksheet(LEDGER_SHEET.record)?.state).toBe("hidden");
    const snap = (await port.read([SHEET.hotline])).get(SHEET.hotline) as SheetSnapshot;
    const header = findHeader(snap, sheetSpec(SHEET.hotline))!;
    const row = snap.values.findIndex((r) => r[header.columns.get(LABEL.name)!] === UNIT);
    await port.apply([{ kind: "values", sheet: SHEET.hotline, row, col: header.columns.get(LABEL.returned)!, values: [[10]] }]);
    const typed = join(dir, "lo-typed.xlsx");
    await writeXlsx(port.workbook, typed);
    const { io, err } = capture();
    expect(await main([typed, "--ledger", ledger, "-o", join(dir, "lo-refused.xlsx")], io)).toBe(EXIT.usage);
    expect(err.filter((l) => l.startsWith("  热线数据!"))).toHaveLength(1);
  }, 300_000);
});
