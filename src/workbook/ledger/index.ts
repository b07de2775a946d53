/**
 * The ledger import on the workbook side (issue 4): fill 热线数据 for a period from a 工单明细 import, the
 * 月度考核 sheet (monthly scores beside the annual result), 工单导入校验 (rows not counted), 工单核查
 * (drill-down for appeals) and the remembered header answers (_工单列映射). Pure plan builders over
 * snapshots, and one port-level function each for the task pane and the command line.
 */
export {
  LEDGER_SHEET, FILLED_LABELS, IMPORT_PARAM, PROBLEM_LABEL, MAPPING_LABEL, RECORD_LABEL, JUDGMENT_SHEET, JUDGMENT_DECISION_LABELS, monthlyColumns, DRILL_LABEL,
} from "./contract";
export { LEDGER_WMSG } from "../messages";
export { ledgerPlan, sourceNameOf, type LedgerPlanOptions, type LedgerPlanOutput, type LedgerImportSummary } from "./fill";
export { monthlyScores, monthlyPlan, type MonthlyResults, type MonthlyScore, type MonthlyUnit } from "./monthly";
export { problemsSheetOps } from "./problems-sheet";
export { openLedgerProblems, type OpenLedgerProblems } from "./open-problems";
export { drillDownPlan, drillSections, type DrillDownOutput, type DrillSection, type DrillSectionSummary } from "./drill-down";
export { readRememberedHeaders, rememberHeadersPlan, REMEMBERED_SHEETS } from "./remembered";
export {
  importLedger, importLedgerSheet, judgmentOption, JUDGMENT_READS, ledgerFromSheet, ledgerRules, writeDrillDown, LEDGER_READS,
  type ImportLedgerOptions, type ImportLedgerResult,
} from "./import";
export { readLedgerSheet, LEDGER_HEAD_ROWS, type LedgerSheetPart, type ReadLedgerSheetOptions } from "./read-sheet";
export { simulate } from "./simulate";
export { readImportRecord, importRecordOps, judgmentFingerprint, judgmentChangedSinceImport, type ImportRecord, type WrittenValues } from "./import-record";
export { typedValues, consentCovers, type TypedValue, type ReplaceConsent } from "./typed-values";
export { readDecisionRegister, type RegisterRead } from "./judgment-register";
export { readJudgmentSummary, JUDGMENT_COUNT_LABEL, type UnitJudgmentRecord, type CountChange } from "./judgment-summary";
