/** Excel's limits (Excel specifications and limits) and its worksheet-name rules. */
import { EXCEL_MAX_COLS, EXCEL_MAX_ROWS, EXCEL_MAX_TEXT, isSheetName } from "../../src/sheet";

describe("Excel's limits", () => {
  it("are Excel's", () => {
    expect(EXCEL_MAX_ROWS).toBe(2 ** 20);
    expect(EXCEL_MAX_COLS).toBe(2 ** 14);
    expect(EXCEL_MAX_TEXT).toBe(2 ** 15 - 1);
  });
  test.each(["热线数据", "Sheet1", "a".repeat(31), "考核办法 (2)", "it's"])("accepts %s as a sheet name", (name) => {
    expect(isSheetName(name)).toBe(true);
  });
  test.each(["", "a".repeat(32), "a/b", "a\\b", "a?", "a*", "a:b", "[a]", "'a", "a'", "History", "history"])("refuses %s", (name) => {
    expect(isSheetName(name)).toBe(false);
  });
});
