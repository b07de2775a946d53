import { LedgerError, parsePeriod } from "../../../src/ledger";
import { computeAll, drillDownPlan, importLedger, writeDrillDown, DRILL_LABEL, LEDGER_SHEET } from "../../../src/workbook";
import { ruleSet } from "../../../src/engine";
import { LABEL, RESULT_LABEL } from "../../../src/workbook/contract";
import { resultTable } from "../helpers";
import { generatedData, hotlineRows, ownedTable, templatePort } from "./helpers";

const NOW = new Date(2022, 0, 5, 9, 30, 0);

describe("工单核查 (drill-down for appeals)", () => {
  it.each([
    ["2021", ["汉滨区", "市城管局", "工行安康分行", "市住房公积金经办中心"]],
    ["2021Q4", ["汉滨区政府", "市人社局"]],
    ["2021-03", ["汉阴县"]],
  ])("its counts match 热线数据 and 12345热线考核表 for the unit and period (%s)", async (period, units) => {
    const data = await generatedData({ rows: 40000, seed: 5, duplicates: 3, problems: 3, aliasShare: 0.3 });
    const port = await templatePort();
    const imported = await importLedger(port, data, { period, now: NOW });
    if (imported.status !== "ok") throw new Error("not ok");
    await computeAll(port);
    const hotline = await hotlineRows(port);
    const results = await resultTable(port);
    for (const unit of units) {
      const out = await writeDrillDown(port, imported.data, unit, period);
      const name = out.drill.unit.name;
      const h = hotline.get(name)!;
      const r = results.get(name)!;
      const summary = await ownedTable(port, LEDGER_SHEET.drillDown, DRILL_LABEL.section, 0);
      const listing = await ownedTable(port, LEDGER_SHEET.drillDown, DRILL_LABEL.section, 1);
      const count = (label: string) => summary.find((s) => s[DRILL_LABEL.section] === label)![DRILL_LABEL.count];
      const listed = (label: string) => listing.filter((s) => s[DRILL_LABEL.section] === label);
      const expected: [string, number, unknown][] = [
        ["超期（应办结未按期办结）", (h[LABEL.due] as number) - (h[LABEL.onTime] as number), r[RESULT_LABEL.completionRate]],
        ["退单", h[LABEL.returned] as number, r[RESULT_LABEL.returnedRate]],
        ["申请延期", h[LABEL.extensions] as number, r[RESULT_LABEL.extensionRate]],
        ["回访不满意", (h[LABEL.validCallbacks] as number) - (h[LABEL.satisfied] as number), r[RESULT_LABEL.satisfactionRate]],
      ];
      for (const [label, n, rate] of expected) {
        expect(count(label)).toBe(n);
        expect(listed(label)).toHaveLength(n);
        expect(summary.find((s) => s[DRILL_LABEL.section] === label)![DRILL_LABEL.rate]).toBe(rate);
      }
      // Every listed order has its 工单编号, times and ledger row.
      for (const o of listing.filter((x) => x[DRILL_LABEL.section] !== "（无）")) {
        expect(String(o.工单编号)).toMatch(/^AK\d+/);
        expect(String(o.派单时间)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
        expect(typeof o.行号).toBe("number");
      }
      // The late orders say whether they were closed late or are still open.
      for (const o of listed("超期（应办结未按期办结）")) expect(["超期办结", "未办结"]).toContain(o.状态);
    }
  });

  it("a second drill-down replaces the first; a name that is not a hotline unit is refused in Chinese", async () => {
    const data = await generatedData({ rows: 20000, seed: 9 });
    const port = await templatePort();
    await writeDrillDown(port, data, "汉滨区", "2021");
    const big = (await port.read([LEDGER_SHEET.drillDown])).get(LEDGER_SHEET.drillDown)!.values.length;
    await writeDrillDown(port, data, "中石油安康分公司", "2021-02");
    const snap = (await port.read([LEDGER_SHEET.drillDown])).get(LEDGER_SHEET.drillDown)!;
    expect(snap.values.length).toBeLessThan(big);
    expect(String(snap.values[0][0])).toContain("中石油安康分公司2021年2月工单核查");
    expect(() => drillDownPlan(data, "市委宣传部", parsePeriod("2021"), ruleSet())).toThrow(LedgerError);
    expect(() => drillDownPlan(data, "市委宣传部", parsePeriod("2021"), ruleSet())).toThrow("“市委宣传部”不是12345热线承办单位");
    // Without a snapshot the plan replaces the sheet whole.
    const plan = drillDownPlan(data, "汉滨区", parsePeriod("2021"), ruleSet()).plan;
    expect(plan.slice(0, 2)).toEqual([{ kind: "deleteSheet", sheet: LEDGER_SHEET.drillDown }, { kind: "addSheet", sheet: LEDGER_SHEET.drillDown }]);
  });
});
