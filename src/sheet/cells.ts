/**
 * What a cell holds and how it looks, as every layer exchanges it (the workbook port, the .xlsx module, the
 * hosts): a plain value and the few formats the product writes.
 */

/** A cell's value: text, number, boolean or empty (null). Dates are Excel date serials; errors their code ("#N/A"). */
export type CellValue = string | number | boolean | null;

export interface CellFormat {
  readonly numberFormat?: string;
  readonly bold?: boolean;
  /** Background colour, "#RRGGBB". */
  readonly fill?: string;
  /** Font colour, "#RRGGBB". */
  readonly fontColor?: string;
  readonly wrap?: boolean;
  readonly horizontal?: "left" | "center" | "right";
  /** Points. */
  readonly fontSize?: number;
}
