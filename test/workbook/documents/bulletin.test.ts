/**
 * 月度通报's pending 研判 (spec J with spec I): the import writes each unit's pending decisions per month into
 * 月度考核 (待定研判), and the 通报 of a month names only the units with pending decisions on orders of that month.
 * Expected values are worked out by hand from the ledger and the register below.
 */
import { arrayRows } from "../../../src/ledger";
import { importLedger, LEDGER_SHEET } from "../../../src/workbook";
import { LABEL, SHEET } from "../../../src/workbook/contract";
import type { ExcelJsWorkbookPort } from "../../../src/workbook/adapters/exceljs";
import { DOCUMENT_READS, bulletinFrom } from "../../../src/workbook/documents";
import { pendingText } from "../../../src/documents/bulletin";
import type { CellValue } from "../../../src/workbook/port";
import { HEADER, order, ownedTable, templatePort } from "../ledger/helpers";

const NOW = new Date(2021, 2, 5, 9, 30, 0);
const TODAY = new Date(2021, 2, 5);
const HB = "汉滨区政府";
const HY = "汉阴县政府";

const closed = (id: string, unit: string, day: string) =>
  order(id, unit, `${day} 09:00:00`, `${day} 18:00:00`, `${day} 12:00:00`, "否", "否", "满意");

// January: two orders of 汉滨区, one of 汉阴县; February: three of 汉滨区, one of 汉阴县.
const LEDGER = [
  closed("AK101", "汉滨区", "2021-01-05"), closed("AK102", "汉滨区", "2021-01-06"), closed("AK103", "汉阴县", "2021-01-07"),
  closed("AK201", "汉滨区", "2021-02-03"), closed("AK202", "汉滨区", "2021-02-04"), closed("AK203", "汉滨区", "2021-02-05"),
  closed("AK204", "汉阴县", "2021-02-06"),
];

// 工单编号, 承办单位, 研判事项, 更正为, 结论, 提出日期, 决定日期.
const DECISIONS: CellValue[][] = [
  ["AK101", null, "不合理诉求", null, "待定", "2021-02-01", null], // January, 汉滨区
  ["AK103", null, "不合理诉求", null, null, "2021-02-01", null], // January, 汉阴县 (blank = 待定)
  ["AK102", null, "不合理诉求", null, "不成立", "2021-02-01", "2021-02-10"], // decided: not pending
  ["AK201", null, "不合理诉求", null, "待定", "2021-03-01", null], // February, 汉滨区
  ["AK202", null, "不合理诉求", null, "待定", "2021-03-01", null], // February, 汉滨区
  ["AK204", null, "不合理诉求", null, "成立", "2021-03-01", "2021-03-03"], // decided: not pending
];

async function imported(): Promise<ExcelJsWorkbookPort> {
  const port = await templatePort();
  await port.apply([{ kind: "values", sheet: SHEET.judgment, row: 2, col: 0, values: DECISIONS }]);
  const result = await importLedger(port, arrayRows([HEADER, ...LEDGER]), { period: "2021", now: NOW });
  expect(result.status).toBe("ok");
  return port;
}

async function bulletinOf(port: ExcelJsWorkbookPort, month: number) {
  const outcome = bulletinFrom(await port.read(DOCUMENT_READS), { year: 2021, month }, { openProblems: [], today: TODAY });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.bulletin;
}

describe("月度通报: the month's pending 研判", () => {
  it("月度考核 holds each unit's pending decisions per month, and the year's", async () => {
    const port = await imported();
    const rows = await ownedTable(port, LEDGER_SHEET.monthly, LABEL.name);
    const pending = (name: string, month: string) => rows.find((r) => r[LABEL.name] === name && r["月份"] === month)?.["待定研判"];
    expect(pending(HB, "2021年1月")).toBe(1);
    expect(pending(HY, "2021年1月")).toBe(1);
    expect(pending(HB, "2021年2月")).toBe(2);
    expect(pending(HY, "2021年2月")).toBe(0);
    expect(pending(HB, "2021年3月")).toBe(0);
    expect(pending(HB, "2021年度")).toBe(3);
    expect(pending(HY, "2021年度")).toBe(1);
  });

  it("the 通报 of each month names only its own pending decisions", async () => {
    const port = await imported();
    const january = await bulletinOf(port, 1);
    expect(january.pending).toEqual({ ofMonth: true, units: [{ name: HB, count: 1 }, { name: HY, count: 1 }] });
    expect(pendingText(january.pending)).toContain(`本月尚有待定研判2件：${HB}待定1件、${HY}待定1件`);
    const february = await bulletinOf(port, 2);
    expect(february.pending).toEqual({ ofMonth: true, units: [{ name: HB, count: 2 }] });
    expect(pendingText(february.pending)).toContain(`本月尚有待定研判2件：${HB}待定2件（`);
    expect(january.draft || february.draft).toBe(false);
  });

  it("a 月度考核 without 待定研判 (an older import): the register's total, said not to be the month's", async () => {
    const port = await imported();
    const snap = (await port.read([LEDGER_SHEET.monthly])).get(LEDGER_SHEET.monthly)!;
    const headerRow = snap.values.findIndex((r) => r[0] === LABEL.name);
    const col = snap.values[headerRow].indexOf("待定研判");
    await port.apply([{ kind: "values", sheet: LEDGER_SHEET.monthly, row: headerRow, col, values: [["备注"]] }]);
    const b = await bulletinOf(port, 1);
    expect(b.pending).toEqual({ ofMonth: false, all: 4 });
    expect(pendingText(b.pending)).toContain("各月合计，非本月件数");
  });

  it("a 工单研判 changed since the import makes the 通报 a 草稿 (月度考核 does not hold the change)", async () => {
    const port = await imported();
    await port.apply([{ kind: "values", sheet: SHEET.judgment, row: 2 + DECISIONS.length, col: 0, values: [["AK203", null, "不合理诉求", null, "待定", "2021-03-01", null]] }]);
    const b = await bulletinOf(port, 2);
    expect(b.draft).toBe(true);
    expect(b.problems).toEqual([expect.objectContaining({ sheet: SHEET.judgment, message: expect.stringContaining("工单研判已修改") })]);
  });
});
