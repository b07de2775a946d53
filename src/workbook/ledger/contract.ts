/**
 * The sheets and labels of the ledger import (issue 4). None is in spec E's table (extra sheets are free):
 * the import fills 热线数据's count columns and owns these result sheets, rewriting them on every import.
 */
import { COUNT_FIELDS, DECISION_KEY_COLUMNS, LEDGER_SHEET_NAME } from "../../ledger";
import type { HotlineRuleSet } from "../../engine";
import { LABEL, SEQ_LABEL, SHEET, resultColumns, type ResultColumn } from "../contract";

export const LEDGER_SHEET = {
  /** A 工单明细 sheet pasted into the workbook (the task pane reads it through the port). */
  ledger: LEDGER_SHEET_NAME,
  /** Every unit's monthly scores (日常考核) beside the annual result. */
  monthly: "月度考核",
  /** Rows of the ledger that were not counted, with the summary line. */
  problems: "工单导入校验",
  /** The orders behind one unit's rate deductions, for appeals. */
  drillDown: "工单核查",
  /** Hidden: the user's answers for headers the importer did not recognize. */
  mapping: "_工单列映射",
  /** Hidden: what the last import wrote to each unit's counts in 热线数据, and the 工单研判 it applied. */
  record: "_工单导入记录",
} as const;

/**
 * 工单研判 (spec I) as the import record needs it: the columns whose change since the last import makes
 * compute-all a draft. The register itself (reading, checks, effects) is the judgment part's.
 */
export const JUDGMENT_SHEET: string = SHEET.judgment;
export const JUDGMENT_DECISION_LABELS: readonly string[] = DECISION_KEY_COLUMNS;

/** _工单导入记录: a 项目 | 值 table (the 工单研判 fingerprint), then 单位名称 with the values written. */
export const RECORD_LABEL = { item: "项目", value: "值", judgment: "工单研判指纹" } as const;

/** The count columns of 热线数据 the import replaces: src/ledger's COUNT_FIELDS are named as their labels. */
export const FILLED_COUNT_LABELS = COUNT_FIELDS;

/** Every 热线数据 column the import writes. */
export const FILLED_LABELS = [...FILLED_COUNT_LABELS, LABEL.monthly] as const;

/** Rows of the 参数 block saying where the counts of 热线数据 came from. */
export const IMPORT_PARAM = {
  source: "工单数据来源",
  period: "工单数据期间",
  time: "工单导入时间",
  result: "工单导入结果",
} as const;

/** The 参数 row of 工单研判 (spec I): days after the end of an order's dispatch month to propose a decision. */
export const JUDGMENT_PARAM = { appealDays: "申诉期限（天）" } as const;

/**
 * 工单导入校验 columns. 单位名称: the official name of the row's unit when it is a hotline unit, so that
 * compute-all can name the problem in that unit's result row (blank for an unknown unit).
 */
export const PROBLEM_LABEL = { row: "行号", column: "列", value: "值", problem: "问题", unit: "单位名称", level: "级别" } as const;

/** 行号 of the last 工单导入校验 row counting the problems beyond the listing limit (值 holds their number). */
export const NOT_LISTED_MARK = "…";

/** _工单列映射 columns. */
export const MAPPING_LABEL = { header: "表头", column: "对应列" } as const;

/**
 * 月度考核 columns: unit, month, the counts, 待定研判 (spec I 待定 decisions on the unit's orders counted in that
 * month, read by the 月度通报), then the result table's columns for the method (same labels as 12345热线考核表,
 * without its 序号).
 */
export const MONTHLY_LABEL = { month: "月份", pending: "待定研判" } as const;
export function monthlyColumns(rules: HotlineRuleSet): ResultColumn[] {
  const fixed: readonly string[] = [SEQ_LABEL, LABEL.name, LABEL.type];
  const counts = [LABEL.name, LABEL.type, MONTHLY_LABEL.month, ...FILLED_LABELS, MONTHLY_LABEL.pending].map((label): ResultColumn => ({ label, kind: "count" }));
  return [...counts, ...resultColumns(rules).filter((c) => !fixed.includes(c.label))];
}

/** 工单核查: the summary block's columns, then the listing's (核查类别 + src/ledger DRILL_DOWN_HEADERS). */
export const DRILL_LABEL = {
  section: "核查类别",
  count: "件数",
  basis: "计算依据",
  rate: "比率",
  deduction: "扣分",
} as const;
