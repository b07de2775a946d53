import ExcelJS from "exceljs";
import { SHEET } from "../../src/workbook/contract";
import { ExcelJsWorkbookPort } from "../../src/workbook/adapters/exceljs";
import { addinFormula, callsAddin, finalizeAll, finalizePlan, readBackup, restoreAll, restorePlan } from "../../src/workbook/finalize";
import type { SheetSnapshot, WorkbookPort } from "../../src/workbook/port";
import { roundTrip } from "./helpers";

function withFormulas(): ExcelJsWorkbookPort {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("计算");
  ws.getCell("A1").value = { formula: "ASSESS.HOTLINE_SCORE(10,0,3,0,2)", result: 85 };
  ws.getCell("B1").value = { formula: "SUM(1,2)", result: 3 };
  ws.getCell("A2").value = { formula: "1+assess.VETO_SCORE(C2:H2)", result: 1.5 };
  ws.getCell("C2").value = "完成";
  ws.getCell("A3").value = { formula: "ASSESS.UNIT_TYPE(\"汉滨区\")", result: "县区" };
  wb.addWorksheet("另一表").getCell("D4").value = { formula: "ASSESS.APPROVAL_APPLIES(\"市发改委\",1)", result: true };
  return new ExcelJsWorkbookPort(wb);
}

async function cells(port: ExcelJsWorkbookPort, sheet: string) {
  const s = (await port.read([sheet], { formulas: true })).get(sheet);
  return { values: s?.values, formulas: s?.formulas };
}

describe("定稿 (finalize)", () => {
  it("recognises calls of the add-in's functions only", () => {
    expect(callsAddin("=ASSESS.VETO_SCORE(A1:F1)")).toBe(true);
    expect(callsAddin("=1+assess.unit_type(A1)")).toBe(true);
    expect(callsAddin("=SUM(A1:A3)")).toBe(false);
    expect(callsAddin("=MYASSESS.X(1)")).toBe(false);
  });

  it("recognises the _xldudf_ form Excel stores when the add-in was not loaded, and records the real name", () => {
    // office-js #3558, #3872, #2568: _xldudf_NAMESPACE_NAME, sometimes behind a reference to another file.
    for (const stored of ["=_xldudf_ASSESS_VETO_SCORE(C2:H2)", "=1+[2]!_xldudf_ASSESS_VETO_SCORE(C2:H2)", "=BloombergUI.xla!_xldudf_ASSESS_VETO_SCORE(C2:H2)", "=_XLDUDF_assess_VETO_SCORE(C2:H2)"]) {
      expect(callsAddin(stored)).toBe(true);
      expect(addinFormula(stored)).toMatch(/^=(1\+)?ASSESS\.VETO_SCORE\(C2:H2\)$/i);
    }
    expect(callsAddin("=_xldudf_OTHER_X(1)")).toBe(false);
    expect(callsAddin("=MY_xldudf_ASSESS_X(1)")).toBe(false);
    expect(addinFormula("=ASSESS.UNIT_TYPE(A1)")).toBe("=ASSESS.UNIT_TYPE(A1)");
  });

  it("never freezes an error or a missing result: the formula stays and is listed with what to do", () => {
    const snapshot: SheetSnapshot = {
      name: "计算",
      values: [[85, "#BUSY!", "#NAME?", "#VALUE!", null, 1.5, "#N/A"]],
      formulas: [[
        "=ASSESS.HOTLINE_SCORE(10,0,3,0,2)", "=ASSESS.VETO_SCORE(C2:H2)", "=_xldudf_ASSESS_UNIT_TYPE(A1)", "=ASSESS.UNIT_TYPE(\"?\")",
        "=ASSESS.UNIT_TYPE(A2)", "=_xldudf_ASSESS_VETO_SCORE(C3:H3)", "=IFERROR(ASSESS.UNIT_TYPE(A3),NA())",
      ]],
      uncalculated: [{ row: 0, col: 4 }],
    };
    const { plan, converted, kept } = finalizePlan(new Map([["计算", snapshot]]));
    expect(converted.map((r) => [r.cell, r.formula, r.value])).toEqual([
      ["A1", "=ASSESS.HOTLINE_SCORE(10,0,3,0,2)", 85],
      ["F1", "=ASSESS.VETO_SCORE(C3:H3)", 1.5],
    ]);
    expect(kept.map((k) => [k.cell, k.value])).toEqual([["B1", "#BUSY!"], ["C1", "#NAME?"], ["D1", "#VALUE!"], ["E1", null], ["G1", "#N/A"]]);
    expect(kept[0].reason).toContain("仍在计算");
    expect(kept[1].reason).toContain("未加载本加载项");
    expect(kept[2].reason).toContain("#VALUE!");
    expect(kept[3].reason).toContain("没有计算结果");
    for (const k of kept) expect(k.reason).toContain("公式保留");
    const written = plan.filter((op) => op.kind === "values" && op.sheet === "计算").map((op) => op.kind === "values" && op.col);
    expect(written).toEqual([0, 5]);
  });

  it("asks the port for a full calculation before reading", async () => {
    const port = withFormulas();
    const calls: string[] = [];
    const watched: WorkbookPort = {
      sheetNames: () => port.sheetNames(),
      read: (sheets, options) => (calls.push("read"), port.read(sheets, options)),
      apply: (plan) => (calls.push("apply"), port.apply(plan)),
      calculate: async () => void calls.push("calculate"),
    };
    await finalizeAll(watched);
    expect(calls).toEqual(["calculate", "read", "apply"]);
  });

  it("turns every ASSESS formula into its value and keeps what it replaced in a hidden sheet", async () => {
    const port = await roundTrip(withFormulas());
    const { converted } = await finalizeAll(port);
    expect(converted.map((r) => [r.sheet, r.cell, r.formula, r.value])).toEqual([
      ["计算", "A1", "=ASSESS.HOTLINE_SCORE(10,0,3,0,2)", 85],
      ["计算", "A2", "=1+assess.VETO_SCORE(C2:H2)", 1.5],
      ["计算", "A3", "=ASSESS.UNIT_TYPE(\"汉滨区\")", "县区"],
      ["另一表", "D4", "=ASSESS.APPROVAL_APPLIES(\"市发改委\",1)", true],
    ]);
    const saved = await roundTrip(port);
    const calc = await cells(saved, "计算");
    expect(calc.values).toEqual([[85, 3, null], [1.5, null, "完成"], ["县区", null, null]]);
    expect(calc.formulas?.[0]).toEqual([null, "=SUM(1,2)", null]);
    expect(saved.workbook.getWorksheet(SHEET.formulaBackup)?.state).toBe("hidden");
    expect(readBackup(await saved.read([SHEET.formulaBackup]))).toHaveLength(4);
  });

  it("恢复公式 puts the formulas back and removes the record", async () => {
    const port = await roundTrip(withFormulas());
    await finalizeAll(port);
    const saved = await roundTrip(port);
    const { restored, skipped } = await restoreAll(saved);
    expect([restored.length, skipped]).toEqual([4, []]);
    const again = await roundTrip(saved);
    expect(await again.sheetNames()).toEqual(["计算", "另一表"]);
    expect((await cells(again, "计算")).formulas?.map((r) => r[0])).toEqual([
      "=ASSESS.HOTLINE_SCORE(10,0,3,0,2)", "=1+assess.VETO_SCORE(C2:H2)", "=ASSESS.UNIT_TYPE(\"汉滨区\")",
    ]);
    expect((await cells(again, "另一表")).formulas?.[3][3]).toBe("=ASSESS.APPROVAL_APPLIES(\"市发改委\",1)");
  });

  it("a cell changed after 定稿 is not overwritten: it stays in the backup with the reason", async () => {
    const port = await roundTrip(withFormulas());
    await finalizeAll(port);
    port.workbook.getWorksheet("计算")!.getCell("A1").value = 90;
    const { plan, restored, skipped } = restorePlan(await port.read(await port.sheetNames(), { formulas: true }));
    expect(restored).toHaveLength(3);
    expect(skipped).toEqual([{ record: expect.objectContaining({ cell: "A1" }), reason: "计算!A1的值在定稿后已被修改：未恢复公式，备份保留。" }]);
    await port.apply(plan);
    expect((await cells(port, "计算")).values?.[0][0]).toBe(90);
    expect(readBackup(await port.read([SHEET.formulaBackup])).map((r) => r.cell)).toEqual(["A1"]);
  });

  it("a second 定稿 adds to the record; with no ASSESS formula there is nothing to do", async () => {
    const port = withFormulas();
    await finalizeAll(port);
    port.workbook.getWorksheet("计算")!.getCell("E5").value = { formula: "ASSESS.UNIT_TYPE(\"市公安局\")", result: "市直" };
    const { converted } = await finalizeAll(port);
    expect(converted.map((r) => r.cell)).toEqual(["E5"]);
    expect(readBackup(await port.read([SHEET.formulaBackup]))).toHaveLength(5);
    expect(finalizePlan(await port.read(await port.sheetNames(), { formulas: true })).plan).toEqual([]);
  });
});
