/**
 * Hostile ledger files (issue 8): the same small 工单明细 in every encoding, delimiter and line end a platform
 * or an office tool writes, and the broken variants (header only, an unknown 回访结果, one cell in another
 * encoding, control bytes). Counts for 2021 (spec F), by hand:
 *   汉滨区政府: 工单总量 3, 应办结数 3, 按期办结数 1, 退单数 0, 延期申请数 1, 有效回访数 1, 满意数 1
 *     (A1 closed in time, 满意; A2 closed late, 拒绝回访 = 拒访: not a valid callback; A3 open, 延期)
 *   汉阴县政府: 工单总量 1, 应办结数 0, 按期办结数 0, 退单数 1, 延期申请数 0, 有效回访数 1, 满意数 0
 *     (A4 returned, so not due; closed in the period, 不满意)
 * no-dispatch-time.csv adds two orders whose 派单时间 cannot be read (spec F: they leave 工单总量, 退单数 and
 * 延期申请数 only), so for 2021:
 *   汉滨区政府: 应办结数 4, 按期办结数 2, 有效回访数 2, 满意数 2, the rest as above
 *     (A5: 派单时间 blank, due 03-10, closed 03-08 in time, 满意)
 *   汉阴县政府: 应办结数 1, the rest as above (A6: 派单时间 "2021-03-32 09:00", due 03-10, open)
 * Usage: npx tsx scripts/hostile/ledger-files.ts [DIR]   (default test/fixtures/hostile/ledger)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as iconv from "iconv-lite";

export const LEDGER_HEADER = ["工单编号", "承办单位", "派单时间", "办理时限", "办结时间", "是否退单", "是否申请延期", "回访结果"];

export const LEDGER_ROWS: readonly (readonly string[])[] = [
  ["A1", "汉滨区", "2021-03-01 09:00:00", "2021-03-10 18:00:00", "2021-03-05 10:00:00", "否", "否", "满意"],
  ["A2", "汉滨区", "2021-03-02 09:00:00", "2021-03-10 18:00:00", "2021-03-12 10:00:00", "否", "否", "拒绝回访"],
  ["A3", "汉滨区", "2021-03-03 09:00:00", "2021-03-10 18:00:00", "", "否", "是", ""],
  ["A4", "汉阴县", "2021-03-04 09:00:00", "2021-03-10 18:00:00", "2021-03-06 10:00:00", "是", "否", "不满意"],
];

export const EXPECTED_COUNTS = {
  汉滨区政府: { 工单总量: 3, 应办结数: 3, 按期办结数: 1, 退单数: 0, 延期申请数: 1, 有效回访数: 1, 满意数: 1 },
  汉阴县政府: { 工单总量: 1, 应办结数: 0, 按期办结数: 0, 退单数: 1, 延期申请数: 0, 有效回访数: 1, 满意数: 0 },
} as const;

export const NO_DISPATCH_COUNTS = {
  汉滨区政府: { ...EXPECTED_COUNTS.汉滨区政府, 应办结数: 4, 按期办结数: 2, 有效回访数: 2, 满意数: 2 },
  汉阴县政府: { ...EXPECTED_COUNTS.汉阴县政府, 应办结数: 1 },
} as const;

const csv = (rows: readonly (readonly string[])[], delimiter = ",", eol = "\r\n") => rows.map((r) => r.join(delimiter)).join(eol) + eol;
const all = [LEDGER_HEADER, ...LEDGER_ROWS];
const text = csv(all);
const utf16be = (s: string) => Buffer.from(s, "utf16le").swap16();

/** File name → bytes. */
export function ledgerFiles(): Record<string, Uint8Array> {
  const unknownCallback = all.map((r) => (r[0] === "A2" ? [...r.slice(0, 7), "拒绝接听"] : r));
  return {
    "utf8.csv": Buffer.from(text),
    "utf16le-bom.csv": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]),
    "utf16le.csv": Buffer.from(text, "utf16le"),
    "utf16be-bom.csv": Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)]),
    "utf16be.csv": utf16be(text),
    "gb18030.csv": iconv.encode(text, "gb18030"),
    "semicolon.csv": Buffer.from(csv(all, ";")),
    "tab.csv": Buffer.from(csv(all, "\t")),
    "cr-only.csv": Buffer.from(csv(all, ",", "\r")),
    "header-only.csv": Buffer.from(csv([LEDGER_HEADER])),
    // A header no synonym knows: the hint must name this file's own header.
    "odd-header.csv": Buffer.from(csv([["流水号", ...LEDGER_HEADER.slice(1)], ...LEDGER_ROWS])),
    "unknown-callback.csv": Buffer.from(csv(unknownCallback)),
    // Row 6: one more 汉阴县 order whose unit cell was saved as GBK inside a UTF-8 file.
    "mixed-encoding.csv": Buffer.concat([
      Buffer.from(text), Buffer.from("A5,"), iconv.encode("汉阴县", "gbk"),
      Buffer.from(",2021-03-05 09:00:00,2021-03-10 18:00:00,,否,否,\r\n"),
    ]),
    // Row 6: a unit cell holding a terminal escape sequence.
    "control-bytes.csv": Buffer.from(text + "A5,汉阴\u001b[31m县,2021-03-05 09:00:00,2021-03-10 18:00:00,,否,否,\r\n"),
    // Rows 6 and 7: a blank and an impossible 派单时间.
    "no-dispatch-time.csv": Buffer.from(csv([...all,
      ["A5", "汉滨区", "", "2021-03-10 18:00:00", "2021-03-08 10:00:00", "否", "否", "满意"],
      ["A6", "汉阴县", "2021-03-32 09:00", "2021-03-10 18:00:00", "", "否", "否", ""]])),
    "old.xls": Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]),
    "picture.csv": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  };
}

export function writeLedgerFiles(dir: string): Record<string, string> {
  mkdirSync(dir, { recursive: true });
  return Object.fromEntries(Object.entries(ledgerFiles()).map(([name, bytes]) => {
    writeFileSync(join(dir, name), bytes);
    return [name, join(dir, name)];
  }));
}

if (require.main === module) {
  const dir = process.argv[2] ?? join("test", "fixtures", "hostile", "ledger");
  for (const path of Object.values(writeLedgerFiles(dir))) process.stdout.write(`${path}\n`);
}
