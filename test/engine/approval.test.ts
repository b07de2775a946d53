import {
  REGISTRY_2021, applies, judgeDepartment, parseDate, parseStatus, ruleSet, targetMet, targetsResult, vetoExplanation,
  vetoFromStatuses, type Cell, type DepartmentInput, type Status,
} from "../../src/engine";
import type { ApprovalTarget } from "../../src/engine/rules/types";
import { APPROVAL_DEPARTMENTS, ITEM_DEPARTMENTS } from "./registry/document-names";

const RULES = ruleSet(2021).approval;
const org = (name: string) => {
  const found = REGISTRY_2021.resolve(name);
  if (!found) throw new Error(`unknown ${name}`);
  return found;
};

describe("便民化 涉及部门：每项只适用于所列部门（事项6适用于全部37个）", () => {
  test.each([1, 2, 3, 4, 5, 6] as const)("事项%i 适用的部门恰为文件所列", (no) => {
    const listed = new Set(ITEM_DEPARTMENTS[no].map(org));
    for (const name of APPROVAL_DEPARTMENTS) {
      expect([name, applies(RULES, REGISTRY_2021, org(name), no)]).toEqual([name, listed.has(org(name))]);
    }
  });
  test("事项6适用于全部37个考核对象", () => {
    expect(REGISTRY_2021.approvalDepartments().every((d) => applies(RULES, REGISTRY_2021, d, 6))).toBe(true);
  });
  test.each([
    ["市自然资源局", [3, 5, 6]],
    ["市消防救援支队", [3, 4, 5, 6]],
    ["市发改委", [1, 2, 3, 6]],
    ["市委统战部", [6]],
    ["市档案馆", [6]],
    ["市教体局", [2, 3, 6]],
  ] as const)("%s 适用事项 %j", (name, items) => {
    expect([1, 2, 3, 4, 5, 6].filter((no) => applies(RULES, REGISTRY_2021, org(name), no))).toEqual(items);
  });
  test("别名同样适用：市发展和改革委员会 = 市发改委", () => {
    expect(applies(RULES, REGISTRY_2021, org("市发展和改革委员会"), 1)).toBe(true);
  });
});

describe("便民化 事项6（二）五项指标“不低于”：含下限", () => {
  const targets = Object.fromEntries(RULES.derived.targets.map((t) => [t.id, t])) as Record<ApprovalTarget["id"], ApprovalTarget>;
  test.each([
    ["减时间比例 70% → 达标", "timeCut", 0.7, true],
    ["减时间比例 69.99% → 未达标", "timeCut", 0.6999, false],
    ["减时间比例 =0.1*7（0.7000000000000001）→ 达标", "timeCut", 0.1 * 7, true],
    ["最多跑一次占比 95% → 达标", "oneTrip", 0.95, true],
    ["最多跑一次占比 94.99% → 未达标", "oneTrip", 0.9499, false],
    ["即办事项占比 50% → 达标", "instant", 0.5, true],
    ["即办事项占比 49.99% → 未达标", "instant", 0.4999, false],
    ["网上可办率 95% → 达标", "online", 0.95, true],
    ["网上可办率 =19/20 → 达标", "online", 19 / 20, true],
    ["网上可办率 94.99% → 未达标", "online", 0.9499, false],
    ["全程网办率 70% → 达标", "fullOnline", 0.7, true],
    ["全程网办率 69.99% → 未达标", "fullOnline", 0.6999, false],
    ["全程网办率 100% → 达标", "fullOnline", 1, true],
  ] as const)("%s", (_name, id, rate, met) => {
    expect(targetMet(targets[id], rate)).toBe(met);
  });

  test("五项全部达标才算完成；未达标的指标写入说明", () => {
    const all = { timeCut: 0.7, oneTrip: 0.95, instant: 0.5, online: 0.95, fullOnline: 0.7 };
    expect(targetsResult(RULES, all)).toEqual({ met: true, lines: [] });
    const missed = targetsResult(RULES, { ...all, instant: 0.4999 });
    expect(missed.met).toBe(false);
    expect(missed.lines.map((l) => l.note)).toEqual(["即办事项占比49.99%低于50%"]);
  });
});

describe("便民化 考核细则3 一票否决：任一适用事项未完成扣0.5分，否则0分", () => {
  test.each([
    ["全部完成 → 0", ["done", "done", "done"], 0],
    ["全部不涉及 → 0", ["notApplicable", "notApplicable"], 0],
    ["完成与不涉及 → 0", ["done", "notApplicable", "done"], 0],
    ["一项未完成 → 0.5", ["done", "notDone", "done"], 0.5],
    ["多项未完成仍为 0.5（按上限）", ["notDone", "notDone", "notDone"], 0.5],
    ["没有事项 → 0", [], 0],
  ] as const)("%s", (_name, statuses, points) => {
    expect(vetoFromStatuses(RULES, statuses as readonly Status[])).toBe(points);
  });
});

/** One department's row as the workbook gives it: raw cells, parsed as the workbook layer does. */
function row(name: string, cells: {
  items?: readonly unknown[];
  parts?: Partial<Record<"guide" | "seal" | "dataList", unknown>>;
  targets?: Partial<Record<ApprovalTarget["id"], number | null>>;
  evidence?: unknown;
}): DepartmentInput {
  const status = (raw: unknown, field: string): Status => {
    const parsed = parseStatus(raw, RULES.statusWords, field);
    if (!parsed.ok) throw new Error(parsed.problem.message);
    return parsed.value;
  };
  const items = [0, 1, 2, 3, 4, 5].map((i): Cell<Status> => {
    const raw = cells.items?.[i] ?? null;
    return { value: status(raw, `事项${i + 1}`), raw, field: `事项${i + 1}` };
  });
  const part = (id: "guide" | "seal" | "dataList", label: string): Cell<Status | null> => {
    const raw = cells.parts?.[id] ?? null;
    return { value: raw === null ? null : status(raw, label), raw, field: label };
  };
  const target = (id: ApprovalTarget["id"], label: string): Cell<number | null> => {
    const value = cells.targets?.[id] ?? null;
    return { value, raw: value, field: label };
  };
  const date = parseDate(cells.evidence ?? null, "印证资料报送日期");
  if (!date.ok) throw new Error(date.problem.message);
  return {
    org: org(name),
    items,
    parts: { guide: part("guide", "办事指南整改"), seal: part("seal", "电子印章申请"), dataList: part("dataList", "数据供需清单") },
    targets: {
      timeCut: target("timeCut", "减时间比例"), oneTrip: target("oneTrip", "最多跑一次占比"), instant: target("instant", "即办事项占比"),
      online: target("online", "网上可办率"), fullOnline: target("fullOnline", "全程网办率"),
    },
    evidenceDate: { value: date.value, raw: cells.evidence ?? null, field: "印证资料报送日期" },
  };
}

const judge = (input: DepartmentInput) => judgeDepartment(RULES, REGISTRY_2021, input);
const ALL_DONE = ["完成", "完成", "完成", "完成", "完成", "完成"];
const PARTS_DONE = { guide: "完成", seal: "是", dataList: true };
const TARGETS_MET = { timeCut: 0.7, oneTrip: 0.95, instant: 0.5, online: 0.95, fullOnline: 0.7 };

describe("便民化 judgeDepartment：适用事项全部完成 → 0；任一未完成 → 0.5", () => {
  test("市自然资源局（事项3、5、6）全部完成 → 0", () => {
    const result = judge(row("市自然资源局", { items: [null, null, "完成", null, "已完成", "是"] }));
    expect(result).toMatchObject({ deduction: 0, failed: [], problems: [] });
    expect(vetoExplanation(result)).toBe("全部适用事项已完成，不扣分");
  });
  test("市自然资源局 事项3未完成 → 0.5", () => {
    const result = judge(row("市自然资源局", { items: [null, null, "未完成", null, "完成", "完成"] }));
    expect(result).toMatchObject({ deduction: 0.5, failed: [3], problems: [] });
    expect(result.lines.at(-1)).toMatchObject({ rule: "veto", points: -0.5 });
  });
  test("市发改委（事项1、2、3、6）两项未完成仍只扣0.5", () => {
    const result = judge(row("市发改委", { items: [false, "否", "完成", null, null, "完成"] }));
    expect(result).toMatchObject({ deduction: 0.5, failed: [1, 2] });
  });
});

describe("便民化 考核细则2：事项3—5的印证资料须于2021-12-31前报市审改办；前期已报送的可不再报送", () => {
  const fire = (evidence: unknown) => judge(row("市消防救援支队", { items: [null, null, "完成", "完成", "完成", "完成"], evidence }));
  test.each([
    ["2021-12-31 报送 → 按时，0", "2021-12-31", 0, []],
    ["2021-06-30 报送 → 按时，0", "2021-06-30", 0, []],
    ["空白（前期已报送）→ 按时，0", null, 0, []],
    ["2022-01-01 报送 → 逾期，事项3—5视为未完成，0.5", "2022-01-01", 0.5, [3, 4, 5]],
    ["2022年1月5日 报送 → 逾期，0.5", "2022年1月5日", 0.5, [3, 4, 5]],
  ] as const)("%s", (_name, evidence, deduction, failed) => {
    const result = fire(evidence);
    expect(result.deduction).toBe(deduction);
    expect(result.failed).toEqual(failed);
    expect(result.problems).toEqual([]);
  });
  test("空白日期：已完成的事项3—5按前期已报送计（filedEarlier，供校验说明）；有日期或未完成的不列", () => {
    expect(fire(null).filedEarlier).toEqual([3, 4, 5]);
    expect(fire("2021-12-31").filedEarlier).toEqual([]);
    expect(fire("2022-01-01").filedEarlier).toEqual([]);
    const partly = judge(row("市自然资源局", { items: [null, null, "未完成", null, "完成", "完成"], evidence: null }));
    expect(partly.filedEarlier).toEqual([5]);
  });
  test("逾期的说明写出日期与截止日期", () => {
    const result = fire("2022-01-01");
    expect(result.lines.find((l) => l.rule === "item3")?.note).toBe("事项3印证资料2022-01-01报送，晚于截止日期2021-12-31，视为未完成");
    expect(vetoExplanation(result)).toContain("晚于截止日期2021-12-31");
  });
  test("逾期只影响事项3—5：市发改委（事项1、2、3、6）只有事项3视为未完成", () => {
    const result = judge(row("市发改委", { items: ALL_DONE, evidence: "2022-01-01" }));
    expect(result.failed).toEqual([3]);
  });
  test("逾期不使“未完成”变成别的：未完成仍是未完成", () => {
    const result = judge(row("市自然资源局", { items: [null, null, "未完成", null, "完成", "完成"], evidence: "2022-01-01" }));
    expect(result.failed).toEqual([3, 5]);
  });
});

describe("便民化 事项6：四部分全部完成才算完成，分项填写时由分项得出", () => {
  const unitedFront = (cells: Parameters<typeof row>[1]) => judge(row("市委统战部", cells));

  test("事项6空白，分项全部完成且五项指标达标 → 完成，0", () => {
    expect(unitedFront({ parts: PARTS_DONE, targets: TARGETS_MET })).toMatchObject({ deduction: 0, failed: [], problems: [] });
  });
  test("事项6填“完成”与分项一致 → 0", () => {
    expect(unitedFront({ items: [null, null, null, null, null, "完成"], parts: PARTS_DONE, targets: TARGETS_MET }))
      .toMatchObject({ deduction: 0, problems: [] });
  });
  test.each([
    ["减时间比例 69.99%", { targets: { ...TARGETS_MET, timeCut: 0.6999 } }, "减时间比例69.99%低于70%"],
    ["全程网办率 69.99%", { targets: { ...TARGETS_MET, fullOnline: 0.6999 } }, "全程网办率69.99%低于70%"],
    ["办事指南整改 未完成", { parts: { ...PARTS_DONE, guide: "未完成" } }, "办事指南整改未完成"],
    ["电子印章申请 否", { parts: { ...PARTS_DONE, seal: "否" } }, "电子印章申请未完成"],
    ["数据供需清单 FALSE", { parts: { ...PARTS_DONE, dataList: false } }, "数据供需清单未完成"],
  ] as const)("%s → 事项6未完成，0.5，并说明原因", (_name, change, note) => {
    const result = unitedFront({ parts: PARTS_DONE, targets: TARGETS_MET, ...change });
    expect(result).toMatchObject({ deduction: 0.5, failed: [6], problems: [] });
    expect(result.lines.map((l) => l.note)).toContain(note);
    expect(vetoExplanation(result)).toContain(note);
  });

  test("事项6填“完成”但分项得出“未完成” → 冲突，不评分", () => {
    const result = unitedFront({ items: [null, null, null, null, null, "完成"], parts: { ...PARTS_DONE, seal: "否" }, targets: TARGETS_MET });
    expect(result.deduction).toBe(0);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ code: "conflict", severity: "error", field: "事项6" });
    expect(result.problems[0].message).toContain("未完成");
  });
  test("事项6填“未完成”但分项全部完成 → 冲突", () => {
    const result = unitedFront({ items: [null, null, null, null, null, "未完成"], parts: PARTS_DONE, targets: TARGETS_MET });
    expect(result.problems.map((p) => p.code)).toEqual(["conflict"]);
  });
  test("分项只填了一部分 → 每个空白分项都报“不完整”", () => {
    const result = unitedFront({ items: [null, null, null, null, null, "完成"], parts: { guide: "完成" } });
    expect(result.deduction).toBe(0);
    expect(result.problems.map((p) => p.code)).toEqual(Array(7).fill("incomplete"));
    expect(result.problems.map((p) => p.field)).toEqual([
      "电子印章申请", "数据供需清单", "减时间比例", "最多跑一次占比", "即办事项占比", "网上可办率", "全程网办率",
    ]);
  });
  test("规则B“四部分全部完成才算完成”：分项填“不涉及”不算完成 → 0.5，并说明", () => {
    const result = unitedFront({ parts: { ...PARTS_DONE, guide: "不涉及" }, targets: TARGETS_MET });
    expect(result).toMatchObject({ deduction: 0.5, failed: [6], problems: [] });
    expect(vetoExplanation(result)).toContain("办事指南整改填“不涉及”，不算完成");
  });
  test("事项6填“不涉及”而分项已填 → 与分项冲突，不评分", () => {
    const result = unitedFront({ items: [null, null, null, null, null, "不涉及"], parts: PARTS_DONE, targets: TARGETS_MET });
    expect(result.problems.map((p) => [p.code, p.severity, p.field])).toEqual([["conflict", "error", "事项6"]]);
  });
  test("分项只填了一部分，但已有一项未达标 → 事项6未完成 0.5，空白分项为警告", () => {
    const result = unitedFront({ items: [null, null, null, null, null, "未完成"], targets: { fullOnline: 0.5 } });
    expect(result).toMatchObject({ deduction: 0.5, failed: [6] });
    expect(result.problems.every((p) => p.code === "incomplete" && p.severity === "warning")).toBe(true);
  });
  test("分项只填了一部分且都达标，事项6已填“完成” → 按填写的完成，空白分项为警告", () => {
    const result = unitedFront({ items: [null, null, null, null, null, "完成"], parts: { guide: "完成" } });
    expect(result).toMatchObject({ deduction: 0, failed: [] });
    expect(result.problems.map((p) => p.severity)).toEqual(Array(7).fill("warning"));
  });
  test("事项6填“完成”而已填的分项未达标 → 冲突", () => {
    const result = unitedFront({ items: [null, null, null, null, null, "完成"], targets: { fullOnline: 0.5 } });
    expect(result.problems.filter((p) => p.severity === "error").map((p) => p.code)).toEqual(["conflict"]);
  });
  test("分项都不填时，事项6按填写的状态：未完成 → 0.5", () => {
    expect(unitedFront({ items: [null, null, null, null, null, "未完成"] })).toMatchObject({ deduction: 0.5, failed: [6] });
  });
});

describe("便民化 状态填写的问题", () => {
  test("不是便民化考核对象的单位 → 调用方错误，抛出", () => {
    expect(() => judge({ ...row("市发改委", {}), org: org("市审计局") })).toThrow();
  });
  test.each([["true", "done"], ["false", "notDone"], [" 是 ", "done"]] as const)(
    "文本格式单元格中的 %j 与逻辑值同义", (raw, status) => {
      expect(parseStatus(raw, RULES.statusWords, "事项1")).toEqual({ ok: true, value: status });
    });
  test("规则D 空白即“不涉及”：适用的事项留空 → 不扣分，但警告请核实", () => {
    const result = judge(row("市自然资源局", { items: [null, null, null, null, "完成", "完成"] }));
    expect(result).toMatchObject({ deduction: 0, failed: [] });
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ code: "notApplicableItem", severity: "warning", field: "事项3" });
    expect(result.problems[0].message).toContain("请核实");
  });
  test("适用的事项填“不涉及” → 同 VETO_SCORE 不计扣分，警告", () => {
    const result = judge(row("市自然资源局", { items: [null, null, "不涉及", null, "未完成", "完成"] }));
    expect(result).toMatchObject({ deduction: 0.5, failed: [5] });
    expect(result.problems[0]).toMatchObject({ code: "notApplicableItem", severity: "warning", field: "事项3" });
  });
  test("不适用的事项填了状态 → 警告，不计入考核", () => {
    const result = judge(row("市委统战部", { items: ["未完成", "完成", null, null, null, "完成"] }));
    expect(result.deduction).toBe(0);
    expect(result.failed).toEqual([]);
    expect(result.problems.map((p) => [p.code, p.severity, p.field])).toEqual([
      ["notApplicableItem", "warning", "事项1"],
      ["notApplicableItem", "warning", "事项2"],
    ]);
    expect(result.problems[0].message).toContain("不适用");
  });
  test("警告不妨碍评分：不适用事项填了状态，适用事项未完成 → 0.5", () => {
    const result = judge(row("市委统战部", { items: ["完成", null, null, null, null, "未完成"] }));
    expect(result).toMatchObject({ deduction: 0.5, failed: [6] });
    expect(result.problems.map((p) => p.severity)).toEqual(["warning"]);
  });
});
