import { existsSync, readFileSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { writeLedgerCsv, writeLedgerXlsx } from "../../scripts/gen-ledger";
import { EXIT, main } from "../../src/cli/assess";
import { terminalProgress } from "../../src/cli/progress";
import { readLedgerFile } from "../../src/ledger/node";
import { parsePeriod } from "../../src/ledger";
import { LEDGER_SHEET, IMPORT_PARAM } from "../../src/workbook";
import { LABEL, RESULT_LABEL, SHEET } from "../../src/workbook/contract";
import { ExcelJsWorkbookPort, writeXlsx } from "../../src/workbook/adapters/exceljs";
import { HOTLINE, HOTLINE_LABELS, fixture } from "../workbook/fixtures";
import { everything, sheetTable } from "../workbook/helpers";
import { COUNT_LABELS, hotlineRows } from "../workbook/ledger/helpers";
import { ruleSet } from "../../src/engine";

/** The rules the ledger counts by in these tests: the built-in 2021 method. */
const LEDGER_RULES = ruleSet(2021);

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

const tmp = () => mkdtempSync(join(tmpdir(), "assess-ledger-"));

async function expectCounts(output: string, ledger: string, period: string, remembered?: Record<string, string>): Promise<void> {
  const read = await readLedgerFile(ledger, { rules: LEDGER_RULES, remembered });
  if (read.status !== "ok") throw new Error("ledger not ok");
  const written = await ExcelJsWorkbookPort.fromFile(output);
  const rows = await hotlineRows(written);
  for (const c of read.data.counts(parsePeriod(period))) {
    for (const label of COUNT_LABELS) expect(rows.get(c.单位名称)?.[label]).toBe(c[label]);
  }
}

async function resultTitle(output: string): Promise<string> {
  const written = await ExcelJsWorkbookPort.fromFile(output);
  return String((await written.read([SHEET.result])).get(SHEET.result)?.values[0][0]);
}

async function explanationOf(output: string, unit: string): Promise<string> {
  const rows = await sheetTable(await ExcelJsWorkbookPort.fromFile(output), SHEET.result);
  return String(rows.find((r) => r[LABEL.name] === unit)?.[RESULT_LABEL.explanation]);
}

const LEDGER_HEADER = "工单编号,承办单位,派单时间,办理时限,办结时间,是否退单,是否申请延期,回访结果";

/** A one-sheet .xlsx ledger whose row 2 holds 办结时间 as a formula saved without its result. */
function uncalculatedLedger(): Uint8Array {
  const inline = (v: string) => `<c t="inlineStr"><is><t>${v}</t></is></c>`;
  const rows = [
    `<row r="1">${LEDGER_HEADER.split(",").map(inline).join("")}</row>`,
    `<row r="2">${["F1", "汉滨区", "2021-03-01 09:00:00", "2021-03-10 18:00:00"].map(inline).join("")}<c r="E2"><f>C2+1</f></c>` +
      `${["否", "否", "满意"].map(inline).join("")}</row>`,
  ];
  const ns = "http://schemas.openxmlformats.org";
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${ns}/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  return zipSync({
    "[Content_Types].xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${ns}/package/2006/content-types"/>`),
    "_rels/.rels": strToU8(`<Relationships xmlns="${ns}/package/2006/relationships">${rel("rId1", "officeDocument", "xl/workbook.xml")}</Relationships>`),
    "xl/workbook.xml": strToU8(`<workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="工单明细" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8(`<Relationships xmlns="${ns}/package/2006/relationships">${rel("rId1", "worksheet", "worksheets/sheet1.xml")}</Relationships>`),
    "xl/worksheets/sheet1.xml": strToU8(`<worksheet xmlns="${ns}/spreadsheetml/2006/main"><sheetData>${rows.join("")}</sheetData></worksheet>`),
  });
}

describe("npm run assess -- --ledger: ledger problems make the result a draft (spec E)", () => {
  let dir: string;
  beforeAll(() => {
    dir = tmp();
  });

  it("an unknown 回访结果: exit 1, 校验 reports it, the title is a draft, the unit's row names the ledger row", async () => {
    const ledger = join(dir, "unknown-callback.csv");
    writeFileSync(ledger, [
      LEDGER_HEADER,
      "A1,汉滨区,2021-03-01 09:00:00,2021-03-10 18:00:00,2021-03-05 10:00:00,否,否,满意",
      "A2,汉滨区,2021-03-02 09:00:00,2021-03-10 18:00:00,2021-03-12 10:00:00,否,否,拒绝接听",
    ].join("\n"));
    const output = join(dir, "unknown-callback.xlsx");
    const { io, out } = capture();
    expect(await main(["--ledger", ledger, "--period", "2021", "-o", output], io)).toBe(EXIT.problems);
    const text = out.join("\n");
    expect(text).not.toContain("校验：未发现问题");
    expect(text).toMatch(/校验：错误[1-9]\d*个/u);
    expect(await resultTitle(output)).toMatch(/草稿：.*工单导入校验中有 1 个工单问题未解决/u);
    expect(await explanationOf(output, "汉滨区政府")).toMatch(/工单明细第3行有问题.*见“工单导入校验”/u);
  });

  it("a ledger .xlsx with a formula saved without its result: the deduction it causes is marked a draft in the unit's row", async () => {
    const ledger = join(dir, "formulas.xlsx");
    writeFileSync(ledger, uncalculatedLedger());
    const output = join(dir, "formulas-out.xlsx");
    const { io, out } = capture();
    expect(await main(["--ledger", ledger, "--period", "2021", "-o", output], io)).toBe(EXIT.problems);
    expect(out.join("\n")).not.toContain("校验：未发现问题");
    expect(await resultTitle(output)).toContain("草稿");
    expect(await resultTitle(output)).not.toContain("校验通过");
    // 办结时间 unknown: the order is due and not counted as closed on time (spec F), and the row says why.
    expect(await explanationOf(output, "汉滨区政府")).toMatch(/^办结率0\.00%（0\/1）.*；工单明细第2行有问题，计数可能不全，见“工单导入校验”$/u);
  });

  it("the draft lasts while 工单导入校验 lists problems; a clean re-import clears it", async () => {
    const spoiled = join(dir, "spoiled.csv");
    writeFileSync(spoiled, [LEDGER_HEADER, "A1,安康市不存在局,2021-03-01 09:00:00,2021-03-10 18:00:00,2021-03-05 10:00:00,否,否,满意",
      "A2,汉滨区,2021-03-01 09:00:00,2021-03-10 18:00:00,2021-03-05 10:00:00,否,否,满意"].join("\n"));
    const clean = join(dir, "clean.csv");
    writeFileSync(clean, [LEDGER_HEADER, "A2,汉滨区,2021-03-01 09:00:00,2021-03-10 18:00:00,2021-03-05 10:00:00,否,否,满意"].join("\n"));
    const first = join(dir, "first.xlsx");
    expect(await main(["--ledger", spoiled, "-o", first], capture().io)).toBe(EXIT.problems);
    // Computing that workbook again without a ledger: the import's record still holds the problem.
    const again = join(dir, "again.xlsx");
    const second = capture();
    expect(await main([first, "-o", again], second.io)).toBe(EXIT.problems);
    expect(second.err.join("\n")).toContain("工单导入校验中仍有上次导入工单时发现的问题");
    expect(second.err.join("\n")).not.toContain("有关单位未计分");
    expect(await resultTitle(again)).toMatch(/草稿：.*工单导入校验中有 1 个工单问题未解决/u);
    const cleared = join(dir, "cleared.xlsx");
    const third = capture();
    expect(await main([again, "--ledger", clean, "-o", cleared], third.io)).toBe(EXIT.ok);
    expect(third.out.join("\n")).toContain("校验：");
    expect(await resultTitle(cleared)).toMatch(/校验通过（计算时间：/u);
  });
});

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
    expect(await resultTitle(output)).toMatch(/校验通过（计算时间：/u);
    const params = await sheetTable(written, SHEET.params);
    expect(params.find((r) => r[LABEL.param] === IMPORT_PARAM.source)?.[LABEL.value]).toBe("clean.csv");
  });

  it("no period, orders in only some months: the year is filled and a 说明 names the months (not silently a year)", async () => {
    const ledger = join(dir, "two-months.csv");
    writeFileSync(ledger, [
      LEDGER_HEADER,
      "C1,汉滨区,2021-03-01 09:00:00,2021-03-10 18:00:00,2021-03-05 10:00:00,否,否,满意",
      "C2,汉阴县,2021-04-02 09:00:00,2021-04-12 18:00:00,2021-04-06 10:00:00,否,否,满意",
    ].join("\r\n"));
    const notice = "未指定考核期间：工单按2021年全年计入热线数据，但工单明细中只有3、4月的工单";
    const plain = capture();
    expect(await main(["--ledger", ledger, "-o", join(dir, "two-months.xlsx")], plain.io)).toBe(EXIT.ok);
    expect(plain.out.join("\n")).toContain(`[说明] ${notice}`);
    expect(plain.out.join("\n")).toContain("请指定考核期间（如 2021-04）");
    const given = capture();
    expect(await main(["--ledger", ledger, "--period", "2021", "-o", join(dir, "two-months-year.xlsx")], given.io)).toBe(EXIT.ok);
    expect(given.out.join("\n")).not.toContain("未指定考核期间");
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

  it("into an existing workbook: its typed counts are replaced only with --replace-typed; its other sheets and columns are kept", async () => {
    const input = join(dir, "fixture.xlsx");
    await writeXlsx(fixture().workbook, input);
    const output = join(dir, "fixture-out.xlsx");
    // The fixture's counts were typed by hand (no import record): exit 2, every such cell listed, nothing written.
    const refused = capture();
    expect(await main([input, "--ledger", clean, "-o", output], refused.io)).toBe(EXIT.usage);
    expect(refused.err[0]).toContain("本工作簿尚无导入记录，非空的数字都视为手工填写");
    const read = await readLedgerFile(clean, { rules: LEDGER_RULES });
    if (read.status !== "ok") throw new Error("ledger not ok");
    const counts = new Map(read.data.counts(parsePeriod("2021")).map((c) => [c.单位名称, c as unknown as Record<string, number>]));
    // Independently: every non-blank fixture value that differs from the ledger's, in the fixture's row order.
    const expected = HOTLINE.flatMap((row, i) => [...COUNT_LABELS, LABEL.monthly].flatMap((label) => {
      const imported = label === LABEL.monthly ? counts.get(String(row[LABEL.name]))![LABEL.total] / 12 : counts.get(String(row[LABEL.name]))![label];
      const typed = row[label];
      return typed === null || typed === imported ? [] : [`  热线数据!${String.fromCharCode(65 + HOTLINE_LABELS.indexOf(label))}${i + 3}  ${row[LABEL.name]}  ${label}  手工值 ${typed}  导入值 ${imported}`];
    }));
    expect(refused.err.filter((l) => /^ {2}热线数据!/u.test(l))).toEqual(expected);
    expect(refused.err.at(-1)).toContain("请加 --replace-typed 重新运行");
    expect(existsSync(output)).toBe(false);
    const { io } = capture();
    expect(await main([input, "--ledger", clean, "--replace-typed", "-o", output], io)).toBe(EXIT.ok);
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
