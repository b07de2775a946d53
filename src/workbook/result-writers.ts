/** The three things compute-all writes: 12345热线考核表, the result columns of 便民化考核, and 校验. */
import { hotlineExplanation, type ClauseRegister, type RuleSet } from "../engine";
import { cellValue } from "./cell-text";
import {
  ISSUER, LABEL, RESULT_LABEL, SEQ_LABEL, SHEET, FORMAT, resultColumns, resultSpec, sheetSpec, type ResultColumn,
} from "./contract";
import type { Finding } from "./findings";
import type { ApprovalRowResult } from "./inputs/approval";
import type { UnitOutcome } from "./hotline-scores";
import { MMSG, WMSG } from "./messages";
import type { CellValue, SheetSnapshot, WriteOp } from "./port";
import { prepareResultSheet, resultLayout, writeColumns, type ColumnWrite, type ResultLayout } from "./result-columns";
import { percentFormat } from "./rate-format";
import { EXPLANATION_WIDTH, ROW_HEIGHT, STYLE, printOp, range, titleHeight } from "./styles";
import { findHeader, normalizeLabel, type Table } from "./tables";

/**
 * Column widths of the official table (characters), chosen so that the 17 columns of the built-in method print
 * one A4 landscape page wide at about 70 % with 单位名称 and 扣分说明 wrapping; the headers wrap over up to
 * three lines. Rates are 9 wide, deductions 8. 扣分说明 quotes each line's clause (spec G): at 72 wide the sample's
 * 77 units take 4 pages (spec H), each cell a few lines.
 */
const RESULT_WIDTHS: Readonly<Record<string, number>> = {
  [SEQ_LABEL]: 5, [RESULT_LABEL.name]: 20, [RESULT_LABEL.type]: 6,
  [RESULT_LABEL.bonus]: 6, [RESULT_LABEL.total]: 7, [RESULT_LABEL.rank]: 6, [RESULT_LABEL.typeRank]: 7,
  [RESULT_LABEL.explanation]: 72,
};
const widthOf = (c: ResultColumn) => RESULT_WIDTHS[c.label] ?? (c.rateId !== undefined ? 9 : 8);

/**
 * 月度考核's widths: the official table's, with 月份 and the counts (numbers of at most five digits under a
 * header on three lines) narrow and 扣分说明 narrower, so that its 26 columns print one A4 page wide at a
 * legible size (spec H, J; 扣分说明 wraps, its rows grow).
 */
const MONTHLY_WIDTHS: Readonly<Record<string, number>> = { 月份: 11, [RESULT_LABEL.explanation]: 30 };
export function monthlyColumnWidth(c: ResultColumn): number {
  return MONTHLY_WIDTHS[c.label] ?? (RESULT_WIDTHS[c.label] !== undefined || c.rateId !== undefined || c.category !== undefined ? widthOf(c) : 6);
}

/** The units in rank order: ties keep their 承办单位 order, units without a rank come last. */
export function rankOrder(units: readonly UnitOutcome[]): UnitOutcome[] {
  return units.map((u, i) => ({ u, i }))
    .sort((a, b) => (a.u.rank ?? Infinity) - (b.u.rank ?? Infinity) || a.i - b.i)
    .map((x) => x.u);
}

/**
 * A header's display with the category's points (工单办理扣分 shown as 工单办理扣分（30分）): a number format,
 * so that the cell's value stays the contract label that readers match (spec E) while the page shows the
 * points (spec H).
 */
export function pointsFormat(points: number): string {
  return labelSuffixFormat(WMSG.pointsSuffix(points));
}

/** Excel refuses a number format longer than this. */
const FORMAT_LIMIT = 255;

/**
 * A text cell's number format that shows `suffix` after the cell's text (a quote in it shown as ＂; a suffix too
 * long for a number format is cut, marked by …).
 */
export function labelSuffixFormat(suffix: string): string {
  const text = suffix.replace(/"/g, "＂");
  const room = FORMAT_LIMIT - 3;
  return `@"${text.length <= room ? text : `${text.slice(0, room - 2)}…${text.slice(-1)}`}"`;
}

/** The line under the official table: the issuing unit and the date of the run. */
export function issuerLine(date: Date): string {
  return WMSG.issuerLine(ISSUER, date);
}

function category(unit: UnitOutcome, id: string): number | null {
  return unit.score?.categories.find((c) => c.id === id)?.deduction ?? null;
}

/**
 * One result row per unit, by the method's columns (resultColumns): rates as numbers (percent format),
 * deductions, bonus, 总分, ranks, 扣分说明. 序号 is the caller's.
 */
export function hotlineTableValues(units: readonly UnitOutcome[], rules: RuleSet): Record<string, CellValue[]> {
  const col = (f: (u: UnitOutcome) => CellValue) => units.map((u) => cellValue(f(u)));
  const values: Record<string, CellValue[]> = {
    [RESULT_LABEL.name]: col((u) => u.name),
    [RESULT_LABEL.type]: col((u) => u.type ?? null),
    [RESULT_LABEL.bonus]: col((u) => u.score?.bonus.points ?? null),
    [RESULT_LABEL.total]: col((u) => u.score?.total ?? null),
    [RESULT_LABEL.rank]: col((u) => u.rank ?? null),
    [RESULT_LABEL.typeRank]: col((u) => u.typeRank ?? null),
    [RESULT_LABEL.explanation]: col((u) => u.explanation),
  };
  for (const c of resultColumns(rules.hotline)) {
    const { rateId, category: cat } = c;
    if (rateId !== undefined) values[c.label] = col((u) => u.score?.rates[rateId] ?? null);
    if (cat !== undefined) values[c.label] = col((u) => category(u, cat.id));
  }
  return values;
}

/**
 * 扣分说明 as the official table prints it, units in rank order: each clause quoted in full once, at the first row
 * that applies it, and later rows refer to that row (（依据见序号3）). Quoted in every row, a ledger year's 77
 * units, nearly all with a rate deduction, took 8 pages instead of 4 (spec H). Everything after the engine's text
 * (研判 and pending notes) stays as it is; a text the lines do not begin is written whole.
 */
export function printedExplanations(units: readonly UnitOutcome[]): CellValue[] {
  const register: ClauseRegister = { quoted: new Map(), place: "" };
  return units.map((u, i) => {
    const full = u.score && hotlineExplanation(u.score.categories, u.score.bonus);
    if (!u.score || full === undefined || !u.explanation.startsWith(full)) return cellValue(u.explanation);
    register.place = WMSG.seqPlace(i + 1);
    return cellValue(hotlineExplanation(u.score.categories, u.score.bonus, { register }) + u.explanation.slice(full.length));
  });
}

const TEXT_LABELS: readonly string[] = [RESULT_LABEL.name, RESULT_LABEL.explanation];

/**
 * The title of a result sheet: its title, then on a second line the method that produced it (spec G) and the
 * run's status, so that neither pushes the title out of its merged cell.
 */
export function resultTitle(title: string, method: string, status = ""): string {
  return `${title}\n${[MMSG.producedBy(method), status].filter((t) => t !== "").join("　")}`;
}

/** The title row of a result sheet, rewritten on every run: text, format (wrapped) and a two-line height. */
export function resultTitleOps(layout: ResultLayout, title: string): WriteOp[] {
  const ops: WriteOp[] = [{ kind: "rowHeight", sheet: layout.sheet, row: layout.headerRow - 1, height: titleHeight(title.split("\n").length) }];
  if (layout.fresh) return ops;
  const cols = Math.max(...layout.columns.values()) + 1;
  return [
    { kind: "values", sheet: layout.sheet, row: layout.headerRow - 1, col: 0, values: [[title]] },
    { kind: "format", range: range(layout.sheet, layout.headerRow - 1, 0, 1, cols), format: STYLE.title }, ...ops,
  ];
}

/**
 * 12345热线考核表 is laid out afresh when the method's columns changed: a column of the method is missing or out
 * of the method's order, or a deduction column (…扣分) belongs to no category of the method any more (it would
 * keep stale values).
 */
function shapeChanged(snapshot: SheetSnapshot | undefined, columns: readonly ResultColumn[]): boolean {
  const header = snapshot ? findHeader(snapshot, sheetSpec(SHEET.result)) : undefined;
  if (!snapshot || !header) return false;
  const labels = new Set(columns.map((c) => c.label));
  const present = snapshot.values[header.row].map((v) => normalizeLabel(v));
  const stale = present.some((l) => l !== undefined && l.endsWith(LABEL.deduction) && !labels.has(l));
  if (stale || columns.some((c) => !present.includes(c.label))) return true;
  // The method's own columns (rates and deductions) in its order, before 加分 and 总分; the others may be anywhere.
  const ordered = columns.filter((c) => c.rateId !== undefined || c.category !== undefined || c.label === RESULT_LABEL.bonus || c.label === RESULT_LABEL.total);
  const at = ordered.map((c) => present.indexOf(c.label));
  return at.some((col, i) => i > 0 && col < at[i - 1]);
}

/**
 * The table, with the method and the run's status in its title row: 草稿 while 校验 holds errors, 校验通过
 * with the time of a clean run (spec E). Ready to print (spec H): units in rank order numbered by 序号,
 * deduction headers showing their points, 扣分说明 wrapped, the issuing unit and date under the table, A4
 * landscape one page wide with the title and header rows on every page. Its columns follow the method (spec G).
 */
export function writeHotlineTable(snapshot: SheetSnapshot | undefined, ranked: readonly UnitOutcome[], rules: RuleSet, method: string,
  status = "", issuedOn: Date = new Date()): WriteOp[] {
  const units = rankOrder(ranked);
  const columns = resultColumns(rules.hotline);
  const layout = resultLayout(snapshot, resultSpec(rules.hotline), columns.map((c) => c.label), true,
    { titleRow: true, fresh: shapeChanged(snapshot, columns) });
  const title = resultTitle(rules.hotline.title, method, status);
  const values: Record<string, CellValue[]> = {
    [SEQ_LABEL]: units.map((_, i) => i + 1), ...hotlineTableValues(units, rules), [RESULT_LABEL.explanation]: printedExplanations(units),
  };
  const writes: ColumnWrite[] = columns.map((c) => ({
    label: c.label, values: values[c.label],
    numberFormat: c.rateId !== undefined ? FORMAT.percent : undefined,
    center: !TEXT_LABELS.includes(c.label),
    width: widthOf(c),
    wrap: TEXT_LABELS.includes(c.label),
  }));
  const ops = [...prepareResultSheet(layout, title), ...writeColumns(layout, writes, { widths: true, allHeights: true }), ...resultTitleOps(layout, title)];
  const { headerRow } = layout;
  for (const c of columns) {
    if (c.category) ops.push({ kind: "format", range: range(SHEET.result, headerRow, layout.columns.get(c.label) as number), format: { numberFormat: pointsFormat(c.category.cap) } });
  }
  ops.push({ kind: "rowHeight", sheet: SHEET.result, row: headerRow, height: ROW_HEIGHT.header });
  const first = headerRow + 1;
  const lastCol = Math.max(...layout.columns.values());
  let printRows = first + units.length;
  if (units.length > 0) {
    // A blank row, then the issuing unit and the date (in the first column, spilling over the empty cells).
    const issuerRow = first + units.length + 1;
    ops.push({ kind: "values", sheet: SHEET.result, row: issuerRow, col: layout.columns.get(SEQ_LABEL) as number, values: [[issuerLine(issuedOn)]] });
    ops.push({ kind: "format", range: range(SHEET.result, issuerRow, layout.columns.get(SEQ_LABEL) as number), format: STYLE.footerLine });
    printRows = issuerRow + 1;
  }
  ops.push(printOp(SHEET.result, "landscape", { first: 0, last: headerRow }, { rows: printRows, cols: lastCol + 1 }));
  // Rates whose two-decimal display would read as another band get more decimals.
  for (const { label, rateId } of columns) {
    if (rateId === undefined) continue;
    const col = layout.columns.get(label) as number;
    units.forEach((u, i) => {
      const rate = u.score?.rates[rateId];
      if (rate === null || rate === undefined) return;
      const numberFormat = percentFormat(rules.hotline, rateId, rate);
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

/**
 * Only the 扣分 and 扣分说明 columns of 便民化考核: never another cell of that sheet. The method that produced
 * them is shown by the 扣分说明 header's number format (扣分说明（考核办法：…）): the cell keeps its label.
 * 扣分说明 wraps within a fixed width and its rows grow to show it (the row height is the only thing of the
 * user's rows it changes): unwrapped, a long 扣分说明 spills to the right and the sheet, fitted to one page
 * wide, printed at a quarter of its size.
 */
export function writeApprovalColumns(table: Pick<Table, "snapshot" | "spec">, rows: readonly ApprovalRowResult[], method: string): WriteOp[] {
  const layout = resultLayout(table.snapshot, table.spec, [LABEL.deduction, LABEL.explanation], false);
  const count = rows.reduce((n, r) => Math.max(n, r.row - layout.headerRow), 0);
  const deduction: CellValue[] = Array.from({ length: count }, () => null);
  const explanation: CellValue[] = Array.from({ length: count }, () => null);
  for (const r of rows) {
    deduction[r.row - layout.headerRow - 1] = r.deduction;
    explanation[r.row - layout.headerRow - 1] = cellValue(r.explanation);
  }
  const header = range(SHEET.approval, layout.headerRow, layout.columns.get(LABEL.explanation) as number);
  return [
    ...writeColumns(layout, [
      { label: LABEL.deduction, values: deduction, center: true },
      { label: LABEL.explanation, values: explanation, width: EXPLANATION_WIDTH, wrap: true },
    ], { widths: true }),
    { kind: "format", range: header, format: { numberFormat: labelSuffixFormat(`（${MMSG.producedBy(method)}）`) } },
  ];
}

/**
 * 校验: one row per finding (sorted by sheet, then row); "未发现问题" when there is no error or warning. The title
 * row names the method the run used (or says it was refused).
 */
export function writeChecks(snapshot: SheetSnapshot | undefined, findings: readonly Finding[], method: string): WriteOp[] {
  const labels = [LABEL.sheet, LABEL.cell, LABEL.problem, LABEL.level];
  const layout = resultLayout(snapshot, sheetSpec(SHEET.checks), labels, true, { titleRow: true });
  const title = resultTitle(WMSG.checksTitle, method);
  const rows: CellValue[][] = [];
  if (!findings.some((f) => f.severity !== "info")) rows.push([WMSG.noCell, WMSG.noCell, WMSG.noProblems, null]);
  for (const f of findings) rows.push([cellValue(f.sheet), f.cell ?? WMSG.noCell, cellValue(f.message), WMSG.level[f.severity]]);
  const writes: ColumnWrite[] = labels.map((label, i) => ({
    label, values: rows.map((r) => r[i]), center: label === LABEL.cell || label === LABEL.level,
    maxWidth: label === LABEL.problem ? 70 : 20, wrap: label === LABEL.problem,
  }));
  return [
    ...prepareResultSheet(layout, title), ...writeColumns(layout, writes, { widths: true, allHeights: true }), ...resultTitleOps(layout, title),
    printOp(SHEET.checks, "portrait", { first: 0, last: layout.headerRow }),
  ];
}
