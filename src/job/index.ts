/**
 * One assessment run, shared by the command line (src/cli) and the page 网页版 (src/web): the method of a
 * second workbook, the ledger import and compute-all over a WorkbookPort. No file system, no DOM: the edges
 * open the files, keep the limits and write the result.
 */
export { methodOfPort, workbookKindOf, type MethodFromFile, type MethodOutcome, type WorkbookKind } from "./method";
export { importLedgerStep, type LedgerJob, type LedgerStep } from "./ledger";
export { computeStep, hasOwnMethod, type ComputeJob, type ComputeStep } from "./compute";
export { documentSnapshots, documentsStep, documentSuffix, monthText, type DocumentBuilt, type DocumentsJob, type DocumentsStep, type RunFacts } from "./documents";
