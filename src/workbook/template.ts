/**
 * 创建/补全模板: adds the contract's missing sheets and missing header columns, and the method (spec G): the
 * sheets 考核办法 and 便民化考核办法 and the 参数 rows, written from the rule set in use (the workbook's own
 * method when it has a valid one, else the built-in one of 考核年度), never from literals. A sheet or a cell
 * holding data is never overwritten or deleted; an existing sheet only gains header labels to the right of
 * its used columns, and 参数 only the method's rows it lacks, below its used rows. An existing method sheet
 * gains no rule row: that would change the office's method.
 */
import { ruleSet as defaultRuleSet, type RuleSet } from "../engine";
import { COMPUTE_READS, LABEL, METHOD_SHEETS, NEW_SHEET_LAYOUT, SHEET, type ColumnSpec, type SheetName, type SheetSpec } from "./contract";
import { bandedWidth, shownLabel, showTextFormat } from "./header-bands";
import { workbookMethod } from "./method";
import { chooseRuleSet } from "./params";
import type { SheetSnapshot, WorkbookPort, WriteOp, WritePlan } from "./port";
import { ROW_HEIGHT, STYLE, lineHeight, printOp, range, titleOps } from "./styles";
import { cellOf, findHeader, isEmptySheet, normalizeLabel, usedHeight, usedWidth, type Snapshots } from "./tables";
import { TMSG, columnHelp, noteText } from "./template-text";
import { HEADER_LINES, columnOps, listOf, spareRows, wrappedRowOps } from "./template-columns";
import { methodParams, templateOf, templateSpecs, type TemplateContext } from "./template-sheets";
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

/** The note on a header cell: what the column means, where its value comes from, an example. */
function noteOps(sheet: SheetName, label: string, row: number, col: number, rules: RuleSet): WriteOp[] {
  const help = columnHelp(rules)[sheet]?.[label];
  return help ? [{ kind: "note", sheet, row, col, text: noteText(help) }] : [];
}

/** A whole new sheet: title row, header row, pre-filled rows, formats, validation lists, widths, frozen header. */
function newSheetOps(spec: SheetSpec, ctx: TemplateContext, add: boolean): WriteOp[] {
  const { rules } = ctx;
  const sheet = spec.name;
  const template = templateOf(sheet);
  const { titleRow } = NEW_SHEET_LAYOUT;
  const groups = template.bands?.(spec, rules) ?? [];
  const headerRow = NEW_SHEET_LAYOUT.headerRow + (groups.length > 0 ? 1 : 0);
  const labels = spec.columns.map((c) => c.label);
  const rows = template.prefill?.(ctx) ?? [];
  const ops: WriteOp[] = [];
  if (add) ops.push({ kind: "addSheet", sheet });
  ops.push(...titleOps(sheet, titleRow, labels.length, template.title(rules)));
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
  ops.push({ kind: "freeze", sheet, rows: headerRow + 1, cols: template.freezeColumns });
  ops.push({ kind: "rowHeight", sheet, row: titleRow, height: ROW_HEIGHT.title });
  ops.push({ kind: "rowHeight", sheet, row: headerRow, height: lineHeight(HEADER_LINES) });
  ops.push(printOp(sheet, template.landscape ? "landscape" : "portrait", { first: titleRow, last: headerRow }));
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
  const ctx: TemplateContext = {
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
    const template = templateOf(spec.name);
    const missing = header.missing.filter((l) => !template.notAdded?.includes(l));
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
    if (template.paramRows && ctx.methodRows) {
      const columns = new Map([...header.columns, ...added]);
      const labels = missingParamRows(snapshot, header.row, columns, ctx, plan);
      if (labels.length > 0) addedRows.push({ sheet: spec.name, labels });
    }
  }
  return { plan, createdSheets, addedColumns, untouched, addedRows };
}

/** The method's 参数 rows an existing 参数 sheet lacks, appended below its used rows (with their 说明). */
function missingParamRows(snapshot: SheetSnapshot, headerRow: number, columns: ReadonlyMap<string, number>, ctx: TemplateContext, plan: WriteOp[]): string[] {
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
