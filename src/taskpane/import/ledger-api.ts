// The workbook-side ledger functions (src/workbook/ledger) as the 工单导入 controller takes them.
import {
  importLedger, JUDGMENT_READS, judgmentOption, ledgerFromSheet, ledgerRules, readLedgerSheet, readRememberedHeaders, REMEMBERED_SHEETS, writeDrillDown,
} from "../../workbook/ledger";
import type { LedgerWorkbookApi } from "./types";

export const LEDGER_API: LedgerWorkbookApi = {
  importLedger,
  writeDrillDown,
  ledgerFromSheet,
  readRememberedHeaders,
  readLedgerSheet,
  ledgerRules,
  rememberedSheets: REMEMBERED_SHEETS,
  judgmentOption,
  judgmentSheets: JUDGMENT_READS,
};
