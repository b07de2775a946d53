import ExcelJS from "exceljs";
import { ExcelJsWorkbookPort, dateToSerial } from "../../../src/workbook/adapters/exceljs";
import { parseDate } from "../../../src/engine";
import { roundTrip } from "../helpers";

function sample(): ExcelJsWorkbookPort {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("S");
  ws.getCell("A1").value = { richText: [{ text: "汉滨" }, { text: "区", font: { bold: true } }] };
  ws.getCell("B1").value = { formula: "1.13-0.14", result: 0.9899999999999999 };
  ws.getCell("C1").value = { formula: "NA()", result: { error: "#N/A" } } as ExcelJS.CellValue;
  ws.getCell("D1").value = new Date(Date.UTC(2021, 11, 31));
  ws.getCell("D1").numFmt = "yyyy-mm-dd";
  ws.getCell("E1").value = { text: "链接", hyperlink: "https://example.org" };
  ws.getCell("F1").value = true;
  ws.getCell("G1").value = "";
  ws.getCell("A3").value = "合并";
  ws.mergeCells("A3:C3");
  ws.getCell("A5").value = 1;
  ws.getCell("A6").value = { formula: "A5*2", result: 2, shareType: "shared", ref: "A6:A7" } as ExcelJS.CellValue;
  ws.getCell("A7").value = { sharedFormula: "A6", result: 4 } as ExcelJS.CellValue;
  ws.getCell("J9").style = { numFmt: "0.00%" }; // formatted but empty: not part of the used range
  return new ExcelJsWorkbookPort(wb);
}

describe("ExcelJsWorkbookPort.read", () => {
  it("reads plain values: rich text, cached formula results, error codes, date serials, hyperlink text", async () => {
    const port = await roundTrip(sample());
    const s = (await port.read(["S"], { formulas: true })).get("S");
    expect(s?.values[0]).toEqual(["汉滨区", 0.9899999999999999, "#N/A", 44561, "链接", true]);
    expect(s?.formulas?.[0]).toEqual([null, "=1.13-0.14", "=NA()", null, null, null]);
  });

  it("dates are 1900-system serials the engine reads as the same day", async () => {
    expect(dateToSerial(new Date(Date.UTC(2021, 11, 31)))).toBe(44561);
    const parsed = parseDate(44561, "日期");
    expect(parsed.ok && parsed.value).toBe("2021-12-31");
  });

  it("a 1904-system workbook gives the same serials", async () => {
    const port = sample();
    port.workbook.properties.date1904 = true;
    const again = await roundTrip(port);
    expect((await again.read(["S"])).get("S")?.values[0][3]).toBe(44561);
  });

  it("the covered cells of a merged area are empty; the used range ends at the last value", async () => {
    const s = (await (await roundTrip(sample())).read(["S"])).get("S");
    expect(s?.values[2].slice(0, 3)).toEqual(["合并", null, null]);
    expect(s?.values).toHaveLength(7);
    expect(s?.values.every((r) => r.length === 6)).toBe(true);
  });

  it("shared formulas are read per cell; missing sheets are absent", async () => {
    const port = await roundTrip(sample());
    const map = await port.read(["S", "不存在"], { formulas: true });
    expect([...map.keys()]).toEqual(["S"]);
    expect(map.get("S")?.formulas?.slice(5, 7).map((r) => r[0])).toEqual(["=A5*2", "=A6*2"]);
    expect(map.get("S")?.values.slice(5, 7).map((r) => r[0])).toEqual([2, 4]);
  });

  it("with numberFormats, a percent cell is told from a plain number (spec G percent cells)", async () => {
    const port = new ExcelJsWorkbookPort(new ExcelJS.Workbook());
    const ws = port.workbook.addWorksheet("P");
    ws.getCell("A1").value = 0.97;
    ws.getCell("A1").numFmt = "0%";
    ws.getCell("B1").value = 97;
    const again = await roundTrip(port);
    const p = (await again.read(["P"], { numberFormats: true })).get("P");
    expect(p?.values[0]).toEqual([0.97, 97]);
    expect(p?.numberFormats?.[0]).toEqual(["0%", null]);
    expect((await again.read(["P"])).get("P")?.numberFormats).toBeUndefined();
  });
});

describe("ExcelJsWorkbookPort.apply", () => {
  it("applies every op kind", async () => {
    const port = sample();
    await port.apply([
      { kind: "addSheet", sheet: "新表" },
      { kind: "addSheet", sheet: "隐藏", hidden: true },
      { kind: "values", sheet: "新表", row: 0, col: 0, values: [["a", 1], [true, null]] },
      { kind: "formulas", sheet: "新表", row: 2, col: 0, formulas: [["=A1&\"x\"", 5]] },
      { kind: "format", range: { sheet: "新表", row: 0, col: 0, rows: 1, cols: 2 }, format: { bold: true, fill: "#E2EFDA", numberFormat: "0.00%", horizontal: "center", wrap: true, fontColor: "#FF0000", fontSize: 12 } },
      { kind: "merge", range: { sheet: "新表", row: 5, col: 0, rows: 1, cols: 3 } },
      { kind: "merge", range: { sheet: "新表", row: 5, col: 0, rows: 1, cols: 3 } },
      { kind: "columnWidth", sheet: "新表", col: 1, width: 30 },
      { kind: "freeze", sheet: "新表", rows: 2, cols: 1 },
      { kind: "listValidation", range: { sheet: "新表", row: 1, col: 1, rows: 3, cols: 1 }, list: ["完成", "未完成"] },
      { kind: "barChart", sheet: "新表", name: "图", title: "总分", categories: { sheet: "新表", row: 0, col: 0, rows: 2, cols: 1 }, values: { sheet: "新表", row: 0, col: 1, rows: 2, cols: 1 }, anchor: { row: 0, col: 4 } },
      { kind: "deleteSheet", sheet: "S" },
    ]);
    const again = await roundTrip(port);
    expect(await again.sheetNames()).toEqual(["新表", "隐藏"]);
    expect(again.workbook.getWorksheet("隐藏")?.state).toBe("hidden");
    const ws = again.workbook.getWorksheet("新表") as ExcelJS.Worksheet;
    const s = (await again.read(["新表"], { formulas: true })).get("新表");
    expect(s?.values.slice(0, 3)).toEqual([["a", 1], [true, null], [null, 5]]);
    expect(s?.formulas?.[2][0]).toBe('=A1&"x"');
    expect(ws.getCell("B1")).toMatchObject({ numFmt: "0.00%", font: { bold: true, size: 12, color: { argb: "FFFF0000" } } });
    expect(ws.getCell("B1").fill).toMatchObject({ fgColor: { argb: "FFE2EFDA" } });
    expect(ws.getCell("B1").alignment).toMatchObject({ horizontal: "center", wrapText: true });
    expect(ws.getCell("C6").isMerged).toBe(true);
    expect(ws.getColumn(2).width).toBe(30);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 2 });
    expect(ws.getCell("B4").dataValidation).toMatchObject({ type: "list", formulae: ['"完成,未完成"'] });
  });

  it("clear empties values and formats; null in a values op empties a cell", async () => {
    const port = sample();
    await port.apply([
      { kind: "clear", range: { sheet: "S", row: 0, col: 0, rows: 1, cols: 2 } },
      { kind: "values", sheet: "S", row: 0, col: 5, values: [[null]] },
    ]);
    const s = (await port.read(["S"])).get("S");
    expect(s?.values[0]).toEqual([null, null, "#N/A", 44561, "链接"]);
    expect(port.workbook.getWorksheet("S")?.getCell("B1").numFmt).toBeUndefined();
  });

  it("writing over the master of a shared formula keeps the other cells' formulas", async () => {
    const port = await roundTrip(sample());
    await port.apply([{ kind: "values", sheet: "S", row: 5, col: 0, values: [[2]] }]);
    const again = await roundTrip(port);
    const s = (await again.read(["S"], { formulas: true })).get("S");
    expect(s?.values[5][0]).toBe(2);
    expect(s?.formulas?.[5][0]).toBeNull();
    expect(s?.formulas?.[6][0]).toBe("=A6*2");
  });
});
