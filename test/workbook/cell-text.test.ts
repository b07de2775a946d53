// Text as a cell holds it: at most 32,767 characters, cut with a visible mark, in both adapters.
import { fitCellText, MAX_CELL_CHARS, TRUNCATED_MARK } from "../../src/workbook/cell-text";
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
    expect(cut.endsWith(TRUNCATED_MARK)).toBe(true);
    expect(long.startsWith(cut.slice(0, -TRUNCATED_MARK.length))).toBe(true);
    expect(fitCellText(long, 1)).toHaveLength(32_766);
  });

  it("never splits a character outside the basic plane", () => {
    const cut = fitCellText("𠀀".repeat(MAX_CELL_CHARS));
    const body = cut.slice(0, -TRUNCATED_MARK.length);
    expect(body.length % 2).toBe(0);
    expect([...body].every((ch) => ch === "𠀀")).toBe(true);
  });

  it("the exceljs adapter writes long text cut the same way", async () => {
    const port = workbookOf({ 表: [] });
    await port.apply([{ kind: "values", sheet: "表", row: 0, col: 0, values: [["说".repeat(40_000)]] }]);
    const value = (await port.read(["表"])).get("表")?.values[0][0] as string;
    expect(value).toHaveLength(MAX_CELL_CHARS);
    expect(value.endsWith(TRUNCATED_MARK)).toBe(true);
  });
});
