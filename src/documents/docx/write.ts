/**
 * The thin writer: a DocModel as a .docx through the `docx` package (no hand-written document XML), in the
 * 公文 layout of layout.ts. Fonts, sizes and spacing live in paragraph styles (styles.ts), so each run is
 * only its text. Runs in Node and in the browser (Packer.toArrayBuffer).
 */
import {
  AlignmentType, BorderStyle, Document, Footer, Packer, PageNumber, PageOrientation, Paragraph, Table, TableCell,
  TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType, type ISectionOptions,
} from "docx";
import type { Block, Column, DocModel, Section } from "../model";
import { DOC_MSG } from "../messages";
import { PAGE, SIZE, pt } from "./layout";
import { STYLE, documentStyles } from "./styles";

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** Text with line breaks as runs. */
function runs(text: string): TextRun[] {
  return text.split("\n").map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 }));
}

function paragraphOf(block: Exclude<Block, { kind: "table" | "small" | "signature" }>): Paragraph {
  switch (block.kind) {
    case "title":
      return new Paragraph({ style: STYLE.title, children: runs(block.text) });
    case "heading":
      return new Paragraph({ style: STYLE.heading, children: runs(block.text) });
    case "label":
      return new Paragraph({ style: STYLE.label, children: runs(block.text) });
    case "paragraph": {
      const plain = block.indent === false || (block.align !== undefined && block.align !== "left");
      return new Paragraph({ style: plain ? STYLE.plain : STYLE.body, children: runs(block.text), ...(block.align ? { alignment: ALIGN[block.align] } : {}) });
    }
  }
}

const line = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const BORDERS = { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line };

function cell(text: string, width: number, column: Column, header: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    children: [new Paragraph({
      style: header ? STYLE.tableHeader : STYLE.table, children: runs(text),
      ...(!header && column.align && column.align !== "center" ? { alignment: ALIGN[column.align] } : {}),
    })],
  });
}

function tableOf(block: Extract<Block, { kind: "table" }>, textWidth: number): Table {
  const total = block.columns.reduce((s, c) => s + c.width, 0);
  const widths = block.columns.map((c) => Math.floor((c.width / total) * textWidth));
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: block.columns.map((c, i) => cell(c.label, widths[i], c, true)) });
  const rows = block.rows.map((r) => new TableRow({ cantSplit: true, children: block.columns.map((c, i) => cell(r[i] ?? "", widths[i], c, false)) }));
  return new Table({
    rows: [header, ...rows], columnWidths: widths, layout: TableLayoutType.FIXED, borders: BORDERS,
    margins: { left: pt(2.5), right: pt(2.5), top: pt(1), bottom: pt(1) },
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
  });
}

function blocksOf(section: Section, textWidth: number): (Paragraph | Table)[] {
  return section.blocks.flatMap((block): (Paragraph | Table)[] => {
    if (block.kind === "table") return [tableOf(block, textWidth)];
    if (block.kind === "small") return block.lines.map((l) => new Paragraph({ style: STYLE.small, children: runs(l) }));
    if (block.kind === "signature") {
      return [
        new Paragraph({ style: STYLE.plain, children: [] }),
        new Paragraph({ style: STYLE.signature, children: runs(block.issuer) }),
        new Paragraph({ style: STYLE.signature, children: runs(block.date) }),
      ];
    }
    return [paragraphOf(block)];
  });
}

/** "— N —": right (one character in) on odd pages, left on even pages. */
function pageNumberFooter(side: "right" | "left"): Footer {
  const [before, after] = DOC_MSG.pageNumber;
  return new Footer({
    children: [new Paragraph({
      style: STYLE.pageNumber,
      alignment: side === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT,
      indent: side === "right" ? { right: pt(SIZE.pageNumber) } : { left: pt(SIZE.pageNumber) },
      children: [new TextRun({ children: [before, PageNumber.CURRENT, after] })],
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
    styles: documentStyles(),
    sections: model.sections.map(sectionOf),
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
