/** 填写说明: the template's first sheet (the steps of the work, what every sheet and column is for). */
import type { RuleSet } from "../engine";
import { SHEET } from "./contract";
import type { CellValue, WriteOp } from "./port";
import { ROW_HEIGHT, STYLE, lineHeight, printOp, range, titleOps } from "./styles";
import { GUIDE, columnHelp } from "./template-text";
import { wrappedLines } from "../text/width";
import { templateSpecs } from "./template-sheets";

/** 填写说明 (a new or empty sheet): the steps, what every sheet is for, and every column's help. */
export function guideOps(rules: RuleSet, add: boolean): WriteOp[] {
  const sheet = SHEET.guide;
  const widths = [14, 16, 50, 28, 18];
  const cols = widths.length;
  const total = widths.reduce((a, b) => a + b, 0);
  const ops: WriteOp[] = [];
  if (add) ops.push({ kind: "addSheet", sheet });
  ops.push(...titleOps(sheet, 0, cols, GUIDE.title(rules.year)));
  ops.push({ kind: "rowHeight", sheet, row: 0, height: ROW_HEIGHT.title });
  let row = 2;
  const heading = (text: string) => {
    ops.push({ kind: "values", sheet, row, col: 0, values: [[text]] }, { kind: "format", range: range(sheet, row, 0), format: { bold: true } });
    row++;
  };
  /** A text over the full width, wrapped (a merged row does not grow by itself: its height is set). */
  const line = (text: string) => {
    ops.push({ kind: "values", sheet, row, col: 0, values: [[text]] });
    ops.push({ kind: "merge", range: range(sheet, row, 0, 1, cols) }, { kind: "format", range: range(sheet, row, 0, 1, cols), format: STYLE.wrap });
    ops.push({ kind: "rowHeight", sheet, row, height: lineHeight(wrappedLines(text, total)) });
    row++;
  };
  const header = (labels: readonly string[], at: readonly number[]) => {
    labels.forEach((label, i) => ops.push({ kind: "values", sheet, row, col: at[i], values: [[label]] }));
    ops.push({ kind: "format", range: range(sheet, row, 0, 1, cols), format: STYLE.inputHeader });
    row++;
  };
  heading(GUIDE.stepsHeading);
  GUIDE.steps.forEach(line);
  row++;
  heading(GUIDE.sheetsHeading);
  // 工作表 | 用途 (over the 列 and 含义 columns) | 由谁填写 (over 来源 and 示例).
  header(GUIDE.sheetLabels, [0, 1, 3]);
  for (const [name, use, who] of GUIDE.sheets) {
    ops.push({ kind: "values", sheet, row, col: 0, values: [[name, use, null, who]] });
    ops.push({ kind: "merge", range: range(sheet, row, 1, 1, 2) }, { kind: "merge", range: range(sheet, row, 3, 1, 2) });
    row++;
  }
  row++;
  heading(GUIDE.columnsHeading);
  const first = row;
  header(GUIDE.columnLabels, [0, 1, 2, 3, 4]);
  const help = columnHelp(rules);
  const lines: CellValue[][] = [];
  for (const spec of templateSpecs(rules)) {
    for (const c of spec.columns) {
      const h = help[spec.name]?.[c.label];
      if (h) lines.push([spec.name, c.label, h.meaning, h.source, h.example]);
    }
  }
  ops.push({ kind: "values", sheet, row, col: 0, values: lines });
  ops.push({ kind: "format", range: range(sheet, row, 0, lines.length, cols), format: STYLE.wrap });
  lines.forEach((cells, i) => {
    const height = Math.max(...cells.map((v, c) => wrappedLines(String(v ?? ""), widths[c])));
    if (height > 1) ops.push({ kind: "rowHeight", sheet, row: row + i, height: lineHeight(height) });
  });
  widths.forEach((w, col) => ops.push({ kind: "columnWidth", sheet, col, width: w }));
  ops.push(printOp(sheet, "portrait", { first, last: first }));
  return ops;
}
