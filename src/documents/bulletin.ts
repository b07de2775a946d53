/**
 * 月度通报 (spec J) from plain rows of 月度考核: the month's city totals and their change, one ranked table per
 * 单位类别, 红榜 and 黑榜, units without orders apart, pending 研判, 落款. Pure: the same data makes the .docx
 * (bulletin-document.ts) and the task pane's sheet 月度通报.
 */
import { excel15, formatPoints, formatRate } from "../engine";
import { DOC_MSG } from "./messages";
import type { DocProblem, DocSettings } from "./params";
import { bottomN, ranksFromTop, topN } from "./ranking";

/** One unit's row of 月度考核 for one month. */
export interface MonthRow {
  readonly name: string;
  readonly type: string;
  readonly orders: number;
  readonly due: number;
  readonly onTime: number;
  readonly returned: number;
  readonly extensions: number;
  readonly validCallbacks: number;
  readonly satisfied: number;
  /** 月度得分 (总分); null: not scored (see 校验). */
  readonly score: number | null;
  /** 待定研判: pending decisions on the unit's orders counted in the month (absent in an older 月度考核). */
  readonly pending?: number;
}

export interface BulletinInput {
  readonly year: number;
  readonly month: number;
  readonly rows: readonly MonthRow[];
  /** The previous month's rows when 月度考核 holds that month. */
  readonly previous?: readonly MonthRow[];
  readonly settings: DocSettings;
  /**
   * When 月度考核 has no 待定研判 column (an older import): every pending row of 工单研判, of whatever month.
   * Absent: the month's pending decisions are the rows' `pending`.
   */
  readonly allPending?: number;
  /** Open problems: any makes the 通报 a 草稿. */
  readonly problems: readonly DocProblem[];
  /** 落款 date as written. */
  readonly date: string;
}

export interface RankedRow {
  readonly row: MonthRow & { readonly score: number };
  readonly rank: number;
  /** 较上月: ↑N, ↓N, —, 新, or "" when there is no previous month. */
  readonly change: string;
}

export interface CategoryTable {
  readonly type: string;
  readonly rows: readonly RankedRow[];
}

export interface ListGroup {
  /** 单位类别, or 全部单位 for a 黑榜 over all units. */
  readonly group: string;
  readonly rows: readonly RankedRow[];
}

export interface Bulletin {
  readonly title: string;
  readonly draft: boolean;
  readonly opening: string;
  readonly tables: readonly CategoryTable[];
  readonly red: readonly ListGroup[];
  /** Empty when 黑榜人数 is 0. */
  readonly black: readonly ListGroup[];
  readonly settings: DocSettings;
  readonly noOrders: readonly string[];
  readonly notScored: readonly string[];
  readonly pending: BulletinPending;
  readonly problems: readonly DocProblem[];
  readonly issuer: string;
  readonly date: string;
}

/**
 * Pending 研判: the month's by unit (units in sheet order, each with its count), or, from an older 月度考核
 * without 待定研判, only the count of every pending row of 工单研判 (not a count of the month).
 */
export type BulletinPending =
  | { readonly ofMonth: true; readonly units: readonly { readonly name: string; readonly count: number }[] }
  | { readonly ofMonth: false; readonly all: number };

function pendingOf(input: BulletinInput): BulletinPending {
  if (input.allPending !== undefined) return { ofMonth: false, all: input.allPending };
  return { ofMonth: true, units: input.rows.flatMap((r) => ((r.pending ?? 0) > 0 ? [{ name: r.name, count: r.pending as number }] : [])) };
}

/** The 通报's line on pending 研判 (the .docx and the sheet 月度通报 say the same). */
export function pendingText(p: BulletinPending): string {
  if (!p.ofMonth) return p.all > 0 ? DOC_MSG.pendingNotByMonth(p.all) : DOC_MSG.pendingNone;
  const total = p.units.reduce((s, u) => s + u.count, 0);
  return total > 0 ? DOC_MSG.pending(total, p.units.map((u) => DOC_MSG.pendingUnit(u.name, u.count))) : DOC_MSG.pendingNone;
}

/** 单位类别 in the method's usual order, then any other in order of appearance. */
const TYPE_ORDER = ["县区", "市直", "其他"];
export function typesOf(rows: readonly { type: string }[]): string[] {
  const seen = [...new Set(rows.map((r) => r.type))];
  return [...TYPE_ORDER.filter((t) => seen.includes(t)), ...seen.filter((t) => !TYPE_ORDER.includes(t))];
}

type ScoredRow = MonthRow & { readonly score: number };
const scored = (rows: readonly MonthRow[]) => rows.filter((r): r is ScoredRow => r.orders > 0 && r.score !== null);

/** Rank within each category among the units with orders, by unit name. */
function categoryRanks(rows: readonly MonthRow[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const type of typesOf(rows)) {
    const ranks = ranksFromTop(scored(rows).filter((r) => r.type === type));
    for (const [r, rank] of ranks) out.set(r.name, rank);
  }
  return out;
}

function changeText(rank: number, before: number | undefined, hasPrevious: boolean): string {
  if (!hasPrevious) return "";
  if (before === undefined) return DOC_MSG.changeNew;
  if (before === rank) return DOC_MSG.changeSame;
  return before > rank ? DOC_MSG.changeUp(before - rank) : DOC_MSG.changeDown(rank - before);
}

const ratio = (num: number, den: number) => (den > 0 ? num / den : null);

interface Totals { orders: number; onTime: number | null; returned: number | null; extended: number | null; satisfied: number | null }
function totals(rows: readonly MonthRow[]): Totals {
  const sum = (f: (r: MonthRow) => number) => rows.reduce((s, r) => s + f(r), 0);
  const orders = sum((r) => r.orders);
  return {
    orders,
    onTime: ratio(sum((r) => r.onTime), sum((r) => r.due)),
    returned: ratio(sum((r) => r.returned), orders),
    extended: ratio(sum((r) => r.extensions), orders),
    satisfied: ratio(sum((r) => r.satisfied), sum((r) => r.validCallbacks)),
  };
}

const rateText = (r: number | null) => (r === null ? DOC_MSG.noRate : formatRate(r));

function openingText(input: BulletinInput): string {
  const now = totals(input.rows);
  const units = input.rows.filter((r) => r.orders > 0).length;
  let text = DOC_MSG.opening(input.year, input.month, units, now.orders,
    DOC_MSG.openingRates(rateText(now.onTime), rateText(now.returned), rateText(now.extended), rateText(now.satisfied)));
  if (input.previous) {
    const before = totals(input.previous);
    const parts = [DOC_MSG.ordersChange(now.orders - before.orders)];
    for (const key of ["onTime", "returned", "extended", "satisfied"] as const) {
      const a = now[key];
      const b = before[key];
      if (a !== null && b !== null) parts.push(DOC_MSG.rateChange(DOC_MSG.rateNames[key], excel15((a - b) * 100)));
    }
    text += DOC_MSG.change(parts);
  }
  return text;
}

/** The 通报's content. */
export function buildBulletin(input: BulletinInput): Bulletin {
  const { settings } = input;
  const ranks = categoryRanks(input.rows);
  const previousRanks = input.previous ? categoryRanks(input.previous) : new Map<string, number>();
  const ranked = new Map<string, RankedRow>();
  for (const row of scored(input.rows)) {
    const rank = ranks.get(row.name) as number;
    ranked.set(row.name, { row, rank, change: changeText(rank, previousRanks.get(row.name), input.previous !== undefined) });
  }
  const types = typesOf(input.rows);
  const inType = (type: string) => [...ranked.values()].filter((r) => r.row.type === type);
  const byRank = (a: RankedRow, b: RankedRow) => a.rank - b.rank;
  const tables = types.map((type) => ({ type, rows: inType(type).sort(byRank) })).filter((t) => t.rows.length > 0);
  const asScored = (rows: readonly RankedRow[]) => rows.map((r) => ({ name: r.row.name, score: r.row.score, ranked: r }));
  const red = tables.map((t) => ({ group: t.type, rows: topN(asScored(t.rows), settings.red).map((x) => x.ranked) }));
  const onRed = new Set(red.flatMap((g) => g.rows.map((r) => r.row.name)));
  const pool = (rows: readonly RankedRow[]) => asScored(rows.filter((r) => !onRed.has(r.row.name)));
  const black = settings.black === 0 ? [] : settings.blackScope === "全部"
    ? [{ group: DOC_MSG.allUnits, rows: bottomN(pool([...ranked.values()]), settings.black).map((x) => x.ranked) }]
    : tables.map((t) => ({ group: t.type, rows: bottomN(pool(t.rows), settings.black).map((x) => x.ranked) }));
  const draft = input.problems.length > 0;
  const title = settings.title.split("{年}").join(String(input.year)).split("{月}").join(String(input.month)) + (draft ? DOC_MSG.draft : "");
  return {
    title, draft, opening: openingText(input), tables, red, black, settings,
    noOrders: input.rows.filter((r) => r.orders <= 0).map((r) => r.name),
    notScored: input.rows.filter((r) => r.orders > 0 && r.score === null).map((r) => r.name),
    pending: pendingOf(input), problems: input.problems, issuer: settings.issuer, date: input.date,
  };
}

/** A ranked row as the table shows it (序号 … 较上月). */
export function bulletinCells(r: RankedRow, index: number): string[] {
  const { row } = r;
  const rate = (num: number, den: number) => (den > 0 ? formatRate(num / den) : "—");
  return [
    String(index + 1), row.name, String(row.orders), rate(row.onTime, row.due), rate(row.returned, row.orders),
    rate(row.extensions, row.orders), rate(row.satisfied, row.validCallbacks), formatPoints(row.score), String(r.rank), r.change,
  ];
}

/** A list's entries: 名称（得分分）, with the category when the list spans every category. */
export function listEntries(group: ListGroup): string[] {
  return group.rows.map((r) => (group.group === DOC_MSG.allUnits
    ? DOC_MSG.listEntryAll(r.row.name, r.row.type, formatPoints(r.row.score))
    : DOC_MSG.listEntry(r.row.name, formatPoints(r.row.score))));
}
