/**
 * 工单研判 (spec I) as data: the register's columns, the nine 研判事项 and their common wording, the three
 * 结论. The workbook's drop-downs and the reading of a row both come from here, so the list never refuses a
 * word the import accepts.
 */
import type { LedgerCell } from "./timestamps";

/** The register's header labels, in the template's order (a contract: the office's scripts use them). */
export const DECISION_COLUMNS = ["工单编号", "承办单位", "研判事项", "更正为", "结论", "提出日期", "决定日期", "理由", "依据", "经办人"] as const;
export type DecisionColumn = (typeof DECISION_COLUMNS)[number];

/** The columns whose change since the last import needs a re-import (the others are the trail). */
export const DECISION_KEY_COLUMNS: readonly DecisionColumn[] = ["工单编号", "承办单位", "研判事项", "更正为", "结论"];

export const JUDGMENT_KINDS = ["不合理诉求", "不满意不计", "回访更正", "退单合理", "延期合理", "超期免责", "派单错误", "重复工单", "不予考核"] as const;
export type JudgmentKind = (typeof JUDGMENT_KINDS)[number];

/** Common wording (spec I), beside the nine names. */
export const JUDGMENT_SYNONYMS: Readonly<Record<string, JudgmentKind>> = {
  不合理: "不合理诉求",
  二次回访: "回访更正",
  派单异议: "派单错误",
  错派: "派单错误",
  并单: "重复工单",
  无效工单: "不予考核",
};

/** Kinds that take the order out of every count of its unit: any other 成立 row on the order has no effect. */
export const LEAVING_KINDS: readonly JudgmentKind[] = ["派单错误", "重复工单", "不予考核"];

/** Kinds whose 更正为 holds a value (a 回访结果, or the order merged into). */
export const CORRECTED_KINDS: readonly JudgmentKind[] = ["回访更正", "重复工单"];

export const CONCLUSIONS = ["成立", "不成立", "待定"] as const;
export type Conclusion = (typeof CONCLUSIONS)[number];

/** Every word the 研判事项 column accepts, names first: the template's drop-down. */
export const JUDGMENT_WORDS: readonly string[] = [...JUDGMENT_KINDS, ...Object.keys(JUDGMENT_SYNONYMS)];

/** The 更正为 values of 回访更正 (the drop-down does not cover 重复工单's order ids, so 更正为 has none). */
export const CORRECTION_WORDS = ["满意", "基本满意", "不满意", "拒访", "无法联系", "未回访"] as const;

/** Every accepted word, as typed exactly (the usual case, without normalizing). */
const KIND_WORDS = new Map<string, JudgmentKind>([...JUDGMENT_KINDS.map((k) => [k, k] as const), ...Object.entries(JUDGMENT_SYNONYMS)]);

const squeeze = (cell: LedgerCell): string => (typeof cell === "string" ? cell.normalize("NFKC").replace(/\s+/gu, "") : cell == null ? "" : String(cell));

/** A 研判事项 cell: the kind, or undefined when blank or unknown. */
export function judgmentKindOf(cell: LedgerCell): JudgmentKind | undefined {
  if (typeof cell === "string" && KIND_WORDS.has(cell)) return KIND_WORDS.get(cell);
  const text = squeeze(cell);
  if ((JUDGMENT_KINDS as readonly string[]).includes(text)) return text as JudgmentKind;
  return JUDGMENT_SYNONYMS[text];
}

/** A 结论 cell: blank is 待定; undefined when it is another word. */
export function conclusionOf(cell: LedgerCell): Conclusion | undefined {
  if (cell === "成立" || cell === "不成立" || cell === "待定") return cell;
  const text = squeeze(cell);
  if (text === "") return "待定";
  return (CONCLUSIONS as readonly string[]).includes(text) ? (text as Conclusion) : undefined;
}
