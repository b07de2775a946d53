/** Number formats of cells, from styles.xml (cellXfs → numFmtId → format code), and which of them show dates. */
import { attribute } from "./xml-text";
import { forEachTag } from "./package";

/** Excel's built-in number formats (ECMA-376 Part 1, 18.8.30) that the workbook does not spell out. */
const BUILTIN: Record<number, string> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?",
  13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM",
  20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm", 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
};

export interface CellStyles {
  /** The format code of a cell's style index (s attribute); "General" when unknown. */
  formatOf(styleIndex: number): string;
  /** Whether the style shows the number as a date or time. */
  isDate(styleIndex: number): boolean;
}

/** Reads an (unprefixed) styles.xml; absent → every cell General. */
export function readCellStyles(xml: string | undefined): CellStyles {
  const codes = new Map<number, string>();
  const xfs: number[] = [];
  if (xml) {
    forEachTag(xml, "numFmt", (tag) => {
      const id = Number(attribute(tag, "numFmtId"));
      const code = attribute(tag, "formatCode");
      if (Number.isInteger(id) && code !== undefined) codes.set(id, code);
    });
    const start = xml.indexOf("<cellXfs");
    const end = xml.indexOf("</cellXfs>", start);
    if (start >= 0 && end > start) forEachTag(xml.slice(start, end), "xf", (tag) => xfs.push(Number(attribute(tag, "numFmtId") ?? 0)));
  }
  const dates = new Map<number, boolean>();
  const formatOf = (s: number) => {
    const id = xfs[s] ?? 0;
    return codes.get(id) ?? BUILTIN[id] ?? "General";
  };
  return {
    formatOf,
    isDate(s) {
      let known = dates.get(s);
      if (known === undefined) dates.set(s, (known = isDateFormat(formatOf(s), xfs[s] ?? 0)));
      return known;
    },
  };
}

/** A date/time format: built-in 14–22, 45–47, or a code with d, m, y, h or s outside quotes, brackets and escapes. */
export function isDateFormat(code: string, id = -1): boolean {
  if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47)) return true;
  const plain = code.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, "");
  return /[dmyhs]/i.test(plain) && !/^[#0.,%E+\-\s?/]*$/.test(plain);
}
