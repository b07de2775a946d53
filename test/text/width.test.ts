import { fitWidth, padToWidth, textWidth, truncateToWidth, wrappedLines } from "../../src/text/width";

describe("text width in Latin character widths (Excel's column unit)", () => {
  it("measures Chinese and full-width text as double width", () => {
    expect(textWidth("汉滨区政府")).toBe(10);
    expect(textWidth("98.50%（985/1000）")).toBe(18);
    expect(textWidth("“—”")).toBe(6);
    expect(textWidth("")).toBe(0);
  });

  it("fits a column to its widest text, with padding, within [min, max]", () => {
    // 8 wide → ceil(8 × 1.1) + 2 = 11.
    expect(fitWidth(["单位名称"])).toBe(11);
    expect(fitWidth(["a"])).toBe(8);
    expect(fitWidth(["汉".repeat(40)])).toBe(60);
    expect(fitWidth([])).toBe(8);
  });

  it("estimates wrapped lines, each paragraph at least one line", () => {
    expect(wrappedLines("汉滨区政府", 4)).toBe(3);
    expect(wrappedLines("汉滨区政府\nab", 4)).toBe(4);
    expect(wrappedLines("\n", 10)).toBe(2);
  });

  it("cuts to a display width with an ellipsis, and pads to one", () => {
    expect(truncateToWidth("未第一时间联系诉求人3件扣3分", 12)).toBe("未第一时间…");
    expect(truncateToWidth("汉滨区", 6)).toBe("汉滨区");
    expect(padToWidth("汉", 4)).toBe("汉  ");
    expect(padToWidth("汉", 4, "right")).toBe("  汉");
    expect(padToWidth("汉滨区", 4)).toBe("汉滨区");
  });
});
