/**
 * 创建/补全模板: adds the contract's missing sheets and missing header columns, and the method (spec G): the
 * sheets 考核办法 and 便民化考核办法 and the 参数 rows, written from the rule set in use (the workbook's own
 * method when it has a valid one, else the built-in one of 考核年度), never from literals. A sheet or a cell
 * holding data is never overwritten or deleted; an existing sheet only gains header labels to the right of
 * its used columns, and 参数 only the method's rows it lacks, below its used rows. An existing method sheet
 * gains no rule row: that would change the office's method.
 */
import { CONCLUSIONS, JUDGMENT_KINDS, JUDGMENT_WORDS } from "../ledger";
import { RULE_SETS, applies, ruleSet as defaultRuleSet, type RuleSet } from "../engine";
import {
  COMPUTE_READS, FORMAT, LABEL, METHOD_SHEETS, NEW_SHEET_LAYOUT, PARAM, PART_LIST, SHEET, SHEETS, SPARE_ROWS, STATUS_LIST,
  UNIT_TYPE_LIST, resultSpec, type ColumnSpec, type SheetName, type SheetSpec,
} from "./contract";
import { bandedWidth, prefixBands, shownLabel, showTextFormat, type Band } from "./header-bands";
import { approvalSpec, itemLabel } from "./inputs/approval";
import { JUDGMENT_PARAM } from "./ledger/contract";
import { WMSG } from "./messages";
import { workbookMethod } from "./method";
import { ALIAS_LABEL, APPROVAL_METHOD_LABEL, METHOD_PARAM, SCORING } from "./method/labels";
import { approvalMethodGrid, hotlineMethodGrid, methodParamRows, type Grid } from "./method/sheets";
import { chooseRuleSet } from "./params";
import { docParamRows } from "../documents/params";
import type { CellValue, SheetSnapshot, WorkbookPort, WriteOp, WritePlan } from "./port";
import { EXPLANATION_WIDTH, ROW_HEIGHT, STYLE, lineHeight, printOp, range, titleOps } from "./styles";
import { cellOf, findHeader, isEmptySheet, normalizeLabel, usedHeight, usedWidth, type Snapshots } from "./tables";
import { GUIDE, TMSG, columnHelp, noteText, paramNotes } from "./template-messages";
import { fitWidth, wrappedLines } from "../text/width";

export interface TemplateChanges {
  readonly plan: WritePlan;
  /** Sheets added (or filled because they were empty). */
  readonly createdSheets: readonly string[];
  /** Header labels added to existing sheets. */
  readonly addedColumns: readonly { readonly sheet: string; readonly labels: readonly string[] }[];
  /** Existing sheets holding data whose header row was not found: left as they are. */
  readonly untouched: readonly string[];
  /** Rows added to an existing sheet (the method's 参数 rows), by their first cell. */
  readonly addedRows: readonly { readonly sheet: string; readonly labels: readonly string[] }[];
}

/** What one run writes besides the contract: the method's 参数 rows, and 办法名称 when it writes the method. */
interface Context {
  readonly rules: RuleSet;
  /** The workbook carries (or gets) method sheets: 参数 holds the method's rows. */
  readonly methodRows: boolean;
  /** 办法名称 of the method this run writes (both method sheets are new). */
  readonly methodName?: string;
}

/** The sheets of the template in their order, shaped by the method (事项N, the result table's columns). */
function templateSpecs(rules: RuleSet): SheetSpec[] {
  const shaped = SHEETS.map((spec) => {
    if (spec.name === SHEET.approval) return approvalSpec(rules);
    if (spec.name === SHEET.result) return resultSpec(rules.hotline);
    return spec;
  });
  return [...shaped, ...METHOD_SHEETS];
}

/** Rows of a grid (header first) as {label: value}. */
function records(grid: Grid): Record<string, CellValue>[] {
  const [header, ...rows] = grid;
  return rows.map((row) => Object.fromEntries(header.map((label, i) => [String(label), row[i] ?? null])));
}

/**
 * The method's 参数 rows (参数, 值, 说明): 办法名称 only when this run writes the method; then 申诉期限（天）,
 * blank (spec I: no time limit until the office sets one).
 */
function methodParams(ctx: Context): Record<string, CellValue>[] {
  const notes = paramNotes(ctx.rules, [...RULE_SETS.keys()]);
  return [
    ...records(methodParamRows(ctx.rules, ctx.methodName ?? ""))
      .filter((r) => ctx.methodName !== undefined || r[LABEL.param] !== METHOD_PARAM.name)
      .map((r) => ({ ...r, [LABEL.note]: notes[String(r[LABEL.param])] ?? null })),
    { [LABEL.param]: JUDGMENT_PARAM.appealDays, [LABEL.value]: null, [LABEL.note]: TMSG.appealDaysNote },
    // The documents' rows (spec J: 通报标题 …), with their defaults.
    ...docParamRows().map((r) => ({ [LABEL.param]: r.name, [LABEL.value]: r.value, [LABEL.note]: r.note })),
  ];
}

/** The title row of each sheet. */
function title(spec: SheetSpec, rules: RuleSet): string {
  if (spec.name === SHEET.result) return rules.hotline.title;
  if (spec.name === SHEET.approval) return rules.approval.title;
  if (spec.name === SHEET.hotlineMethod) return TMSG.hotlineMethodTitle(rules.year);
  if (spec.name === SHEET.approvalMethod) return TMSG.approvalMethodTitle(rules.year);
  return WMSG.title[spec.name](rules.year);
}

/** Pre-filled rows of a new sheet, as {label: value} per row. */
function prefill(spec: SheetSpec, ctx: Context): Record<string, CellValue>[] {
  const { rules } = ctx;
  const { registry } = rules;
  switch (spec.name) {
    case SHEET.units:
      // 别名: the office's own spellings only; the built-in ones (spec C) are always known.
      return registry.hotlineUnits().map((org) => ({
        [LABEL.name]: org.name, [LABEL.type]: org.type, ...(org.officeAliases.length > 0 ? { [ALIAS_LABEL]: org.officeAliases.join("、") } : {}),
      }));
    case SHEET.hotline:
      return registry.hotlineUnits().map((org) => ({ [LABEL.name]: org.name }));
    case SHEET.approval:
      return registry.approvalDepartments().map((org) => {
        const row: Record<string, CellValue> = { [LABEL.name]: org.approvalName as string };
        for (const item of rules.approval.items) {
          if (!applies(rules.approval, registry, org, item.no)) row[itemLabel(item.no)] = "不涉及";
        }
        return row;
      });
    case SHEET.params:
      if (ctx.methodRows) return methodParams(ctx);
      return [
        { [LABEL.param]: PARAM.year, [LABEL.value]: rules.year, [LABEL.note]: WMSG.paramYearNote([...RULE_SETS.keys()]) },
        { [LABEL.param]: PARAM.months, [LABEL.value]: rules.hotline.months, [LABEL.note]: WMSG.paramMonthsNote },
      ];
    case SHEET.hotlineMethod:
      return records(hotlineMethodGrid(rules));
    case SHEET.approvalMethod:
      return records(approvalMethodGrid(rules));
    default:
      return [];
  }
}

/**
 * The status drop-down: 完成 / 未完成 / 不涉及 first, then every other word the rules accept (spec D), so that
 * the list never refuses a value the calculation reads.
 */
export function statusList(rules: RuleSet): string[] {
  const { done, notDone, notApplicable } = rules.approval.statusWords;
  const words = [...STATUS_LIST, ...PART_LIST, ...[...done, ...notDone, ...notApplicable].filter((w): w is string => typeof w === "string")];
  return [...new Set(words.map((w) => w.trim()).filter((w) => w !== ""))];
}

/** Excel's limit for a list typed into a validation rule (the source joined with commas). */
const LIST_SOURCE_LIMIT = 255;

/**
 * A register's 事项 drop-down: the labels first, then the other spellings the rules accept (the document's
 * own wording) while the list stays within Excel's limit, so that the list refuses no word the calculation reads.
 */
export function caseList(cases: RuleSet["hotline"]["cases"]): string[] {
  const list = cases.map((c) => c.label);
  for (const word of cases.flatMap((c) => c.synonyms)) {
    if (list.includes(word) || word.includes(",")) continue;
    if ([...list, word].join(",").length > LIST_SOURCE_LIMIT) break;
    list.push(word);
  }
  return list;
}

const YES_NO = ["是", "否"] as const;

/** The validation list of a column, if it has one. */
function listOf(spec: SheetSpec, column: ColumnSpec, rules: RuleSet): readonly string[] | undefined {
  switch (column.kind) {
    case "unitType":
      return spec.role === "result" ? undefined : UNIT_TYPE_LIST;
    case "status":
    case "part":
      return statusList(rules);
    case "caseItem":
      return caseList(spec.name === SHEET.bonuses ? rules.hotline.bonus.cases : rules.hotline.cases);
    case "scoring":
      return Object.values(SCORING);
    case "yesNo":
      return YES_NO;
    case "judgmentKind":
      return JUDGMENT_WORDS;
    case "conclusion":
      return CONCLUSIONS;
    default:
      return undefined;
  }
}

function numberFormat(column: ColumnSpec): string | undefined {
  if (column.kind === "rate") return FORMAT.percent;
  if (column.kind === "date") return FORMAT.date;
  return undefined;
}

/** Names a name column may hold: the registry's names for that sheet (so that the longest one is not cut off). */
function registeredNames(spec: SheetSpec, rules: RuleSet): string[] {
  if (spec.name === SHEET.approval) return rules.registry.approvalDepartments().map((o) => o.approvalName as string);
  return rules.registry.hotlineUnits().map((o) => o.name);
}

/**
 * Header labels wrap over up to two lines (the header row is two lines high), so a column is as wide as the
 * longer half of its label: 便民化考核's seventeen columns then print one A4 page wide at a legible size.
 */
const HEADER_LINES = 2;

function labelLines(label: string): string[] {
  const chars = [...label];
  const per = Math.ceil(chars.length / HEADER_LINES);
  return Array.from({ length: HEADER_LINES }, (_, i) => chars.slice(i * per, (i + 1) * per).join(""));
}

/** A column width that fits its label (on two lines), values, list words and registered names (CJK counted double). */
function width(spec: SheetSpec, column: ColumnSpec, values: readonly CellValue[], list: readonly string[] | undefined, rules: RuleSet): number {
  const texts = [...labelLines(column.label), ...values.map((v) => (v === null ? "" : String(v))), ...(list ?? [])];
  if (column.kind === "explanation") return EXPLANATION_WIDTH;
  if (column.kind === "date") return fitWidth([...texts, "2021-12-31"]);
  if (column.kind === "rate") return fitWidth([...texts, "100.00%"]);
  if (column.kind === "name") return fitWidth([...texts, ...registeredNames(spec, rules)], 8, 40);
  if (column.kind === "text") return fitWidth(texts, 30, TEXT_WIDTH);
  if (column.kind === "clause") return CLAUSE_WIDTH;
  if (column.kind === "label") return fitWidth(texts, 8, 30);
  return fitWidth(texts, 8, 44);
}

/** Width of a wrapped column of the method sheets (依据, 涉及部门). */
const CLAUSE_WIDTH = 70;
/** The widest a text column grows (参数 说明); longer pre-filled text wraps. */
const TEXT_WIDTH = 60;

/** Formats, validation list and width of one column over rows [first, first + rows). */
function columnOps(sheet: string, spec: SheetSpec, column: ColumnSpec, col: number, first: number, rows: number,
  values: readonly CellValue[], rules: RuleSet): WriteOp[] {
  const ops: WriteOp[] = [];
  const list = listOf(spec, column, rules);
  const fmt = numberFormat(column);
  if (rows > 0 && fmt) ops.push({ kind: "format", range: range(sheet, first, col, rows, 1), format: { numberFormat: fmt } });
  if (rows > 0 && list) ops.push({ kind: "listValidation", range: range(sheet, first, col, rows, 1), list });
  if (rows > 0 && column.kind === "clause") ops.push({ kind: "format", range: range(sheet, first, col, rows, 1), format: STYLE.wrap });
  ops.push({ kind: "columnWidth", sheet, col, width: width(spec, column, values, list, rules) });
  return ops;
}

function spareRows(spec: SheetSpec, prefilled: number): number {
  if (spec.role === "result") return 0;
  if (spec.name === SHEET.deductions || spec.name === SHEET.bonuses || spec.name === SHEET.judgment) return SPARE_ROWS.register;
  if (spec.name === SHEET.params) return 0;
  return prefilled + SPARE_ROWS.prefilled;
}

/**
 * Pre-filled text that wraps (依据, 涉及部门; a 参数 说明 longer than its column, which would otherwise spill to
 * the right and shrink the printed page): wrapped, and the rows that take several lines heightened.
 */
function wrappedRowOps(sheet: string, spec: SheetSpec, first: number, rows: readonly Record<string, CellValue>[]): WriteOp[] {
  const widths = new Map<ColumnSpec, number>();
  for (const c of spec.columns) if (c.kind === "clause" || c.kind === "text") widths.set(c, c.kind === "clause" ? CLAUSE_WIDTH : TEXT_WIDTH);
  if (widths.size === 0) return [];
  const ops: WriteOp[] = [];
  spec.columns.forEach((c, col) => {
    if (c.kind === "text" && rows.length > 0) ops.push({ kind: "format", range: range(sheet, first, col, rows.length, 1), format: STYLE.wrap });
  });
  rows.forEach((r, i) => {
    // A little narrower than the column: the estimate must not fall a line short (the row would cut the text).
    const lines = Math.max(...[...widths].map(([c, w]) => wrappedLines(String(r[c.label] ?? ""), w - 8)));
    if (lines > 1) ops.push({ kind: "rowHeight", sheet, row: first + i, height: lineHeight(lines) });
  });
  return ops;
}

/** A whole new sheet: title row, header row, pre-filled rows, formats, validation lists, widths, frozen header. */
/** Sheets printed landscape (wide tables); the others print portrait. Every one fits one A4 page wide. */
const LANDSCAPE: readonly SheetName[] = [
  SHEET.hotline, SHEET.deductions, SHEET.bonuses, SHEET.approval, SHEET.result, SHEET.hotlineMethod, SHEET.approvalMethod,
  SHEET.judgment, SHEET.judgmentSummary,
];

/**
 * Column groups labelled in a row between the title and the header (the header labels themselves are the
 * contract): 便民化考核's 事项1—N, and the parts of the derived item (2021: 事项6); 研判汇总's 研判事项.
 */
function bands(spec: SheetSpec, rules: RuleSet): Band[] {
  if (spec.name === SHEET.judgmentSummary) return prefixBands(spec.columns.map((c) => c.label), JUDGMENT_KINDS);
  if (spec.name !== SHEET.approval) return [];
  const cols = (pick: (c: ColumnSpec) => boolean) => spec.columns.flatMap((c, i) => (pick(c) ? [i] : []));
  const items = cols((c) => c.kind === "status");
  const parts = cols((c) => c.group === "item6");
  const derived = rules.approval.items.find((i) => i.status === "derived");
  return [
    { label: TMSG.bandItems(rules.approval.items.length), from: Math.min(...items), to: Math.max(...items) },
    ...(derived && parts.length > 0 ? [{ label: TMSG.bandDerivedParts(derived.no), from: Math.min(...parts), to: Math.max(...parts) }] : []),
  ];
}

/** The note on a header cell: what the column means, where its value comes from, an example. */
function noteOps(sheet: SheetName, label: string, row: number, col: number, rules: RuleSet): WriteOp[] {
  const help = columnHelp(rules)[sheet]?.[label];
  return help ? [{ kind: "note", sheet, row, col, text: noteText(help) }] : [];
}

function newSheetOps(spec: SheetSpec, ctx: Context, add: boolean): WriteOp[] {
  const { rules } = ctx;
  const sheet = spec.name;
  const { titleRow } = NEW_SHEET_LAYOUT;
  const groups = bands(spec, rules);
  const headerRow = NEW_SHEET_LAYOUT.headerRow + (groups.length > 0 ? 1 : 0);
  const labels = spec.columns.map((c) => c.label);
  const rows = prefill(spec, ctx);
  const ops: WriteOp[] = [];
  if (add) ops.push({ kind: "addSheet", sheet });
  ops.push(...titleOps(sheet, titleRow, labels.length, title(spec, rules)));
  for (const band of groups) {
    const row = headerRow - 1;
    ops.push({ kind: "values", sheet, row, col: band.from, values: [[band.label]] });
    if (band.to > band.from) ops.push({ kind: "merge", range: range(sheet, row, band.from, 1, band.to - band.from + 1) });
    ops.push({ kind: "format", range: range(sheet, row, band.from, 1, band.to - band.from + 1), format: spec.role === "result" ? STYLE.resultHeader : STYLE.inputHeader });
  }
  ops.push({ kind: "values", sheet, row: headerRow, col: 0, values: [labels] });
  spec.columns.forEach((c, i) => {
    ops.push({ kind: "format", range: range(sheet, headerRow, i), format: c.result || spec.role === "result" ? STYLE.resultHeader : STYLE.inputHeader });
    const shown = shownLabel(c.label, i, groups);
    if (shown !== undefined) ops.push({ kind: "format", range: range(sheet, headerRow, i), format: { numberFormat: showTextFormat(shown) } });
    ops.push(...noteOps(sheet, c.label, headerRow, i, rules));
  });
  if (rows.length > 0) {
    ops.push({ kind: "values", sheet, row: headerRow + 1, col: 0, values: rows.map((r) => labels.map((l) => r[l] ?? null)) });
    ops.push(...wrappedRowOps(sheet, spec, headerRow + 1, rows));
  }
  const dataRows = spareRows(spec, rows.length);
  spec.columns.forEach((c, i) => {
    ops.push(...columnOps(sheet, spec, c, i, headerRow + 1, dataRows, rows.map((r) => r[c.label] ?? null), rules));
    const shown = shownLabel(c.label, i, groups);
    if (shown !== undefined) ops.push({ kind: "columnWidth", sheet, col: i, width: bandedWidth(shown) });
  });
  ops.push({ kind: "freeze", sheet, rows: headerRow + 1, cols: spec.name === SHEET.params || METHOD_SHEETS.includes(spec) ? 0 : 1 });
  ops.push({ kind: "rowHeight", sheet, row: titleRow, height: ROW_HEIGHT.title });
  ops.push({ kind: "rowHeight", sheet, row: headerRow, height: lineHeight(HEADER_LINES) });
  ops.push(printOp(sheet, LANDSCAPE.includes(sheet) ? "landscape" : "portrait", { first: titleRow, last: headerRow }));
  return ops;
}

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

/** Whether a sheet is missing or holds nothing (the template fills it like a new one). */
const isNew = (snapshots: Snapshots, name: string) => {
  const snapshot = snapshots.get(name);
  return !snapshot || isEmptySheet(snapshot);
};

/**
 * What 创建/补全模板 would do to a workbook whose contract and method sheets are `snapshots` (missing sheets
 * absent). `only` limits it to some sheets (the ledger import completes just 热线数据 and 参数).
 */
export function templateChanges(
  snapshots: Snapshots, rules: RuleSet = defaultRuleSet(), only?: readonly SheetName[], methodName: string = TMSG.methodName(rules),
): TemplateChanges {
  const plan: WriteOp[] = [];
  const createdSheets: string[] = [];
  const addedColumns: { sheet: string; labels: string[] }[] = [];
  const addedRows: { sheet: string; labels: string[] }[] = [];
  const untouched: string[] = [];
  const guide = snapshots.get(SHEET.guide);
  if (!only && (!guide || isEmptySheet(guide))) {
    plan.push(...guideOps(rules, !guide));
    createdSheets.push(SHEET.guide);
  }
  const writesMethod = !only && METHOD_SHEETS.every((s) => isNew(snapshots, s.name));
  const ctx: Context = {
    rules, methodRows: !only || METHOD_SHEETS.some((s) => !isNew(snapshots, s.name)),
    ...(writesMethod ? { methodName } : {}),
  };
  for (const spec of templateSpecs(rules)) {
    if (only && !only.includes(spec.name)) continue;
    const snapshot = snapshots.get(spec.name);
    if (!snapshot || isEmptySheet(snapshot)) {
      plan.push(...newSheetOps(spec, ctx, !snapshot));
      createdSheets.push(spec.name);
      continue;
    }
    const header = findHeader(snapshot, spec);
    if (!header) {
      untouched.push(spec.name);
      continue;
    }
    // Without 由分项判定 the method's 事项6 is the derived item; an added empty column would mean none is.
    const missing = header.missing.filter((l) => !(spec.name === SHEET.approvalMethod && l === APPROVAL_METHOD_LABEL.derived));
    let col = usedWidth(snapshot);
    const added = new Map<string, number>();
    const first = header.row + 1;
    const rows = Math.max(usedHeight(snapshot) - first, 0) + spareRows(spec, 0);
    for (const label of missing) {
      const column = spec.columns.find((c) => c.label === label) as ColumnSpec;
      plan.push({ kind: "values", sheet: spec.name, row: header.row, col, values: [[label]] });
      plan.push({ kind: "format", range: range(spec.name, header.row, col), format: column.result || spec.role === "result" ? STYLE.resultHeader : STYLE.inputHeader });
      plan.push(...noteOps(spec.name, label, header.row, col, rules));
      plan.push(...columnOps(spec.name, spec, column, col, first, column.result ? 0 : rows, [], rules));
      added.set(label, col++);
    }
    if (missing.length > 0) addedColumns.push({ sheet: spec.name, labels: missing });
    // A register's 事项 list follows the method: a case kind added to 考核办法 must not be refused by the old list.
    for (const column of spec.columns) {
      const at = column.kind === "caseItem" ? header.columns.get(column.label) : undefined;
      const list = at === undefined ? undefined : listOf(spec, column, rules);
      if (at !== undefined && list && rows > 0) plan.push({ kind: "listValidation", range: range(spec.name, first, at, rows, 1), list });
    }
    if (spec.name === SHEET.params && ctx.methodRows) {
      const columns = new Map([...header.columns, ...added]);
      const labels = missingParamRows(snapshot, header.row, columns, ctx, plan);
      if (labels.length > 0) addedRows.push({ sheet: spec.name, labels });
    }
  }
  return { plan, createdSheets, addedColumns, untouched, addedRows };
}

/** The method's 参数 rows an existing 参数 sheet lacks, appended below its used rows (with their 说明). */
function missingParamRows(snapshot: SheetSnapshot, headerRow: number, columns: ReadonlyMap<string, number>, ctx: Context, plan: WriteOp[]): string[] {
  const nameCol = columns.get(LABEL.param) as number;
  const present = new Set<string>();
  for (let r = headerRow + 1; r < snapshot.values.length; r++) {
    const name = normalizeLabel(cellOf(snapshot, r, nameCol));
    if (name) present.add(name);
  }
  const rows = methodParams(ctx).filter((r) => !present.has(normalizeLabel(String(r[LABEL.param])) as string));
  let row = Math.max(usedHeight(snapshot), headerRow + 1);
  for (const r of rows) {
    for (const label of [LABEL.param, LABEL.value, LABEL.note]) {
      const col = columns.get(label);
      if (col !== undefined && r[label] !== null) plan.push({ kind: "values", sheet: SHEET.params, row, col, values: [[r[label]]] });
    }
    row++;
  }
  return rows.map((r) => String(r[LABEL.param]));
}

/** Sheets 创建/补全模板 reads: 填写说明, every contract sheet and the method sheets. */
export const TEMPLATE_READS: readonly SheetName[] = [SHEET.guide, ...COMPUTE_READS, ...METHOD_SHEETS.map((s) => s.name)];

/** The plan of 创建/补全模板 (see templateChanges). Pure. */
export function templatePlan(snapshots: Snapshots, rules: RuleSet = defaultRuleSet()): WritePlan {
  return templateChanges(snapshots, rules).plan;
}

/**
 * 创建/补全模板 through a port: one read, one apply. Without `rules`, the workbook's own method when it carries
 * a valid one (so that 便民化考核 gets a column per item of that method), else the built-in one of 考核年度.
 * `methodName`: 办法名称 of given rules when the template writes them as the method sheets (the CLI's --method).
 */
export async function templateAll(port: WorkbookPort, rules?: RuleSet, methodName?: string): Promise<Omit<TemplateChanges, "plan">> {
  const snapshots = await port.read(TEMPLATE_READS);
  const method = rules ? undefined : await workbookMethod(port, () => chooseRuleSet(snapshots));
  const used = rules ?? (method?.ok ? method.rules : chooseRuleSet(snapshots));
  const { plan, ...changes } = templateChanges(snapshots, used, undefined, methodName ?? TMSG.methodName(used));
  await port.apply(plan);
  return changes;
}
