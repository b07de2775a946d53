/**
 * The thin writer: a DocModel as a .docx through the `docx` package (no hand-written document XML), in the
 * 公文 layout of layout.ts. Runs in Node and in the browser (Packer.toArrayBuffer).
 */
import {
  AlignmentType, BorderStyle, Document, Footer, LineRuleType, Packer, PageNumber, PageOrientation, Paragraph, Table, TableCell,
  TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType, type ISectionOptions,
} from "docx";
import type { Block, Column, DocModel, Section } from "../model";
import { DOC_MSG } from "../messages";
import { BODY_LINE, FONT, PAGE, SIZE, TABLE_LINE, halfPoints, pt } from "./layout";

type Font = (typeof FONT)[keyof typeof FONT];
const fontOf = (f: Font) => ({ eastAsia: f.name, ascii: f.alt, hAnsi: f.alt, cs: f.alt });
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function run(text: string, font: Font, size: number, bold = false): TextRun {
  return new TextRun({ text, font: fontOf(font), size: halfPoints(size), bold });
}

const bodySpacing = { line: BODY_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

function lines(text: string, font: Font, size: number): TextRun[] {
  return text.split("\n").map((line, i) => new TextRun({ text: line, font: fontOf(font), size: halfPoints(size), break: i > 0 ? 1 : 0 }));
}

function paragraphOf(block: Exclude<Block, { kind: "table" | "small" | "signature" }>): Paragraph {
  switch (block.kind) {
    case "title":
      return new Paragraph({ children: lines(block.text, FONT.title, SIZE.title), alignment: AlignmentType.CENTER,
        spacing: { line: pt(36), lineRule: LineRuleType.EXACT, after: BODY_LINE } });
    case "heading":
      return new Paragraph({ children: [run(block.text, FONT.heading, SIZE.body)], spacing: bodySpacing, indent: { firstLine: pt(SIZE.body * 2) } });
    case "label":
      return new Paragraph({ children: [run(block.text, FONT.heading, SIZE.body)], spacing: bodySpacing });
    case "paragraph":
      return new Paragraph({
        children: lines(block.text, FONT.body, SIZE.body), spacing: bodySpacing, alignment: ALIGN[block.align ?? "left"],
        indent: block.indent === false || block.align === "right" || block.align === "center" ? undefined : { firstLine: pt(SIZE.body * 2) },
      });
  }
}

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: "000000" };

function cell(text: string, width: number, column: Column, header: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: pt(2.5), right: pt(2.5), top: pt(1), bottom: pt(1) },
    borders: { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder },
    children: [new Paragraph({
      alignment: header ? AlignmentType.CENTER : ALIGN[column.align ?? "center"],
      spacing: { line: TABLE_LINE, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 },
      children: lines(text, header ? FONT.heading : FONT.body, SIZE.table),
    })],
  });
}

function tableOf(block: Extract<Block, { kind: "table" }>, textWidth: number): Table {
  const total = block.columns.reduce((s, c) => s + c.width, 0);
  const widths = block.columns.map((c) => Math.floor((c.width / total) * textWidth));
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: block.columns.map((c, i) => cell(c.label, widths[i], c, true)) });
  const rows = block.rows.map((r) => new TableRow({ cantSplit: true, children: block.columns.map((c, i) => cell(r[i] ?? "", widths[i], c, false)) }));
  return new Table({ rows: [header, ...rows], columnWidths: widths, layout: TableLayoutType.FIXED, width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA } });
}

function blocksOf(section: Section, textWidth: number): (Paragraph | Table)[] {
  return section.blocks.flatMap((block): (Paragraph | Table)[] => {
    if (block.kind === "table") return [tableOf(block, textWidth)];
    if (block.kind === "small") {
      return block.lines.map((line) => new Paragraph({
        children: lines(line, FONT.body, SIZE.table), spacing: { line: TABLE_LINE, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 },
      }));
    }
    if (block.kind === "signature") {
      // 落款: a blank line, then unit and date right-aligned, four characters from the right edge.
      const right = { right: pt(SIZE.body * 4) };
      return [
        new Paragraph({ children: [], spacing: bodySpacing }),
        new Paragraph({ children: [run(block.issuer, FONT.body, SIZE.body)], alignment: AlignmentType.RIGHT, spacing: bodySpacing, indent: right }),
        new Paragraph({ children: [run(block.date, FONT.body, SIZE.body)], alignment: AlignmentType.RIGHT, spacing: bodySpacing, indent: right }),
      ];
    }
    return [paragraphOf(block)];
  });
}

/** "— N —": right (one character in) on odd pages, left on even pages. */
function pageNumberFooter(side: "right" | "left"): Footer {
  const font = fontOf(FONT.pageNumber);
  const size = halfPoints(SIZE.pageNumber);
  const [before, after] = DOC_MSG.pageNumber;
  return new Footer({
    children: [new Paragraph({
      alignment: side === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT,
      indent: side === "right" ? { right: pt(SIZE.pageNumber) } : { left: pt(SIZE.pageNumber) },
      children: [new TextRun({ font, size, children: [before, PageNumber.CURRENT, after] })],
    })],
  });
}

function sectionOf(section: Section): ISectionOptions {
  const landscape = section.orientation === "landscape";
  const textWidth = (landscape ? PAGE.height : PAGE.width) - PAGE.margin.left - PAGE.margin.right;
  return {
    properties: {
      page: {
        size: { width: PAGE.width, height: PAGE.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: { ...PAGE.margin, footer: PAGE.footer, header: PAGE.header },
      },
    },
    footers: { default: pageNumberFooter("right"), even: pageNumberFooter("left") },
    children: blocksOf(section, textWidth),
  };
}

/** The .docx bytes of a document. */
export async function writeDocx(model: DocModel): Promise<Uint8Array> {
  const doc = new Document({
    title: model.title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: fontOf(FONT.body), size: halfPoints(SIZE.body) } } } },
    sections: model.sections.map(sectionOf),
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
