import { parsePeriod, type LedgerData } from "../../../src/ledger";
import { computeAll, importLedger, ledgerPlan, templatePlan, IMPORT_PARAM, LEDGER_SHEET, TEMPLATE_READS } from "../../../src/workbook";
import { ruleSet } from "../../../src/engine";
import { LABEL, PARAM, SHEET, COMPUTE_READS } from "../../../src/workbook/contract";
import type { ExcelJsWorkbookPort } from "../../../src/workbook/adapters/exceljs";
import type { SheetSnapshot, WriteOp } from "../../../src/workbook/port";
import { findHeader } from "../../../src/workbook/tables";
import { sheetSpec } from "../../../src/workbook/contract";
import { fixture } from "../fixtures";
import { everything, resultTable, roundTrip, serial, sheetTable, workbookOf, sheetRows } from "../helpers";
import { COUNT_LABELS, generatedData, hotlineRows, templatePort } from "./helpers";

const NOW = new Date(2022, 0, 5, 9, 30, 0);

/** Types the counts of `period` into 热线数据 by hand (月均办件量 left blank) and sets 考核月数. */
async function typeCounts(port: ExcelJsWorkbookPort, data: LedgerData, period: string): Promise<void> {
  const p = parsePeriod(period);
  const counts = new Map(data.counts(p).map((r) => [r.单位名称, r]));
  const snap = (await port.read([SHEET.hotline, SHEET.params]));
  const hotline = snap.get(SHEET.hotline) as SheetSnapshot;
  const header = findHeader(hotline, sheetSpec(SHEET.hotline))!;
  const ops: WriteOp[] = [];
  for (let r = header.row + 1; r < hotline.values.length; r++) {
    const c = counts.get(String(hotline.values[r][header.columns.get(LABEL.name)!]));
    if (!c) continue;
    for (const label of COUNT_LABELS) ops.push({ kind: "values", sheet: SHEET.hotline, row: r, col: header.columns.get(label)!, values: [[c[label]]] });
  }
  const params = snap.get(SHEET.params) as SheetSnapshot;
  const ph = findHeader(params, sheetSpec(SHEET.params))!;
  const monthsRow = params.values.findIndex((row) => row[ph.columns.get(LABEL.param)!] === PARAM.months);
  ops.push({ kind: "values", sheet: SHEET.params, row: monthsRow, col: ph.columns.get(LABEL.value)!, values: [[p.months]] });
  await port.apply(ops);
}

/** The same 扣分登记 / 加分登记 rows in a workbook. */
async function addRegisters(port: ExcelJsWorkbookPort): Promise<void> {
  await port.apply([
    { kind: "values", sheet: SHEET.deductions, row: 2, col: 0, values: [[serial("2021-02-10"), "汉滨区", "反馈内容与实际不符", 1, null]] },
    { kind: "values", sheet: SHEET.bonuses, row: 2, col: 0, values: [[serial("2021-03-10"), "市人社局", "群众锦旗", 1, null]] },
  ]);
}

describe("fill 热线数据 from a ledger", () => {
  let data: LedgerData;
  beforeAll(async () => {
    data = await generatedData({ rows: 30000, seed: 7, duplicates: 5, problems: 5, aliasShare: 0.2 });
  });

  it.each(["2021", "2021Q2", "2021-07"])("the ledger path and the typed-in path give the same scores (%s)", async (period) => {
    const imported = await templatePort();
    await addRegisters(imported);
    const result = await importLedger(imported, data, { period, now: NOW });
    expect(result.status).toBe("ok");
    await computeAll(imported);

    const typed = await templatePort();
    await addRegisters(typed);
    await typeCounts(typed, data, period);
    await computeAll(typed);

    const a = await resultTable(imported);
    const b = await resultTable(typed);
    expect(a.size).toBe(77);
    // The ledger has problem rows (duplicates, unreadable values): the same scores, but the units whose rows
    // have problems say so in 扣分说明, and 校验 lists them (spec E); the typed-in counts carry no such record.
    const note = /^；工单明细第[\d、]+行(等\d+行)?有问题，计数可能不全，见“工单导入校验”$/u;
    let noted = 0;
    for (const [name, row] of b) {
      const { 扣分说明: explained, ...scores } = a.get(name)!;
      const { 扣分说明: typedExplained, ...typedScores } = row;
      expect(scores).toEqual(typedScores);
      const typedText = String(typedExplained);
      expect(String(explained).startsWith(typedText)).toBe(true);
      const rest = String(explained).slice(typedText.length);
      if (rest !== "") {
        expect(rest).toMatch(note);
        noted++;
      }
    }
    expect(noted).toBeGreaterThan(0);
    const checks = await sheetTable(imported, SHEET.checks);
    expect(checks.filter((r) => r[LABEL.sheet] !== LEDGER_SHEET.problems)).toEqual(await sheetTable(typed, SHEET.checks));
    expect(checks.filter((r) => r[LABEL.sheet] === LEDGER_SHEET.problems).length).toBeGreaterThanOrEqual(noted);
    // Something is actually scored differently between units (the comparison is not trivially all-100).
    expect(new Set([...a.values()].map((r) => r.总分)).size).toBeGreaterThan(3);
  });

  it("writes the seven counts and 月均办件量 = 工单总量 ÷ months of the period for every hotline unit", async () => {
    const port = await templatePort();
    const result = await importLedger(port, data, { period: "2021Q3", now: NOW });
    if (result.status !== "ok") throw new Error("not ok");
    const rows = await hotlineRows(port);
    const expected = data.counts(parsePeriod("2021Q3"));
    expect(rows.size).toBe(77);
    for (const c of expected) {
      const row = rows.get(c.单位名称)!;
      for (const label of COUNT_LABELS) expect(row[label]).toBe(c[label]);
      expect(row[LABEL.monthly]).toBe(c.工单总量 / 3);
    }
    expect(result.summary.unitsFilled).toBe(77);
    expect(result.summary.unitsAdded).toEqual([]);
    expect(result.summary.totals.工单总量).toBe(data.totals(parsePeriod("2021Q3")).工单总量);
    expect(result.summary.text).toContain("已按2021年第三季度填入77个单位的工单数据");
    // The rows read are the whole file's; the orders of the quarter are said apart (the sum of the units' counts).
    const inQuarter = expected.reduce((n, c) => n + c.工单总量, 0);
    expect(result.summary.text).toContain(`（期间内工单${inQuarter}件）`);
  });

  it("records in 参数 which file, period and time filled the counts; a second import updates those rows in place", async () => {
    const port = await templatePort();
    await importLedger(port, data, { period: "2021", sourceName: "工单2021.csv", now: NOW });
    await importLedger(port, data, { period: "2021Q1", sourceName: "工单2021Q1.csv", now: NOW });
    const params = await sheetTable(port, SHEET.params);
    const value = (name: string) => params.filter((r) => r[LABEL.param] === name).map((r) => r[LABEL.value]);
    expect(value(IMPORT_PARAM.source)).toEqual(["工单2021Q1.csv"]);
    expect(value(IMPORT_PARAM.period)).toEqual(["2021年第一季度（2021Q1）"]);
    expect(value(IMPORT_PARAM.time)).toEqual(["2022-01-05 09:30:00"]);
    expect(value(IMPORT_PARAM.result)).toEqual([data.summary.text]);
    expect(value(PARAM.year)).toEqual([2021]);
    expect(value(PARAM.months)).toEqual([12]);
  });

  it("importing twice gives the same workbook", async () => {
    const port = await templatePort();
    await importLedger(port, data, { period: "2021", now: NOW });
    const once = await everything(await roundTrip(port));
    await importLedger(port, data, { period: "2021", now: NOW });
    expect(await everything(await roundTrip(port))).toEqual(once);
  });

  it("changes nothing else: other columns, rows and sheets of the user's stay as they were", async () => {
    const port = fixture();
    const before = await everything(port);
    // The fixture's counts were typed by hand and it has no import record: replaced only with consent (spec I).
    const refused = await importLedger(port, data, { period: "2021", now: NOW });
    expect(refused.status).toBe("typedValues");
    expect(await everything(port)).toEqual(before);
    const result = await importLedger(port, data, { period: "2021", now: NOW, replaceTyped: true });
    if (result.status !== "ok") throw new Error("not ok");
    const after = await everything(port);
    for (const [name, snap] of before) {
      if (name === SHEET.hotline || name === SHEET.params) continue;
      expect(after.get(name)).toEqual(snap);
    }
    // 热线数据: only the count columns and 月均办件量 of the six units of 承办单位 changed; the 备注 column did not.
    const hb = before.get(SHEET.hotline)!;
    const ha = after.get(SHEET.hotline)!;
    const header = findHeader(ha, sheetSpec(SHEET.hotline))!;
    const written = new Set([...COUNT_LABELS, LABEL.monthly].map((l) => header.columns.get(l)));
    ha.values.forEach((row, r) => row.forEach((v, c) => {
      if (!written.has(c) || r <= header.row) expect(v).toEqual(hb.values[r]?.[c] ?? null);
    }));
    expect(ha.values.length).toBe(hb.values.length); // no unit added: the fixture's 承办单位 lists six units
    // Units with orders that 承办单位 does not list are named, not silently filled.
    const notAssessed = result.findings.filter((f) => f.code === "ledgerUnitNotAssessed");
    expect(notAssessed.length).toBe(71);
    expect(notAssessed[0]).toMatchObject({ severity: "warning", sheet: SHEET.units });
    expect(result.summary.unitsFilled).toBe(6);
    // 参数 keeps 考核年度 and 考核月数.
    const params = await sheetTable(port, SHEET.params);
    expect(params.find((r) => r[LABEL.param] === PARAM.year)?.[LABEL.value]).toBe(2021);
  });

  it("adds rows for hotline units missing from 热线数据, and creates 热线数据 when it is missing", async () => {
    const units = ruleSet().registry.hotlineUnits().map((o) => ({ [LABEL.name]: o.name, [LABEL.type]: o.type }));
    const port = workbookOf({
      [SHEET.units]: sheetRows(SHEET.units, units),
      [SHEET.hotline]: sheetRows(SHEET.hotline, [{ [LABEL.name]: "汉阴县", [LABEL.total]: 1 }, { [LABEL.name]: "不知名单位" }]),
    });
    // 汉阴县's typed 工单总量 1 is replaced with consent only.
    const result = await importLedger(port, data, { period: "2021", now: NOW, replaceTyped: true });
    if (result.status !== "ok") throw new Error("not ok");
    expect(result.findings.filter((f) => f.code === "ledgerReplacedTyped").map((f) => f.cell)).toEqual(["B3"]);
    expect(result.summary.unitsAdded).toHaveLength(76);
    const rows = await sheetTable(port, SHEET.hotline);
    expect(rows[0][LABEL.name]).toBe("汉阴县");
    expect(rows[0][LABEL.total]).toBe(data.counts(parsePeriod("2021")).find((c) => c.单位名称 === "汉阴县政府")!.工单总量);
    expect(rows[1]).toMatchObject({ [LABEL.name]: "不知名单位", [LABEL.total]: null });
    expect(rows.slice(2).map((r) => r[LABEL.name])).toEqual(result.summary.unitsAdded);

    const empty = workbookOf({ Sheet1: [["x"]] });
    const created = await importLedger(empty, data, { period: "2021", now: NOW });
    if (created.status !== "ok") throw new Error("not ok");
    expect((await hotlineRows(empty)).size).toBe(77);
    expect(await empty.sheetNames()).toEqual(["Sheet1", SHEET.hotline, SHEET.params, LEDGER_SHEET.monthly, LEDGER_SHEET.problems, LEDGER_SHEET.record]);
  });

  it("a unit written twice in 热线数据: the first row is filled, the second named in a warning", async () => {
    const port = workbookOf({
      [SHEET.hotline]: sheetRows(SHEET.hotline, [{ [LABEL.name]: "汉滨区" }, { [LABEL.name]: "汉滨区人民政府", [LABEL.total]: 5 }]),
    });
    const result = await importLedger(port, data, { period: "2021", now: NOW });
    if (result.status !== "ok") throw new Error("not ok");
    expect(result.findings.find((f) => f.code === "duplicateUnit")).toMatchObject({ severity: "warning", sheet: SHEET.hotline, cell: "A4" });
    const rows = await sheetTable(port, SHEET.hotline);
    expect(rows[0][LABEL.total]).toBe(data.counts(parsePeriod("2021")).find((c) => c.单位名称 === "汉滨区政府")!.工单总量);
    expect(rows[1][LABEL.total]).toBe(5);
  });

  it("a 热线数据 with content but no header row is not filled, and says so", async () => {
    const port = workbookOf({ [SHEET.hotline]: [["随手记的数字", 12]] });
    const result = await importLedger(port, data, { period: "2021", now: NOW });
    if (result.status !== "ok") throw new Error("not ok");
    expect(result.findings.find((f) => f.code === "ledgerNotFilled")).toMatchObject({ severity: "error", sheet: SHEET.hotline });
    expect((await port.read([SHEET.hotline])).get(SHEET.hotline)!.values).toEqual([["随手记的数字", 12]]);
  });

  it("ledgerPlan is pure: a plan over snapshots, the template completed first", async () => {
    const port = await templatePort();
    const snapshots = await port.read(COMPUTE_READS);
    const out = ledgerPlan(snapshots, data, parsePeriod("2021"), ruleSet(), { now: NOW, sourceName: "a.csv" });
    // The template is complete (补全模板 would only set the registers' 事项 lists again).
    expect(templatePlan(await port.read(TEMPLATE_READS)).filter((op) => op.kind !== "listValidation")).toEqual([]);
    expect(out.plan.some((op) => op.kind === "addSheet" && op.sheet === LEDGER_SHEET.monthly)).toBe(true);
    expect(out.summary.source).toBe("a.csv");
    expect(out.findings.filter((f) => f.code === "ledgerRow")).toHaveLength(data.problems.length);
  });

  it("warns when the period is outside 考核年度", async () => {
    const port = await templatePort();
    const result = await importLedger(port, data, { period: "2020-12", now: NOW });
    if (result.status !== "ok") throw new Error("not ok");
    expect(result.findings.find((f) => f.code === "ledgerYear")?.message).toContain("2020年12月不在考核年度2021年内");
  });
});
