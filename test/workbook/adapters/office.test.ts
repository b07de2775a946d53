// The Office.js adapter against office-addin-mock: properties must be loaded and synced before they are
// read (the mock returns an error string otherwise), every range the adapter asks for is recorded, and
// every context.sync() is counted with the size of the values it carries. At each sync the mock applies
// Excel's rules, shared with the end-to-end fake (test/e2e/fake-office.js): text written through values is
// stored as Excel would store it typed (`stored`, `conversions`), and sheet names, the 32,767-character
// cell and the last visible sheet are checked (a broken rule rejects the sync).
import { OfficeMockObject } from "office-addin-mock";
import {
  charsToPoints,
  EXCEL_WEB_PAYLOAD_LIMIT,
  guardText,
  isPayloadLimitError,
  jsonBytes,
  OfficeWorkbookPort,
  type SyncEvent,
} from "../../../src/workbook/adapters/office";
import fc from "fast-check";
import { fitCellText, MAX_CELL_CHARS, truncationMark } from "../../../src/workbook/cell-text";
import type { CellValue, WritePlan } from "../../../src/workbook/port";

/* eslint-disable @typescript-eslint/no-explicit-any */

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rules } = require("../../e2e/fake-office.js") as {
  rules: {
    typedInput(value: unknown, viaApi: boolean): { value?: CellValue; formula?: string; converted?: boolean };
    sheetNameError(name: string, existing: readonly string[]): string | undefined;
    hidesLastVisible(sheets: readonly { visibility: string }[], sheet: { visibility: string }, visibility: string): boolean;
  };
};

interface RangeRecord {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
  readonly mock: any;
  /** Index of the sync that carried this range's writes (the number of syncs before it was created). */
  readonly sync: number;
}

interface SheetSeed {
  /** Cells from A1; "" is an empty cell. */
  readonly values: CellValue[][];
  readonly formulas?: (string | number | boolean)[][];
}

/** A mock Excel whose sheets answer getUsedRangeOrNullObject / getRangeByIndexes from the seed. */
function mockExcel(seed: Record<string, SheetSeed>) {
  const ranges: RangeRecord[] = [];
  const live: any[] = [];
  const calls: string[] = [];
  let syncs = 0;
  const sheets = new Map<string, any>();
  const charts: any[] = [];

  const nullObject = () => {
    // A null object still has the properties of its type (they load, but hold nothing).
    const mock: any = new OfficeMockObject({ rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0, name: "" });
    mock.isNullObject = true;
    return mock;
  };

  // What Excel holds after the adapter's writes: sheet → "row,col" → value or formula.
  const stored = new Map<string, Map<string, { value?: CellValue; formula?: string }>>();
  const conversions: string[] = [];
  const visibility = new Map<string, string>();
  const pendingWrites: { sheet: string; row: number; col: number; mock: any; initial: { values: unknown; formulas: unknown } }[] = [];
  /** Applies the writes queued since the last sync, in order, under Excel's rules (as Excel does at sync). */
  const applyWrites = () => {
    for (const write of pendingWrites.splice(0)) {
      for (const prop of ["values", "formulas"] as const) {
        const grid = write.mock[prop];
        if (!Array.isArray(grid) || grid === write.initial[prop]) continue;
        const cells = stored.get(write.sheet) ?? new Map();
        stored.set(write.sheet, cells);
        grid.forEach((line: unknown[], r: number) => line.forEach((x, c) => {
          if (x === null) return;
          const typed = rules.typedInput(x, true);
          if (prop === "values" && typed.converted) conversions.push(`${write.sheet}!R${write.row + r + 1}C${write.col + c + 1}: ${JSON.stringify(x)}`);
          cells.set(`${write.row + r},${write.col + c}`, typed.formula ? { formula: typed.formula } : { value: typed.value === "" ? null : typed.value });
        }));
      }
    }
    for (const [name, sheet] of sheets) {
      const wanted = typeof sheet.visibility === "string" && /^(Visible|Hidden|VeryHidden)$/.test(sheet.visibility) ? sheet.visibility : "Visible";
      const now = visibility.get(name) ?? "Visible";
      if (wanted === now) continue;
      const all = [...sheets.keys()].map((n) => ({ visibility: visibility.get(n) ?? "Visible" }));
      if (rules.hidesLastVisible(all, { visibility: now }, wanted)) throw new Error("InvalidOperation: a workbook must contain at least one visible worksheet.");
      visibility.set(name, wanted);
    }
  };

  const makeRange = (sheet: string, row: number, col: number, rows: number, cols: number) => {
    const cells = seed[sheet]?.values ?? [];
    const formulas = seed[sheet]?.formulas;
    const slice = (grid: readonly (readonly unknown[])[] | undefined) =>
      Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => grid?.[row + r]?.[col + c] ?? ""));
    const initial = { values: slice(cells), formulas: slice(formulas ?? cells) };
    const mock: any = new OfficeMockObject({
      values: initial.values,
      formulas: initial.formulas,
      numberFormat: Array.from({ length: rows }, () => new Array<string>(cols).fill("General")),
      format: { font: {}, fill: {} },
      dataValidation: { clear: () => calls.push(`${sheet}:validation.clear`) },
      merge: (across: boolean) => calls.push(`${sheet}:merge(${across})`),
      clear: (applyTo: string) => calls.push(`${sheet}:clear(${applyTo})`),
      select: () => calls.push(`${sheet}:select`),
      getEntireColumn: () => mock,
    });
    mock.isNullObject = false;
    pendingWrites.push({ sheet, row, col, mock, initial });
    ranges.push({ sheet, row, col, rows, cols, mock, sync: syncs });
    live.push(mock);
    return mock;
  };

  const makeSheet = (name: string) => {
    const seedValues = seed[name]?.values ?? [];
    const usedRows = seedValues.length;
    const usedCols = seedValues.reduce((max, r) => Math.max(max, r.length), 0);
    const sheet: any = new OfficeMockObject({
      name,
      getUsedRangeOrNullObject: (valuesOnly: boolean) => {
        calls.push(`${name}:usedRange(${valuesOnly})`);
        if (usedRows === 0) return nullObject();
        const used: any = new OfficeMockObject({ rowIndex: 0, columnIndex: 0, rowCount: usedRows, columnCount: usedCols });
        used.isNullObject = false;
        live.push(used);
        return used;
      },
      getRangeByIndexes: (row: number, col: number, rows: number, cols: number) => makeRange(name, row, col, rows, cols),
      getRange: (address: string) => {
        calls.push(`${name}:getRange(${address})`);
        return makeRange(name, 0, 0, 1, 1);
      },
      activate: () => calls.push(`${name}:activate`),
      delete: () => {
        calls.push(`${name}:delete`);
        sheets.delete(name);
      },
      freezePanes: {
        freezeRows: (n: number) => calls.push(`${name}:freezeRows(${n})`),
        freezeColumns: (n: number) => calls.push(`${name}:freezeColumns(${n})`),
        freezeAt: (range: any) => calls.push(`${name}:freezeAt(${ranges.find((r) => r.mock === range)?.rows}x${ranges.find((r) => r.mock === range)?.cols})`),
        unfreeze: () => calls.push(`${name}:unfreeze`),
      },
      charts: {
        getItemOrNullObject: () => nullObject(),
        add: (type: string, source: any, seriesBy: string) => {
          const series: any = { setXAxisValues: (r: any) => (series.categories = r) };
          const chart: any = {
            type, source, seriesBy, title: {}, legend: {},
            series: { getItemAt: (i: number) => (i === 0 ? series : undefined) },
            setPosition: (cell: any) => (chart.position = cell),
            seriesZero: series,
          };
          charts.push(chart);
          return chart;
        },
      },
    });
    sheet.isNullObject = false;
    sheets.set(name, sheet);
    return sheet;
  };
  for (const name of Object.keys(seed)) makeSheet(name);

  const context: any = new OfficeMockObject({
    workbook: {
      worksheets: {
        getItemOrNullObject: (name: string) => sheets.get(name) ?? nullObject(),
        getItem: (name: string) => sheets.get(name),
        add: (name: string) => {
          calls.push(`add:${name}`);
          const invalid = rules.sheetNameError(name, [...sheets.keys()]);
          if (invalid) throw new Error(`InvalidArgument: ${invalid}`);
          return makeSheet(name);
        },
      },
    },
    sync: async () => {
      syncs++;
      applyWrites();
      for (const mock of live) await mock.sync();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  });
  return {
    context,
    ranges,
    calls,
    charts,
    sheets,
    conversions,
    /** What a cell holds after the writes (undefined where nothing was written). */
    stored: (sheet: string, row: number, col: number) => stored.get(sheet)?.get(`${row},${col}`),
    get syncs() {
      return syncs;
    },
  };
}

describe("OfficeWorkbookPort.read", () => {
  const seed: Record<string, SheetSeed> = {
    热线数据: {
      values: [
        ["单位名称", "工单总量", "应办结数"],
        ["汉滨区", 1200, 1000],
        ["市教体局", "", 80],
      ],
    },
    便民化考核: {
      values: [
        ["单位名称", "扣分"],
        ["市发改委", 0.5],
      ],
      formulas: [
        ["单位名称", "扣分"],
        ["市发改委", "=ASSESS.VETO_SCORE(C2:H2)"],
      ],
    },
    空表: { values: [] },
  };

  it("loads values after a sync, maps empty cells to null and leaves missing sheets out", async () => {
    const mock = mockExcel(seed);
    const port = new OfficeWorkbookPort(mock.context);
    const snapshots = await port.read(["热线数据", "不存在", "空表"]);
    expect([...snapshots.keys()]).toEqual(["热线数据", "空表"]);
    expect(snapshots.get("热线数据")).toEqual({
      name: "热线数据",
      values: [
        ["单位名称", "工单总量", "应办结数"],
        ["汉滨区", 1200, 1000],
        ["市教体局", null, 80],
      ],
    });
    expect(snapshots.get("空表")).toEqual({ name: "空表", values: [] });
    expect(mock.calls).toContain("热线数据:usedRange(true)");
    // existence, extents, cells: three syncs for any small workbook
    expect(mock.syncs).toBe(3);
  });

  it("reads number formats only when asked", async () => {
    const mock = mockExcel(seed);
    const port = new OfficeWorkbookPort(mock.context);
    expect((await port.read(["热线数据"])).get("热线数据")?.numberFormats).toBeUndefined();
    const snapshot = (await port.read(["热线数据"], { numberFormats: true })).get("热线数据");
    expect(snapshot?.numberFormats).toHaveLength(3);
  });

  it("reads formulas only when asked, null where a cell holds no formula", async () => {
    const mock = mockExcel(seed);
    const port = new OfficeWorkbookPort(mock.context);
    const plain = await port.read(["便民化考核"]);
    expect(plain.get("便民化考核")?.formulas).toBeUndefined();
    const snapshot = (await port.read(["便民化考核"], { formulas: true })).get("便民化考核");
    expect(snapshot?.values).toEqual([
      ["单位名称", "扣分"],
      ["市发改委", 0.5],
    ]);
    expect(snapshot?.formulas).toEqual([
      [null, null],
      [null, "=ASSESS.VETO_SCORE(C2:H2)"],
    ]);
  });

  it("reads a large sheet in row chunks that each stay under the budget", async () => {
    const rows: CellValue[][] = [["单位名称", "工单总量", "说明"]];
    for (let i = 1; i < 25_000; i++) rows.push([`单位${i}`, i, "某某事项办理情况说明"]);
    const mock = mockExcel({ 工单明细: { values: rows } });
    const events: SyncEvent[] = [];
    const port = new OfficeWorkbookPort(mock.context, { onSync: (e) => events.push(e) });
    const snapshot = (await port.read(["工单明细"])).get("工单明细");
    expect(snapshot?.values).toHaveLength(25_000);
    expect(snapshot?.values[24_999]).toEqual(["单位24999", 24_999, "某某事项办理情况说明"]);
    const reads = mock.ranges.filter((r) => r.sheet === "工单明细");
    expect(reads.length).toBeGreaterThan(2);
    expect(reads.every((r) => r.rows <= 10_000 && r.col === 0 && r.cols === 3)).toBe(true);
    // contiguous, from A1, covering every row once
    let next = 0;
    for (const r of reads) {
      expect(r.row).toBe(next);
      next += r.rows;
    }
    expect(next).toBe(25_000);
    // every loaded response under the default 4,000,000-byte budget (and so under 5 MB)
    for (const e of events) expect(e.bytes).toBeLessThan(4_000_000);
    expect(events[events.length - 1]).toMatchObject({ phase: "read", rowsDone: 25_000, rowsTotal: 25_000 });
  });

  it("shrinks read chunks to a small budget", async () => {
    const rows: CellValue[][] = [];
    for (let i = 0; i < 2_000; i++) rows.push([`单位${i}`, i]);
    const mock = mockExcel({ 表: { values: rows } });
    const events: SyncEvent[] = [];
    const port = new OfficeWorkbookPort(mock.context, { maxRequestBytes: 20_000, onSync: (e) => events.push(e) });
    expect((await port.read(["表"])).get("表")?.values).toEqual(rows);
    const reads = mock.ranges.filter((r) => r.sheet === "表");
    expect(reads.length).toBeGreaterThanOrEqual(Math.ceil(jsonBytes(rows) / 20_000));
    for (const r of reads) expect(jsonBytes(r.mock.values)).toBeLessThanOrEqual(20_000);
  });

  it("reads only the rows and columns asked for, null elsewhere", async () => {
    const rows: CellValue[][] = Array.from({ length: 50 }, (_, i) => [`A${i}`, `B${i}`, `C${i}`, `D${i}`, `E${i}`]);
    const mock = mockExcel({ 工单明细: { values: rows } });
    const port = new OfficeWorkbookPort(mock.context);
    const head = (await port.read(["工单明细"], { rows: 3 })).get("工单明细");
    expect(head?.values).toEqual(rows.slice(0, 3));
    const some = (await port.read(["工单明细"], { columns: [0, 3, 4] })).get("工单明细");
    expect(some?.values).toEqual(rows.map((r) => [r[0], null, null, r[3], r[4]]));
    const asked = mock.ranges.filter((r) => r.rows === 50).map((r) => [r.col, r.cols]);
    expect(asked).toEqual([[0, 1], [3, 2]]);
  });
});

describe("OfficeWorkbookPort.apply", () => {
  const seed: Record<string, SheetSeed> = { 承办单位: { values: [["单位名称", "单位类别"]] } };

  it("writes values with empty cells as '' and text guarded from being parsed", async () => {
    const mock = mockExcel(seed);
    const port = new OfficeWorkbookPort(mock.context);
    const texts = ["=不是公式", "0.985", "2021-3-1", "2021/3/1", "8:00", "1,000", "50%", "1e3", "TRUE", "+1", "-", "—", "#N/A", "3月1日", "９８．５％"];
    await port.apply([
      { kind: "values", sheet: "承办单位", row: 1, col: 0, values: [["汉滨区", "县区"], ["=不是公式", null], ["0.985", 12]] },
      { kind: "values", sheet: "承办单位", row: 10, col: 0, values: texts.map((t) => [t]) },
    ]);
    const range = mock.ranges.find((r) => r.sheet === "承办单位" && r.row === 1);
    expect(range).toMatchObject({ col: 0, rows: 3, cols: 2 });
    expect(range?.mock.values).toEqual([["汉滨区", "县区"], ["'=不是公式", ""], ["'0.985", 12]]);
    // What the cells hold: exactly the text, as Excel stores it.
    expect([mock.stored("承办单位", 2, 0), mock.stored("承办单位", 2, 1), mock.stored("承办单位", 3, 0), mock.stored("承办单位", 3, 1)])
      .toEqual([{ value: "=不是公式" }, { value: null }, { value: "0.985" }, { value: 12 }]);
    texts.forEach((t, i) => expect(mock.stored("承办单位", 10 + i, 0)).toEqual({ value: t }));
    expect(mock.conversions).toEqual([]);
    // one sync to find the sheet, one for the writes
    expect(mock.syncs).toBe(2);
  });

  it("the mock stores unguarded text as Excel would, so a missing guard fails a test", async () => {
    const mock = mockExcel(seed);
    const range = mock.context.workbook.worksheets.getItem("承办单位").getRangeByIndexes(0, 0, 1, 4);
    range.values = [["2021-3-1", "1,000", "=A1", "TRUE"]];
    await mock.context.sync();
    expect(mock.stored("承办单位", 0, 0)).toEqual({ value: 44256 });
    expect(mock.stored("承办单位", 0, 1)).toEqual({ value: 1000 });
    expect(mock.stored("承办单位", 0, 2)).toEqual({ formula: "=A1" });
    expect(mock.stored("承办单位", 0, 3)).toEqual({ value: true });
    expect(mock.conversions).toHaveLength(4);
  });

  it("cuts text longer than a cell holds, with a visible mark", async () => {
    const mock = mockExcel(seed);
    const long = "扣".repeat(MAX_CELL_CHARS + 10);
    await new OfficeWorkbookPort(mock.context).apply([
      { kind: "values", sheet: "承办单位", row: 1, col: 0, values: [[long, `-${long}`]] },
      { kind: "formulas", sheet: "承办单位", row: 2, col: 0, formulas: [[long]] },
    ]);
    const cut = mock.stored("承办单位", 1, 0)?.value as string;
    expect(cut).toHaveLength(MAX_CELL_CHARS);
    expect(cut.endsWith(truncationMark(long.length))).toBe(true);
    const guarded = mock.ranges.find((r) => r.row === 1)!.mock.values[0][1] as string;
    expect(guarded.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(mock.stored("承办单位", 1, 1)?.value).toBe(guarded.slice(1));
    expect(mock.stored("承办单位", 2, 0)?.value).toHaveLength(MAX_CELL_CHARS);
    expect(() => fitCellText("a".repeat(MAX_CELL_CHARS))).not.toThrow();
    expect(fitCellText("a".repeat(MAX_CELL_CHARS))).toHaveLength(MAX_CELL_CHARS);
  });

  it("the mock refuses a sheet name Excel refuses and hiding the last visible sheet", async () => {
    for (const name of ["a".repeat(32), "考核[2021]", "一/二", "'引号", "SHEET"]) {
      const mock = mockExcel({ ...seed, Sheet: { values: [] } });
      await expect(new OfficeWorkbookPort(mock.context).apply([{ kind: "addSheet", sheet: name }])).rejects.toThrow(/InvalidArgument/);
    }
    await expect(new OfficeWorkbookPort(mockExcel(seed).context).apply([{ kind: "addSheet", sheet: "承办单位2", hidden: true }])).resolves.toBeUndefined();
    const alone = mockExcel(seed);
    alone.sheets.get("承办单位").visibility = "Hidden";
    await expect(alone.context.sync()).rejects.toThrow(/visible/);
  });

  it("writes formulas as typed", async () => {
    const mock = mockExcel(seed);
    await new OfficeWorkbookPort(mock.context).apply([
      { kind: "formulas", sheet: "承办单位", row: 1, col: 2, formulas: [["=ASSESS.UNIT_TYPE(A2)"], [null]] },
    ]);
    const range = mock.ranges.find((r) => r.col === 2);
    expect(range?.mock.formulas).toEqual([["=ASSESS.UNIT_TYPE(A2)"], [""]]);
  });

  it("applies format, freeze, width, merge, validation, clear and sheet ops in one write sync", async () => {
    const mock = mockExcel(seed);
    const plan: WritePlan = [
      { kind: "addSheet", sheet: "12345热线考核表" },
      { kind: "addSheet", sheet: "定稿备份", hidden: true },
      { kind: "addSheet", sheet: "承办单位" }, // exists: left as it is
      { kind: "merge", range: { sheet: "12345热线考核表", row: 0, col: 0, rows: 1, cols: 16 } },
      {
        kind: "format",
        range: { sheet: "12345热线考核表", row: 1, col: 0, rows: 1, cols: 16 },
        format: { bold: true, fill: "#DDEBF7", fontColor: "#1F1F1F", fontSize: 12, wrap: true, horizontal: "center" },
      },
      { kind: "format", range: { sheet: "12345热线考核表", row: 2, col: 2, rows: 3, cols: 1 }, format: { numberFormat: "0.00%" } },
      { kind: "freeze", sheet: "12345热线考核表", rows: 2, cols: 0 },
      { kind: "freeze", sheet: "承办单位", rows: 1, cols: 1 },
      { kind: "columnWidth", sheet: "12345热线考核表", col: 0, width: 24 },
      { kind: "listValidation", range: { sheet: "承办单位", row: 1, col: 1, rows: 77, cols: 1 }, list: ["县区", "市直", "其他"] },
      { kind: "clear", range: { sheet: "承办单位", row: 100, col: 0, rows: 5, cols: 2 } },
      { kind: "deleteSheet", sheet: "旧表" }, // missing: nothing to do
    ];
    await new OfficeWorkbookPort(mock.context).apply(plan);
    expect(mock.syncs).toBe(2);
    expect(mock.calls).toEqual(
      expect.arrayContaining([
        "add:12345热线考核表",
        "add:定稿备份",
        "12345热线考核表:merge(false)",
        "12345热线考核表:freezeRows(2)",
        "承办单位:freezeAt(1x1)",
        "承办单位:validation.clear",
        "承办单位:clear(All)",
      ]),
    );
    expect(mock.calls).not.toContain("add:承办单位");
    expect(mock.sheets.get("定稿备份").visibility).toBe("Hidden");
    const header = mock.ranges.find((r) => r.sheet === "12345热线考核表" && r.row === 1 && r.cols === 16)!.mock;
    expect(header.format.font.bold).toBe(true);
    expect(header.format.font.color).toBe("#1F1F1F");
    expect(header.format.font.size).toBe(12);
    expect(header.format.fill.color).toBe("#DDEBF7");
    expect(header.format.wrapText).toBe(true);
    expect(header.format.horizontalAlignment).toBe("Center");
    const percent = mock.ranges.find((r) => r.sheet === "12345热线考核表" && r.row === 2 && r.col === 2)!.mock;
    expect(percent.numberFormat).toEqual([["0.00%"], ["0.00%"], ["0.00%"]]);
    const width = mock.ranges.find((r) => r.sheet === "12345热线考核表" && r.col === 0 && r.row === 0 && r.rows === 1 && r.cols === 1)!.mock;
    expect(width.format.columnWidth).toBe(charsToPoints(24));
    const validation = mock.ranges.find((r) => r.sheet === "承办单位" && r.rows === 77)!.mock;
    expect(validation.dataValidation.rule).toEqual({ list: { inCellDropDown: true, source: "县区,市直,其他" } });
  });

  it("refuses a plan Excel cannot take, saying why in Chinese", async () => {
    const refused = (plan: WritePlan) => new OfficeWorkbookPort(mockExcel(seed).context).apply(plan);
    const range = { sheet: "承办单位", row: 1, col: 1, rows: 3, cols: 1 };
    await expect(refused([{ kind: "listValidation", range, list: ["县区", "市直,其他"] }]))
      .rejects.toThrow("下拉列表项“市直,其他”含有逗号：Excel 的列表来源以逗号分隔，无法使用。");
    const long = Array.from({ length: 64 }, (_, i) => `类别${i}`);
    await expect(refused([{ kind: "listValidation", range, list: long }]))
      .rejects.toThrow(`下拉列表来源共${long.join(",").length}个字符：Excel 限定不超过255个字符。`);
    await expect(refused([{ kind: "values", sheet: "承办单位", row: 1, col: 0, values: [[Infinity]] }]))
      .rejects.toThrow("无法写入非有限数值 Infinity：Excel 单元格只接受有限数字。");
    await expect(refused([{ kind: "values", sheet: "未建之表", row: 0, col: 0, values: [[1]] }]))
      .rejects.toThrow("工作表“未建之表”不存在：写入计划在创建它之前就要写入它。");
  });

  it("adds a bar chart with its title, categories and position", async () => {
    const mock = mockExcel({ "12345热线考核表": { values: [["单位名称"]] } });
    await new OfficeWorkbookPort(mock.context).apply([
      {
        kind: "barChart",
        sheet: "12345热线考核表",
        name: "总分图",
        title: "各单位总分",
        categories: { sheet: "12345热线考核表", row: 2, col: 0, rows: 77, cols: 1 },
        values: { sheet: "12345热线考核表", row: 2, col: 12, rows: 77, cols: 1 },
        anchor: { row: 2, col: 18 },
      },
    ]);
    expect(mock.charts).toHaveLength(1);
    const chart = mock.charts[0];
    expect(chart).toMatchObject({ type: "BarClustered", seriesBy: "Columns", name: "总分图", title: { text: "各单位总分" }, legend: { visible: false } });
    const at = (m: any) => mock.ranges.find((r) => r.mock === m);
    expect(at(chart.source)).toMatchObject({ row: 2, col: 12, rows: 77, cols: 1 });
    expect(at(chart.seriesZero.categories)).toMatchObject({ row: 2, col: 0, rows: 77, cols: 1 });
    expect(at(chart.position)).toMatchObject({ row: 2, col: 18, rows: 1, cols: 1 });
    // existence of the sheet, existence of an older chart of that name, the writes
    expect(mock.syncs).toBe(3);
  });

  it("skips charts when the host has none", async () => {
    const mock = mockExcel({ 表: { values: [["x"]] } });
    const ref = { sheet: "表", row: 0, col: 0, rows: 1, cols: 1 };
    await new OfficeWorkbookPort(mock.context, { charts: false }).apply([
      { kind: "barChart", sheet: "表", name: "图", title: "t", categories: ref, values: ref, anchor: { row: 0, col: 2 } },
    ]);
    expect(mock.charts).toHaveLength(0);
  });

  it("rejects a write to a sheet that does not exist before writing anything", async () => {
    const mock = mockExcel(seed);
    await expect(
      new OfficeWorkbookPort(mock.context).apply([
        { kind: "values", sheet: "承办单位", row: 5, col: 0, values: [["x"]] },
        { kind: "values", sheet: "没有这张表", row: 0, col: 0, values: [["x"]] },
      ]),
    ).rejects.toThrow(/没有这张表/);
    expect(mock.ranges).toHaveLength(0);
  });

  it("splits a 25,000-row write into row chunks, one sync each", async () => {
    const mock = mockExcel(seed);
    const rows: CellValue[][] = Array.from({ length: 25_000 }, (_, i) => [`单位${i}`, i, i % 7 === 0 ? null : 0.99]);
    const events: SyncEvent[] = [];
    await new OfficeWorkbookPort(mock.context, { onSync: (e) => events.push(e) }).apply([
      { kind: "values", sheet: "承办单位", row: 1, col: 0, values: rows },
    ]);
    const writes = mock.ranges.filter((r) => r.sheet === "承办单位" && Array.isArray(r.mock.values) && r.cols === 3);
    expect(writes.map((r) => r.rows)).toEqual([10_000, 10_000, 5_000]);
    expect(writes.map((r) => r.row)).toEqual([1, 10_001, 20_001]);
    // each chunk in its own sync (after the one that finds the sheet)
    expect(writes.map((r) => r.sync)).toEqual([1, 2, 3]);
    expect(mock.syncs).toBe(4);
    expect(writes.flatMap((r) => r.mock.values)).toEqual(rows.map((r) => r.map((v) => (v === null ? "" : v))));
    expect(events.map((e) => e.rowsDone)).toEqual([0, 10_000, 20_000, 25_000]);
  });

  it("keeps every request under the budget when rows are heavy", async () => {
    const mock = mockExcel(seed);
    const note = "办结率98.50%（98%—99%）扣10分；反馈内容与实际不符1件扣10分；".repeat(4);
    const rows: CellValue[][] = Array.from({ length: 25_000 }, (_, i) => [`单位${i}`, note]);
    const budget = 1_000_000;
    await new OfficeWorkbookPort(mock.context, { maxRequestBytes: budget }).apply([
      { kind: "values", sheet: "承办单位", row: 1, col: 0, values: rows },
      { kind: "format", range: { sheet: "承办单位", row: 1, col: 1, rows: 25_000, cols: 1 }, format: { numberFormat: "@" } },
    ]);
    const writes = mock.ranges.filter((r) => r.sheet === "承办单位" && r.cols === 2);
    expect(writes.length).toBeGreaterThan(jsonBytes(rows) / budget);
    // per sync: the JSON of every array written in it
    const perSync = new Map<number, number>();
    for (const r of mock.ranges) {
      const bytes = (Array.isArray(r.mock.values) && r.cols === 2 ? jsonBytes(r.mock.values) : 0)
        + (Array.isArray(r.mock.numberFormat) ? jsonBytes(r.mock.numberFormat) : 0);
      perSync.set(r.sync, (perSync.get(r.sync) ?? 0) + bytes);
    }
    for (const bytes of perSync.values()) expect(bytes).toBeLessThanOrEqual(budget);
    expect(Math.max(...perSync.values())).toBeLessThan(EXCEL_WEB_PAYLOAD_LIMIT);
    const formats = mock.ranges.filter((r) => Array.isArray(r.mock.numberFormat));
    expect(formats.reduce((sum, r) => sum + r.rows, 0)).toBe(25_000);
  });
});

describe("OfficeWorkbookPort.sheetNames", () => {
  it("loads the worksheets' names and returns them in tab order", async () => {
    // office-addin-mock has no collections: a hand-made context with `items`.
    const loads: unknown[] = [];
    const context: any = {
      workbook: {
        worksheets: {
          load: (what: unknown) => loads.push(what),
          items: [
            { name: "热线数据", position: 1 },
            { name: "承办单位", position: 0 },
          ],
        },
      },
      sync: async () => undefined,
    };
    expect(await new OfficeWorkbookPort(context).sheetNames()).toEqual(["承办单位", "热线数据"]);
    expect(loads).toEqual(["items/name,items/position"]);
  });
});

describe("helpers", () => {
  it("converts character widths to points as Excel does", () => {
    expect(charsToPoints(8.43)).toBe(48);
    expect(charsToPoints(0)).toBe(0);
  });

  it("guards text Excel would parse, and the fake's typed-input rules keep every guarded text as text", () => {
    const samples = [
      "2021-3-1", "2021/3/1", "2021.3.1", "2021-03-01 09:00", "3/1", "1-2", "3月1日", "2021年3月", "1-Mar", "Mar-21", "March 1, 2021",
      "8:00", "8:00:30", "8 AM", "12:30 pm", "1,000", "50%", "98.5％", "1e3", "1E+05", "(5)", "$5", "¥5", "￥5", "1 1/2", "１２",
      "TRUE", "false", "#N/A", "#VALUE!", "+", "-", "=", "@x", "+1", "-5", "- 不涉及", "'x", " 12 ", "汉滨区", "不涉及", "/", "—",
    ];
    for (const text of samples) expect(rules.typedInput(guardText(text), true)).toEqual({ value: text });
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(..."0123456789-/.:,%+ e年月日aMPT#=@'（）汉") }), (text) => {
      expect(rules.typedInput(guardText(text), true)).toEqual({ value: text });
    }), { numRuns: 2000 });
  });

  it("guards text Excel would parse", () => {
    expect(guardText("汉滨区")).toBe("汉滨区");
    expect(guardText("2021年度12345热线工单办理情况减分指标考核表")).toBe("2021年度12345热线工单办理情况减分指标考核表");
    for (const text of ["=A1", "-", "+1", "98.5%", "12", "2021-12-31", "TRUE", "#N/A", "'x"]) {
      expect(guardText(text)).toBe(`'${text}`);
    }
  });

  it("knows the payload-limit errors by their code", () => {
    expect(isPayloadLimitError({ code: "ResponsePayloadSizeLimitExceeded" })).toBe(true);
    expect(isPayloadLimitError({ code: "GeneralException", debugInfo: { code: "RequestPayloadSizeLimitExceeded" } })).toBe(true);
    expect(isPayloadLimitError({ code: "responsePayloadSizeLimitExceeded" })).toBe(true);
    expect(isPayloadLimitError({ code: "InvalidArgument" })).toBe(false);
    expect(isPayloadLimitError(new Error("x"))).toBe(false);
    expect(isPayloadLimitError(null)).toBe(false);
  });

  it("counts non-ASCII characters at their escaped size", () => {
    expect(jsonBytes(["a"])).toBe(5);
    expect(jsonBytes(["区"])).toBe(10);
  });
});
