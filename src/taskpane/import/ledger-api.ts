// The workbook-side ledger functions (src/workbook/ledger) as the 工单导入 controller takes them.
import { importLedger, ledgerFromSheet, readJudgment, readLedgerSheet, readRememberedHeaders, REMEMBERED_SHEETS, writeDrillDown } from "../../workbook/ledger";
import type { LedgerWorkbookApi } from "./types";

export const LEDGER_API: LedgerWorkbookApi = {
  importLedger,
  writeDrillDown,
  ledgerFromSheet,
  readRememberedHeaders,
  readLedgerSheet,
  readJudgment,
  rememberedSheets: REMEMBERED_SHEETS,
};
