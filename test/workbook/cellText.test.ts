import { MAX_CELL_CHARS, cellText, cellValue } from "../../src/workbook/cellText";

describe("cellText: what a result cell can hold", () => {
  it("leaves text that fits alone", () => {
    expect(cellText("汉滨区政府")).toBe("汉滨区政府");
    expect(cellText("x".repeat(MAX_CELL_CHARS))).toBe("x".repeat(MAX_CELL_CHARS));
    expect(cellValue(12)).toBe(12);
  });

  it("cuts longer text to Excel's 32,767 characters with a visible mark saying how long it was", () => {
    const cut = cellText("某".repeat(40_000));
    expect(cut.length).toBe(32_767);
    expect(cut.endsWith("…（已截断：原文40000字，单元格最多32767字）")).toBe(true);
  });

  it("never splits a surrogate pair at the cut", () => {
    const cut = cellText("𠀀".repeat(20_000));
    expect(cut.length).toBeLessThanOrEqual(32_767);
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/u.test(cut.replace(/…（已截断.*$/u, ""))).toBe(false);
  });

  it("shows control characters SpreadsheetML cannot carry as \\xNN; keeps tab and line breaks", () => {
    expect(cellText("a\u0000b\u001bc\td\ne")).toBe("a\\x00b\\x1bc\td\ne");
  });
});
