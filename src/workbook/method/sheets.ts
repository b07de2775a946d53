/** A rule set written as the method sheets of spec G (what 创建/补全模板 writes; the parser reads it back). */
import { basicCountsAsSatisfied, formatPoints, type RuleSet } from "../../engine";
import { LABEL, SHEET } from "../contract";
import type { CellValue } from "../port";
import { ALL_DEPARTMENTS, APPROVAL_METHOD_LABEL as A, BONUS_CATEGORY, HOTLINE_METHOD_LABEL as H, METHOD_PARAM as P, METHOD_SHEET, SCORING, VOLUME_ITEM } from "./labels";

export type Grid = CellValue[][];

const yes = (b: boolean) => (b ? "是" : "否");
/**
 * Percent points as a cell, written as the office reads them: text "97%" (Excel converts it as typed into 0.97
 * with a percent format; either reads back as 97%).
 */
const pct = (x: number): CellValue => `${formatPoints(x)}%`;

export function hotlineMethodGrid(rules: RuleSet): Grid {
  const h = rules.hotline;
  const header = [H.category, H.cap, H.item, H.scoring, H.from, H.fromIncluded, H.to, H.toIncluded, H.points, H.unitType, H.clause];
  const rows: Grid = [header];
  for (const c of h.categories) {
    const start = rows.length;
    for (const r of h.rates.filter((x) => x.category === c.id)) {
      for (const b of r.bands) {
        rows.push([c.name, null, r.item, SCORING.bands, pct(b.from), yes(b.fromIncluded), pct(b.to), yes(b.toIncluded), b.points, null, b.clause ?? r.clause]);
      }
    }
    for (const k of h.cases.filter((x) => x.category === c.id)) {
      rows.push([c.name, null, k.label, SCORING.caseDeduct, null, null, null, null, k.points, null, k.clause]);
    }
    if (rows.length === start) rows.push([c.name, null, null, null, null, null, null, null, null, null, c.clause]);
    rows[start][1] = c.cap;
  }
  for (const t of h.bonus.volume) {
    rows.push([BONUS_CATEGORY, null, VOLUME_ITEM, SCORING.volume, t.over, yes(t.included), null, null, t.points, t.type, t.clause]);
  }
  for (const k of h.bonus.cases) {
    rows.push([BONUS_CATEGORY, null, k.label, SCORING.caseBonus, null, null, null, null, k.points, null, k.clause]);
  }
  return rows;
}

export function approvalMethodGrid(rules: RuleSet): Grid {
  const { registry } = rules;
  const all = registry.approvalDepartments();
  const rows: Grid = [[A.item, A.content, A.appliesTo, A.evidence, A.clause, A.derived]];
  for (const item of rules.approval.items) {
    // 全部 when the item names every department, whichever of their spellings (市档案局 = 市档案馆, spec C).
    const named = new Set(item.appliesTo.map((n) => registry.resolve(n)));
    const everyone = all.every((d) => named.has(d));
    rows.push([`事项${item.no}`, item.name, everyone ? ALL_DEPARTMENTS : item.appliesTo.join("、"), yes(item.status === "evidence"), item.clause, yes(item.status === "derived")]);
  }
  return rows;
}

/** The 参数 rows of the method (参数 | 值), after the header. */
export function methodParamRows(rules: RuleSet, name: string): Grid {
  const { hotline: h, approval: a } = rules;
  const target = (id: string) => a.derived.targets.find((t) => t.id === id)?.min ?? null;
  return [
    [LABEL.param, LABEL.value],
    [P.name, name], [P.year, rules.year], [P.months, h.months], [P.total, h.totalPoints], [P.vetoCap, a.cap],
    [P.evidenceDeadline, a.evidenceDeadline], [P.basicSatisfied, yes(basicCountsAsSatisfied(h.callbacks))],
    [P.percentDecimals, h.comparison.percentDecimals], [P.bonusCap, h.bonus.cap],
    [P.timeCut, pct(target("timeCut") ?? 0)], [P.oneTrip, pct(target("oneTrip") ?? 0)], [P.instant, pct(target("instant") ?? 0)],
    [P.online, pct(target("online") ?? 0)], [P.fullOnline, pct(target("fullOnline") ?? 0)],
  ];
}

export const METHOD_GRID_SHEETS = { hotline: METHOD_SHEET.hotline, approval: METHOD_SHEET.approval, params: SHEET.params } as const;
