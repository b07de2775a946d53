import { type LedgerCell } from "../../../src/ledger";
import { importLedger, importLedgerSheet, ledgerFromSheet, LEDGER_SHEET, PROBLEM_LABEL } from "../../../src/workbook";
import type { CellValue } from "../../../src/workbook/port";
import { serial } from "../helpers";
import { HEADER, importRows, order, ownedTable, templatePort } from "./helpers";

const NOW = new Date(2022, 0, 5, 9, 30, 0);

const ROWS: LedgerCell[][] = [
  HEADER,
  order("A1", "汉滨区", "2021-03-01 09:00", "2021-03-05 18:00", "2021-03-02 10:00", "否", "否", "满意"),
  order("A2", "安康市不存在局", "2021-03-01 09:00", "2021-03-05 18:00", "2021-03-02 10:00"),
  order("A3", "汉阴县", "2021-02-30 09:00", "2021-03-05 18:00"),
  order("A1", "汉滨区", "2021-03-01 09:00", "2021-03-05 18:00", "2021-03-02 10:00", "否", "否", "满意"),
  order("A5", "石泉县", "2021-03-04 09:00", "2021-03-05 18:00", "2021-03-02 10:00", "否", "否", "满意"),
  order("A6", "市委宣传部", "2021-03-04 09:00", "2021-03-05 18:00", "2021-03-05 10:00"),
  order("A7", "宁陕县", "2021-03-04 09:00", "2021-03-09 18:00", "2021-03-05 10:00", "也许", "否", "很好"),
];

describe("工单导入校验", () => {
  it("lists every row not counted with its row number, column, value and message under the summary line", async () => {
    const data = await importRows(ROWS);
    const port = await templatePort();
    const result = await importLedger(port, data, { period: "2021", sourceName: "问题.csv", now: NOW });
    if (result.status !== "ok") throw new Error("not ok");
    const snap = (await port.read([LEDGER_SHEET.problems])).get(LEDGER_SHEET.problems)!;
    expect(snap.values[0][0]).toBe("工单导入校验（来源：问题.csv；考核期间：2021年度）");
    // Row 4's unreadable 派单时间 and row 8's unreadable 是否退单 and 回访结果 cost only the counts that need them
    // (spec F): those rows are counted, and listed.
    expect(snap.values[1][0]).toBe("共读取7行工单，计入3行，4行有问题未计入；其中2行有字段无法识别，只计入不依赖该字段的计数（见问题列表）");
    const rows = await ownedTable(port, LEDGER_SHEET.problems, PROBLEM_LABEL.row);
    const by = (row: number) => rows.filter((r) => r[PROBLEM_LABEL.row] === row);
    expect(by(3)[0]).toMatchObject({ 列: "承办单位（B列）", 值: "安康市不存在局" });
    expect(by(3)[0][PROBLEM_LABEL.problem]).toContain("不在“2021年度12345热线工单办理情况减分指标考核表”的承办单位名单中");
    expect(by(4)[0]).toMatchObject({ 列: "派单时间（C列）", 值: "2021-02-30 09:00" });
    expect(by(5)[0][PROBLEM_LABEL.problem]).toBe("工单编号“A1”与第2行重复，本行不计入");
    expect(by(6)[0]).toMatchObject({ 列: "办结时间（E列）" });
    expect(by(6)[0][PROBLEM_LABEL.problem]).toContain("早于派单时间");
    expect(by(7)[0][PROBLEM_LABEL.problem]).toContain("不是12345热线承办单位");
    expect(by(8).map((r) => r[PROBLEM_LABEL.column])).toEqual(["是否退单（F列）", "回访结果（H列）"]);
    // Findings for the task pane and the CLI: errors naming the ledger row, pointing at the listing here.
    const ledgerFindings = result.findings.filter((f) => f.code === "ledgerRow");
    expect(ledgerFindings).toHaveLength(rows.length);
    expect(ledgerFindings[0]).toMatchObject({ severity: "error", sheet: LEDGER_SHEET.problems, cell: "A4" });
    expect(ledgerFindings[0].message).toMatch(/^工单明细第3行（承办单位）：/);
    expect(result.summary.ledger).toMatchObject({ rowsRead: 7, rowsCounted: 3, rowsWithProblems: 6, rowsPartlyCounted: 2 });
  });

  it("a clean ledger says so; a re-import replaces the previous listing", async () => {
    const port = await templatePort();
    await importLedger(port, await importRows(ROWS), { period: "2021", now: NOW });
    await importLedger(port, await importRows(ROWS.slice(0, 2)), { period: "2021", now: NOW });
    const rows = await ownedTable(port, LEDGER_SHEET.problems, PROBLEM_LABEL.row);
    expect(rows).toEqual([{ 行号: "—", 列: "—", 值: null, 问题: "未发现问题：全部工单均已计入", 单位名称: null, 级别: null }]);
  });

  it("from a 工单明细 sheet pasted into the workbook: dates as serials, problems point at its cells", async () => {
    const port = await templatePort();
    const values: CellValue[][] = [
      ["2021年工单明细（从平台复制）", null, null, null, null, null, null, null],
      HEADER as CellValue[],
      ["B1", "汉滨区", serial("2021-03-01") + 0.4, serial("2021-03-05") + 0.75, serial("2021-03-02") + 0.5, "否", "否", "满意"],
      ["B2", "汉滨区", "not a date", serial("2021-03-05") + 0.75, null, "否", "否", null],
    ];
    await port.apply([{ kind: "addSheet", sheet: LEDGER_SHEET.ledger }, { kind: "values", sheet: LEDGER_SHEET.ledger, row: 0, col: 0, values }]);
    const snapshot = (await port.read([LEDGER_SHEET.ledger])).get(LEDGER_SHEET.ledger)!;
    const batches = [...ledgerFromSheet(snapshot)];
    expect(batches[0].source).toEqual({ format: "rows", sheet: LEDGER_SHEET.ledger });

    const result = await importLedgerSheet(port, { period: "2021", now: NOW });
    if (result.status !== "ok") throw new Error(`not ok: ${result.status}`);
    expect(result.summary.source).toBe("工作表“工单明细”");
    // B2's 派单时间 is unreadable: listed, and B2 still counts as due (spec F).
    expect(result.summary.ledger).toMatchObject({ rowsRead: 2, rowsCounted: 2, rowsPartlyCounted: 1, headerRow: 2 });
    expect(result.findings.filter((f) => f.code === "ledgerRow")).toEqual([
      expect.objectContaining({ sheet: LEDGER_SHEET.ledger, cell: "C4", severity: "error" }),
    ]);
    expect(await importLedgerSheet(port, { sheet: "没有这张表" })).toEqual({ status: "noSheet", sheet: "没有这张表" });
  });

  it("a formula without a result in 工单明细 is a problem at its cell, never a blank", async () => {
    const values: CellValue[][] = [
      HEADER as CellValue[],
      ["B1", "汉滨区", serial("2021-03-01") + 0.4, serial("2021-03-05") + 0.75, null, "否", "否", "满意"],
    ];
    const snapshot = { name: LEDGER_SHEET.ledger, values, uncalculated: [{ row: 1, col: 4 }] };
    const rows = [...ledgerFromSheet(snapshot)].flatMap((b) => b.rows);
    expect(rows.map((r) => r.uncalculated)).toEqual([undefined, [4]]);
    const result = await importLedger(await templatePort(), ledgerFromSheet(snapshot), { period: "2021", now: NOW });
    if (result.status !== "ok") throw new Error(`not ok: ${result.status}`);
    expect(result.findings.filter((f) => f.code === "ledgerRow")).toEqual([
      expect.objectContaining({ sheet: LEDGER_SHEET.ledger, cell: "E2", severity: "error", message: expect.stringContaining("公式没有计算结果，请在 Excel 中打开并保存") }),
    ]);
  });
});
