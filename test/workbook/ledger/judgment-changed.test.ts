/**
 * Spec I: 全部计算 without a ledger uses 热线数据 as imported; when the decision columns of 工单研判 (工单编号,
 * 承办单位, 研判事项, 更正为, 结论) changed since the last import, the result is a draft saying
 * 工单研判已修改，请重新导入工单明细. A workbook without 工单研判 or without an import record: no draft for this.
 */
import { computeAll, importLedger, JUDGMENT_SHEET, LEDGER_SHEET } from "../../../src/workbook";
import { SHEET } from "../../../src/workbook/contract";
import type { ExcelJsWorkbookPort } from "../../../src/workbook/adapters/exceljs";
import type { CellValue, SheetSnapshot } from "../../../src/workbook/port";
import { roundTrip, serial } from "../helpers";
import { generatedRows, importRows, templatePort } from "./helpers";
import type { LedgerData } from "../../../src/ledger";

const NOW = new Date(2022, 0, 5, 9, 30, 0);
const MESSAGE = "工单研判已修改，请重新导入工单明细";
const HEADER = ["工单编号", "承办单位", "研判事项", "更正为", "结论", "提出日期", "决定日期", "理由", "依据", "经办人"];

/** Writes the register rows (by HEADER label) under 工单研判's header, creating the sheet when the workbook has none. */
async function writeRegister(port: ExcelJsWorkbookPort, rows: readonly (readonly CellValue[])[]): Promise<void> {
  const snap = (await port.read([JUDGMENT_SHEET])).get(JUDGMENT_SHEET);
  let headerRow = snap ? snap.values.findIndex((r, i) => i < 10 && r.includes("工单编号")) : -1;
  if (headerRow < 0) {
    await port.apply([...(snap ? [] : [{ kind: "addSheet" as const, sheet: JUDGMENT_SHEET }]), { kind: "values", sheet: JUDGMENT_SHEET, row: 0, col: 0, values: [HEADER] }]);
    headerRow = 0;
  }
  const labels = headerRow === 0 && !snap ? HEADER : ((await port.read([JUDGMENT_SHEET])).get(JUDGMENT_SHEET) as SheetSnapshot).values[headerRow];
  const grid = rows.map((r) => labels.map((l) => r[HEADER.indexOf(String(l))] ?? null));
  await port.apply([{ kind: "values", sheet: JUDGMENT_SHEET, row: headerRow + 1, col: 0, values: grid }]);
}

async function changed(port: ExcelJsWorkbookPort): Promise<{ finding: boolean; title: string }> {
  const out = await computeAll(port, { now: NOW });
  const title = String((await port.read([SHEET.result])).get(SHEET.result)?.values[0][0]);
  const found = out.problems.filter((p) => p.code === "judgmentChanged");
  if (found.length > 0) expect(found).toEqual([expect.objectContaining({ severity: "error", sheet: JUDGMENT_SHEET, message: expect.stringContaining(MESSAGE) })]);
  return { finding: found.length > 0, title };
}

describe("工单研判 changed since the last import (spec I)", () => {
  let data: LedgerData;
  let decisions: CellValue[][];
  beforeAll(async () => {
    const rows = generatedRows({ rows: 3000, seed: 51, aliasShare: 0 });
    data = await importRows(rows);
    // Two dissatisfied 2021 callbacks of 汉滨区政府: 不满意不计, pending.
    const orders = rows.slice(1).filter((r) => r[1] === "汉滨区政府" && r[7] === "不满意" && String(r[4]).startsWith("2021")).slice(0, 2);
    expect(orders).toHaveLength(2);
    decisions = orders.map((o) => [String(o[0]), "汉滨区政府", "不满意不计", null, "待定", serial("2021-12-01"), null, "诉求超出办理范围", null, "张三"]);
  });

  it("a register edited after the import makes compute-all a draft saying so; a re-import clears it", async () => {
    const port = await templatePort();
    await writeRegister(port, decisions);
    expect((await changed(port)).finding).toBe(false); // no import record yet
    expect((await importLedger(port, data, { period: "2021", now: NOW })).status).toBe("ok");
    expect(await changed(port)).toMatchObject({ finding: false, title: expect.not.stringContaining(MESSAGE) });

    await writeRegister(port, [decisions[0], [...decisions[1].slice(0, 4), "成立", serial("2021-12-01"), serial("2021-12-10"), ...decisions[1].slice(7)]]);
    const after = await changed(port);
    expect(after.finding).toBe(true);
    expect(after.title).toContain(`　草稿：${MESSAGE}`);

    // Saved and reopened, it still knows; the monthly re-import clears it.
    const saved = await roundTrip(port);
    expect((await changed(saved)).finding).toBe(true);
    expect((await importLedger(saved, data, { period: "2021", now: NOW })).status).toBe("ok");
    expect(await changed(saved)).toMatchObject({ finding: false, title: expect.not.stringContaining(MESSAGE) });
  });

  it("sorting the register, moving its columns or editing 理由 changes no decision", async () => {
    const port = await templatePort();
    await writeRegister(port, decisions);
    expect((await importLedger(port, data, { period: "2021", now: NOW })).status).toBe("ok");
    await writeRegister(port, [[...decisions[1].slice(0, 7), "另一理由", ...decisions[1].slice(8)], decisions[0]]);
    expect((await changed(port)).finding).toBe(false);
    // Swap the first two columns, header included.
    const snap = (await port.read([JUDGMENT_SHEET])).get(JUDGMENT_SHEET) as SheetSnapshot;
    const swapped = snap.values.map((r) => [r[1], r[0]]);
    await port.apply([{ kind: "values", sheet: JUDGMENT_SHEET, row: 0, col: 0, values: swapped }]);
    expect((await changed(port)).finding).toBe(false);
  });

  it("a register added after an import made without one is a change; a workbook without 工单研判 is not", async () => {
    const port = await templatePort();
    const hadRegister = (await port.sheetNames()).includes(JUDGMENT_SHEET);
    if (hadRegister) await port.apply([{ kind: "deleteSheet", sheet: JUDGMENT_SHEET }]);
    expect((await importLedger(port, data, { period: "2021", now: NOW })).status).toBe("ok");
    expect((await port.sheetNames())).toContain(LEDGER_SHEET.record);
    expect((await changed(port)).finding).toBe(false);
    await writeRegister(port, decisions);
    expect((await changed(port)).finding).toBe(true);
    await port.apply([{ kind: "deleteSheet", sheet: JUDGMENT_SHEET }]);
    expect((await changed(port)).finding).toBe(false);
  });
});
