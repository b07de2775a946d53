import ExcelJS from "exceljs";
import { REGISTRY_2021, applies, ruleSet } from "../../src/engine";
import { ITEM_LABELS, LABEL, RESULT_LABEL, SHEET, SHEETS, sheetSpec } from "../../src/workbook/contract";
import { strFromU8, unzipSync } from "fflate";
import { parseAddress } from "../../src/workbook/address";
import { ExcelJsWorkbookPort, xlsxBuffer } from "../../src/workbook/exceljs-adapter";
import { findHeader } from "../../src/workbook/tables";
import { templateAll, templateChanges, templatePlan } from "../../src/workbook/template";
import { computeAll } from "../../src/workbook/compute";
import { fixture } from "./fixtures";
import { everything, roundTrip, sheetTable, workbookOf } from "./helpers";

async function blankTemplate(): Promise<ExcelJsWorkbookPort> {
  const port = new ExcelJsWorkbookPort(new ExcelJS.Workbook());
  await templateAll(port);
  return roundTrip(port);
}

describe("创建模板 on an empty workbook, saved and read back", () => {
  let port: ExcelJsWorkbookPort;
  beforeAll(async () => {
    port = await blankTemplate();
  });

  it("has every contract sheet with its header labels below a title row", async () => {
    const snapshots = await port.read(SHEETS.map((s) => s.name));
    for (const spec of SHEETS) {
      const snap = snapshots.get(spec.name);
      expect(snap).toBeDefined();
      const header = findHeader(snap!, spec);
      expect([spec.name, header?.row, header?.missing]).toEqual([spec.name, 1, []]);
      expect(typeof snap!.values[0][0]).toBe("string");
    }
    expect(snapshots.get(SHEET.result)?.values[0][0]).toBe("2021年度12345热线工单办理情况减分指标考核表");
    expect(snapshots.get(SHEET.result)?.values[1]).toEqual(Object.values(RESULT_LABEL));
  });

  it("pre-fills 承办单位 with the 77 units in registry order and their types, and 热线数据 with their names", async () => {
    const units = await sheetTable(port, SHEET.units);
    expect(units.map((u) => [u[LABEL.name], u[LABEL.type]])).toEqual(REGISTRY_2021.hotlineUnits().map((o) => [o.name, o.type]));
    const hotline = await sheetTable(port, SHEET.hotline);
    expect(hotline.map((u) => u[LABEL.name])).toEqual(REGISTRY_2021.hotlineUnits().map((o) => o.name));
    expect(hotline.every((u) => u[LABEL.total] === null)).toBe(true);
  });

  it("pre-fills 便民化考核 with the 37 departments, 不涉及 exactly where an item does not apply", async () => {
    const rows = await sheetTable(port, SHEET.approval);
    const rules = ruleSet();
    expect(rows.map((r) => r[LABEL.name])).toEqual(REGISTRY_2021.approvalDepartments().map((o) => o.approvalName));
    for (const [i, org] of REGISTRY_2021.approvalDepartments().entries()) {
      const expected = rules.approval.items.map((item) => (applies(rules.approval, REGISTRY_2021, org, item.no) ? null : "不涉及"));
      expect([org.approvalName, ITEM_LABELS.map((l) => rows[i][l])]).toEqual([org.approvalName, expected]);
    }
  });

  it("holds the parameters 考核年度 2021 and 考核月数 12", async () => {
    const rows = await sheetTable(port, SHEET.params);
    expect(rows.map((r) => [r[LABEL.param], r[LABEL.value]])).toEqual([["考核年度", 2021], ["考核月数", 12]]);
  });

  it("carries validation lists, frozen headers, percent and date formats, widths that fit Chinese text", () => {
    const ws = (name: string) => port.workbook.getWorksheet(name) as ExcelJS.Worksheet;
    expect(ws(SHEET.deductions).getCell("C3").dataValidation).toMatchObject({ type: "list", formulae: [expect.stringContaining("未第一时间联系诉求人")] });
    expect(ws(SHEET.bonuses).getCell("C100").dataValidation).toMatchObject({ type: "list", formulae: [expect.stringContaining("群众锦旗")] });
    expect(ws(SHEET.approval).getCell("B3").dataValidation).toMatchObject({ formulae: ['"完成,未完成,不涉及"'] });
    expect(ws(SHEET.units).getCell("B3").dataValidation).toMatchObject({ formulae: ['"县区,市直,其他"'] });
    expect(ws(SHEET.approval).views[0]).toMatchObject({ state: "frozen", ySplit: 2, xSplit: 1 });
    expect(ws(SHEET.approval).getCell("H3").numFmt).toBe("0.00%");
    expect(ws(SHEET.approval).getCell("P3").numFmt).toBe("yyyy-mm-dd");
    expect(ws(SHEET.deductions).getCell("A3").numFmt).toBe("yyyy-mm-dd");
    // "安康市恒口示范区（试验区）管理委员会" is 36 Latin widths.
    expect(ws(SHEET.units).getColumn(1).width).toBeGreaterThanOrEqual(36);
    expect(ws(SHEET.units).getCell("A1").isMerged).toBe(true);
  });

  it("keeps the validation ranges apart when read and written again (no cell under two validations)", async () => {
    const again = await roundTrip(await roundTrip(port));
    const files = unzipSync(new Uint8Array(await xlsxBuffer(again.workbook)));
    const sheets = Object.keys(files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    expect(sheets.length).toBeGreaterThan(0);
    for (const file of sheets) {
      const xml = strFromU8(files[file]);
      const covered = new Set<string>();
      for (const m of xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)) {
        for (const ref of m[1].split(" ")) {
          const [a, b = a] = ref.split(":").map((x) => parseAddress(x) as { row: number; col: number });
          for (let r = a.row; r <= b.row; r++) for (let c = a.col; c <= b.col; c++) {
            expect([file, r, c, covered.has(`${r},${c}`)]).toEqual([file, r, c, false]);
            covered.add(`${r},${c}`);
          }
        }
      }
    }
    expect(again.workbook.getWorksheet(SHEET.approval)?.getCell("G39").dataValidation).toMatchObject({ type: "list" });
  });

  it("a second 创建模板 changes nothing", async () => {
    expect(templatePlan(await port.read(SHEETS.map((s) => s.name)))).toEqual([]);
  });

  it("a blank template computes to nothing scored yet (never 77 units at 100); every department asked to check its blank statuses", async () => {
    const out = await computeAll(port);
    // Spec E: missing data is never a perfect score. One 校验 row says 热线数据 is not filled in yet.
    expect(out.summary.unitsScored).toBe(0);
    expect(out.results.units.map((u) => u.explanation)).toEqual(Array(77).fill("缺少数据，未计分：热线数据尚未填写"));
    const hotline = out.problems.filter((p) => p.sheet !== SHEET.approval);
    expect(hotline).toEqual([expect.objectContaining({ severity: "error", code: "missingData", sheet: SHEET.hotline })]);
    // Spec D: a blank status reads as 不涉及, so nothing is deducted, but each applicable blank is flagged.
    expect(out.summary.departmentsJudged).toBe(37);
    expect(out.summary.departmentsVetoed).toBe(0);
    const approval = out.problems.filter((p) => p.sheet === SHEET.approval);
    expect(approval.length).toBeGreaterThanOrEqual(37);
    expect(approval.every((p) => p.severity === "warning")).toBe(true);
  });
});

describe("创建/补全模板 on a workbook holding data", () => {
  it("changes no cell that was there; adds only missing sheets and missing columns", async () => {
    const port = fixture();
    // A sheet the user added, a sheet with data but no recognisable header, and a sheet with a missing column.
    port.workbook.addWorksheet("我的备注").getCell("A1").value = "不要动";
    port.workbook.addWorksheet(SHEET.checks).getCell("C7").value = "旧数据";
    const before = await everything(port);
    const changes = templateChanges(await port.read(SHEETS.map((s) => s.name)));
    expect(changes.createdSheets).toEqual([SHEET.result, SHEET.params]);
    expect(changes.untouched).toEqual([SHEET.checks]);
    expect(changes.addedColumns).toEqual([{ sheet: SHEET.approval, labels: [LABEL.deduction, LABEL.explanation] }]);
    await port.apply(changes.plan);
    const after = await everything(port);
    for (const [name, snap] of before) {
      snap.values.forEach((row, r) => row.forEach((v, c) => {
        if (v !== null) expect([name, r, c, after.get(name)?.values[r][c]]).toEqual([name, r, c, v]);
      }));
    }
    const approval = after.get(SHEET.approval);
    expect(approval?.values[1].slice(-2)).toEqual([LABEL.deduction, LABEL.explanation]);
    expect(approval?.values[1].length).toBe(sheetSpec(SHEET.approval).columns.length);
  });

  it("an existing empty sheet is filled like a new one", async () => {
    const port = workbookOf({ [SHEET.units]: [] });
    port.workbook.addWorksheet(SHEET.params);
    const changes = templateChanges(await port.read(SHEETS.map((s) => s.name)));
    expect(changes.plan.filter((op) => op.kind === "addSheet").map((op) => op.kind === "addSheet" && op.sheet))
      .not.toContain(SHEET.units);
    await port.apply(changes.plan);
    expect((await sheetTable(port, SHEET.units))).toHaveLength(77);
  });

  it("a header row whose label has extra spaces counts as present", async () => {
    const port = workbookOf({ [SHEET.units]: [["名单"], [" 单位名称 ", "单位类别　"], ["汉滨区", "县区"]] });
    const changes = templateChanges(await port.read([SHEET.units]));
    expect(changes.addedColumns).toEqual([]);
  });
});
