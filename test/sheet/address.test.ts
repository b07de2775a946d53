/** A1 addresses and column letters (src/sheet/address), against values written out by hand. */
import { cellAddress, cellKey, columnIndex, columnLetter, keyCol, keyRow, parseAddress, parseRange, qualified, rangeAddress } from "../../src/sheet";

const LETTERS: readonly (readonly [number, string])[] = [
  [0, "A"], [1, "B"], [25, "Z"], [26, "AA"], [27, "AB"], [51, "AZ"], [52, "BA"], [701, "ZZ"], [702, "AAA"], [16383, "XFD"],
];

describe("column letters", () => {
  test.each(LETTERS)("%i ↔ %s", (col, letters) => {
    expect(columnLetter(col)).toBe(letters);
    expect(columnIndex(letters)).toBe(col);
    expect(columnIndex(`${letters}17`)).toBe(col);
  });
  it("every column round-trips", () => {
    for (let c = 0; c < 16384; c++) expect(columnIndex(columnLetter(c))).toBe(c);
  });
  it("refuses what is not a column", () => {
    expect(() => columnLetter(-1)).toThrow(RangeError);
    expect(() => columnLetter(1.5)).toThrow(RangeError);
    expect(columnIndex("12")).toBe(-1);
    expect(columnIndex("")).toBe(-1);
  });
});

describe("addresses and ranges", () => {
  it("names cells the way Excel does", () => {
    expect(cellAddress(0, 0)).toBe("A1");
    expect(cellAddress(4, 2)).toBe("C5");
    expect(cellAddress(1048575, 16383)).toBe("XFD1048576");
    expect(qualified("热线数据", "C5")).toBe("热线数据!C5");
    expect(qualified("热线数据")).toBe("热线数据");
  });
  it("parses A1 addresses, absolute and lower case too", () => {
    expect(parseAddress("C5")).toEqual({ row: 4, col: 2 });
    expect(parseAddress(" $c$5 ")).toEqual({ row: 4, col: 2 });
    expect(parseAddress("A0")).toBeUndefined();
    expect(parseAddress("5C")).toBeUndefined();
    expect(parseAddress("ABCD1")).toBeUndefined();
  });
  it("writes and reads ranges", () => {
    expect(rangeAddress({ top: 2, left: 0, bottom: 3, right: 2 })).toBe("A3:C4");
    expect(rangeAddress({ top: 1, left: 1, bottom: 1, right: 1 })).toBe("B2");
    expect(parseRange("A3:C4")).toEqual({ top: 2, left: 0, bottom: 3, right: 2 });
    expect(parseRange("$B$2")).toEqual({ top: 1, left: 1, bottom: 1, right: 1 });
    expect(parseRange("nonsense")).toBeUndefined();
  });
  it("keys a cell by one number and back", () => {
    expect(cellKey(0, 0)).toBe(0);
    expect(cellKey(2, 3)).toBe(2 * 16384 + 3);
    for (const [r, c] of [[0, 16383], [1048575, 0], [7, 9]]) {
      expect(keyRow(cellKey(r, c))).toBe(r);
      expect(keyCol(cellKey(r, c))).toBe(c);
    }
  });
});
