/**
 * What a plan does to the values of snapshots, without a workbook: lets a pure plan builder complete the
 * template (创建/补全模板 for 热线数据 and 参数) and then lay out its own writes on the completed sheets.
 * Only values matter here: formats, widths, validations and charts are ignored.
 */
import type { CellValue, SheetSnapshot, WritePlan } from "../port";
import type { Snapshots } from "../tables";

export function simulate(snapshots: Snapshots, plan: WritePlan): Map<string, SheetSnapshot> {
  const out = new Map(snapshots);
  const grids = new Map<string, CellValue[][]>();
  const grid = (sheet: string): CellValue[][] => {
    let g = grids.get(sheet);
    if (!g) {
      g = (out.get(sheet)?.values ?? []).map((row) => [...row]);
      grids.set(sheet, g);
    }
    return g;
  };
  const put = (sheet: string, row: number, col: number, value: CellValue) => {
    const g = grid(sheet);
    while (g.length <= row) g.push([]);
    const line = g[row];
    while (line.length <= col) line.push(null);
    line[col] = value;
  };
  for (const op of plan) {
    switch (op.kind) {
      case "addSheet":
        if (!out.has(op.sheet)) out.set(op.sheet, { name: op.sheet, values: [] });
        break;
      case "deleteSheet":
        out.delete(op.sheet);
        grids.delete(op.sheet);
        break;
      case "values":
      case "formulas": {
        const rows = op.kind === "values" ? op.values : op.formulas;
        rows.forEach((line, r) => line.forEach((v, c) => put(op.sheet, op.row + r, op.col + c, v)));
        break;
      }
      case "clear": {
        const { sheet, row, col, rows, cols } = op.range;
        const g = grid(sheet);
        for (let r = row; r < Math.min(row + rows, g.length); r++) {
          for (let c = col; c < Math.min(col + cols, g[r].length); c++) g[r][c] = null;
        }
        break;
      }
      default:
        break;
    }
  }
  for (const [sheet, values] of grids) {
    const width = values.reduce((w, row) => Math.max(w, row.length), 0);
    if (out.has(sheet)) out.set(sheet, { name: sheet, values: values.map((row) => [...row, ...Array<CellValue>(width - row.length).fill(null)]) });
  }
  return out;
}
