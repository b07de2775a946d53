/**
 * The user's answers for ledger headers the importer did not recognize (`mapHeaders(header, remembered)`),
 * kept in the workbook on a hidden sheet _工单列映射 (表头 | 对应列), so the next import does not ask again.
 */
import { normalizeHeader } from "../../ledger";
import type { CellValue, WritePlan } from "../port";
import { cellOf, normalizeLabel, type Snapshots } from "../tables";
import { LEDGER_SHEET, MAPPING_LABEL } from "./contract";
import { ownedSheetOps } from "./owned-sheet";

/** The sheets readRememberedHeaders reads (for a port.read before it). */
export const REMEMBERED_SHEETS: readonly string[] = [LEDGER_SHEET.mapping];

/** Header as written → ledger column label (or IGNORED_HEADER), as stored in _工单列映射. Empty when absent. */
export function readRememberedHeaders(snapshots: Snapshots): Record<string, string> {
  const snapshot = snapshots.get(LEDGER_SHEET.mapping);
  const out: Record<string, string> = {};
  if (!snapshot) return out;
  for (let r = 0; r < Math.min(5, snapshot.values.length); r++) {
    const row = snapshot.values[r];
    const headerCol = row.findIndex((v) => normalizeLabel(v) === MAPPING_LABEL.header);
    const columnCol = row.findIndex((v) => normalizeLabel(v) === MAPPING_LABEL.column);
    if (headerCol < 0 || columnCol < 0) continue;
    for (let i = r + 1; i < snapshot.values.length; i++) {
      const header = text(cellOf(snapshot, i, headerCol));
      const column = text(cellOf(snapshot, i, columnCol));
      if (header && column) out[header] = column;
    }
    break;
  }
  return out;
}

const text = (value: CellValue): string => (value === null ? "" : String(value).trim());

/**
 * Writes the remembered answers: those already in the workbook (`snapshots`, when given) merged with
 * `mapping` (the new answers win; a header is compared as the importer compares it). Without `snapshots`,
 * `mapping` replaces whatever the sheet held.
 */
export function rememberHeadersPlan(mapping: Readonly<Record<string, string>>, snapshots?: Snapshots): WritePlan {
  const merged = new Map<string, [string, string]>();
  const add = (entries: Readonly<Record<string, string>>) => {
    for (const [header, column] of Object.entries(entries)) {
      if (header.trim() !== "" && column.trim() !== "") merged.set(normalizeHeader(header), [header.trim(), column.trim()]);
    }
  };
  if (snapshots) add(readRememberedHeaders(snapshots));
  add(mapping);
  const { ops } = ownedSheetOps(snapshots?.get(LEDGER_SHEET.mapping), {
    sheet: LEDGER_SHEET.mapping,
    hidden: true,
    tables: [{ columns: [{ label: MAPPING_LABEL.header }, { label: MAPPING_LABEL.column }], rows: [...merged.values()] }],
  });
  // Without snapshots the sheet's previous rows are unknown: replace the sheet whole.
  return snapshots ? ops : [{ kind: "deleteSheet", sheet: LEDGER_SHEET.mapping }, ...ops];
}
