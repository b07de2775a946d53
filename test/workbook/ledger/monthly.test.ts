import { parsePeriod, type LedgerCell } from "../../../src/ledger";
import { computeAll, importLedger, LEDGER_SHEET } from "../../../src/workbook";
import { LABEL, RESULT_LABEL, SHEET } from "../../../src/workbook/contract";
import type { CellValue } from "../../../src/workbook/port";
import { resultTable, serial } from "../helpers";
import { COUNT_LABELS, generatedData, importRows, HEADER, order, ownedTable, templatePort } from "./helpers";

const NOW = new Date(2022, 0, 5, 9, 30, 0);
type Row = Record<string, CellValue>;

async function monthlySheet(port: Awaited<ReturnType<typeof templatePort>>): Promise<Row[]> {
  return ownedTable(port, LEDGER_SHEET.monthly, LABEL.name);
}

describe("月度考核", () => {
  it("holds every unit's twelve months and its year; the months sum to the year, which is what 热线数据 holds", async () => {
    const data = await generatedData({ rows: 20000, seed: 11, duplicates: 4, problems: 4 });
    const port = await templatePort();
    const result = await importLedger(port, data, { period: "2021", now: NOW });
    if (result.status !== "ok") throw new Error("not ok");
    await computeAll(port);
    const rows = await monthlySheet(port);
    expect(rows).toHaveLength(77 * 13);
    // The counts, then the columns of 12345热线考核表 (spec E) without its 序号.
    expect(Object.keys(rows[0])).toEqual([
      "单位名称", "单位类别", "月份", "工单总量", "应办结数", "按期办结数", "退单数", "延期申请数", "有效回访数", "满意数", "月均办件量", "待定研判",
      "办结率", "工单办理扣分", "退单率", "退单率扣分", "延期率", "延期率扣分", "满意率", "满意率扣分", "日常配合扣分", "加分", "总分",
      "排名", "类别内排名", "扣分说明",
    ]);
    // Its title names the method that produced it (the template's written 2021 method).
    const title = (await port.read([LEDGER_SHEET.monthly])).get(LEDGER_SHEET.monthly)?.values[0][0];
    expect(title).toBe("2021年度12345热线月度考核（日常考核）\n考核办法：2021年度考核办法（安行审函〔2021〕73号）");
    const hotline = new Map(data.counts(parsePeriod("2021")).map((c) => [c.单位名称, c]));
    const results = await resultTable(port);
    for (let u = 0; u < 77; u++) {
      const block = rows.slice(u * 13, u * 13 + 13);
      const name = String(block[0][LABEL.name]);
      expect(block.every((r) => r[LABEL.name] === name)).toBe(true);
      expect(block.map((r) => r["月份"])).toEqual([...Array.from({ length: 12 }, (_, m) => `2021年${m + 1}月`), "2021年度"]);
      const annual = block[12];
      for (const label of COUNT_LABELS) {
        const sum = block.slice(0, 12).reduce((s, r) => s + (r[label] as number), 0);
        expect(sum).toBe(annual[label]);
        expect(annual[label]).toBe(hotline.get(name)![label]);
      }
      // Each month is its own average; the year averages over twelve months.
      for (const r of block.slice(0, 12)) expect(r[LABEL.monthly]).toBe(r[LABEL.total]);
      expect(annual[LABEL.monthly]).toBe((annual[LABEL.total] as number) / 12);
      // The year row is the annual result of 12345热线考核表.
      const official = results.get(name)!;
      for (const label of [RESULT_LABEL.total, RESULT_LABEL.rank, RESULT_LABEL.typeRank, RESULT_LABEL.completionRate]) {
        expect(annual[label]).toEqual(official[label]);
      }
      // The official table also names the ledger's open problems of the unit, if any (spec E).
      const [, note] = String(official[RESULT_LABEL.explanation]).split(/；(?=工单明细第)/u);
      // The printed table quotes each clause once and points to it from later rows (依据见序号N, spec H's 4 pages):
      // apart from the clauses, the texts are the same.
      const annualText = note === undefined ? String(annual[RESULT_LABEL.explanation]) : `${String(annual[RESULT_LABEL.explanation])}；${note}`;
      expect(withoutClauses(String(official[RESULT_LABEL.explanation]))).toBe(withoutClauses(annualText));
    }
    // Within a month, units are ranked against each other.
    const march = rows.filter((r) => r["月份"] === "2021年3月");
    const best = Math.max(...march.map((r) => r[RESULT_LABEL.total] as number));
    expect(march.filter((r) => r[RESULT_LABEL.total] === best).every((r) => r[RESULT_LABEL.rank] === 1)).toBe(true);
  });

  it("scores a month from that month's counts, the cases dated in it and its own order count as monthly average", async () => {
    // 汉阴县: 1001 orders in March (over the county threshold of 1000 a month), one late order in May.
    const rows: LedgerCell[][] = [HEADER];
    for (let i = 0; i < 1001; i++) rows.push(order(`M${i}`, "汉阴县", "2021-03-02 09:00:00", "2021-03-09 09:00:00", "2021-03-03 09:00:00", "否", "否", "满意"));
    rows.push(order("L1", "汉阴县", "2021-05-02 09:00:00", "2021-05-09 09:00:00", "2021-05-20 09:00:00", "否", "否", "满意"));
    for (let i = 0; i < 99; i++) rows.push(order(`N${i}`, "汉阴县", "2021-05-02 09:00:00", "2021-05-09 09:00:00", "2021-05-03 09:00:00", "否", "否", "满意"));
    const data = await importRows(rows);
    const port = await templatePort();
    await port.apply([
      { kind: "values", sheet: SHEET.deductions, row: 2, col: 0, values: [
        [serial("2021-05-10"), "汉阴县", "反馈内容与实际不符", 1, null],
        [null, "汉阴县", "知识库未按时更新", 1, "未填日期：只计入全年"],
      ] },
      { kind: "values", sheet: SHEET.bonuses, row: 2, col: 0, values: [[serial("2021-03-15"), "汉阴县", "群众锦旗", 1, null]] },
    ]);
    const result = await importLedger(port, data, { period: "2021", now: NOW });
    if (result.status !== "ok") throw new Error("not ok");
    const hanyin = (await monthlySheet(port)).filter((r) => r[LABEL.name] === "汉阴县政府");
    const month = (m: number) => hanyin[m - 1];
    // March: 1001 orders → +10 volume bonus, +5 锦旗; nothing deducted.
    expect(month(3)).toMatchObject({ [LABEL.total]: 1001, [RESULT_LABEL.bonus]: 15, [RESULT_LABEL.total]: 115 });
    expect(month(3)[RESULT_LABEL.explanation]).toContain("月均办件量1001件");
    // May: 99/100 on time → 99% → 5; 反馈不符 dated in May → 10: 工单办理 15.
    expect(month(5)).toMatchObject({ [LABEL.due]: 100, [LABEL.onTime]: 99, [RESULT_LABEL.handling]: 15, [RESULT_LABEL.total]: 85 });
    // Other months: no orders → no rate deduction; the undated case is in no month.
    expect(month(1)).toMatchObject({ [LABEL.total]: 0, [RESULT_LABEL.total]: 100, [RESULT_LABEL.cooperation]: 0 });
    expect(month(1)[RESULT_LABEL.explanation]).toContain("无工单");
    // The year: every case, 1101 / 12 < 1000 → no volume bonus.
    expect(hanyin[12]).toMatchObject({ 月份: "2021年度", [LABEL.total]: 1101, [RESULT_LABEL.cooperation]: 2, [RESULT_LABEL.bonus]: 5 });
  });

  it("a unit whose register rows have errors is marked, not scored, in every month", async () => {
    const data = await generatedData({ rows: 3000, seed: 3 });
    const port = await templatePort();
    await port.apply([{ kind: "values", sheet: SHEET.deductions, row: 2, col: 0, values: [[serial("2021-05-10"), "汉阴县", "不存在的事项", 1, null]] }]);
    await importLedger(port, data, { period: "2021", now: NOW });
    const hanyin = (await monthlySheet(port)).filter((r) => r[LABEL.name] === "汉阴县政府");
    expect(hanyin).toHaveLength(13);
    expect(hanyin.every((r) => r[RESULT_LABEL.total] === null && String(r[RESULT_LABEL.explanation]).startsWith("数据有误"))).toBe(true);
  });
});

/** The text without its （依据…） groups (full-width brackets, nested ones such as （送审稿） included). */
function withoutClauses(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    if (!text.startsWith("（依据", i)) {
      out += text[i];
      continue;
    }
    let depth = 0;
    for (; i < text.length; i++) {
      if (text[i] === "（") depth++;
      else if (text[i] === "）" && --depth === 0) break;
    }
  }
  return out;
}
