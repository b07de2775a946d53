/**
 * npm run assess -- --ledger FILE into a workbook with 工单研判 (spec I): the decisions apply to a ledger read
 * from a file too, the import record notes the register it applied, and 全部计算 without a ledger is a draft
 * (工单研判已修改，请重新导入工单明细) only while the register differs from the one last imported.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateLedger, writeLedgerCsv } from "../../scripts/gen-ledger";
import { EXIT, main } from "../../src/cli/assess";
import { ruleSet } from "../../src/engine";
import { formatTimestamp, parsePeriod } from "../../src/ledger";
import { readLedgerFile } from "../../src/ledger/node";
import { LABEL, SHEET } from "../../src/workbook/contract";
import { ExcelJsWorkbookPort, writeXlsx } from "../../src/workbook/adapters/exceljs";
import { sheetTable } from "../workbook/helpers";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

const UNIT = "汉滨区政府";
const OPTIONS = { rows: 3000, seed: 71, aliasShare: 0 };
const MESSAGE = "工单研判已修改，请重新导入工单明细";

async function title(file: string): Promise<string> {
  return String((await (await ExcelJsWorkbookPort.fromFile(file)).read([SHEET.result])).get(SHEET.result)?.values[0][0]);
}

describe("npm run assess -- --ledger FILE applies 工单研判 (spec I)", () => {
  it("a decision registered after an import: a draft until the file is imported again, then counted", async () => {
    const dir = mkdtempSync(join(tmpdir(), "assess-judgment-"));
    const ledger = join(dir, "工单.csv");
    await writeLedgerCsv(ledger, OPTIONS);
    // A dissatisfied 2021 callback of 汉滨区政府, found in the generator's own orders (the file's rows).
    const order = [...generateLedger(OPTIONS)].find((o) => o.unit === UNIT && o.callback === "不满意" && formatTimestamp(o.closed).startsWith("2021"));
    expect(order).toBeDefined();
    const first = join(dir, "first.xlsx");
    expect(await main(["--ledger", ledger, "-o", first], capture().io)).toBe(EXIT.ok);

    // The office registers 不满意不计, 成立 (decided), in the template's 工单研判.
    const port = await ExcelJsWorkbookPort.fromFile(first);
    const register = (await port.read([SHEET.judgment])).get(SHEET.judgment)!;
    const headerRow = register.values.findIndex((r) => r.includes("工单编号") && r.includes("研判事项"));
    const col = (label: string) => register.values[headerRow].indexOf(label);
    const cells: [string, string | number][] = [["工单编号", order!.id], ["研判事项", "不满意不计"], ["结论", "成立"], ["提出日期", 44531], ["决定日期", 44540], ["理由", "诉求超出办理范围"]];
    await port.apply(cells.map(([label, value]) => ({ kind: "values" as const, sheet: SHEET.judgment, row: headerRow + 1, col: col(label), values: [[value]] })));
    const judged = join(dir, "judged.xlsx");
    await writeXlsx(port.workbook, judged);

    // 全部计算 without the ledger: 热线数据 is as imported before the decision, so the result says so.
    const draft = join(dir, "draft.xlsx");
    const computed = capture();
    expect(await main([judged, "-o", draft], computed.io)).toBe(EXIT.problems);
    expect(await title(draft)).toContain(`草稿：${MESSAGE}`);
    expect(computed.out.join("\n")).toContain(MESSAGE);

    // The monthly re-import from the file applies the decision, and the draft is gone.
    const again = join(dir, "again.xlsx");
    expect(await main([judged, "--ledger", ledger, "-o", again], capture().io)).toBe(EXIT.ok);
    const read = await readLedgerFile(ledger, { rules: ruleSet(2021) });
    if (read.status !== "ok") throw new Error("ledger not ok");
    const before = read.data.counts(parsePeriod("2021")).find((c) => c.单位名称 === UNIT)!;
    const row = (await sheetTable(await ExcelJsWorkbookPort.fromFile(again), SHEET.hotline)).find((r) => r[LABEL.name] === UNIT)!;
    expect(row[LABEL.validCallbacks]).toBe(before.有效回访数 - 1);
    expect(row[LABEL.satisfied]).toBe(before.满意数);
    expect(await title(again)).not.toContain(MESSAGE);
    const recomputed = join(dir, "recomputed.xlsx");
    await main([again, "-o", recomputed], capture().io);
    expect(await title(recomputed)).not.toContain(MESSAGE);
  }, 300_000);
});
