/**
 * What the template writes per sheet, as one table (a row per sheet): its columns shaped by the method, title,
 * pre-filled rows, header bands, frozen columns, page orientation, the empty rows prepared for typing. Adding a
 * sheet to the template is a row here; the compiler names a sheet without one.
 */
import { JUDGMENT_KINDS } from "../ledger";
import { RULE_SETS, applies, type RuleSet } from "../engine";
import { LABEL, METHOD_SHEETS, PARAM, SHEET, SHEETS, itemLabel, resultSpec, type ColumnSpec, type SheetName, type SheetSpec } from "./contract";
import { docParamRows } from "../documents/params";
import { prefixBands, type Band } from "./header-bands";
import { approvalSpec } from "./inputs/approval";
import { JUDGMENT_PARAM } from "./ledger/contract";
import { WMSG } from "./messages";
import { ALIAS_LABEL, APPROVAL_METHOD_LABEL, METHOD_PARAM } from "./method/labels";
import { approvalMethodGrid, hotlineMethodGrid, methodParamRows, type Grid } from "./method/sheets";
import type { CellValue } from "./port";
import { TMSG, paramNotes } from "./template-text";

/** What one run writes besides the contract: the method's 参数 rows, and 办法名称 when it writes the method. */
export interface TemplateContext {
  readonly rules: RuleSet;
  /** The workbook carries (or gets) method sheets: 参数 holds the method's rows. */
  readonly methodRows: boolean;
  /** 办法名称 of the method this run writes (both method sheets are new). */
  readonly methodName?: string;
}

type Row = Record<string, CellValue>;

export interface SheetTemplate {
  /** The sheet's columns, shaped by the method (事项N, the result table's deduction columns). */
  readonly spec?: (rules: RuleSet) => SheetSpec;
  readonly title: (rules: RuleSet) => string;
  /** Rows of a new sheet, as {label: value} per row. */
  readonly prefill?: (ctx: TemplateContext) => Row[];
  /** Column groups labelled in a row between the title and the header (the header labels are the contract). */
  readonly bands?: (spec: SheetSpec, rules: RuleSet) => Band[];
  /** Columns frozen at the left beside the header rows: the name column, or none. */
  readonly freezeColumns: 0 | 1;
  /** Wide tables print landscape; every sheet fits one A4 page wide. */
  readonly landscape: boolean;
  /** Empty rows prepared below the data (formats, drop-downs) for typing: none, a register's, or 20 more than pre-filled. */
  readonly spare: "none" | "register" | "prefilled";
  /** The names a name column may hold (so that the longest one is not cut off); default the 12345 units. */
  readonly names?: (rules: RuleSet) => string[];
  /** The cases a 事项 drop-down lists (the registers). */
  readonly cases?: (rules: RuleSet) => RuleSet["hotline"]["cases"];
  /** Header labels an existing sheet does not gain: without 由分项判定 the method's 事项6 is the derived item; an added empty column would mean none is. */
  readonly notAdded?: readonly string[];
  /** An existing sheet gains the method's 参数 rows it lacks (when the workbook carries a method). */
  readonly paramRows?: boolean;
}

/** Rows of a grid (header first) as {label: value}. */
function records(grid: Grid): Row[] {
  const [header, ...rows] = grid;
  return rows.map((row) => Object.fromEntries(header.map((label, i) => [String(label), row[i] ?? null])));
}

/**
 * The method's 参数 rows (参数, 值, 说明): 办法名称 only when this run writes the method; then 申诉期限（天）,
 * blank (spec I: no time limit until the office sets one), and the documents' rows (spec J) with their defaults.
 */
export function methodParams(ctx: TemplateContext): Row[] {
  const notes = paramNotes(ctx.rules, [...RULE_SETS.keys()]);
  return [
    ...records(methodParamRows(ctx.rules, ctx.methodName ?? ""))
      .filter((r) => ctx.methodName !== undefined || r[LABEL.param] !== METHOD_PARAM.name)
      .map((r) => ({ ...r, [LABEL.note]: notes[String(r[LABEL.param])] ?? null })),
    { [LABEL.param]: JUDGMENT_PARAM.appealDays, [LABEL.value]: null, [LABEL.note]: TMSG.appealDaysNote },
    ...docParamRows().map((r) => ({ [LABEL.param]: r.name, [LABEL.value]: r.value, [LABEL.note]: r.note })),
  ];
}

/** 参数: the method's rows when the workbook carries (or gets) a method, else 考核年度 and 考核月数. */
function paramRows(ctx: TemplateContext): Row[] {
  if (ctx.methodRows) return methodParams(ctx);
  const { rules } = ctx;
  return [
    { [LABEL.param]: PARAM.year, [LABEL.value]: rules.year, [LABEL.note]: TMSG.paramYearNote([...RULE_SETS.keys()]) },
    { [LABEL.param]: PARAM.months, [LABEL.value]: rules.hotline.months, [LABEL.note]: TMSG.monthsNote },
  ];
}

/** 便民化考核: every department, 不涉及 pre-filled where an item does not apply to it. */
function approvalRows({ rules }: TemplateContext): Row[] {
  const { registry } = rules;
  return registry.approvalDepartments().map((org) => {
    const row: Row = { [LABEL.name]: org.approvalName as string };
    for (const item of rules.approval.items) {
      if (!applies(rules.approval, registry, org, item.no)) row[itemLabel(item.no)] = "不涉及";
    }
    return row;
  });
}

/** 便民化考核's bands: 事项1—N, and the parts of the derived item (2021: 事项6). */
function approvalBands(spec: SheetSpec, rules: RuleSet): Band[] {
  const cols = (pick: (c: ColumnSpec) => boolean) => spec.columns.flatMap((c, i) => (pick(c) ? [i] : []));
  const items = cols((c) => c.kind === "status");
  const parts = cols((c) => c.group === "derived");
  const derived = rules.approval.items.find((i) => i.status === "derived");
  return [
    { label: TMSG.bandItems(rules.approval.items.length), from: Math.min(...items), to: Math.max(...items) },
    ...(derived && parts.length > 0 ? [{ label: TMSG.bandDerivedParts(derived.no), from: Math.min(...parts), to: Math.max(...parts) }] : []),
  ];
}

/** The sheets the template writes: every contract sheet and the method sheets (not 填写说明, nor 定稿's backup). */
export type TemplateSheet = Exclude<SheetName, typeof SHEET.guide | typeof SHEET.formulaBackup>;

export const TEMPLATE_SHEETS: Readonly<Record<TemplateSheet, SheetTemplate>> = {
  [SHEET.units]: {
    title: (r) => TMSG.title.units(r.year), freezeColumns: 1, landscape: false, spare: "prefilled",
    // 别名: the office's own spellings only; the built-in ones (spec C) are always known.
    prefill: ({ rules }) => rules.registry.hotlineUnits().map((org) => ({
      [LABEL.name]: org.name, [LABEL.type]: org.type, ...(org.officeAliases.length > 0 ? { [ALIAS_LABEL]: org.officeAliases.join("、") } : {}),
    })),
  },
  [SHEET.hotline]: {
    title: (r) => TMSG.title.hotline(r.year), freezeColumns: 1, landscape: true, spare: "prefilled",
    prefill: ({ rules }) => rules.registry.hotlineUnits().map((org) => ({ [LABEL.name]: org.name })),
  },
  [SHEET.deductions]: {
    title: (r) => TMSG.title.deductions(r.year), freezeColumns: 1, landscape: true, spare: "register", cases: (r) => r.hotline.cases,
  },
  [SHEET.bonuses]: {
    title: (r) => TMSG.title.bonuses(r.year), freezeColumns: 1, landscape: true, spare: "register", cases: (r) => r.hotline.bonus.cases,
  },
  [SHEET.approval]: {
    spec: approvalSpec, title: (r) => r.approval.title, freezeColumns: 1, landscape: true, spare: "prefilled",
    prefill: approvalRows, bands: approvalBands, names: (r) => r.registry.approvalDepartments().map((o) => o.approvalName as string),
  },
  [SHEET.result]: { spec: (r) => resultSpec(r.hotline), title: (r) => r.hotline.title, freezeColumns: 1, landscape: true, spare: "none" },
  [SHEET.checks]: { title: () => WMSG.checksTitle, freezeColumns: 1, landscape: false, spare: "none" },
  [SHEET.judgment]: { title: (r) => TMSG.title.judgment(r.year), freezeColumns: 1, landscape: true, spare: "register" },
  [SHEET.judgmentSummary]: {
    title: (r) => TMSG.title.judgmentSummary(r.year), freezeColumns: 1, landscape: true, spare: "none",
    bands: (spec) => prefixBands(spec.columns.map((c) => c.label), JUDGMENT_KINDS),
  },
  [SHEET.params]: { title: () => TMSG.title.params, freezeColumns: 0, landscape: false, spare: "none", prefill: paramRows, paramRows: true },
  [SHEET.hotlineMethod]: {
    title: (r) => TMSG.title.hotlineMethod(r.year), freezeColumns: 0, landscape: true, spare: "prefilled",
    prefill: ({ rules }) => records(hotlineMethodGrid(rules)),
  },
  [SHEET.approvalMethod]: {
    title: (r) => TMSG.title.approvalMethod(r.year), freezeColumns: 0, landscape: true, spare: "prefilled",
    prefill: ({ rules }) => records(approvalMethodGrid(rules)), notAdded: [APPROVAL_METHOD_LABEL.derived],
  },
};

/** The template row of a sheet the template writes (misuse: another sheet). */
export function templateOf(name: SheetName): SheetTemplate {
  const row = (TEMPLATE_SHEETS as Readonly<Record<string, SheetTemplate>>)[name];
  if (!row) throw new Error(`template: no sheet ${name}`);
  return row;
}

/** The sheets of the template in their order (the contract's, then the method sheets), shaped by the method. */
export function templateSpecs(rules: RuleSet): SheetSpec[] {
  return [...SHEETS, ...METHOD_SHEETS].map((spec) => templateOf(spec.name).spec?.(rules) ?? spec);
}
