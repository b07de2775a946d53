/**
 * The 报告 to the assessment office (spec J): title, 主送, the facts of the year's result, 附件1 (the official
 * table without 扣分说明, which follows as a list per unit) and 附件2 (the veto result per department), 落款.
 * Pure: the caller gives the table as text cells in rank order.
 */
import { excel15, formatPoints } from "../engine";
import { DOC_MSG } from "./messages";
import type { Block, Column, DocModel } from "./model";
import type { DocProblem, DocSettings } from "./params";
import { bottomN, topN } from "./ranking";

export interface ReportUnit {
  readonly name: string;
  /** 总分; null: not scored (缺少数据 or 数据有误). */
  readonly score: number | null;
  /** 扣分说明 as the official table has it. */
  readonly explanation: string;
}

export interface ReportDepartment {
  readonly name: string;
  /** Items that apply to the department (涉及事项). */
  readonly items: readonly number[];
  readonly failed: readonly number[];
  /** Applicable items left blank or written 不涉及: counted as not applicable (a 校验 warning), to be checked. */
  readonly unconfirmed: readonly number[];
  /** null: not judged (bad or missing data). */
  readonly deduction: number | null;
  readonly explanation: string;
}

export interface ReportInput {
  readonly year: number;
  /** 办法名称 or 考核年度 of the method applied. */
  readonly method: string;
  /** 附件1: the official table's header labels (without 扣分说明) and rows as shown, in rank order. */
  readonly table: { readonly columns: readonly string[]; readonly rows: readonly (readonly string[])[] };
  /** The units in the table's order. */
  readonly units: readonly ReportUnit[];
  /** null: the veto was not assessed in this run (a ledger-only run has no 便民化考核 statuses). */
  readonly departments: readonly ReportDepartment[] | null;
  readonly pending: number;
  readonly problems: readonly DocProblem[];
  readonly settings: DocSettings;
  readonly date: string;
}

const B = DOC_MSG.reportBody;

function hotlineFacts(input: ReportInput): Block[] {
  const scored = input.units.filter((u): u is ReportUnit & { score: number } => u.score !== null);
  const notScored = input.units.filter((u) => u.score === null).map((u) => u.name);
  const blocks: Block[] = [{ kind: "paragraph", text: B.units(input.units.length, scored.length, notScored) }];
  if (scored.length === 0) return [...blocks, { kind: "paragraph", text: B.nothingScored }];
  const scores = scored.map((u) => u.score);
  const average = excel15(Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100);
  blocks.push({ kind: "paragraph", text: B.stats(formatPoints(Math.max(...scores)), formatPoints(Math.min(...scores)), formatPoints(average)) });
  const entries = (list: readonly (ReportUnit & { score: number })[]) => list.map((u) => DOC_MSG.entryScore(u.name, formatPoints(u.score)));
  blocks.push({ kind: "paragraph", text: B.top(entries(topN(scored, 3))) });
  blocks.push({ kind: "paragraph", text: B.bottom(entries(bottomN(scored, 3).reverse())) });
  return blocks;
}

function vetoFacts(input: ReportInput): Block[] {
  if (input.departments === null) return [{ kind: "paragraph", text: B.vetoNotAssessed }];
  const vetoed = input.departments.filter((d) => d.deduction !== null && d.deduction > 0);
  const notJudged = input.departments.filter((d) => d.deduction === null).map((d) => d.name);
  const unconfirmed = unconfirmedOf(input.departments);
  const blocks: Block[] = [{ kind: "paragraph", text: B.veto(input.departments.length, vetoed.length) }];
  if (vetoed.length === 0 && unconfirmed.length === 0 && notJudged.length === 0) blocks.push({ kind: "paragraph", text: B.vetoNone });
  for (const d of vetoed) blocks.push({ kind: "paragraph", text: B.vetoLine(d.name, DOC_MSG.items(d.failed), formatPoints(d.deduction as number)) });
  if (unconfirmed.length > 0) {
    blocks.push({ kind: "paragraph", text: B.vetoUnconfirmed(unconfirmed.map((d) => B.vetoUnconfirmedEntry(d.name, DOC_MSG.items(d.unconfirmed)))) });
  }
  if (notJudged.length > 0) blocks.push({ kind: "paragraph", text: B.vetoNotJudged(notJudged) });
  return blocks;
}

/** Judged departments with applicable items counted as not applicable (blank or 不涉及). */
function unconfirmedOf(departments: readonly ReportDepartment[]): ReportDepartment[] {
  return departments.filter((d) => d.deduction !== null && d.unconfirmed.length > 0);
}

function openFacts(input: ReportInput): Block[] {
  const texts: string[] = [];
  if (input.pending > 0) texts.push(B.pending(input.pending));
  if (input.problems.length > 0) texts.push(B.problems(input.problems.length));
  if (input.departments === null) texts.push(B.vetoNotAssessed);
  if (reportDraft(input)) texts.push(B.draft);
  // Blank statuses are 校验 warnings: said plainly, without making the 报告 a 草稿.
  const unconfirmed = input.departments === null ? 0 : unconfirmedOf(input.departments).length;
  if (unconfirmed > 0) texts.push(B.unconfirmedOpen(unconfirmed));
  if (texts.length === 0) texts.push(B.clean);
  return texts.map((text) => ({ kind: "paragraph", text }));
}

const VETO_WIDTHS = [8, 36, 40, 30, 12, 117];
const NAME = "单位名称";

function attachments(input: ReportInput): DocModel["sections"] {
  // Widths in millimetres of the 243 mm landscape text block: a rate ("100.00%" at 10.5 pt) needs about 18 mm.
  const columns: Column[] = input.table.columns.map((label, i) => ({
    label, width: i === 0 ? 8 : label === NAME ? 34 : label.endsWith("率") ? 19 : 13, align: label === NAME ? "left" : "center",
  }));
  const notes = input.units.map((u, i) => `${i + 1}. ${u.name}：${u.explanation}`);
  const vetoColumns: Column[] = DOC_MSG.vetoColumns.map((label, i) => ({ label, width: VETO_WIDTHS[i], align: i === 1 || i === 5 ? "left" : "center" }));
  const vetoRows = (input.departments ?? []).map((d, i) => [
    String(i + 1), d.name, DOC_MSG.items(d.items), d.deduction === null ? DOC_MSG.notJudged
      : d.unconfirmed.length > 0 ? DOC_MSG.unconfirmedItems(DOC_MSG.items(d.failed), DOC_MSG.items(d.unconfirmed)) : DOC_MSG.items(d.failed),
    d.deduction === null ? DOC_MSG.notJudged : formatPoints(d.deduction), d.explanation,
  ]);
  return [
    {
      orientation: "landscape",
      blocks: [
        { kind: "label", text: DOC_MSG.attachment1 }, { kind: "title", text: DOC_MSG.attachment1Title(input.year) },
        { kind: "table", columns, rows: input.table.rows },
        { kind: "label", text: DOC_MSG.attachment1Notes }, { kind: "small", lines: notes },
      ],
    },
    {
      orientation: "landscape",
      blocks: [
        { kind: "label", text: DOC_MSG.attachment2 }, { kind: "title", text: DOC_MSG.attachment2Title(input.year) },
        input.departments === null ? { kind: "paragraph", text: B.vetoNotAssessed } : { kind: "table", columns: vetoColumns, rows: vetoRows },
      ],
    },
  ];
}

export function reportDraft(input: ReportInput): boolean {
  return input.pending > 0 || input.problems.length > 0 || input.departments === null;
}

export function reportDocument(input: ReportInput): DocModel {
  const title = DOC_MSG.reportTitle(input.year) + (reportDraft(input) ? DOC_MSG.draft : "");
  const blocks: Block[] = [
    { kind: "title", text: title },
    { kind: "paragraph", text: B.recipient(input.settings.recipient), indent: false },
    { kind: "paragraph", text: B.opening(input.year, input.method) },
    { kind: "heading", text: B.headingHotline }, ...hotlineFacts(input),
    { kind: "heading", text: B.headingVeto }, ...vetoFacts(input),
    { kind: "heading", text: B.headingOpen }, ...openFacts(input),
    { kind: "paragraph", text: B.attachments },
    { kind: "signature", issuer: input.settings.issuer, date: input.date },
  ];
  return { title, sections: [{ orientation: "portrait", blocks }, ...attachments(input)] };
}
