// The 工单导入 controller with a recording view and an in-memory port, calling the real workbook-side
// ledger functions (src/workbook/ledger, through a recording wrapper) and the real file reader: each step
// of the pane's flow, checked on what the view was told and what the workbook holds afterwards.
import { aggregateLedger, arrayRows, COUNT_FIELDS, LedgerData, readLedgerBytes, type LedgerColumn } from "../../../src/ledger";
import { ImportController } from "../../../src/taskpane/import/controller";
import { LEDGER_API } from "../../../src/taskpane/import/ledger-api";
import { periodText, readPeriod } from "../../../src/taskpane/import/period";
import { MAX_LISTED_LEDGER_PROBLEMS, problemViews } from "../../../src/taskpane/import/problems";
import { LEDGER_SHEET, type LedgerWorkbookApi, type PeriodInput, type PickedFile } from "../../../src/taskpane/import/types";
import { IMPORT_TEXT } from "../../../src/taskpane/messages";
import { ActionLock } from "../../../src/taskpane/shared/lock";
import { LABEL, SHEET } from "../../../src/workbook/contract";
import { LEDGER_HEAD_ROWS, readRememberedHeaders, REMEMBERED_SHEETS } from "../../../src/workbook/ledger";
import type { CellValue } from "../../../src/workbook/port";
import { MemoryPort, RecordingImportView } from "../shared/fakes";
import { ruleSet } from "../../../src/engine";

/** The rules the ledger counts by in these tests: the built-in 2021 method. */
const LEDGER_RULES = ruleSet(2021);

const HEADER = ["工单编号", "承办单位", "派单时间", "办理时限", "办结时间", "是否退单", "是否申请延期", "回访结果"];
const ROWS: CellValue[][] = [
  ["A1", "汉滨区政府", "2021-03-01 09:00:00", "2021-03-06 09:00:00", "2021-03-02 10:00:00", "否", "否", "满意"],
  ["A2", "汉滨区", "2021-03-02 09:00:00", "2021-03-07 09:00:00", "2021-03-09 10:00:00", "否", "是", "不满意"],
  ["A3", "市教育体育局", "2021-05-03 09:00:00", "2021-05-08 09:00:00", "", "是", "否", ""],
  ["A4", "不存在的单位", "2021-05-03 09:00:00", "2021-05-08 09:00:00", "", "否", "否", ""],
  ["A2", "汉滨区政府", "2021-03-02 09:00:00", "2021-03-07 09:00:00", "2021-03-09 10:00:00", "否", "否", "满意"],
];
const YEAR: PeriodInput = { kind: "year", year: "2021", quarter: "1", month: "1" };
const MAPPING_SHEET = REMEMBERED_SHEETS[0];

interface ImportCall {
  source: "rows" | "data";
  period?: string;
  remembered?: Readonly<Record<string, string>>;
  sourceName?: string;
}

/** The real functions, recording how the controller called them. */
function recordingApi() {
  const imports: ImportCall[] = [];
  const drills: { unit: string; period: string }[] = [];
  const api: LedgerWorkbookApi = {
    ...LEDGER_API,
    importLedger: (port, source, options = {}) => {
      const period = typeof options.period === "string" ? options.period : options.period?.label;
      imports.push({ source: source instanceof LedgerData ? "data" : "rows", period, remembered: options.remembered, sourceName: options.sourceName });
      return LEDGER_API.importLedger(port, source, options);
    },
    writeDrillDown: (port, data, unit, period, options) => {
      drills.push({ unit, period: typeof period === "string" ? period : period.label });
      return LEDGER_API.writeDrillDown(port, data, unit, period, options);
    },
  };
  return { api, imports, drills };
}

/** The seven counts of a unit's 热线数据 row. */
function hotlineCounts(port: MemoryPort, unit: string): CellValue[] {
  const rows = port.sheets.get(SHEET.hotline) ?? [];
  const header = rows.findIndex((r) => r.includes(LABEL.name) && r.includes(LABEL.total));
  const col = (label: string) => rows[header].indexOf(label);
  const row = rows.find((r, i) => i > header && r[col(LABEL.name)] === unit);
  if (!row) throw new Error(`no 热线数据 row for ${unit}`);
  return [LABEL.total, LABEL.due, LABEL.onTime, LABEL.returned, LABEL.extensions, LABEL.validCallbacks, LABEL.satisfied].map((l) => row[col(l)]);
}

function file(rows: readonly (readonly CellValue[])[], name = "工单.csv"): PickedFile {
  const text = rows.map((r) => r.map((v) => (v === null ? "" : String(v))).join(",")).join("\r\n");
  return Object.assign(new Blob([text]), { name }) as unknown as PickedFile;
}

function setup(sheets: Record<string, CellValue[][]> = {}) {
  const port = new MemoryPort(sheets);
  const view = new RecordingImportView();
  const { api, imports, drills } = recordingApi();
  const selected: string[] = [];
  const files: string[] = [];
  const lock = new ActionLock();
  const controller = new ImportController({
    port,
    view,
    ledger: api,
    // The real reader, on the blob's bytes (a Node Blob has arrayBuffer()).
    readFile: async (picked, options) => {
      files.push(picked.name);
      return readLedgerBytes(new Uint8Array(await picked.arrayBuffer()), options);
    },
    selectCell: async (sheet, cell) => void selected.push(`${sheet}!${cell}`),
    lock,
  });
  return { port, view, imports, drills, selected, files, controller, lock };
}

async function remembered(port: MemoryPort): Promise<Record<string, string>> {
  return readRememberedHeaders(await port.read(REMEMBERED_SHEETS));
}

describe("period picker", () => {
  it("composes the text parsePeriod reads", () => {
    expect(periodText(YEAR)).toBe("2021");
    expect(periodText({ ...YEAR, kind: "quarter", quarter: "3" })).toBe("2021Q3");
    expect(periodText({ ...YEAR, kind: "month", month: "4" })).toBe("2021-04");
    expect(periodText({ ...YEAR, year: " 2020 " })).toBe("2020");
  });

  it("reads a period or gives parsePeriod's Chinese reason", () => {
    expect(readPeriod({ ...YEAR, kind: "quarter", quarter: "2" })).toEqual({ period: expect.objectContaining({ label: "2021Q2", name: "2021年第二季度" }) });
    expect(readPeriod({ ...YEAR, kind: "month", month: "12" })).toEqual({ period: expect.objectContaining({ label: "2021-12" }) });
    expect(readPeriod({ ...YEAR, year: "21" })).toEqual({ error: expect.stringContaining("考核期间“21”无法识别") });
    expect(readPeriod({ ...YEAR, year: "" })).toEqual({ error: expect.stringContaining("无法识别") });
    expect(readPeriod({ ...YEAR, year: "3000" })).toEqual({ error: expect.stringContaining("无法识别") });
  });

  it("shows the error as the user edits, and clears it", () => {
    const { controller, view } = setup();
    expect(controller.checkPeriod({ ...YEAR, year: "20" })).toBeUndefined();
    expect(view.periodErrors.at(-1)).toContain("“20”");
    expect(controller.checkPeriod(YEAR)?.label).toBe("2021");
    expect(view.periodErrors.at(-1)).toBeNull();
  });

  it("takes the rule-set year as the default", () => {
    const { controller, view } = setup();
    controller.ruleYear(2021);
    expect(view.years).toEqual([2021]);
  });
});

describe("ImportController: the 工单明细 sheet", () => {
  it("imports for the period: 热线数据 filled, summary, problems by row with their cells, drill-down offered", async () => {
    const { controller, view, imports, port } = setup({ [LEDGER_SHEET]: [HEADER, ...ROWS] });
    await controller.importLedger({ kind: "sheet" }, YEAR);
    expect(imports).toEqual([{ source: "rows", period: "2021", remembered: {}, sourceName: undefined }]);
    // The stored header answers, then the head of 工单明细 (the whole of this small sheet).
    expect(port.reads.slice(0, 2)).toEqual([REMEMBERED_SHEETS, [LEDGER_SHEET]]);
    expect(port.readOptions[1]).toEqual({ rows: LEDGER_HEAD_ROWS });
    // 汉滨区 is an alias of 汉滨区政府: 2 orders, 1 of 2 on time, 1 extension, 1 satisfied of 2 valid callbacks.
    expect(hotlineCounts(port, "汉滨区政府")).toEqual([2, 2, 1, 0, 1, 2, 1]);
    expect(hotlineCounts(port, "市教育体育局")).toEqual([1, 0, 0, 1, 0, 0, 0]);
    expect(view.summaries.at(-1)).toMatchObject({
      period: "2021年度", source: "工作表“工单明细”", rowsRead: 5, rowsCounted: 3, rowsWithProblems: 2, problemCount: 2, unitsFilled: 77, unitsWithOrders: 2,
    });
    const { problems, note } = view.problemLists.at(-1)!;
    const rows = problems.filter((p) => p.row !== undefined);
    expect(rows.map((p) => [p.row, p.header, p.where])).toEqual([[5, "承办单位", "工单明细!B5"], [6, "工单编号", "工单明细!A6"]]);
    expect(rows[0].message).toContain("不存在的单位");
    expect(rows[1].message).toContain("与第3行重复");
    expect(note).toContain("工单明细中有2个问题，涉及2行");
    expect(view.drillDowns.at(-1)).toMatchObject({ period: "2021年度" });
    expect(view.drillDowns.at(-1)?.units).toHaveLength(77);
    expect(view.lastStatus.kind).toBe("error");
    expect(view.lastStatus.text).toMatch(/^导入完成：已按2021年度填入77个单位的工单数据；共读取5行工单，计入3行，2行有问题未计入/);
    expect(view.busyStates).toEqual([true, false]);
    expect(controller.data?.period.label).toBe("2021");
  });

  it("tells the pane once 热线数据 has changed (earlier 全部计算 results are out of date)", async () => {
    const port = new MemoryPort({ [LEDGER_SHEET]: [HEADER, ...ROWS] });
    const view = new RecordingImportView();
    const heard: string[] = [];
    const controller = new ImportController({
      port, view, ledger: LEDGER_API, readFile: async () => { throw new Error("unused"); }, selectCell: async () => undefined,
      onImported: () => heard.push(view.lastStatus?.text ?? ""),
    });
    await controller.importLedger({ kind: "sheet" }, { ...YEAR, year: "1800" }); // refused: nothing changed
    await controller.importLedger({ kind: "sheet" }, YEAR);
    expect(heard).toHaveLength(1);
  });

  it("fills another period from the same sheet", async () => {
    const { controller, port, view } = setup({ [LEDGER_SHEET]: [HEADER, ...ROWS] });
    await controller.importLedger({ kind: "sheet" }, { ...YEAR, kind: "month", month: "5" });
    expect(hotlineCounts(port, "汉滨区政府")).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(hotlineCounts(port, "市教育体育局")).toEqual([1, 0, 0, 1, 0, 0, 0]);
    expect(view.summaries.at(-1)).toMatchObject({ period: "2021年5月", unitsWithOrders: 1 });
  });

  it("moves the progress bar forward only, to the end, then hides it", async () => {
    const rows = Array.from({ length: 25 }, (_, i) => ["B" + i, "汉滨区政府", "2021-03-01 09:00:00", "2021-03-06 09:00:00", "", "否", "否", ""]);
    const { controller, view } = setup({ [LEDGER_SHEET]: [HEADER, ...rows] });
    await controller.importLedger({ kind: "sheet" }, YEAR);
    const fractions = view.fractions;
    expect(fractions[0]).toBe(0);
    expect(Math.max(...fractions)).toBe(1);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThanOrEqual(fractions[i - 1]);
    expect(view.progresses.at(-1)).toBeNull();
    expect(view.progresses.some((p) => p?.text === "正在统计工单：已读26行")).toBe(true);
  });

  it("follows the port's syncs while it reads the sheet, and only then", async () => {
    const { view } = setup();
    const big = Array.from({ length: 2 * LEDGER_HEAD_ROWS }, (_, i) => [`C${i}`, ...ROWS[i % 4].slice(1)]);
    const port = new MemoryPort({ [LEDGER_SHEET]: [HEADER, ...big] });
    const read = port.read.bind(port);
    const releases: (() => void)[] = [];
    port.read = (names, options) => (names.includes(LEDGER_SHEET)
      ? new Promise((resolve) => releases.push(() => resolve(read(names, options))))
      : read(names, options));
    const controller = new ImportController({ port, view, ledger: LEDGER_API, readFile: async () => { throw new Error("unused"); }, selectCell: async () => undefined });
    controller.syncProgress({ phase: "read", syncs: 1, bytes: 0, rowsDone: 5, rowsTotal: 10 }); // not importing: nothing
    expect(view.progresses).toEqual([]);
    const running = controller.importLedger({ kind: "sheet" }, YEAR);
    const waitFor = async (n: number) => {
      while (releases.length < n) await new Promise((r) => setTimeout(r, 0));
    };
    // The head of the sheet fills the first 2 %, the mapped columns the rest up to 40 %.
    await waitFor(1);
    controller.syncProgress({ phase: "read", syncs: 3, bytes: 100, rowsDone: 50, rowsTotal: 100 });
    expect(view.progresses.at(-1)).toEqual({ text: "正在读取工作表“工单明细”…", fraction: 0.01 });
    releases[0]();
    await waitFor(2);
    controller.syncProgress({ phase: "read", syncs: 3, bytes: 100, rowsDone: 5, rowsTotal: 10 });
    expect(view.progresses.at(-1)).toEqual({ text: "正在读取工作表“工单明细”…", fraction: 0.21 });
    controller.syncProgress({ phase: "apply", syncs: 1, bytes: 100, rowsDone: 5, rowsTotal: 10 }); // not this step's phase
    expect(view.fractions.at(-1)).toBe(0.21);
    expect(view.fractions).toEqual([...view.fractions].sort((a, b) => a - b));
    releases[1]();
    await running;
    expect(view.lastStatus.text).toMatch(/^导入完成/);
  });

  it("selects a problem's cell in 工单明细", async () => {
    const { controller, view, selected } = setup({ [LEDGER_SHEET]: [HEADER, ...ROWS] });
    await controller.importLedger({ kind: "sheet" }, YEAR);
    const index = controller.problems.findIndex((p) => p.row === 6);
    await controller.selectProblem(index);
    expect(selected).toEqual(["工单明细!A6"]);
    expect(view.lastStatus.text).toBe("已选中 工单明细!A6");
    await controller.selectProblem(999);
    expect(selected).toHaveLength(1);
  });

  it("lists at most MAX_LISTED_LEDGER_PROBLEMS and says how many there are", async () => {
    const bad = Array.from({ length: MAX_LISTED_LEDGER_PROBLEMS + 20 }, (_, i) => ["C" + i, "无此单位", "2021-03-01 09:00:00", "2021-03-06 09:00:00", "", "否", "否", ""]);
    const { controller, view } = setup({ [LEDGER_SHEET]: [HEADER, ROWS[0], ...bad] });
    await controller.importLedger({ kind: "sheet" }, YEAR);
    const { problems, note } = view.problemLists.at(-1)!;
    expect(problems).toHaveLength(MAX_LISTED_LEDGER_PROBLEMS);
    expect(note).toContain(`工单明细中有${MAX_LISTED_LEDGER_PROBLEMS + 20}个问题`);
    expect(note).toContain(`仅列出前${MAX_LISTED_LEDGER_PROBLEMS}个`);
    expect(note).toContain("工单导入校验");
  });

  it("asks for unknown headers of the sheet too, and importLedger remembers the answer", async () => {
    const { controller, view, port, imports } = setup({ [LEDGER_SHEET]: [["受理号", ...HEADER.slice(1)], ...ROWS] });
    await controller.importLedger({ kind: "sheet" }, YEAR);
    expect(view.mappings.at(-1)?.fields).toEqual([{ column: "工单编号", options: ["受理号"] }]);
    await controller.submitMapping({ 工单编号: "受理号" });
    expect(imports.at(-1)).toMatchObject({ source: "rows", remembered: { 受理号: "工单编号" } });
    expect(view.lastStatus.text).toMatch(/^导入完成/);
    expect(await remembered(port)).toEqual({ 受理号: "工单编号" });
  });

  it("reads a big sheet's head, then only the columns its header maps: the counts are those of the whole sheet", async () => {
    const header = ["序号", "受理号", "诉求内容", ...HEADER.slice(1), "办理结果"];
    const body = Array.from({ length: 3 * LEDGER_HEAD_ROWS }, (_, i) => {
      const row = ROWS[i % 4];
      return [i + 1, `B${i}`, "群众反映".repeat(100), ...row.slice(1), "已办结"];
    });
    const sheet = [["2021年工单明细（平台导出）"], header, ...body];
    const { controller, view, port } = setup({ [LEDGER_SHEET]: sheet, [MAPPING_SHEET]: [["表头", "对应列"], ["受理号", "工单编号"]] });
    await controller.importLedger({ kind: "sheet" }, YEAR);
    expect(view.lastStatus.text).toMatch(/^导入完成/);
    const ledgerReads = port.readOptions.filter((_, i) => port.reads[i][0] === LEDGER_SHEET);
    expect(ledgerReads).toEqual([{ rows: LEDGER_HEAD_ROWS }, { columns: [1, 3, 4, 5, 6, 7, 8, 9] }]);
    // The same sheet counted whole by the ledger core.
    const whole = await aggregateLedger(arrayRows(sheet), { rules: LEDGER_RULES, remembered: { 受理号: "工单编号" } });
    if (whole.status !== "ok") throw new Error("reference import failed");
    const units = ["汉滨区政府", "市教育体育局"];
    const reference = whole.data.counts(controller.data!.period).filter((c) => units.includes(c.单位名称));
    for (const counts of reference) {
      expect(hotlineCounts(port, counts.单位名称)).toEqual(COUNT_FIELDS.map((f) => counts[f]));
    }
    expect(view.summaries.at(-1)).toMatchObject({ rowsRead: whole.data.summary.rowsRead, problemCount: whole.data.summary.problemCount });
  });

  it("says what to do when there is no 工单明细 sheet, or it is empty", async () => {
    const { controller, view } = setup();
    await controller.importLedger({ kind: "sheet" }, YEAR);
    expect(view.lastStatus).toEqual({ text: `导入工单失败：${IMPORT_TEXT.noSheet}`, kind: "error" });
    expect(view.progresses.at(-1)).toBeNull();
    const empty = setup({ [LEDGER_SHEET]: [] });
    await empty.controller.importLedger({ kind: "sheet" }, YEAR);
    expect(empty.view.lastStatus.text).toContain("是空的");
  });

  // Spec E: missing data is never a perfect score; zeros for every unit would be 77 facts of "0 orders".
  it.each([
    ["a 工单明细 sheet with only its header", { kind: "sheet" } as const, [HEADER], YEAR, "工作表“工单明细”在考核期间2021年度没有可计入的工单（读取0行）"],
    ["a header-only file", { kind: "file", file: file([HEADER]) } as const, [], YEAR, "文件“工单.csv”在考核期间2021年度没有可计入的工单（读取0行）"],
    ["no order in the period", { kind: "sheet" } as const, [HEADER, ...ROWS], { ...YEAR, kind: "month", month: "7" } as PeriodInput,
      "工作表“工单明细”在考核期间2021年7月没有可计入的工单（读取5行）"],
  ])("fills nothing for %s and says why", async (_, source, sheet, period, why) => {
    const { controller, view, port } = setup({ [LEDGER_SHEET]: sheet });
    await controller.importLedger(source, period);
    expect(port.plans).toEqual([]);
    expect(port.sheets.has(SHEET.hotline)).toBe(false);
    expect(view.lastStatus).toEqual({ text: expect.stringContaining(why), kind: "error" });
    expect(view.lastStatus.text).toContain("未填入“热线数据”，工作簿未改动");
    expect(view.summaries.at(-1)).toBeNull();
    expect(view.drillDowns.at(-1)).toBeNull();
    expect(controller.data).toBeUndefined();
  });

  it("lists the unreadable rows when none of them could be counted", async () => {
    const { controller, view, port } = setup({ [LEDGER_SHEET]: [HEADER, ROWS[3]] });
    await controller.importLedger({ kind: "sheet" }, YEAR);
    expect(port.plans).toEqual([]);
    expect(view.lastStatus.text).toContain("没有可计入的工单（读取1行）");
    const { problems, note } = view.problemLists.at(-1)!;
    expect(problems.map((p) => [p.row, p.header])).toEqual([[2, "承办单位"]]);
    expect(note).toBe("工单明细中有1个问题，涉及1行（整行未计入，或只计入不依赖出错字段的计数）。");
  });

  it("refuses a bad period with parsePeriod's message, without touching the workbook", async () => {
    const { controller, view, port } = setup({ [LEDGER_SHEET]: [HEADER, ...ROWS] });
    await controller.importLedger({ kind: "sheet" }, { ...YEAR, kind: "month", year: "abc" });
    expect(view.lastStatus.kind).toBe("error");
    expect(view.lastStatus.text).toContain("考核期间“abc-01”无法识别");
    expect(view.periodErrors.at(-1)).toContain("无法识别");
    expect(port.reads).toEqual([]);
    expect(view.busyStates).toEqual([]);
  });
});

describe("ImportController: a picked file", () => {
  it("asks for a file first", async () => {
    const { controller, view, port } = setup();
    await controller.importLedger({ kind: "file", file: undefined }, YEAR);
    expect(view.lastStatus).toEqual({ text: IMPORT_TEXT.noFile, kind: "error" });
    expect(port.reads).toEqual([]);
  });

  it("reads the file in the pane, then fills 热线数据 from the data for the period", async () => {
    const { controller, view, imports, files, port } = setup();
    await controller.importLedger({ kind: "file", file: file([HEADER, ...ROWS]) }, { ...YEAR, kind: "quarter", quarter: "1" });
    expect(files).toEqual(["工单.csv"]);
    expect(imports).toEqual([{ source: "data", period: "2021Q1", remembered: {}, sourceName: "工单.csv" }]);
    expect(hotlineCounts(port, "汉滨区政府")).toEqual([2, 2, 1, 0, 1, 2, 1]);
    expect(view.summaries.at(-1)).toMatchObject({ period: "2021年第一季度", source: "文件“工单.csv”", rowsRead: 5 });
    // A file's problems point at their lines in 工单导入校验.
    const rows = view.problemLists.at(-1)!.problems.filter((p) => p.row !== undefined);
    expect(rows).toHaveLength(2);
    for (const p of rows) expect(p.where).toMatch(/^工单导入校验!A\d+$/);
    expect(Math.max(...view.fractions)).toBe(1);
    expect(view.progresses.at(-1)).toBeNull();
  });

  it("asks once for unknown headers; the answer is remembered in the workbook once the import succeeds", async () => {
    const header = ["编号X", "受理单位", ...HEADER.slice(2), "备注"];
    const picked = file([header, ...ROWS.map((r) => [...r, ""])]);
    const { controller, view, imports, port, files } = setup();
    await controller.importLedger({ kind: "file", file: picked }, YEAR);
    const form = view.mappings.at(-1);
    expect(form?.fields.map((f) => f.column)).toEqual(["工单编号", "承办单位"]);
    expect(form?.fields[0].options).toEqual(["编号X", "受理单位", "备注"]);
    expect(form?.text).toContain("工单编号、承办单位");
    expect(view.lastStatus).toEqual({ text: IMPORT_TEXT.needsMapping, kind: "info" });
    expect(view.progresses.at(-1)).toBeNull();
    expect(imports).toEqual([]);
    expect(port.plans).toEqual([]);

    // Incomplete or contradictory answers are refused in the form; nothing is written.
    await controller.submitMapping({ 工单编号: "编号X" });
    expect(view.mappingErrors.at(-1)).toBe(IMPORT_TEXT.mappingIncomplete("承办单位"));
    await controller.submitMapping({ 工单编号: "编号X", 承办单位: "编号X" });
    expect(view.mappingErrors.at(-1)).toBe(IMPORT_TEXT.mappingDuplicate("编号X"));
    expect(port.plans).toEqual([]);

    await controller.submitMapping({ 工单编号: "编号X", 承办单位: "受理单位" });
    expect(view.mappingErrors.at(-1)).toBeNull();
    expect(view.mappings.at(-1)).toBeNull();
    expect(files).toEqual(["工单.csv", "工单.csv"]);
    expect(imports).toEqual([{ source: "data", period: "2021", remembered: { 编号X: "工单编号", 受理单位: "承办单位" }, sourceName: "工单.csv" }]);
    expect(await remembered(port)).toEqual({ 编号X: "工单编号", 受理单位: "承办单位" });
    expect(view.summaries.at(-1)).toMatchObject({ rowsRead: 5, rowsCounted: 3 });
    expect(view.lastStatus.text).toMatch(/^导入完成/);

    // Next time: read from the workbook, no question.
    const asked = view.mappings.filter((m) => m !== null).length;
    await controller.importLedger({ kind: "file", file: picked }, YEAR);
    expect(view.mappings.filter((m) => m !== null)).toHaveLength(asked);
    expect(imports.at(-1)?.remembered).toEqual({});
    expect(view.lastStatus.text).toMatch(/^导入完成/);
  });

  it("keeps earlier answers when remembering new ones; a cancelled question writes nothing", async () => {
    const stored: CellValue[][] = [["表头", "对应列"], ["旧表头", "回访结果"]];
    const picked = () => file([["编号X", ...HEADER.slice(1)], ...ROWS]);
    const { controller, view, port } = setup({ [MAPPING_SHEET]: stored });
    await controller.importLedger({ kind: "file", file: picked() }, YEAR);
    controller.cancelMapping();
    expect(view.lastStatus.text).toBe(IMPORT_TEXT.mappingCancelled);
    expect(view.mappings.at(-1)).toBeNull();
    await controller.submitMapping({ 工单编号: "编号X" }); // nothing is asked any more
    expect(port.plans).toEqual([]);

    await controller.importLedger({ kind: "file", file: picked() }, YEAR);
    await controller.submitMapping({ 工单编号: "编号X" });
    expect(await remembered(port)).toEqual({ 旧表头: "回访结果", 编号X: "工单编号" });
  });

  it("says so when a missing column has nothing to map it to", async () => {
    const { controller, view } = setup();
    await controller.importLedger({ kind: "file", file: file([HEADER.slice(0, 7), ...ROWS.map((r) => r.slice(0, 7))]) }, YEAR);
    expect(view.mappings.filter((m) => m !== null)).toEqual([]);
    expect(view.lastStatus).toEqual({ text: IMPORT_TEXT.mappingImpossible(["回访结果"]), kind: "error" });
  });

  it("shows a reader's Chinese error", async () => {
    const { controller, view } = setup();
    const ole = Object.assign(new Blob([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0])]), { name: "旧.xls" }) as unknown as PickedFile;
    await controller.importLedger({ kind: "file", file: ole }, YEAR);
    expect(view.lastStatus.kind).toBe("error");
    expect(view.lastStatus.text).toContain("“旧.xls”是旧版 Excel 97-2003 工作簿（.xls）");
    expect(view.busyStates).toEqual([true, false]);
    expect(view.progresses.at(-1)).toBeNull();
  });
});

describe("ImportController: a file that can no longer be read", () => {
  it("says so in Chinese", async () => {
    const view = new RecordingImportView();
    const gone = Object.assign(new Error("The requested file could not be read"), { name: "NotReadableError" });
    const controller = new ImportController({
      port: new MemoryPort(), view, ledger: LEDGER_API, readFile: async () => { throw gone; }, selectCell: async () => undefined,
    });
    await controller.importLedger({ kind: "file", file: file([HEADER], "工单.xlsx") }, YEAR);
    expect(view.lastStatus).toEqual({ text: `导入工单失败：${IMPORT_TEXT.fileUnreadable("工单.xlsx")}`, kind: "error" });
  });
});

describe("ImportController: drill-down and one action at a time", () => {
  it("needs an import first, then writes 工单核查 for the imported period and selects it", async () => {
    const { controller, view, drills, selected, port } = setup({ [LEDGER_SHEET]: [HEADER, ...ROWS] });
    await controller.writeDrillDown("汉滨区政府");
    expect(view.lastStatus).toEqual({ text: IMPORT_TEXT.noData, kind: "error" });
    await controller.importLedger({ kind: "sheet" }, { ...YEAR, kind: "month", month: "3" });
    await controller.writeDrillDown("");
    expect(view.lastStatus.text).toBe(IMPORT_TEXT.noUnit);
    await controller.writeDrillDown("汉滨区");
    expect(drills).toEqual([{ unit: "汉滨区", period: "2021-03" }]);
    expect(selected).toEqual(["工单核查!A1"]);
    expect(view.lastStatus.kind).toBe("ok");
    expect(view.lastStatus.text).toMatch(/^已生成“工单核查”：汉滨区政府2021年3月，超期（应办结未按期办结）1件，退单0件，申请延期1件，回访不满意1件。$/);
    expect(JSON.stringify(port.sheets.get("工单核查"))).toContain("A2");
  });

  it("shows why a drill-down failed", async () => {
    const { controller, view } = setup({ [LEDGER_SHEET]: [HEADER, ...ROWS] });
    await controller.importLedger({ kind: "sheet" }, YEAR);
    await controller.writeDrillDown("某某公司");
    expect(view.lastStatus).toEqual({ text: "生成核查表失败：“某某公司”不是12345热线承办单位，无法列出其工单", kind: "error" });
  });

  it("refuses to start while another action holds the shared lock", async () => {
    const { controller, view, lock, port } = setup({ [LEDGER_SHEET]: [HEADER, ...ROWS] });
    expect(lock.acquire({ other: "全部计算" })).toBe(true);
    await controller.importLedger({ kind: "sheet" }, YEAR);
    expect(view.lastStatus.text).toBe(IMPORT_TEXT.busy);
    expect(port.reads).toEqual([]);
    lock.release();
    const heard: boolean[] = [];
    lock.subscribe((busy) => heard.push(busy));
    await controller.importLedger({ kind: "sheet" }, YEAR);
    expect(heard).toEqual([true, false]);
    expect(controller.isBusy).toBe(false);
  });
});

describe("problemViews", () => {
  it("puts the fill's problems first, then the rows, cut at the limit", () => {
    const problem = (row: number) => ({ code: "badDate" as const, row, column: "派单时间" as LedgerColumn, header: "派单时间", columnIndex: 2, value: "x", message: `坏${row}` });
    const finding = (row: number) => ({ severity: "error" as const, code: "ledgerRow" as const, message: `m${row}`, sheet: "工单明细", cell: `C${row}` });
    const other = { severity: "warning" as const, code: "ledgerUnitNotAssessed" as const, message: "某单位不在承办单位表中", sheet: "承办单位" };
    const views = problemViews([problem(2), problem(3), problem(4)], [finding(2), finding(3), finding(4), other], 3);
    expect(views).toEqual([
      { severity: "warning", message: "某单位不在承办单位表中", where: undefined },
      { severity: "error", row: 2, header: "派单时间", message: "坏2", where: "工单明细!C2" },
      { severity: "error", row: 3, header: "派单时间", message: "坏3", where: "工单明细!C3" },
    ]);
    // 说明 (typed values replaced with consent) come after the rows: records, not problems.
    const replaced = { severity: "info" as const, code: "ledgerReplacedTyped" as const, message: "汉滨区政府的退单数：原值10已替换", sheet: "热线数据", cell: "E5" };
    expect(problemViews([problem(2)], [replaced, finding(2), other], 10).map((v) => v.severity)).toEqual(["warning", "error", "info"]);
    // Findings that do not line up with the problems: rows without a cell rather than wrong cells.
    expect(problemViews([problem(2)], [], 10)).toEqual([{ severity: "error", row: 2, header: "派单时间", message: "坏2", where: undefined }]);
  });
});
