/** What `npm run assess` prints: the ranking table, the 37 departments' veto results, then the problems. */
import { formatPoints, hotlineExplanation, vetoExplanation } from "../engine";
import type { ComputeResults, ComputeSummary, DepartmentOutcome, Finding, UnitOutcome } from "../workbook";
import { WMSG } from "../workbook/messages";
import { CLI_MSG } from "./messages";
import { padToWidth, textWidth, truncateToWidth } from "../text/width";
import { qualified } from "../workbook/address";

const EXPLANATION_WIDTH = 60;

/**
 * 扣分说明 without its quoted clauses, for a terminal line that shows only its start (the result file has it
 * whole). Built from the same result lines; a note the run added after them (e.g. open ledger problems) is kept.
 */
function brief(explanation: string, whole: string | undefined, plain: string | undefined): string {
  if (whole === undefined || plain === undefined || !explanation.startsWith(whole)) return explanation;
  return plain + explanation.slice(whole.length);
}

/** The units by rank (ties in 承办单位 order), the unscored ones last. */
export function unitsByRank(results: ComputeResults): UnitOutcome[] {
  return results.units.map((u, i) => ({ u, i }))
    .sort((a, b) => (a.u.rank ?? Infinity) - (b.u.rank ?? Infinity) || a.i - b.i)
    .map((x) => x.u);
}

/** A unit's row of the ranking: 排名, 单位名称, 类别, 总分 and 扣分说明 without its quoted clauses. */
export function rankingRow(u: UnitOutcome): [string, string, string, string, string] {
  return [
    u.rank === undefined ? "—" : String(u.rank),
    u.name,
    u.type ?? "—",
    u.score ? formatPoints(u.score.total) : CLI_MSG.notScored,
    brief(u.explanation, u.score && hotlineExplanation(u.score.categories, u.score.bonus),
      u.score && hotlineExplanation(u.score.categories, u.score.bonus, { clauses: false })),
  ];
}

/** A department's 扣分 text and 扣分说明 without its quoted clauses. */
export function vetoRow(d: DepartmentOutcome): { deduction: string; explanation: string } {
  return {
    deduction: d.status === "judged" ? CLI_MSG.deductionText(d.deduction ?? 0) : CLI_MSG.notScored,
    explanation: brief(d.explanation, d.result && vetoExplanation(d.result), d.result && vetoExplanation(d.result, { clauses: false })),
  };
}

export function rankingLines(results: ComputeResults, summary: ComputeSummary): string[] {
  const rows = unitsByRank(results).map((u) => {
    const row = rankingRow(u);
    row[4] = truncateToWidth(row[4], EXPLANATION_WIDTH);
    return row;
  });
  const header = [...CLI_MSG.rankingColumns];
  const widths = header.map((h, c) => Math.max(textWidth(h), ...rows.map((r) => textWidth(r[c]))));
  const align = (c: number) => (c === 0 || c === 3 ? "right" : "left");
  const line = (r: readonly string[]) =>
    r.map((text, c) => (c === r.length - 1 ? text : padToWidth(text, widths[c], align(c)))).join("  ").trimEnd();
  return [CLI_MSG.rankingHeading(summary.units, summary.unitsScored), line(header), ...rows.map(line)];
}

export function vetoLines(results: ComputeResults, summary: ComputeSummary): string[] {
  const width = Math.max(...results.departments.map((d) => textWidth(d.name)), 0);
  return [
    CLI_MSG.vetoHeading(summary.departments, summary.departmentsVetoed),
    ...results.departments.map((d) => {
      const { deduction, explanation } = vetoRow(d);
      return CLI_MSG.vetoLine(padToWidth(d.name, width), padToWidth(deduction, 8), truncateToWidth(explanation, 80));
    }),
  ];
}

export function problemLines(problems: readonly Finding[], summary: ComputeSummary): string[] {
  if (problems.length === 0) return [CLI_MSG.noProblems];
  return [
    summary.errors + summary.warnings === 0 ? CLI_MSG.noProblems : CLI_MSG.problemsHeading(summary.errors, summary.warnings, summary.infos),
    ...problems.map((p) => CLI_MSG.problemLine(WMSG.level[p.severity], qualified(p.sheet, p.cell), p.message)),
  ];
}
