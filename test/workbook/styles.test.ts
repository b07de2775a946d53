import { MAX_ROW_HEIGHT, lineHeight } from "../../src/workbook/styles";

describe("row heights", () => {
  test("one line is 15 pt, several lines 15 pt each plus padding", () => {
    expect(lineHeight(1)).toBe(15);
    expect(lineHeight(3)).toBe(47);
  });
  test("never above Excel's 409 pt, however long the 扣分说明 (Excel refuses or clips a taller row)", () => {
    expect(MAX_ROW_HEIGHT).toBe(409);
    expect(lineHeight(27)).toBe(407);
    expect(lineHeight(28)).toBe(409);
    expect(lineHeight(36)).toBe(409);
  });
});
