/** Scores every unit of 承办单位 with the engine (scoreUnit) and ranks them; a unit with an error is marked. */
import {
  hotlineExplanation, monthlyAverage, rateInputs, scoreUnit, type HotlineUnitScore, type Organization, type RuleSet, type UnitType,
} from "../engine";
import { SHEET } from "./contract";
import type { Findings } from "./findings";
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

export function scoreUnits(rules: RuleSet, input: HotlineInputs, findings: Findings): UnitOutcome[] {
  const scored = input.units.map((entry): UnitOutcome => {
    const base = { name: entry.org?.name ?? entry.written, type: entry.type, org: entry.org, row: entry.row };
    const marked = { ...base, explanation: WMSG.markedError };
    const org = entry.org;
    if (!org || entry.type === undefined || input.blocked || input.errors.has(org)) return marked;
    const counts = input.data.rows.get(org);
    if (!counts) {
      if (!input.data.present.has(org)) {
        findings.add({
          severity: "error", code: "noHotlineRow", unit: org.name, message: `${org.name}：${WMSG.noHotlineRow}`,
          ...(entry.cell === undefined ? { sheet: SHEET.hotline } : { sheet: SHEET.units, cell: entry.cell }),
        });
      }
      return marked;
    }
    const score = scoreUnit(rules.hotline, {
      type: entry.type,
      rates: rateInputs(rules.hotline, countsByLabel(counts)),
      cases: input.deductions.counts.get(org) ?? {},
      bonusCases: input.bonuses.counts.get(org) ?? {},
      monthlyAverage: counts.monthlyAverage ?? monthlyAverage(counts.total, input.params.months),
    });
    return { ...base, score, explanation: hotlineExplanation(score.categories, score.bonus) };
  });
  const totals = scored.map((u) => u.score?.total);
  const ranks = competitionRanks(totals);
  const typeRanks = groupRanks(totals, scored.map((u) => (u.score ? u.type : undefined)));
  return scored.map((u, i) => ({ ...u, rank: ranks[i], typeRank: typeRanks[i] }));
}
