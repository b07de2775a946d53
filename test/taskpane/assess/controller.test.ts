// The task pane controller with the workbook core, the Office.js adapter and the in-memory Office.js fake
// of the end-to-end test: what each button does to the workbook and what the pane is told to show.
import { TaskpaneController, type PaneParameters, type PaneProblem, type PaneSummary, type PaneView } from "../../../src/taskpane/assess/controller";
import { TEXT } from "../../../src/taskpane/messages";
import { OfficeWorkbookPort } from "../../../src/workbook/adapters/office";
import type { CellValue } from "../../../src/workbook/port";
import { RecordingActionView } from "../shared/fakes";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const fakeOffice = require("../../e2e/fake-office.js") as {
  create(seed?: unknown): {
    Excel: { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T> };
    workbook: {
      read(name: string): CellValue[][] | undefined;
      sheetNames(): string[];
      type(sheet: string, address: string, input: CellValue): void;
      formulaAt(sheet: string, address: string): string | null;
      stats(): { violations: string[]; calculations: string[] };
    };
  };
};

class RecordingView extends RecordingActionView implements PaneView {
  parameters: PaneParameters[] = [];
  confirms: boolean[] = [];
  summaries: (PaneSummary | null)[] = [];
  problemLists: { problems: readonly PaneProblem[]; note: string }[] = [];
  params(p: PaneParameters) {
    this.parameters.push(p);
  }
  confirm(open: boolean) {
    this.confirms.push(open);
  }
  summary(s: PaneSummary | null) {
    this.summaries.push(s);
  }
  problems(problems: readonly PaneProblem[], note: string) {
    this.problemLists.push({ problems, note });
  }
  get lastStatus() {
    return this.statuses[this.statuses.length - 1];
  }
}

function setup() {
  const fake = fakeOffice.create();
  const view = new RecordingView();
  const selected: string[] = [];
  const hook: { controller?: TaskpaneController } = {};
  const port = new OfficeWorkbookPort((batch) => fake.Excel.run(batch), { onSync: (e) => hook.controller?.syncProgress(e) });
  const controller = new TaskpaneController({ port, view, selectCell: async (sheet, cell) => void selected.push(`${sheet}!${cell}`) });
  hook.controller = controller;
  return { fake, wb: fake.workbook, view, selected, controller };
}

describe("TaskpaneController", () => {
  it("starts without a template: year from the rule set, no 考核月数 to edit", async () => {
    const { controller, view } = setup();
    await controller.start();
    expect(view.parameters.at(-1)).toEqual({ year: 2021, months: null });
    expect(view.lastStatus.kind).toBe("ok");
    expect(view.busyStates).toEqual([true, false]);
  });

  it("creates the template, then shows 考核月数 from 参数", async () => {
    const { controller, view, wb } = setup();
    await controller.createTemplate();
    expect(wb.sheetNames()).toEqual(expect.arrayContaining(["承办单位", "热线数据", "12345热线考核表", "校验", "参数"]));
    expect(view.lastStatus.text).toMatch(/^模板：新建13张工作表（填写说明、.*、考核办法、便民化考核办法）/);
    expect(view.parameters.at(-1)).toMatchObject({ year: 2021, months: 12, monthsCell: expect.stringMatching(/^参数!B\d+$/) });
    await controller.createTemplate();
    expect(view.lastStatus.text).toBe("模板：模板已完整，未作修改。");
  });

  it("computes, shows the summary and the problems, and selects a problem's cell", async () => {
    const { controller, view, selected, wb } = setup();
    await controller.createTemplate();
    const rows = wb.read("热线数据") as CellValue[][];
    const r = rows.findIndex((row) => row[0] === "汉滨区政府") + 1;
    // Spec E: a blank row is missing data; 工单总量 0 says a unit had no orders.
    rows.forEach((row, i) => {
      if (i > r - 1 && typeof row[0] === "string" && row[0] !== "") wb.type("热线数据", `B${i + 1}`, 0);
    });
    wb.type("热线数据", `B${r}`, 100);
    wb.type("热线数据", `C${r}`, 100);
    wb.type("热线数据", `D${r}`, "很多");
    await controller.computeAll();
    const summary = view.summaries.at(-1) as PaneSummary;
    expect(summary).toMatchObject({ units: 77, unitsScored: 76, unitsMarked: 1, unitsMissing: 0 });
    expect(summary.top).toHaveLength(3);
    const problems = view.problemLists.at(-1)?.problems as PaneProblem[];
    const index = problems.findIndex((p) => p.sheet === "热线数据" && p.cell === `D${r}`);
    expect(index).toBeGreaterThanOrEqual(0);
    expect(view.lastStatus).toMatchObject({ kind: "error" });
    expect(view.lastStatus.text).toMatch(/^计算完成：77个单位已计分76个/);
    // progress went up to the end and was hidden
    const shown = view.progresses.filter((p): p is { text: string; fraction: number } => p !== null).map((p) => p.fraction);
    expect(shown[0]).toBe(0);
    expect(Math.max(...shown)).toBe(1);
    expect(view.progresses.at(-1)).toBeNull();

    await controller.selectProblem(index);
    expect(selected).toEqual([`热线数据!D${r}`]);
    expect(view.lastStatus.text).toBe(`已选中 热线数据!D${r}`);
    await controller.selectProblem(9999); // out of range: nothing
    expect(selected).toHaveLength(1);
    expect(wb.stats().violations).toEqual([]);
  });

  it("tells units without data (缺少数据) from units with bad data (数据有误)", async () => {
    const { controller, view, wb } = setup();
    await controller.createTemplate();
    const rows = wb.read("热线数据") as CellValue[][];
    const r = rows.findIndex((row) => row[0] === "汉滨区政府") + 1;
    // 汉滨区政府 has bad data; the two units after it are left blank; every other unit had no orders.
    rows.forEach((row, i) => {
      if (i > r + 1 && typeof row[0] === "string" && row[0] !== "") wb.type("热线数据", `B${i + 1}`, 0);
    });
    wb.type("热线数据", `B${r}`, 100);
    wb.type("热线数据", `C${r}`, 100);
    wb.type("热线数据", `D${r}`, "很多");
    await controller.computeAll();
    expect(view.summaries.at(-1)).toMatchObject({ units: 77, unitsScored: 74, unitsMarked: 3, unitsMissing: 2 });
    expect(view.lastStatus.text).toMatch(/^计算完成：77个单位已计分74个（2个缺少数据未计分，1个数据有误未计分）；/);
  });

  it("定稿 only after confirmation; 恢复公式 restores", async () => {
    const { controller, view, wb } = setup();
    wb.type("Sheet1", "A1", "汉滨区");
    wb.type("Sheet1", "B1", "=ASSESS.UNIT_TYPE(A1)");
    await controller.confirmFinalize(); // not asked: ignored
    expect(wb.formulaAt("Sheet1", "B1")).toBe("=ASSESS.UNIT_TYPE(A1)");
    controller.requestFinalize();
    expect(view.confirms).toEqual([true]);
    controller.cancelFinalize();
    expect(view.confirms).toEqual([true, false]);
    expect(view.lastStatus.text).toBe("已取消定稿，工作簿未改动。");
    controller.requestFinalize();
    await controller.confirmFinalize();
    expect(wb.formulaAt("Sheet1", "B1")).toBeNull();
    expect(view.lastStatus.text).toMatch(/^定稿完成：1个 ASSESS 公式/);
    await controller.restoreFormulas();
    expect(wb.formulaAt("Sheet1", "B1")).toBe("=ASSESS.UNIT_TYPE(A1)");
    expect(view.lastStatus.text).toBe("已恢复1个公式。");
  });

  it("定稿 calculates in full first and never freezes an error: those formulas stay and are listed", async () => {
    const fake = fakeOffice.create({
      sheets: [{
        name: "计算",
        cells: [
          [0, 0, "汉滨区"], [0, 1, "县区", "=ASSESS.UNIT_TYPE(A1)"],
          [1, 0, "汉阴县"], [1, 1, "#NAME?", "=_xldudf_ASSESS_UNIT_TYPE(A2)"],
          [2, 1, "#BUSY!", "=ASSESS.VETO_SCORE(C3:H3)"],
          [3, 1, "#VALUE!", "=ASSESS.HOTLINE_COMPLETION_DEDUCT(\"九成\")"],
        ],
      }],
    });
    const view = new RecordingView();
    const controller = new TaskpaneController({ port: new OfficeWorkbookPort((batch) => fake.Excel.run(batch)), view, selectCell: async () => undefined });
    controller.requestFinalize();
    await controller.confirmFinalize();
    const wb = fake.workbook;
    expect(wb.stats().calculations).toEqual(["Full"]);
    expect(wb.formulaAt("计算", "B1")).toBeNull();
    expect(wb.read("计算")?.[0][1]).toBe("县区");
    expect(["B2", "B3", "B4"].map((cell) => wb.formulaAt("计算", cell))).toEqual([
      "=_xldudf_ASSESS_UNIT_TYPE(A2)", "=ASSESS.VETO_SCORE(C3:H3)", "=ASSESS.HOTLINE_COMPLETION_DEDUCT(\"九成\")",
    ]);
    const listed = view.problemLists.at(-1)!.problems;
    expect(listed.map((p) => [p.sheet, p.cell])).toEqual([["计算", "B2"], ["计算", "B3"], ["计算", "B4"]]);
    expect(listed[0].message).toContain("_xldudf_");
    expect(listed[1].message).toContain("#BUSY!");
    expect(listed[2].message).toContain("#VALUE!");
    expect(view.lastStatus).toEqual({ text: expect.stringMatching(/^定稿未完成：1个 ASSESS 公式已替换为值；3个公式/), kind: "error" });
  });

  it("saves 考核月数 into 参数, rejecting what is not 1–12", async () => {
    const { controller, view, wb } = setup();
    await controller.saveMonths("6");
    expect(view.lastStatus.text).toContain("请先点“创建/补全模板”");
    await controller.createTemplate();
    for (const bad of ["0", "13", "6.5", "六", ""]) {
      await controller.saveMonths(bad);
      expect(view.lastStatus.kind).toBe("error");
    }
    await controller.saveMonths(" 6 ");
    expect(view.lastStatus.text).toMatch(/^考核月数已设为6（参数!B\d+）/);
    const params = wb.read("参数") as CellValue[][];
    expect(params.find((row) => row[0] === "考核月数")?.[1]).toBe(6);
    expect(controller.params.months).toBe(6);
  });

  it("runs one action at a time and reports failures in the status line", async () => {
    const view = new RecordingView();
    let release: () => void = () => undefined;
    const port = {
      sheetNames: async () => [],
      read: () => new Promise<never>((_, reject) => (release = () => reject(new Error("连接中断")))),
      apply: async () => undefined,
    };
    const controller = new TaskpaneController({ port, view, selectCell: async () => undefined });
    const first = controller.computeAll();
    expect(controller.isBusy).toBe(true);
    await controller.createTemplate(); // refused while busy
    expect(view.lastStatus.text).toBe("正在处理，请稍候…");
    release();
    await first;
    expect(view.lastStatus).toEqual({ text: "全部计算失败：连接中断", kind: "error" });
    expect(view.progresses.at(-1)).toBeNull();
    expect(controller.isBusy).toBe(false);
    expect(view.busyStates).toEqual([true, false]);
  });
});

describe("the status line after 全部计算", () => {
  const summary = { year: 2021, method: "内置2021年度办法", months: 12, units: 77, unitsScored: 77, unitsMarked: 0, unitsMissing: 0, departments: 37, departmentsJudged: 37,
    departmentsVetoed: 4, departmentsMarked: 0, errors: 0, warnings: 0, infos: 0, top: [], bottom: [] };
  it("says 未发现数据问题 only when no list of the pane shows a problem", () => {
    expect(TEXT.computeDone(summary)).toContain("未发现数据问题");
    expect(TEXT.computeDone({ ...summary, infos: 1 })).not.toContain("未发现");
    const withImport = TEXT.computeDone(summary, 7);
    expect(withImport).not.toContain("未发现");
    expect(withImport).toContain("工单导入另有7个问题");
  });

  it("names units without data apart from units with bad data", () => {
    const text = (unitsMarked: number, unitsMissing: number) => TEXT.computeDone({ ...summary, unitsScored: 77 - unitsMarked, unitsMarked, unitsMissing });
    expect(text(0, 0)).toMatch(/^计算完成：77个单位已计分77个；/);
    expect(text(5, 5)).toMatch(/^计算完成：77个单位已计分72个（5个缺少数据未计分）；/);
    expect(text(2, 0)).toMatch(/^计算完成：77个单位已计分75个（2个数据有误未计分）；/);
    expect(text(3, 1)).toMatch(/^计算完成：77个单位已计分74个（1个缺少数据未计分，2个数据有误未计分）；/);
  });
});
