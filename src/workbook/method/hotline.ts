/** 考核办法 (spec G): one row per scoring rule → the engine's hotline rule set (categories, bands, cases, tiers). */
import {
  RATE_KINDS, UNIT_TYPES, excel15, formatPoints, parseUnitType, type Band, type CaseRule, type Category, type HotlineRuleSet,
  type RateRule, type VolumeTier,
} from "../../engine";
import { bandIssues } from "../../engine/rules/check";
import { MethodProblems, nonNegative, percentOf, yesNo, type MethodRow, type MethodTable } from "./cells";
import { BONUS_CATEGORY, HOTLINE_METHOD_LABEL as L, SCORING, VOLUME_ITEM } from "./labels";
import { MMSG } from "./messages";
import type { MethodParams } from "./params";

export type HotlineMethod = Pick<HotlineRuleSet, "categories" | "rates" | "cases"> & {
  readonly bonusCases: readonly CaseRule[];
  readonly volume: readonly VolumeTier[];
};

const SCORINGS: readonly string[] = Object.values(SCORING);

/** The band as a person reads it: 低于5%, 5%—10%, 10%—15%（含15%）, 超过15%, 达到80%, 100%. */
export function bandText(b: Pick<Band, "from" | "fromIncluded" | "to" | "toIncluded">): string {
  const [f, t] = [formatPoints(b.from), formatPoints(b.to)];
  if (b.from === b.to) return `${f}%`;
  if (b.from === 0 && b.fromIncluded) return b.toIncluded ? `${t}%及以下` : `低于${t}%`;
  if (b.to === 100 && b.toIncluded) return b.fromIncluded ? `达到${f}%` : `超过${f}%`;
  return `${b.fromIncluded ? "" : "超过"}${f}%—${t}%${b.toIncluded ? `（含${t}%）` : ""}`;
}

/**
 * Categories keep the built-in ids where the name is the same (so the 2021 functions and columns find them);
 * a case kind named as a built-in one keeps its id, spellings and unit (件/次).
 */
export function parseHotlineMethod(table: MethodTable, params: MethodParams, builtIn: HotlineRuleSet, problems: MethodProblems): HotlineMethod {
  const sheet = table.sheet;
  const err = (row: MethodRow, label: string, message: string) => problems.error(sheet, row.at(label), message);
  const categories = new Map<string, { cap?: number; capRow?: MethodRow; first: MethodRow; clause: string }>();
  const rateRows = new Map<string, { category: string; rows: { row: MethodRow; band: Band }[] }>();
  const cases: CaseRule[] = [];
  const bonusCases: CaseRule[] = [];
  const caseAt = new Map<string, string>();
  const volume: VolumeTier[] = [];

  for (const row of table.rows) {
    const category = row.text(L.category);
    const scoring = row.text(L.scoring);
    const item = row.text(L.item);
    // As typed: a clause is quoted, its full-width punctuation kept.
    const clause = row.written(L.clause) || `${sheet} ${category}·${item}`;
    if (!category) { err(row, L.category, MMSG.blank(row.where(L.category))); continue; }
    if (!SCORINGS.includes(scoring)) { err(row, L.scoring, MMSG.unknownScoring(row.get(L.scoring), SCORINGS)); continue; }
    const bonus = category === BONUS_CATEGORY;
    if (bonus !== (scoring === SCORING.caseBonus || scoring === SCORING.volume)) {
      err(row, L.scoring, bonus ? MMSG.scoringInBonus(scoring) : MMSG.scoringOutsideBonus(scoring));
      continue;
    }
    if (!item) { err(row, L.item, MMSG.blank(row.where(L.item))); continue; }
    const capRaw = row.get(L.cap);
    if (bonus) {
      const cap = capRaw === null || String(capRaw).trim() === "" ? undefined : nonNegative(capRaw, row.where(L.cap), sheet, row.at(L.cap), problems);
      if (cap !== undefined && cap !== params.bonusCap) err(row, L.cap, MMSG.bonusCapDiffers(capRaw, params.bonusCap === null ? "空白，不封顶" : String(params.bonusCap)));
    } else {
      const entry = categories.get(category) ?? { first: row, clause: `${clause}` };
      categories.set(category, entry);
      if (capRaw !== null && String(capRaw).trim() !== "") {
        const cap = nonNegative(capRaw, row.where(L.cap), sheet, row.at(L.cap), problems);
        if (cap !== undefined && entry.cap !== undefined && cap !== entry.cap) err(row, L.cap, MMSG.capConflict(category, capRaw, entry.cap));
        else if (cap !== undefined && entry.cap === undefined) Object.assign(entry, { cap, capRow: row });
      }
    }
    const points = nonNegative(row.get(L.points), row.where(L.points), sheet, row.at(L.points), problems);

    if (scoring === SCORING.bands) {
      const kind = RATE_KINDS.find((k) => k.item === item);
      if (!kind) { err(row, L.item, MMSG.unknownRate(item, RATE_KINDS.map((k) => k.item))); continue; }
      const from = percentOf(row.get(L.from), row.format(L.from), row.where(L.from), sheet, row.at(L.from), problems);
      const to = percentOf(row.get(L.to), row.format(L.to), row.where(L.to), sheet, row.at(L.to), problems);
      const fromIncluded = yesNo(row.get(L.fromIncluded), false, row.where(L.fromIncluded), sheet, row.at(L.fromIncluded), problems);
      const toIncluded = yesNo(row.get(L.toIncluded), false, row.where(L.toIncluded), sheet, row.at(L.toIncluded), problems);
      const entry = rateRows.get(kind.id) ?? { category, rows: [] };
      rateRows.set(kind.id, entry);
      if (entry.category !== category) { err(row, L.category, MMSG.rateInTwoCategories(item, entry.category)); continue; }
      if (from === undefined || to === undefined || fromIncluded === undefined || toIncluded === undefined || points === undefined) continue;
      const shape = { from, fromIncluded, to, toIncluded };
      // A band the built-in method has too keeps the document's wording (97%以下), as a built-in case kind does.
      const same = builtIn.rates.find((r) => r.id === kind.id)?.bands
        .find((b) => b.from === from && b.to === to && b.fromIncluded === fromIncluded && b.toIncluded === toIncluded);
      entry.rows.push({ row, band: { ...shape, points, text: same?.text ?? bandText(shape), clause } });
    } else if (scoring === SCORING.volume) {
      if (item !== VOLUME_ITEM) { err(row, L.item, MMSG.volumeItem(item)); continue; }
      if (row.text(L.to) !== "" || row.text(L.toIncluded) !== "") { err(row, L.to, MMSG.volumeUpper()); continue; }
      const over = nonNegative(row.get(L.from), row.where(L.from), sheet, row.at(L.from), problems);
      const included = yesNo(row.get(L.fromIncluded), false, row.where(L.fromIncluded), sheet, row.at(L.fromIncluded), problems);
      const type = parseUnitType(row.get(L.unitType), L.unitType);
      if (!type.ok || !UNIT_TYPES.includes(type.value)) { err(row, L.unitType, MMSG.unitType(row.get(L.unitType))); continue; }
      if (over === undefined || included === undefined || points === undefined) continue;
      volume.push({ type: type.value, over, included, points, clause });
    } else {
      const isBonus = scoring === SCORING.caseBonus;
      const first = caseAt.get(item);
      if (first) { err(row, L.item, MMSG.duplicateCase(item, first)); continue; }
      caseAt.set(item, `${sheet}!${row.at(L.item)}`);
      if (points === undefined) continue;
      const known = (isBonus ? builtIn.bonus.cases : builtIn.cases).find((c) => c.label === item || c.synonyms.includes(item));
      const rule: CaseRule = {
        id: known?.id ?? `case:${item}`, category: isBonus ? "bonus" : categoryId(category, builtIn), label: item,
        synonyms: known ? [known.label, ...known.synonyms].filter((s) => s !== item) : [], points, per: known?.per ?? "件", clause,
      };
      (isBonus ? bonusCases : cases).push(rule);
    }
  }
  // A built-in spelling of one case kind may be another row's own 项目: the row's name wins.
  const labels = new Set([...cases, ...bonusCases].map((c) => c.label));
  const withoutTaken = (c: CaseRule): CaseRule => ({ ...c, synonyms: c.synonyms.filter((s) => !labels.has(s)) });

  const cats: Category[] = [];
  let capSum = 0;
  for (const [name, c] of categories) {
    if (c.cap === undefined) { err(c.first, L.cap, MMSG.capMissing(name)); continue; }
    capSum = excel15(capSum + c.cap);
    cats.push({ id: categoryId(name, builtIn), name, cap: c.cap, clause: `${c.clause.split("·")[0]}（${formatPoints(c.cap)}分）` });
  }
  if (!problems.failed && capSum !== params.total) {
    // Named at the first category's 类别分值 cell; the message lists every category's cap.
    const firstCap = [...categories.values()].find((c) => c.capRow)?.capRow;
    problems.error(sheet, firstCap?.at(L.cap), MMSG.capsSum(capSum, params.total, cats.map((c) => `${c.name}${formatPoints(c.cap)}`)));
  }

  const rates: RateRule[] = [];
  for (const kind of RATE_KINDS) {
    const entry = rateRows.get(kind.id);
    if (!entry) continue;
    for (const issue of bandIssues(entry.rows.map((r) => r.band))) {
      const rowOf = (b: Band) => entry.rows.find((r) => r.band === b)?.row as MethodRow;
      if (issue.kind === "none") continue;
      const row = rowOf(issue.band);
      const message = issue.kind === "gap" ? MMSG.bandsGap(kind.item, issue.band.text, issue.next.text)
        : issue.kind === "edge" ? MMSG.bandsEdge(kind.item, issue.band.to, issue.band.text, issue.next.text)
          : issue.kind === "start" ? MMSG.bandsStart(kind.item)
            : issue.kind === "end" ? MMSG.bandsEnd(kind.item)
              : issue.kind === "negative" ? MMSG.negative(row.where(L.points), issue.band.points) : MMSG.bandEmpty(kind.item);
      err(row, issue.kind === "start" || issue.kind === "empty" || issue.kind === "gap" || issue.kind === "edge" ? L.from : L.to, message);
    }
    const clause = [...new Set(entry.rows.map((r) => r.band.clause))].join("；");
    rates.push({ ...kind, category: categoryId(entry.category, builtIn), bands: entry.rows.map((r) => r.band), clause });
  }
  return { categories: cats, rates, cases: cases.map(withoutTaken), bonusCases: bonusCases.map(withoutTaken), volume };
}

function categoryId(name: string, builtIn: HotlineRuleSet): string {
  return builtIn.categories.find((c) => c.name === name)?.id ?? `category:${name}`;
}
