/**
 * Issue 8's hostile corpus for data, encodings and file safety: each case runs the command in-process and
 * states its exit code, a message it must print and the counts or cells it must write. The ledger files are
 * built by scripts/hostile/ledger-files.ts (counts by hand there); the workbooks are built here.
 */
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXPECTED_COUNTS, NO_DISPATCH_COUNTS, writeLedgerFiles } from "../../scripts/hostile/ledger-files";
import { EXIT, main } from "../../src/cli/assess";
import { LABEL, RESULT_LABEL, SHEET } from "../../src/workbook/contract";
import { ExcelJsWorkbookPort, writeXlsx } from "../../src/workbook/adapters/exceljs";
import type { CellValue } from "../../src/workbook/port";
import { fixtureSheets } from "../workbook/fixtures";
import { resultTable, sheetTable, workbookOf } from "../workbook/helpers";
import { hotlineRows } from "../workbook/ledger/helpers";

jest.setTimeout(120_000);

const dir = mkdtempSync(join(tmpdir(), "hostile-data-"));
const ledger = writeLedgerFiles(join(dir, "ledger"));

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, text: [...out, ...err].join("\n") };
}

/** The fixture workbook with a change, written to a file. */
async function workbook(name: string, change: (sheets: Record<string, CellValue[][]>) => void = () => undefined): Promise<string> {
  const sheets = fixtureSheets();
  change(sheets);
  const path = join(dir, name);
  await writeXlsx(workbookOf(sheets).workbook, path);
  return path;
}

const col = (sheets: Record<string, CellValue[][]>, sheet: string, label: string) => sheets[sheet][1].indexOf(label);

async function resultTitle(path: string): Promise<string> {
  const port = await ExcelJsWorkbookPort.fromFile(path);
  return String((await port.read([SHEET.result])).get(SHEET.result)?.values[0][0]);
}

describe("hostile ledgers: encodings, delimiters, line ends (exit, message, counts)", () => {
  const clean = ["utf8.csv", "utf16le-bom.csv", "utf16le.csv", "utf16be-bom.csv", "utf16be.csv", "gb18030.csv", "semicolon.csv", "tab.csv", "cr-only.csv"];
  it.each(clean)("%s: exit 0, every count as by hand (拒绝回访 understood as 拒访)", async (name) => {
    const output = join(dir, `${name}.xlsx`);
    const { code, text } = await run(["--ledger", ledger[name], "--period", "2021", "-o", output]);
    expect([code, text]).toEqual([EXIT.ok, expect.stringContaining("共读取4行工单，计入4行，0行有问题未计入")]);
    const rows = await hotlineRows(await ExcelJsWorkbookPort.fromFile(output));
    for (const [unit, counts] of Object.entries(EXPECTED_COUNTS)) {
      for (const [label, value] of Object.entries(counts)) expect([unit, label, rows.get(unit)?.[label]]).toEqual([unit, label, value]);
    }
  });

  it.each([
    ["header-only.csv", EXIT.problems, "没有可计入的工单（读取0行）"],
    ["unknown-callback.csv", EXIT.problems, "回访结果“拒绝接听”无法识别"],
    ["mixed-encoding.csv", EXIT.problems, "第6行（承办单位）：承办单位含有按文件编码（utf8）无法识别的字节"],
    ["control-bytes.csv", EXIT.problems, "承办单位“汉阴\\x1b[31m县”不在"],
    ["no-dispatch-time.csv", EXIT.problems, "第6行（派单时间）：派单时间为空；该工单仍计入不需要派单时间的各项计数"],
    ["odd-header.csv", EXIT.usage, "例如 --map 流水号=工单编号"],
    ["old.xls", EXIT.usage, "另存为 .xlsx"],
    ["picture.csv", EXIT.usage, "不是表格文件"],
  ])("%s: exit %i, says %s", async (name, exit, message) => {
    const output = join(dir, `${name}.xlsx`);
    const { code, text } = await run(["--ledger", ledger[name], "--period", "2021", "-o", output]);
    expect([code, text]).toEqual([exit, expect.stringContaining(message)]);
    expect(text).not.toMatch(/\u001b/u); // no raw control byte reaches the terminal
  });

  it("a header-only ledger scores nothing (never 77 units at 100)", async () => {
    const output = join(dir, "header-only.csv.xlsx");
    const { text } = await run(["--ledger", ledger["header-only.csv"], "-o", output]);
    expect(text).toContain("已计分0个");
    expect(await resultTitle(output)).toContain("草稿：校验表中有");
  });

  it("an unknown 回访结果 still counts in 工单总量 and 应办结数; undecodable and unknown rows are not guessed", async () => {
    const unknown = join(dir, "unknown-callback.csv.xlsx");
    await run(["--ledger", ledger["unknown-callback.csv"], "--period", "2021", "-o", unknown]);
    expect((await hotlineRows(await ExcelJsWorkbookPort.fromFile(unknown))).get("汉滨区政府")).toEqual(expect.objectContaining(EXPECTED_COUNTS.汉滨区政府));
    for (const name of ["mixed-encoding.csv", "control-bytes.csv"]) {
      const output = join(dir, `${name}.xlsx`);
      await run(["--ledger", ledger[name], "--period", "2021", "-o", output]);
      expect((await hotlineRows(await ExcelJsWorkbookPort.fromFile(output))).get("汉阴县政府")).toEqual(expect.objectContaining(EXPECTED_COUNTS.汉阴县政府));
    }
  });

  it("an unreadable 派单时间 leaves 工单总量, 退单数 and 延期申请数 only: the order is still due and a callback", async () => {
    const output = join(dir, "no-dispatch-time.csv.xlsx");
    const { text } = await run(["--ledger", ledger["no-dispatch-time.csv"], "--period", "2021", "-o", output]);
    expect(text).toContain("第7行（派单时间）：派单时间“2021-03-32 09:00”无法识别为日期时间");
    const rows = await hotlineRows(await ExcelJsWorkbookPort.fromFile(output));
    for (const [unit, counts] of Object.entries(NO_DISPATCH_COUNTS)) expect(rows.get(unit)).toEqual(expect.objectContaining(counts));
  });

  // importLedger decides that a ledger yields no order in the period; the command only reports it (exit 1).
  it.each([
    ["every order in another year", "another-year", (line: string) => line.replace(/2021-/gu, "2020-"), "没有可计入的工单（读取4行）"],
    ["every 派单时间 unreadable (due orders alone are no 工单总量)", "no-dispatch", (line: string) => line.replace(/,2021-03-0(\d) 09:00:00,/gu, ",3月$1日上午,"),
      "第2行（派单时间）：派单时间“3月1日上午”无法识别"],
  ])("%s: exit 1, says so, fills nothing into 热线数据", async (_name, slug, change, message) => {
    const file = join(dir, `${slug}.csv`);
    writeFileSync(file, readFileSync(ledger["utf8.csv"], "utf8").split("\r\n").map((line, i) => (i === 0 ? line : change(line))).join("\r\n"));
    const output = join(dir, `${slug}.xlsx`);
    const { code, text } = await run(["--ledger", file, "-o", output]);
    expect([code, text]).toEqual([EXIT.problems, expect.stringContaining("在考核期间2021年度没有可计入的工单")]);
    expect(text).toContain(message);
    const rows = await hotlineRows(await ExcelJsWorkbookPort.fromFile(output));
    expect(rows.get("汉滨区政府")?.[LABEL.total] ?? null).toBeNull();
    expect(rows.get("汉滨区政府")?.[LABEL.due] ?? null).toBeNull();
  });
});

describe("hostile workbooks: missing data and open problems are visible", () => {
  it("a blank template: exit 1, nothing scored, the result a draft", async () => {
    const template = join(dir, "blank.xlsx");
    expect((await run(["--template", "-o", template])).code).toBe(EXIT.ok);
    const output = join(dir, "blank-result.xlsx");
    const { code, text } = await run([template, "-o", output]);
    expect([code, text]).toEqual([EXIT.problems, expect.stringContaining("热线数据中尚未填写任何单位的工单数：77个单位均缺少数据，尚未计分。")]);
    expect(text).toContain("已计分0个");
    expect(await resultTitle(output)).toMatch(/草稿：校验表中有 \d+ 个问题未解决/u);
  });

  it("a blank 热线数据 row: exit 1, that unit 缺少数据，未计分, the others scored", async () => {
    const input = await workbook("blank-row.xlsx", (s) => {
      for (const label of [LABEL.total, LABEL.due, LABEL.onTime, LABEL.returned, LABEL.extensions, LABEL.validCallbacks, LABEL.satisfied]) {
        s[SHEET.hotline][5][col(s, SHEET.hotline, label)] = null; // 市公安局
      }
    });
    const output = join(dir, "blank-row-result.xlsx");
    const { code, text } = await run([input, "-o", output]);
    expect([code, text]).toEqual([EXIT.problems, expect.stringContaining("市公安局：热线数据中该单位的工单数均为空白")]);
    const table = await resultTable(await ExcelJsWorkbookPort.fromFile(output));
    expect([table.get("市公安局")?.[RESULT_LABEL.total], table.get("市公安局")?.[RESULT_LABEL.explanation]])
      .toEqual([null, "缺少数据，未计分：热线数据中该单位的工单数均为空白"]);
    expect(table.get("汉滨区政府")?.[RESULT_LABEL.total]).toBe(97);
  });

  it("a typo in 扣分登记 事项: exit 1, listed, the table a draft naming it in the unit's row", async () => {
    const input = await workbook("typo.xlsx", (s) => {
      s[SHEET.deductions][2][col(s, SHEET.deductions, LABEL.item)] = "反馈内容与实际不付";
    });
    const output = join(dir, "typo-result.xlsx");
    const { code, text } = await run([input, "-o", output]);
    expect([code, text]).toEqual([EXIT.problems, expect.stringContaining("“反馈内容与实际不付”")]);
    expect(await resultTitle(output)).toContain("草稿：校验表中有 1 个问题未解决");
    const table = await resultTable(await ExcelJsWorkbookPort.fromFile(output));
    expect(table.get("汉滨区政府")?.[RESULT_LABEL.explanation]).toMatch(/^数据有误，未计分：扣分登记 C3/u);
  });

  it("text over 32,767 characters: every written cell fits, cut with a visible mark", async () => {
    const input = await workbook("long.xlsx", (s) => {
      s[SHEET.hotline].push(s[SHEET.hotline][1].map((label) => (label === LABEL.name ? `市${"某".repeat(40_000)}局` : label === LABEL.total ? 1 : null)));
    });
    const output = join(dir, "long-result.xlsx");
    const { code } = await run([input, "-o", output]);
    expect(code).toBe(EXIT.problems);
    const checks = await sheetTable(await ExcelJsWorkbookPort.fromFile(output), SHEET.checks);
    const long = checks.find((r) => String(r[LABEL.problem]).includes("某某某"));
    expect(String(long?.[LABEL.problem]).length).toBeLessThanOrEqual(32_767);
    expect(String(long?.[LABEL.problem])).toMatch(/已截断：原文\d+字/u);
  });
});

describe("a user's file is never destroyed", () => {
  it.each(["symbolic link", "hard link", "same path"])("-o naming the input through a %s: exit 2, input unchanged", async (kind) => {
    const input = await workbook(`linked-${kind.replace(" ", "-")}.xlsx`);
    const before = readFileSync(input);
    const output = kind === "same path" ? input : join(dir, `link-${kind.replace(" ", "-")}.xlsx`);
    if (kind === "symbolic link") symlinkSync(input, output);
    if (kind === "hard link") linkSync(input, output);
    const { code, text } = await run([input, "-o", output]);
    expect([code, text]).toEqual([EXIT.usage, expect.stringContaining("就是输入文件")]);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it("--ledger's file is protected too", async () => {
    const before = readFileSync(ledger["utf8.csv"]);
    const link = join(dir, "ledger-link.xlsx");
    symlinkSync(ledger["utf8.csv"], link);
    expect((await run(["--ledger", ledger["utf8.csv"], "-o", link])).code).toBe(EXIT.usage);
    expect(readFileSync(ledger["utf8.csv"]).equals(before)).toBe(true);
  });

  it("--template over an existing file: exit 2 and untouched; with --force replaced", async () => {
    const filled = await workbook("filled.xlsx");
    const before = readFileSync(filled);
    const refused = await run(["--template", "-o", filled]);
    expect([refused.code, refused.text]).toEqual([EXIT.usage, expect.stringContaining("已存在")]);
    expect(readFileSync(filled).equals(before)).toBe(true);
    expect((await run(["--template", "--force", "-o", filled])).code).toBe(EXIT.ok);
    expect(readFileSync(filled).equals(before)).toBe(false);
  });

  it("results go through a temporary file renamed into place: none is left behind, an old output is replaced whole", async () => {
    const input = await workbook("atomic.xlsx");
    const output = join(dir, "atomic-out", "r.xlsx");
    expect((await run([input, "-o", output])).code).toBe(EXIT.ok);
    expect((await run([input, "-o", output])).code).toBe(EXIT.ok);
    const { readdirSync } = await import("node:fs");
    expect(readdirSync(join(dir, "atomic-out"))).toEqual(["r.xlsx"]);
    expect(existsSync(output)).toBe(true);
  });

  it("an old .xls or a non-spreadsheet given as the workbook is named as such", async () => {
    const xls = join(dir, "old-input.xlsx");
    writeFileSync(xls, readFileSync(ledger["old.xls"]));
    expect((await run([xls, "-o", join(dir, "x.xlsx")])).text).toContain("另存为 .xlsx");
    const folder = join(dir, "folder.xlsx");
    mkdirSync(folder);
    expect((await run([folder, "-o", join(dir, "y.xlsx")])).code).toBe(EXIT.usage);
  });
});
