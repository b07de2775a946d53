import { readFileSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeLedgerCsv, writeLedgerXlsx } from "../../scripts/gen-ledger";
import { EXIT, main } from "../../src/cli/assess";
import { terminalProgress } from "../../src/cli/progress";
import { readLedgerFile } from "../../src/ledger/node";
import { parsePeriod } from "../../src/ledger";
import { LEDGER_SHEET, IMPORT_PARAM } from "../../src/workbook";
import { LABEL, SHEET } from "../../src/workbook/contract";
import { ExcelJsWorkbookPort, writeXlsx } from "../../src/workbook/exceljs-adapter";
import { fixture } from "../workbook/fixtures";
import { everything, sheetTable } from "../workbook/helpers";
import { COUNT_LABELS, hotlineRows } from "../workbook/ledger/helpers";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

const tmp = () => mkdtempSync(join(tmpdir(), "assess-ledger-"));

async function expectCounts(output: string, ledger: string, period: string, remembered?: Record<string, string>): Promise<void> {
  const read = await readLedgerFile(ledger, { remembered });
  if (read.status !== "ok") throw new Error("ledger not ok");
  const written = await ExcelJsWorkbookPort.fromFile(output);
  const rows = await hotlineRows(written);
  for (const c of read.data.counts(parsePeriod(period))) {
    for (const label of COUNT_LABELS) expect(rows.get(c.单位名称)?.[label]).toBe(c[label]);
  }
}

describe("npm run assess -- --ledger", () => {
  let dir: string;
  let clean: string;
  let spoiled: string;
  let xlsx: string;
  beforeAll(async () => {
    dir = tmp();
    clean = join(dir, "clean.csv");
    spoiled = join(dir, "spoiled.csv");
    xlsx = join(dir, "ledger.xlsx");
    await writeLedgerCsv(clean, { rows: 4000, seed: 21, encoding: "gb18030" });
    await writeLedgerCsv(spoiled, { rows: 4000, seed: 22, duplicates: 3, problems: 3, bom: true });
    await writeLedgerXlsx(xlsx, { rows: 3000, seed: 23 });
  });

  it("exit 0: a clean CSV alone (a fresh template), the year by default; prints the import summary", async () => {
    const output = join(dir, "clean.xlsx");
    const { io, out, err } = capture();
    expect(await main(["--ledger", clean, "-o", output], io)).toBe(EXIT.ok);
    expect(err).toEqual([]);
    const text = out.join("\n");
    expect(text).toContain(`工单导入：${clean}（考核期间：2021年度）`);
    // The heading names the ledger as the input (there is no workbook), never the output file.
    expect(text).toContain(`输入：${clean}（工单明细；考核工作簿为空白模板）`);
    expect(text).not.toContain(`输入：${output}`);
    expect(text).toContain("已按2021年度填入77个单位的工单数据；共读取4000行工单，计入4000行，0行有问题未计入");
    expect(text).toContain("12345热线考核：77个单位，已计分77个");
    expect(text).toContain("审批服务便民化（一票否决）：未给出考核工作簿");
    await expectCounts(output, clean, "2021");
    const written = await ExcelJsWorkbookPort.fromFile(output);
    const names = await written.sheetNames();
    expect(names).toEqual(expect.arrayContaining([SHEET.result, LEDGER_SHEET.monthly, LEDGER_SHEET.problems]));
    expect(names).not.toContain(LEDGER_SHEET.ledger); // only counts, never the ledger itself
    expect((await sheetTable(written, SHEET.result)).filter((r) => typeof r.总分 === "number")).toHaveLength(77);
    const params = await sheetTable(written, SHEET.params);
    expect(params.find((r) => r[LABEL.param] === IMPORT_PARAM.source)?.[LABEL.value]).toBe("clean.csv");
  });

  it("exit 0: a small .xlsx ledger, a quarter, with --drill", async () => {
    const output = join(dir, "x.xlsx");
    const { io, out } = capture();
    expect(await main(["--ledger", xlsx, "--period", "2021Q2", "--drill", "汉滨区", "-o", output], io)).toBe(EXIT.ok);
    expect(out.join("\n")).toMatch(/已写出汉滨区政府2021年第二季度的工单核查表（\d+行）/);
    await expectCounts(output, xlsx, "2021Q2");
    const written = await ExcelJsWorkbookPort.fromFile(output);
    expect(await written.sheetNames()).toContain(LEDGER_SHEET.drillDown);
    const rows = await hotlineRows(written);
    expect(rows.get("汉滨区政府")?.[LABEL.monthly]).toBe((rows.get("汉滨区政府")?.[LABEL.total] as number) / 3);
  });

  it("exit 1: ledger problems; the workbook is still written, 工单导入校验 lists them with row numbers", async () => {
    const output = join(dir, "spoiled.xlsx");
    const { io, out, err } = capture();
    expect(await main(["--ledger", spoiled, "-o", output], io)).toBe(EXIT.problems);
    expect(err.join("\n")).toContain("工单明细有6行存在问题（整行未计入，或只部分计入）");
    expect(out.join("\n")).toContain("工单明细中有6个问题");
    expect(out.join("\n")).toMatch(/\[错误\] 工单明细第\d+行（工单编号）：工单编号“AK\d+”与第\d+行重复，本行不计入/);
    const written = await ExcelJsWorkbookPort.fromFile(output);
    const problems = (await written.read([LEDGER_SHEET.problems])).get(LEDGER_SHEET.problems)!;
    // One spoiled order has an unreadable 派单时间: listed, and still counted where 派单时间 is not needed (spec F).
    expect(problems.values[1][0]).toBe("共读取4003行工单，计入3998行，5行有问题未计入；其中1行有字段无法识别，只计入不依赖该字段的计数（见问题列表）");
    expect(problems.values.slice(3).map((r) => typeof r[0])).toEqual(Array(6).fill("number"));
  });

  it("into an existing workbook: its other sheets and columns are kept", async () => {
    const input = join(dir, "fixture.xlsx");
    await writeXlsx(fixture().workbook, input);
    const output = join(dir, "fixture-out.xlsx");
    const { io } = capture();
    expect(await main([input, "--ledger", clean, "-o", output], io)).toBe(EXIT.ok);
    const before = await everything(await ExcelJsWorkbookPort.fromFile(input));
    const after = await everything(await ExcelJsWorkbookPort.fromFile(output));
    for (const name of [SHEET.units, SHEET.deductions, SHEET.bonuses]) expect(after.get(name)).toEqual(before.get(name));
    expect((await sheetTable(await ExcelJsWorkbookPort.fromFile(output), SHEET.hotline)).map((r) => r.备注)).toEqual(
      (await sheetTable(await ExcelJsWorkbookPort.fromFile(input), SHEET.hotline)).map((r) => r.备注));
  });

  it("unknown headers: exit 2 naming them; --map answers them and is remembered in the output workbook", async () => {
    const odd = join(dir, "odd.csv");
    await writeLedgerCsv(odd, { rows: 500, seed: 30 });
    writeFileSync(odd, readFileSync(odd, "utf8").replace(/^工单编号,承办单位/u, "受理号,处理部门"));
    const first = capture();
    expect(await main(["--ledger", odd, "-o", join(dir, "odd1.xlsx")], first.io)).toBe(EXIT.usage);
    expect(first.err.join("\n")).toContain("工单明细缺少以下列：工单编号、承办单位");
    expect(first.err.join("\n")).toContain("文件中未识别的表头：“受理号”、“处理部门”");

    const mapped = join(dir, "odd2.xlsx");
    expect(await main(["--ledger", odd, "--map", "受理号=工单编号,处理部门=承办单位", "-o", mapped], capture().io)).toBe(EXIT.ok);
    // The next run on that workbook needs no --map (its blank 便民化考核 gives warnings only: spec D reads blank as 不涉及).
    const again = join(dir, "odd3.xlsx");
    const third = capture();
    expect(await main([mapped, "--ledger", odd, "-o", again], third.io)).toBe(EXIT.ok);
    expect(third.err.join("\n")).not.toContain("工单明细");
    expect(third.out.join("\n")).toContain("共读取500行工单，计入500行，0行有问题未计入");
    await expectCounts(again, odd, "2021", { 受理号: "工单编号", 处理部门: "承办单位" });
  });

  it.each([
    [["--ledger", "nope.csv"], "找不到工单明细文件“nope.csv”。"],
    [["--ledger", "x.csv", "--period", "2021年第五季度"], "考核期间“2021年第五季度”无法识别"],
    [["--period", "2021"], "选项“--period”需与 --ledger 一起使用。"],
  ])("exit 2 on wrong usage: %j", async (argv, message) => {
    const { io, err } = capture();
    expect(await main(argv, io, { cwd: dir })).toBe(EXIT.usage);
    expect(err.join("\n")).toContain(message);
  });

  it("exit 2: --drill of a unit that is not a hotline unit, before reading the ledger", async () => {
    const { io, err } = capture();
    expect(await main(["--ledger", clean, "--drill", "市委宣传部", "-o", join(dir, "d.xlsx")], io)).toBe(EXIT.usage);
    expect(err.join("\n")).toContain("“市委宣传部”不是12345热线承办单位");
  });

  it("exit 2: a file that is neither CSV nor .xlsx (an old .xls)", async () => {
    const xls = join(dir, "old.xls");
    writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const { io, err } = capture();
    expect(await main(["--ledger", xls, "-o", join(dir, "e.xlsx")], io)).toBe(EXIT.usage);
    expect(err.join("\n")).toContain("另存为 .xlsx");
  });

  it("progress: a bar redrawn in place on a terminal, cleared at the end", () => {
    const written: string[] = [];
    let now = 0;
    const bar = terminalProgress((t) => written.push(t), 100, () => now);
    bar.update({ rowsRead: 1000, fraction: 0.25 });
    now = 50;
    bar.update({ rowsRead: 2000, fraction: 0.5 }); // throttled
    now = 200;
    bar.update({ rowsRead: 4000, fraction: 1 });
    bar.done();
    expect(written).toHaveLength(3);
    expect(written[0]).toMatch(/^\r\[█{8}░{22}\] 读取工单明细：1000行 25%/);
    expect(written[1]).toContain("100%");
    expect(written[2]).toBe("\r\x1b[K");
  });

  it("the output holds counts only: far smaller than the ledger", async () => {
    const output = join(dir, "clean.xlsx");
    expect(statSync(output).size).toBeLessThan(400_000);
  });
});
