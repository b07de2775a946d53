// 导入工单 into a workbook whose 热线数据 was edited by hand (spec I): the pane asks before replacing a value
// no import wrote, cancelling changes nothing, and 替换并导入 replaces and lists each value as 说明. Run with
// the real controller and Office.js adapter against the strict Office.js fake (test/e2e/fake-office.js).
import { generatedRows } from "../../workbook/ledger/helpers";
import { aggregateLedger, arrayRows, parsePeriod, type LedgerCell, type LedgerData } from "../../../src/ledger";
import { ImportController } from "../../../src/taskpane/import/controller";
import { LEDGER_API } from "../../../src/taskpane/import/ledger-api";
import { LEDGER_SHEET, type PeriodInput, type PickedFile } from "../../../src/taskpane/import/types";
import { LABEL, SHEET } from "../../../src/workbook/contract";
import { IMPORT_PARAM, LEDGER_SHEET as LEDGER_SHEETS } from "../../../src/workbook/ledger";
import { OfficeWorkbookPort } from "../../../src/workbook/adapters/office";
import type { CellValue } from "../../../src/workbook/port";
import { RecordingImportView } from "../shared/fakes";
import { ruleSet } from "../../../src/engine";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const fakeOffice = require("../../e2e/fake-office.js") as {
  create(seed?: unknown): {
    Excel: { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T> };
    workbook: { read(name: string): CellValue[][] | undefined; sheetNames(): string[]; stats(): { violations: string[]; conversions: string[] } };
  };
};

const YEAR: PeriodInput = { kind: "year", year: "2021", quarter: "1", month: "1" };
const UNIT = "汉滨区政府";

/** A pane over a workbook whose 工单明细 sheet holds `rows` (and `more` sheets); a picked file reads as `fileRows`. */
function setup(rows: LedgerCell[][], fileRows = rows, more: { name: string; rows: CellValue[][] }[] = []) {
  const fake = fakeOffice.create({ sheets: [{ name: LEDGER_SHEET, rows }, ...more] });
  const port = new OfficeWorkbookPort((batch) => fake.Excel.run(batch));
  const view = new RecordingImportView();
  const selected: string[] = [];
  const controller = new ImportController({
    port, view, ledger: LEDGER_API,
    readFile: async (_file, options) => aggregateLedger(arrayRows(fileRows), options),
    selectCell: async (sheet, cell) => { selected.push(`${sheet}!${cell}`); },
  });
  return { wb: fake.workbook, port, view, controller, selected };
}

/** Every sheet's values, to tell that nothing changed. */
const everything = (wb: ReturnType<typeof setup>["wb"]) => new Map(wb.sheetNames().map((n) => [n, JSON.stringify(wb.read(n))]));

/** Types `value` into `unit`'s `label` cell of 热线数据; its address. */
async function typeInto(setupOf: ReturnType<typeof setup>, unit: string, label: string, value: CellValue): Promise<string> {
  const hotline = setupOf.wb.read(SHEET.hotline)!;
  const header = hotline.findIndex((r) => r.includes(LABEL.name) && r.includes(LABEL.total));
  const row = hotline.findIndex((r, i) => i > header && r[hotline[header].indexOf(LABEL.name)] === unit);
  const col = hotline[header].indexOf(label);
  await setupOf.port.apply([{ kind: "values", sheet: SHEET.hotline, row, col, values: [[value]] }]);
  return `${SHEET.hotline}!${String.fromCharCode(65 + col)}${row + 1}`;
}

const hotlineValue = (wb: ReturnType<typeof setup>["wb"], unit: string, label: string) => {
  const hotline = wb.read(SHEET.hotline)!;
  const header = hotline.findIndex((r) => r.includes(LABEL.name) && r.includes(LABEL.total));
  return hotline.find((r, i) => i > header && r[hotline[header].indexOf(LABEL.name)] === unit)?.[hotline[header].indexOf(label)];
};

describe("the task pane asks before an import replaces values typed into 热线数据", () => {
  const rows = generatedRows({ rows: 3000, seed: 61 });
  let data: LedgerData;
  beforeAll(async () => {
    const read = await aggregateLedger(arrayRows(rows), { rules: ruleSet(2021) });
    if (read.status !== "ok") throw new Error("ledger not ok");
    data = read.data;
  });
  const count = (label: string) => (data.counts(parsePeriod("2021")).find((c) => c.单位名称 === UNIT) as unknown as Record<string, number>)[label];

  it("from the 工单明细 sheet: asks with every cell, 取消 changes nothing, 替换并导入 replaces and lists 说明", async () => {
    const pane = setup(rows);
    const { wb, view, controller } = pane;
    await controller.importLedger({ kind: "sheet" }, YEAR);
    expect(view.lastStatus.text).toMatch(/^导入完成/u);
    expect(view.typedForms).toEqual([]);
    expect(wb.sheetNames()).toContain(LEDGER_SHEETS.record);
    const returned = await typeInto(pane, UNIT, LABEL.returned, 10);
    const satisfied = await typeInto(pane, UNIT, LABEL.satisfied, 450);
    const before = everything(wb);

    await controller.importLedger({ kind: "sheet" }, YEAR);
    const form = view.typedForms.at(-1)!;
    expect(form.text).toContain("“热线数据”中有2个数字不是上次导入写入的");
    expect(form.text).toContain("请登记在“工单研判”表");
    expect(form.cells).toEqual([
      { where: returned, unit: UNIT, label: LABEL.returned, change: `手工值 10 → 导入值 ${count(LABEL.returned)}` },
      { where: satisfied, unit: UNIT, label: LABEL.satisfied, change: `手工值 450 → 导入值 ${count(LABEL.satisfied)}` },
    ].sort((a, b) => a.where.localeCompare(b.where)));
    expect(view.lastStatus).toEqual({ text: "导入会替换“热线数据”中手工填写的数字：请在下方确认或取消。", kind: "info" });
    expect(everything(wb)).toEqual(before);
    await controller.selectTyped(0);
    expect(pane.selected).toEqual([form.cells[0].where]);

    controller.cancelTyped();
    expect(view.typedForms.at(-1)).toBeNull();
    expect(view.lastStatus.text).toBe("已取消导入：“热线数据”中手工填写的数字保持不变，工作簿未改动。");
    expect(everything(wb)).toEqual(before);
    await controller.confirmTyped(); // nothing asked any more: nothing happens
    expect(everything(wb)).toEqual(before);

    await controller.importLedger({ kind: "sheet" }, YEAR);
    await controller.confirmTyped();
    expect(view.typedForms.at(-1)).toBeNull();
    expect(view.lastStatus.text).toMatch(/^导入完成/u);
    expect(hotlineValue(wb, UNIT, LABEL.returned)).toBe(count(LABEL.returned));
    expect(hotlineValue(wb, UNIT, LABEL.satisfied)).toBe(count(LABEL.satisfied));
    const listed = view.problemLists.at(-1)!.problems.filter((p) => p.severity === "info");
    expect(listed.map((p) => p.where)).toEqual(form.cells.map((c) => c.where));
    expect(wb.read(LEDGER_SHEETS.problems)!.flat()).toEqual(expect.arrayContaining(["级别", "说明", returned, 10, count(LABEL.returned)]));
    expect(wb.stats().violations).toEqual([]);
  }, 120_000);

  it("from a file: consent keeps the file's name; a value typed after the question is asked about again", async () => {
    const pane = setup([["空"]], rows);
    const { wb, view, controller } = pane;
    const file = { name: "三月工单.csv" } as PickedFile;
    await controller.importLedger({ kind: "file", file }, YEAR);
    expect(view.lastStatus.text).toMatch(/^导入完成/u);
    const first = await typeInto(pane, UNIT, LABEL.returned, 10);
    await controller.importLedger({ kind: "file", file }, YEAR);
    expect(view.typedForms.at(-1)?.cells.map((c) => c.where)).toEqual([first]);
    const later = await typeInto(pane, UNIT, LABEL.total, 1);
    await controller.confirmTyped();
    expect(view.typedForms.at(-1)?.cells.map((c) => c.where).sort()).toEqual([first, later].sort());
    expect(hotlineValue(wb, UNIT, LABEL.returned)).toBe(10);
    await controller.confirmTyped();
    expect(view.lastStatus.text).toMatch(/^导入完成/u);
    expect(hotlineValue(wb, UNIT, LABEL.total)).toBe(count(LABEL.total));
    const params = wb.read(SHEET.params)!;
    expect(params.find((r) => r.includes(IMPORT_PARAM.source))).toContain("三月工单.csv");
  }, 120_000);

  it("from a file: 工单研判's decisions apply (the file reader gets the register)", async () => {
    const order = rows.slice(1).find((r) => r[1] === UNIT && r[7] === "不满意" && String(r[4]).startsWith("2021"))!;
    const register = [
      ["工单编号", "承办单位", "研判事项", "更正为", "结论", "提出日期", "决定日期", "理由", "依据", "经办人"],
      [String(order[0]), UNIT, "不满意不计", null, "成立", 44531, 44540, "诉求超出办理范围", null, "张三"],
    ];
    const pane = setup([["空"]], rows, [{ name: SHEET.judgment, rows: register }]);
    await pane.controller.importLedger({ kind: "file", file: { name: "工单.csv" } as PickedFile }, YEAR);
    expect(pane.view.lastStatus.text).toMatch(/^导入完成/u);
    expect(hotlineValue(pane.wb, UNIT, LABEL.validCallbacks)).toBe(count(LABEL.validCallbacks) - 1);
    expect(hotlineValue(pane.wb, UNIT, LABEL.satisfied)).toBe(count(LABEL.satisfied));
  }, 120_000);
});
