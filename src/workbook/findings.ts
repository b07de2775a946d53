/**
 * What compute-all found wrong (or worth saying) about the input: one 校验 row each. Engine problems
 * (src/engine `Problem`) become findings with the sheet and cell they came from.
 */
import type { Problem, ProblemCode } from "../engine";
import { parseAddress } from "./address";
import { SHEETS } from "./contract";

/**
 * error: the unit or department concerned is not scored (every other one still is).
 * warning: listed, scoring goes on. info: not a data problem, an explanation worth a 校验 row (late evidence).
 */
export type Severity = "error" | "warning" | "info";

export type FindingCode =
  | ProblemCode
  | "notHotlineUnit" | "notInUnits" | "noHotlineRow" | "dateOutsideYear" | "departmentMissing"
  | "badParameter" | "duplicateHeader" | "typeBlank" | "nameBlank" | "blankEvidenceDate"
  // The workbook's method (考核办法, 便民化考核办法, 参数, 承办单位 names; spec G).
  | "badMethod"
  // A formula the file carries no result for; an error value (#N/A …); a unit without counts (spec E).
  | "uncalculated" | "errorValue" | "missingData"
  // The ledger import (src/workbook/ledger): a 工单明细 row not counted, 热线数据 that could not be filled,
  // orders of a unit missing from 承办单位, a period outside 考核年度.
  | "ledgerRow" | "ledgerNotFilled" | "ledgerUnitNotAssessed" | "ledgerYear" | "ledgerPartYear"
  // Compute-all: problems still listed in 工单导入校验 by the last import (the results are a draft).
  | "ledgerOpen"
  // 工单研判 (spec I): a problem of a decision row, or of the sheet as a whole.
  | "judgmentRow" | "judgmentSheet"
  // The ledger import (spec I): a value typed into 热线数据, replaced with consent (说明); compute-all: 工单研判
  // changed since the last import (the results are a draft until it is imported again).
  | "ledgerReplacedTyped" | "judgmentChanged";

export interface Finding {
  readonly severity: Severity;
  readonly code: FindingCode;
  /** The full text of the 校验 row's 问题 (prefixed with the unit's name when there is one). */
  readonly message: string;
  readonly sheet: string;
  /** A1 address ("C5"); absent when the finding is about a whole sheet. */
  readonly cell?: string;
  /** Header label or argument the value was for. */
  readonly field?: string;
  readonly value?: unknown;
  /** Official name of the unit or department concerned, when known. */
  readonly unit?: string;
}

export class Findings {
  private readonly items: Finding[] = [];

  add(finding: Finding): void {
    this.items.push(finding);
  }

  /** An engine problem found in `sheet`, about `unit` when known. */
  problem(p: Problem, sheet: string, unit?: string, severity: Severity = p.severity): void {
    this.add({
      severity, code: p.code, message: unit ? `${unit}：${p.message}` : p.message,
      sheet: p.sheet ?? sheet, cell: p.cell, field: p.field, value: p.value, unit,
    });
  }

  /** Every finding, sorted by sheet (contract order), then row, then column; stable otherwise. */
  sorted(): Finding[] {
    return sortFindings(this.items);
  }
}

const SHEET_ORDER = new Map<string, number>([
  // Inputs first, in the order a user fills them.
  ...["参数", "承办单位", "热线数据", "扣分登记", "加分登记", "便民化考核"].map((name, i) => [name, i] as const),
  ...SHEETS.map((s, i) => [s.name as string, 100 + i] as const),
]);

export function sortFindings(findings: readonly Finding[]): Finding[] {
  const key = (f: Finding) => {
    const at = f.cell ? parseAddress(f.cell) : undefined;
    return [SHEET_ORDER.get(f.sheet) ?? 1000, at ? at.row : -1, at ? at.col : -1] as const;
  };
  return findings
    .map((f, i) => ({ f, i, k: key(f) }))
    .sort((a, b) =>
      a.k[0] - b.k[0] || (a.k[0] === 1000 ? a.f.sheet.localeCompare(b.f.sheet) : 0) ||
      a.k[1] - b.k[1] || a.k[2] - b.k[2] || a.i - b.i)
    .map((x) => x.f);
}

/**
 * Why a unit or department is not scored: its first error, else the first error about no one in particular
 * (a sheet or parameter every result depends on).
 */
export function reasonOf(findings: readonly Finding[], unit: string): Finding | undefined {
  const errors = findings.filter((f) => f.severity === "error");
  return errors.find((f) => f.unit === unit) ?? errors.find((f) => f.unit === undefined);
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
