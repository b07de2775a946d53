/**
 * 创建/补全模板: adds the contract's missing sheets and missing header columns, and the method (spec G): the
 * sheets 考核办法 and 便民化考核办法 and the 参数 rows, written from the rule set in use (the workbook's own
 * method when it has a valid one, else the built-in one of 考核年度), never from literals. A sheet or a cell
 * holding data is never overwritten or deleted; an existing sheet only gains header labels to the right of
 * its used columns, and 参数 only the method's rows it lacks, below its used rows. An existing method sheet
 * gains no rule row: that would change the office's method.
 */
import { JUDGMENT_KINDS } from "../ledger";
import { RULE_SETS, applies, ruleSet as defaultRuleSet, type RuleSet } from "../engine";
import { COMPUTE_READS, LABEL, METHOD_SHEETS, NEW_SHEET_LAYOUT, PARAM, SHEET, type ColumnSpec, type SheetName, type SheetSpec } from "./contract";
import { bandedWidth, prefixBands, shownLabel, showTextFormat, type Band } from "./header-bands";
import { itemLabel } from "./contract";
import { JUDGMENT_PARAM } from "./ledger/contract";
import { WMSG } from "./messages";
import { workbookMethod } from "./method";
import { ALIAS_LABEL, APPROVAL_METHOD_LABEL, METHOD_PARAM } from "./method/labels";
import { approvalMethodGrid, hotlineMethodGrid, methodParamRows, type Grid } from "./method/sheets";
import { chooseRuleSet } from "./params";
import { docParamRows } from "../documents/params";
import type { CellValue, SheetSnapshot, WorkbookPort, WriteOp, WritePlan } from "./port";
import { ROW_HEIGHT, STYLE, lineHeight, printOp, range, titleOps } from "./styles";
import { cellOf, findHeader, isEmptySheet, normalizeLabel, usedHeight, usedWidth, type Snapshots } from "./tables";
import { TMSG, columnHelp, noteText, paramNotes } from "./template-messages";
import { HEADER_LINES, columnOps, listOf, spareRows, templateSpecs, wrappedRowOps } from "./template-columns";
import { guideOps } from "./template-guide";

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
  const parts = cols((c) => c.group === "derived");
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
