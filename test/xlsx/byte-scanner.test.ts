/**
 * The scanner of worksheets (SheetByteScanner, reading regular rows from the bytes) against a reference
 * on the decoded XML (rows found here, their cells read by the scanner's text path, textRowCells): random
 * sheets, cut into chunks at random byte positions (inside tags and inside multi-byte UTF-8 characters too).
 */
import fc from "fast-check";
import { plainCellTagBytes, readCellTagBytes } from "../../src/xlsx/scan-bytes";
import { textRowCells } from "../../src/xlsx/scan-text";
import type { ScannedRow as SourceRow } from "../../src/xlsx/sheet-scanner";
import { SheetByteScanner } from "../../src/xlsx/sheet-scanner";
import { attribute, UNREADABLE } from "../../src/xlsx/xml-text";

const STRINGS = ["s0", "工单", "a&b", "", "x<y"];
/** A string table holding an unreadable character (rows with strings from the table are then checked too). */
const UNREADABLE_STRINGS = [...STRINGS.slice(0, 4), `x${UNREADABLE}`];

const escape = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const textArb = fc.array(
  fc.oneof(
    fc.constantFrom("a", "Z", " ", "中", "文", "工单明细", "😀", "é", "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#20013;", "&#x4E2D;", "_x000D_", "_x005F_x", "\"", "'", ">", "1"),
    fc.string({ maxLength: 3 }).map(escape),
  ),
  { maxLength: 6 },
).map((parts) => parts.join(""));

const numberText = fc.oneof(
  fc.double({ noNaN: false }).map((x) => String(x)),
  fc.integer({ min: -1e9, max: 1e9 }).map(String),
  fc.tuple(
    fc.constantFrom("", "-", "+"),
    fc.stringMatching(/^[0-9]{0,18}$/),
    fc.constantFrom("", "."),
    fc.stringMatching(/^[0-9]{0,18}$/),
    fc.constantFrom("", "e", "E", "e+", "e-", "E-"),
    fc.stringMatching(/^[0-9]{0,4}$/),
  ).map((p) => p.join("")),
  fc.constantFrom("44194.33988425926", "1e308", "1e309", "-0", "0.1", "5.", ".5", "0x10", " 7", "abc", "Infinity", "1e-400", "9007199254740993", "123456789012345678"),
);

const colName = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : colName(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));

const cellBody = fc.oneof(
  numberText.map((v) => ({ t: "", body: `<v>${v}</v>` })),
  numberText.map((v) => ({ t: ' t="n"', body: `<v>${v}</v>` })),
  fc.oneof(fc.integer({ min: 0, max: STRINGS.length + 1 }).map(String), fc.constantFrom("01", "", "x", "1.0")).map((v) => ({ t: ' t="s"', body: `<v>${v}</v>` })),
  textArb.map((v) => ({ t: ' t="inlineStr"', body: `<is><t>${v}</t></is>` })),
  textArb.map((v) => ({ t: ' t="inlineStr"', body: `<is><t xml:space="preserve">${v}</t></is>` })),
  fc.tuple(textArb, textArb).map(([a, b]) => ({ t: ' t="inlineStr"', body: `<is><r><t>${a}</t></r><r><t>${b}</t></r><rPh><t>x</t></rPh></is>` })),
  fc.constantFrom("0", "1", "true", "false", "").map((v) => ({ t: ' t="b"', body: `<v>${v}</v>` })),
  textArb.map((v) => ({ t: ' t="str"', body: `<v>${v}</v>` })),
  textArb.map((v) => ({ t: ' t="str"', body: `<f>A1&amp;"x"</f><v>${v}</v>` })),
  numberText.map((v) => ({ t: "", body: `<f>IF(F2=&quot;否&quot;,1,0)</f><v>${v}</v>` })),
  fc.constantFrom("<f>IF(E2&lt;=D2,1,0)</f>", '<f t="shared" si="0"/>', '<f t="shared" ref="I2:I9" si="0">B2+1</f>').map((body) => ({ t: "", body })),
  fc.constantFrom("#N/A", "#DIV/0!").map((v) => ({ t: ' t="e"', body: `<v>${v}</v>` })),
  fc.constantFrom("", "<v></v>", "<v/>", "<is></is>").map((body) => ({ t: "", body })),
  fc.constant({ t: ' t="inlineStr"', body: "" }),
);

const cellArb = fc.record({
  body: cellBody,
  gap: fc.integer({ min: 0, max: 3 }),
  withRef: fc.boolean(),
  style: fc.constantFrom("", ' s="1"', " s='2'"),
  form: fc.constantFrom("plain", "plain", "plain", "single", "tab", "selfClose"),
});

const rowArb = fc.record({
  cells: fc.array(cellArb, { maxLength: 8 }),
  ref: fc.constantFrom("r", "r", "none", "single", "spans"),
  selfClose: fc.integer({ min: 0, max: 4 }).map((k) => k === 0),
  space: fc.constantFrom("", "", "\n  "),
});

interface CellSpec {
  body: { t: string; body: string };
  gap: number;
  withRef: boolean;
  style: string;
  form: string;
}
interface RowSpec {
  cells: CellSpec[];
  ref: string;
  selfClose: boolean;
  space: string;
}

function sheetXml(rows: readonly RowSpec[]): string {
  let xml = '<?xml version="1.0" encoding="UTF-8"?><worksheet><dimension ref="A1"/><sheetData>';
  rows.forEach((row, r) => {
    const n = r + 2;
    const rowAttrs = row.ref === "r" ? ` r="${n}"` : row.ref === "single" ? ` r='${n}'` : row.ref === "spans" ? ` r="${n}" spans="1:8" x14ac:dyDescent="0.25"` : "";
    if (row.selfClose) {
      xml += `<row${rowAttrs}/>`;
      return;
    }
    xml += `<row${rowAttrs}>`;
    let col = -1;
    for (const cell of row.cells) {
      col += 1 + cell.gap;
      const ref = cell.withRef ? ` r="${colName(col)}${n}"` : "";
      let attrs = `${ref}${cell.style}${cell.body.t}`;
      if (cell.form === "single") attrs = attrs.replace(/"/g, "'");
      if (cell.form === "tab") attrs = attrs.replace(/ /g, "\t");
      if (cell.form === "selfClose" || cell.body.body === "") xml += cell.body.body === "" ? `<c${attrs}/>` : `<c${attrs}>${cell.body.body}</c>`;
      else xml += `<c${attrs}>${cell.body.body}</c>`;
      xml += row.space;
    }
    xml += "</row>" + row.space;
  });
  return xml + "</sheetData></worksheet>";
}

/** The rows of the whole decoded XML: <row followed by space, > or /; numbered by r, else after the previous row. */
function reference(xml: string, strings: readonly string[] = STRINGS): SourceRow[] {
  const out: SourceRow[] = [];
  let last = 0;
  for (let p = xml.indexOf("<row"); p >= 0; p = xml.indexOf("<row", p + 4)) {
    if (!" >/".includes(xml[p + 4])) continue;
    const tagEnd = xml.indexOf(">", p);
    const r = attribute(xml.slice(p, tagEnd), "r");
    const rowNumber = r !== undefined ? Number(r) : last + 1;
    last = rowNumber;
    if (xml[tagEnd - 1] === "/") continue;
    const end = xml.indexOf("</row>", tagEnd);
    const uncalculated: number[] = [];
    const cells = textRowCells(xml, tagEnd + 1, end, strings, uncalculated);
    if (cells.length === 0 && uncalculated.length === 0) continue;
    const undecodable = cells.some((c) => typeof c === "string" && c.includes(UNREADABLE));
    out.push({ cells, rowNumber, ...(uncalculated.length > 0 ? { uncalculated } : {}), ...(undecodable ? { undecodable } : {}) });
    p = end;
  }
  return out;
}

/**
 * The rows the scanner reads from the bytes cut at `cuts`: fed (a new array per row), or visited (one array
 * reused for every row, copied here as each row arrives; the visitor's count checked).
 */
function byBytes(bytes: Uint8Array, cuts: readonly number[], strings: readonly string[] = STRINGS, visit?: "reuse" | "keep"): SourceRow[] {
  const scanner = new SheetByteScanner(strings);
  const out: SourceRow[] = [];
  const read = (chunk: Uint8Array, final: boolean): void => {
    if (!visit) return scanner.feed(chunk, final, out);
    const before = out.length;
    const count = scanner.visit(chunk, final, (cells, rowNumber, undecodable, uncalculated) => {
      const copy = visit === "keep" ? cells : [...cells];
      out.push({ cells: copy, rowNumber, ...(uncalculated ? { uncalculated: [...uncalculated] } : {}), ...(undecodable ? { undecodable } : {}) });
    }, visit === "keep");
    expect(count).toBe(out.length - before);
  };
  let from = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    // A copy, as an inflater hands over a fresh (or reused) buffer each time.
    read(bytes.slice(from, cut), false);
    from = cut;
  }
  read(bytes.slice(from), false);
  read(new Uint8Array(0), true);
  return out;
}

describe("SheetByteScanner reads the same rows as the reference on the decoded text", () => {
  test("random sheets cut at random byte positions", () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 12 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }), (rows, fractions) => {
        const xml = sheetXml(rows);
        const bytes = new TextEncoder().encode(xml);
        const expected = reference(xml);
        expect(byBytes(bytes, [])).toStrictEqual(expected);
        expect(byBytes(bytes, fractions.map((f) => Math.floor(f * bytes.length)))).toStrictEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  test("visited rows (one reused array) are the rows fed, with either string table", () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 12 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }), fc.boolean(),
        (rows, fractions, unreadableTable) => {
          const xml = sheetXml(rows);
          const bytes = new TextEncoder().encode(xml);
          const strings = unreadableTable ? UNREADABLE_STRINGS : STRINGS;
          const expected = reference(xml, strings);
          const cuts = fractions.map((f) => Math.floor(f * bytes.length));
          // The reused array holds undefined where a row's own array has a hole (toEqual takes them as equal).
          expect(byBytes(bytes, [], strings, "reuse")).toEqual(expected);
          expect(byBytes(bytes, cuts, strings, "reuse")).toEqual(expected);
          expect(byBytes(bytes, cuts, strings, "reuse").map((r) => r.cells.length)).toEqual(expected.map((r) => r.cells.length));
          expect(byBytes(bytes, cuts, strings, "keep")).toStrictEqual(expected);
        }),
      { numRuns: 1000 },
    );
  });

  test("every single cut of a sheet with multi-byte text, entities and numbers", () => {
    const xml = sheetXml([
      { ref: "r", selfClose: false, space: "", cells: [
        { body: { t: ' t="inlineStr"', body: "<is><t>工单&amp;&#20013;😀 &lt;x&gt;</t></is>" }, gap: 0, withRef: true, style: "", form: "plain" },
        { body: { t: "", body: "<v>-1.25E-3</v>" }, gap: 1, withRef: true, style: ' s="1"', form: "plain" },
        { body: { t: ' t="s"', body: "<v>1</v>" }, gap: 0, withRef: false, style: "", form: "plain" },
        { body: { t: ' t="b"', body: "<v>1</v>" }, gap: 0, withRef: false, style: "", form: "plain" },
      ] },
      { ref: "none", selfClose: true, space: "", cells: [] },
      { ref: "none", selfClose: false, space: "\n", cells: [
        { body: { t: "", body: "<v>44194.33988425926</v>" }, gap: 2, withRef: true, style: "", form: "single" },
        { body: { t: ' t="str"', body: "<f>X</f><v>中&lt;</v>" }, gap: 0, withRef: true, style: "", form: "plain" },
      ] },
    ]);
    const bytes = new TextEncoder().encode(xml);
    const expected = reference(xml);
    expect(expected.length).toBe(2) // the blank row is skipped;
    for (let cut = 0; cut <= bytes.length; cut++) expect(byBytes(bytes, [cut])).toStrictEqual(expected);
    for (let cut = 0; cut + 3 <= bytes.length; cut++) expect(byBytes(bytes, [cut, cut + 1, cut + 3])).toStrictEqual(expected);
  });

  test("numbers read from bytes are the doubles Number() gives", () => {
    fc.assert(
      fc.property(numberText, (v) => {
        const xml = `<sheetData><row r="1"><c r="A1"><v>${v}</v></c></row></sheetData>`;
        const got = byBytes(new TextEncoder().encode(xml), [])[0].cells[0];
        expect(Object.is(got, v === "" ? undefined : Number(v))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});

describe("formula cells without a cached result", () => {
  // Spec E: a formula with no cached value is neither 0 nor blank; the scanners say which columns hold one.
  const xml = `<sheetData>
<row r="1"><c r="A1"><f>1+1</f></c><c r="B1"><f>1+1</f><v></v></c><c r="C1"><f>1+1</f><v/></c><c r="D1"><f t="shared" si="0"/></c><c r="E1"><v>3</v></c></row>
<row r="2"><c r="A2" t="str"><f>""</f><v></v></c><c r="B2"><f>2*2</f><v>4</v></c><c r="C2" t="b"><f>TRUE()</f><v>1</v></c></row>
<row r="3"><c r="C3" t="str"><f>A3</f></c></row>
<row r="4"><c r="A4" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>
</sheetData>`;

  test.each([
    ["the text path", () => reference(xml)],
    ["the scanner", () => byBytes(new TextEncoder().encode(xml), [])],
  ])("%s lists them per row and reads cached results (\"\" of a text formula included) as they are", (_, scan) => {
    expect(scan()).toStrictEqual([
      { cells: [, , , , 3], rowNumber: 1, uncalculated: [0, 1, 2, 3] },
      { cells: ["", 4, true], rowNumber: 2 },
      { cells: [], rowNumber: 3, uncalculated: [2] },
      { cells: ["#DIV/0!"], rowNumber: 4 },
    ]);
  });
});

describe("text between rows is never held", () => {
  // Whitespace (or any text) between rows, longer than the row limit, is legal XML: only an unfinished row
  // counts against the limit, so such a sheet is read, not refused as "one row too large".
  const encode = (s: string) => new TextEncoder().encode(s);
  const row = (r: number) => `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`;

  it("rows around 20 chunks of 500 spaces each, at a row limit of 1,000 bytes", () => {
    const scanner = new SheetByteScanner(STRINGS, { rowLimit: 1000, part: "sheet.xml" });
    const out: SourceRow[] = [];
    scanner.feed(encode(`<sheetData>${row(1)}`), false, out);
    for (let i = 0; i < 20; i++) scanner.feed(encode(" ".repeat(500)), false, out);
    scanner.feed(encode(`${row(2)}</sheetData>`), false, out);
    for (let i = 0; i < 20; i++) scanner.feed(encode(" ".repeat(500)), false, out);
    scanner.feed(encode("</worksheet>"), true, out);
    expect(out.map((r) => [r.rowNumber, r.cells[0]])).toEqual([[1, 1], [2, 2]]);
  });

  it("styled blank rows after the data (self-closing) are read as they come, not held as one unfinished row", () => {
    const scanner = new SheetByteScanner(STRINGS, { rowLimit: 1000, part: "sheet.xml" });
    const out: SourceRow[] = [];
    scanner.feed(encode(`<sheetData>${row(1)}`), false, out);
    // 5,000 blank rows of ~50 bytes in chunks of 2,000 bytes: 250 KB, a row limit of 1,000.
    const blank = Array.from({ length: 5000 }, (_, i) => `<row r="${i + 2}" spans="1:3" ht="15" s="1"/>`).join("");
    for (let at = 0; at < blank.length; at += 2000) scanner.feed(encode(blank.slice(at, at + 2000)), false, out);
    // A row without r after them is the one after the last blank row.
    scanner.feed(encode(`<row><c r="A5002"><v>7</v></c></row></sheetData>`), true, out);
    expect(out.map((r) => [r.rowNumber, r.cells[0]])).toEqual([[1, 1], [5002, 7]]);
  });

  it("a row start tag with a newline or tab after its name is a row", () => {
    const scanner = new SheetByteScanner(STRINGS);
    const out: SourceRow[] = [];
    scanner.feed(encode(`<sheetData><row\nr="1"><c r="A1"><v>1</v></c></row><row\tr="2"><c r="A2"><v>2</v></c></row></sheetData>`), true, out);
    expect(out.map((r) => [r.rowNumber, r.cells[0]])).toEqual([[1, 1], [2, 2]]);
  });

  it("a row cut across chunks after the spaces is still read; a row beyond the limit is still refused", () => {
    const scanner = new SheetByteScanner(STRINGS, { rowLimit: 1000, part: "sheet.xml" });
    const out: SourceRow[] = [];
    for (let i = 0; i < 20; i++) scanner.feed(encode(" ".repeat(500)), false, out);
    const r3 = row(3);
    scanner.feed(encode(r3.slice(0, 3)), false, out);
    scanner.feed(encode(r3.slice(3)), true, out);
    expect(out.map((r) => [r.rowNumber, r.cells[0]])).toEqual([[3, 3]]);
    const long = new SheetByteScanner(STRINGS, { rowLimit: 1000, part: "sheet.xml" });
    long.feed(encode('<row r="1"><c r="A1" t="inlineStr"><is><t>'), false, []);
    expect(() => {
      for (let i = 0; i < 20; i++) long.feed(encode("x".repeat(500)), false, []);
    }).toThrow("超过");
  });
});

describe("the short path for the usual cell tag", () => {
  test("answers as readCellTagBytes, or -2 (then readCellTagBytes decides)", () => {
    const attr = fc.oneof(
      fc.tuple(fc.stringMatching(/^[A-Z]{0,4}$/), fc.stringMatching(/^[0-9]{0,3}$/)).map(([l, d]) => ` r="${l}${d}"`),
      fc.stringMatching(/^[0-9]{0,3}$/).map((d) => ` s="${d}"`),
      fc.constantFrom("s", "n", "b", "e", "str", "inlineStr", "", "&#115;", "_", "S").map((t) => ` t="${t}"`),
      fc.constantFrom(' r="A1&amp;"', " r='B2'", '\tr="C3"', '  s="1"', ' cm="1"', ' r=A1', ' r="A1', " /", ' r="A<1"', ' x="1"', ' r="XFD1"', ' r="XFE1"'),
    );
    fc.assert(
      fc.property(fc.array(attr, { maxLength: 4 }), fc.boolean(), (attrs, selfClose) => {
        const bytes = new TextEncoder().encode(`<c${attrs.join("")}${selfClose ? "/" : ""}><v>1</v></c>`);
        const to = bytes.indexOf(62);
        const plain = plainCellTagBytes(bytes, 2, to);
        if (plain !== -2) expect(plain).toBe(readCellTagBytes(bytes, 2, to));
      }),
      { numRuns: 5000 },
    );
    const usual = new TextEncoder().encode('<c r="AB12" s="3" t="s"><v>1</v></c>');
    expect(plainCellTagBytes(usual, 2, usual.indexOf(62))).toBe(readCellTagBytes(usual, 2, usual.indexOf(62)));
    expect(plainCellTagBytes(usual, 2, usual.indexOf(62))).not.toBe(-2);
  });
});
