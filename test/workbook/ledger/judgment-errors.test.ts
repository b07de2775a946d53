/**
 * 工单研判 rows with errors are attributed by one rule everywhere (工单导入校验's 单位名称, 研判汇总's 有误 and
 * headline, the unit's 扣分说明): the unit of the order the 工单编号 names when it is in the ledger, else the unit
 * typed in 承办单位 when recognisable, else no unit (研判汇总's 未能归属单位 line). Expected counts are by hand.
 */
import { arrayRows } from "../../../src/ledger";
import { computeAll, importLedger } from "../../../src/workbook";
import { SHEET } from "../../../src/workbook/contract";
import { LEDGER_SHEET, PROBLEM_LABEL } from "../../../src/workbook/ledger";
import { resultTable } from "../helpers";
import { HEADER, order, ownedTable, templatePort } from "./helpers";

const NOW = new Date(2022, 0, 5, 9, 30, 0);
const HB = "汉滨区政府";
const HY = "汉阴县政府";

const LEDGER = [
  order("AK001", "汉滨区", "2021-03-01 09:00:00", "2021-03-10 18:00:00", "2021-03-05 10:00:00", "否", "否", "满意"),
  order("AK002", "汉滨区", "2021-03-02 09:00:00", "2021-03-10 18:00:00", "2021-03-05 10:00:00", "是", "否", "不满意"),
  order("AK003", "汉滨区", "2021-03-03 09:00:00", "2021-03-10 18:00:00", "2021-03-05 10:00:00", "否", "否", "不满意"),
  order("AK010", "汉阴县", "2021-03-03 09:00:00", "2021-03-10 18:00:00", "2021-03-05 10:00:00", "否", "否", "满意"),
];

// Rows 3…8 of 工单研判 (工单编号, 承办单位, 研判事项, 更正为, 结论, 提出日期, 决定日期).
const DECISIONS = [
  ["AK001", null, "乱写事项", null, "成立", "2021-04-01", "2021-04-05"], // 3: unreadable 研判事项 → 汉滨区政府 (its order)
  ["AK002", "汉阴县", "退单合理", null, "成立", "2021-04-01", "2021-04-05"], // 4: wrong 承办单位 → 汉滨区政府 (its order)
  ["AK003", null, "随便", null, "成立", "2021-04-05", "2021-04-01"], // 5: two errors, one row → 汉滨区政府
  ["AK9999", null, "不合理诉求", null, "成立", "2021-04-01", "2021-04-05"], // 6: not in the ledger, no 承办单位 → no unit
  ["AK9998", "汉阴县", "不合理诉求", null, "成立", "2021-04-01", "2021-04-05"], // 7: not in the ledger → 汉阴县政府 (typed)
  ["AK9997", "不存在的单位", "不合理诉求", null, "成立", "2021-04-01", "2021-04-05"], // 8: not in the ledger, unknown unit → no unit
];

describe("工单研判 error rows: one attribution in 工单导入校验, 研判汇总 and 扣分说明", () => {
  it("counts each error row once, at the unit of the rule, and the rows of no unit on a line of their own", async () => {
    const port = await templatePort();
    await port.apply([{ kind: "values", sheet: SHEET.judgment, row: 2, col: 0, values: DECISIONS }]);
    const result = await importLedger(port, arrayRows([HEADER, ...LEDGER]), { period: "2021", now: NOW });
    expect(result.status).toBe("ok");
    await computeAll(port, { now: NOW });

    const listed = (await ownedTable(port, LEDGER_SHEET.problems, PROBLEM_LABEL.row))
      .filter((r) => String(r[PROBLEM_LABEL.row]).startsWith(SHEET.judgment) && r[PROBLEM_LABEL.level] === "错误");
    const rowsOf = (unit: string | null) => [...new Set(listed.filter((r) => r[PROBLEM_LABEL.unit] === unit)
      .map((r) => Number(/(\d+)$/.exec(String(r[PROBLEM_LABEL.row]))![1])))].sort();
    expect(rowsOf(HB)).toEqual([3, 4, 5]);
    expect(rowsOf(HY)).toEqual([7]);
    expect(rowsOf(null)).toEqual([6, 8]);

    const summary = await ownedTable(port, SHEET.judgmentSummary, "单位名称");
    const errorsOf = (name: string) => summary.find((r) => r.单位名称 === name)?.有误;
    expect(errorsOf(HB)).toBe(3);
    expect(errorsOf(HY)).toBe(1);
    expect(errorsOf("未能归属单位")).toBe(2);
    const headline = (await port.read([SHEET.judgmentSummary])).get(SHEET.judgmentSummary)!.values.flat().find((v) => typeof v === "string" && v.startsWith("研判成立"));
    expect(headline).toContain("有误6件");

    const table = await resultTable(port);
    expect(table.get(HB)!.扣分说明).toContain("工单研判有3行有错误未生效");
    expect(table.get(HY)!.扣分说明).toContain("工单研判有1行有错误未生效");
  });
});
