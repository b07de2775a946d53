// The page's run (src/web/job.ts) in Node, without a browser: the worker's job on File objects gives the
// command line's result, refuses what the CLI refuses in the page's words (no flags) with nothing to download,
// and asks for unknown ledger headers. The page itself in Chromium: test/e2e/web.e2e.ts.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync } from "fflate";
import * as corpus from "../../scripts/hostile/corpus";
import { blankTemplateBytes } from "../../scripts/blank-template";
import { EXIT, main } from "../../src/cli/assess";
import { runJob } from "../../src/web/job";
import type { RunRequest, WorkerMessage } from "../../src/web/protocol";
import { PackageWorkbookPort } from "../../src/workbook/adapters/package";
import { nodeFile } from "../../src/xlsx/node-file";
import { SHEET } from "../../src/workbook/contract";
import { writeXlsx } from "../../src/workbook/adapters/exceljs";
import { workbookOf } from "../workbook/helpers";
import {
  APPROVAL_METHOD_2026, HOTLINE_FORMATS_2026, HOTLINE_METHOD_2026, PARAMS_2026, UNITS_2026,
} from "../fixtures/method-2026/method-2026";

jest.setTimeout(120_000);

const dir = mkdtempSync(join(tmpdir(), "web-job-"));
let template: Uint8Array;
beforeAll(async () => {
  template = await blankTemplateBytes();
});

const file = (bytes: Uint8Array | string, name: string) => new File([typeof bytes === "string" ? bytes : Buffer.from(bytes)], name);
const run = (request: Partial<RunRequest>): Promise<WorkerMessage> =>
  runJob({ type: "run", period: "", map: {}, ...request }, () => template, () => undefined);

async function values(path: string): Promise<Map<string, unknown>> {
  const port = await PackageWorkbookPort.open(await nodeFile(path));
  try {
    const read = await port.read(await port.sheetNames());
    return new Map([...read].map(([name, s]) => [name, s.values]));
  } finally {
    await port.close();
  }
}

test("the sample: the CLI's values in every sheet, named <input>-result.xlsx", async () => {
  const cli = join(dir, "cli.xlsx");
  expect(await main([corpus.SAMPLE, "-o", cli], { out: () => undefined, err: () => undefined })).toBeLessThan(EXIT.usage);
  const done = await run({ workbook: file(readFileSync(corpus.SAMPLE), "ankang-2021-sample.xlsx") });
  if (done.type !== "done" || !done.bytes) throw new Error(`not done: ${JSON.stringify(done).slice(0, 300)}`);
  expect(done.fileName).toBe("ankang-2021-sample-result.xlsx");
  const mine = join(dir, "page.xlsx");
  writeFileSync(mine, new Uint8Array(done.bytes));
  expect(await values(mine)).toEqual(await values(cli));
  expect(done.ranking.length).toBeGreaterThan(10);
  expect(done.problems.every((p) => p.where !== "")).toBe(true);
});

test.each([
  ["not a spreadsheet", () => "%PDF-1.4", "不是 Excel 工作簿（.xlsx）"],
  [".xls", () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), "旧版 Excel 97-2003 工作簿（.xls）"],
  ["damaged zip", () => corpus.crcMismatch(), "校验码（CRC-32）不符"],
  ["bomb", () => corpus.bombUnderstated(64), "解压后长度与目录记载不符"],
])("%s: the CLI's message, nothing to download", async (_what, bytes, expected) => {
  const out = await run({ workbook: file(bytes(), "x.xlsx") });
  expect(out.type).toBe("refused");
  if (out.type !== "refused") return;
  expect(out.lines.join("\n")).toContain(expected);
  expect(out.lines.join("\n")).not.toMatch(/--[a-z]/);
});

test("CLI-only advice is replaced: a part beyond the limit names the command line as the way out, not a flag to type here", async () => {
  const { pageAdvice } = await import("../../src/web/messages");
  const { XLSX_MSG } = await import("../../src/xlsx/messages");
  const text = pageAdvice(XLSX_MSG.tooLarge("xl/worksheets/sheet1.xml", 5 << 30, 4 << 30));
  expect(text).toContain("网页版不提高此上限");
  expect(text).not.toContain("可用 --max-part-mb 提高上限");
});

test("a period without a ledger and a bad period are refused before anything is read", async () => {
  const workbook = file(readFileSync(corpus.SAMPLE), "s.xlsx");
  expect(await run({ workbook, period: "2021" })).toEqual({ type: "refused", lines: [expect.stringContaining("只用于导入工单明细")] });
  expect(await run({ ledger: file("a,b\n", "l.csv"), period: "第五季度" })).toEqual({ type: "refused", lines: [expect.stringContaining("无法识别")] });
  expect(await run({})).toEqual({ type: "refused", lines: [expect.stringContaining("请先选择考核工作簿")] });
});

test("unknown ledger headers are asked; with the answer the blank template is filled and the answer remembered", async () => {
  const csv = [
    "受理编码XYZ,承办单位,派单时间,办理时限,办结时间,是否退单,是否申请延期,回访结果",
    "A1,汉滨区,2021-03-01 09:00:00,2021-03-10 18:00:00,2021-03-05 10:00:00,否,否,满意",
  ].join("\r\n");
  const asked = await run({ ledger: file(csv, "台账.csv") });
  expect(asked).toMatchObject({ type: "needsMapping", headers: ["受理编码XYZ"], missing: ["工单编号"] });
  const done = await run({ ledger: file(csv, "台账.csv"), map: { 受理编码XYZ: "工单编号" }, period: "2021-03" });
  if (done.type !== "done" || !done.bytes) throw new Error(`not done: ${JSON.stringify(done).slice(0, 300)}`);
  expect(done.fileName).toBe("台账-result.xlsx");
  expect(done.ledgerLines.join("\n")).toContain("台账.csv");
  const mine = join(dir, "ledger.xlsx");
  writeFileSync(mine, new Uint8Array(done.bytes));
  const sheets = await values(mine);
  expect(JSON.stringify(sheets.get("_工单列映射") ?? null)).toContain("受理编码XYZ");
});

test("typed 热线数据 values are replaced only with consent: the run asks, nothing is offered; with the list agreed, it imports", async () => {
  const csv = [
    "工单编号,承办单位,派单时间,办理时限,办结时间,是否退单,是否申请延期,回访结果",
    "A1,汉滨区,2021-03-01 09:00:00,2021-03-10 18:00:00,2021-03-05 10:00:00,否,否,满意",
  ].join("\r\n");
  const workbook = () => file(readFileSync(corpus.SAMPLE), "ankang-2021-sample.xlsx");
  const asked = await run({ workbook: workbook(), ledger: file(csv, "l.csv") });
  if (asked.type !== "typedValues") throw new Error(`not asked: ${JSON.stringify(asked).slice(0, 300)}`);
  expect(asked.typed.length).toBeGreaterThan(0);
  expect(asked.lines[0]).toContain("未导入");
  expect(asked.lines.join("\n")).not.toContain("--replace-typed");
  expect(asked.lines.slice(1, -1)).toHaveLength(asked.typed.length);
  const done = await run({ workbook: workbook(), ledger: file(csv, "l.csv"), replaceTyped: asked.typed });
  expect(done.type).toBe("done");
  if (done.type === "done") expect(done.ledgerLines.join("\n")).toContain("l.csv");
});

test("a ledger without a workbook, scored by a method file: the template of that method, the CLI's cells", async () => {
  const method = join(dir, "办法2026.xlsx");
  const port = workbookOf({ 考核办法: HOTLINE_METHOD_2026, 便民化考核办法: APPROVAL_METHOD_2026, [SHEET.params]: PARAMS_2026, [SHEET.units]: UNITS_2026 });
  HOTLINE_FORMATS_2026.forEach((row, r) => row.forEach((format, c) => {
    if (format) port.workbook.getWorksheet("考核办法")!.getCell(r + 1, c + 1).numFmt = format;
  }));
  await writeXlsx(port.workbook, method);
  const csv = "工单编号,承办单位,派单时间,办理时限,办结时间,是否退单,是否申请延期,回访结果\r\nA1,汉滨区,2026-03-01 09:00:00,2026-03-10 18:00:00,2026-03-05 10:00:00,否,否,满意\r\n";
  const ledger = join(dir, "l2026.csv");
  writeFileSync(ledger, csv);
  const cli = join(dir, "cli-2026.xlsx");
  expect(await main(["--ledger", ledger, "--method", method, "-o", cli], { out: () => undefined, err: () => undefined })).toBeLessThan(EXIT.usage);
  const done = await run({ ledger: file(csv, "l2026.csv"), method: file(readFileSync(method), "办法2026.xlsx") });
  if (done.type !== "done" || !done.bytes) throw new Error(`not done: ${JSON.stringify(done).slice(0, 300)}`);
  const mine = join(dir, "page-2026.xlsx");
  writeFileSync(mine, new Uint8Array(done.bytes));
  const [a, b] = [await values(mine), await values(cli)];
  // The clock's only differences: when the import and the computation ran.
  const withoutTime = (m: Map<string, unknown>) => JSON.stringify([...m]).replace(/\d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)?/gu, "<time>");
  expect(withoutTime(a)).toEqual(withoutTime(b));
});

test("documents: a 通报 per month the ledger fills (named as the CLI names them), the 报告; none without 月度考核, and why", async () => {
  const csv = [
    "工单编号,承办单位,派单时间,办理时限,办结时间,是否退单,是否申请延期,回访结果",
    "B1,汉滨区,2021-02-01 09:00:00,2021-02-10 18:00:00,2021-02-05 10:00:00,否,否,满意",
    "B2,汉滨区,2021-04-01 09:00:00,2021-04-10 18:00:00,2021-04-05 10:00:00,否,否,满意",
    "B3,汉阴县,2021-04-02 09:00:00,2021-04-12 18:00:00,2021-04-06 10:00:00,否,否,不满意",
  ].join("\r\n");
  const done = await run({ ledger: file(csv, "明细.csv"), period: "2021" });
  if (done.type !== "done" || !done.documents) throw new Error(`no documents: ${JSON.stringify(done).slice(0, 300)}`);
  const { bulletins, report } = done.documents;
  expect(bulletins.map((b) => [b.label, b.fileName])).toEqual([["2021年2月", "明细-2021-02-通报.docx"], ["2021年4月", "明细-2021-04-通报.docx"]]);
  const documentXml = (bytes: ArrayBuffer) => strFromU8(unzipSync(new Uint8Array(bytes))["word/document.xml"]);
  expect(documentXml(bulletins[1].bytes)).toContain("2021年第4期");
  // Without a workbook 便民化考核 is not assessed: the 报告 is a 草稿, as the CLI's.
  expect(report?.fileName).toBe("明细-报告.docx");
  expect(report?.draft).toBe(true);
  expect(documentXml(report?.bytes as ArrayBuffer)).toContain("（草稿）");

  const sample = await run({ workbook: file(readFileSync(corpus.SAMPLE), "ankang-2021-sample.xlsx") });
  if (sample.type !== "done" || !sample.documents) throw new Error("no documents");
  expect(sample.documents.bulletins).toEqual([]);
  expect(sample.documents.monthsNote).toContain("月度考核");
  expect(sample.documents.monthsNote).not.toMatch(/--[a-z]/u);
  expect(sample.documents.report?.fileName).toBe("ankang-2021-sample-报告.docx");
});

test("a bad 参数 value of the documents is shown as a warning at its cell, and the 报告 is still offered (the default is used)", async () => {
  // 参数!B20 is 黑榜人数 in the sample; spec J: a bad value is a 警告 and its default is used, never a draft.
  const bytes = corpus.cellReplaced("参数", "B20", '<c r="B20" t="inlineStr"><is><t>三人</t></is></c>');
  const done = await run({ workbook: file(bytes, "参数有误.xlsx") });
  if (done.type !== "done" || !done.documents) throw new Error(`no documents: ${JSON.stringify(done).slice(0, 300)}`);
  const shown = done.problems.filter((p) => p.where.includes("B20"));
  expect(shown).toEqual([expect.objectContaining({ where: expect.stringContaining("参数"), message: expect.stringContaining("黑榜人数") })]);
  expect(shown.map((p) => [p.severity, p.level])).toEqual([["warning", "警告"]]);
  expect(done.documents.report?.fileName).toBe("参数有误-报告.docx");
  expect(done.documents.report?.draft).toBe(false);
});

test("the result is offered before the documents are written: the worker's offer, then the 通报 and 报告", async () => {
  const offered: WorkerMessage[] = [];
  const csv = [
    "工单编号,承办单位,派单时间,办理时限,办结时间,是否退单,是否申请延期,回访结果",
    "B1,汉滨区,2021-02-01 09:00:00,2021-02-10 18:00:00,2021-02-05 10:00:00,否,否,满意",
  ].join("\r\n");
  const last = await runJob({ type: "run", period: "2021", map: {}, ledger: file(csv, "明细.csv") }, () => template, () => undefined, (done) => offered.push(done));
  expect(offered).toHaveLength(1);
  const [done] = offered;
  if (done.type !== "done") throw new Error("not offered");
  expect({ pending: done.documentsPending, bytes: (done.bytes?.byteLength ?? 0) > 0, documents: done.documents }).toEqual({ pending: true, bytes: true, documents: undefined });
  if (last.type !== "documents") throw new Error(`not documents: ${JSON.stringify(last).slice(0, 300)}`);
  expect(last.documents.bulletins.map((b) => b.fileName)).toEqual(["明细-2021-02-通报.docx"]);
  expect(last.documents.report?.fileName).toBe("明细-报告.docx");
  // Nothing valid computed: nothing offered, the DoneMessage as before.
  const none: WorkerMessage[] = [];
  const refused = await runJob({ type: "run", period: "", map: {}, workbook: file("%PDF-1.4", "x.xlsx") }, () => template, () => undefined, (d) => none.push(d));
  expect([none.length, refused.type]).toEqual([0, "refused"]);
});

test("a sheet the documents read that is unreadable after the result was offered ends only the documents, with the reason", async () => {
  // A 月度考核 whose second row is numbered beyond Excel's last row: compute-all does not read it, the documents do.
  const parts = corpus.sampleParts();
  parts["xl/worksheets/sheet99.xml"] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>单位</t></is></c></row><row r="9999999"><c r="A9999999" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>`);
  const add = (part: string, before: string, text: string) => (parts[part] = strToU8(strFromU8(parts[part]).replace(before, text + before)));
  add("xl/workbook.xml", "</sheets>", '<sheet name="月度考核" sheetId="99" r:id="rId999"/>');
  add("xl/_rels/workbook.xml.rels", "</Relationships>", '<Relationship Id="rId999" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet99.xml"/>');
  add("[Content_Types].xml", "</Types>", '<Override PartName="/xl/worksheets/sheet99.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>');
  const offered: WorkerMessage[] = [];
  const last = await runJob({ type: "run", period: "", map: {}, workbook: file(corpus.zip(parts), "月度考核有误.xlsx") }, () => template, () => undefined, (d) => offered.push(d));
  expect(offered.map((m) => m.type)).toEqual(["done"]);
  if (last.type !== "documents") throw new Error(`not documents: ${JSON.stringify(last).slice(0, 300)}`);
  expect(last.documents.bulletins).toEqual([]);
  expect(last.documents.problems).toEqual([expect.stringMatching(/^无法生成月度通报与报告：.*1048576/u)]);
});
