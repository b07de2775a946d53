/**
 * Work-order ledger (工单明细) import, spec section F. Pure: no Excel and no Node APIs (Node file access
 * is in ./node). Typical use:
 *   const mapping = mapHeaders(headerRow, remembered);          // ask for mapping.missing, remember
 *   const agg = new LedgerAggregator(mapping, { rules, headerRow: 1 }); // then agg.add(row, rowNumber) per row
 *   const data = agg.finish();
 *   data.report(parsePeriod("2021")); data.drillDown("汉滨区", parsePeriod("2021Q1"));
 * or, for a file: readLedgerBlob(file, { rules, remembered }) / readLedgerFile(path, { rules }) from ./node.
 * `rules` is the method in force (an engine RuleSet): the ledger has no rules of its own.
 */
export { LEDGER_COLUMNS, HEADER_SYNONYMS, IGNORED_HEADER, mapHeaders, normalizeHeader } from "./columns";
export type { HeaderMapping, LedgerColumn, RecognizedHeader } from "./columns";
export { COUNT_FIELDS, zeroCounts } from "./counts";
export type { CountField, UnitCounts, UnitPeriodCounts } from "./counts";
export { LedgerAggregator } from "./aggregator";
export type { AggregatorOptions } from "./aggregator";
export { aggregateOrders, OrderCounter } from "./order-counter";
export type { ParsedOrders } from "./order-counter";
export { LedgerData, DRILL_DOWN_HEADERS, drillDownRow } from "./ledger-data";
export type { DrillDown, DrillDownOrder, LedgerReport, MonthlyCounts, StoredOrder } from "./ledger-data";
export { aggregateLedger, arrayRows, findLedgerHeader } from "./import";
export type { LedgerRules } from "./rules";
export type { ImportOptions, ImportProgress, LedgerImport, RowBatch, RowSource, SourceRow } from "./import";
export { parsePeriod, yearPeriod, quarterPeriod, monthPeriod, monthsOfYear, periodMonthIndexes } from "./period";
export type { Period, PeriodKind } from "./period";
export { problemCell } from "./problems";
export type { LedgerProblem, LedgerProblemCode, LedgerSummary, SourceInfo } from "./problems";
export { LEDGER_MESSAGES, LedgerError } from "./messages";
export { csvRows, detectEncoding, CsvParser } from "./csv-reader";
export type { CsvEncoding, CsvOptions } from "./csv-reader";
export { xlsxRows, LEDGER_SHEET_NAME } from "./xlsx-rows";
export type { XlsxOptions } from "./xlsx-rows";
export { bytesFile, blobFile } from "../xlsx/zip";
export type { RandomAccessFile } from "../xlsx/zip";
export { readLedgerBytes, readLedgerBlob, readRandomAccess, detectLedgerKind } from "./read-ledger";
export type { ReadLedgerOptions, LedgerFileKind } from "./read-ledger";
export { formatTimestamp, parseDateCell, parseDateText, civilSeconds } from "./timestamps";
export type { LedgerCell } from "./timestamps";
export { CALLBACK_RESULTS, parseCallback, parseYesNo } from "./values";
export type { CallbackResult } from "./values";
export { DECISION_COLUMNS, DECISION_KEY_COLUMNS, JUDGMENT_KINDS, JUDGMENT_SYNONYMS, JUDGMENT_WORDS, CONCLUSIONS, CORRECTION_WORDS, judgmentKindOf, conclusionOf } from "./judgment-catalogue";
export type { Conclusion, DecisionColumn, JudgmentKind } from "./judgment-catalogue";
export type { DecisionRegister, DecisionRow, JudgmentLevel, JudgmentProblem } from "./judgment-rows";
export type { JudgmentScope, ResolvedDecision, JudgedOrder } from "./judgment-resolve";
export { LedgerJudgment } from "./judgment-data";
export type { CountScenario, JudgmentErrorCount, UnitJudgment } from "./judgment-data";
export { orderIdOf } from "./order-id";
