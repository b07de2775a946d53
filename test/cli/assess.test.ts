import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { EXIT, main } from "../../src/cli/assess";
import { SHEET } from "../../src/workbook/contract";
import { ExcelJsWorkbookPort, writeXlsx } from "../../src/workbook/adapters/exceljs";
import { fixture } from "../workbook/fixtures";
import { sheetTable } from "../workbook/helpers";

const ROOT = resolve(__dirname, "..", "..");
const SAMPLE = join(ROOT, "samples", "ankang-2021-sample.xlsx");

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

const tmp = () => mkdtempSync(join(tmpdir(), "assess-"));

describe("npm run assess (main)", () => {
  it("exit 0: computes the sample, prints the ranking, the veto results and the problems, writes the result", async () => {
    const output = join(tmp(), "r.xlsx");
    const { io, out, err } = capture();
    expect(await main([SAMPLE, "-o", output], io)).toBe(EXIT.ok);
    expect(err).toEqual([]);
    const text = out.join("\n");
    // The sample carries the 2021 method as sheets (创建/补全模板 writes them).
    expect(text).toContain("考核办法：2021年度考核办法（安行审函〔2021〕73号）");
    expect(text).toContain("12345热线考核：77个单位，已计分77个");
    expect(text).toMatch(/排名\s+单位名称\s+类别\s+总分\s+扣分说明/);
    expect(text).toMatch(/\n\s+1\s+市人力资源和社会保障局\s+市直\s+120\s+月均办件量275件/);
    expect(text).toContain("审批服务便民化（一票否决）：37个部门");
    expect(text).toContain("校验：未发现问题");
    expect(text).toContain(`结果已写入：${output}`);
    const written = await ExcelJsWorkbookPort.fromFile(output);
    const table = await sheetTable(written, SHEET.result);
    expect(table).toHaveLength(77);
    // The terminal shows the start of each 扣分说明 without its quoted clauses; the file quotes them (spec G).
    expect(text).toMatch(/\n\s+2\s+汉滨区政府\s+县区\s+118\s+未第一时间联系诉求人3件扣3分；反馈内容不规范2件扣4分/);
    expect(text).not.toContain("依据：");
    const hanbin = table.find((r) => r["单位名称"] === "汉滨区政府");
    expect(String(hanbin?.["扣分说明"])).toMatch(/^未第一时间联系诉求人3件扣3分（依据：/);
  });

  it("exit 1: the input has errors; the workbook is still written with 校验 filled", async () => {
    const dir = tmp();
    const input = join(dir, "bad.xlsx");
    const port = fixture();
    port.workbook.getWorksheet(SHEET.hotline)!.getCell("C3").value = "很多";
    await writeXlsx(port.workbook, input);
    const { io, out, err } = capture();
    expect(await main([input], io, { cwd: dir })).toBe(EXIT.problems);
    expect(err.join("\n")).toContain("输入数据有1个错误");
    expect(out.join("\n")).toContain("[错误] 热线数据!C3　汉滨区政府：工单总量的值“很多”不是数字");
    const written = await ExcelJsWorkbookPort.fromFile(join(dir, "out", "bad-result.xlsx"));
    expect((await sheetTable(written, SHEET.checks))[0]).toMatchObject({ 工作表: SHEET.hotline, 单元格: "C3", 级别: "错误" });
  });

  it("exit 0: --template writes a blank template", async () => {
    const output = join(tmp(), "sub", "t.xlsx");
    const { io, out } = capture();
    expect(await main(["--template", "-o", output], io)).toBe(EXIT.ok);
    expect(out).toEqual([`空白模板已写入：${output}（考核办法：内置2021年度办法）`]);
    const t = await ExcelJsWorkbookPort.fromFile(output);
    expect(await sheetTable(t, SHEET.units)).toHaveLength(77);
  });

  it("exit 0: --help", async () => {
    const { io, out } = capture();
    expect(await main(["--help"], io)).toBe(EXIT.ok);
    expect(out.join("\n")).toContain("用法：npm run assess -- [输入.xlsx] [-o 输出.xlsx]");
  });

  it.each([
    [["--bogus"], "未知选项“--bogus”。"],
    [["nope.xlsx"], "找不到输入文件“nope.xlsx”。"],
    [["notes.txt"], "“notes.txt”不是 .xlsx 文件"],
  ])("exit 2 on wrong usage: %j", async (argv, message) => {
    const { io, err } = capture();
    expect(await main(argv, io)).toBe(EXIT.usage);
    expect(err.join("\n")).toContain(message);
  });

  it("exit 2: a file named .xlsx that is not a workbook, and an output that would overwrite the input", async () => {
    const dir = tmp();
    const fake = join(dir, "fake.xlsx");
    writeFileSync(fake, "这不是工作簿");
    const a = capture();
    expect(await main([fake, "-o", join(dir, "r.xlsx")], a.io)).toBe(EXIT.usage);
    expect(a.err.join("\n")).toContain("不是 Excel 工作簿");
    expect(existsSync(join(dir, "r.xlsx"))).toBe(false);
    const b = capture();
    expect(await main([SAMPLE, "-o", SAMPLE], b.io)).toBe(EXIT.usage);
    expect(b.err.join("\n")).toContain("就是输入文件");
  });
});

describe("the command as npm runs it (scripts/assess.cjs)", () => {
  const run = (args: string[]) =>
    spawnSync("node", ["scripts/assess.cjs", ...args], { cwd: ROOT, encoding: "utf8", timeout: 60000 });

  it("exits 0 on the sample and 2 on an unknown flag, with a Chinese message on stderr", () => {
    const ok = run(["-o", join(tmp(), "r.xlsx")]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("已计分77个");
    const bad = run(["--frobnicate"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("未知选项“--frobnicate”。");
  }, 60000);

  it("build/assess.cjs keeps V8's code cache of the bundle: written by the first real run, then read, the result the same", () => {
    expect(run(["--help"]).status).toBe(0); // builds the bundle when stale
    const cacheDir = join(ROOT, "build", "code-cache");
    rmSync(cacheDir, { recursive: true, force: true });
    const direct = (out: string) => spawnSync("node", ["build/assess.cjs", "--ledger", "samples/ankang-2021-ledger.csv", "--period", "2021", "-o", out], {
      cwd: ROOT, encoding: "utf8", timeout: 60000,
    });
    const dir = tmp();
    const first = direct(join(dir, "a.xlsx"));
    expect(first.status).toBe(0);
    const written = readdirSync(cacheDir);
    expect(written).toEqual([expect.stringMatching(/^assess-main-\d+-\d+-[0-9a-f]+\.bin$/)]);
    const time = statSync(join(cacheDir, written[0])).mtimeMs;
    const second = direct(join(dir, "b.xlsx"));
    expect(second.status).toBe(0);
    expect(second.stdout.replace("b.xlsx", "a.xlsx")).toBe(first.stdout);
    expect(readdirSync(cacheDir)).toEqual(written);
    expect(statSync(join(cacheDir, written[0])).mtimeMs).toBe(time); // accepted by V8, not written again
  }, 60000);
});
