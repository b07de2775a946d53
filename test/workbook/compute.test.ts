import { LABEL, RESULT_LABEL, SEQ_LABEL, SHEET } from "../../src/workbook/contract";
import { computeAll, computePlan } from "../../src/workbook/compute";
import { APPROVAL, APPROVAL_DOC, EXPECTED, EXPECTED_VETO, fixture } from "./fixtures";
import { resultCell, resultTable, roundTrip, setCell, sheetTable, withoutFiledEarlier } from "./helpers";

/**
 * Spec B/G: items 3–5 need 印证资料; a done one with a blank 印证资料报送日期 counts as filed earlier, with a 校验 note.
 * The fixture's departments with such items, and which items.
 */
const FILED_EARLIER = APPROVAL.filter((r) => r[LABEL.evidenceDate] === undefined || r[LABEL.evidenceDate] === null)
  .map((r) => [String(r[LABEL.name]), [3, 4, 5].filter((n) => r[`事项${n}`] === "完成")] as const)
  .filter(([, items]) => items.length > 0);

describe("compute-all on a fixture workbook with hand-computed answers", () => {
  let port: Awaited<ReturnType<typeof fixture>>;
  let output: Awaited<ReturnType<typeof computeAll>>;

  beforeAll(async () => {
    port = fixture();
    output = await computeAll(port);
    port = await roundTrip(port);
  });

  it("scores every unit of 承办单位 with the official names, listed in rank order and numbered (spec H)", async () => {
    const table = await resultTable(port);
    expect([...table.keys()].sort()).toEqual(["汉滨区政府", "汉阴县政府", "市人力资源和社会保障局", "市公安局", "工行安康分行", "建行安康分行"].sort());
    const rows = [...table.values()];
    expect(rows.map((r) => r[SEQ_LABEL])).toEqual([1, 2, 3, 4, 5, 6]);
    const ranks = rows.map((r) => r[RESULT_LABEL.rank] as number);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(output.summary).toMatchObject({ units: 6, unitsScored: 6, unitsMarked: 0, errors: 0, warnings: 0, infos: 1 + FILED_EARLIER.length });
  });

  it.each(Object.entries(EXPECTED))("%s: every category, the bonus, 总分 and both ranks", async (name, expected) => {
    const row = (await resultTable(port)).get(name);
    expect(row).toBeDefined();
    const r = row as Record<string, unknown>;
    expect(r[RESULT_LABEL.type]).toBe(expected.type);
    expect(r[RESULT_LABEL.handling]).toBe(expected.handling);
    expect(r[RESULT_LABEL.returned]).toBe(expected.returned);
    expect(r[RESULT_LABEL.extension]).toBe(expected.extension);
    expect(r[RESULT_LABEL.satisfaction]).toBe(expected.satisfaction);
    expect(r[RESULT_LABEL.cooperation]).toBe(expected.cooperation);
    expect(r[RESULT_LABEL.bonus]).toBe(expected.bonus);
    expect(r[RESULT_LABEL.total]).toBe(expected.total);
    expect(r[RESULT_LABEL.rank]).toBe(expected.rank);
    expect(r[RESULT_LABEL.typeRank]).toBe(expected.typeRank);
    if ("completionRate" in expected) expect(r[RESULT_LABEL.completionRate]).toBe(expected.completionRate);
    if ("explanation" in expected) expect(r[RESULT_LABEL.explanation]).toBe(expected.explanation);
  });

  it("writes rates as numbers with a percent format", async () => {
    const cell = await resultCell(port, "汉滨区政府", RESULT_LABEL.completionRate);
    expect(cell?.value).toBe(0.99);
    expect(cell?.numFmt).toBe("0.00%");
    expect((await resultTable(port)).get("汉滨区政府")?.[RESULT_LABEL.returnedRate]).toBeCloseTo(200 / 13200, 15);
  });

  it("writes the header row with exactly the spec-E labels under a title row", async () => {
    const snap = (await port.read([SHEET.result])).get(SHEET.result);
    // The title row also says the run's status (spec E): here a clean run, with its time.
    // The title row also names the method (spec G: a workbook without method sheets, the built-in one).
    expect(snap?.values[0][0]).toMatch(/^2021年度12345热线工单办理情况减分指标考核表\n考核办法：内置2021年度办法　校验通过（计算时间：\d{4}-\d\d-\d\d \d\d:\d\d）$/u);
    expect(snap?.values[1]).toEqual([SEQ_LABEL, ...Object.values(RESULT_LABEL)]);
  });

  it("names the built-in method on 校验 (title row) and on 便民化考核's 扣分说明 header, which keeps its label", async () => {
    expect(output.summary.method).toBe("内置2021年度办法");
    expect((await port.read([SHEET.checks])).get(SHEET.checks)?.values[0][0]).toBe("校验结果（“全部计算”自动生成）\n考核办法：内置2021年度办法");
    const ws = port.workbook.getWorksheet(SHEET.approval)!;
    const row = ws.getRow(2).values as unknown[];
    const cell = ws.getCell(2, row.indexOf(LABEL.explanation));
    expect([cell.value, cell.numFmt]).toEqual([LABEL.explanation, '@"（考核办法：内置2021年度办法）"']);
  });

  it("judges every department, each veto outcome with its explanation", async () => {
    const rows = await sheetTable(port, SHEET.approval);
    const byName = new Map(rows.map((r) => [r[LABEL.name], r]));
    expect(rows).toHaveLength(37);
    for (const [name, deduction] of Object.entries(EXPECTED_VETO)) expect([name, byName.get(name)?.[LABEL.deduction]]).toEqual([name, deduction]);
    expect(byName.get("市林业局")?.[LABEL.explanation]).toBe(
      `事项1（相对集中行政许可权改革资料移交）未完成（依据：${APPROVAL_DOC} 二、考核内容1（安审改办发〔2021〕1号、4号）；三、考核细则1：由市行政审批服务局各审批科室负责赋分）；`
      + "一票否决，按上限扣0.5分（依据：该文件 三、考核细则3：实行“一票否决”，6项考核内容中任一项未完成，将按上限（0.5分）进行扣分）");
    expect(byName.get("市统计局")?.[LABEL.explanation]).toContain("全程网办率69.00%低于70%");
    expect(byName.get("市公安局")?.[LABEL.explanation]).toContain("印证资料2022-01-01报送");
    expect(byName.get("市残联")?.[LABEL.explanation]).toBe("全部适用事项已完成，不扣分");
    expect(output.summary).toMatchObject({ departments: 37, departmentsJudged: 37, departmentsVetoed: 4 });
  });

  it("lists late evidence as an informational 校验 row, after the row saying no problem was found", async () => {
    const checks = withoutFiledEarlier(await sheetTable(port, SHEET.checks));
    expect(checks).toEqual([
      { 工作表: "—", 单元格: "—", 问题: "未发现问题", 级别: null },
      {
        工作表: SHEET.approval, 单元格: expect.stringMatching(/^P\d+$/), 级别: "说明",
        问题: "市公安局：印证资料报送日期2022-01-01晚于截止日期2021-12-31：事项3、事项4视为未完成，已计入扣分（见扣分说明）。",
      },
    ]);
  });

  it("notes once per department the done evidence items with a blank 印证资料报送日期 (counted as filed in time)", async () => {
    expect(FILED_EARLIER.length).toBeGreaterThan(0);
    const notes = (await sheetTable(port, SHEET.checks)).filter((c) => String(c.问题).includes("印证资料报送日期为空白"));
    expect(notes).toEqual(FILED_EARLIER.map(([name, items]) => ({
      工作表: SHEET.approval, 单元格: expect.stringMatching(/^P\d+$/), 级别: "说明",
      问题: `${name}：${items.map((n) => `事项${n}`).join("、")}已完成、需报送印证资料，印证资料报送日期为空白：按前期已报送备案计（视为按时报送），请核实。`,
    })));
    // Counted in time: none of them is vetoed for evidence.
    const rows = new Map((await sheetTable(port, SHEET.approval)).map((r) => [r[LABEL.name], r]));
    for (const [name] of FILED_EARLIER) expect([name, rows.get(name)?.[LABEL.explanation]]).not.toEqual([name, expect.stringContaining("印证资料")]);
  });

  it("plans writes only to 12345热线考核表, 校验 and the 扣分 / 扣分说明 columns of 便民化考核", async () => {
    const snaps = await fixture().read(Object.values(SHEET));
    const { plan } = computePlan(snaps);
    const resultCols = [16, 17]; // appended after the 16 input columns (A–P) of the fixture's 便民化考核
    for (const op of plan) {
      const sheet = "sheet" in op ? op.sheet : op.range.sheet;
      if (sheet === SHEET.result || sheet === SHEET.checks) continue;
      expect(sheet).toBe(SHEET.approval);
      if (op.kind === "rowHeight") continue; // below: only rows whose 扣分说明 wraps

      const cols = op.kind === "values" ? [op.col, op.col + op.values[0].length - 1]
        : op.kind === "columnWidth" ? [op.col, op.col]
          : "range" in op ? [op.range.col, op.range.col + op.range.cols - 1] : [-1, -1];
      expect([op.kind, resultCols.includes(cols[0]) && resultCols.includes(cols[1])]).toEqual([op.kind, true]);
    }
  });

  it("wraps 便民化考核's 扣分说明 in a fixed width and heightens only the rows whose text takes several lines", async () => {
    const snaps = await fixture().read(Object.values(SHEET));
    const { plan } = computePlan(snaps);
    const mine = plan.filter((op) => ("sheet" in op ? op.sheet : op.range.sheet) === SHEET.approval);
    const width = mine.find((op) => op.kind === "columnWidth" && op.col === 17);
    expect(width).toMatchObject({ kind: "columnWidth", width: expect.any(Number) });
    const chars = (width as { width: number }).width;
    const written = new Map<number, string>();
    for (const op of mine) {
      if (op.kind === "values" && op.col <= 17 && op.col + op.values[0].length > 17) {
        op.values.forEach((line, i) => written.set(op.row + i, String(line[17 - op.col] ?? "")));
      }
    }
    expect(mine.some((op) => op.kind === "format" && op.range.col === 17 && op.format.wrap === true)).toBe(true);
    const heights = new Map(mine.flatMap((op) => (op.kind === "rowHeight" ? [[op.row, op.height] as const] : [])));
    expect(heights.size).toBeGreaterThan(0);
    for (const [row, text] of written) {
      // Each character takes at least one of the column's character widths (a CJK one takes two); 11 pt text
      // needs at least 12 pt a line. A text of one line leaves the user's row as it is.
      const atLeast = Math.ceil(text.length / chars);
      if (2 * text.length <= chars) expect([row, heights.get(row)]).toEqual([row, undefined]);
      else if (atLeast > 1) expect([row, heights.get(row)]).toEqual([row, expect.any(Number)]);
      if (heights.has(row)) expect([row, (heights.get(row) as number) >= 12 * atLeast]).toEqual([row, true]);
    }
  });

  it("is pure: computePlan over the same snapshots gives the same plan", async () => {
    const fresh = fixture();
    const snaps = await fresh.read(Object.values(SHEET));
    expect(computePlan(snaps).plan).toEqual(computePlan(snaps).plan);
  });
});

describe("parameters", () => {
  it("考核月数 divides 工单总量 when 月均办件量 is blank", async () => {
    const port = fixture();
    port.workbook.addWorksheet(SHEET.params).addRows([["考核参数"], ["参数", "值"], ["考核年度", 2021], ["考核月数", 11]]);
    await computeAll(port);
    // 12000 / 11 = 1090.9 > 1000 → 汉阴县 now gets the volume bonus.
    expect((await resultTable(port)).get("汉阴县政府")?.[RESULT_LABEL.bonus]).toBe(12);
  });

  it("a bad 考核月数 or an unknown 考核年度 stops scoring and says where", async () => {
    for (const [value, cell] of [[13, "B4"], [2030, "B3"]] as const) {
      const port = fixture();
      port.workbook.addWorksheet(SHEET.params).addRows([["考核参数"], ["参数", "值"], ["考核年度", 2021], ["考核月数", 12]]);
      setCell(port, SHEET.params, cell, value);
      const out = await computeAll(port);
      expect(out.problems).toContainEqual(expect.objectContaining({ sheet: SHEET.params, cell, severity: "error" }));
      expect(out.summary.unitsScored).toBe(0);
      expect((await resultTable(port)).get("汉滨区政府")?.[RESULT_LABEL.explanation]).toMatch(new RegExp(`^数据有误，未计分：参数 ${cell}　`, "u"));
    }
  });
});

describe("rate cells", () => {
  it("get more decimals when 0.00% would show them in another band than the one scored", async () => {
    const port = fixture();
    setCell(port, SHEET.hotline, "F3", 50000); // 汉滨区政府 应办结数
    setCell(port, SHEET.hotline, "G3", 49998); // 按期办结数: 99.996% → 5 points, not "100.00%"
    setCell(port, SHEET.hotline, "H4", 1000000); // 汉阴县政府 有效回访数
    setCell(port, SHEET.hotline, "I4", 799999); // 满意数: 79.9999% → 10 points, not "80.00%"
    await computeAll(port);
    const cell = (unit: string, label: string) => resultCell(port, unit, label);
    const [c3, d3] = [await cell("汉滨区政府", RESULT_LABEL.completionRate), await cell("汉滨区政府", RESULT_LABEL.handling)];
    expect([c3.value, c3.numFmt, d3.value]).toEqual([0.99996, "0.0000%", 15]);
    const [i4, j4] = [await cell("汉阴县政府", RESULT_LABEL.satisfactionRate), await cell("汉阴县政府", RESULT_LABEL.satisfaction)];
    expect([i4.numFmt, j4.value]).toEqual(["0.0000%", 10]);
    expect((await cell("汉阴县政府", RESULT_LABEL.completionRate)).numFmt).toBe("0.00%");
  });
});

describe("unit types are editable in 承办单位", () => {
  it("a 市直 unit entered as 其他 loses the volume bonus and ranks among 其他", async () => {
    const port = fixture();
    setCell(port, SHEET.units, "B6", "其他"); // 市公安局
    await computeAll(port);
    const row = (await resultTable(port)).get("市公安局");
    expect(row?.[RESULT_LABEL.type]).toBe("其他");
    expect(row?.[RESULT_LABEL.bonus]).toBe(0);
    expect(row?.[RESULT_LABEL.total]).toBe(64);
    expect(row?.[RESULT_LABEL.typeRank]).toBe(2);
  });
});
