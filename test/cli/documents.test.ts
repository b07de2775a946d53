/**
 * --bulletin and --report end to end (spec J): on an independently generated ledger, the 通报's 红榜 and 黑榜
 * equal a reference computed here from the written 月度考核 (read with exceljs, plain sorting); a month that
 * 月度考核 does not hold is exit 2 with nothing written; the documents' 参数 rows steer the lists.
 */
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { unzipSync, strFromU8 } from "fflate";
import { EXIT, main } from "../../src/cli/assess";
import { writeLedgerCsv } from "../../scripts/gen-ledger";

jest.setTimeout(180_000);

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

/** The paragraphs of a .docx as text (every w:t of each w:p). */
export function docxParagraphs(path: string): string[] {
  const xml = strFromU8(unzipSync(readFileSync(path))["word/document.xml"]);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/gu)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)].map((t) => t[1]).join(""));
}

interface Row { name: string; type: string; orders: number; score: number | null }

async function monthRows(xlsx: string, month: string): Promise<Row[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const ws = wb.getWorksheet("月度考核") as ExcelJS.Worksheet;
  let header: string[] = [];
  const rows: Row[] = [];
  ws.eachRow((r) => {
    const values = (r.values as unknown[]).slice(1).map((v) => (v === undefined ? null : v));
    if (values.includes("月份") && values.includes("总分")) header = values as string[];
    else if (header.length > 0 && values[header.indexOf("月份")] === month) {
      const score = values[header.indexOf("总分")];
      rows.push({ name: String(values[header.indexOf("单位名称")]), type: String(values[header.indexOf("单位类别")]),
        orders: Number(values[header.indexOf("工单总量")]), score: typeof score === "number" ? score : null });
    }
  });
  return rows;
}

/** Reference lists: every unit at or above the n-th best score per category; 黑榜 from the rest, at or below the n-th worst. */
function referenceLines(rows: Row[], red: number, black: number): { red: string[]; black: string[] } {
  const ranked = rows.filter((r) => r.orders > 0 && r.score !== null);
  const show = (list: Row[]) => list.sort((a, b) => (b.score as number) - (a.score as number)).map((r) => `${r.name}（${r.score}分）`);
  const redLines: string[] = [];
  const blackLines: string[] = [];
  for (const type of ["县区", "市直", "其他"]) {
    const members = ranked.filter((r) => r.type === type);
    if (members.length === 0) continue;
    const desc = members.map((r) => r.score as number).sort((a, b) => b - a);
    const onRed = members.filter((r) => (r.score as number) >= desc[Math.min(red, desc.length) - 1]);
    const rest = members.filter((r) => !onRed.includes(r));
    const asc = rest.map((r) => r.score as number).sort((a, b) => a - b);
    const onBlack = asc.length === 0 ? [] : rest.filter((r) => (r.score as number) <= asc[Math.min(black, asc.length) - 1]);
    redLines.push(`${type}：${show(onRed).join("、")}。`);
    blackLines.push(`${type}：${onBlack.length > 0 ? show(onBlack).join("、") : "无"}。`);
  }
  return { red: redLines, black: blackLines };
}

/** The list lines of a section (the paragraphs after its heading, up to the next heading). */
function section(paragraphs: string[], heading: string): string[] {
  const start = paragraphs.indexOf(heading);
  const end = paragraphs.findIndex((p, i) => i > start && /^[一二三四五六七八九十]、/u.test(p));
  return paragraphs.slice(start + 2, end).filter((p) => /^(县区|市直|其他)：/u.test(p));
}

describe("npm run assess -- --bulletin / --report", () => {
  const dir = mkdtempSync(join(tmpdir(), "assess-docs-"));
  const ledger = join(dir, "ledger.csv");
  const output = join(dir, "r.xlsx");

  beforeAll(async () => {
    await writeLedgerCsv(ledger, { rows: 3000, seed: 41, spread: true });
  });

  test("--ledger with --bulletin and --report in one run: the lists equal the reference from 月度考核", async () => {
    const { io, out } = capture();
    // Without a workbook 便民化考核 is not assessed: the 报告 says so and is a 草稿 (exit 1); the 通报 is complete.
    expect(await main(["--ledger", ledger, "--period", "2021", "-o", output, "--bulletin", "2021-03", "--report"], io)).toBe(EXIT.problems);
    const bulletin = join(dir, "r-2021-03-通报.docx");
    expect(out).toContain(`月度通报已写入：${bulletin}`);
    expect(existsSync(join(dir, "r-报告.docx"))).toBe(true);
    const paragraphs = docxParagraphs(bulletin);
    expect(paragraphs[0]).toBe("安康市12345政务服务便民热线工单办理情况通报（2021年第3期）");
    expect(paragraphs.some((p) => p.startsWith("2021年3月，全市12345政务服务便民热线") && p.includes("与上月相比"))).toBe(true);
    const reference = referenceLines(await monthRows(output, "2021年3月"), 5, 3);
    expect(section(paragraphs, "二、红榜")).toEqual(reference.red);
    expect(section(paragraphs, "三、黑榜")).toEqual(reference.black);
    expect(paragraphs).toContain("安康市行政审批服务局");
    expect(out).toContain(`报告已写入：${join(dir, "r-报告.docx")}（草稿：有未解决的问题，见下）`);
    const report = docxParagraphs(join(dir, "r-报告.docx"));
    expect(report[0]).toBe("关于报送2021年度12345热线工单办理情况及审批服务便民化工作考核结果的报告（草稿）");
    expect(report.filter((p) => p.includes("审批服务便民化工作考核未计算"))).toHaveLength(3);
  });

  test("--report on a workbook: 主送, facts, 附件1 without 扣分说明 (listed per unit), 附件2 per department", async () => {
    const { io } = capture();
    const argv = ["samples/ankang-2021-sample.xlsx", "--ledger", ledger, "--period", "2021", "--replace-typed", "-o", join(dir, "w.xlsx"), "--report"];
    expect(await main(argv, io)).toBe(EXIT.ok);
    const report = docxParagraphs(join(dir, "w-报告.docx"));
    expect(report[0]).toBe("关于报送2021年度12345热线工单办理情况及审批服务便民化工作考核结果的报告");
    expect(report).toContain("市考核办：");
    expect(report).toContain("参加考核单位77个，已计分77个。");
    expect(report.some((p) => /^考核部门37个，因适用事项未完成扣分的部门\d+个。$/.test(p))).toBe(true);
    for (const label of ["附件1", "附件2", "扣分说明", "类别内排名", "涉及事项", "未完成事项"]) expect(report).toContain(label);
    // 附件1's header has no 扣分说明 column: the only 扣分说明 paragraphs are the list's label and 附件2's header.
    expect(report.filter((p) => p === "扣分说明")).toHaveLength(2);
    expect(report.filter((p) => /^\d+\. .+：/.test(p))).toHaveLength(77);
  });

  test("a bad document 参数 is a warning, and blank 便民化考核 statuses are named, never a clean result", async () => {
    // The first run's output: 便民化考核 as the template left it (every status blank), 红榜人数 made -1.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    const params = wb.getWorksheet("参数") as ExcelJS.Worksheet;
    let redCell = "";
    params.eachRow((r) => r.eachCell((c) => { if (c.value === "红榜人数") redCell = params.getCell(c.row, c.col + 1).address; }));
    params.getCell(redCell).value = -1;
    const input = join(dir, "blank-veto.xlsx");
    await wb.xlsx.writeFile(input);
    const { io, out, err } = capture();
    expect(await main([input, "-o", join(dir, "bv.xlsx"), "--bulletin", "2021-03", "--report"], io)).toBe(EXIT.ok);
    const lines = [...out, ...err];
    const warning = `[警告] 参数!${redCell}　参数“红榜人数”的值“-1”无法识别：应为1—99的整数。已按默认值处理。`;
    expect(lines.filter((l) => l === warning)).toHaveLength(1);
    expect(lines.some((l) => l.startsWith("[文档]") || l.includes("草稿"))).toBe(false);
    expect(docxParagraphs(join(dir, "bv-2021-03-通报.docx"))[0]).toBe("安康市12345政务服务便民热线工单办理情况通报（2021年第3期）");
    const report = docxParagraphs(join(dir, "bv-报告.docx"));
    expect(report[0]).toBe("关于报送2021年度12345热线工单办理情况及审批服务便民化工作考核结果的报告");
    expect(report.join("\n")).not.toContain("均已完成");
    // Every blank applicable status 校验 warns about is named once in the body: departments and items.
    const blanks = out.filter((l) => l.startsWith("[警告] 便民化考核!") && l.includes("为空白，按“不涉及”处理"));
    expect(blanks.length).toBeGreaterThan(0);
    const named = report.find((p) => p.includes("适用事项未填写完成情况（空白或填“不涉及”）")) ?? "";
    const departments = named.slice(named.indexOf("请核实：") + 4).split("）、");
    expect(named.startsWith(`${departments.length}个部门`)).toBe(true);
    expect(departments).toHaveLength(new Set(blanks.map((l) => /便民化考核!\D+(\d+)/u.exec(l)?.[1])).size);
    expect(named.match(/事项\d/gu)).toHaveLength(blanks.length);
    expect(report).toContain(`审批服务便民化工作考核中有${departments.length}个部门的适用事项未填写完成情况，按“不涉及”处理（见“校验”表的警告），其扣分可能变化。`);
    expect(report).not.toContain("考核数据已全部校验，无待定研判。");
  });

  test("a month 月度考核 does not hold: exit 2 naming the months it holds, nothing written", async () => {
    const { io, err } = capture();
    const other = join(dir, "none.xlsx");
    expect(await main([output, "-o", other, "--bulletin", "2022-01"], io)).toBe(EXIT.usage);
    expect(err[0]).toContain("月度考核中没有2022年1月的数据：它只有2021年1月、2021年2月");
    expect(existsSync(other)).toBe(false);
    expect(existsSync(join(dir, "none-2022-01-通报.docx"))).toBe(false);
  });

  test("a workbook without 月度考核: exit 2, and --bulletin wants a month", async () => {
    const { io, err } = capture();
    expect(await main(["samples/ankang-2021-sample.xlsx", "-o", join(dir, "s.xlsx"), "--bulletin", "2021-03"], io)).toBe(EXIT.usage);
    expect(err[0]).toContain("没有“月度考核”表");
    expect(await main(["-o", join(dir, "t.xlsx"), "--bulletin", "三月"], io)).toBe(EXIT.usage);
    expect(err.join("\n")).toContain("--bulletin 的值“三月”不是月份");
  });
});
