import type { UnitType } from "../types";

/**
 * A band of a rate rule, on the rate as a fraction (0.99 = 99%), written in percent for readability.
 * "a%—b%" holds a and excludes b (spec A); the table says so explicitly per edge.
 */
export interface Band {
  /** Lower edge in percent. */
  readonly from: number;
  readonly fromIncluded: boolean;
  /** Upper edge in percent. */
  readonly to: number;
  readonly toIncluded: boolean;
  readonly points: number;
  /** The band as the document writes it ("98%—99%", "97%以下"). */
  readonly text: string;
  /** The band's own clause (a method sheet's 依据 per row); default: the rule's. */
  readonly clause?: string;
}

export interface RateRule {
  /** The rate's id (completion, returned, …): one of RATE_KINDS, whose numerator and denominator it repeats. */
  readonly id: RateRuleId;
  readonly category: string;
  /** Item as the document names it (办结率). */
  readonly item: string;
  readonly numerator: string;
  readonly denominator: string;
  readonly bands: readonly Band[];
  readonly clause: string;
}

/** Ids are data: a method names its rates and categories (spec G). */
export type RateRuleId = string;

/** A per-case deduction or bonus (扣分登记 / 加分登记 事项). */
export interface CaseRule {
  readonly id: string;
  readonly category: string;
  /** The 事项 label used in the workbook (spec E). */
  readonly label: string;
  /** Other spellings accepted for the 事项 (the document's own wording among them). */
  readonly synonyms: readonly string[];
  readonly points: number;
  /** 件 or 次. */
  readonly per: string;
  readonly clause: string;
}

export interface Category {
  readonly id: CategoryId;
  readonly name: string;
  /** Points of the category: the most that can be deducted from it (扣完为止). */
  readonly cap: number;
  readonly clause: string;
}

export type CategoryId = string;

/**
 * One tier of the 月均办件量 bonus for a unit type (办件量加分). Several tiers of one type: the highest
 * points whose threshold is passed count, never their sum. A type without a tier gets none.
 */
export interface VolumeTier {
  readonly type: UnitType;
  /** Threshold in orders per month. */
  readonly over: number;
  /** false: 月均办件量 must be strictly greater than the threshold ("超过"); true: "达到". */
  readonly included: boolean;
  readonly points: number;
  readonly clause: string;
}

export interface RateComparison {
  /** Significant digits at which Excel compares numbers. */
  readonly significantDigits: number;
  /** Round the percentage to this many decimals before comparison; null: no rounding (spec A). */
  readonly percentDecimals: number | null;
}

export interface HotlineRuleSet {
  readonly year: number;
  readonly title: string;
  readonly source: string;
  readonly totalPoints: number;
  /** 考核月数: divisor of 月均办件量 when it is not given. */
  readonly months: number;
  readonly comparison: RateComparison;
  readonly categories: readonly Category[];
  readonly rates: readonly RateRule[];
  readonly cases: readonly CaseRule[];
  readonly bonus: {
    /** Most bonus points a unit can get; null: no cap. */
    readonly cap: number | null;
    readonly volume: readonly VolumeTier[];
    readonly cases: readonly CaseRule[];
  };
  /** How 回访满意率 is counted from callbacks (回访结果 words, spec F). */
  readonly callbacks: CallbackRule;
  /** The reason written when a rate has no denominator. */
  readonly zeroDenominator: { readonly points: number; readonly clause: string };
}

export interface CallbackRule {
  /** Valid callbacks counted as satisfied (满意, and 基本满意 when 基本满意计为满意). */
  readonly satisfied: readonly string[];
  /** Valid callbacks not satisfied. */
  readonly unsatisfied: readonly string[];
  /** Not valid callbacks (未回访, 拒访, 无法联系). */
  readonly notValid: readonly string[];
  readonly clause: string;
}

export interface ApprovalItem {
  readonly no: number;
  readonly name: string;
  /** Departments (document spelling) the item applies to (涉及部门). */
  readonly appliesTo: readonly string[];
  /**
   * entered: status typed by the bureau's sections; evidence: 印证资料 must reach 市审改办 by the deadline;
   * derived: decided by the parts in `ApprovalRuleSet.derived` (at most one item).
   */
  readonly status: "entered" | "evidence" | "derived";
  readonly clause: string;
}

export interface ApprovalTarget {
  readonly id: string;
  /** The 便民化考核 header of the rate (减时间比例 …). */
  readonly label: string;
  /** Minimum in percent. */
  readonly min: number;
  /** "不低于" includes the minimum. */
  readonly minIncluded: boolean;
}

export interface ApprovalRuleSet {
  readonly year: number;
  readonly title: string;
  readonly source: string;
  /** Deducted when any applicable item is not done (一票否决, 按上限扣分). */
  readonly cap: number;
  readonly capClause: string;
  readonly items: readonly ApprovalItem[];
  readonly evidenceDeadline: string;
  readonly evidenceClause: string;
  /** The parts of the derived item (2021: 事项6), used only when an item has status "derived". */
  readonly derived: {
    readonly targets: readonly ApprovalTarget[];
    /** The yes/no parts besides the targets, by workbook header label. */
    readonly parts: readonly { readonly id: string; readonly label: string }[];
    readonly clause: string;
  };
  readonly statusWords: {
    readonly done: readonly (string | number | boolean)[];
    readonly notDone: readonly (string | number | boolean)[];
    readonly notApplicable: readonly string[];
  };
}
