/**
 * Header bands: a row above the header naming a group of columns (便民化考核's 事项1—N; 研判汇总's 研判事项 over
 * their 成立 / 不成立 / 待定 columns). Where every label of a band starts with the band's name, the header cells
 * keep their labels (不合理诉求成立: the contract, read back by the import) but show only the rest through their
 * number format, and the columns are as narrow as that rest: 研判汇总's 29 columns then print one A4 page wide
 * at a legible size (spec J).
 */
import { textWidth } from "../text/width";

export interface Band {
  readonly label: string;
  readonly from: number;
  readonly to: number;
}

/** One band per prefix over the consecutive labels that start with it (and are longer than it). */
export function prefixBands(labels: readonly string[], prefixes: readonly string[]): Band[] {
  const bands: Band[] = [];
  for (const prefix of prefixes) {
    const cols = labels.flatMap((l, i) => (l.startsWith(prefix) && l.length > prefix.length ? [i] : []));
    if (cols.length > 0 && cols[cols.length - 1] - cols[0] === cols.length - 1) bands.push({ label: prefix, from: cols[0], to: cols[cols.length - 1] });
  }
  return bands;
}

/** What a banded header cell shows: its label without the band's name; undefined outside such a band. */
export function shownLabel(label: string, col: number, bands: readonly Band[]): string | undefined {
  const band = bands.find((b) => col >= b.from && col <= b.to && label.startsWith(b.label) && label.length > b.label.length);
  return band ? label.slice(band.label.length) : undefined;
}

/** A text number format that shows `text` whatever the cell holds (the cell keeps its value). */
export function showTextFormat(text: string): string {
  return `;;;"${text.replace(/"/g, "＂")}"`;
}

/** Width (characters) of a banded column of counts: its shown label, one character to spare. */
export function bandedWidth(shown: string): number {
  return textWidth(shown) + 1;
}
