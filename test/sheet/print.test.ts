/**
 * One print setup (issue 16): the Office.js adapter, the exceljs adapter and the package patch write the same
 * paper and margins, Excel's 窄 (Narrow) preset, whatever the sheet. The reference is the preset as Excel's
 * 页面布局 → 页边距 → 窄 gives it, written here by hand (inches; Office.js takes points, 72 to the inch).
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { marginsInPoints, NARROW_MARGINS } from "../../src/sheet/print";
import { ExcelJsWorkbookPort, writeXlsx, xlsxBuffer } from "../../src/workbook/adapters/exceljs";
import { OfficeWorkbookPort } from "../../src/workbook/adapters/office";
import { PackageWorkbookPort } from "../../src/workbook/adapters/package";
import { nodeFile, writeFileFrom } from "../../src/xlsx/node-file";
import type { PageSetup, WriteOp } from "../../src/workbook/port";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const fakeOffice = require("../e2e/fake-office.js") as {
  create(): {
    Excel: { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T> };
    workbook: { sheet(name: string): { pageLayout: Record<string, unknown> } | undefined };
  };
};

const NARROW = { left: 0.25, right: 0.25, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
const SETUPS: readonly PageSetup[] = [
  { orientation: "landscape", fitToWidth: 1, repeatRows: { first: 0, last: 1 }, footer: "&C第 &P 页 共 &N 页", centerHorizontally: true },
  { orientation: "portrait" },
];
const ops = (setup: PageSetup): WriteOp[] => [{ kind: "pageSetup", sheet: "表", setup }];

/** A one-sheet workbook file (exceljs), as a user's workbook would reach the package patch. */
async function userFile(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("表").getCell("A1").value = "单位名称";
  const path = join(mkdtempSync(join(tmpdir(), "print-")), "in.xlsx");
  await writeXlsx(wb, path);
  return path;
}

describe("the print setup every path writes", () => {
  it("is Excel's 窄 preset, in inches and in points", () => {
    expect(NARROW_MARGINS).toEqual(NARROW);
    expect(marginsInPoints()).toEqual({ left: 18, right: 18, top: 54, bottom: 54, header: 21.6, footer: 21.6 });
  });

  it.each(SETUPS)("package patch: <pageMargins> of the 窄 preset and A4 (%o)", async (setup) => {
    const port = await PackageWorkbookPort.open(await nodeFile(await userFile()));
    await port.apply(ops(setup));
    const out = join(mkdtempSync(join(tmpdir(), "print-")), "out.xlsx");
    await writeFileFrom(out, (sink) => port.save(sink));
    await port.close();
    const sheet = strFromU8(unzipSync(readFileSync(out))["xl/worksheets/sheet1.xml"]);
    const margins = /<pageMargins ([^>]*)\/>/.exec(sheet)?.[1] ?? "";
    const attr = (name: string) => Number(new RegExp(`\\b${name}="([^"]*)"`).exec(margins)?.[1]);
    expect(Object.fromEntries(Object.keys(NARROW).map((k) => [k, attr(k)]))).toEqual(NARROW);
    expect(sheet).toMatch(/<pageSetup [^>]*paperSize="9"/);
  });

  it.each(SETUPS)("exceljs adapter: the same margins and A4 after a round trip through the file (%o)", async (setup) => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("表");
    const port = new ExcelJsWorkbookPort(wb);
    await port.apply(ops(setup));
    const back = await ExcelJsWorkbookPort.fromBuffer(await xlsxBuffer(port.workbook));
    const ws = back.workbook.getWorksheet("表") as ExcelJS.Worksheet;
    expect(ws.pageSetup.margins).toEqual(NARROW);
    expect(ws.pageSetup.paperSize).toBe(9);
  });

  it.each(SETUPS)("Office.js adapter: the same margins in points and A4 (%o)", async (setup) => {
    const fake = fakeOffice.create();
    const port = new OfficeWorkbookPort((batch) => fake.Excel.run(batch));
    await port.apply([{ kind: "addSheet", sheet: "表" }, ...ops(setup)]);
    expect(fake.workbook.sheet("表")?.pageLayout).toMatchObject({
      paperSize: "A4", leftMargin: 18, rightMargin: 18, topMargin: 54, bottomMargin: 54, headerMargin: 21.6, footerMargin: 21.6,
    });
  });
});
