/**
 * Sheets the import owns print legibly (spec H, J): a table of fixed widths wraps its long text (扣分说明) and
 * grows those rows, its header row is three lines high, and a note over it wraps across the table instead of
 * spilling to the right (spilled text widens the printed area, and a sheet fitted to one page wide shrinks).
 */
import { ownedSheetOps } from "../../../src/workbook/ledger/owned-sheet";
import type { WriteOp } from "../../../src/workbook/port";

const LONG = "退单率8.33%（4/48）（5%—10%）扣3分（依据：该文件附件2 退单率：按工单总量，退单率低于5%的不扣分）"; // well over 30 wide

function plan(fixed: boolean): WriteOp[] {
  return ownedSheetOps(undefined, {
    sheet: "月度考核", title: "标题", notes: ["每个单位每月一行，并附全年一行（即年度考核结果）；按导入的工单逐月计算。".repeat(3)],
    tables: [{
      columns: [
        { label: "单位名称", ...(fixed ? { width: 20, wrap: true } : {}) },
        { label: "总分", ...(fixed ? { width: 7 } : {}) },
        { label: "扣分说明", ...(fixed ? { width: 30, wrap: true } : { maxWidth: 80 }) },
      ],
      rows: [["汉滨区政府", 100, "无扣分"], ["市民政局", 94, LONG]],
    }],
  }).ops;
}

describe("ownedSheetOps: print layout", () => {
  it("keeps fixed widths, wraps the text columns and heightens only the rows that need several lines", () => {
    const ops = plan(true);
    const widths = ops.flatMap((op) => (op.kind === "columnWidth" ? [[op.col, op.width]] : []));
    expect(widths).toEqual([[0, 20], [1, 7], [2, 30]]);
    // Title row 0, note row 1, header row 2, data rows 3 and 4.
    const wrapped = ops.flatMap((op) => (op.kind === "format" && op.format.wrap && op.range.row === 3 ? [op.range.col] : []));
    expect(wrapped.sort()).toEqual([0, 2]);
    const heights = new Map(ops.flatMap((op) => (op.kind === "rowHeight" ? [[op.row, op.height] as const] : [])));
    expect(heights.has(3)).toBe(false);
    // At least as many 12-pt lines as the text has 30-wide slices (each character at least one width).
    expect(heights.get(4)).toBeGreaterThanOrEqual(12 * Math.ceil(LONG.length / 30));
    expect(heights.get(2)).toBeGreaterThanOrEqual(3 * 12);
    // The note is merged over the three columns and wrapped, its row as high as its lines.
    expect(ops).toContainEqual({ kind: "merge", range: { sheet: "月度考核", row: 1, col: 0, rows: 1, cols: 3 } });
    expect(heights.get(1)).toBeGreaterThan(15);
  });

  it("leaves a table without fixed widths as it was: fitted widths, nothing wrapped, no heights", () => {
    const ops = plan(false);
    expect(ops.some((op) => op.kind === "rowHeight" || op.kind === "merge" && op.range.row === 1)).toBe(false);
    // (Title and header rows wrap on every sheet.)
    expect(ops.some((op) => op.kind === "format" && op.format.wrap && op.range.row > 2)).toBe(false);
  });
});
