/**
 * Nothing lost, on randomized workbooks (good and bad data, any column order, title rows or not, stale
 * results from earlier runs): compute-all changes no input cell, running it twice gives the same workbook,
 * and a shorter run leaves no stale rows.
 */
import fc from "fast-check";
import { LABEL, SHEET, sheetSpec } from "../../src/workbook/contract";
import { computeAll } from "../../src/workbook/compute";
import type { CellValue, SheetSnapshot } from "../../src/workbook/port";
import { findHeader } from "../../src/workbook/tables";
import { everything, workbookOf } from "./helpers";
import { workbookArb, type Sheets } from "./random-workbook";

const INPUT_SHEETS = [SHEET.params, SHEET.units, SHEET.hotline, SHEET.deductions, SHEET.bonuses, "用户自己的表"];

const cellAt = (s: SheetSnapshot | undefined, r: number, c: number) => s?.values[r]?.[c] ?? null;

/** Cells of `before` that are not in a result column of 便民化考核 (found by header in `after`). */
function approvalInputCells(before: SheetSnapshot, after: SheetSnapshot): [number, number, CellValue][] {
  const header = findHeader(after, sheetSpec(SHEET.approval));
  const resultCols = new Set([header?.columns.get(LABEL.deduction), header?.columns.get(LABEL.explanation)]);
  const cells: [number, number, CellValue][] = [];
  before.values.forEach((row, r) => row.forEach((v, c) => {
    // A result column's header cell is the product's too: compute-all appends it when the column is missing.
    const inResult = resultCols.has(c) && header !== undefined && r >= header.row;
    if (!inResult) cells.push([r, c, v]);
  }));
  return cells;
}

// Many full compute-all runs per property: generous time on a shared, noisy machine (a timeout is not a finding).
jest.setTimeout(120_000);

describe("compute-all on randomized workbooks", () => {
  it("changes no input cell (values and formulas), and writes only result columns of 便民化考核", async () => {
    await fc.assert(fc.asyncProperty(workbookArb, async (sheets) => {
      const port = workbookOf(sheets);
      const before = await everything(port);
      await computeAll(port);
      const after = await everything(port);
      for (const name of INPUT_SHEETS) {
        if (!before.has(name)) continue;
        expect(after.get(name)).toEqual(before.get(name));
      }
      const approvalBefore = before.get(SHEET.approval);
      const approvalAfter = after.get(SHEET.approval);
      if (approvalBefore && approvalAfter) {
        for (const [r, c, v] of approvalInputCells(approvalBefore, approvalAfter)) {
          expect([r, c, cellAt(approvalAfter, r, c)]).toEqual([r, c, v]);
        }
      }
    }), { numRuns: 60 });
  });

  it("running it twice gives identical output", async () => {
    await fc.assert(fc.asyncProperty(workbookArb, async (sheets) => {
      const port = workbookOf(sheets);
      const first = await computeAll(port);
      const once = await everything(port);
      const second = await computeAll(port);
      const twice = await everything(port);
      expect(twice).toEqual(once);
      expect(second).toEqual(first);
    }), { numRuns: 40 });
  });

  it("replaces its previous results fully: a shorter run leaves no stale rows", async () => {
    await fc.assert(fc.asyncProperty(workbookArb, fc.nat(12), async (sheets, keep) => {
      const shorter = (s: Sheets): Sheets => {
        const out = { ...s };
        if (out[SHEET.units]) out[SHEET.units] = out[SHEET.units].slice(0, Math.min(out[SHEET.units].length, keep));
        return out;
      };
      // Computed once on the full data, then on fewer units …
      const port = workbookOf(sheets);
      await computeAll(port);
      const ws = port.workbook.getWorksheet(SHEET.units);
      ws?.eachRow((row, r) => {
        if (r > keep) row.eachCell((cell) => (cell.value = null));
      });
      await computeAll(port);
      // … gives what one run on the fewer units gives (stale result sheets of the fixture aside).
      const fresh = workbookOf({ ...shorter(sheets), ...(sheets[SHEET.result] ? { [SHEET.result]: [] } : {}), ...(sheets[SHEET.checks] ? { [SHEET.checks]: [] } : {}) });
      await computeAll(fresh);
      const [a, b] = [await everything(port), await everything(fresh)];
      for (const name of [SHEET.result, SHEET.checks, SHEET.approval]) expect([name, a.get(name)]).toEqual([name, b.get(name)]);
    }), { numRuns: 30 });
  });
});
