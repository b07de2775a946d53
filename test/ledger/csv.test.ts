import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import * as iconv from "iconv-lite";
import { csvRows, detectEncoding, LedgerError, parsePeriod, type SourceRow } from "../../src/ledger";
import { readLedgerFile, readLedgerStream } from "../../src/ledger/node";
import { HEADER } from "./helpers";
import { ruleSet } from "../../src/engine";

/** The rules the ledger counts by in these tests: the built-in 2021 method. */
const LEDGER_RULES = ruleSet(2021);

const dir = mkdtempSync(join(tmpdir(), "ledger-csv-"));

async function parse(bytes: Uint8Array, chunkSize = bytes.length || 1, encoding?: "utf8" | "gb18030"): Promise<{ rows: SourceRow[]; encoding?: string }> {
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  const rows: SourceRow[] = [];
  let detected: string | undefined;
  for await (const batch of csvRows(chunks, { encoding })) {
    if (batch.source) detected = batch.source.encoding;
    rows.push(...batch.rows);
  }
  return { rows, encoding: detected };
}

const TRICKY = [
  "工单编号,承办单位,备注\r\n",
  "A1,汉滨区,普通\r\n",
  '"A2","市发改委","带,逗号"\r\n',
  'A3,"恒口示范区（试验区）","他说""你好"""\r\n',
  'A4,汉阴县,"两行\r\n第二行"\r\n',
  'A5,,"LF\n换行"\n',
  ",,\n",
  'A6,"",""\r\n',
  "A7,石泉县,末行无换行",
].join("");

const EXPECTED: [number, string[]][] = [
  [1, ["工单编号", "承办单位", "备注"]],
  [2, ["A1", "汉滨区", "普通"]],
  [3, ["A2", "市发改委", "带,逗号"]],
  [4, ["A3", "恒口示范区（试验区）", '他说"你好"']],
  [5, ["A4", "汉阴县", "两行\r\n第二行"]],
  [6, ["A5", "", "LF\n换行"]],
  [7, ["", "", ""]],
  [8, ["A6", "", ""]],
  [9, ["A7", "石泉县", "末行无换行"]],
];

describe("CSV parsing (RFC 4180)", () => {
  test.each([1, 2, 3, 5, 7, 16, 64, 100000])("quotes, CRLF/LF and line breaks in fields, chunks of %i bytes", async (size) => {
    const { rows } = await parse(Buffer.from(TRICKY, "utf8"), size);
    expect(rows.map((r) => [r.rowNumber, [...r.cells]])).toEqual(EXPECTED);
  });

  test.each([1, 3, 7, 100000])("GB18030 with multi-byte characters cut across chunks of %i bytes", async (size) => {
    const { rows, encoding } = await parse(iconv.encode(TRICKY, "gb18030"), size);
    expect(encoding).toBe("gb18030");
    expect(rows.map((r) => [r.rowNumber, [...r.cells]])).toEqual(EXPECTED);
  });

  test("UTF-8 with a BOM: the BOM is not part of the first header", async () => {
    const { rows, encoding } = await parse(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TRICKY)]));
    expect(encoding).toBe("utf8");
    expect(rows[0].cells[0]).toBe("工单编号");
  });

  test("UTF-16LE (Excel's Unicode text) with tabs", async () => {
    const text = "\ufeff工单编号\t承办单位\r\nA1\t汉滨区\r\n";
    const { rows, encoding } = await parse(Buffer.from(text, "utf16le"), 3);
    expect(encoding).toBe("utf16le");
    expect(rows.map((r) => [...r.cells])).toEqual([["工单编号", "承办单位"], ["A1", "汉滨区"]]);
  });

  test("encoding detection", () => {
    expect(detectEncoding(Buffer.from("工单编号,承办单位"))).toBe("utf8");
    expect(detectEncoding(iconv.encode("工单编号,承办单位", "gb18030"))).toBe("gb18030");
    // A UTF-8 character cut by the end of the sample is still UTF-8.
    expect(detectEncoding(Buffer.from("工单编号").subarray(0, 4))).toBe("utf8");
    expect(detectEncoding(Buffer.from("abc"))).toBe("utf8");
  });

  test("an unterminated quote is an error naming the row", async () => {
    await expect(parse(Buffer.from('a,b\n1,"open\n'))).rejects.toThrow(/第2行的引号没有闭合/u);
  });

  test("bytes that are not UTF-8 after a UTF-8 start flag their row, never the whole file", async () => {
    const bytes = Buffer.concat([Buffer.from("工单编号\n" + "x".repeat(70000) + "\n"), iconv.encode("汉滨区\n", "gb18030"), Buffer.from("汉阴县\n")]);
    const { rows, encoding } = await parse(bytes, 65536);
    expect(encoding).toBe("utf8");
    expect(rows.map((r) => r.undecodable === true)).toEqual([false, false, true, false]);
    expect(rows[3].cells).toEqual(["汉阴县"]);
  });
});

describe("CSV ledgers end to end", () => {
  const rows = [
    HEADER.join(","),
    "W1,汉滨区,2021-03-01 10:00:00,2021-03-05 10:00:00,2021-03-02 10:00:00,否,否,满意",
    "W2,汉滨区人民政府,2021/3/2 9:00,2021/3/6 9:00,,是,否,",
    'W3,"市发改委",2021年3月3日 10:00,2021-03-08,2021-03-08 16:00:00,否,是,不满意',
    "W1,汉滨区,2021-03-01 10:00:00,2021-03-05 10:00:00,2021-03-02 10:00:00,否,否,满意",
  ].join("\r\n") + "\r\n";

  test.each([
    ["utf8", Buffer.from(rows, "utf8")],
    ["utf8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rows, "utf8")])],
    ["gb18030", iconv.encode(rows, "gb18030")],
  ])("%s file gives the same counts", async (name, bytes) => {
    const path = join(dir, `${name.replace(/ /g, "-")}.csv`);
    writeFileSync(path, bytes);
    const result = await readLedgerFile(path, { rules: LEDGER_RULES });
    if (result.status !== "ok") throw new Error(result.message);
    const data = result.data;
    expect(data.summary.source?.encoding).toBe(name === "gb18030" ? "gb18030" : "utf8");
    expect(data.summary).toMatchObject({ rowsRead: 4, rowsCounted: 3, rowsWithProblems: 1 });
    expect(data.problems[0]).toMatchObject({ row: 5, code: "duplicateOrder", duplicateOf: 2 });
    const [hb] = data.counts(parsePeriod("2021-03"));
    expect(hb).toMatchObject({ 工单总量: 2, 退单数: 1, 应办结数: 1, 按期办结数: 1, 有效回访数: 1, 满意数: 1 });
    const fgw = data.counts(parsePeriod("2021-03")).find((r) => r.单位名称 === "市发展和改革委员会")!;
    expect(fgw).toMatchObject({ 工单总量: 1, 延期申请数: 1, 应办结数: 1, 按期办结数: 1, 有效回访数: 1, 满意数: 0 });
  });

  test("a stream (e.g. stdin) is read the same way", async () => {
    const result = await readLedgerStream(Readable.from([iconv.encode(rows, "gb18030")]), { rules: LEDGER_RULES });
    expect(result.status).toBe("ok");
    if (result.status === "ok") expect(result.data.summary.rowsCounted).toBe(3);
  });

  test("title lines above the header are skipped and row numbers stay as the file shows them", async () => {
    const path = join(dir, "title.csv");
    writeFileSync(path, "安康市12345热线工单明细,,,,,,,\r\n导出时间：2022-01-05,,,,,,,\r\n" + rows);
    const result = await readLedgerFile(path, { rules: LEDGER_RULES });
    if (result.status !== "ok") throw new Error(result.message);
    expect(result.data.summary.headerRow).toBe(3);
    expect(result.data.problems[0]).toMatchObject({ row: 7, duplicateOf: 4 });
  });

  test("missing columns ask for a mapping instead of guessing", async () => {
    const path = join(dir, "unmapped.csv");
    writeFileSync(path, "工单编号,单位,派单时间,办理时限,办结时间,是否退单,是否申请延期,评价\r\nX,汉滨区,2021-03-01 10:00,2021-03-05 10:00,,否,否,\r\n");
    const first = await readLedgerFile(path, { rules: LEDGER_RULES });
    expect(first.status).toBe("needsMapping");
    if (first.status !== "needsMapping") return;
    expect(first.mapping.missing).toEqual(["承办单位", "回访结果"]);
    expect(first.message).toContain("承办单位、回访结果");
    const second = await readLedgerFile(path, { rules: LEDGER_RULES, remembered: { 单位: "承办单位", 评价: "回访结果" } });
    expect(second.status).toBe("ok");
  });
});

describe("CSV detection: encodings, delimiters, line ends", () => {
  const text = "工单编号,承办单位,回访结果\r\nA1,汉滨区,满意\r\nA2,汉阴县,不满意\r\n";
  const expected = [["工单编号", "承办单位", "回访结果"], ["A1", "汉滨区", "满意"], ["A2", "汉阴县", "不满意"]];
  const utf16be = (s: string) => Buffer.from(s, "utf16le").swap16();

  test.each([
    ["UTF-16LE with BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]), "utf16le"],
    ["UTF-16LE without BOM", Buffer.from(text, "utf16le"), "utf16le"],
    ["UTF-16BE with BOM", Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)]), "utf16be"],
    ["UTF-16BE without BOM", utf16be(text), "utf16be"],
    ["GB18030", iconv.encode(text, "gb18030"), "gb18030"],
  ])("%s", async (_name, bytes, encoding) => {
    for (const chunk of [bytes.length, 7]) {
      const out = await parse(bytes, chunk);
      expect(out.encoding).toBe(encoding);
      expect(out.rows.map((r) => r.cells)).toEqual(expected);
      expect(out.rows.some((r) => r.undecodable)).toBe(false);
    }
  });

  test.each([
    ["semicolon", text.replace(/,/gu, ";")],
    ["tab", text.replace(/,/gu, "\t")],
    ["CR-only line ends", text.replace(/\r\n/gu, "\r")],
    ["LF line ends", text.replace(/\r\n/gu, "\n")],
    ["semicolon and CR-only", text.replace(/,/gu, ";").replace(/\r\n/gu, "\r")],
  ])("%s", async (_name, variant) => {
    for (const chunk of [Buffer.byteLength(variant), 5]) {
      expect((await parse(Buffer.from(variant), chunk)).rows.map((r) => r.cells)).toEqual(expected);
    }
  });

  test("a comma inside quotes does not decide the delimiter; CR-only with a quoted line break", async () => {
    const variant = '"工单编号,x";承办单位;回访结果\r"A1";"汉\r滨区";满意\r';
    expect((await parse(Buffer.from(variant))).rows.map((r) => r.cells)).toEqual([["工单编号,x", "承办单位", "回访结果"], ["A1", "汉\r滨区", "满意"]]);
  });

  test.each([
    ["semicolon", ";"],
    ["tab", "\t"],
  ])("a title line without delimiters above a %s header: split at the header's delimiter", async (_name, d) => {
    for (const title of ["2021年工单明细", "安康市12345热线, 2021年工单明细"]) {
      const variant = `${title}\r\n${text.replace(/,/gu, d)}`;
      for (const chunk of [Buffer.byteLength(variant), 5]) {
        expect((await parse(Buffer.from(variant), chunk)).rows.map((r) => r.cells)).toEqual([[title], ...expected]);
      }
    }
  });

  test("a semicolon ledger under a title line is read like the comma one; an unknown header is asked for by its own name", async () => {
    const rows = [
      "A1;汉滨区;2021-03-01 09:00:00;2021-03-10 18:00:00;2021-03-05 10:00:00;否;否;满意",
      "A2;汉阴县;2021-03-02 09:00:00;2021-03-10 18:00:00;;否;是;",
    ];
    const file = join(dir, "semicolon-title.csv");
    writeFileSync(file, ["2021年工单明细", HEADER.join(";"), ...rows].join("\n"));
    const read = await readLedgerFile(file, { rules: LEDGER_RULES });
    if (read.status !== "ok") throw new Error(read.message);
    expect(read.data.summary).toMatchObject({ rowsRead: 2, rowsCounted: 2, headerRow: 2 });
    expect(read.data.totals(parsePeriod("2021")).工单总量).toBe(2);

    const renamed = join(dir, "semicolon-renamed.csv");
    writeFileSync(renamed, ["2021年工单明细", ["流水号", ...HEADER.slice(1)].join(";"), ...rows].join("\n"));
    const asked = await readLedgerFile(renamed, { rules: LEDGER_RULES });
    if (asked.status !== "needsMapping") throw new Error("expected a question");
    expect(asked.mapping.unrecognized.map((h) => h.header)).toEqual(["流水号"]);
    expect(asked.mapping.missing).toEqual(["工单编号"]);
  });

  test("no header recognized at all: the question names the widest row's cells, not the title line", async () => {
    const file = join(dir, "english.csv");
    writeFileSync(file, "2021年工单明细\nid;unit;sent\nA1;汉滨区;2021-03-01\n");
    const asked = await readLedgerFile(file, { rules: LEDGER_RULES });
    if (asked.status !== "needsMapping") throw new Error("expected a question");
    expect(asked.mapping.unrecognized.map((h) => h.header)).toEqual(["id", "unit", "sent"]);
  });

  test("a GBK file is GB18030, not UTF-8 with bad rows; a UTF-8 file with one GBK cell is UTF-8 with that row flagged", () => {
    const rows = Array.from({ length: 50 }, (_, i) => `A${i},汉滨区,满意`).join("\n");
    expect(detectEncoding(iconv.encode(`工单编号,承办单位,回访结果\n${rows}`, "gb18030"))).toBe("gb18030");
    const mixed = Buffer.concat([Buffer.from(`工单编号,承办单位,回访结果\n${rows}\n`), iconv.encode("B1,汉阴县,满意\n", "gbk")]);
    expect(detectEncoding(mixed)).toBe("utf8");
  });

  test("binary content is not a spreadsheet", () => {
    expect(() => detectEncoding(Buffer.from([0x01, 0x00, 0x02, 0x03, 0x00, 0x00, 0x41, 0x00, 0x00, 0x7f, 0x00]))).toThrow(LedgerError);
  });
});

describe("memory stays bounded", () => {
  test("an unclosed quote running on is refused once the record passes the limit, naming the row", async () => {
    async function* endless(): AsyncGenerator<Uint8Array> {
      yield Buffer.from('工单编号,承办单位\nA1,"');
      const chunk = Buffer.alloc(1 << 20, 0x61);
      for (let i = 0; i < 64; i++) yield chunk; // 64 MB, never closed
    }
    const read = async () => {
      for await (const batch of csvRows(endless())) void batch;
    };
    await expect(read()).rejects.toThrow(/第2行超过16777216个字符仍未结束/u);
  });
});
