import type { Registry } from "../registry";
import type { ApprovalRuleSet, Band, HotlineRuleSet } from "./types";

/** What is wrong with a rate's bands; `band` (and `next`) are the bands concerned. */
export type BandIssue =
  | { readonly kind: "none" }
  | { readonly kind: "start" | "end" | "negative" | "empty"; readonly band: Band }
  | { readonly kind: "gap" | "edge"; readonly band: Band; readonly next: Band };

/**
 * Bands must cover 0%—100% without gap or overlap, each edge in exactly one band, with points ≥ 0. One checker
 * for the built-in tables (checkBands throws: a wrong table is a programming error) and the workbook's method
 * (its parser turns each issue into a problem at the rows concerned).
 */
export function bandIssues(bands: readonly Band[]): BandIssue[] {
  if (bands.length === 0) return [{ kind: "none" }];
  const issues: BandIssue[] = [];
  const sorted = [...bands].sort((a, b) => a.from - b.from || a.to - b.to);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first.from !== 0 || !first.fromIncluded) issues.push({ kind: "start", band: first });
  if (last.to !== 100 || !last.toIncluded) issues.push({ kind: "end", band: last });
  for (const b of sorted) {
    if (!(b.points >= 0)) issues.push({ kind: "negative", band: b });
    if (b.from > b.to || (b.from === b.to && !(b.fromIncluded && b.toIncluded))) issues.push({ kind: "empty", band: b });
  }
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const next = sorted[i];
    if (prev.to !== next.from) issues.push({ kind: "gap", band: prev, next });
    else if (prev.toIncluded === next.fromIncluded) issues.push({ kind: "edge", band: prev, next });
  }
  return issues;
}

export function checkBands(where: string, bands: readonly Band[]): void {
  const issue = bandIssues(bands)[0];
  if (!issue) return;
  switch (issue.kind) {
    case "none": throw new Error(`${where}: no bands`);
    case "start": throw new Error(`${where}: bands must start at 0% included`);
    case "end": throw new Error(`${where}: bands must end at 100% included`);
    case "negative": throw new Error(`${where}: band ${issue.band.text} has negative points`);
    case "empty": throw new Error(`${where}: band ${issue.band.text} is empty`);
    case "gap": throw new Error(`${where}: gap or overlap between ${issue.band.text} and ${issue.next.text}`);
    case "edge": throw new Error(`${where}: edge ${issue.band.to}% must belong to exactly one of ${issue.band.text} and ${issue.next.text}`);
  }
}

export function checkHotlineRules(rules: HotlineRuleSet): HotlineRuleSet {
  const where = `hotline ${rules.year}`;
  const categories = new Set(rules.categories.map((c) => c.id));
  let capTotal = 0;
  for (const c of rules.categories) {
    if (!(c.cap >= 0)) throw new Error(`${where}: category ${c.id} cap must be ≥ 0`);
    if (!c.clause) throw new Error(`${where}: category ${c.id} has no clause`);
    capTotal += c.cap;
  }
  if (capTotal !== rules.totalPoints) throw new Error(`${where}: category caps sum to ${capTotal}, not ${rules.totalPoints}`);
  for (const r of rules.rates) {
    if (!categories.has(r.category as never)) throw new Error(`${where}: rate ${r.id} in unknown category ${r.category}`);
    if (!r.clause) throw new Error(`${where}: rate ${r.id} has no clause`);
    checkBands(`${where} ${r.id}`, r.bands);
  }
  const labels = new Set<string>();
  const ids = new Set<string>();
  for (const c of [...rules.cases, ...rules.bonus.cases]) {
    if (c.category !== "bonus" && !categories.has(c.category as never)) {
      throw new Error(`${where}: case ${c.id} in unknown category ${c.category}`);
    }
    if (!(c.points >= 0)) throw new Error(`${where}: case ${c.id} points must be ≥ 0`);
    if (!c.clause) throw new Error(`${where}: case ${c.id} has no clause`);
    if (ids.has(c.id)) throw new Error(`${where}: case id ${c.id} twice`);
    ids.add(c.id);
    for (const label of [c.label, ...c.synonyms]) {
      if (labels.has(label)) throw new Error(`${where}: 事项 "${label}" names two rules`);
      labels.add(label);
    }
  }
  if (rules.bonus.cap !== null && !(rules.bonus.cap >= 0)) throw new Error(`${where}: bonus cap must be ≥ 0`);
  for (const t of rules.bonus.volume) {
    if (!(t.over >= 0) || !(t.points >= 0)) throw new Error(`${where}: volume bonus must be ≥ 0`);
    if (!t.clause) throw new Error(`${where}: volume bonus for ${t.type} has no clause`);
  }
  if (!(rules.months > 0)) throw new Error(`${where}: months must be > 0`);
  return rules;
}

export function checkApprovalRules(rules: ApprovalRuleSet, registry: Registry): ApprovalRuleSet {
  const where = `approval ${rules.year}`;
  if (!(rules.cap >= 0)) throw new Error(`${where}: cap must be ≥ 0`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(rules.evidenceDeadline)) throw new Error(`${where}: evidence deadline must be YYYY-MM-DD`);
  rules.items.forEach((item, i) => {
    if (item.no !== i + 1) throw new Error(`${where}: items must be numbered 1..n in order`);
    for (const dept of item.appliesTo) {
      const org = registry.resolve(dept);
      if (!org || org.approvalName === undefined) throw new Error(`${where}: item ${item.no} names unknown department ${dept}`);
    }
  });
  if (rules.items.filter((i) => i.status === "derived").length > 1) throw new Error(`${where}: at most one derived item`);
  for (const t of rules.derived.targets) {
    if (!(t.min >= 0 && t.min <= 100)) throw new Error(`${where}: target ${t.id} must be within 0—100%`);
  }
  return rules;
}
