/*
 * samples/excel-acceptance.xlsx, calculated with the BUILT dist/functions.js as Excel on Windows/Mac (blank → 0) and
 * Excel on the web (blank → null) would: every row shows 通过, the failure count is 0, and every ASSESS.* call gives
 * the same answer, message included, on both hosts. The committed file is what scripts/make-acceptance.ts writes.
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { ACCEPTANCE_ROWS } from "../../scripts/acceptance-rows";
import { ACCEPTANCE_PATH, ACCEPTANCE_SHEET, LAYOUT, buildAcceptance, lastRow } from "../../scripts/make-acceptance";
import { calculate, type Calculated } from "../functions/acceptance-book";
import { HOSTS, type Host } from "../functions/excel-host";
import { loadBuilt } from "./built-functions";

async function committed(): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.resolve(__dirname, "../..", ACCEPTANCE_PATH));
  const sheet = workbook.getWorksheet(ACCEPTANCE_SHEET);
  if (!sheet) throw new Error(`${ACCEPTANCE_PATH} has no sheet ${ACCEPTANCE_SHEET}`);
  return sheet;
}

/** Every cell as text: value, formula or error, so that two workbooks compare cell by cell. */
function cellTexts(sheet: ExcelJS.Worksheet): Record<string, string> {
  const out: Record<string, string> = {};
  sheet.eachRow((row) => row.eachCell((cell) => { out[cell.address] = JSON.stringify(cell.value); }));
  return out;
}

const rows = ACCEPTANCE_ROWS.map((row, i) => [LAYOUT.firstRow + i, row.fn, row.case] as const);

describe("samples/excel-acceptance.xlsx", () => {
  test("is what npm run acceptance writes (cell by cell)", async () => {
    const regenerated = buildAcceptance().getWorksheet(ACCEPTANCE_SHEET)!;
    expect(cellTexts(await committed())).toEqual(cellTexts(regenerated));
  });

  test("covers every function", () => {
    const built = loadBuilt();
    expect(new Set(ACCEPTANCE_ROWS.map((r) => r.fn))).toEqual(new Set(built.metadata.functions.map((f) => f.id)));
  });

  describe.each(HOSTS)("calculated with dist/functions.js as Excel %s passes arguments", (host: Host) => {
    let calculated: Calculated;
    beforeAll(async () => {
      const built = loadBuilt();
      calculated = await calculate(await committed(), host, built.functions, built.metadata, built.setExcel);
    });

    test.each(rows)("row %i ASSESS.%s %s → 通过", (at) => {
      const result = calculated.values.get(`${LAYOUT.result}${at}`);
      const pass = calculated.values.get(`${LAYOUT.pass}${at}`);
      expect({ at, result, pass }).toEqual({ at, result, pass: "通过" });
    });

    test(`the failure count (${LAYOUT.failuresCell}) is 0 over rows ${LAYOUT.firstRow}–${lastRow()}`, () => {
      expect(calculated.values.get(LAYOUT.failuresCell)).toBe(0);
    });
  });

  test("every call gives the same answer, message included, on both hosts", async () => {
    const built = loadBuilt();
    const sheet = await committed();
    const [desktop, web] = [
      await calculate(sheet, "desktop", built.functions, built.metadata, built.setExcel),
      await calculate(sheet, "web", built.functions, built.metadata, built.setExcel),
    ];
    expect(desktop.calls.size).toBe(ACCEPTANCE_ROWS.length);
    expect(Object.fromEntries(desktop.calls)).toEqual(Object.fromEntries(web.calls));
    // The desktop asks Excel about its zeros; a cell is read only where a 0 could be a blank that matters.
    expect(desktop.cellReads).toBeGreaterThan(0);
  });
});
