/**
 * XML text of cells: character references XML does not allow (outside Unicode, surrogates, NUL) and
 * shared-string indexes outside the table are unreadable text (U+FFFD), never an exception or another value.
 */
import { decodeXmlText, sharedString, UNREADABLE } from "../../src/xlsx/xml-text";
import { SheetByteScanner, type ScannedRow } from "../../src/xlsx/sheet-scanner";
import { escapeCellText } from "../../src/xlsx/xml-tree";

describe("decodeXmlText", () => {
  it.each([
    ["&#x110000;", UNREADABLE], ["&#xD800;", UNREADABLE], ["&#57343;", UNREADABLE], ["&#0;", UNREADABLE],
    ["&#99999999999999999999;", UNREADABLE], ["a&#x4E2D;b", "a中b"], ["&#128512;", "😀"], ["&amp;&lt;", "&<"],
  ])("%s → %s", (xml, text) => expect(decodeXmlText(xml)).toBe(text));
});

describe("sharedString", () => {
  const strings = ["完成", "未完成"];
  it("reads an index in the table", () => expect([sharedString(strings, "0"), sharedString(strings, "1")]).toEqual(["完成", "未完成"]));
  it.each(["2", "99999", "-1", "1.5", "x"])("index %s beyond the table is unreadable text naming it", (raw) => {
    expect(sharedString(strings, raw)).toBe(`${UNREADABLE}（共享字符串索引“${raw}”超出范围，文件可能已损坏）`);
  });
  it("an empty <v> is the empty string (not the first string)", () => expect(sharedString(strings, "")).toBe(""));
});

describe("the ledger's scanners flag a row with unreadable text", () => {
  const xml = '<sheetData><row r="2"><c r="A2" t="s"><v>5</v></c><c r="B2" t="inlineStr"><is><t>x&#x110000;</t></is></c><c r="C2" t="s"><v>0</v></c></row>'
    + '<row r="3"><c r="A3" t="s"><v>0</v></c></row></sheetData>';
  const expected: ScannedRow[] = [
    { cells: ["\uFFFD（共享字符串索引“5”超出范围，文件可能已损坏）", "x\uFFFD", "完成"], rowNumber: 2, undecodable: true },
    { cells: ["完成"], rowNumber: 3 },
  ];
  it("byte scanner", () => {
    const out: ScannedRow[] = [];
    new SheetByteScanner(["完成"]).feed(new TextEncoder().encode(xml), true, out);
    expect(out).toEqual(expected);
  });
});

describe("escapeCellText (text written into a cell)", () => {
  it.each([
    ["工单总量 98.50%", "工单总量 98.50%"], ["a_b x_1", "a_b x_1"], ["_x0041_", "_x005F_x0041_"], ["A&B <c> \"d\"", "A&amp;B &lt;c&gt; &quot;d&quot;"],
    ["\u0001\t\n\r", "_x0001_\t\n\r"], ["\uFFFE", "_xFFFE_"], ["a\uD800b", "a\uFFFDb"], ["😀", "😀"], ["", ""],
  ])("%j → %j", (text, xml) => expect(escapeCellText(text)).toBe(xml));
});
