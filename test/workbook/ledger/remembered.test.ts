import { arrayRows, IGNORED_HEADER } from "../../../src/ledger";
import { importLedger, readRememberedHeaders, rememberHeadersPlan, LEDGER_SHEET, MAPPING_LABEL } from "../../../src/workbook";
import { roundTrip } from "../helpers";
import { generatedRows, hotlineRows, templatePort } from "./helpers";

const NOW = new Date(2022, 0, 5, 9, 30, 0);

/** A ledger whose export names two columns in words the importer does not know. */
function oddLedger() {
  const rows = generatedRows({ rows: 2000, seed: 4 });
  rows[0] = ["受理号", "处理部门", ...rows[0].slice(2), "坐席备注"];
  return rows;
}

describe("remembered header mapping (_工单列映射)", () => {
  it("asks once, stores the answer in the workbook, and reuses it on the next import", async () => {
    const port = await templatePort();
    const first = await importLedger(port, arrayRows(oddLedger()), { period: "2021", now: NOW });
    expect(first.status).toBe("needsMapping");
    if (first.status !== "needsMapping") return;
    expect(first.mapping.missing).toEqual(["工单编号", "承办单位"]);
    expect(first.mapping.unrecognized.map((h) => h.header)).toEqual(["受理号", "处理部门", "坐席备注"]);
    expect(first.message).toContain("工单明细缺少以下列：工单编号、承办单位");
    expect(await port.sheetNames()).not.toContain(LEDGER_SHEET.mapping); // nothing written

    const answers = { 受理号: "工单编号", 处理部门: "承办单位", 坐席备注: IGNORED_HEADER };
    const second = await importLedger(port, arrayRows(oddLedger()), { period: "2021", remembered: answers, now: NOW });
    expect(second.status).toBe("ok");
    const saved = await roundTrip(port);
    expect(saved.workbook.getWorksheet(LEDGER_SHEET.mapping)?.state).toBe("hidden");
    expect(readRememberedHeaders(await saved.read([LEDGER_SHEET.mapping]))).toEqual(answers);

    // Next import (a new session on the saved file): no question asked.
    const third = await importLedger(saved, arrayRows(oddLedger()), { period: "2021Q1", now: NOW });
    expect(third.status).toBe("ok");
    if (third.status !== "ok") return;
    expect(third.data.mapping.recognized.filter((r) => r.via === "remembered").map((r) => r.header)).toEqual(["受理号", "处理部门"]);
    expect((await hotlineRows(saved)).get("汉滨区政府")?.工单总量).toBeGreaterThan(0);
  });

  it("new answers are merged with the stored ones (new ones win); the sheet is rewritten whole", async () => {
    const port = await templatePort();
    await port.apply(rememberHeadersPlan({ 受理号: "工单编号", 处理部门: "承办单位" }));
    let snapshots = await port.read([LEDGER_SHEET.mapping]);
    await port.apply(rememberHeadersPlan({ "处理部门 ": "忽略", 回访情况: "回访结果" }, snapshots));
    snapshots = await port.read([LEDGER_SHEET.mapping]);
    expect(readRememberedHeaders(snapshots)).toEqual({ 受理号: "工单编号", 处理部门: "忽略", 回访情况: "回访结果" });
    expect(snapshots.get(LEDGER_SHEET.mapping)!.values[0]).toEqual([MAPPING_LABEL.header, MAPPING_LABEL.column]);
    expect(snapshots.get(LEDGER_SHEET.mapping)!.values).toHaveLength(4);
  });
});
