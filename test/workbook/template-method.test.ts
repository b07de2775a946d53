/*
 * Spec G: 创建/补全模板 writes the method sheets 考核办法 and 便民化考核办法, the 参数 rows and 承办单位's 别名 column
 * from the built-in rule set, and completing a workbook never changes a cell the user typed. The written
 * method, saved and read back, is the built-in rule set.
 */
import ExcelJS from "exceljs";
import { REGISTRY_2021, ruleSet, type RuleSet } from "../../src/engine";
import { LABEL, SHEET } from "../../src/workbook/contract";
import { ExcelJsWorkbookPort } from "../../src/workbook/adapters/exceljs";
import { METHOD_READS, readMethod } from "../../src/workbook/method";
import type { CellValue, SheetSnapshot } from "../../src/workbook/port";
import { TEMPLATE_READS, templateAll, templateChanges } from "../../src/workbook/template";
import {
  APPROVAL_METHOD_2026, HOTLINE_METHOD_2026, PARAMS_2026, UNITS_2026, withMethodFormats,
} from "../fixtures/method-2026/method-2026";
import { everything, roundTrip, sheetTable, workbookOf } from "./helpers";

const BUILT_IN = ruleSet(2021);

async function blankTemplate(): Promise<ExcelJsWorkbookPort> {
  const port = new ExcelJsWorkbookPort(new ExcelJS.Workbook());
  await templateAll(port);
  return roundTrip(port);
}

/** The rule set as plain data the method sheets can express (ids, labels, points, edges, clauses). */
function shape(rules: RuleSet) {
  const { hotline: h, approval: a, registry } = rules;
  const org = (name: string) => registry.resolve(name)?.name ?? `?${name}`;
  return {
    total: h.totalPoints, months: h.months, comparison: h.comparison,
    categories: h.categories.map((c) => [c.id, c.name, c.cap]),
    rates: h.rates.map((r) => ({
      id: r.id, item: r.item, category: r.category, numerator: r.numerator, denominator: r.denominator,
      bands: r.bands.map((b) => [b.from, b.fromIncluded, b.to, b.toIncluded, b.points, b.text, b.clause ?? r.clause]),
    })),
    cases: h.cases.map((c) => [c.id, c.category, c.label, c.points, c.per, c.clause]),
    bonusCap: h.bonus.cap,
    volume: h.bonus.volume.map((t) => [t.type, t.over, t.included, t.points, t.clause]),
    bonusCases: h.bonus.cases.map((c) => [c.id, c.label, c.points, c.per, c.clause]),
    callbacks: [h.callbacks.satisfied, h.callbacks.unsatisfied, h.callbacks.notValid],
    veto: a.cap, deadline: a.evidenceDeadline,
    items: a.items.map((i) => [i.no, i.name, i.status, i.clause, i.appliesTo.map(org)]),
    targets: a.derived.targets, parts: a.derived.parts,
    units: registry.hotlineUnits().map((o) => [o.name, o.type]),
    departments: registry.approvalDepartments().map((o) => o.name),
  };
}

describe("a new template carries the built-in method as sheets", () => {
  let port: ExcelJsWorkbookPort;
  beforeAll(async () => {
    port = await blankTemplate();
  });

  it("has 考核办法 and 便民化考核办法 with spec G's header labels below a title row", async () => {
    const sheets = await port.read(["考核办法", "便民化考核办法"]);
    expect(sheets.get("考核办法")?.values[1]).toEqual(["类别", "类别分值", "项目", "计分方式", "下限", "含下限", "上限", "含上限", "分值", "适用单位类别", "依据"]);
    expect(sheets.get("便民化考核办法")?.values[1]).toEqual(["事项", "内容", "涉及部门", "需报送印证资料", "依据", "由分项判定"]);
  });

  it("reads like 附件2: one row per band, case kind, tier and bonus kind, edges in percent, 依据 the clause", async () => {
    const rows = await sheetTable(port, SHEET.hotlineMethod);
    const of = (item: string) => rows.filter((r) => r.项目 === item);
    // 办结率 (spec A): 100% → 0; 99%—100% → 5; 98%—99% → 10; 97%—98% → 15; below 97% → 30. One cap per category.
    expect(of("办结率").map((r) => [r.类别, r.类别分值, r.计分方式, r.下限, r.含下限, r.上限, r.含上限, r.分值])).toEqual([
      ["工单办理", 30, "比率分档", "0%", "是", "97%", "否", 30],
      ["工单办理", null, "比率分档", "97%", "是", "98%", "否", 15],
      ["工单办理", null, "比率分档", "98%", "是", "99%", "否", 10],
      ["工单办理", null, "比率分档", "99%", "是", "100%", "否", 5],
      ["工单办理", null, "比率分档", "100%", "是", "100%", "是", 0],
    ]);
    // 退单率: 10%—15% holds 15% (spec A), 超过15% does not.
    expect(of("退单率").map((r) => [r.下限, r.含下限, r.上限, r.含上限, r.分值])).toEqual([
      ["0%", "是", "5%", "否", 0], ["5%", "是", "10%", "否", 3], ["10%", "是", "15%", "是", 6], ["15%", "否", "100%", "是", 10],
    ]);
    expect(of("反馈内容与实际不符").map((r) => [r.类别, r.计分方式, r.分值])).toEqual([["工单办理", "按件扣分", 10]]);
    expect(of("无理由推诿").map((r) => [r.类别, r.计分方式, r.分值])).toEqual([["日常工作配合", "按件扣分", 5]]);
    expect(of("月均办件量").map((r) => [r.类别, r.计分方式, r.下限, r.含下限, r.适用单位类别, r.分值])).toEqual([
      ["加分项", "办件量加分", 1000, "否", "县区", 10], ["加分项", "办件量加分", 250, "否", "市直", 10],
    ]);
    expect(of("国家级表彰").map((r) => [r.类别, r.计分方式, r.分值])).toEqual([["加分项", "按件加分", 10]]);
    // Caps as spec A: 30, 10, 10, 30, 20.
    expect(rows.filter((r) => r.类别分值 !== null).map((r) => [r.类别, r.类别分值]))
      .toEqual([["工单办理", 30], ["退单率", 10], ["延期率", 10], ["群众满意率", 30], ["日常工作配合", 20]]);
    expect(rows.every((r) => typeof r.依据 === "string" && String(r.依据).includes("附件2"))).toBe(true);
  });

  it("便民化考核办法: six items, 事项6 for all (全部) and derived from its parts, 事项3—5 with evidence", async () => {
    const rows = await sheetTable(port, SHEET.approvalMethod);
    expect(rows.map((r) => [r.事项, r.需报送印证资料, r.由分项判定])).toEqual([
      ["事项1", "否", "否"], ["事项2", "否", "否"], ["事项3", "是", "否"], ["事项4", "是", "否"], ["事项5", "是", "否"], ["事项6", "否", "是"],
    ]);
    expect(rows[5].涉及部门).toBe("全部");
    expect(rows[4].涉及部门).toBe("市自然资源局、市烟草专卖局、市消防救援支队");
  });

  it("承办单位 has an empty 别名 column", async () => {
    const units = await sheetTable(port, SHEET.units);
    expect(Object.keys(units[0])).toContain("别名");
    expect(units.every((u) => u.别名 === null)).toBe(true);
  });

  it("read back after a save, the method is the built-in rule set (bands, cases, caps, tiers, items, parameters, units)", async () => {
    const read = readMethod(await port.read(METHOD_READS));
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read).toMatchObject({ source: "workbook", label: "2021年度考核办法（安行审函〔2021〕73号）", problems: [] });
    expect(shape(read.rules)).toEqual(shape(BUILT_IN));
  });

  it("offers the 计分方式 and 是/否 words as drop-down lists", () => {
    const ws = port.workbook.getWorksheet("考核办法") as ExcelJS.Worksheet;
    expect(ws.getCell("D3").dataValidation).toMatchObject({ type: "list", formulae: ['"比率分档,按件扣分,按件加分,办件量加分"'] });
    expect(ws.getCell("F3").dataValidation).toMatchObject({ type: "list", formulae: ['"是,否"'] });
    expect(ws.getCell("J3").dataValidation).toMatchObject({ type: "list", formulae: ['"县区,市直,其他"'] });
  });
});

describe("补全模板 on a workbook that has some of it", () => {
  it("keeps the 参数 values the user typed and adds only the method's missing rows below them", async () => {
    const port = workbookOf({ [SHEET.params]: [["考核参数"], ["参数", "值", "说明"], ["考核月数", 6, "上半年"], ["考核年度", 2021, null]] });
    const before = await everything(port);
    const changes = templateChanges(await port.read(TEMPLATE_READS));
    expect(changes.addedRows).toEqual([{
      sheet: SHEET.params,
      labels: ["办法名称", "总分", "一票否决扣分", "印证资料截止日期", "基本满意计为满意", "比率保留小数位", "加分上限",
        "减时间比例不低于", "最多跑一次占比不低于", "即办事项占比不低于", "网上可办率不低于", "全程网办率不低于", "申诉期限（天）",
        "通报标题", "红榜人数", "黑榜人数", "黑榜范围", "发文单位", "通报日期", "主送机关"],
    }]);
    await port.apply(changes.plan);
    const after = await everything(port);
    before.get(SHEET.params)!.values.forEach((row, r) => row.forEach((v, c) => expect(after.get(SHEET.params)!.values[r][c]).toEqual(v)));
    const rows = await sheetTable(port, SHEET.params);
    expect(rows.slice(0, 3).map((r) => [r[LABEL.param], r[LABEL.value]])).toEqual([["考核月数", 6], ["考核年度", 2021], ["办法名称", "2021年度考核办法（安行审函〔2021〕73号）"]]);
    const read = readMethod(await port.read(METHOD_READS));
    expect(read.ok && read.rules.hotline.months).toBe(6);
  });

  it("never adds a rule row to the office's own method, nor 办法名称; adds 事项7 to 便民化考核 and missing 依据 columns", async () => {
    const hotline = HOTLINE_METHOD_2026.map((row) => row.slice(0, 10)); // no 依据 column
    // 便民化考核 of 2021's shape, one row per department (a 涉及部门 name must be one of them), a status typed.
    const approval: CellValue[][] = [
      ["便民化考核"], [LABEL.name, "事项1", "事项2", "事项3", "事项4", "事项5", "事项6"],
      ...REGISTRY_2021.approvalDepartments().map((o, i): CellValue[] => [o.approvalName as string, i === 0 ? "完成" : null]),
    ];
    const port = workbookOf({
      考核办法: hotline, 便民化考核办法: APPROVAL_METHOD_2026, [SHEET.params]: PARAMS_2026, [SHEET.units]: UNITS_2026,
      [SHEET.approval]: approval,
    });
    const before = await everything(port);
    const changes = await templateAll(withMethodFormats(port));
    expect(changes.createdSheets).not.toContain("考核办法");
    expect(changes.addedColumns).toEqual(expect.arrayContaining([
      { sheet: "考核办法", labels: ["依据"] }, { sheet: SHEET.approval, labels: expect.arrayContaining(["事项7"]) },
    ]));
    expect(changes.addedRows).toEqual([{ sheet: SHEET.params, labels: ["比率保留小数位", "加分上限", "申诉期限（天）",
      "通报标题", "红榜人数", "黑榜人数", "黑榜范围", "发文单位", "通报日期", "主送机关"] }]);
    const after = await everything(port);
    for (const [name, snap] of before) {
      snap.values.forEach((row, r) => row.forEach((v, c) => expect([name, r, c, after.get(name)!.values[r][c]]).toEqual([name, r, c, v])));
    }
    expect(after.get("考核办法")!.values.filter((r) => r.some((v) => v !== null))).toHaveLength(HOTLINE_METHOD_2026.length);
    // The new 热线数据 lists 2026's units: 市数据局 in, 市审计局 out.
    const units = (await sheetTable(port, SHEET.hotline)).map((r) => r[LABEL.name]);
    expect(units).toContain("市数据局");
    expect(units).not.toContain("市审计局");
  });
});

describe("补全模板 after a case kind is added to 考核办法", () => {
  it("the 事项 drop-down of an existing 扣分登记 offers the new kind (Excel's list would otherwise refuse it)", async () => {
    const register: CellValue[][] = [["扣分登记"], [LABEL.date, LABEL.name, "事项", "数量", "说明"], [44500, "汉滨区", "知识库未按时更新", 1, "已查实"]];
    const port = workbookOf({
      考核办法: HOTLINE_METHOD_2026, 便民化考核办法: APPROVAL_METHOD_2026, [SHEET.params]: PARAMS_2026, [SHEET.units]: UNITS_2026,
      [SHEET.deductions]: register,
    });
    const plan = templateChanges(await port.read(TEMPLATE_READS, { numberFormats: true }), readMethodRules(await withMethodFormats(port).read(METHOD_READS, { numberFormats: true }))).plan;
    const lists = plan.filter((op) => op.kind === "listValidation" && op.range.sheet === SHEET.deductions);
    expect(lists).toEqual([expect.objectContaining({ range: expect.objectContaining({ row: 2, col: 2 }), list: expect.arrayContaining(["工单分类错误", "知识库未按时更新"]) })]);
    // Only the list: the register's cells stay as typed.
    expect(plan.filter((op) => op.kind === "values" && "sheet" in op && op.sheet === SHEET.deductions)).toEqual([]);
  });
});

function readMethodRules(sheets: Map<string, SheetSnapshot>): RuleSet {
  const read = readMethod(sheets);
  if (!read.ok) throw new Error(read.problems.map((p) => p.message).join("; "));
  return read.rules;
}

describe("a template for the 2026 method (spec G: 便民化考核 has one status column per item)", () => {
  it("writes 事项1…事项7, 不涉及 where an item does not apply (事项7: 市公安局、市民政局、市税务局 only)", async () => {
    const port = workbookOf({ 考核办法: HOTLINE_METHOD_2026, 便民化考核办法: APPROVAL_METHOD_2026, [SHEET.params]: PARAMS_2026, [SHEET.units]: UNITS_2026 });
    await templateAll(withMethodFormats(port));
    const rows = await sheetTable(port, SHEET.approval);
    const header = (await port.read([SHEET.approval])).get(SHEET.approval)!.values[2];
    expect(header.filter((v) => typeof v === "string" && /^事项\d+$/.test(v))).toEqual(["事项1", "事项2", "事项3", "事项4", "事项5", "事项6", "事项7"]);
    const blank7 = rows.filter((r) => r.事项7 === null).map((r) => r[LABEL.name]);
    expect(blank7.sort()).toEqual(["市公安局", "市民政局", "市税务局"].sort());
    expect(rows.filter((r) => r.事项7 !== null).every((r) => r.事项7 === "不涉及")).toBe(true);
    expect((await port.read([SHEET.approval])).get(SHEET.approval)!.values[1][1]).toContain("事项1—7");
  });
});
