import { ruleSet } from "../../src/engine";
import {
  BACKUP_SHEET, LABEL, PART_LIST, SHEET, SHEETS, STATUS_LIST, UNIT_TYPE_LIST, sheetSpec,
} from "../../src/workbook/contract";
import { DERIVED_LABEL, ITEM_LABELS } from "./helpers";
import { competitionRanks, groupRanks } from "../../src/workbook/ranking";
import { cellAddress, columnLetter, parseAddress } from "../../src/workbook/address";

describe("the workbook contract (spec E)", () => {
  it("names the sheets of spec E exactly", () => {
    expect(SHEETS.map((s) => s.name)).toEqual(["承办单位", "热线数据", "扣分登记", "加分登记", "便民化考核", "12345热线考核表", "校验", "工单研判", "研判汇总", "参数"]);
    for (const s of [...SHEETS, BACKUP_SHEET]) {
      expect(s.name.length).toBeLessThanOrEqual(31);
      expect(s.name).not.toMatch(/[\\/?*[\]:]/);
      expect(s.columns.map((c) => c.label)).toContain(s.key);
    }
  });

  it("holds spec E's header labels", () => {
    const labels = (name: Parameters<typeof sheetSpec>[0]) => sheetSpec(name).columns.map((c) => c.label);
    expect(labels(SHEET.hotline)).toEqual(["单位名称", "工单总量", "应办结数", "按期办结数", "退单数", "延期申请数", "有效回访数", "满意数", "月均办件量"]);
    expect(labels(SHEET.deductions)).toEqual(["日期", "单位名称", "事项", "数量", "说明"]);
    expect(labels(SHEET.approval)).toEqual([
      "单位名称", ...ITEM_LABELS, "减时间比例", "最多跑一次占比", "即办事项占比", "网上可办率", "全程网办率", "办事指南整改", "电子印章申请",
      "数据供需清单", "印证资料报送日期", "扣分", "扣分说明",
    ]);
    expect(sheetSpec(SHEET.approval).columns.filter((c) => c.result).map((c) => c.label)).toEqual([LABEL.deduction, LABEL.explanation]);
    // 序号 is an extra column (spec H: rows in rank order, numbered); the spec-E labels follow in order.
    expect(labels(SHEET.result)).toEqual([
      "序号", "单位名称", "单位类别", "办结率", "工单办理扣分", "退单率", "退单率扣分", "延期率", "延期率扣分", "满意率", "满意率扣分",
      "日常配合扣分", "加分", "总分", "排名", "类别内排名", "扣分说明",
    ]);
    expect(labels(SHEET.checks).slice(0, 3)).toEqual(["工作表", "单元格", "问题"]);
  });

  it("takes 便民化考核's item and derived-item columns from the built-in rule set, as spec E writes them", () => {
    const rules = ruleSet();
    expect(rules.approval.derived.targets.map((t) => t.label)).toEqual(Object.values(DERIVED_LABEL).slice(0, 5));
    expect(rules.approval.derived.parts.map((p) => p.label)).toEqual(Object.values(DERIVED_LABEL).slice(5));
    expect(sheetSpec(SHEET.approval).columns.map((c) => c.label).slice(1, 15)).toEqual([...ITEM_LABELS, ...Object.values(DERIVED_LABEL)]);
  });

  it("offers validation lists Excel accepts (at most 255 characters) whose words the parsers accept", () => {
    const rules = ruleSet();
    const lists = [STATUS_LIST, PART_LIST, UNIT_TYPE_LIST, rules.hotline.cases.map((c) => c.label), rules.hotline.bonus.cases.map((c) => c.label)];
    for (const list of lists) expect(list.join(",").length + 2).toBeLessThanOrEqual(255);
    const words = [...rules.approval.statusWords.done, ...rules.approval.statusWords.notDone, ...rules.approval.statusWords.notApplicable];
    for (const w of STATUS_LIST) expect(words).toContain(w);
  });
});

describe("small helpers", () => {
  it("ranks with ties sharing a rank: 1, 2, 2, 4", () => {
    expect(competitionRanks([100, 97, 97, 74, undefined, 20])).toEqual([1, 2, 2, 4, undefined, 5]);
    expect(groupRanks([100, 97, 97, 74, 90], ["a", "b", "a", "b", undefined])).toEqual([1, 1, 2, 2, undefined]);
  });

  it("addresses", () => {
    expect([columnLetter(0), columnLetter(25), columnLetter(26), columnLetter(701), columnLetter(702)]).toEqual(["A", "Z", "AA", "ZZ", "AAA"]);
    expect(cellAddress(4, 2)).toBe("C5");
    expect(parseAddress("$AB$12")).toEqual({ row: 11, col: 27 });
    expect(parseAddress("12")).toBeUndefined();
  });
});
