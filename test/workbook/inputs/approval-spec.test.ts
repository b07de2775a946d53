/*
 * Spec G: 便民化考核 has one status column 事项N per item of the method, and the derived item's part columns
 * only when the method has a derived item.
 */
import { ruleSet, type RuleSet } from "../../../src/engine";
import { approvalSpec } from "../../../src/workbook/inputs/approval";

const BUILT_IN = ruleSet(2021);
const labels = (rules: RuleSet) => approvalSpec(rules).columns.map((c) => c.label);
const PARTS = ["减时间比例", "最多跑一次占比", "即办事项占比", "网上可办率", "全程网办率", "办事指南整改", "电子印章申请", "数据供需清单"];

describe("便民化考核's columns follow the method's items", () => {
  test("2021: 事项1—6 (all needed), then 事项6's parts, the evidence date and the two result columns", () => {
    expect(labels(BUILT_IN)).toEqual(["单位名称", "事项1", "事项2", "事项3", "事项4", "事项5", "事项6", ...PARTS, "印证资料报送日期", "扣分", "扣分说明"]);
    expect(approvalSpec(BUILT_IN).columns.filter((c) => /^事项\d$/.test(c.label)).every((c) => c.needed)).toBe(true);
  });
  test("seven items: 事项7 beside 事项6", () => {
    const item7 = { ...BUILT_IN.approval.items[4], no: 7, name: "政务服务“好差评”整改" };
    const rules = { ...BUILT_IN, approval: { ...BUILT_IN.approval, items: [...BUILT_IN.approval.items, item7] } };
    expect(labels(rules).slice(0, 8)).toEqual(["单位名称", "事项1", "事项2", "事项3", "事项4", "事项5", "事项6", "事项7"]);
  });
  test("five items and no derived item: no 事项6 column and no part columns are asked for", () => {
    const rules = { ...BUILT_IN, approval: { ...BUILT_IN.approval, items: BUILT_IN.approval.items.slice(0, 5) } };
    expect(labels(rules)).toEqual(["单位名称", "事项1", "事项2", "事项3", "事项4", "事项5", "印证资料报送日期", "扣分", "扣分说明"]);
  });
});
