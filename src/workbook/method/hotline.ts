/** 考核办法 (spec G): one row per scoring rule → the engine's hotline rule set (categories, bands, cases, tiers). */
import {
  RATE_KINDS, UNIT_TYPES, excel15, formatPoints, parseUnitType, type Band, type CaseRule, type Category, type HotlineRuleSet,
  type RateRule, type VolumeTier,
} from "../../engine";
import { bandIssues } from "../../engine/rules/check";
import { MethodProblems, nonNegative, percentOf, yesNo, type MethodRow, type MethodTable } from "./cells";
import { BONUS_CATEGORY, HOTLINE_METHOD_LABEL as L, SCORING, VOLUME_ITEM } from "./labels";
import { MMSG } from "../messages";
import type { MethodParams } from "./params";

export type HotlineMethod = Pick<HotlineRuleSet, "categories" | "rates" | "cases"> & {
  readonly bonusCases: readonly CaseRule[];
  readonly volume: readonly VolumeTier[];
};

const SCORINGS: readonly string[] = Object.values(SCORING);

/** The band as a person reads it: 低于5%, 5%—10%, 10%—15%（含15%）, 超过15%, 达到80%, 100%. */
export function bandText(b: Pick<Band, "from" | "fromIncluded" | "to" | "toIncluded">): string {
  const [f, t] = [formatPoints(b.from), formatPoints(b.to)];
  const text = MMSG.band;
  if (b.from === b.to) return text.point(f);
  if (b.from === 0 && b.fromIncluded) return b.toIncluded ? text.atMost(t) : text.below(t);
  if (b.to === 100 && b.toIncluded) return b.fromIncluded ? text.atLeast(f) : text.over(f);
  return text.between(f, t, b.fromIncluded, b.toIncluded);
}

/** What parseHotlineMethod collects row by row, and how it names a cell's problem. */
interface Collect {
  readonly sheet: string;
  readonly params: MethodParams;
  readonly builtIn: HotlineRuleSet;
  readonly problems: MethodProblems;
  readonly err: (row: MethodRow, label: string, message: string) => void;
  readonly categories: Map<string, { cap?: number; capRow?: MethodRow; first: MethodRow; clause: string }>;
  readonly rateRows: Map<string, { category: string; rows: { row: MethodRow; band: Band }[] }>;
  readonly cases: CaseRule[];
  readonly bonusCases: CaseRule[];
  /** Where each case kind was named first (sheet!cell). */
  readonly caseAt: Map<string, string>;
  readonly volume: VolumeTier[];
}

/** One row's common cells, read before its scoring's own. */
interface RowHead {
  readonly row: MethodRow;
  readonly category: string;
  readonly item: string;
  readonly clause: string;
  readonly points: number | undefined;
}

/**
 * Categories keep the built-in ids where the name is the same (so the 2021 functions and columns find them);
 * a case kind named as a built-in one keeps its id, spellings and unit (件/次).
 */
export function parseHotlineMethod(table: MethodTable, params: MethodParams, builtIn: HotlineRuleSet, problems: MethodProblems): HotlineMethod {
  const sheet = table.sheet;
  const c: Collect = {
    sheet, params, builtIn, problems, err: (row, label, message) => problems.error(sheet, row.at(label), message),
    categories: new Map(), rateRows: new Map(), cases: [], bonusCases: [], caseAt: new Map(), volume: [],
  };
  for (const row of table.rows) readRow(c, row);
  // A built-in spelling of one case kind may be another row's own 项目: the row's name wins.
  const labels = new Set([...c.cases, ...c.bonusCases].map((k) => k.label));
  const withoutTaken = (k: CaseRule): CaseRule => ({ ...k, synonyms: k.synonyms.filter((s) => !labels.has(s)) });
  return {
    categories: categoriesOf(c), rates: ratesOf(c), cases: c.cases.map(withoutTaken), bonusCases: c.bonusCases.map(withoutTaken), volume: c.volume,
  };
}

/** One row of 考核办法: its category, scoring and item checked, then the row of its scoring. */
function readRow(c: Collect, row: MethodRow): void {
  const { sheet, err } = c;
  const category = row.text(L.category);
  const scoring = row.text(L.scoring);
  const item = row.text(L.item);
  // As typed: a clause is quoted, its full-width punctuation kept.
  const clause = row.written(L.clause) || `${sheet} ${category}·${item}`;
  if (!category) return err(row, L.category, MMSG.blank(row.where(L.category)));
  if (!SCORINGS.includes(scoring)) return err(row, L.scoring, MMSG.unknownScoring(row.get(L.scoring), SCORINGS));
  const bonus = category === BONUS_CATEGORY;
  if (bonus !== (scoring === SCORING.caseBonus || scoring === SCORING.volume)) {
    return err(row, L.scoring, bonus ? MMSG.scoringInBonus(scoring) : MMSG.scoringOutsideBonus(scoring));
  }
  if (!item) return err(row, L.item, MMSG.blank(row.where(L.item)));
  if (bonus) bonusCap(c, row);
  else categoryCap(c, row, category, clause);
  const points = nonNegative(row.get(L.points), row.where(L.points), sheet, row.at(L.points), c.problems);
  const head: RowHead = { row, category, item, clause, points };
  if (scoring === SCORING.bands) bandRow(c, head);
  else if (scoring === SCORING.volume) volumeRow(c, head);
  else caseRow(c, head, scoring === SCORING.caseBonus);
}

/** 加分's 类别分值, when written, must be 参数's 加分上限. */
function bonusCap(c: Collect, row: MethodRow): void {
  const capRaw = row.get(L.cap);
  const cap = capRaw === null || String(capRaw).trim() === "" ? undefined : nonNegative(capRaw, row.where(L.cap), c.sheet, row.at(L.cap), c.problems);
  if (cap !== undefined && cap !== c.params.bonusCap) {
    c.err(row, L.cap, MMSG.bonusCapDiffers(capRaw, c.params.bonusCap));
  }
}

/** A deduction category's 类别分值: written once (or the same on every row of the category). */
function categoryCap(c: Collect, row: MethodRow, category: string, clause: string): void {
  const entry = c.categories.get(category) ?? { first: row, clause: `${clause}` };
  c.categories.set(category, entry);
  const capRaw = row.get(L.cap);
  if (capRaw === null || String(capRaw).trim() === "") return;
  const cap = nonNegative(capRaw, row.where(L.cap), c.sheet, row.at(L.cap), c.problems);
  if (cap !== undefined && entry.cap !== undefined && cap !== entry.cap) c.err(row, L.cap, MMSG.capConflict(category, capRaw, entry.cap));
  else if (cap !== undefined && entry.cap === undefined) Object.assign(entry, { cap, capRow: row });
}

/** A band of a rate (分档扣分). */
function bandRow(c: Collect, { row, category, item, clause, points }: RowHead): void {
  const { sheet, problems } = c;
  const kind = RATE_KINDS.find((k) => k.item === item);
  if (!kind) return c.err(row, L.item, MMSG.unknownRate(item, RATE_KINDS.map((k) => k.item)));
  const from = percentOf(row.get(L.from), row.format(L.from), row.where(L.from), sheet, row.at(L.from), problems);
  const to = percentOf(row.get(L.to), row.format(L.to), row.where(L.to), sheet, row.at(L.to), problems);
  const fromIncluded = yesNo(row.get(L.fromIncluded), false, row.where(L.fromIncluded), sheet, row.at(L.fromIncluded), problems);
  const toIncluded = yesNo(row.get(L.toIncluded), false, row.where(L.toIncluded), sheet, row.at(L.toIncluded), problems);
  const entry = c.rateRows.get(kind.id) ?? { category, rows: [] };
  c.rateRows.set(kind.id, entry);
  if (entry.category !== category) return c.err(row, L.category, MMSG.rateInTwoCategories(item, entry.category));
  if (from === undefined || to === undefined || fromIncluded === undefined || toIncluded === undefined || points === undefined) return;
  const shape = { from, fromIncluded, to, toIncluded };
  // A band the built-in method has too keeps the document's wording (97%以下), as a built-in case kind does.
  const same = c.builtIn.rates.find((r) => r.id === kind.id)?.bands
    .find((b) => b.from === from && b.to === to && b.fromIncluded === fromIncluded && b.toIncluded === toIncluded);
  entry.rows.push({ row, band: { ...shape, points, text: same?.text ?? bandText(shape), clause } });
}

/** A tier of 办件量加分. */
function volumeRow(c: Collect, { row, item, clause, points }: RowHead): void {
  const { sheet, problems } = c;
  if (item !== VOLUME_ITEM) return c.err(row, L.item, MMSG.volumeItem(item));
  if (row.text(L.to) !== "" || row.text(L.toIncluded) !== "") return c.err(row, L.to, MMSG.volumeUpper());
  const over = nonNegative(row.get(L.from), row.where(L.from), sheet, row.at(L.from), problems);
  const included = yesNo(row.get(L.fromIncluded), false, row.where(L.fromIncluded), sheet, row.at(L.fromIncluded), problems);
  const type = parseUnitType(row.get(L.unitType), L.unitType);
  if (!type.ok || !UNIT_TYPES.includes(type.value)) return c.err(row, L.unitType, MMSG.unitType(row.get(L.unitType)));
  if (over === undefined || included === undefined || points === undefined) return;
  c.volume.push({ type: type.value, over, included, points, clause });
}

/** A case kind (按件扣分 or 按件加分), named once. */
function caseRow(c: Collect, { row, category, item, clause, points }: RowHead, isBonus: boolean): void {
  const first = c.caseAt.get(item);
  if (first) return c.err(row, L.item, MMSG.duplicateCase(item, first));
  c.caseAt.set(item, `${c.sheet}!${row.at(L.item)}`);
  if (points === undefined) return;
  const known = (isBonus ? c.builtIn.bonus.cases : c.builtIn.cases).find((k) => k.label === item || k.synonyms.includes(item));
  const rule: CaseRule = {
    id: known?.id ?? `case:${item}`, category: isBonus ? "bonus" : categoryId(category, c.builtIn), label: item,
    synonyms: known ? [known.label, ...known.synonyms].filter((s) => s !== item) : [], points, per: known?.per ?? "件", clause,
  };
  (isBonus ? c.bonusCases : c.cases).push(rule);
}

/** The deduction categories with their caps, which must add up to 参数's 总分. */
function categoriesOf(c: Collect): Category[] {
  const cats: Category[] = [];
  let capSum = 0;
  for (const [name, entry] of c.categories) {
    if (entry.cap === undefined) { c.err(entry.first, L.cap, MMSG.capMissing(name)); continue; }
    capSum = excel15(capSum + entry.cap);
    cats.push({ id: categoryId(name, c.builtIn), name, cap: entry.cap, clause: `${entry.clause.split("·")[0]}（${formatPoints(entry.cap)}分）` });
  }
  if (!c.problems.failed && capSum !== c.params.total) {
    // Named at the first category's 类别分值 cell; the message lists every category's cap.
    const firstCap = [...c.categories.values()].find((e) => e.capRow)?.capRow;
    c.problems.error(c.sheet, firstCap?.at(L.cap), MMSG.capsSum(capSum, c.params.total, cats.map((k) => `${k.name}${formatPoints(k.cap)}`)));
  }
  return cats;
}

/** Each rate's bands, checked to cover 0–100 % without gaps or overlaps. */
function ratesOf(c: Collect): RateRule[] {
  const rates: RateRule[] = [];
  for (const kind of RATE_KINDS) {
    const entry = c.rateRows.get(kind.id);
    if (!entry) continue;
    for (const issue of bandIssues(entry.rows.map((r) => r.band))) {
      if (issue.kind === "none") continue;
      const row = entry.rows.find((r) => r.band === issue.band)?.row as MethodRow;
      const message = issue.kind === "gap" ? MMSG.bandsGap(kind.item, issue.band.text, issue.next.text)
        : issue.kind === "edge" ? MMSG.bandsEdge(kind.item, issue.band.to, issue.band.text, issue.next.text)
          : issue.kind === "start" ? MMSG.bandsStart(kind.item)
            : issue.kind === "end" ? MMSG.bandsEnd(kind.item)
              : issue.kind === "negative" ? MMSG.negative(row.where(L.points), issue.band.points) : MMSG.bandEmpty(kind.item);
      c.err(row, issue.kind === "start" || issue.kind === "empty" || issue.kind === "gap" || issue.kind === "edge" ? L.from : L.to, message);
    }
    const clause = [...new Set(entry.rows.map((r) => r.band.clause))].join("；");
    rates.push({ ...kind, category: categoryId(entry.category, c.builtIn), bands: entry.rows.map((r) => r.band), clause });
  }
  return rates;
}

function categoryId(name: string, builtIn: HotlineRuleSet): string {
  return builtIn.categories.find((c) => c.name === name)?.id ?? `category:${name}`;
}
