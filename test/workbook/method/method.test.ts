/*
 * Spec G: the method sheets 考核办法, 便民化考核办法, 参数 and 承办单位 (别名) parsed and checked. A broken method is
 * refused cell by cell (sheet, cell, Chinese message) and scores nothing.
 */
import fc from "fast-check";
import { REGISTRY_2021, ruleSet, scoreUnit, type HotlineUnitInput } from "../../../src/engine";
import type { CellValue, SheetSnapshot } from "../../../src/workbook/port";
import { readMethod, workbookMethod, type MethodRead } from "../../../src/workbook/method";
import { approvalMethodGrid, hotlineMethodGrid, methodParamRows, type Grid } from "../../../src/workbook/method/sheets";

const BUILT_IN = ruleSet(2021);

const snap = (name: string, values: Grid, numberFormats?: (string | null)[][]): SheetSnapshot => ({ name, values, numberFormats });

function sheets2021(edit: (s: { hotline: Grid; approval: Grid; params: Grid }) => void = () => undefined, extra: SheetSnapshot[] = []) {
  const s = { hotline: hotlineMethodGrid(BUILT_IN), approval: approvalMethodGrid(BUILT_IN), params: methodParamRows(BUILT_IN, "2021年度办法") };
  edit(s);
  return new Map<string, SheetSnapshot>([
    ["考核办法", snap("考核办法", s.hotline)], ["便民化考核办法", snap("便民化考核办法", s.approval)], ["参数", snap("参数", s.params)],
    ...extra.map((x) => [x.name, x] as const),
  ]);
}

const H = (grid: Grid, label: string) => grid[0].indexOf(label);
/** The row of 考核办法 holding `item` with 分值 `points` (the first when several). */
const rowOf = (grid: Grid, item: string, points?: number) =>
  grid.findIndex((r, i) => i > 0 && r[H(grid, "项目")] === item && (points === undefined || r[H(grid, "分值")] === points));
const addr = (row: number, col: number) => `${String.fromCharCode(65 + col)}${row + 1}`;

function failed(read: MethodRead) {
  if (read.ok) throw new Error("expected the method to be refused");
  return read.problems.filter((p) => p.severity === "error").map((p) => [p.sheet, p.cell, p.message]);
}

describe("the 2021 method written as sheets reads back as the built-in rules", () => {
  const read = readMethod(sheets2021());
  test("accepted, named by 办法名称", () => {
    expect(read).toMatchObject({ ok: true, source: "workbook", label: "2021年度办法", problems: [] });
  });
  const rules = read.ok ? read.rules : BUILT_IN;
  test("same categories, caps, case kinds, tiers, callback rule, veto cap, deadline and 涉及部门", () => {
    expect(rules.hotline.categories.map((c) => [c.id, c.name, c.cap])).toEqual(BUILT_IN.hotline.categories.map((c) => [c.id, c.name, c.cap]));
    expect(rules.hotline.cases.map((c) => [c.id, c.label, c.points, c.per])).toEqual(BUILT_IN.hotline.cases.map((c) => [c.id, c.label, c.points, c.per]));
    expect(rules.hotline.bonus.cases.map((c) => [c.id, c.points])).toEqual(BUILT_IN.hotline.bonus.cases.map((c) => [c.id, c.points]));
    expect(rules.hotline.bonus.volume.map((t) => [t.type, t.over, t.included, t.points])).toEqual([["县区", 1000, false, 10], ["市直", 250, false, 10]]);
    expect(rules.hotline.callbacks.satisfied).toEqual(["满意", "基本满意"]);
    expect(rules.approval).toMatchObject({ cap: 0.5, evidenceDeadline: "2021-12-31" });
    // The same departments, whichever of their spellings (市档案局 = 市档案馆, spec C).
    const orgs = (names: readonly string[]) => names.map((n) => REGISTRY_2021.resolve(n)?.name);
    expect(rules.approval.items.map((i) => [i.no, i.status, orgs(i.appliesTo)])).toEqual(BUILT_IN.approval.items.map((i) => [i.no, i.status, orgs(i.appliesTo)]));
    expect(rules.approval.derived.targets.map((t) => t.min)).toEqual([70, 95, 50, 95, 70]);
  });
  test("every unit scores the same under both (random units)", () => {
    const count = fc.integer({ min: 0, max: 2000 }).chain((d) => fc.tuple(fc.integer({ min: 0, max: d }), fc.constant(d)));
    const unit = fc.record({
      type: fc.constantFrom("县区" as const, "市直" as const, "其他" as const),
      pairs: fc.array(count, { minLength: 4, maxLength: 4 }),
      cases: fc.dictionary(fc.constantFrom(...BUILT_IN.hotline.cases.map((c) => c.id)), fc.integer({ min: 0, max: 5 })),
      bonusCases: fc.dictionary(fc.constantFrom(...BUILT_IN.hotline.bonus.cases.map((c) => c.id)), fc.integer({ min: 0, max: 3 })),
      monthlyAverage: fc.constantFrom(0, 250, 250.5, 1000, 1000.01, 1500),
    });
    fc.assert(fc.property(unit, (u) => {
      const input: HotlineUnitInput = {
        ...u,
        rates: Object.fromEntries(BUILT_IN.hotline.rates.map((r, i) => [r.id, { kind: "count" as const, numerator: u.pairs[i][0], denominator: u.pairs[i][1] }])),
      };
      const [a, b] = [scoreUnit(BUILT_IN.hotline, input), scoreUnit(rules.hotline, input)];
      expect(b.total).toBe(a.total);
      expect(b.categories.map((c) => c.deduction)).toEqual(a.categories.map((c) => c.deduction));
    }), { numRuns: 300 });
  });
});

describe("without method sheets: the built-in method of 考核年度", () => {
  test("no 参数: 内置2021年度办法", () => {
    expect(readMethod(new Map())).toMatchObject({ ok: true, source: "builtIn", label: "内置2021年度办法", rules: BUILT_IN });
  });
  test("考核年度 2026 without method sheets names no built-in method: refused at the cell", () => {
    const params = snap("参数", [["参数", "值"], ["考核年度", 2026]]);
    expect(failed(readMethod(new Map([["参数", params]])))).toEqual([["参数", "B2", expect.stringContaining("2026")]]);
  });
  test("a method 参数 row filled in without method sheets, other than the built-in value, is not silently ignored: a warning at its cell", async () => {
    const params = snap("参数", [["参数", "值"], ["考核年度", 2021], ["考核月数", 6], ["一票否决扣分", 0.3], ["加分上限", null], ["总分", 100], ["办法名称", "甲"]]);
    const expected = [{ severity: "warning", sheet: "参数", cell: "B4", message: expect.stringContaining("一票否决扣分") }];
    const read = readMethod(new Map([["参数", params]]));
    expect(read).toMatchObject({ ok: true, source: "builtIn", rules: BUILT_IN });
    expect(read.problems).toEqual(expected);
    const port = { read: async () => new Map([["参数", params]]) };
    expect((await workbookMethod(port, () => BUILT_IN)).problems).toEqual(expected);
  });
  test("a bad value in such a row is not silently dropped either: a warning saying it was not used", () => {
    const params = snap("参数", [["参数", "值"], ["印证资料截止日期", "2022年3月底"], ["考核月数", "十二"]]);
    const read = readMethod(new Map([["参数", params]]));
    expect(read.ok).toBe(true);
    // 考核月数 is compute-all's own row (checked there); 印证资料截止日期 only a method reads.
    expect(read.problems).toEqual([{ severity: "warning", sheet: "参数", cell: "B2", message: expect.stringMatching(/2022年3月底.*未采用/) }]);
  });
  test("one method sheet without the other is refused", () => {
    const s = sheets2021();
    s.delete("便民化考核办法");
    expect(failed(readMethod(s))).toEqual([["便民化考核办法", undefined, expect.stringContaining("缺少工作表")]]);
  });
});

describe("a broken method is refused cell by cell", () => {
  test("a gap between two bands: named at the band's 下限", () => {
    let at = "";
    const read = readMethod(sheets2021(({ hotline }) => {
      const r = rowOf(hotline, "办结率", 15);
      hotline[r][H(hotline, "下限")] = 96;
      at = addr(r, H(hotline, "下限"));
    }));
    expect(failed(read)).toEqual([["考核办法", expect.any(String), expect.stringMatching(/办结率.*缺口或重叠/)]]);
    expect(failed(read)[0][1]).toBe(addr(rowOf(sheets2021().get("考核办法")!.values as Grid, "办结率", 30), 4));
    expect(at).toBeTruthy();
  });
  test("an edge in two bands", () => {
    const read = readMethod(sheets2021(({ hotline }) => {
      hotline[rowOf(hotline, "满意率", 10)][H(hotline, "含上限")] = "是";
    }));
    expect(failed(read)).toEqual([["考核办法", expect.any(String), expect.stringContaining("边界80%")]]);
  });
  test("caps not summing to 总分", () => {
    let firstCap = "";
    const read = readMethod(sheets2021(({ hotline }) => {
      hotline[rowOf(hotline, "退单率", 0)][H(hotline, "类别分值")] = 15;
      const col = H(hotline, "类别分值");
      firstCap = addr(hotline.findIndex((r, i) => i > 0 && typeof r[col] === "number"), col);
    }));
    expect(failed(read)).toEqual([["考核办法", firstCap,
      "各扣分类别的类别分值合计105分（工单办理30、退单率15、延期率10、群众满意率30、日常工作配合20），不等于总分100分（参数“总分”）。"]]);
  });
  test("two different caps for one category", () => {
    const read = readMethod(sheets2021(({ hotline }) => {
      hotline[rowOf(hotline, "反馈内容与实际不符")][H(hotline, "类别分值")] = 25;
    }));
    expect(failed(read)).toContainEqual(["考核办法", addr(rowOf(hotlineMethodGrid(BUILT_IN), "反馈内容与实际不符"), 1), expect.stringContaining("工单办理")]);
  });
  test.each([
    ["unknown 计分方式", "计分方式", "按次扣分", /计分方式“按次扣分”无法识别/],
    ["non-numeric 分值", "分值", "十", /分值（.*）的值“十”不是数字/],
  ])("%s", (_name, label, value, message) => {
    let at = "";
    const read = readMethod(sheets2021(({ hotline }) => {
      const r = rowOf(hotline, "无理由推诿");
      hotline[r][H(hotline, label)] = value;
      at = addr(r, H(hotline, label));
    }));
    expect(failed(read)).toContainEqual(["考核办法", at, expect.stringMatching(message)]);
  });
  test("two rows for one case kind", () => {
    const read = readMethod(sheets2021(({ hotline }) => {
      hotline.push([...hotline[rowOf(hotline, "无理由推诿")]].map((v, i) => (i === 1 ? null : v)));
    }));
    expect(failed(read)).toEqual([["考核办法", addr(hotlineMethodGrid(BUILT_IN).length, 2), expect.stringContaining("无理由推诿")]]);
  });
  test("a plain fraction in a percent cell is refused; with a percent format it is a fraction", () => {
    const edit = ({ hotline }: { hotline: Grid }) => {
      hotline[rowOf(hotline, "办结率", 15)][H(hotline, "下限")] = 0.97;
      hotline[rowOf(hotline, "办结率", 30)][H(hotline, "上限")] = 0.97;
    };
    expect(failed(readMethod(sheets2021(edit)))).toContainEqual(["考核办法", expect.any(String), expect.stringContaining("写成 97% 或 97")]);
    const s = sheets2021(edit);
    const grid = s.get("考核办法")!.values as Grid;
    const formats = grid.map((row) => row.map(() => null as string | null));
    formats[rowOf(grid, "办结率", 15)][H(grid, "下限")] = "0%";
    formats[rowOf(grid, "办结率", 30)][H(grid, "上限")] = "0.00%";
    s.set("考核办法", snap("考核办法", grid, formats));
    expect(readMethod(s).ok).toBe(true);
  });
  test("text percent 97% and 97％ are 97%", () => {
    const read = readMethod(sheets2021(({ hotline }) => {
      hotline[rowOf(hotline, "办结率", 15)][H(hotline, "下限")] = "97％";
      hotline[rowOf(hotline, "办结率", 30)][H(hotline, "上限")] = "97%";
    }));
    expect(read.ok).toBe(true);
  });
  test("a 涉及部门 name that resolves to nothing", () => {
    const read = readMethod(sheets2021(({ approval }) => {
      approval[4][2] = `${approval[4][2]}、市宣传部`;
    }));
    expect(failed(read)).toEqual([["便民化考核办法", "C5", expect.stringContaining("市宣传部")]]);
  });
  test("a bad 参数 value is refused at its cell; an unknown 参数 row is a warning", () => {
    const bad = readMethod(sheets2021(({ params }) => {
      params[params.findIndex((r) => r[0] === "一票否决扣分")][1] = "半分";
    }));
    expect(failed(bad)).toEqual([["参数", expect.stringMatching(/^B\d+$/), expect.stringContaining("一票否决扣分")]]);
    const unknown = readMethod(sheets2021(({ params }) => {
      params.push(["考核口径", "全口径"]);
    }));
    expect(unknown).toMatchObject({ ok: true, problems: [{ sheet: "参数", severity: "warning", message: expect.stringContaining("考核口径") }] });
  });
});

describe("承办单位 and 便民化考核 give the year's units, departments and aliases", () => {
  const units = (rows: CellValue[][]) => snap("承办单位", [["单位名称", "单位类别", "别名"], ...rows]);
  test("a removed unit is gone, an added one is known by its 别名; section C spellings still resolve", () => {
    const list = REGISTRY_2021.hotlineUnits().filter((o) => o.name !== "市审计局").map((o): CellValue[] => [o.name, o.type, null]);
    list.push(["市数据局", "市直", "市大数据局、数据局"]);
    const read = readMethod(sheets2021(undefined, [units(list)]));
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const reg = read.rules.registry;
    expect(reg.hotlineUnits()).toHaveLength(77);
    expect(reg.resolve("市审计局")).toBeUndefined();
    expect(reg.resolve("市大数据局")?.name).toBe("市数据局");
    expect(reg.resolve("汉滨区")?.name).toBe("汉滨区政府");
    expect(reg.resolve("市发展和改革委员会")?.approvalName).toBe("市发改委");
  });
  test("an alias that names two units is refused at the 别名 cell", () => {
    const list = REGISTRY_2021.hotlineUnits().map((o): CellValue[] => [o.name, o.type, o.name === "市民政局" ? "汉滨区" : null]);
    expect(failed(readMethod(sheets2021(undefined, [units(list)])))).toContainEqual(["承办单位", expect.stringMatching(/^C\d+$/), expect.stringContaining("汉滨区")]);
  });
});
