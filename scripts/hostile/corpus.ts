/**
 * The hostile corpus (issue 8), built from the bundled sample or from scratch, small on disk and bounded:
 * zip-level damage (CRC, local-header offset, ZIP64 locator), zip bombs made on the fly, parts beyond the
 * size limit (run with a low --max-part-mb instead of gigabytes), prefixed SpreadsheetML, formula cells
 * with every kind of cached result, blank rows, and text beyond Excel's cell limit. Used by
 * test/xlsx/hostile.test.ts; `npx tsx scripts/hostile/corpus.ts DIR` writes every file to DIR.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { crc32, createDeflateRaw, deflateRawSync } from "node:zlib";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";

export const SAMPLE = resolve(__dirname, "..", "..", "samples", "ankang-2021-sample.xlsx");

export type Parts = Record<string, Uint8Array>;

export const sampleParts = (): Parts => unzipSync(readFileSync(SAMPLE));
export const zip = (parts: Parts): Uint8Array => zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, [v, { level: 6 }]])) as Zippable);
const text = (parts: Parts, name: string) => strFromU8(parts[name]);
const put = (parts: Parts, name: string, xml: string) => (parts[name] = strToU8(xml));

/** The sheet part of a sheet of the sample (by name, through workbook.xml and its relationships). */
export function sheetPart(parts: Parts, sheet: string): string {
  const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  const tag = text(parts, "xl/workbook.xml").match(/<sheet\s[^>]*>/g)?.find((t) => attr(t, "name") === sheet);
  const id = tag ? attr(tag, "[\\w]+:id") : undefined;
  const rel = text(parts, "xl/_rels/workbook.xml.rels").match(/<Relationship\s[^>]*>/g)?.find((t) => attr(t, "Id") === id);
  const target = rel ? attr(rel, "Target") : undefined;
  if (!target) throw new Error(`no sheet ${sheet}`);
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

/** Index of a shared string. */
export function sharedIndex(parts: Parts, value: string): number {
  const items = text(parts, "xl/sharedStrings.xml").split("<si>").slice(1);
  return items.findIndex((s) => s.startsWith(`<t>${value}</t>`) || s.startsWith(`<t xml:space="preserve">${value}</t>`));
}

// ---- zip-level damage --------------------------------------------------------------------------

interface CentralRecord { at: number; name: string; localOffset: number }

function centralRecords(bytes: Uint8Array): CentralRecord[] {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = bytes.length - 22;
  while (v.getUint32(eocd, true) !== 0x06054b50) eocd--;
  let p = v.getUint32(eocd + 16, true);
  const out: CentralRecord[] = [];
  for (let k = v.getUint16(eocd + 10, true); k > 0; k--) {
    const nameLength = v.getUint16(p + 28, true);
    out.push({ at: p, name: strFromU8(bytes.subarray(p + 46, p + 46 + nameLength)), localOffset: v.getUint32(p + 42, true) });
    p += 46 + nameLength + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  return out;
}

/** The sample with one part's recorded CRC-32 changed (local header and directory). */
export function crcMismatch(part = "xl/worksheets/sheet1.xml"): Uint8Array {
  const bytes = zip(sampleParts());
  const v = new DataView(bytes.buffer);
  const r = centralRecords(bytes).find((c) => c.name === part) as CentralRecord;
  v.setUint32(r.at + 16, v.getUint32(r.at + 16, true) ^ 1, true);
  v.setUint32(r.localOffset + 14, v.getUint32(r.localOffset + 14, true) ^ 1, true);
  return bytes;
}

/** The sample with one part's local-header offset pointing elsewhere. */
export function badLocalOffset(part = "xl/workbook.xml"): Uint8Array {
  const bytes = zip(sampleParts());
  const r = centralRecords(bytes).find((c) => c.name === part) as CentralRecord;
  new DataView(bytes.buffer).setUint32(r.at + 42, r.localOffset + 7, true);
  return bytes;
}

/** The sample whose end record says ZIP64 and whose ZIP64 locator points outside the file. */
export function badZip64Locator(): Uint8Array {
  const bytes = zip(sampleParts());
  const locator = new Uint8Array(20);
  const lv = new DataView(locator.buffer);
  lv.setUint32(0, 0x07064b50, true);
  lv.setBigUint64(8, 0xffffffffffn, true);
  lv.setUint32(16, 1, true);
  const eocd = bytes.slice(bytes.length - 22);
  new DataView(eocd.buffer).setUint32(16, 0xffffffff, true);
  const out = new Uint8Array(bytes.length + 20);
  out.set(bytes.subarray(0, bytes.length - 22));
  out.set(locator, bytes.length - 22);
  out.set(eocd, bytes.length - 2);
  return out;
}

/** A stored ZIP of the given parts with one part's data replaced by `compressed` (deflated), its size and CRC as given. */
function zipWithForgedPart(parts: Parts, name: string, compressed: Uint8Array, size: number, crc: number): Uint8Array {
  const bytes = zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, [k === name ? new Uint8Array(0) : v, { level: 6 }]])) as Zippable);
  // Rebuild the named entry by hand: local header + data, then fix the directory.
  const records = centralRecords(bytes);
  const r = records.find((c) => c.name === name) as CentralRecord;
  const v = new DataView(bytes.buffer);
  const nameLength = v.getUint16(r.localOffset + 26, true);
  const extraLength = v.getUint16(r.localOffset + 28, true);
  const headerLength = 30 + nameLength + extraLength;
  const oldDataLength = v.getUint32(r.at + 20, true);
  const before = bytes.subarray(0, r.localOffset);
  const header = bytes.slice(r.localOffset, r.localOffset + headerLength);
  const after = bytes.subarray(r.localOffset + headerLength + oldDataLength);
  const shift = compressed.length - oldDataLength;
  const hv = new DataView(header.buffer);
  hv.setUint16(8, 8, true);
  hv.setUint32(14, crc, true);
  hv.setUint32(18, compressed.length, true);
  hv.setUint32(22, size, true);
  const out = new Uint8Array(before.length + header.length + compressed.length + after.length);
  out.set(before);
  out.set(header, before.length);
  out.set(compressed, before.length + header.length);
  out.set(after, before.length + header.length + compressed.length);
  const ov = new DataView(out.buffer);
  // Directory entries after the forged one moved by `shift`; the directory itself too.
  let eocd = out.length - 22;
  while (ov.getUint32(eocd, true) !== 0x06054b50) eocd--;
  ov.setUint32(eocd + 16, ov.getUint32(eocd + 16, true) + shift, true);
  for (const c of centralRecords(out)) {
    if (c.localOffset > r.localOffset) ov.setUint32(c.at + 42, c.localOffset + shift, true);
    if (c.name === name) {
      ov.setUint16(c.at + 10, 8, true);
      ov.setUint32(c.at + 16, crc, true);
      ov.setUint32(c.at + 20, compressed.length, true);
      ov.setUint32(c.at + 24, size, true);
    }
  }
  return out;
}

/** A zip bomb: sheet1 inflates to `megabytes` MB of spaces but its directory says 1 KB. */
export function bombUnderstated(megabytes = 64): Uint8Array {
  const parts = sampleParts();
  const compressed = deflateRawSync(Buffer.alloc(megabytes << 20, 32), { level: 9 });
  return zipWithForgedPart(parts, "xl/worksheets/sheet1.xml", compressed, 1024, 0);
}

/** A zip bomb that states its size: sheet1 inflates to `megabytes` MB (refused by the limit before inflating). */
export function bombStated(megabytes = 256): Uint8Array {
  const parts = sampleParts();
  const compressed = deflateRawSync(Buffer.alloc(1 << 20, 32), { level: 9 });
  return zipWithForgedPart(parts, "xl/worksheets/sheet1.xml", compressed, megabytes << 20, 0);
}

/**
 * The sample whose `part` (one held whole, such as xl/sharedStrings.xml) really inflates to `megabytes` MB:
 * whitespace before its closing tag, honest size and CRC in the directory. A few hundred KB on disk; beyond
 * the default limits when `megabytes` exceeds a sixteenth of --max-part-mb.
 */
export function honestHugePart(part: string, megabytes: number): Uint8Array {
  const parts = sampleParts();
  const xml = text(parts, part);
  const close = xml.lastIndexOf("</");
  const whole = Buffer.alloc(megabytes << 20, 32);
  const head = Buffer.from(xml.slice(0, close));
  const tail = Buffer.from(xml.slice(close));
  head.copy(whole, 0);
  tail.copy(whole, whole.length - tail.length);
  return zipWithForgedPart(parts, part, deflateRawSync(whole, { level: 9 }), whole.length, crc32(whole));
}

/**
 * As honestHugePart, for sizes the test process should not hold: the whitespace is deflated as a stream
 * (bounded memory, a few seconds per gigabyte) and its CRC-32 summed chunk by chunk.
 */
export async function honestHugePartStreamed(part: string, megabytes: number): Promise<Uint8Array> {
  const parts = sampleParts();
  const xml = text(parts, part);
  const close = xml.lastIndexOf("</");
  const head = Buffer.from(xml.slice(0, close));
  const tail = Buffer.from(xml.slice(close));
  const size = megabytes << 20;
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (data: Buffer) => out.push(data));
  const ended = new Promise((done, fail) => deflate.on("end", done).on("error", fail));
  const spaces = Buffer.alloc(1 << 20, 32);
  let crc = 0;
  const write = async (bytes: Uint8Array) => {
    crc = crc32(bytes, crc);
    if (!deflate.write(bytes)) await new Promise((drained) => deflate.once("drain", drained));
  };
  await write(head);
  for (let left = size - head.length - tail.length; left > 0; left -= spaces.length) await write(spaces.subarray(0, Math.min(left, spaces.length)));
  await write(tail);
  deflate.end();
  await ended;
  return zipWithForgedPart(parts, part, Buffer.concat(out), size, crc);
}

// ---- parts that are too big (with a low --max-part-mb) --------------------------------------------

/** workbook.xml padded with `megabytes` MB of whitespace inside the root element. */
export function hugeWorkbookXml(megabytes = 4): Uint8Array {
  const parts = sampleParts();
  put(parts, "xl/workbook.xml", text(parts, "xl/workbook.xml").replace("</workbook>", `${" ".repeat(megabytes << 20)}</workbook>`));
  return zip(parts);
}

/** sharedStrings.xml with `count` extra strings (never used by a cell). */
export function hugeSharedStrings(count = 200_000): Uint8Array {
  const parts = sampleParts();
  const extra = Array.from({ length: count }, (_, i) => `<si><t>多余字符串${i}</t></si>`).join("");
  put(parts, "xl/sharedStrings.xml", text(parts, "xl/sharedStrings.xml").replace("</sst>", `${extra}</sst>`));
  return zip(parts);
}

/** One cell of 热线数据 (a 备注 beside the data) holding `megabytes` MB of text. */
export function hugeCell(megabytes = 2): Uint8Array {
  const parts = sampleParts();
  const part = sheetPart(parts, "热线数据");
  const xml = text(parts, part);
  put(parts, part, xml.replace(/(<row r="3"[^>]*>[^]*?)(<\/row>)/, `$1<c r="Z3" t="inlineStr"><is><t>${"长".repeat((megabytes << 20) / 3)}</t></is></c>$2`));
  return zip(parts);
}

/** 扣分登记 followed by styled blank rows down to Excel's last row (a million rows, a few hundred KB deflated). */
export function blankRows(): Uint8Array {
  const parts = sampleParts();
  const part = sheetPart(parts, "扣分登记");
  const xml = text(parts, part);
  const last = Math.max(...[...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1])));
  const rows: string[] = [];
  for (let r = last + 1; r <= 1048576; r++) rows.push(`<row r="${r}" s="0" customFormat="1"/>`);
  put(parts, part, xml.replace("</sheetData>", `${rows.join("")}</sheetData>`).replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:F1048576"/>'));
  return zip(parts);
}

/** A unit name in 热线数据 longer than Excel's 32,767-character cell limit (it is quoted in 校验). */
export function longUnitName(): Uint8Array {
  const parts = sampleParts();
  const part = sheetPart(parts, "热线数据");
  const name = "未知单位".repeat(9000);
  put(parts, part, text(parts, part).replace(/<c r="A3"([^>]*?) t="s"><v>\d+<\/v><\/c>/, `<c r="A3"$1 t="inlineStr"><is><t>${name}</t></is></c>`));
  return zip(parts);
}

/**
 * The sample with one cell of `sheet` (A1 address) replaced by `cell`, a whole <c> element: damaged or
 * unusual cells (an invalid character reference, a data-table formula, a shared formula without its
 * master, a shared-string index beyond the table).
 */
export function cellReplaced(sheet: string, address: string, cell: string): Uint8Array {
  const parts = sampleParts();
  const part = sheetPart(parts, sheet);
  const xml = text(parts, part);
  const m = new RegExp(`<c r="${address}"(?:[^>]*?/>|[^>]*>[^]*?</c>)`).exec(xml);
  if (!m) throw new Error(`no cell ${sheet}!${address}`);
  put(parts, part, xml.replace(m[0], cell));
  return zip(parts);
}

/**
 * The sample with `count` numbers in columns of 扣分登记 that the product does not read (beside the
 * register), 20 to a row: a sheet holding far more cells than an assessment workbook needs.
 */
export function numbersBeside(count: number): Uint8Array {
  const parts = sampleParts();
  const part = sheetPart(parts, "扣分登记");
  const xml = text(parts, part);
  const perRow = 20;
  const rows: string[] = [];
  for (let r = 0; r * perRow < count; r++) {
    const cells: string[] = [];
    for (let c = 0; c < perRow && r * perRow + c < count; c++) cells.push(`<c r="${columnName(30 + c)}${r + 1000}"><v>${r * perRow + c}</v></c>`);
    rows.push(`<row r="${r + 1000}">${cells.join("")}</row>`);
  }
  put(parts, part, xml.replace("</sheetData>", `${rows.join("")}</sheetData>`).replace(/<dimension ref="[^"]*"\/>/, ""));
  return zip(parts);
}

/** The sample with `count` cells of 30,000 characters each in a column of 扣分登记 the product does not read (one a row). */
export function longTextsBeside(count: number): Uint8Array {
  const parts = sampleParts();
  const part = sheetPart(parts, "扣分登记");
  const long = "长".repeat(30_000);
  const rows = Array.from({ length: count }, (_, r) => `<row r="${r + 1000}"><c r="AE${r + 1000}" t="inlineStr"><is><t>${long}</t></is></c></row>`);
  put(parts, part, text(parts, part).replace("</sheetData>", `${rows.join("")}</sheetData>`).replace(/<dimension ref="[^"]*"\/>/, ""));
  return zip(parts);
}

const columnName = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : columnName(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));

// ---- producers -----------------------------------------------------------------------------------

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** The sample with SpreadsheetML under an x: prefix (workbook, sheets, shared strings, styles), as the .NET Open XML SDK writes it. */
export function prefixed(): Uint8Array {
  const parts = sampleParts();
  for (const name of Object.keys(parts)) {
    if (!/^xl\/(workbook|sharedStrings|styles|worksheets\/sheet\d+)\.xml$/.test(name)) continue;
    const xml = text(parts, name)
      .replace(/<(\/?)([A-Za-z][\w]*)(?=[\s/>])/g, "<$1x:$2")
      .replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`);
    put(parts, name, xml);
  }
  return zip(parts);
}

/**
 * The sample with one 便民化考核 status cell ("完成" typed) replaced: by `formula` with the cached
 * result `cached` (a <c> body), or by the typed value `typed` (the reference).
 */
export function approvalStatus(replacement: { formula: string; cell: string } | { typed: string }): { bytes: Uint8Array; address: string } {
  const parts = sampleParts();
  const part = sheetPart(parts, "便民化考核");
  const done = sharedIndex(parts, "完成");
  const xml = text(parts, part);
  const m = new RegExp(`<c r="([A-Z]+[0-9]+)"( s="\\d+")? t="s"><v>${done}</v></c>`).exec(xml);
  if (!m) throw new Error("no 完成 cell");
  const address = m[1];
  const style = m[2] ?? "";
  const cell = "typed" in replacement
    ? `<c r="${address}"${style} t="inlineStr"><is><t>${replacement.typed}</t></is></c>`
    : `<c r="${address}"${style}${replacement.cell.replace("FORMULA", replacement.formula)}</c>`;
  put(parts, part, xml.replace(m[0], cell));
  return { bytes: zip(parts), address };
}

/** A one-sheet workbook whose cells A1… hold formulas with each kind of cached result, and one without. */
export function formulaResults(): Uint8Array {
  const cells = [
    '<c r="A1"><f>1-1</f><v>0</v></c>',
    '<c r="B1" t="b"><f>1=0</f><v>0</v></c>',
    '<c r="C1" t="b"><f>1=1</f><v>1</v></c>',
    '<c r="D1" t="str"><f>""</f><v></v></c>',
    '<c r="E1" t="e"><f>NA()</f><v>#N/A</v></c>',
    '<c r="F1"><f>SUM(A1:E1)</f></c>',
    '<c r="G1"><f>1+1</f><v></v></c>',
    '<c r="H1" t="str"><f>"完成"</f><v>完成</v></c>',
  ];
  return oneSheet("S", `<row r="1">${cells.join("")}</row>`);
}

/**
 * A 工单明细 ledger (.xlsx, inline strings, no shared-string table) of one order of 汉滨区 in March 2021,
 * its cell in `column` (0-based, in the order of the header) replaced by `cell` (a <c> element with r="?2").
 */
export function ledgerWithCell(column: number, cell: string): Uint8Array {
  const header = ["工单编号", "承办单位", "派单时间", "办理时限", "办结时间", "是否退单", "是否申请延期", "回访结果"];
  const order = ["GD0001", "汉滨区", "2021-03-01 09:00:00", "2021-03-10 18:00:00", "2021-03-05 10:00:00", "否", "否", "满意"];
  const row = (r: number, values: string[]) =>
    `<row r="${r}">${values.map((v, c) => (r === 2 && c === column ? cell.replace("?", columnName(c)) : `<c r="${columnName(c)}${r}" t="inlineStr"><is><t>${v}</t></is></c>`)).join("")}</row>`;
  return oneSheet("工单明细", row(1, header) + row(2, order));
}

/** A minimal workbook of one sheet `name` with the given <sheetData> content (and `after` it), no shared strings. */
export function oneSheet(name: string, sheetData: string, after = ""): Uint8Array {
  const parts: Parts = {
    "[Content_Types].xml": strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
    "_rels/.rels": strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    "xl/workbook.xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    "xl/worksheets/sheet1.xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${sheetData}</sheetData>${after}</worksheet>`),
  };
  return zip(parts);
}

if (require.main === module) {
  const dir = process.argv[2] ?? "out/hostile";
  const files: Record<string, Uint8Array> = {
    "crc-mismatch.xlsx": crcMismatch(), "bad-local-offset.xlsx": badLocalOffset(), "bad-zip64-locator.xlsx": badZip64Locator(),
    "bomb-understated.xlsx": bombUnderstated(), "bomb-stated.xlsx": bombStated(), "huge-workbook-xml.xlsx": hugeWorkbookXml(),
    "huge-shared-strings.xlsx": hugeSharedStrings(), "huge-cell.xlsx": hugeCell(), "blank-rows.xlsx": blankRows(),
    "long-unit-name.xlsx": longUnitName(), "prefixed.xlsx": prefixed(), "formula-results.xlsx": formulaResults(),
    "invalid-code-point.xlsx": cellReplaced("热线数据", "A4", '<c r="A4" t="inlineStr"><is><t>汉阴县&#x110000;</t></is></c>'),
    "data-table-formula.xlsx": cellReplaced("热线数据", "D4", '<c r="D4"><f t="dataTable" ref="D4:D4" dt2D="0" dtr="0" r1="Z1"/></c>'),
    "shared-formula-without-master.xlsx": cellReplaced("热线数据", "D4", '<c r="D4"><f t="shared" si="0"/></c>'),
    "bad-shared-index.xlsx": cellReplaced("热线数据", "D4", '<c r="D4" t="s"><v>99999</v></c>'),
    // 5M numbers (16 MB): refused at the cell limit (about 300 MB, a few seconds); `/usr/bin/time -v npm run assess -- FILE`.
    "many-numbers.xlsx": numbersBeside(5_000_000),
  };
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
}
