/**
 * The page setup every path writes (Office.js, exceljs, the package patch), defined once: A4 paper and
 * Excel's 窄 (Narrow) margins preset (页面布局 → 页边距 → 窄): 0.25 in left and right, 0.75 in top and
 * bottom, 0.3 in header and footer. The file format and exceljs take inches; Office.js's pageLayout takes
 * points (Excel.PageLayout.leftMargin … footerMargin, ExcelApi 1.9).
 */

/** Page margins in inches, as the file format's <pageMargins> holds them. */
export interface PageMargins {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly header: number;
  readonly footer: number;
}

/** Excel's 窄 (Narrow) preset, in inches. */
export const NARROW_MARGINS: PageMargins = Object.freeze({ left: 0.25, right: 0.25, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 });

export const POINTS_PER_INCH = 72;

/** A4 in the file format's paperSize codes (ECMA-376 Part 1, §18.3.1.63: 9 = A4 210 × 297 mm). */
export const PAPER_SIZE_A4 = 9;

/** The margins in points (Office.js), to 1/1000 pt (0.3 in is 21.6 pt, not 21.599999999999998). */
export function marginsInPoints(margins: PageMargins = NARROW_MARGINS): PageMargins {
  const pt = (inches: number) => Math.round(inches * POINTS_PER_INCH * 1000) / 1000;
  return {
    left: pt(margins.left), right: pt(margins.right), top: pt(margins.top),
    bottom: pt(margins.bottom), header: pt(margins.header), footer: pt(margins.footer),
  };
}
