/**
 * The hostile corpus (scripts/hostile): each file with its expected exit code, message and counts. No
 * input exits 3; damaged or oversized packages are refused with a Chinese message naming the part (and
 * the flag that raises a limit); valid producers' files are read like the sample.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { EXIT, main } from "../../src/cli/assess";
import { PackageWorkbookPort } from "../../src/workbook/adapters/package";
import { nodeFile } from "../../src/xlsx/node-file";
import { limitsOfMb } from "../../src/xlsx/limits";
import * as corpus from "../../scripts/hostile/corpus";

jest.setTimeout(120_000);

const dir = mkdtempSync(join(tmpdir(), "hostile-"));

async function run(name: string, bytes: Uint8Array, extra: string[] = []) {
  const input = join(dir, `${name}.xlsx`);
  writeFileSync(input, bytes);
  const output = join(dir, `${name}-out.xlsx`);
  const out: string[] = [];
  const err: string[] = [];
  const code = await main([input, "-o", output, ...extra], { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join("\n"), err: err.join("\n"), output, input };
}

let sampleRun: Awaited<ReturnType<typeof run>>;
const ranking = (text: string) => text.split("\n").filter((l) => /^\s+\d+\s/.test(l)).join("\n");

beforeAll(async () => {
  sampleRun = await run("sample", readFileSync(corpus.SAMPLE));
  expect(sampleRun.code).toBe(EXIT.ok);
});

describe("damaged packages: exit 2 with the part named, nothing written", () => {
  test.each([
    ["CRC-32 mismatch", () => corpus.crcMismatch(), "工作簿部件 xl/worksheets/sheet1.xml 的校验码（CRC-32）不符，文件已损坏"],
    ["bad local-header offset", () => corpus.badLocalOffset(), "工作簿部件 xl/workbook.xml 的位置记录有误"],
    ["bad ZIP64 locator", () => corpus.badZip64Locator(), "文件的 ZIP64 目录记录有误"],
    ["zip bomb understating its size", () => corpus.bombUnderstated(64), "工作簿部件 xl/worksheets/sheet1.xml 解压后长度与目录记载不符"],
  ])("%s", async (name, make, message) => {
    const r = await run(name.replace(/\W+/g, "-"), make());
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toContain(message);
    expect(r.err).not.toMatch(/Error|exceljs|undefined|invalid|\bat\s/i); // no English internals
  });
});

describe("parts beyond the size limit: refused before inflating, the flag named", () => {
  test.each([
    ["a zip bomb stating 256 MB", () => corpus.bombStated(256), ["--max-part-mb", "64"], "工作簿部件 xl/worksheets/sheet1.xml 解压后为 256 MB，超过上限 64 MB"],
    ["workbook.xml of 4 MB (held whole: 1/16 of the limit)", () => corpus.hugeWorkbookXml(4), ["--max-part-mb", "16"], "工作簿部件 xl/workbook.xml 解压后为 4."],
    ["sharedStrings.xml beyond the whole-part limit", () => corpus.hugeSharedStrings(200_000), ["--max-part-mb", "16"], "工作簿部件 xl/sharedStrings.xml 解压后为"],
    ["one 2 MB cell (row limit 1/64 of the part limit)", () => corpus.hugeCell(2), ["--max-part-mb", "32"], "中有一行（或一个单元格）超过 512 KB"],
  ])("%s", async (name, make, flags, message) => {
    const r = await run(name.replace(/\W+/g, "-"), make(), flags);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toContain(message);
    expect(r.err).toContain("--max-part-mb");
  });

  it("the same files are read when the limit is raised", async () => {
    const r = await run("huge-cell-raised", corpus.hugeCell(2), ["--max-part-mb", "256"]);
    expect(r.code).toBe(EXIT.ok);
    expect(ranking(r.out)).toBe(ranking(sampleRun.out));
  });
});

describe("valid files from other producers: the same results as the sample", () => {
  it("SpreadsheetML under an x: prefix (.NET Open XML SDK)", async () => {
    const r = await run("prefixed", corpus.prefixed());
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain("12345热线考核：77个单位，已计分77个");
    expect(ranking(r.out)).toBe(ranking(sampleRun.out));
  });

  it("承办单位 with whitespace between its elements four times the row limit: read, not refused as one huge row", async () => {
    // --max-part-mb 32: the row limit is 512 KB; the part holds 2 MB of spaces before </worksheet>.
    const r = await run("whitespace-between", corpus.honestHugePart("xl/worksheets/sheet2.xml", 2), ["--max-part-mb", "32"]);
    expect(r.err).not.toContain("超过 512 KB");
    expect(r.code).toBe(EXIT.ok);
    expect(ranking(r.out)).toBe(ranking(sampleRun.out));
  });

  it("a million styled blank rows after 扣分登记's data: skipped, bounded", async () => {
    const before = process.memoryUsage().rss;
    const r = await run("blank-rows", corpus.blankRows());
    expect(r.code).toBe(EXIT.ok);
    expect(ranking(r.out)).toBe(ranking(sampleRun.out));
    expect(process.memoryUsage().rss - before).toBeLessThan(1 << 30);
  });
});

describe("formulas read as Excel shows them", () => {
  it("cached 0, FALSE, TRUE, \"\", #N/A and text are those values; no cached value is listed, never 0 or blank", async () => {
    const input = join(dir, "formulas.xlsx");
    writeFileSync(input, corpus.formulaResults());
    const port = await PackageWorkbookPort.open(await nodeFile(input));
    const s = (await port.read(["S"], { formulas: true })).get("S");
    await port.close();
    expect(s?.values[0]).toEqual([0, false, true, "", "#N/A", null, null, "完成"]);
    expect(s?.formulas?.[0]).toEqual(["=1-1", "=1=0", "=1=1", '=""', "=NA()", "=SUM(A1:E1)", "=1+1", '="完成"']);
    expect(s?.uncalculated).toEqual([{ row: 0, col: 5 }, { row: 0, col: 6 }]);
  });

  it("a shared formula moved beyond the sheet's last column keeps its cached value; without one it is uncalculated", async () => {
    const input = join(dir, "shared-beyond.xlsx");
    writeFileSync(input, corpus.oneSheet("S", '<row r="1"><c r="A1"><f t="shared" ref="A1:C1" si="0">XFD1+1</f><v>1</v></c>'
      + '<c r="B1" t="e"><f t="shared" si="0"/><v>#REF!</v></c><c r="C1"><f t="shared" si="0"/></c></row>'));
    const port = await PackageWorkbookPort.open(await nodeFile(input));
    const s = (await port.read(["S"], { formulas: true })).get("S");
    await port.close();
    expect(s?.values[0]).toEqual([1, "#REF!", null]);
    expect(s?.uncalculated).toEqual([{ row: 0, col: 2 }]);
  });

  it("a 便民化考核 status formula whose cached result is FALSE scores as typing 未完成 (not as blank 不涉及)", async () => {
    const formula = corpus.approvalStatus({ formula: "1=0", cell: ' t="b"><f>FORMULA</f><v>0</v>' });
    const typed = corpus.approvalStatus({ typed: "未完成" });
    const a = await run("status-false", formula.bytes);
    const b = await run("status-typed", typed.bytes);
    const report = (r: { out: string; input: string; output: string }) => r.out.split(r.input).join("IN").split(r.output).join("OUT");
    expect(report(a)).toBe(report(b));
    expect(report(a)).not.toBe(report(sampleRun));
    expect(a.code).toBe(b.code);
  });
});

describe("damaged cells are listed where their value counts, never read as other text, 0 or blank", () => {
  const unitWaits = /汉阴县政府\s+县区\s+未计分/u;
  test.each([
    ["a character reference outside Unicode in a unit name", "A4", '<c r="A4" t="inlineStr"><is><t>汉阴县&#x110000;</t></is></c>',
      "热线数据!A4　单位名称的值“汉阴县\uFFFD”不是已登记的单位"],
    ["a surrogate character reference in a count", "D4", '<c r="D4" t="inlineStr"><is><t>&#xD800;</t></is></c>', "热线数据!D4　汉阴县政府：按期办结数的值“\uFFFD”不是数字"],
    ["a data-table formula without a cached result", "D4", '<c r="D4"><f t="dataTable" ref="D4:D4" dt2D="0" dtr="0" r1="Z1"/></c>',
      "热线数据!D4　汉阴县政府：按期办结数：公式没有计算结果"],
    ["a shared formula whose master is missing", "D4", '<c r="D4"><f t="shared" si="0"/></c>', "热线数据!D4　汉阴县政府：按期办结数：公式没有计算结果"],
    ["a shared-string index beyond the table", "D4", '<c r="D4" t="s"><v>99999</v></c>', "按期办结数的值“\uFFFD（共享字符串索引“99999”超出范围，文件可能已损坏）”不是数字"],
  ])("%s: exit 1, listed, 汉阴县 waits", async (name, address, cell, message) => {
    const r = await run(name.replace(/\W+/g, "-"), corpus.cellReplaced("热线数据", address, cell));
    expect([r.code, r.out]).toEqual([EXIT.problems, expect.stringContaining(message)]);
    expect(r.out).toMatch(address === "A4" ? /汉阴县政府\s+县区\s+未计分\s+缺少数据/u : unitWaits);
  });

  test.each([
    ["an invalid character reference in 工单编号", 0, '<c r="?2" t="inlineStr"><is><t>&#x110000;</t></is></c>', "第2行（工单编号）：工单编号含有无法读取的内容"],
    ["a shared-string index beyond the table in 承办单位", 1, '<c r="?2" t="s"><v>7</v></c>', "第2行（承办单位）：承办单位含有无法读取的内容"],
  ])("a ledger with %s: the row listed, not counted", async (name, column, cell, message) => {
    const input = join(dir, `${name.replace(/\W+/g, "-")}.xlsx`);
    writeFileSync(input, corpus.ledgerWithCell(column, cell));
    const out: string[] = [];
    const code = await main(["--ledger", input, "--period", "2021", "-o", join(dir, "ledger-out.xlsx")], { out: (l) => out.push(l), err: (l) => out.push(l) });
    expect([code, out.join("\n")]).toEqual([EXIT.problems, expect.stringContaining(message)]);
    expect(out.join("\n")).toContain("共读取1行工单，计入0行，1行有问题未计入");
  });

  it("the same ledger without damage counts its order (the reference)", async () => {
    const input = join(dir, "ledger-clean.xlsx");
    writeFileSync(input, corpus.ledgerWithCell(0, '<c r="?2" t="inlineStr"><is><t>GD&#x30;001</t></is></c>'));
    const out: string[] = [];
    await main(["--ledger", input, "--period", "2021", "-o", join(dir, "ledger-clean-out.xlsx")], { out: (l) => out.push(l), err: (l) => out.push(l) });
    expect(out.join("\n")).toContain("共读取1行工单，计入1行，0行有问题未计入");
  });
});

describe("memory bounded: cells beyond the limit are refused, the sheet and the flag named", () => {
  // --max-part-mb 16 allows 16 × 256 = 4,096 cells; the sample holds fewer, the sheet with 6,000 more exceeds it.
  it("refused with a Chinese message under a low limit, read like the sample under the default", async () => {
    const bytes = corpus.numbersBeside(6000);
    const low = await run("many-numbers-low", bytes, ["--max-part-mb", "16"]);
    expect([low.code, low.err]).toEqual([EXIT.usage, expect.stringContaining("工作表“扣分登记”中有内容的单元格（连同已读取的其他工作表）超过 4096 个")]);
    expect(low.err).toContain("--max-part-mb");
    const plain = await run("many-numbers-sample-low", readFileSync(corpus.SAMPLE), ["--max-part-mb", "16"]);
    expect(plain.code).toBe(EXIT.ok);
    const raised = await run("many-numbers", bytes);
    expect(raised.code).toBe(EXIT.ok);
    expect(ranking(raised.out)).toBe(ranking(sampleRun.out));
  });

  it.each([
    ["5,000 merged areas (more than the 4,096 cells of the limit)", 5000, (i: number) => `A${i + 1}:B${i + 1}`],
    // Areas beside the cells: each would be checked against every cell (minutes on a large sheet).
    ["1,000 overlapping areas over the rest of the sheet", 1000, (i: number) => `B${i + 1}:XFD1048576`],
  ])("%s: refused", async (_name, count, area) => {
    const input = join(dir, `merges-${count}.xlsx`);
    const rows = Array.from({ length: 100 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c></row>`).join("");
    writeFileSync(input, corpus.oneSheet("S", rows, `<mergeCells>${Array.from({ length: count }, (_, i) => `<mergeCell ref="${area(i)}"/>`).join("")}</mergeCells>`));
    const port = await PackageWorkbookPort.open(await nodeFile(input), limitsOfMb(16));
    await expect(port.read(["S"])).rejects.toThrow(/中的合并单元格过多或相互重叠/u);
    await port.close();
  });

  it("a few merged areas: the covered cells read as empty", async () => {
    const input = join(dir, "merges-few.xlsx");
    const rows = Array.from({ length: 3 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c><c r="B${r + 1}"><v>${r}</v></c></row>`).join("");
    writeFileSync(input, corpus.oneSheet("S", rows, '<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="A3:XFD1048576"/></mergeCells>'));
    const port = await PackageWorkbookPort.open(await nodeFile(input), limitsOfMb(16));
    const s = (await port.read(["S"])).get("S");
    await port.close();
    expect(s?.values).toEqual([[0], [null], [2]]); // column B holds only covered cells
  });

  it("many long texts: refused beyond 128 characters a cell on average, read under the default", async () => {
    const bytes = corpus.longTextsBeside(20); // 600,000 characters; --max-part-mb 16 allows 4,096 × 128 = 524,288
    const low = await run("long-texts-low", bytes, ["--max-part-mb", "16"]);
    expect([low.code, low.err]).toEqual([EXIT.usage, expect.stringContaining("工作表“扣分登记”中单元格的文字和公式（连同已读取的其他工作表）超过 524288 个字符")]);
    expect(low.err).toContain("--max-part-mb");
    const raised = await run("long-texts", bytes);
    expect(raised.code).toBe(EXIT.ok);
    expect(ranking(raised.out)).toBe(ranking(sampleRun.out));
  });
});

describe("text beyond Excel's cell limit", () => {
  it("is cut to 32,767 characters with a visible mark", async () => {
    const r = await run("long-name", corpus.longUnitName());
    expect(r.code).not.toBe(EXIT.internal);
    const port = await PackageWorkbookPort.open(await nodeFile(r.output));
    const checks = (await port.read(["校验"])).get("校验");
    await port.close();
    const texts = (checks?.values ?? []).flat().filter((v): v is string => typeof v === "string");
    const longest = texts.reduce((a, b) => (b.length > a.length ? b : a), "");
    expect(longest.length).toBe(32767);
    // The result writers cut first (src/workbook/cellText.ts); the package writer's own cut is the backstop.
    expect(longest).toMatch(/…（[^（）]*已截断[^（）]*）$/u);
  });
});

describe("rich workbooks keep every part they hold", () => {
  const owned = (parts: Record<string, Uint8Array>) => {
    const workbook = new TextDecoder().decode(parts["xl/workbook.xml"]);
    void workbook;
    return new Set(["xl/workbook.xml", "xl/styles.xml", "[Content_Types].xml", "xl/_rels/workbook.xml.rels"]);
  };
  it.each(["sample"])("%s: only the product's parts differ", async () => {
    const before = unzipSync(readFileSync(sampleRun.input));
    const after = unzipSync(readFileSync(sampleRun.output));
    const changed = Object.keys(before).filter((k) => !after[k] || Buffer.compare(Buffer.from(before[k]), Buffer.from(after[k])) !== 0);
    const allowed = owned(before);
    for (const sheet of ["12345热线考核表", "校验", "便民化考核"]) allowed.add(corpus.sheetPart(before, sheet));
    expect(changed.filter((k) => !allowed.has(k))).toEqual([]);
  });
});
