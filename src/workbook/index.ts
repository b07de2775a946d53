/**
 * The assessment workbook: contract (spec E), 创建/补全模板, 全部计算, 定稿 / 恢复公式, all through the
 * WorkbookPort. The task pane and the command line call these with an adapter of ./adapters (office, exceljs,
 * package), which this layer never imports.
 */
export * from "./port";
export * from "./contract";
export { WMSG } from "./messages";
export { cellAddress, columnLetter, parseAddress, qualified } from "./address";
export type { Finding, FindingCode, Severity } from "./findings";
export { TEMPLATE_READS, templatePlan, templateChanges, templateAll, type TemplateChanges } from "./template";
export {
  computePlan, computeAll, type ComputeOptions, type ComputeOutput, type ComputeResults, type ComputeSummary, type RankedUnit,
} from "./compute";
export type { UnitOutcome } from "./hotline-scores";
export type { DepartmentOutcome } from "./inputs/approval";
export { chooseRuleSet, type Parameters } from "./params";
export {
  finalizePlan, restorePlan, finalizeAll, restoreAll, callsAddin, readBackup,
  type FinalizeResult, type RestoreResult, type FormulaRecord,
} from "./finalize";
export { findHeader, normalizeLabel, type Snapshots } from "./tables";
export * from "./ledger";
