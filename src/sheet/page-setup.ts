/**
 * Print setup of a sheet (section H): orientation, fit to pages, repeated title rows, footer. Paper (A4) and
 * margins (Excel's 窄 preset) are the same on every sheet and every path: ./print.
 */
export interface PageSetup {
  readonly orientation: "portrait" | "landscape";
  /** Pages wide (1 = fit to one page wide); pages tall is automatic. */
  readonly fitToWidth?: number;
  /** 0-based inclusive rows repeated at the top of every page (title and header rows). */
  readonly repeatRows?: { readonly first: number; readonly last: number };
  /** Footer text in Excel header/footer codes, e.g. "&C第 &P 页 共 &N 页". */
  readonly footer?: string;
  /** Centre horizontally on the page. */
  readonly centerHorizontally?: boolean;
  /**
   * Rows × columns from A1 that print (the print area); absent: the used range. Keeps a chart beside a table
   * off the page, which Excel would otherwise include and shrink the table to fit.
   */
  readonly printArea?: { readonly rows: number; readonly cols: number };
}
