/** The Office.js adapter (the task pane's WorkbookPort): reading in read.ts, writing in write.ts and write-ops.ts. */
export { OfficeWorkbookPort, createOfficePort, selectCell, type ExcelRunner, type OfficePortOptions, type SyncEvent } from "./port";
export { EXCEL_WEB_PAYLOAD_LIMIT, PAYLOAD_LIMIT_ERRORS, isPayloadLimitError } from "./read";
export { charsToPoints, footerSections, guardText, guardedCellText, jsonBytes } from "./cells";
