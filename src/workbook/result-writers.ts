/** The three things compute-all writes: 12345热线考核表, the result columns of 便民化考核, and 校验. */
import type { RateRuleId, RuleSet } from "../engine";
import { cellValue } from "./cellText";
import { LABEL, RESULT_LABEL, SHEET, FORMAT, sheetSpec } from "./contract";
import type { Finding } from "./findings";
import type { ApprovalRowResult } from "./inputs/approval";
import type { UnitOutcome } from "./hotline-scores";
import { WMSG } from "./messages";
import type { CellValue, SheetSnapshot, WriteOp } from "./port";
import { prepareResultSheet, resultLayout, writeColumns, type ColumnWrite } from "./result-columns";
import { percentFormat } from "./rate-format";
import { range } from "./styles";

const RESULT_LABELS = Object.values(RESULT_LABEL);

function category(unit: UnitOutcome, id: string): number | null {
  return unit.score?.categories.find((c) => c.id === id)?.deduction ?? null;
}

/** One result row per unit: rates as numbers (percent format), deductions, bonus, 总分, ranks, 扣分说明. */
export function hotlineTableValues(units: readonly UnitOutcome[]): Record<string, CellValue[]> {
  const col = (f: (u: UnitOutcome) => CellValue) => units.map((u) => cellValue(f(u)));
  const rate = (id: "completion" | "returned" | "extension" | "satisfaction") => col((u) => u.score?.rates[id] ?? null);
  return {
    [RESULT_LABEL.name]: col((u) => u.name),
    [RESULT_LABEL.type]: col((u) => u.type ?? null),
    [RESULT_LABEL.completionRate]: rate("completion"),
    [RESULT_LABEL.handling]: col((u) => category(u, "handling")),
    [RESULT_LABEL.returnedRate]: rate("returned"),
    [RESULT_LABEL.returned]: col((u) => category(u, "returned")),
    [RESULT_LABEL.extensionRate]: rate("extension"),
    [RESULT_LABEL.extension]: col((u) => category(u, "extension")),
    [RESULT_LABEL.satisfactionRate]: rate("satisfaction"),
    [RESULT_LABEL.satisfaction]: col((u) => category(u, "satisfaction")),
    [RESULT_LABEL.cooperation]: col((u) => category(u, "cooperation")),
    [RESULT_LABEL.bonus]: col((u) => u.score?.bonus.points ?? null),
    [RESULT_LABEL.total]: col((u) => u.score?.total ?? null),
    [RESULT_LABEL.rank]: col((u) => u.rank ?? null),
    [RESULT_LABEL.typeRank]: col((u) => u.typeRank ?? null),
    [RESULT_LABEL.explanation]: col((u) => u.explanation),
  };
}

const RATE_LABELS: readonly string[] = [
  RESULT_LABEL.completionRate, RESULT_LABEL.returnedRate, RESULT_LABEL.extensionRate, RESULT_LABEL.satisfactionRate,
];
const RATE_RULES: readonly (readonly [string, RateRuleId])[] = [
  [RESULT_LABEL.completionRate, "completion"], [RESULT_LABEL.returnedRate, "returned"],
  [RESULT_LABEL.extensionRate, "extension"], [RESULT_LABEL.satisfactionRate, "satisfaction"],
];
const TEXT_LABELS: readonly string[] = [RESULT_LABEL.name, RESULT_LABEL.explanation];

/**
 * The table, with the run's status in its title row: 草稿 while 校验 holds errors, 校验通过 with the time of a
 * clean run (spec E).
 */
export function writeHotlineTable(snapshot: SheetSnapshot | undefined, units: readonly UnitOutcome[], rules: RuleSet, status = ""): WriteOp[] {
  const layout = resultLayout(snapshot, sheetSpec(SHEET.result), RESULT_LABELS, true, { titleRow: true });
  const title = status === "" ? rules.hotline.title : `${rules.hotline.title}　${status}`;
  const values = hotlineTableValues(units);
  const writes: ColumnWrite[] = RESULT_LABELS.map((label) => ({
    label, values: values[label],
    numberFormat: RATE_LABELS.includes(label) ? FORMAT.percent : undefined,
    center: !TEXT_LABELS.includes(label),
    maxWidth: label === RESULT_LABEL.explanation ? 80 : 40,
  }));
  const ops = [...prepareResultSheet(layout, title), ...writeColumns(layout, writes, { widths: true })];
  if (!layout.fresh) ops.push({ kind: "values", sheet: SHEET.result, row: layout.headerRow - 1, col: 0, values: [[title]] });
  // Rates whose two-decimal display would read as another band get more decimals.
  const first = layout.headerRow + 1;
  for (const [label, id] of RATE_RULES) {
    const col = layout.columns.get(label) as number;
    units.forEach((u, i) => {
      const rate = u.score?.rates[id];
      if (rate === null || rate === undefined) return;
      const numberFormat = percentFormat(rules.hotline, id, rate);
      if (numberFormat !== FORMAT.percent) ops.push({ kind: "format", range: range(SHEET.result, first + i, col), format: { numberFormat } });
    });
  }
  if (units.length > 0) {
    // A bar chart of 总分 by unit. The Office.js adapter draws it (replacing a chart of the same name);
    // the exceljs adapter ignores it because exceljs cannot write charts.
    const nameCol = layout.columns.get(RESULT_LABEL.name) as number;
    const totalCol = layout.columns.get(RESULT_LABEL.total) as number;
    ops.push({
      kind: "barChart", sheet: SHEET.result, name: "总分柱状图", title: WMSG.chartTitle(rules.year),
      categories: range(SHEET.result, first, nameCol, units.length, 1),
      values: range(SHEET.result, first, totalCol, units.length, 1),
      anchor: { row: layout.headerRow, col: Math.max(...layout.columns.values()) + 2 },
    });
  }
  return ops;
}

/** Only the 扣分 and 扣分说明 columns of 便民化考核: never another cell of that sheet. */
export function writeApprovalColumns(snapshot: SheetSnapshot, rows: readonly ApprovalRowResult[]): WriteOp[] {
  const layout = resultLayout(snapshot, sheetSpec(SHEET.approval), [LABEL.deduction, LABEL.explanation], false);
  const count = rows.reduce((n, r) => Math.max(n, r.row - layout.headerRow), 0);
  const deduction: CellValue[] = Array.from({ length: count }, () => null);
  const explanation: CellValue[] = Array.from({ length: count }, () => null);
  for (const r of rows) {
    deduction[r.row - layout.headerRow - 1] = r.deduction;
    explanation[r.row - layout.headerRow - 1] = cellValue(r.explanation);
  }
  return writeColumns(layout, [
    { label: LABEL.deduction, values: deduction, center: true },
    { label: LABEL.explanation, values: explanation, maxWidth: 80 },
  ], { widths: true });
}

/** 校验: one row per finding (sorted by sheet, then row); "未发现问题" when there is no error or warning. */
export function writeChecks(snapshot: SheetSnapshot | undefined, findings: readonly Finding[]): WriteOp[] {
  const labels = [LABEL.sheet, LABEL.cell, LABEL.problem, LABEL.level];
  const layout = resultLayout(snapshot, sheetSpec(SHEET.checks), labels, true);
  const rows: CellValue[][] = [];
  if (!findings.some((f) => f.severity !== "info")) rows.push([WMSG.noCell, WMSG.noCell, WMSG.noProblems, null]);
  for (const f of findings) rows.push([cellValue(f.sheet), f.cell ?? WMSG.noCell, cellValue(f.message), WMSG.level[f.severity]]);
  const writes: ColumnWrite[] = labels.map((label, i) => ({
    label, values: rows.map((r) => r[i]), center: label === LABEL.cell || label === LABEL.level,
    maxWidth: label === LABEL.problem ? 100 : 20,
  }));
  return [...prepareResultSheet(layout, WMSG.title[SHEET.checks](0)), ...writeColumns(layout, writes, { widths: true })];
}
