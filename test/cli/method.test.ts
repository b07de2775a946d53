/*
 * npm run assess -- --method OTHER.xlsx (spec G, issue 10 item 3): the 2026 method fixture written to a real
 * .xlsx scores another workbook and a ledger; the expected totals come from the fixture's plain reference.
 * A method file that cannot give a method stops the run before anything is written (exit 2).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXIT, main } from "../../src/cli/assess";
import { applies, type UnitType } from "../../src/engine";
import { LABEL, PARAM, RESULT_LABEL, SHEET, type SheetName } from "../../src/workbook/contract";
import { ExcelJsWorkbookPort, writeXlsx } from "../../src/workbook/adapters/exceljs";
import { readMethod } from "../../src/workbook/method";
import type { CellValue } from "../../src/workbook/port";
import {
  APPROVAL_METHOD_2026, HOTLINE_FORMATS_2026, HOTLINE_METHOD_2026, PARAMS_2026, UNITS_2026, method2026Sheets,
} from "../fixtures/method-2026/method-2026";
import { reference, type Unit } from "../fixtures/method-2026/reference";
import { resultTable, serial, sheetRows, sheetTable, workbookOf, type Row } from "../workbook/helpers";

jest.setTimeout(180_000);

const SAMPLE = join(__dirname, "..", "..", "samples", "ankang-2021-sample.xlsx");

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

const digest = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

type Grid = CellValue[][];

/**
 * The method workbook as an office keeps it: the method sheets, 参数 and 承办单位 (and `more` sheets); 0.98 in a
 * cell formatted 0%.
 */
async function writeMethodFile(path: string, hotline: Grid = HOTLINE_METHOD_2026, more: Record<string, Grid> = {}): Promise<void> {
  const port = workbookOf({ ...more, 考核办法: hotline, 便民化考核办法: APPROVAL_METHOD_2026, [SHEET.params]: PARAMS_2026, [SHEET.units]: UNITS_2026 });
  const sheet = port.workbook.getWorksheet("考核办法")!;
  HOTLINE_FORMATS_2026.forEach((row, r) => row.forEach((format, c) => {
    if (format) sheet.getCell(r + 1, c + 1).numFmt = format;
  }));
  await writeXlsx(port.workbook, path);
}

/** The 2026 rule set, only to lay out the input's 便民化考核 (which items apply to whom). */
const RULES = (() => {
  const read = readMethod(method2026Sheets());
  if (!read.ok) throw new Error("fixture refused");
  return read.rules;
})();

/** Unit i's counts, spread over the bands; 市数据局 written under its alias. */
function unitOf(i: number, name: string, type: UnitType): Unit & { name: string; written: string } {
  const total = 150 + 41 * i;
  const due = total - (i % 5);
  const onTime = due - Math.floor((due * (i % 7)) / 100);
  const valid = 90 + i;
  return {
    name, written: name === "市数据局" ? "市大数据局" : name, type,
    pairs: [[onTime, due], [Math.floor((total * (i % 17)) / 100), total], [Math.floor((total * (i % 11)) / 100), total],
      [valid - Math.floor((valid * (i % 43)) / 100), valid]],
    cases: i % 8 === 0 ? { 工单分类错误: i % 7 } : {}, bonus: {}, average: total / 12,
  };
}

const UNITS = UNITS_2026.slice(1).map((r, i) => unitOf(i, String(r[0]), r[1] as UnitType));

/** A 2026 data workbook without method sheets (unless `own` adds some): 参数 names the year only. */
function inputSheets(own: Record<string, Grid> = {}): Record<string, Grid> {
  const hotline: Row[] = UNITS.map((u) => ({
    [LABEL.name]: u.written, [LABEL.total]: u.pairs[1][1], [LABEL.due]: u.pairs[0][1], [LABEL.onTime]: u.pairs[0][0],
    [LABEL.returned]: u.pairs[1][0], [LABEL.extensions]: u.pairs[2][0], [LABEL.validCallbacks]: u.pairs[3][1], [LABEL.satisfied]: u.pairs[3][0],
  }));
  const deductions: Row[] = UNITS.filter((u) => (u.cases.工单分类错误 ?? 0) > 0).map((u) => ({
    [LABEL.date]: serial("2026-06-01"), [LABEL.name]: u.written, [LABEL.item]: "工单分类错误", [LABEL.quantity]: u.cases.工单分类错误,
  }));
  const approval: Grid = [["便民化考核（测试）"], [LABEL.name, ...RULES.approval.items.map((i) => `事项${i.no}`), LABEL.evidenceDate]];
  for (const org of RULES.registry.approvalDepartments()) {
    const statuses = RULES.approval.items.map((item) => (!applies(RULES.approval, RULES.registry, org, item.no) ? "不涉及"
      : org.approvalName === "市民政局" && item.no === 7 ? "未完成" : "完成"));
    approval.push([org.approvalName as string, ...statuses, org.approvalName === "市公安局" ? serial("2026-12-01") : null]);
  }
  return {
    [SHEET.params]: [[LABEL.param, LABEL.value], [PARAM.year, 2026]],
    [SHEET.units]: UNITS_2026.map((r) => r.slice(0, 2)),
    [SHEET.hotline]: sheetRows(SHEET.hotline, hotline),
    [SHEET.deductions]: sheetRows(SHEET.deductions, deductions),
    [SHEET.bonuses]: sheetRows(SHEET.bonuses, []),
    [SHEET.approval]: approval,
    ...own,
  };
}

describe("--method OTHER.xlsx scores a workbook by that workbook's method", () => {
  let dir: string;
  let methodFile: string;
  let methodDigest: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "assess-method-"));
    methodFile = join(dir, "办法2026.xlsx");
    await writeMethodFile(methodFile);
    methodDigest = digest(methodFile);
  });

  test("exit 0: every total is the reference's, the veto is 0.3, the heading names the method; the method file is unchanged", async () => {
    const input = join(dir, "数据2026.xlsx");
    await writeXlsx(workbookOf(inputSheets()).workbook, input);
    const output = join(dir, "r1.xlsx");
    const { io, out, err } = capture();
    expect(await main([input, "--method", methodFile, "-o", output], io)).toBe(EXIT.ok);
    expect(err).toEqual([]);
    const text = out.join("\n");
    expect(text).toContain("安康市2026年度考核计算");
    expect(text).toContain(`考核办法：2026年度考核办法（来自 --method ${methodFile}）`);
    expect(text).toContain("12345热线考核：77个单位，已计分77个");
    expect(text).toContain("审批服务便民化（一票否决）：37个部门，扣分2个");
    expect(text).toMatch(/市民政局\s+扣0\.3分/);
    expect(text).toMatch(/市公安局\s+扣0\.3分/);

    const written = await ExcelJsWorkbookPort.fromFile(output);
    const table = await resultTable(written);
    expect(table.has("市审计局")).toBe(false);
    for (const u of UNITS) expect([u.name, table.get(u.name)?.[RESULT_LABEL.total]]).toEqual([u.name, reference(u)]);
    expect(digest(methodFile)).toBe(methodDigest);
    expect(written.workbook.getWorksheet("考核办法")).toBeUndefined();
  });

  test("the input's own method sheets are set aside: --method rules, the heading and 校验 say so", async () => {
    // The input's own method would refuse to score (its caps sum to 101): scores prove it was not used.
    const broken = HOTLINE_METHOD_2026.map((r, i) => (i === 28 ? r.map((v, c) => (c === 1 ? 6 : v)) : r));
    const input = join(dir, "自带办法.xlsx");
    await writeXlsx(workbookOf(inputSheets({ 考核办法: broken, 便民化考核办法: APPROVAL_METHOD_2026 })).workbook, input);
    const output = join(dir, "r2.xlsx");
    const { io, out } = capture();
    expect(await main([input, "--method", methodFile, "-o", output], io)).toBe(EXIT.ok);
    expect(out.join("\n")).toContain(`考核办法：2026年度考核办法（来自 --method ${methodFile}；输入工作簿自带的办法表未使用）`);
    const written = await ExcelJsWorkbookPort.fromFile(output);
    const table = await resultTable(written);
    for (const u of UNITS) expect([u.name, table.get(u.name)?.[RESULT_LABEL.total]]).toEqual([u.name, reference(u)]);
    const checks = await sheetTable(written, SHEET.checks);
    expect(checks).toContainEqual(expect.objectContaining({
      工作表: "考核办法", 级别: "警告", 问题: expect.stringContaining("未使用本工作簿自带的办法表"),
    }));
  });

  test("--ledger without a workbook: a template of the method's units and year; the alias counts, a removed unit is a problem row", async () => {
    const order = (id: string, unit: string, closed: string, callback: string) =>
      [id, unit, "2026-03-01 09:00:00", "2026-03-10 18:00:00", closed, "否", "否", callback].join(",");
    const onTime = "2026-03-05 10:00:00";
    const late = "2026-03-12 10:00:00";
    const rows = [
      "工单编号,承办单位,派单时间,办理时限,办结时间,是否退单,是否申请延期,回访结果",
      // 市数据局 through 市大数据局: 9 of 10 on time (90%), 8 of 10 satisfied (80%, 基本满意 counts).
      ...Array.from({ length: 10 }, (_, i) =>
        order(`S${i}`, i % 2 === 0 ? "市大数据局" : "市数据局", i === 0 ? late : onTime, i < 7 ? "满意" : i === 7 ? "基本满意" : "不满意")),
      order("H1", "汉滨区政府", onTime, "满意"),
      order("A1", "市审计局", onTime, "满意"),
    ];
    const ledger = join(dir, "工单2026.csv");
    writeFileSync(ledger, `${rows.join("\n")}\n`);
    const output = join(dir, "r3.xlsx");
    const { io, out, err } = capture();
    expect(await main(["--ledger", ledger, "--method", methodFile, "-o", output], io)).toBe(EXIT.problems);
    const text = out.join("\n");
    expect(text).toContain(`工单导入：${ledger}（考核期间：2026年度）`);
    expect(text).toContain(`考核办法：2026年度考核办法（来自 --method ${methodFile}）`);
    expect(text).toContain("市审计局");
    expect(err.join("\n")).toContain("工单明细有1行存在问题（整行未计入，或只部分计入）");

    const written = await ExcelJsWorkbookPort.fromFile(output);
    const units = (await sheetTable(written, SHEET.units)).map((r) => r[LABEL.name]);
    expect(units).toContain("市数据局");
    expect(units).not.toContain("市审计局");
    const hotline = new Map((await sheetTable(written, SHEET.hotline)).map((r) => [r[LABEL.name], r]));
    expect(hotline.get("市数据局")).toMatchObject({ [LABEL.total]: 10, [LABEL.due]: 10, [LABEL.onTime]: 9, [LABEL.validCallbacks]: 10, [LABEL.satisfied]: 8 });
    const table = await resultTable(written);
    const unit = (pairs: [number, number][], type: UnitType, total: number): Unit => ({ type, pairs, cases: {}, bonus: {}, average: total / 12 });
    expect(table.get("市数据局")?.[RESULT_LABEL.total]).toBe(reference(unit([[9, 10], [0, 10], [0, 10], [8, 10]], "市直", 10)));
    expect(table.get("汉滨区政府")?.[RESULT_LABEL.total]).toBe(reference(unit([[1, 1], [0, 1], [0, 1], [1, 1]], "县区", 1)));
    expect(table.has("市审计局")).toBe(false);
  });

  test("--template --method: next year's blank template carries the method file's method, which reads back the same", async () => {
    const output = join(dir, "模板2026.xlsx");
    const { io, out } = capture();
    expect(await main(["--template", "--method", methodFile, "-o", output], io)).toBe(EXIT.ok);
    expect(out.join("\n")).toContain("考核办法：2026年度考核办法");
    expect(digest(methodFile)).toBe(methodDigest);
    const written = await ExcelJsWorkbookPort.fromFile(output);
    const read = readMethod(await written.read(["考核办法", "便民化考核办法", SHEET.params, SHEET.units, SHEET.approval], { numberFormats: true }));
    if (!read.ok) throw new Error(read.problems.map((p) => p.message).join("; "));
    // The same rules as the method file's (spec G's 2026 differences included), not the built-in 2021 ones.
    const { hotline, approval } = read.rules;
    expect(hotline.categories.map((c) => [c.name, c.cap])).toEqual(RULES.hotline.categories.map((c) => [c.name, c.cap]));
    expect(hotline.categories.find((c) => c.name === "工单质量")?.cap).toBe(5);
    expect(hotline.rates).toEqual(RULES.hotline.rates);
    expect(hotline.cases.map((c) => [c.label, c.points])).toEqual(RULES.hotline.cases.map((c) => [c.label, c.points]));
    expect(approval.cap).toBe(0.3);
    expect(approval.items.map((i) => i.no)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(approval.evidenceDeadline).toBe(RULES.approval.evidenceDeadline);
    const units = await sheetTable(written, SHEET.units);
    expect(units.map((r) => r[LABEL.name])).toContain("市数据局");
    expect(units.map((r) => r[LABEL.name])).not.toContain("市审计局");
    // 别名 carries the office's own spelling; the built-in ones (spec C, e.g. 汉滨区 for 汉滨区政府) are not written.
    expect(units.find((r) => r[LABEL.name] === "市数据局")).toMatchObject({ 别名: "市大数据局" });
    expect(units.find((r) => r[LABEL.name] === "汉滨区政府")?.别名 ?? null).toBeNull();

    // The template, filled in: 市数据局's counts, and a 扣分登记 row naming it by its alias.
    const u = unitOf(8, "市数据局", "市直");
    const row = (sheet: string, name: string): number => {
      const values = (written.workbook.getWorksheet(sheet)?.getSheetValues() ?? []) as unknown[][];
      const at = values.findIndex((r) => Array.isArray(r) && r.includes(name));
      if (at < 0) throw new Error(`no row ${name} in ${sheet}`);
      return at;
    };
    const fill = async (sheet: SheetName, at: number, cells: Row) => {
      const snap = (await written.read([sheet])).get(sheet);
      const header = snap?.values.findIndex((r) => r.includes(LABEL.name)) ?? -1;
      for (const [label, value] of Object.entries(cells)) {
        const column = snap?.values[header].indexOf(label) ?? -1;
        if (column < 0) throw new Error(`no column ${label} in ${sheet}`);
        written.workbook.getWorksheet(sheet)!.getCell(at < 0 ? header + 2 : at, column + 1).value = value as never;
      }
    };
    await fill(SHEET.hotline, row(SHEET.hotline, "市数据局"), {
      [LABEL.total]: u.pairs[1][1], [LABEL.due]: u.pairs[0][1], [LABEL.onTime]: u.pairs[0][0], [LABEL.returned]: u.pairs[1][0],
      [LABEL.extensions]: u.pairs[2][0], [LABEL.validCallbacks]: u.pairs[3][1], [LABEL.satisfied]: u.pairs[3][0],
    });
    await fill(SHEET.deductions, -1, { [LABEL.date]: serial("2026-06-01"), [LABEL.name]: "市大数据局", [LABEL.item]: "工单分类错误", [LABEL.quantity]: 3 });
    const filled = join(dir, "模板2026-填写.xlsx");
    await writeXlsx(written.workbook, filled);
    const result = join(dir, "模板2026-计算.xlsx");
    await main([filled, "-o", result], capture().io);
    const computed = await ExcelJsWorkbookPort.fromFile(result);
    const checks = await sheetTable(computed, SHEET.checks);
    expect(checks.filter((c) => c.工作表 === SHEET.deductions)).toEqual([]);
    expect((await resultTable(computed)).get("市数据局")?.[RESULT_LABEL.total]).toBe(reference({ ...u, cases: { 工单分类错误: 3 } }));
  });
});

describe("--ledger by the input workbook's own method (no --method)", () => {
  const ORDERS = [
    "工单编号,承办单位,派单时间,办理时限,办结时间,是否退单,是否申请延期,回访结果",
    "S1,市大数据局,2026-03-01 09:00:00,2026-03-10 18:00:00,2026-03-05 10:00:00,否,否,满意",
    "S2,市数据局,2026-03-01 09:00:00,2026-03-10 18:00:00,2026-03-05 10:00:00,否,否,基本满意",
  ].join("\n");

  test("the units, aliases and callback rule are the workbook's: 市大数据局 counts for 市数据局", async () => {
    const dir = mkdtempSync(join(tmpdir(), "assess-own-"));
    const input = join(dir, "自带2026.xlsx");
    const { [SHEET.params]: _p, [SHEET.units]: _u, ...data } = inputSheets();
    await writeMethodFile(input, HOTLINE_METHOD_2026, data);
    const ledger = join(dir, "工单.csv");
    writeFileSync(ledger, ORDERS);
    const output = join(dir, "r.xlsx");
    const { io, out } = capture();
    // The workbook's counts were typed by hand (no import record): replacing them needs consent (spec I).
    await main([input, "--ledger", ledger, "--replace-typed", "-o", output], io);
    expect(out.join("\n")).toContain("考核办法：2026年度考核办法");
    const written = await ExcelJsWorkbookPort.fromFile(output);
    const hotline = new Map((await sheetTable(written, SHEET.hotline)).map((r) => [r[LABEL.name], r]));
    // The counts go into the row the office typed under the alias (a typed name is never changed).
    expect(hotline.get("市大数据局")).toMatchObject({ [LABEL.total]: 2, [LABEL.validCallbacks]: 2, [LABEL.satisfied]: 2 });
  });

  test("a refused own method imports nothing and lists the problem; 校验 is written, exit 1", async () => {
    const dir = mkdtempSync(join(tmpdir(), "assess-own-"));
    const input = join(dir, "坏办法.xlsx");
    const broken = HOTLINE_METHOD_2026.map((r, i) => (i === 28 ? r.map((v, c) => (c === 1 ? 6 : v)) : r));
    await writeMethodFile(input, broken);
    const ledger = join(dir, "工单.csv");
    writeFileSync(ledger, ORDERS);
    const output = join(dir, "r.xlsx");
    const { io, out } = capture();
    expect(await main([input, "--ledger", ledger, "-o", output], io)).toBe(EXIT.problems);
    expect(out.join("\n")).toContain("未导入工单");
    expect(out.join("\n")).toContain("类别分值合计101分");
    const checks = await sheetTable(await ExcelJsWorkbookPort.fromFile(output), SHEET.checks);
    expect(checks).toContainEqual(expect.objectContaining({ 工作表: "考核办法", 级别: "错误" }));
  });
});

describe("--method refusals: nothing is written (exit 2)", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "assess-method-no-"));
  });

  async function refused(argv: string[], output: string): Promise<string> {
    const { io, err, out } = capture();
    expect(await main([...argv, "-o", output], io)).toBe(EXIT.usage);
    expect(out).toEqual([]);
    expect(existsSync(output)).toBe(false);
    return err.join("\n");
  }

  test("a workbook without method sheets gives no method", async () => {
    const plain = join(dir, "无办法表.xlsx");
    await writeXlsx(workbookOf({ [SHEET.params]: [["参数", "值"], ["考核年度", 2021]], [SHEET.units]: UNITS_2026 }).workbook, plain);
    const text = await refused([SAMPLE, "--method", plain], join(dir, "a.xlsx"));
    expect(text).toContain(`办法文件“${plain}”中没有办法表“考核办法”“便民化考核办法”`);
  });

  test("a broken method: every problem with its sheet and cell", async () => {
    const method = join(dir, "坏办法.xlsx");
    const broken = HOTLINE_METHOD_2026.map((r, i) => (i === 2 ? r.map((v, c) => (c === 8 ? "三十" : v)) : r));
    await writeMethodFile(method, broken);
    const text = await refused([SAMPLE, "--method", method], join(dir, "b.xlsx"));
    expect(text).toContain(`办法文件“${method}”的考核办法有`);
    expect(text).toMatch(/\[错误\] \[坏办法\.xlsx\]考核办法!I3　.*“三十”不是数字/);
  });

  test("--method naming the output file, a file that is not a workbook, a missing file", async () => {
    const method = join(dir, "办法.xlsx");
    await writeMethodFile(method);
    const before = digest(method);
    const { io, err } = capture();
    expect(await main([SAMPLE, "--method", method, "-o", method], io)).toBe(EXIT.usage);
    expect(err.join("\n")).toContain(`输出文件“${method}”就是办法文件“${method}”`);
    expect(digest(method)).toBe(before);

    const fake = join(dir, "fake.xlsx");
    writeFileSync(fake, "not a workbook");
    expect(await refused([SAMPLE, "--method", fake], join(dir, "c.xlsx"))).toContain(`“${fake}”不是 Excel 工作簿`);
    expect(await refused([SAMPLE, "--method", join(dir, "none.xlsx")], join(dir, "d.xlsx"))).toContain("找不到办法文件");
  });

  test.each([
    [["--method", "办法.txt"], "办法文件“办法.txt”不是 .xlsx 文件"],
    [["--template", "--method", "办法.xlsx", "-o", "新模板.xlsx"], "找不到办法文件"],
    [["--method"], "选项“--method”后应跟一个值。"],
  ])("usage: %j", async (argv, message) => {
    const { io, err } = capture();
    expect(await main(argv, io)).toBe(EXIT.usage);
    expect(err.join("\n")).toContain(message);
  });
});
