/** Shared formulas moved to each cell of their group: relative references shift, everything else stays. */
import { slideFormula } from "../../src/xlsx/shared-formula";

describe("slideFormula", () => {
  it.each([
    ["B2+1", "B2", "B5", "B5+1"],
    ["B2+1", "B2", "D2", "D2+1"],
    ["$B2+B$2+$B$2", "B2", "C4", "$B4+C$2+$B$2"],
    ["SUM(A1:B2)", "C1", "C3", "SUM(A3:B4)"],
    ["热线数据!C5*2", "A1", "A2", "热线数据!C6*2"],
    ["Sheet1!A1", "A1", "B1", "Sheet1!B1"],
    ["'My A1'!A1", "A1", "A2", "'My A1'!A2"],
    ['IF(A1="A1","B2",LOG10(A1))', "A1", "A3", 'IF(A3="A1","B2",LOG10(A3))'],
    ['A1&"say ""B2"""', "A1", "B1", 'B1&"say ""B2"""'],
    ["1E5+A1", "A1", "A2", "1E5+A2"],
    ["XFE1+A1", "A1", "A2", "XFE1+A2"],
    ["TRUE", "A1", "A9", "TRUE"],
  ])("%s at %s → %s", (formula, from, to, expected) => {
    expect(slideFormula(formula, from, to)).toBe(expected);
  });

  it("is undefined when a reference would leave the sheet (#REF! in Excel)", () => {
    expect(slideFormula("XFD1+1", "A1", "B1")).toBeUndefined();
    expect(slideFormula("A1048576", "A1", "A2")).toBeUndefined();
    expect(slideFormula("$XFD$1+A1", "A1", "B1")).toBe("$XFD$1+B1");
  });
});
