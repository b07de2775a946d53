/**
 * Scores every unit of 承办单位 with the engine (scoreUnit) and ranks them. A unit with an error is marked
 * 数据有误，未计分 and a unit without counts 缺少数据，未计分 (never a perfect score); either names its problem.
 */
import {
  hotlineExplanation, monthlyAverage, rateInputs, scoreUnit, type HotlineUnitInput, type HotlineUnitScore, type Organization, type RuleSet,
  type UnitType,
} from "../engine";
import { SHEET } from "./contract";
import { reasonOf, type Finding, type Findings } from "./findings";
import { countsByLabel, type HotlineRead } from "./inputs/hotline-data";
import type { RegisterRead } from "./inputs/registers";
import type { UnitEntry } from "./inputs/units";
import { WMSG } from "./messages";
import type { Parameters } from "./params";
import { competitionRanks, groupRanks } from "./ranking";

export interface UnitOutcome {
  /** Official name (附件1), or the name as written when it is unknown. */
  readonly name: string;
  readonly type?: UnitType;
  readonly org?: Organization;
  /** 0-based row in 承办单位 (undefined when the list came from the registry). */
  readonly row?: number;
  /** Undefined: not scored (bad data, see 校验). */
  readonly score?: HotlineUnitScore;
  readonly rank?: number;
  readonly typeRank?: number;
  /** 扣分说明: the engine's explanation lines, or the marker of bad data. */
  readonly explanation: string;
  /** Not scored because it has no counts (缺少数据，未计分) rather than bad data (数据有误，未计分). */
  readonly missingData?: true;
}

export interface HotlineInputs {
  readonly units: readonly UnitEntry[];
  readonly data: HotlineRead;
  readonly deductions: RegisterRead;
  readonly bonuses: RegisterRead;
  readonly params: Parameters;
  /** Units with an error anywhere in their data. */
  readonly errors: ReadonlySet<Organization>;
  /** Nothing can be scored (a sheet or parameter that every unit depends on is unreadable). */
  readonly blocked: boolean;
}

/**
 * Scores already computed for the same inputs under the same rules (scoreUnit is pure): a ledger's months
 * repeat many (a unit without orders in a month scores as every other such unit of its type).
 */
export type ScoreMemo = Map<string, { readonly score: HotlineUnitScore; readonly explanation: string }>;

function memoized(rules: RuleSet, unit: HotlineUnitInput, memo: ScoreMemo | undefined): { score: HotlineUnitScore; explanation: string } {
  const key = memo ? JSON.stringify(unit) : undefined;
  const known = key === undefined ? undefined : memo?.get(key);
  if (known) return known;
  const score = scoreUnit(rules.hotline, unit);
  const scored = { score, explanation: hotlineExplanation(score.categories, score.bonus) };
  if (key !== undefined) memo?.set(key, scored);
  return scored;
}

/** Every unit's outcome, ranked; `memo` (one per rule set) reuses scores of identical inputs. */
export function scoreUnits(rules: RuleSet, input: HotlineInputs, findings: Findings, memo?: ScoreMemo): UnitOutcome[] {
  const missing = new Map<Organization, UnitEntry>();
  let candidates = 0;
  const scored = input.units.map((entry): UnitOutcome => {
    const base = { name: entry.org?.name ?? entry.written, type: entry.type, org: entry.org, row: entry.row };
    const marked = { ...base, explanation: WMSG.markedError };
    const org = entry.org;
    if (!org || entry.type === undefined || input.blocked || input.errors.has(org)) return marked;
    candidates++;
    const counts = input.data.rows.get(org);
    if (!counts) {
      if (!input.data.present.has(org) || input.data.blank?.has(org)) missing.set(org, entry);
      return marked;
    }
    return { ...base, ...memoized(rules, {
      type: entry.type,
      rates: rateInputs(rules.hotline, countsByLabel(counts)),
      cases: input.deductions.counts.get(org) ?? {},
      bonusCases: input.bonuses.counts.get(org) ?? {},
      monthlyAverage: counts.monthlyAverage ?? monthlyAverage(counts.total, input.params.months),
    }, memo) };
  });
  const nothing = listMissing(input, missing, candidates, findings);
  const all = findings.sorted();
  const explained = scored.map((u, i): UnitOutcome =>
    (u.score ? u : {
      ...u, explanation: notScored(input.units[i], missing, all, nothing, input.data.blank),
      ...(input.units[i].org !== undefined && missing.has(input.units[i].org) ? { missingData: true as const } : {}),
    }));
  const totals = explained.map((u) => u.score?.total);
  const ranks = competitionRanks(totals);
  const typeRanks = groupRanks(totals, explained.map((u) => (u.score ? u.type : undefined)));
  return explained.map((u, i) => ({ ...u, rank: ranks[i], typeRank: typeRanks[i] }));
}

/** A 校验 error per unit without data; one for all when 热线数据 holds no count at all (a blank template). */
function listMissing(input: HotlineInputs, missing: ReadonlyMap<Organization, UnitEntry>, candidates: number, findings: Findings): boolean {
  if (missing.size > 1 && missing.size === candidates && input.data.rows.size === 0) {
    findings.add({ severity: "error", code: "missingData", sheet: SHEET.hotline, message: WMSG.nothingEntered(missing.size) });
    return true;
  }
  for (const [org, entry] of missing) {
    const blankAt = input.data.blank?.get(org);
    const where = blankAt !== undefined ? { sheet: SHEET.hotline, cell: blankAt }
      : entry.cell === undefined ? { sheet: SHEET.hotline } : { sheet: SHEET.units, cell: entry.cell };
    findings.add({
      severity: "error", code: "missingData", unit: org.name, ...where,
      message: `${org.name}：${blankAt !== undefined ? WMSG.countsBlank : WMSG.noHotlineRow}`,
    });
  }
  return false;
}

/** 扣分说明 of a unit that is not scored: which problem, where. */
function notScored(
  entry: UnitEntry, missing: ReadonlyMap<Organization, UnitEntry>, findings: readonly Finding[], nothing: boolean,
  blank: ReadonlyMap<Organization, string> | undefined,
): string {
  const org = entry.org;
  if (org !== undefined && missing.has(org)) {
    const why = nothing ? WMSG.missingWhy.nothing : blank?.has(org) ? WMSG.missingWhy.blank : WMSG.missingWhy.noRow;
    return `${WMSG.missingData}：${why}`;
  }
  const reason = org ? reasonOf(findings, org.name)
    : findings.find((f) => f.severity === "error" && f.sheet === SHEET.units && f.cell === entry.cell);
  if (!reason) return WMSG.markedError;
  const prefix = org ? `${org.name}：` : "";
  const text = reason.message.startsWith(prefix) ? reason.message.slice(prefix.length) : reason.message;
  return WMSG.markedBecause(WMSG.dataError, reason.sheet, reason.cell, text);
}
