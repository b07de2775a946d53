/**
 * The template's columns: per column its drop-down list, number format, width, and the empty rows prepared below
 * the data for typing.
 */
import { CONCLUSIONS, JUDGMENT_WORDS } from "../ledger";
import type { RuleSet } from "../engine";
import { FORMAT, PART_LIST, SPARE_ROWS, STATUS_LIST, UNIT_TYPE_LIST, type ColumnSpec, type SheetSpec } from "./contract";
import { SCORING } from "./method/labels";
import type { CellValue, WriteOp } from "./port";
import { EXPLANATION_WIDTH, STYLE, lineHeight, range } from "./styles";
import { templateOf } from "./template-sheets";
import { fitWidth, wrappedLines } from "../text/width";

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
export function listOf(spec: SheetSpec, column: ColumnSpec, rules: RuleSet): readonly string[] | undefined {
  switch (column.kind) {
    case "unitType":
      return spec.role === "result" ? undefined : UNIT_TYPE_LIST;
    case "status":
    case "part":
      return statusList(rules);
    case "caseItem":
      return caseList(templateOf(spec.name).cases?.(rules) ?? []);
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
  return templateOf(spec.name).names?.(rules) ?? rules.registry.hotlineUnits().map((o) => o.name);
}

/**
 * Header labels wrap over up to two lines (the header row is two lines high), so a column is as wide as the
 * longer half of its label: 便民化考核's seventeen columns then print one A4 page wide at a legible size.
 */
export const HEADER_LINES = 2;

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
export function columnOps(sheet: string, spec: SheetSpec, column: ColumnSpec, col: number, first: number, rows: number,
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

/** Empty rows prepared below `prefilled` rows of data (formats, drop-downs) for typing. */
export function spareRows(spec: SheetSpec, prefilled: number): number {
  const { spare } = templateOf(spec.name);
  return spare === "none" ? 0 : spare === "register" ? SPARE_ROWS.register : prefilled + SPARE_ROWS.prefilled;
}

/**
 * Pre-filled text that wraps (依据, 涉及部门; a 参数 说明 longer than its column, which would otherwise spill to
 * the right and shrink the printed page): wrapped, and the rows that take several lines heightened.
 */
export function wrappedRowOps(sheet: string, spec: SheetSpec, first: number, rows: readonly Record<string, CellValue>[]): WriteOp[] {
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
