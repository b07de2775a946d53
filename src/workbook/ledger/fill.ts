/**
 * Fill 热线数据 for a period from an imported ledger (pure plan builder over snapshots).
 *
 * Importing is an explicit user action that replaces the seven count cells and 月均办件量 of every assessed
 * hotline unit's row (a row is added for a unit that has none). Nothing else of the user's changes: other
 * columns, other rows (units not in the ledger's registry, non-hotline units) and other sheets stay as they
 * are. 参数 records where the numbers came from (file, period, time, summary); 月度考核 and 工单导入校验 are
 * rewritten. A missing 热线数据 or 参数 sheet, or missing header labels, are first completed as
 * 创建/补全模板 would.
 */
import type { Organization, RuleSet } from "../../engine";
import { COUNT_FIELDS, monthPeriod, zeroCounts, type LedgerData, type LedgerSummary, type Period, type UnitCounts, type UnitPeriodCounts } from "../../ledger";
import { cellAddress } from "../address";
import { LABEL, PARAM, SHEET, sheetSpec } from "../contract";
import { Findings, type Finding } from "../findings";
import { BUILT_IN_LABEL } from "../method";
import { readUnits } from "../inputs/units";
import { readParameters } from "../params";
import type { CellValue, SheetSnapshot, WriteOp, WritePlan } from "../port";
import { columnRuns } from "../styles";
import { cellOf, findHeader, normalizeLabel, usedHeight, type Snapshots } from "../tables";
import { templateChanges } from "../template";
import { FILLED_LABELS, IMPORT_PARAM, LEDGER_SHEET } from "./contract";
import { LEDGER_WMSG } from "../messages";
import { monthlyPlan, monthlyScores, type MonthlyResults } from "./monthly";
import { problemsSheetOps, sourceSheetOf } from "./problems-sheet";
import { importRecordOps, readImportRecord } from "./import-record";
import { simulate } from "./simulate";
import { judgmentSummaryOps } from "./judgment-summary";
import { typedValues, writtenValues, type RowsToFill, type TypedValue } from "./typed-values";

export interface LedgerPlanOptions {
  /** The file (or sheet) the ledger came from, as 参数 and 工单导入校验 name it. */
  readonly sourceName?: string;
  /** When the import happened (default: now), written to 参数. */
  readonly now?: Date;
  /** The method the rules came from, named on 月度考核 (default: the built-in method of the rules' year). */
  readonly method?: string;
  /** Problems of 工单研判 as a whole and of 申诉期限（天） (readDecisionRegister), listed in 工单导入校验. */
  readonly registerFindings?: readonly Finding[];
  /** No period was given (the assessment year is assumed): a ledger with orders in only some months says so. */
  readonly periodDefaulted?: boolean;
}

export interface LedgerImportSummary {
  readonly period: Period;
  /** As written to 参数 工单数据来源. */
  readonly source: string;
  /** Rows read / counted / with problems, from the ledger import. */
  readonly ledger: LedgerSummary;
  /** 热线数据 rows filled (added ones included). */
  readonly unitsFilled: number;
  /** Units whose 热线数据 row was added. */
  readonly unitsAdded: readonly string[];
  /** Sum of the counts written. */
  readonly totals: UnitCounts;
  /** Chinese one-line summary for the task pane and the CLI. */
  readonly text: string;
}

export interface LedgerPlanOutput {
  readonly plan: WritePlan;
  readonly summary: LedgerImportSummary;
  /** Ledger row problems (one per listed problem, as errors) and problems of the fill itself. */
  readonly findings: readonly Finding[];
  readonly monthly: MonthlyResults;
  /**
   * 热线数据 values the plan replaces although no import wrote them (typed by hand or changed since): the
   * plan may be applied only with the user's consent. The plan lists them in 工单导入校验 (说明).
   */
  readonly typed: readonly TypedValue[];
  /** The workbook had a record of an earlier import (without one, every non-blank value counts as typed). */
  readonly recorded: boolean;
}

/** Where the counts came from, as written to 参数 (a sheet of this workbook, or a file). */
export function sourceNameOf(data: LedgerData, given?: string): string {
  const sheet = sourceSheetOf(data);
  if (sheet) return LEDGER_WMSG.sourceSheet(sheet);
  const source = data.summary.source;
  return LEDGER_WMSG.sourceFile(given, source?.format === "xlsx" ? source.sheet : undefined);
}

/** "2021-12-31 09:05:00" in local time. */
function localTime(date: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())} ${p(date.getHours())}:${p(date.getMinutes())}:${p(date.getSeconds())}`;
}

/**
 * Values ops writing `labels` (those the sheet has) for each row of `cells` (row → values in `labels` order):
 * one op per run of adjacent rows × run of adjacent columns, so no cell between them is touched.
 */
function cellOps(sheet: string, columns: ReadonlyMap<string, number>, labels: readonly string[],
  cells: ReadonlyMap<number, readonly CellValue[]>): WriteOp[] {
  const index = new Map<number, number>();
  labels.forEach((label, i) => {
    const col = columns.get(label);
    if (col !== undefined && !index.has(col)) index.set(col, i);
  });
  const rows = [...cells.keys()].sort((a, b) => a - b);
  const ops: WriteOp[] = [];
  for (const run of columnRuns([...index.keys()])) {
    for (let start = 0; start < rows.length;) {
      let end = start;
      while (end + 1 < rows.length && rows[end + 1] === rows[end] + 1) end++;
      const values = rows.slice(start, end + 1).map((r) => run.map((c) => (cells.get(r) as readonly CellValue[])[index.get(c) as number] ?? null));
      ops.push({ kind: "values", sheet, row: rows[start], col: run[0], values });
      start = end + 1;
    }
  }
  return ops;
}

interface HotlineFill {
  readonly ops: WriteOp[];
  readonly filled: number;
  readonly added: string[];
  readonly totals: UnitCounts;
  /** The cells written (FILLED_LABELS of each unit's row), for the typed-value check and the import record. */
  readonly fill: RowsToFill;
}

/** The count cells of 热线数据 for every assessed hotline unit; rows added after the last used row. */
function hotlineFillOps(snapshot: SheetSnapshot | undefined, counts: readonly UnitPeriodCounts[], data: LedgerData,
  assessed: ReadonlySet<string>, rules: RuleSet, period: Period, findings: Findings): HotlineFill {
  const totals = zeroCounts();
  const sheet = SHEET.hotline;
  const header = snapshot ? findHeader(snapshot, sheetSpec(sheet)) : undefined;
  if (!snapshot || !header) {
    findings.add({ severity: "error", code: "ledgerNotFilled", sheet, message: LEDGER_WMSG.hotlineNoHeader(sheet) });
    return { ops: [], filled: 0, added: [], totals, fill: { labels: FILLED_LABELS, columns: new Map(), rows: new Map() } };
  }
  const nameCol = header.columns.get(LABEL.name) as number;
  const rowOf = new Map<string, number>();
  for (let r = header.row + 1; r < snapshot.values.length; r++) {
    const raw = cellOf(snapshot, r, nameCol);
    if (raw === null || String(raw).trim() === "") continue;
    const org = rules.registry.resolve(String(raw));
    if (!org) continue;
    const first = rowOf.get(org.name);
    if (first === undefined) rowOf.set(org.name, r);
    else if (assessed.has(org.name)) {
      findings.add({
        severity: "warning", code: "duplicateUnit", sheet, cell: cellAddress(r, nameCol), unit: org.name,
        message: LEDGER_WMSG.duplicateHotlineRow(org.name, cellAddress(first, nameCol)),
      });
    }
  }
  let next = Math.max(usedHeight(snapshot), header.row + 1);
  const cells = new Map<number, number[]>();
  const units = new Map<number, { unit: string; values: number[] }>();
  const names = new Map<number, CellValue[]>();
  const added: string[] = [];
  let filled = 0;
  data.units.forEach((unit: Organization, i) => {
    const c = counts[i];
    if (!assessed.has(unit.name)) {
      if (c.工单总量 > 0 || c.应办结数 > 0 || c.有效回访数 > 0) {
        findings.add({
          severity: "warning", code: "ledgerUnitNotAssessed", sheet: SHEET.units, unit: unit.name,
          message: LEDGER_WMSG.unitNotAssessed(unit.name, c.工单总量, period),
        });
      }
      return;
    }
    let row = rowOf.get(unit.name);
    if (row === undefined) {
      row = next++;
      names.set(row, [unit.name]);
      added.push(unit.name);
    }
    for (const field of COUNT_FIELDS) totals[field] += c[field];
    // FILLED_LABELS order: the seven counts (COUNT_FIELDS order), then 月均办件量.
    const values = [...COUNT_FIELDS.map((field) => c[field]), c.月均办件量];
    cells.set(row, values);
    units.set(row, { unit: unit.name, values });
    filled++;
  });
  return {
    ops: [...cellOps(sheet, header.columns, FILLED_LABELS, cells), ...cellOps(sheet, header.columns, [LABEL.name], names)],
    filled, added, totals, fill: { labels: FILLED_LABELS, columns: header.columns, rows: units },
  };
}

/** 参数 rows 工单数据来源 / 工单数据期间 / 工单导入时间 / 工单导入结果: updated in place, or appended. */
function provenanceOps(snapshot: SheetSnapshot | undefined, values: Readonly<Record<keyof typeof IMPORT_PARAM, string>>): WriteOp[] {
  const sheet = SHEET.params;
  const header = snapshot ? findHeader(snapshot, sheetSpec(sheet)) : undefined;
  const nameCol = header?.columns.get(LABEL.param);
  const valueCol = header?.columns.get(LABEL.value);
  if (!snapshot || !header || nameCol === undefined || valueCol === undefined) return [];
  const noteCol = header.columns.get(LABEL.note);
  const found = new Map<string, number>();
  for (let r = header.row + 1; r < snapshot.values.length; r++) {
    const name = normalizeLabel(cellOf(snapshot, r, nameCol));
    if (name && !found.has(name)) found.set(name, r);
  }
  let next = Math.max(usedHeight(snapshot), header.row + 1);
  const ops: WriteOp[] = [];
  for (const key of Object.keys(IMPORT_PARAM) as (keyof typeof IMPORT_PARAM)[]) {
    const label = IMPORT_PARAM[key];
    let row = found.get(label);
    if (row === undefined) {
      row = next++;
      ops.push({ kind: "values", sheet, row, col: nameCol, values: [[label]] });
    }
    ops.push({ kind: "values", sheet, row, col: valueCol, values: [[values[key]]] });
    if (noteCol !== undefined) ops.push({ kind: "values", sheet, row, col: noteCol, values: [[LEDGER_WMSG.paramNote[key]]] });
  }
  return ops;
}

/**
 * The plan of an import for `period`: complete 热线数据/参数 if needed, fill 热线数据's counts and 月均办件量
 * (= 工单总量 ÷ months of the period), record the source in 参数, rewrite 月度考核 (the period's year) and
 * 工单导入校验. `snapshots` should hold the contract sheets and the import's own sheets (see LEDGER_READS).
 */
export function ledgerPlan(snapshots: Snapshots, data: LedgerData, period: Period, rules: RuleSet,
  options: LedgerPlanOptions = {}): LedgerPlanOutput {
  const findings = new Findings();
  const template = templateChanges(snapshots, rules, [SHEET.hotline, SHEET.params]);
  const sheets = simulate(snapshots, template.plan);

  // Units to fill: the hotline units of 承办单位 (all 77 when 承办单位 is missing), so that compute-all never
  // finds counts for a unit it does not assess.
  const ignored = new Findings();
  const assessed = new Set(readUnits(sheets, rules, ignored, new Set()).units.flatMap((u) => (u.org?.hotline ? [u.org.name] : [])));
  const { params } = readParameters(sheets, rules, ignored);
  if (params.year !== period.year) {
    findings.add({ severity: "warning", code: "ledgerYear", sheet: SHEET.params, field: PARAM.year, message: LEDGER_WMSG.yearMismatch(period, params.year) });
  }

  const months = options.periodDefaulted ? monthsWithOrders(data, period.year) : [];
  if (months.length > 0 && months.length < 12) {
    findings.add({ severity: "info", code: "ledgerPartYear", sheet: SHEET.params, field: IMPORT_PARAM.period, message: LEDGER_WMSG.partYear(period.year, months) });
  }

  const counts = data.counts(period);
  const hotline = hotlineFillOps(sheets.get(SHEET.hotline), counts, data, assessed, rules, period, findings);
  const source = sourceNameOf(data, options.sourceName);
  const provenance = provenanceOps(sheets.get(SHEET.params), {
    source,
    period: LEDGER_WMSG.periodValue(period),
    time: localTime(options.now ?? new Date()),
    result: data.summary.text,
  });
  const monthly = monthlyScores(sheets, data, period.year, rules);
  const monthlyOps = monthlyPlan(snapshots.get(LEDGER_SHEET.monthly), monthly, rules, options.method ?? BUILT_IN_LABEL(rules.year));
  const hotlineSheet = sheets.get(SHEET.hotline);
  const record = readImportRecord(snapshots);
  const typed = hotlineSheet ? typedValues({ ...hotlineSheet, uncalculated: snapshots.get(SHEET.hotline)?.uncalculated }, hotline.fill, record) : [];
  for (const t of typed) {
    const where = `${t.sheet}!${t.cell}`;
    findings.add({
      severity: "info", code: "ledgerReplacedTyped", sheet: t.sheet, cell: t.cell, unit: t.unit, field: t.label, value: t.typed,
      message: LEDGER_WMSG.replacedTyped(t.unit, t.label, where, LEDGER_WMSG.typedValue(t.typed), t.imported),
    });
  }
  const problems = problemsSheetOps(snapshots.get(LEDGER_SHEET.problems), data, period, source, { replaced: typed, registerFindings: options.registerFindings });
  const recordOps = importRecordOps(snapshots, writtenValues(hotline.fill));
  const judgment = judgmentSummaryOps(snapshots.get(SHEET.judgmentSummary), data, period, rules);

  const text = [LEDGER_WMSG.filled(period, hotline.filled, hotline.added.length, data.totals(period).工单总量), data.summary.text].join("；");
  return {
    plan: [...template.plan, ...hotline.ops, ...provenance, ...monthlyOps, ...problems.ops, ...recordOps, ...judgment],
    summary: {
      period, source, ledger: data.summary, unitsFilled: hotline.filled, unitsAdded: hotline.added, totals: hotline.totals, text,
    },
    findings: [...problems.findings, ...findings.sorted()],
    monthly,
    typed,
    recorded: record !== undefined,
  };
}

/** The months of `year` (1–12) with at least one order. */
function monthsWithOrders(data: LedgerData, year: number): number[] {
  return Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => data.totals(monthPeriod(year, m)).工单总量 > 0);
}
