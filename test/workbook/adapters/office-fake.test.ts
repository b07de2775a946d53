// The Office.js adapter against the end-to-end test's in-memory workbook (test/e2e/fake-office.js), which
// enforces what office-addin-mock cannot: load-before-read on every property, isNullObject only after a
// sync, the 5 MB limit on each request and response, Excel's parsing of text set through Range.values,
// Excel's sheet-name, cell-length and visible-sheet rules, and the worksheets collection for sheetNames().
import { SHEET } from "../../../src/workbook/contract";
import { LEDGER_SHEET } from "../../../src/workbook/ledger/contract";
import { OfficeWorkbookPort, type SyncEvent } from "../../../src/workbook/adapters/office";
import type { CellValue } from "../../../src/workbook/port";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const fakeOffice = require("../../e2e/fake-office.js") as {
  create(seed?: unknown, options?: { requirementSets: Record<string, string> }): { Excel: { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T> }; workbook: FakeWorkbook };
};

interface FakeWorkbook {
  read(name: string): CellValue[][] | undefined;
  sheetNames(): string[];
  formulaAt(sheet: string, address: string): string | null;
  cellAt(sheet: string, address: string): { v: CellValue; f: string | null; nf: string; fmt: Record<string, unknown> } | undefined;
  sheet(name: string): { freeze: { rows: number; cols: number }; visibility: string; validations: unknown[]; charts: Record<string, unknown>[]; merges: unknown[]; columnWidths: Record<number, number> } | undefined;
  type(sheet: string, address: string, input: CellValue): void;
  stats(): { syncs: number; maxRequestBytes: number; maxResponseBytes: number; violations: string[]; valuesFormulas: string[]; conversions: string[] };
}

function setup() {
  const fake = fakeOffice.create();
  const events: SyncEvent[] = [];
  const port = new OfficeWorkbookPort((batch) => fake.Excel.run(batch), { onSync: (e) => events.push(e) });
  return { fake, wb: fake.workbook, port, events };
}

describe("OfficeWorkbookPort on the Office.js fake", () => {
  it("creates, writes, reads back and lists sheets without reading anything unloaded", async () => {
    const { wb, port } = setup();
    await port.apply([
      { kind: "addSheet", sheet: "承办单位" },
      { kind: "addSheet", sheet: "_备份", hidden: true },
      { kind: "values", sheet: "承办单位", row: 0, col: 0, values: [["单位名称", "单位类别"], ["汉滨区", "县区"], ["-", "0.5"]] },
      { kind: "formulas", sheet: "承办单位", row: 1, col: 2, formulas: [["=ASSESS.UNIT_TYPE(A2)"]] },
      { kind: "format", range: { sheet: "承办单位", row: 0, col: 0, rows: 1, cols: 2 }, format: { bold: true, fill: "#DDEBF7" } },
      { kind: "format", range: { sheet: "承办单位", row: 1, col: 3, rows: 2, cols: 1 }, format: { numberFormat: "0.00%" } },
      { kind: "freeze", sheet: "承办单位", rows: 1, cols: 0 },
      { kind: "listValidation", range: { sheet: "承办单位", row: 1, col: 1, rows: 10, cols: 1 }, list: ["县区", "市直", "其他"] },
      { kind: "merge", range: { sheet: "_备份", row: 0, col: 0, rows: 1, cols: 3 } },
      { kind: "columnWidth", sheet: "承办单位", col: 0, width: 20 },
    ]);
    expect(wb.read("承办单位")).toEqual([
      ["单位名称", "单位类别", ""],
      ["汉滨区", "县区", ""],
      ["-", "0.5", ""],
    ]);
    expect(wb.formulaAt("承办单位", "C2")).toBe("=ASSESS.UNIT_TYPE(A2)");
    expect(wb.cellAt("承办单位", "A1")?.fmt).toMatchObject({ "font.bold": true, "fill.color": "#DDEBF7" });
    expect(wb.cellAt("承办单位", "D3")?.nf).toBe("0.00%");
    expect(wb.sheet("承办单位")?.freeze).toEqual({ rows: 1, cols: 0 });
    expect(wb.sheet("承办单位")?.validations).toHaveLength(1);
    expect(wb.sheet("承办单位")?.columnWidths[0]).toBe(108.75);
    expect(wb.sheet("_备份")?.visibility).toBe("Hidden");

    expect(await port.sheetNames()).toEqual(["Sheet1", "承办单位", "_备份"]);
    const snap = (await port.read(["承办单位", "缺少"], { formulas: true })).get("承办单位");
    expect(snap?.values).toEqual([
      ["单位名称", "单位类别", null],
      ["汉滨区", "县区", null],
      ["-", "0.5", null],
    ]);
    expect(snap?.formulas?.[1]).toEqual([null, null, "=ASSESS.UNIT_TYPE(A2)"]);
    expect(wb.stats().violations).toEqual([]);
    expect(wb.stats().valuesFormulas).toEqual([]);
    expect(wb.stats().conversions).toEqual([]);
  });

  it("Excel's rules: typed text converts, sheet names, 32,767 characters, the last visible sheet", async () => {
    const { fake, wb, port } = setup();
    // Text written through values without a guard is stored as Excel stores typed input.
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(0, 0, 1, 6).values = [["2021-3-1", "8:00", "1,000", "50%", "TRUE", "-1"]];
      await context.sync();
    });
    expect(wb.read("Sheet1")?.[0]).toEqual([44256, 1 / 3, 1000, 0.5, true, -1]);
    expect(wb.stats().conversions).toHaveLength(6);
    await expect(fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(1, 0, 1, 1).values = [["-"]];
      await context.sync();
    })).rejects.toMatchObject({ code: "InvalidArgument" });
    // Through the adapter the same text stays text.
    await port.apply([{ kind: "values", sheet: "Sheet1", row: 2, col: 0, values: [["2021-3-1", "8:00", "1,000", "50%", "TRUE", "-1"]] }]);
    expect(wb.read("Sheet1")?.[2]).toEqual(["2021-3-1", "8:00", "1,000", "50%", "TRUE", "-1"]);

    for (const name of ["a".repeat(32), "考核[2021]", "一:二", "问?", "星*", "斜/杠", "反\\斜", "'引号", "引号'", "History"]) {
      await expect(port.apply([{ kind: "addSheet", sheet: name }])).rejects.toMatchObject({ code: "InvalidArgument" });
    }
    await expect(fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(0, 0, 1, 1).values = [["长".repeat(32_768)]];
      await context.sync();
    })).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").visibility = "Hidden";
      await context.sync();
    })).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  it("every sheet name the add-in uses is one Excel accepts", async () => {
    const { wb, port } = setup();
    const names = [...Object.values(SHEET), ...Object.values(LEDGER_SHEET)];
    await port.apply(names.map((sheet) => ({ kind: "addSheet", sheet, hidden: sheet.startsWith("_") })));
    expect(wb.sheetNames()).toEqual(["Sheet1", ...names]);
  });

  it("replaces a chart of the same name", async () => {
    const { wb, port } = setup();
    const ref = (col: number) => ({ sheet: "表", row: 1, col, rows: 3, cols: 1 });
    const chart = { kind: "barChart", sheet: "表", name: "总分图", title: "总分", categories: ref(0), values: ref(1), anchor: { row: 1, col: 4 } } as const;
    await port.apply([{ kind: "addSheet", sheet: "表" }, chart]);
    await port.apply([chart]);
    expect(wb.sheet("表")?.charts).toHaveLength(1);
    expect(wb.sheet("表")?.charts[0]).toMatchObject({ name: "总分图", type: "BarClustered", title: "总分", legend: false, position: { row: 1, col: 4 } });
    expect(wb.stats().violations).toEqual([]);
  });

  it("reads and writes 60,000 rows with every request and response under 5 MB", async () => {
    const { wb, port, events } = setup();
    const note = "反馈内容与实际不符1件扣10分；";
    const rows: CellValue[][] = Array.from({ length: 60_000 }, (_, i) => [`GD${String(i).padStart(8, "0")}`, `市某某局${i % 77}`, "2021-03-01 09:00", i % 3 === 0 ? note.repeat(3) : "满意"]);
    await port.apply([{ kind: "addSheet", sheet: "工单明细" }, { kind: "values", sheet: "工单明细", row: 0, col: 0, values: rows }]);
    const applied = wb.stats();
    expect(applied.violations).toEqual([]);
    expect(applied.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
    expect(applied.syncs).toBeGreaterThanOrEqual(7);
    expect(events.filter((e) => e.phase === "apply").at(-1)).toMatchObject({ rowsDone: 60_000, rowsTotal: 60_000 });
    const back = (await port.read(["工单明细"])).get("工单明细");
    expect(back?.values).toHaveLength(60_000);
    expect(back?.values[59_999]).toEqual(rows[59_999]);
    expect(wb.stats().maxResponseBytes).toBeLessThan(5 * 1024 * 1024);
    expect(wb.stats().violations).toEqual([]);
  }, 60_000);

  it("a request over 5 MB fails in the fake", async () => {
    const { fake, wb } = setup();
    const big = "很长的说明".repeat(200);
    const rows: CellValue[][] = Array.from({ length: 3_000 }, () => [big, big]);
    // With the budget lifted the adapter sends everything in one request, which the fake rejects.
    const reckless = new OfficeWorkbookPort((batch) => fake.Excel.run(batch), { maxRequestBytes: 1e9 });
    await expect(reckless.apply([{ kind: "addSheet", sheet: "大表" }, { kind: "values", sheet: "大表", row: 0, col: 0, values: rows }]))
      .rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(wb.stats().violations[0]).toMatch(/exceeds 5 MB/);
  });

  it("sets up printing through the page layout API and writes notes once per cell (ExcelApi 1.18)", async () => {
    const fake = fakeOffice.create(undefined, { requirementSets: { ExcelApi: "1.18" } });
    const port = new OfficeWorkbookPort((batch) => fake.Excel.run(batch));
    const setup = { orientation: "landscape", fitToWidth: 1, repeatRows: { first: 0, last: 1 }, footer: "&C第 &P 页 共 &N 页", centerHorizontally: true, printArea: { rows: 10, cols: 4 } } as const;
    await port.apply([
      { kind: "addSheet", sheet: "表" },
      { kind: "pageSetup", sheet: "表", setup },
      { kind: "note", sheet: "表", row: 1, col: 2, text: "含义" },
      { kind: "rowHeight", sheet: "表", row: 0, height: 24 },
    ]);
    // A second run updates the note in place (a cell holds one note; adding another would be refused).
    await port.apply([{ kind: "note", sheet: "表", row: 1, col: 2, text: "新含义" }, { kind: "pageSetup", sheet: "表", setup }]);
    const sheet = (fake.workbook as unknown as { sheet(n: string): { pageLayout: Record<string, unknown>; notes: unknown[]; rowHeights: Record<number, number> } }).sheet("表")!;
    expect(sheet.pageLayout).toMatchObject({
      orientation: "Landscape", paperSize: "A4", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, centerHorizontally: true,
      printTitleRows: { first: 0, last: 1 }, printArea: { row: 0, col: 0, rows: 10, cols: 4 },
      footers: { leftFooter: "", centerFooter: "第 &P 页 共 &N 页", rightFooter: "" }, leftMargin: 18, topMargin: 54,
    });
    expect(sheet.notes).toEqual([{ row: 1, col: 2, content: "新含义" }]);
    expect(sheet.rowHeights).toEqual({ 0: 24 });
    expect(fake.workbook.stats().violations).toEqual([]);
  });

  it("skips notes where the host has no notes API (ExcelApi 1.12), and writes the rest", async () => {
    const fake = fakeOffice.create(undefined, { requirementSets: { ExcelApi: "1.12" } });
    const port = new OfficeWorkbookPort((batch) => fake.Excel.run(batch));
    await port.apply([{ kind: "addSheet", sheet: "表" }, { kind: "note", sheet: "表", row: 0, col: 0, text: "含义" }, { kind: "values", sheet: "表", row: 0, col: 0, values: [["单位名称"]] }]);
    expect(fake.workbook.read("表")).toEqual([["单位名称"]]);
  });
});
