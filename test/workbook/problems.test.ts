/**
 * Every problem class of spec E yields a 校验 row naming its sheet and cell, the unit or department with the
 * error is marked in its result row, and every other unit still computes.
 */
import { LABEL, RESULT_LABEL, SHEET } from "../../src/workbook/contract";
import { computeAll } from "../../src/workbook/compute";
import type { CellValue } from "../../src/workbook/port";
import { EXPECTED, fixtureSheets } from "./fixtures";
import { DERIVED_LABEL, ITEM_LABELS, resultTable, type Row, sheetTable, withoutFiledEarlier, workbookOf } from "./helpers";

/** A unit or department with an error: its 扣分说明 says so and names the problem (see "names the problem" below). */
const MARKED = expect.stringMatching(/^数据有误，未计分：\S/u);

type Sheets = Record<string, CellValue[][]>;

/** The fixture with one change, computed; returns the port, the output and the 校验 rows. */
async function computeWith(change: (sheets: Sheets) => void) {
  const sheets = fixtureSheets();
  change(sheets);
  const port = workbookOf(sheets);
  const output = await computeAll(port);
  const checks = await sheetTable(port, SHEET.checks);
  return { port, output, checks };
}

/** The fixture's sheets are a title row, a header row, then data rows: 0-based data row i is sheet row i + 3. */
function setByLabel(sheets: Sheets, sheet: string, dataRow: number, label: string, value: CellValue): void {
  const header = sheets[sheet][1];
  const col = header.indexOf(label);
  if (col < 0) throw new Error(`no ${label} in ${sheet}`);
  const row = sheets[sheet][dataRow + 2];
  while (row.length <= col) row.push(null);
  row[col] = value;
}

function addRow(sheets: Sheets, sheet: string, values: Row): void {
  const header = sheets[sheet][1];
  sheets[sheet].push(header.map((l) => (typeof l === "string" && l in values ? values[l] : null)));
}

/** The other units are still scored exactly as without the change. */
async function othersStillScored(port: ReturnType<typeof workbookOf>, except: readonly string[]) {
  const table = await resultTable(port);
  for (const [name, expected] of Object.entries(EXPECTED)) {
    if (except.includes(name)) continue;
    expect([name, table.get(name)?.[RESULT_LABEL.total]]).toEqual([name, expected.total]);
  }
}

async function marked(port: ReturnType<typeof workbookOf>, name: string) {
  const row = (await resultTable(port)).get(name);
  expect(row?.[RESULT_LABEL.explanation]).toEqual(MARKED);
  expect(row?.[RESULT_LABEL.total]).toBeNull();
  expect(row?.[RESULT_LABEL.rank]).toBeNull();
}

/** A 校验 row at this sheet and cell, of this level, whose 问题 contains `text`. */
const row = (sheet: string, cell: string, level = "错误", text?: string) =>
  expect.objectContaining({ 工作表: sheet, 单元格: cell, 级别: level, ...(text === undefined ? {} : { 问题: expect.stringContaining(text) }) });

describe("hotline problems", () => {
  it("unknown unit in 热线数据: named in 校验, row not counted", async () => {
    const { port, checks } = await computeWith((s) => addRow(s, SHEET.hotline, { [LABEL.name]: "市火星局", [LABEL.total]: 5 }));
    expect(checks).toContainEqual(row(SHEET.hotline, "A9", "错误", "“市火星局”不是已登记的单位"));
    await othersStillScored(port, []);
  });

  it("text in a count: the cell, the value and what is expected", async () => {
    const { port, checks } = await computeWith((s) => setByLabel(s, SHEET.hotline, 0, LABEL.total, "一万三"));
    expect(withoutFiledEarlier(checks)).toEqual([
      { 工作表: SHEET.hotline, 单元格: "C3", 级别: "错误", 问题: "汉滨区政府：工单总量的值“一万三”不是数字：应为不小于0的整数（件数或次数）。" },
      expect.objectContaining({ 级别: "说明" }),
    ]);
    await marked(port, "汉滨区政府");
    await othersStillScored(port, ["汉滨区政府"]);
  });

  it("numeric text is a count; a negative or fractional count is not", async () => {
    const { port, checks } = await computeWith((s) => {
      setByLabel(s, SHEET.hotline, 0, LABEL.total, "13,200");
      setByLabel(s, SHEET.hotline, 1, LABEL.returned, -1);
      setByLabel(s, SHEET.hotline, 2, LABEL.validCallbacks, 2000.5);
    });
    expect((await resultTable(port)).get("汉滨区政府")?.[RESULT_LABEL.total]).toBe(97);
    expect(checks).toContainEqual(row(SHEET.hotline, "D4"));
    expect(checks).toContainEqual(row(SHEET.hotline, "H5"));
    await marked(port, "汉阴县政府");
    await marked(port, "市人力资源和社会保障局");
  });

  it.each([
    [LABEL.onTime, 13001, "G3", "大于应办结数"],
    [LABEL.returned, 13201, "D3", "大于工单总量"],
    [LABEL.extensions, 13201, "E3", "大于工单总量"],
    [LABEL.satisfied, 1001, "I3", "大于有效回访数"],
  ])("%s greater than its denominator", async (label, value, cell, text) => {
    const { port, checks } = await computeWith((s) => setByLabel(s, SHEET.hotline, 0, label, value));
    expect(checks).toContainEqual(row(SHEET.hotline, cell, "错误", text));
    await marked(port, "汉滨区政府");
    await othersStillScored(port, ["汉滨区政府"]);
  });

  it("duplicate unit row, written with two aliases of one unit", async () => {
    const { port, checks } = await computeWith((s) => addRow(s, SHEET.hotline, { [LABEL.name]: "汉滨区人民政府", [LABEL.total]: 1 }));
    expect(checks).toContainEqual(row(SHEET.hotline, "A9", "错误", "已在热线数据!A3出现"));
    await marked(port, "汉滨区政府");
    await othersStillScored(port, ["汉滨区政府"]);
  });

  it("a unit of 承办单位 with no 热线数据 row", async () => {
    const { port, checks } = await computeWith((s) => s[SHEET.hotline].splice(3, 1)); // 汉阴县政府
    expect(checks).toContainEqual(row(SHEET.units, "A4", "错误", "热线数据中没有该单位的行：缺少数据，未计分"));
    const hanyin = (await resultTable(port)).get("汉阴县政府");
    expect([hanyin?.[RESULT_LABEL.explanation], hanyin?.[RESULT_LABEL.total], hanyin?.[RESULT_LABEL.rank]])
      .toEqual(["缺少数据，未计分：热线数据中没有该单位的行", null, null]);
    await othersStillScored(port, ["汉阴县政府"]);
  });

  it("a 热线数据 row of a unit that is not in 承办单位", async () => {
    const { checks, port } = await computeWith((s) => addRow(s, SHEET.hotline, { [LABEL.name]: "市审计局", [LABEL.total]: 3 }));
    expect(checks).toContainEqual(row(SHEET.hotline, "A9", "错误", "不在承办单位表中"));
    await othersStillScored(port, []);
  });

  it("a name-only 热线数据 row of a unit not in 承办单位 (as the template leaves it) is only a warning", async () => {
    const { checks, output } = await computeWith((s) => addRow(s, SHEET.hotline, { [LABEL.name]: "市审计局" }));
    expect(checks).toContainEqual(row(SHEET.hotline, "A9", "警告", "不在承办单位表中"));
    expect(output.summary.errors).toBe(0);
  });

  it("unknown unit type, and an unknown unit, in 承办单位", async () => {
    const { port, checks } = await computeWith((s) => {
      setByLabel(s, SHEET.units, 2, LABEL.type, "市级");
      addRow(s, SHEET.units, { [LABEL.name]: "市火星局", [LABEL.type]: "市直" });
    });
    expect(checks).toContainEqual(row(SHEET.units, "B5", "错误", "“市级”不是单位类别"));
    expect(checks).toContainEqual(row(SHEET.units, "A9", "错误", "“市火星局”不是已登记的单位"));
    await marked(port, "市人力资源和社会保障局");
    await marked(port, "市火星局");
    await othersStillScored(port, ["市人力资源和社会保障局"]);
  });

  it("a blank 单位类别 takes the registry's type, with a warning", async () => {
    const { port, checks, output } = await computeWith((s) => setByLabel(s, SHEET.units, 3, LABEL.type, null));
    expect(checks).toContainEqual(row(SHEET.units, "B6", "警告", "按登记类别“市直”计分"));
    expect(output.summary.errors).toBe(0);
    await othersStillScored(port, []);
  });
});

describe("register problems (扣分登记 / 加分登记)", () => {
  it("unknown 事项: the unit is marked (a case of unknown weight), the others computed", async () => {
    const { port, checks } = await computeWith((s) => addRow(s, SHEET.deductions, { [LABEL.name]: "市公安局", [LABEL.item]: "迟到" }));
    expect(checks).toContainEqual(row(SHEET.deductions, "C9", "错误", "“迟到”不是登记事项：应为“未第一时间联系诉求人”"));
    await marked(port, "市公安局");
    await othersStillScored(port, ["市公安局"]);
  });

  it("a bonus 事项 in 扣分登记 is unknown there", async () => {
    const { checks } = await computeWith((s) => addRow(s, SHEET.deductions, { [LABEL.name]: "市公安局", [LABEL.item]: "群众锦旗" }));
    expect(checks).toContainEqual(row(SHEET.deductions, "C9"));
  });

  it("unknown unit, blank unit, bad 数量 and bad 日期", async () => {
    const { port, checks } = await computeWith((s) => {
      addRow(s, SHEET.bonuses, { [LABEL.name]: "市火星局", [LABEL.item]: "群众表扬" });
      addRow(s, SHEET.bonuses, { [LABEL.item]: "群众表扬", [LABEL.quantity]: 1 });
      addRow(s, SHEET.bonuses, { [LABEL.name]: "建行安康分行", [LABEL.item]: "群众表扬", [LABEL.quantity]: "两件" });
      addRow(s, SHEET.bonuses, { [LABEL.name]: "工行安康分行", [LABEL.item]: "群众表扬", [LABEL.date]: "2021-02-30" });
    });
    expect(checks).toContainEqual(row(SHEET.bonuses, "B5", "错误", "“市火星局”不是已登记的单位"));
    expect(checks).toContainEqual(row(SHEET.bonuses, "B6", "错误", "单位名称为空白"));
    expect(checks).toContainEqual(row(SHEET.bonuses, "D7", "错误", "“两件”不是数字"));
    expect(checks).toContainEqual(row(SHEET.bonuses, "A8", "错误", "“2021-02-30”不是日期"));
    await marked(port, "建行安康分行");
    await marked(port, "工行安康分行");
    await othersStillScored(port, ["建行安康分行", "工行安康分行"]);
  });

  it("a date outside the assessment year is a warning and still counts", async () => {
    const { port, checks, output } = await computeWith((s) =>
      addRow(s, SHEET.bonuses, { [LABEL.name]: "工行安康分行", [LABEL.item]: "群众锦旗", [LABEL.date]: "2020-12-31" }));
    expect(checks).toContainEqual(row(SHEET.bonuses, "A5", "警告", "2020-12-31不在考核年度2021年内"));
    expect(output.summary.errors).toBe(0);
    expect((await resultTable(port)).get("工行安康分行")?.[RESULT_LABEL.total]).toBe(105);
  });
});

describe("便民化考核 problems", () => {
  const deptRow = (sheets: Sheets, name: string) => sheets[SHEET.approval].findIndex((r) => r[0] === name) - 2;

  async function vetoOf(port: ReturnType<typeof workbookOf>, name: string) {
    const rows = await sheetTable(port, SHEET.approval);
    return rows.filter((r) => r[LABEL.name] === name).map((r) => [r[LABEL.deduction], r[LABEL.explanation]]);
  }

  it("conflicting 事项6: entered 完成 while its parts say not done", async () => {
    const { port, checks } = await computeWith((s) => {
      const i = deptRow(s, "市统计局");
      setByLabel(s, SHEET.approval, i, ITEM_LABELS[5], "完成");
    });
    expect(checks).toContainEqual(row(SHEET.approval, "G10", "错误", "与其分项"));
    expect(await vetoOf(port, "市统计局")).toEqual([[null, MARKED]]);
    expect(await vetoOf(port, "市林业局")).toEqual([[0.5, expect.stringContaining("事项1")]]);
  });

  it("incomplete 事项6 parts", async () => {
    const { port, checks } = await computeWith((s) => setByLabel(s, SHEET.approval, deptRow(s, "市财政局"), DERIVED_LABEL.seal, null));
    expect(checks).toContainEqual(row(SHEET.approval, "N9", "错误", "应填全所有分项"));
    expect(await vetoOf(port, "市财政局")).toEqual([[null, MARKED]]);
  });

  it("status typo: never taken as 不涉及", async () => {
    const { port, checks } = await computeWith((s) => setByLabel(s, SHEET.approval, deptRow(s, "市住建局"), ITEM_LABELS[2], "已完"));
    expect(checks).toContainEqual(row(SHEET.approval, "D16", "错误", "“已完”无法识别"));
    expect(await vetoOf(port, "市住建局")).toEqual([[null, MARKED]]);
  });

  it.each([[1], [0]])("规则D a number (%s) in a status cell is not a status: listed, asking for 完成/未完成/不涉及", async (n) => {
    const { port, checks } = await computeWith((s) => setByLabel(s, SHEET.approval, deptRow(s, "市住建局"), ITEM_LABELS[2], n));
    expect(checks).toContainEqual(row(SHEET.approval, "D16", "错误", "是数字，不是完成情况"));
    expect(await vetoOf(port, "市住建局")).toEqual([[null, MARKED]]);
  });

  it("duplicate department, written with two spellings: both rows marked", async () => {
    const { port, checks } = await computeWith((s) => addRow(s, SHEET.approval, { [LABEL.name]: "市发展和改革委员会", [ITEM_LABELS[0]]: "完成" }));
    expect(checks).toContainEqual(row(SHEET.approval, "A40", "错误", "已在便民化考核!A8出现"));
    expect(await vetoOf(port, "市发改委")).toEqual([[null, MARKED]]);
    expect(await vetoOf(port, "市发展和改革委员会")).toEqual([[null, MARKED]]);
  });

  it("unknown department, a unit that is not assessed, and a missing department", async () => {
    const { checks, output } = await computeWith((s) => {
      addRow(s, SHEET.approval, { [LABEL.name]: "市火星局" });
      addRow(s, SHEET.approval, { [LABEL.name]: "市审计局" });
      s[SHEET.approval].splice(5, 1); // 市残联
    });
    expect(checks).toContainEqual(row(SHEET.approval, "A39", "错误", "“市火星局”不是已登记的单位"));
    expect(checks).toContainEqual(row(SHEET.approval, "A40", "错误", "不是“2021年度审批服务便民化工作减分指标考核”的考核对象：应为该办法所列37个部门之一"));
    expect(checks).toContainEqual(row(SHEET.approval, "—", "错误", "没有考核对象“市残联”的行"));
    expect(output.results.departments.find((d) => d.name === "市残联")?.status).toBe("missing");
    expect(output.summary.departmentsJudged).toBe(36);
  });

  it("a bad evidence date, and a rate that is not a rate", async () => {
    const { port, checks } = await computeWith((s) => {
      setByLabel(s, SHEET.approval, deptRow(s, "市委宣传部"), LABEL.evidenceDate, "12月31日");
      setByLabel(s, SHEET.approval, deptRow(s, "市残联"), DERIVED_LABEL.instant, "高");
    });
    expect(checks).toContainEqual(row(SHEET.approval, "P3"));
    expect(checks).toContainEqual(row(SHEET.approval, "J6"));
    expect(await vetoOf(port, "市委宣传部")).toEqual([[null, MARKED]]);
    expect(await vetoOf(port, "市统计局")).toEqual([[0.5, expect.any(String)]]);
  });
});

describe("sheets and headers", () => {
  it("missing 热线数据: an error, every unit marked; 便民化考核 still judged", async () => {
    const { port, checks, output } = await computeWith((s) => delete s[SHEET.hotline]);
    expect(checks).toContainEqual(row(SHEET.hotline, "—", "错误", "缺少工作表“热线数据”"));
    await marked(port, "汉滨区政府");
    expect(output.summary.unitsScored).toBe(0);
    expect(output.summary.departmentsJudged).toBe(37);
  });

  it("a missing needed header stops that sheet; a missing optional one is a warning", async () => {
    const { checks, output } = await computeWith((s) => {
      s[SHEET.hotline][1][s[SHEET.hotline][1].indexOf(LABEL.due)] = "应办数";
      s[SHEET.deductions][1][s[SHEET.deductions][1].indexOf(LABEL.note)] = "备注";
    });
    expect(checks).toContainEqual(row(SHEET.hotline, "A2", "错误", "缺少表头“应办结数”"));
    expect(checks).toContainEqual(row(SHEET.deductions, "A2", "警告", "缺少表头“说明”"));
    expect(output.summary.unitsScored).toBe(0);
  });

  it("header labels are matched after trimming spaces, below a title row, in any column order", async () => {
    const { output } = await computeWith((s) => {
      s[SHEET.units][1] = [" 单位类别 ", "　单位名称"];
      s[SHEET.units] = s[SHEET.units].map((r, i) => (i >= 2 ? [r[1], r[0]] : r));
    });
    expect(output.summary).toMatchObject({ unitsScored: 6, errors: 0 });
  });

  it("item 6's parts and targets go together: some missing is an error, all missing is a warning", async () => {
    const drop = (labels: readonly string[]) => (s: Sheets) => {
      const header = s[SHEET.approval][1];
      for (const l of labels) header[header.indexOf(l)] = `旧${l}`;
    };
    const some = await computeWith(drop([DERIVED_LABEL.seal]));
    expect(some.checks).toContainEqual(row(SHEET.approval, "A2", "错误", "缺少表头“电子印章申请”"));
    expect(some.output.summary.departmentsJudged).toBe(0);
    const all = await computeWith((s) => {
      drop([DERIVED_LABEL.timeCut, DERIVED_LABEL.oneTrip, DERIVED_LABEL.instant, DERIVED_LABEL.online, DERIVED_LABEL.fullOnline, DERIVED_LABEL.guide, DERIVED_LABEL.seal, DERIVED_LABEL.dataList])(s);
      for (const r of s[SHEET.approval].slice(2)) if (r[6] === null) r[6] = "完成";
    });
    expect(all.checks.filter((c) => c[LABEL.level] === "警告")).toHaveLength(8);
    expect(all.checks).toContainEqual(row(SHEET.approval, "A2", "警告", "由分项判定的事项按所填状态计算"));
    // 市公安局 (late evidence), 市林业局 (item 1), 市医保局 (item 6 entered 未完成).
    expect(all.output.summary).toMatchObject({ errors: 0, departmentsJudged: 37, departmentsVetoed: 3 });
  });

  it("missing registers are warnings: no cases logged", async () => {
    const { output, checks } = await computeWith((s) => {
      delete s[SHEET.deductions];
      delete s[SHEET.bonuses];
    });
    expect(checks.filter((c) => c[LABEL.level] === "警告")).toHaveLength(2);
    expect(output.summary.errors).toBe(0);
    expect(output.results.units.find((u) => u.name === "市人力资源和社会保障局")?.score?.total).toBe(84);
  });
});
