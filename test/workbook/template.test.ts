import ExcelJS from "exceljs";
import { REGISTRY_2021, applies, ruleSet } from "../../src/engine";
import { LABEL, RESULT_LABEL, SEQ_LABEL, SHEET, SHEETS, sheetSpec } from "../../src/workbook/contract";
import { strFromU8, unzipSync } from "fflate";
import { parseAddress } from "../../src/workbook/address";
import { ExcelJsWorkbookPort, xlsxBuffer } from "../../src/workbook/adapters/exceljs";
import { findHeader } from "../../src/workbook/tables";
import { TEMPLATE_READS, templateAll, templateChanges, templatePlan } from "../../src/workbook/template";
import { computeAll } from "../../src/workbook/compute";
import { fixture } from "./fixtures";
import { everything, ITEM_LABELS, roundTrip, sheetTable, workbookOf } from "./helpers";

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
      // 便民化考核 and 研判汇总 have a row naming their column groups (事项1—6, the parts of 事项6; the 研判事项)
      // between title and header.
      const banded: string[] = [SHEET.approval, SHEET.judgmentSummary];
      expect([spec.name, header?.row, header?.missing]).toEqual([spec.name, banded.includes(spec.name) ? 2 : 1, []]);
      expect(typeof snap!.values[0][0]).toBe("string");
    }
    expect(snapshots.get(SHEET.result)?.values[0][0]).toBe("2021年度12345热线工单办理情况减分指标考核表");
    expect(snapshots.get(SHEET.result)?.values[1]).toEqual([SEQ_LABEL, ...Object.values(RESULT_LABEL)]);
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

  it("holds the 参数 rows of spec G with their 2021 values (sections A and B), each explained", async () => {
    const rows = await sheetTable(port, SHEET.params);
    expect(rows.map((r) => [r[LABEL.param], r[LABEL.value]])).toEqual([
      ["办法名称", "2021年度考核办法（安行审函〔2021〕73号）"], ["考核年度", 2021], ["考核月数", 12], ["总分", 100],
      ["一票否决扣分", 0.5], ["印证资料截止日期", "2021-12-31"], ["基本满意计为满意", "是"], ["比率保留小数位", null],
      ["加分上限", null], ["减时间比例不低于", "70%"], ["最多跑一次占比不低于", "95%"], ["即办事项占比不低于", "50%"],
      ["网上可办率不低于", "95%"], ["全程网办率不低于", "70%"], ["申诉期限（天）", null],
      // spec J: the documents' rows, with their defaults (通报日期 blank = the day the 通报 is written)
      ["通报标题", "安康市12345政务服务便民热线工单办理情况通报（{年}年第{月}期）"], ["红榜人数", 5], ["黑榜人数", 3],
      ["黑榜范围", "分类"], ["发文单位", "安康市行政审批服务局"], ["通报日期", null], ["主送机关", "市考核办"],
    ]);
    expect(rows.every((r) => typeof r[LABEL.note] === "string" && r[LABEL.note] !== "")).toBe(true);
  });

  it("writes 工单研判 with drop-downs for 研判事项 and 结论 accepting every word the import accepts (spec I)", () => {
    const sheet = port.workbook.getWorksheet(SHEET.judgment) as ExcelJS.Worksheet;
    expect(sheet.getRow(2).values).toEqual([undefined, "工单编号", "承办单位", "研判事项", "更正为", "结论", "提出日期", "决定日期", "理由", "依据", "经办人"]);
    const list = (cell: string) => String(sheet.getCell(cell).dataValidation?.formulae?.[0] ?? "").replace(/^"|"$/g, "").split(",");
    expect(list("C3")).toEqual(["不合理诉求", "不满意不计", "回访更正", "退单合理", "延期合理", "超期免责", "派单错误", "重复工单", "不予考核",
      "不合理", "二次回访", "派单异议", "错派", "并单", "无效工单"]);
    expect(list("E500")).toEqual(["成立", "不成立", "待定"]);
    expect(sheet.getCell("F3").numFmt).toBe("yyyy-mm-dd");
    const summary = port.workbook.getWorksheet(SHEET.judgmentSummary) as ExcelJS.Worksheet;
    expect(summary.getRow(3).values).toEqual(expect.arrayContaining(["单位名称", "不合理诉求成立", "不予考核待定", "有误"]));
    // Each 研判事项 names its band; its header cells keep their labels and show 成立 / 不成立 / 待定.
    expect(summary.getCell("B2").value).toBe("不合理诉求");
    expect(["B3", "C3", "D3"].map((a) => [summary.getCell(a).value, summary.getCell(a).numFmt]))
      .toEqual([["不合理诉求成立", ';;;"成立"'], ["不合理诉求不成立", ';;;"不成立"'], ["不合理诉求待定", ';;;"待定"']]);
  });

  it("carries validation lists, frozen headers, percent and date formats, widths that fit Chinese text", () => {
    const ws = (name: string) => port.workbook.getWorksheet(name) as ExcelJS.Worksheet;
    expect(ws(SHEET.deductions).getCell("C3").dataValidation).toMatchObject({ type: "list", formulae: [expect.stringContaining("未第一时间联系诉求人")] });
    expect(ws(SHEET.bonuses).getCell("C100").dataValidation).toMatchObject({ type: "list", formulae: [expect.stringContaining("群众锦旗")] });
    expect(ws(SHEET.approval).getCell("B4").dataValidation).toMatchObject({ formulae: [expect.stringMatching(/^"完成,未完成,不涉及,/)] });
    expect(ws(SHEET.units).getCell("B3").dataValidation).toMatchObject({ formulae: ['"县区,市直,其他"'] });
    expect(ws(SHEET.approval).views[0]).toMatchObject({ state: "frozen", ySplit: 3, xSplit: 1 });
    expect(ws(SHEET.approval).getCell("H4").numFmt).toBe("0.00%");
    expect(ws(SHEET.approval).getCell("P4").numFmt).toBe("yyyy-mm-dd");
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
    expect(again.workbook.getWorksheet(SHEET.approval)?.getCell("G40").dataValidation).toMatchObject({ type: "list" });
  });

  it("a second 创建模板 changes nothing (it only sets the registers' 事项 lists again, which follow the method)", async () => {
    const plan = templatePlan(await port.read(TEMPLATE_READS));
    expect(plan.filter((op) => op.kind !== "listValidation")).toEqual([]);
    expect(plan.map((op) => op.kind === "listValidation" && op.range.sheet).sort()).toEqual([SHEET.bonuses, SHEET.deductions].sort());
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

describe("a template that explains itself", () => {
  let port: ExcelJsWorkbookPort;
  const ws = (name: string) => port.workbook.getWorksheet(name) as ExcelJS.Worksheet;
  beforeAll(async () => {
    port = await blankTemplate();
  });

  it("opens on 填写说明: the steps, every sheet's use and every input column's meaning", async () => {
    expect((await port.sheetNames())[0]).toBe(SHEET.guide);
    const text = (await port.read([SHEET.guide])).get(SHEET.guide)!.values.flat().filter((v) => typeof v === "string").join("\n");
    for (const step of ["创建/补全模板", "导入工单明细", "扣分登记", "全部计算", "定稿", "PDF"]) expect(text).toContain(step);
    for (const spec of SHEETS) expect(text).toContain(spec.name);
    expect(text).toContain("事项6的分项");
  });

  it("has a note on every input header cell: meaning, source, example", async () => {
    const snapshots = await port.read(SHEETS.map((s) => s.name));
    for (const spec of SHEETS.filter((s) => s.role !== "result")) {
      const header = findHeader(snapshots.get(spec.name)!, spec)!;
      for (const column of spec.columns.filter((c) => !c.result)) {
        const note = ws(spec.name).getCell(header.row + 1, (header.columns.get(column.label) as number) + 1).note;
        const text = typeof note === "string" ? note : note?.texts?.map((t) => t.text).join("") ?? "";
        expect([spec.name, column.label, /来源：.+\n示例：/.test(text)]).toEqual([spec.name, column.label, true]);
      }
    }
    // Figures come from the rules: the points of a case, the target of an item-6 part.
    const notes = (sheet: string, cell: string) => String(ws(sheet).getCell(cell).note);
    expect(notes(SHEET.deductions, "C2")).toContain("反馈内容与实际不符（扣10分/件）");
    expect(notes(SHEET.approval, "H3")).toContain("不低于70%");
  });

  it("labels 事项1—6 and the parts of 事项6 in a row above the header", () => {
    expect(ws(SHEET.approval).getCell("B2").value).toContain("事项1—6");
    expect(ws(SHEET.approval).getCell("H2").value).toContain("事项6的分项");
    expect(ws(SHEET.approval).getCell("O2").isMerged).toBe(true);
  });

  it("sizes columns to their content, CJK counted double", () => {
    // "国网安康供电公司" is 16 Latin widths; a 说明 column has room to write in.
    expect(ws(SHEET.approval).getColumn(1).width).toBeGreaterThanOrEqual(16);
    expect(ws(SHEET.deductions).getColumn(2).width).toBeGreaterThanOrEqual(36);
    expect(ws(SHEET.deductions).getColumn(5).width).toBeGreaterThanOrEqual(30);
  });

  it("prints every sheet on A4, one page wide, title and header repeated, page numbers in the footer", () => {
    for (const name of [SHEET.guide, ...SHEETS.map((s) => s.name)]) {
      const sheet = ws(name);
      expect([name, sheet.pageSetup.paperSize, sheet.pageSetup.fitToPage, sheet.pageSetup.fitToWidth, sheet.pageSetup.fitToHeight])
        .toEqual([name, 9, true, 1, 0]);
      expect([name, sheet.pageSetup.printTitlesRow]).toEqual([name, expect.stringMatching(/^\d+:\d+$/)]);
      expect(sheet.headerFooter.oddFooter).toBe("&C第 &P 页 共 &N 页");
    }
    expect(ws(SHEET.approval).pageSetup).toMatchObject({ orientation: "landscape", printTitlesRow: "1:3" });
  });
});

describe("drop-down lists and the sample", () => {
  it("refuse no value the sample itself holds", async () => {
    const { SAMPLE_PATH } = await import("../../scripts/make-sample");
    const sample = await ExcelJsWorkbookPort.fromFile(SAMPLE_PATH);
    let checked = 0;
    for (const spec of SHEETS) {
      const sheet = sample.workbook.getWorksheet(spec.name);
      sheet?.eachRow((row) => row.eachCell((cell) => {
        const dv = cell.dataValidation;
        if (dv?.type !== "list" || cell.value === null || cell.value === undefined) return;
        const list = String(dv.formulae?.[0] ?? "").replace(/^"|"$/g, "").split(",");
        checked++;
        expect([spec.name, cell.address, list.includes(String(cell.value))]).toEqual([spec.name, cell.address, true]);
      }));
    }
    expect(checked).toBeGreaterThan(200);
  });
});

describe("创建/补全模板 on a workbook holding data", () => {
  it("changes no cell that was there; adds only missing sheets and missing columns", async () => {
    const port = fixture();
    // A sheet the user added, a sheet with data but no recognisable header, and a sheet with a missing column.
    port.workbook.addWorksheet("我的备注").getCell("A1").value = "不要动";
    port.workbook.addWorksheet(SHEET.checks).getCell("C7").value = "旧数据";
    const before = await everything(port);
    const changes = templateChanges(await port.read(TEMPLATE_READS));
    expect(changes.createdSheets).toEqual([SHEET.guide, SHEET.result, SHEET.judgment, SHEET.judgmentSummary, SHEET.params, "考核办法", "便民化考核办法"]);
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

  it("a header row whose label has extra spaces counts as present (only the optional 别名 is added)", async () => {
    const port = workbookOf({ [SHEET.units]: [["名单"], [" 单位名称 ", "单位类别　"], ["汉滨区", "县区"]] });
    const changes = templateChanges(await port.read([SHEET.units]));
    expect(changes.addedColumns).toEqual([{ sheet: SHEET.units, labels: ["别名"] }]);
  });
});
