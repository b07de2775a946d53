/**
 * The 报告's 便民化考核 facts (spec D, J): an applicable item left blank (counted 不涉及, a 校验 warning) is never
 * reported as completed; it is named, said under 需要说明的事项, and does not by itself make a 草稿.
 */
import { reportDocument, reportDraft, type ReportDepartment, type ReportInput } from "../../src/documents/report";
import { DEFAULT_SETTINGS } from "../../src/documents/params";

const dept = (name: string, failed: number[], unconfirmed: number[], deduction = failed.length > 0 ? 0.5 : 0): ReportDepartment => ({
  name, items: [1, 2, 3], failed, unconfirmed, deduction, explanation: "",
});

const input = (departments: ReportDepartment[]): ReportInput => ({
  year: 2021, method: "2021年度考核办法", table: { columns: ["序号", "单位名称"], rows: [["1", "甲"]] },
  units: [{ name: "甲", score: 100, explanation: "无扣分" }], departments, pending: 0, problems: [], settings: DEFAULT_SETTINGS, date: "2021年4月5日",
});

function body(i: ReportInput): string[] {
  return reportDocument(i).sections[0].blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));
}

describe("报告: 便民化考核 facts", () => {
  test("all applicable items filled and done: 均已完成, clean", () => {
    const texts = body(input([dept("市甲局", [], []), dept("市乙局", [], [])]));
    expect(texts).toContain("各部门适用事项均已完成，无扣分。");
    expect(texts).toContain("考核数据已全部校验，无待定研判。");
  });

  test("blank applicable items: named with their items, never 均已完成, said plainly, not a 草稿", () => {
    const i = input([dept("市甲局", [], [1, 3]), dept("市乙局", [], []), dept("市丙局", [2], [3])]);
    const texts = body(i);
    expect(texts.join("\n")).not.toContain("均已完成");
    expect(texts).toContain("考核部门3个，因适用事项未完成扣分的部门1个。");
    expect(texts).toContain("市丙局：未完成事项2，扣0.5分。");
    expect(texts).toContain("2个部门的适用事项未填写完成情况（空白或填“不涉及”），按“不涉及”处理、未计扣分，请核实：市甲局（事项1、事项3）、市丙局（事项3）。");
    expect(texts).toContain("审批服务便民化工作考核中有2个部门的适用事项未填写完成情况，按“不涉及”处理（见“校验”表的警告），其扣分可能变化。");
    expect(texts).not.toContain("考核数据已全部校验，无待定研判。");
    expect(reportDraft(i)).toBe(false);
    expect(reportDocument(i).title).not.toContain("草稿");
    const table = reportDocument(i).sections[2].blocks.find((b) => b.kind === "table");
    expect(table?.kind === "table" ? table.rows[0][3] : "").toBe("无；未填写：事项1、事项3（按不涉及处理）");
  });
});
