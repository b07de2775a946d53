/** The paragraph styles of the 公文 layout (spec J): fonts by name with their alternative names, sizes, spacing. */
import { AlignmentType, LineRuleType, type IStylesOptions } from "docx";
import { BODY_LINE, FONT, SIZE, TABLE_LINE, halfPoints, pt } from "./layout";

export const STYLE = {
  title: "GwTitle",
  heading: "GwHeading",
  label: "GwLabel",
  body: "GwBody",
  plain: "GwPlain",
  signature: "GwSignature",
  table: "GwTable",
  tableHeader: "GwTableHeader",
  small: "GwSmall",
  pageNumber: "GwPageNumber",
} as const;

type Font = (typeof FONT)[keyof typeof FONT];
/** East Asian text in the named font; the other scripts in its alternative name (仿宋, 宋体, 黑体: every Windows has them). */
const fontOf = (f: Font) => ({ eastAsia: f.name, ascii: f.alt, hAnsi: f.alt, cs: f.alt });

const exact = (line: number) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });
const atLeast = (line: number) => ({ line, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 });
const twoChars = { firstLine: pt(SIZE.body * 2) };

function style(id: string, font: Font, size: number, paragraph: object) {
  return { id, name: id, basedOn: "Normal", quickFormat: true, run: { font: fontOf(font), size: halfPoints(size) }, paragraph };
}

export function documentStyles(): IStylesOptions {
  return {
    default: { document: { run: { font: fontOf(FONT.body), size: halfPoints(SIZE.body) } } },
    paragraphStyles: [
      style(STYLE.title, FONT.title, SIZE.title, { alignment: AlignmentType.CENTER, spacing: { ...exact(pt(36)), after: BODY_LINE } }),
      style(STYLE.heading, FONT.heading, SIZE.body, { spacing: exact(BODY_LINE), indent: twoChars }),
      style(STYLE.label, FONT.heading, SIZE.body, { spacing: exact(BODY_LINE) }),
      style(STYLE.body, FONT.body, SIZE.body, { spacing: exact(BODY_LINE), indent: twoChars }),
      style(STYLE.plain, FONT.body, SIZE.body, { spacing: exact(BODY_LINE) }),
      // 落款: right-aligned, four characters from the right edge.
      style(STYLE.signature, FONT.body, SIZE.body, { alignment: AlignmentType.RIGHT, spacing: exact(BODY_LINE), indent: { right: pt(SIZE.body * 4) } }),
      style(STYLE.table, FONT.body, SIZE.table, { alignment: AlignmentType.CENTER, spacing: atLeast(TABLE_LINE) }),
      style(STYLE.tableHeader, FONT.heading, SIZE.table, { alignment: AlignmentType.CENTER, spacing: atLeast(TABLE_LINE) }),
      style(STYLE.small, FONT.body, SIZE.table, { spacing: atLeast(TABLE_LINE) }),
      style(STYLE.pageNumber, FONT.pageNumber, SIZE.pageNumber, {}),
    ],
  };
}
