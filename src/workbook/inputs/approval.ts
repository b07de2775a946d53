/**
 * 便民化考核: one row per department; the six items' status words (spec D), item 6's parts, the evidence date.
 * Each department is judged by the engine (judgeDepartment); a department with an error is marked, not judged.
 */
import {
  MSG, isBlank, judgeDepartment, parseDate, parseRate, parseStatus, problem, vetoExplanation,
  type Cell, type DepartmentResult, type Organization, type RuleSet, type Status,
} from "../../engine";
import { parseAddress, qualified } from "../address";
import { itemLabel, LABEL, SHEET, sheetSpec, type ColumnSpec, type SheetSpec } from "../contract";
import type { Finding, Findings } from "../findings";
import { WMSG } from "../messages";
import { rowIssues } from "./row-issues";
import { rowUnit } from "./unit-name";
import { dataRows, openTable, type Snapshots, type Table, type TableRow } from "../tables";

export interface DepartmentOutcome {
  /** The approval method's spelling (市发改委 …). */
  readonly name: string;
  readonly org: Organization;
  /** judged: deduction and explanation are set. error: bad data (see 校验). missing: no row. */
  readonly status: "judged" | "error" | "missing";
  /** 0-based row in 便民化考核 (the first one when duplicated). */
  readonly row?: number;
  readonly deduction?: number;
  readonly explanation: string;
  readonly result?: DepartmentResult;
}

/** What goes into the 扣分 / 扣分说明 cells of one row. */
export interface ApprovalRowResult {
  readonly row: number;
  readonly deduction: number | null;
  readonly explanation: string;
}

export interface ApprovalRead {
  readonly table?: Table;
  readonly departments: readonly DepartmentOutcome[];
  readonly rows: readonly ApprovalRowResult[];
}

export { itemLabel };

/**
 * 便民化考核's columns for a method: one status column 事项N per item (spec G: N may differ from 6) where the
 * contract has 事项1 … 事项6, and the derived item's part columns only when the method has a derived item.
 */
export function approvalSpec(rules: RuleSet): SheetSpec {
  const spec = sheetSpec(SHEET.approval);
  const items = rules.approval.items.map((i): ColumnSpec => ({ label: itemLabel(i.no), kind: "status", needed: true }));
  const derived = rules.approval.items.some((i) => i.status === "derived");
  const first = spec.columns.findIndex((c) => c.kind === "status");
  const rest = spec.columns.filter((c) => c.kind !== "status" && (derived || c.group === undefined));
  return { ...spec, columns: [...rest.slice(0, first), ...items, ...rest.slice(first)] };
}

interface Parsed {
  readonly items: Cell<Status>[];
  readonly parts: Record<string, Cell<Status | null>>;
  readonly targets: Record<string, Cell<number | null>>;
  readonly evidenceDate: Cell<string | null>;
}

/** Parses one row's cells with the engine's parsers; undefined (and findings) when any cell is bad. */
function parseRow(row: TableRow, rules: RuleSet, findings: Findings, unit: string): Parsed | undefined {
  const words = rules.approval.statusWords;
  const { derived } = rules.approval;
  const labels = [
    ...rules.approval.items.map((i) => itemLabel(i.no)), ...derived.parts.map((p) => p.label), ...derived.targets.map((t) => t.label),
    LABEL.evidenceDate,
  ];
  if (rowIssues(row, labels, findings, unit)) return undefined;
  let bad = false;
  const fail = (p: Parameters<Findings["problem"]>[0]) => {
    findings.problem(p, SHEET.approval, unit);
    bad = true;
  };
  const items = rules.approval.items.map((item): Cell<Status> => {
    const label = itemLabel(item.no);
    const raw = row.get(label);
    const parsed = parseStatus(raw, words, label, row.at(label));
    if (!parsed.ok) fail(parsed.problem);
    return { value: parsed.ok ? parsed.value : "notApplicable", raw, field: label, at: row.at(label) };
  });
  const part = (label: string): Cell<Status | null> => {
    const raw = row.get(label);
    if (isBlank(raw)) return { value: null, raw, field: label, at: row.at(label) };
    const parsed = parseStatus(raw, words, label, row.at(label));
    if (!parsed.ok) fail(parsed.problem);
    return { value: parsed.ok ? parsed.value : null, raw, field: label, at: row.at(label) };
  };
  const target = (label: string): Cell<number | null> => {
    const raw = row.get(label);
    if (isBlank(raw)) return { value: null, raw, field: label, at: row.at(label) };
    const parsed = parseRate(raw, label, row.at(label));
    if (!parsed.ok) fail(parsed.problem);
    return { value: parsed.ok ? parsed.value : null, raw, field: label, at: row.at(label) };
  };
  const parts = Object.fromEntries(derived.parts.map((p) => [p.id, part(p.label)]));
  const targets = Object.fromEntries(derived.targets.map((t) => [t.id, target(t.label)]));
  const rawDate = row.get(LABEL.evidenceDate);
  const date = parseDate(rawDate, LABEL.evidenceDate, row.at(LABEL.evidenceDate));
  if (!date.ok) fail(date.problem);
  const evidenceDate = { value: date.ok ? date.value : null, raw: rawDate, field: LABEL.evidenceDate, at: row.at(LABEL.evidenceDate) };
  return bad ? undefined : { items, parts, targets, evidenceDate };
}

export function assessApproval(snapshots: Snapshots, rules: RuleSet, blocked: boolean, findings: Findings): ApprovalRead {
  const sheet = SHEET.approval;
  const { registry } = rules;
  const table = openTable(snapshots, approvalSpec(rules), findings, { missing: { severity: "error", consequence: WMSG.missingApprovalSheet } });
  const departments = registry.approvalDepartments();
  if (!table) {
    return {
      departments: departments.map((org) => ({ name: org.approvalName as string, org, status: "error", explanation: WMSG.markedError })),
      rows: [],
    };
  }
  const rowsOf = new Map<Organization, TableRow[]>();
  const results = new Map<number, ApprovalRowResult>();
  const judged = new Map<Organization, { row: number; result: DepartmentResult }>();
  const marked = (row: number) => results.set(row, { row, deduction: null, explanation: WMSG.markedError });
  for (const row of dataRows(table)) {
    marked(row.row);
    const named = rowUnit(row, registry, findings, sheet);
    if (!named?.org) continue;
    const { raw, at, org } = named;
    if (org.approvalName === undefined) {
      findings.problem(problem("notApprovalDepartment", "na", MSG.notApprovalDepartment(LABEL.name, raw, rules.approval.title, registry.approvalDepartments().length), LABEL.name, raw, at), sheet);
      continue;
    }
    rowsOf.set(org, [...(rowsOf.get(org) ?? []), row]);
  }
  for (const [org, rows] of rowsOf) {
    const unit = org.approvalName as string;
    if (rows.length > 1) {
      const firstAt = qualified(sheet, rows[0].at(LABEL.name).cell);
      for (const row of rows.slice(1)) {
        const raw = row.get(LABEL.name);
        findings.problem(problem("duplicateUnit", "value", MSG.duplicateUnit(LABEL.name, raw, firstAt), LABEL.name, raw,
          row.at(LABEL.name)), sheet, unit);
      }
      continue;
    }
    const row = rows[0];
    if (blocked || table.blocked) continue;
    const parsed = parseRow(row, rules, findings, unit);
    if (!parsed) continue;
    const result = judgeDepartment(rules.approval, registry, {
      org, items: parsed.items, parts: parsed.parts, targets: parsed.targets, evidenceDate: parsed.evidenceDate,
    });
    for (const p of result.problems) findings.problem(p, sheet, unit);
    if (result.problems.some((p) => p.severity === "error")) continue;
    evidenceNotes(findings, row, parsed, result, unit, rules);
    judged.set(org, { row: row.row, result });
    results.set(row.row, { row: row.row, deduction: result.deduction, explanation: vetoExplanation(result) });
  }
  const outcomes = departments.map((org): DepartmentOutcome => {
    const name = org.approvalName as string;
    const done = judged.get(org);
    if (done) {
      return { name, org, status: "judged", row: done.row, deduction: done.result.deduction, explanation: vetoExplanation(done.result), result: done.result };
    }
    const rows = rowsOf.get(org);
    if (rows) return { name, org, status: "error", row: rows[0].row, explanation: WMSG.markedError };
    if (!blocked && !table.blocked) {
      findings.add({ severity: "error", code: "departmentMissing", sheet, unit: name, message: WMSG.departmentMissing(name) });
    }
    return { name, org, status: "missing", explanation: WMSG.missingDepartmentResult };
  });
  const errorRows = new Map<number, Finding>();
  for (const f of findings.sorted()) {
    const at = f.severity === "error" && f.sheet === SHEET.approval && f.cell !== undefined ? parseAddress(f.cell) : undefined;
    if (at && !errorRows.has(at.row)) errorRows.set(at.row, f);
  }
  const rows = [...results.values()].sort((a, b) => a.row - b.row)
    .map((r) => (r.deduction === null ? { ...r, explanation: rowReason(errorRows.get(r.row)) } : r));
  const byRow = new Map(rows.map((r) => [r.row, r.explanation]));
  return {
    table, rows,
    departments: outcomes.map((d) => (d.status === "error" && d.row !== undefined ? { ...d, explanation: byRow.get(d.row) ?? d.explanation } : d)),
  };
}

/** What a department's evidence date did: 说明 for late evidence and for a blank date (counted as filed earlier). */
function evidenceNotes(findings: Findings, row: TableRow, parsed: Parsed, result: DepartmentResult, unit: string, rules: RuleSet): void {
  const late = result.late;
  if (late.length > 0) {
    findings.add({
      severity: "info", code: "lateEvidence", ...row.at(LABEL.evidenceDate), field: LABEL.evidenceDate, value: parsed.evidenceDate.raw,
      unit, message: `${unit}：${WMSG.lateEvidence(parsed.evidenceDate.value as string, rules.approval.evidenceDeadline, late)}`,
    });
  }
  // Without the column, 校验 already says once that evidence counts as filed in time (missingOptionalHeader).
  if (result.filedEarlier.length > 0 && row.has(LABEL.evidenceDate)) {
    findings.add({
      severity: "info", code: "blankEvidenceDate", ...row.at(LABEL.evidenceDate), field: LABEL.evidenceDate, value: parsed.evidenceDate.raw,
      unit, message: `${unit}：${WMSG.blankEvidenceDate(result.filedEarlier)}`,
    });
  }
}

/** 扣分说明 of a row not judged: its first error (sheet, cell, problem), else the generic marker. */
function rowReason(reason: Finding | undefined): string {
  if (!reason) return WMSG.markedError;
  const text = reason.unit && reason.message.startsWith(`${reason.unit}：`) ? reason.message.slice(reason.unit.length + 1) : reason.message;
  return WMSG.markedBecause(WMSG.dataError, reason.sheet, reason.cell, text);
}
