/** Plain types shared by the engine, its rule tables and its adapters. No Office or DOM types here. */

export type UnitType = "县区" | "市直" | "其他";
export const UNIT_TYPES: readonly UnitType[] = ["县区", "市直", "其他"];

/** Excel's two error codes that can carry a custom message (#VALUE! and #N/A). */
export type ErrorKind = "value" | "na";

export type ProblemCode =
  | "blank"
  | "notNumber"
  | "boolean"
  | "outOfRange"
  | "negative"
  | "fractional"
  | "numeratorExceedsDenominator"
  | "unknownUnitType"
  | "unknownUnit"
  | "notApprovalDepartment"
  | "unknownStatus"
  | "unknownItem"
  | "notApplicableItem"
  | "duplicateUnit"
  | "conflict"
  | "incomplete"
  | "lateEvidence"
  | "badDate"
  | "missingHeader"
  | "missingSheet"
  | "duplicateOrder"
  | "impossibleValue";

/** Bad data is a value, never an exception: a problem names where it is, what was there, what is expected. */
export interface Problem {
  readonly code: ProblemCode;
  readonly kind: ErrorKind;
  /** The Chinese message shown to the user (built from the catalogue in messages.ts). */
  readonly message: string;
  /** What the value was for: an argument name or a header label. */
  readonly field: string;
  readonly value?: unknown;
  /** Sheet and cell, when the value came from a workbook. */
  readonly sheet?: string;
  readonly cell?: string;
  /** A warning is listed but does not stop the unit from being scored. */
  readonly severity: "error" | "warning";
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: Problem };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = <T>(problem: Problem): Parsed<T> => ({ ok: false, problem });

/** A rate given directly (0..1) or as a pair of counts. */
export type RateInput =
  | { readonly kind: "rate"; readonly rate: number }
  | { readonly kind: "count"; readonly numerator: number; readonly denominator: number };

/** One line of a result's explanation: everything needed to defend a point in an appeal. */
export interface ExplanationLine {
  /** Id of the rule row in the rule table. */
  readonly rule: string;
  /** The item's name as the document writes it (办结率, 反馈内容与实际不符, 群众锦旗 …). */
  readonly item: string;
  /** Category id (handling, returned, …, bonus, veto). */
  readonly category: string;
  /** Clause of the source document the rule comes from. */
  readonly clause: string;
  /** The input as a person reads it: "98.50%（985/1000）", "2件". */
  readonly input: string;
  /** The band the rate fell in ("98%—99%"), for rate rules. */
  readonly band?: string;
  /** Number of cases, for per-case rules. */
  readonly count?: number;
  /** Signed effect on the score: negative for a deduction, positive for a bonus. */
  readonly points: number;
  /** Why there is no effect or a special effect (no work orders, late evidence …). */
  readonly note?: string;
}

export interface CategoryResult {
  readonly id: string;
  readonly name: string;
  readonly cap: number;
  /** Sum of the category's lines before the cap (positive number of points). */
  readonly raw: number;
  /** What is deducted after the cap (扣完为止). */
  readonly deduction: number;
  readonly capApplied: boolean;
  readonly lines: readonly ExplanationLine[];
}
