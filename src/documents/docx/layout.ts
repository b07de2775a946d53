/**
 * The 公文 layout of spec J (GB/T 9704-2012) in the units of the .docx format: twentieths of a point (twips)
 * and half-points. One place for every measure, so that the tests can check the PDF against the same numbers.
 */

export const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);
export const pt = (points: number) => Math.round(points * 20);
/** Font sizes are written in half-points. */
export const halfPoints = (points: number) => Math.round(points * 2);

export const PAGE = {
  /** A4 portrait in twips (the writer swaps them for a landscape section). */
  width: mm(210),
  height: mm(297),
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
  /** The page number's line sits in the bottom margin, about 7 mm below the text block. */
  footer: mm(21),
  header: mm(15),
} as const;

export const SIZE = {
  /** 二号 */
  title: 22,
  /** 三号 */
  body: 16,
  /** 四号 */
  pageNumber: 14,
  /** 五号: tables and the lists of the attachments */
  table: 10.5,
} as const;

/** Exact line spacing of body text: 28.95 pt, 22 lines in the 225 mm text block. */
export const BODY_LINE = pt(28.95);
/** Attachment tables and lists: single-ish exact spacing for 10.5 pt text. */
export const TABLE_LINE = pt(14);

/** Fonts by name (east Asian text), with the alternative name for the other scripts (every Windows has these). */
export const FONT = {
  title: { name: "方正小标宋简体", alt: "宋体" },
  body: { name: "仿宋_GB2312", alt: "仿宋" },
  heading: { name: "黑体", alt: "黑体" },
  pageNumber: { name: "宋体", alt: "宋体" },
} as const;
