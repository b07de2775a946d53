// Text as a cell holds it: at most 32,767 characters, cut with a visible mark, in both adapters.
import { cellText, cellValue, fitCellText, MAX_CELL_CHARS, truncationMark } from "../../src/workbook/cell-text";
import { workbookOf } from "./helpers";

describe("fitCellText", () => {
  it("leaves text that fits as it is", () => {
    expect(fitCellText("汉滨区")).toBe("汉滨区");
    const full = "扣".repeat(MAX_CELL_CHARS);
    expect(fitCellText(full)).toBe(full);
  });

  it("cuts longer text to 32,767 characters ending in the mark, keeping room when asked", () => {
    const long = "扣分说明；".repeat(10_000);
    const cut = fitCellText(long);
    expect(cut).toHaveLength(32_767);
    expect(cut.endsWith("…（已截断：原文50000字，单元格最多32767字）")).toBe(true);
    expect(long.startsWith(cut.slice(0, -truncationMark(long.length).length))).toBe(true);
    expect(fitCellText(long, 1)).toHaveLength(32_766);
  });

  it("never splits a character outside the basic plane", () => {
    const cut = fitCellText("𠀀".repeat(MAX_CELL_CHARS));
    const body = cut.slice(0, -truncationMark(MAX_CELL_CHARS).length);
    expect(body.length % 2).toBe(0);
    expect([...body].every((ch) => ch === "𠀀")).toBe(true);
  });

  it("the exceljs adapter writes long text cut the same way", async () => {
    const port = workbookOf({ 表: [] });
    await port.apply([{ kind: "values", sheet: "表", row: 0, col: 0, values: [["说".repeat(40_000)]] }]);
    const value = (await port.read(["表"])).get("表")?.values[0][0] as string;
    expect(value).toHaveLength(MAX_CELL_CHARS);
    expect(value.endsWith(truncationMark(40_000))).toBe(true);
  });
});


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
