/** The 月度通报 as a document: the bulletin's content in the order of spec J. */
import { bulletinCells, listEntries, pendingText, type Bulletin, type ListGroup } from "./bulletin";
import { DOC_MSG } from "./messages";
import type { Block, Column, DocModel } from "./model";
import { listedIn } from "./params";

/** Column widths in millimetres of the 156 mm text block: a rate ("100.00%" at 10.5 pt) needs about 17 mm. */
const WIDTHS = [8, 28, 13, 19, 18, 18, 19, 13, 10, 14];
const COLUMNS: readonly Column[] = DOC_MSG.tableColumns.map((label, i) => ({
  label, width: WIDTHS[i], align: i === 1 ? "left" : "center",
}));

function listBlocks(groups: readonly ListGroup[]): Block[] {
  return groups.map((g) => ({ kind: "paragraph", text: DOC_MSG.listLine(g.group, listEntries(g)) }));
}

export function bulletinDocument(b: Bulletin): DocModel {
  const blocks: Block[] = [{ kind: "title", text: b.title }];
  if (b.draft) blocks.push({ kind: "paragraph", text: DOC_MSG.draftNote(b.problems.length, listedIn(b.problems)) });
  blocks.push({ kind: "paragraph", text: b.opening }, { kind: "heading", text: DOC_MSG.headingRanking });
  b.tables.forEach((t, i) => {
    blocks.push({ kind: "paragraph", text: DOC_MSG.categoryTable(i, t.type, t.rows.length) });
    blocks.push({ kind: "table", columns: COLUMNS, rows: t.rows.map(bulletinCells) });
  });
  if (b.notScored.length > 0) blocks.push({ kind: "paragraph", text: DOC_MSG.notScored(b.notScored) });
  blocks.push({ kind: "heading", text: DOC_MSG.headingRed }, { kind: "paragraph", text: DOC_MSG.redIntro(b.settings.red) }, ...listBlocks(b.red));
  blocks.push({ kind: "heading", text: DOC_MSG.headingBlack });
  if (b.settings.black === 0) blocks.push({ kind: "paragraph", text: DOC_MSG.blackNone });
  else blocks.push({ kind: "paragraph", text: DOC_MSG.blackIntro(b.settings.black, b.settings.blackScope === "全部") }, ...listBlocks(b.black));
  blocks.push({ kind: "heading", text: DOC_MSG.headingNoOrders });
  blocks.push({ kind: "paragraph", text: b.noOrders.length > 0 ? DOC_MSG.noOrders(b.noOrders) : DOC_MSG.noOrdersNone });
  blocks.push({ kind: "heading", text: DOC_MSG.headingPending });
  blocks.push({ kind: "paragraph", text: pendingText(b.pending) });
  blocks.push({ kind: "signature", issuer: b.issuer, date: b.date });
  return { title: b.title, sections: [{ orientation: "portrait", blocks }] };
}
