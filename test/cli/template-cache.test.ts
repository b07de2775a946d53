/*
 * The blank template is built once per content and then only opened: the cached file holds what
 * 创建/补全模板 writes into an empty workbook (template.ts), another definition gets another file, and a run
 * with the cache in place never loads exceljs.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { EXIT, main } from "../../src/cli/assess";
import { blankTemplateFile } from "../../src/cli/template-cache";
import { ruleSet } from "../../src/engine";
import { templateAll, TEMPLATE_READS } from "../../src/workbook";
import { ExcelJsWorkbookPort, xlsxBuffer } from "../../src/workbook/adapters/exceljs";
import { PackageWorkbookPort } from "../../src/workbook/adapters/package";
import { nodeFile } from "../../src/xlsx/node-file";

jest.setTimeout(120_000);

describe("blank template cache", () => {
  test("the cached template reads back as templateAll writes an empty workbook, values, formulas and formats alike", async () => {
    const reference = new ExcelJsWorkbookPort(new ExcelJS.Workbook());
    await templateAll(reference);
    const cached = await PackageWorkbookPort.open(await nodeFile(await blankTemplateFile()));
    try {
      expect(await cached.sheetNames()).toEqual(await reference.sheetNames());
      const options = { formulas: true, numberFormats: true };
      const [ours, theirs] = [await cached.read(TEMPLATE_READS, options), await reference.read(TEMPLATE_READS, options)];
      expect([...ours.keys()]).toEqual([...theirs.keys()]);
      for (const [name, sheet] of theirs) expect([name, ours.get(name)?.values]).toEqual([name, sheet.values]);
      for (const [name, sheet] of theirs) expect([name, ours.get(name)?.formulas]).toEqual([name, sheet.formulas]);
    } finally {
      await cached.close();
    }
  });

  test("--template writes every part exceljs wrote for the blank template, byte for byte (but the creation time)", async () => {
    const reference = new ExcelJsWorkbookPort(new ExcelJS.Workbook());
    await templateAll(reference);
    const expected = unzipSync(new Uint8Array(await xlsxBuffer(reference.workbook)));
    const output = join(mkdtempSync(join(tmpdir(), "template-cache-")), "t.xlsx");
    expect(await main(["--template", "-o", output], { out: () => undefined, err: () => undefined })).toBe(EXIT.ok);
    const written = unzipSync(new Uint8Array(readFileSync(output)));
    expect(Object.keys(written).sort()).toEqual(Object.keys(expected).sort());
    const created = (bytes: Uint8Array) => strFromU8(bytes).replace(/<dcterms:created[^>]*>[^<]*</, "<dcterms:created>…<");
    for (const [name, bytes] of Object.entries(expected)) {
      if (name === "docProps/core.xml") expect(created(written[name])).toBe(created(bytes));
      else expect([name, Buffer.compare(Buffer.from(written[name]), Buffer.from(bytes))]).toEqual([name, 0]);
    }
  });

  test("built once: the same definition gives the same file, left as it was; another 办法名称 another file", async () => {
    const first = await blankTemplateFile();
    const stamp = statSync(first).mtimeMs;
    expect(await blankTemplateFile()).toBe(first);
    expect(statSync(first).mtimeMs).toBe(stamp);
    const other = await blankTemplateFile(ruleSet(), "另一个办法（测试）");
    expect(other).not.toBe(first);
    const port = await PackageWorkbookPort.open(await nodeFile(other));
    try {
      const params = (await port.read(["参数"])).get("参数");
      expect(params?.values.flat()).toContain("另一个办法（测试）");
    } finally {
      await port.close();
    }
  });

  test("with the template built, --template and a ledger run without a workbook never load exceljs", async () => {
    await blankTemplateFile();
    const dir = mkdtempSync(join(tmpdir(), "template-cache-"));
    const ledger = join(dir, "工单.csv");
    writeFileSync(ledger, "工单编号,承办单位,派单时间,办理时限,办结时间,是否退单,是否申请延期,回访结果\nA1,汉滨区政府,2021-03-01 09:00:00,2021-03-10 18:00:00,2021-03-05 10:00:00,否,否,满意\n");
    await jest.isolateModulesAsync(async () => {
      jest.doMock("exceljs", () => {
        throw new Error("exceljs loaded");
      });
      const cli = await import("../../src/cli/assess");
      const io = { out: () => undefined, err: () => undefined };
      expect(await cli.main(["--template", "-o", join(dir, "t.xlsx")], io)).toBe(cli.EXIT.ok);
      // Exit 0 or 1 (the one-order ledger leaves units without orders): a result written, no crash.
      expect([cli.EXIT.ok, cli.EXIT.problems]).toContain(await cli.main(["--ledger", ledger, "-o", join(dir, "r.xlsx")], io));
    });
    expect(statSync(join(dir, "r.xlsx")).size).toBeGreaterThan(0);
  });
});
