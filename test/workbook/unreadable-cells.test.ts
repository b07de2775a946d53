/**
 * Spec E and issue 8: a formula the file carries no result for, and an error value, are problems listed in 校验
 * with their sheet and cell; they are never read as 0 or blank. Only the unit or department that needs the cell
 * is not scored, and its row names the problem; a unit without counts is 缺少数据，未计分, never 100. Snapshots
 * are built here directly (the file readers' side of `uncalculated` is tested with them).
 */
import { LABEL, PARAM, SHEET } from "../../src/workbook/contract";
import { ITEM_LABELS } from "./helpers";
import { computePlan } from "../../src/workbook/compute";
import type { CellValue, SheetSnapshot } from "../../src/workbook/port";
import { EXPECTED, fixtureSheets } from "./fixtures";

type Sheets = Record<string, CellValue[][]>;
type At = { sheet: string; row: number; col: number };

/** Sheet row of 0-based data row i (the fixture has a title row and a header row). */
const dataRow = (i: number) => i + 2;

function colOf(sheets: Sheets, sheet: string, label: string): number {
  const col = sheets[sheet][1].indexOf(label);
  if (col < 0) throw new Error(`no ${label} in ${sheet}`);
  return col;
}

function compute(sheets: Sheets, uncalculated: readonly At[] = []) {
  const snapshots = new Map<string, SheetSnapshot>(Object.entries(sheets).map(([name, values]) => [name, {
    name, values, uncalculated: uncalculated.filter((u) => u.sheet === name).map(({ row, col }) => ({ row, col })),
  }]));
  return computePlan(snapshots, undefined, new Date(2022, 0, 5, 9, 30));
}

const unit = (out: ReturnType<typeof compute>, name: string) => {
  const u = out.results.units.find((x) => x.name === name);
  if (!u) throw new Error(`no unit ${name}`);
  return u;
};

/** Every fixture unit except `except` keeps its hand-computed total. */
function othersScored(out: ReturnType<typeof compute>, except: readonly string[]) {
  for (const [name, expected] of Object.entries(EXPECTED)) {
    if (!except.includes(name)) expect([name, unit(out, name).score?.total]).toEqual([name, expected.total]);
  }
}

/** The 12345热线考核表 title written by the plan. */
function title(out: ReturnType<typeof compute>): string {
  const op = out.plan.find((o) => o.kind === "values" && o.sheet === SHEET.result && o.row === 0 && o.col === 0);
  return op && op.kind === "values" ? String(op.values[0][0]) : "";
}

const UNCALCULATED = "公式没有计算结果，请在 Excel 中打开并保存";

describe("a formula without a cached result", () => {
  it("in a count of 热线数据: listed with sheet and cell, the unit not scored and its row names it; the others go on", () => {
    const sheets = fixtureSheets();
    const col = colOf(sheets, SHEET.hotline, LABEL.onTime);
    sheets[SHEET.hotline][dataRow(1)][col] = null; // 汉阴县政府: the value a reader gives such a cell
    const out = compute(sheets, [{ sheet: SHEET.hotline, row: dataRow(1), col }]);
    expect(out.problems).toContainEqual(expect.objectContaining({
      severity: "error", sheet: SHEET.hotline, cell: "G4", message: expect.stringContaining(UNCALCULATED),
    }));
    const hanyin = unit(out, "汉阴县政府");
    expect(hanyin.score).toBeUndefined();
    expect(hanyin.rank).toBeUndefined();
    expect(hanyin.explanation).toContain(`热线数据 G4　按期办结数：${UNCALCULATED}`);
    othersScored(out, ["汉阴县政府"]);
  });

  it("whose neighbours are blank is not a blank row: listed, not skipped", () => {
    const sheets = fixtureSheets();
    const col = colOf(sheets, SHEET.deductions, LABEL.name);
    sheets[SHEET.deductions].push(sheets[SHEET.deductions][1].map(() => null));
    const row = sheets[SHEET.deductions].length - 1;
    const out = compute(sheets, [{ sheet: SHEET.deductions, row, col }]);
    expect(out.problems).toContainEqual(expect.objectContaining({ severity: "error", sheet: SHEET.deductions, message: expect.stringContaining(UNCALCULATED) }));
    expect(title(out)).toMatch(/草稿：校验表中有 1 个问题未解决/u);
  });

  it("in a 便民化考核 status: that department is not judged, the others are", () => {
    const sheets = fixtureSheets();
    const col = colOf(sheets, SHEET.approval, ITEM_LABELS[0]);
    const r = sheets[SHEET.approval].findIndex((row) => row[0] === "市林业局");
    sheets[SHEET.approval][r][col] = null;
    const out = compute(sheets, [{ sheet: SHEET.approval, row: r, col }]);
    const forestry = out.results.departments.find((d) => d.name === "市林业局");
    expect(forestry?.status).toBe("error");
    expect(forestry?.explanation).toContain(UNCALCULATED);
    expect(out.results.departments.filter((d) => d.status === "judged").length).toBe(out.results.departments.length - 1);
  });

  it("as 考核月数: nothing is scored (every 月均办件量 depends on it)", () => {
    const sheets = fixtureSheets();
    sheets[SHEET.params] = [["参数"], [LABEL.param, LABEL.value], [PARAM.months, null]];
    const out = compute(sheets, [{ sheet: SHEET.params, row: 2, col: 1 }]);
    expect(out.problems).toContainEqual(expect.objectContaining({ sheet: SHEET.params, cell: "B3", message: expect.stringContaining(UNCALCULATED) }));
    expect(out.summary.unitsScored).toBe(0);
  });
});

describe("an error value in an input cell", () => {
  it.each(["#N/A", "#VALUE!", "#DIV/0!", "#REF!"])("%s in 工单总量 is listed and never read as 0", (code) => {
    const sheets = fixtureSheets();
    sheets[SHEET.hotline][dataRow(4)][colOf(sheets, SHEET.hotline, LABEL.total)] = code; // 工行安康分行 (0 orders)
    const out = compute(sheets);
    expect(out.problems).toContainEqual(expect.objectContaining({
      severity: "error", sheet: SHEET.hotline, cell: "C7", message: expect.stringContaining(`错误值 ${code}`),
    }));
    expect(unit(out, "工行安康分行").score).toBeUndefined();
    othersScored(out, ["工行安康分行"]);
  });

  it("as a unit name is listed as an error value, not as an unknown unit", () => {
    const sheets = fixtureSheets();
    sheets[SHEET.bonuses][dataRow(0)][colOf(sheets, SHEET.bonuses, LABEL.name)] = "#REF!";
    const out = compute(sheets);
    expect(out.problems).toContainEqual(expect.objectContaining({ sheet: SHEET.bonuses, cell: "B3", message: expect.stringContaining("错误值 #REF!") }));
    expect(out.problems.some((p) => p.message.includes("不是已登记的单位"))).toBe(false);
  });
});

describe("missing data is never a perfect score (spec E)", () => {
  it("a 热线数据 row whose counts are all blank: 缺少数据，未计分, listed, no 总分 and no rank", () => {
    const sheets = fixtureSheets();
    for (const label of [LABEL.total, LABEL.due, LABEL.onTime, LABEL.returned, LABEL.extensions, LABEL.validCallbacks, LABEL.satisfied]) {
      sheets[SHEET.hotline][dataRow(3)][colOf(sheets, SHEET.hotline, label)] = null; // 市公安局 (月均办件量 300 stays)
    }
    const out = compute(sheets);
    expect(out.problems).toContainEqual(expect.objectContaining({ severity: "error", code: "missingData", sheet: SHEET.hotline, cell: "A6" }));
    const police = unit(out, "市公安局");
    expect([police.score, police.rank, police.explanation]).toEqual([undefined, undefined, "缺少数据，未计分：热线数据中该单位的工单数均为空白"]);
    othersScored(out, ["市公安局"]);
  });

  it("工单总量 entered as 0 is a fact: no orders, no rate deduction, and the result says why", () => {
    const out = compute(fixtureSheets());
    expect(unit(out, "工行安康分行").score?.total).toBe(100);
    expect(unit(out, "工行安康分行").explanation).toContain("无工单");
  });

  it("a blank 热线数据 (names only, as the template leaves it) scores nothing: one 校验 row, draft title", () => {
    const sheets = fixtureSheets();
    sheets[SHEET.hotline] = sheets[SHEET.hotline].map((row, r) => (r < 2 ? row : row.map((v, c) => (c === 0 ? v : null))));
    const out = compute(sheets);
    expect(out.summary.unitsScored).toBe(0);
    expect(out.results.units.every((u) => u.explanation === "缺少数据，未计分：热线数据尚未填写")).toBe(true);
    expect(out.problems.filter((p) => p.code === "missingData")).toEqual([
      expect.objectContaining({ sheet: SHEET.hotline, message: "热线数据中尚未填写任何单位的工单数：6个单位均缺少数据，尚未计分。" }),
    ]);
    expect(title(out)).toContain("草稿：校验表中有 1 个问题未解决");
  });
});

describe("the result's title row says whether it is final", () => {
  it("a clean run: 校验通过 with the time of the run", () => {
    expect(title(compute(fixtureSheets()))).toContain("校验通过（计算时间：2022-01-05 09:30）");
  });

  it("a typo in 扣分登记 事项: listed, the unit not scored, the table a draft", () => {
    const sheets = fixtureSheets();
    sheets[SHEET.deductions][dataRow(0)][colOf(sheets, SHEET.deductions, LABEL.item)] = "反馈内容与实际不付";
    const out = compute(sheets);
    expect(title(out)).toContain("草稿：校验表中有 1 个问题未解决");
    expect(unit(out, "汉滨区政府").explanation).toMatch(/^数据有误，未计分：扣分登记 C3　事项的值“反馈内容与实际不付”/u);
  });

  it("a typo in a 加分登记 单位名称: listed, the table a draft", () => {
    const sheets = fixtureSheets();
    sheets[SHEET.bonuses][dataRow(0)][colOf(sheets, SHEET.bonuses, LABEL.name)] = "汉滨去";
    const out = compute(sheets);
    expect(out.problems).toContainEqual(expect.objectContaining({ severity: "error", sheet: SHEET.bonuses, cell: "B3" }));
    expect(title(out)).toContain("草稿：校验表中有 1 个问题未解决");
  });
});
