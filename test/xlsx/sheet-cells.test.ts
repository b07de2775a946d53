/**
 * The worksheet reader of the package port (readSheetCells): what lies between rows and merged areas is never
 * held against the row limit, and element names end at any whitespace, as XML allows.
 */
import { oneSheet } from "../../scripts/hostile/corpus";
import { limitsOfMb } from "../../src/xlsx/limits";
import { openPackage } from "../../src/xlsx/package";
import { readSheetCells, type SheetCell } from "../../src/xlsx/sheet-cells";
import { bytesFile } from "../../src/xlsx/zip";

async function read(bytes: Uint8Array) {
  // --max-part-mb 8: the row limit is 128 KB.
  const pkg = await openPackage(bytesFile(bytes), limitsOfMb(8));
  const cells: SheetCell[] = [];
  const { merges } = await readSheetCells(pkg, "xl/worksheets/sheet1.xml", [], (c) => cells.push(c));
  return { cells: cells.map((c) => [c.row, c.col, c.value]), merges };
}

const rows = '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>';
/** Text that compresses poorly, so it reaches the reader in many small chunks (fflate is fed 4 KB at a time). */
function noise(kb: number, alphabet: string): string {
  let x = 12345;
  return Array.from({ length: kb << 10 }, () => alphabet[((x = (x * 1103515245 + 12345) >>> 0) >>> 16) % alphabet.length]).join("");
}
const spaces = (kb: number) => noise(kb, " \n\t\r");

test("whitespace beyond the row limit after <mergeCells> and between its merged areas is read past", async () => {
  const after = `<mergeCells count="2">${spaces(300)}<mergeCell ref="A1:B1"/>${spaces(300)}<mergeCell\nref="A2:C2"/></mergeCells>`;
  const got = await read(oneSheet("S", rows, after));
  expect(got.merges).toEqual(["A1:B1", "A2:C2"]);
  expect(got.cells.map((c) => c[2])).toEqual([1, 2]);
});

test("whitespace beyond the row limit between rows, and a row name ended by a newline", async () => {
  const got = await read(oneSheet("S", `<row r="1"><c r="A1"><v>1</v></c></row>${spaces(300)}<row\nr="3"><c r="A3"><v>3</v></c></row>`));
  expect(got.cells.map((c) => c[2])).toEqual([1, 3]);
});

test("one row held across chunks beyond the limit is still refused", async () => {
  const long = `<row r="1"><c r="A1" t="inlineStr"><is><t>${noise(1024, "abcdefghijklmnopqrstuvwxyz")}</t></is></c></row>`;
  await expect(read(oneSheet("S", long))).rejects.toThrow("超过 128 KB");
});
