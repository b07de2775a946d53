/**
 * The method a workbook carries (spec G): 考核办法, 便民化考核办法, 参数 and 承办单位 (with 别名) → one RuleSet,
 * the type the engine already scores with. Pure: plain sheet snapshots in, a rule set or problems out. Without
 * method sheets the built-in method of 考核年度 (default 2021) applies and the result says so. A method with
 * an error scores nothing.
 */
import {
  RULE_SETS, callbackRule, currentYear, ruleSet, type ApprovalRuleSet, type HotlineRuleSet, type RuleSet,
} from "../../engine";
import { checkApprovalRules, checkHotlineRules } from "../../engine/rules/check";
import { SHEET } from "../contract";
import type { Finding } from "../findings";
import type { SheetSnapshot, WorkbookPort } from "../port";
import { MethodProblems, methodTable, numberOf, type MethodProblem } from "./cells";
import { parseApprovalMethod } from "./approval";
import { parseHotlineMethod } from "./hotline";
import { APPROVAL_METHOD_LABEL, HOTLINE_METHOD_LABEL, METHOD_SHEET } from "./labels";
import { MMSG } from "../messages";
import { paramsNeedingMethod, readMethodParams } from "./params";
import { readRegistry } from "./units";

export { METHOD_SHEET, METHOD_PARAM, HOTLINE_METHOD_LABEL, APPROVAL_METHOD_LABEL, SCORING } from "./labels";
export type { MethodProblem } from "./cells";

/** The sheets a method is read from (by name); missing sheets are absent. */
export type MethodSheets = ReadonlyMap<string, SheetSnapshot>;

/** Every sheet readMethod looks at. */
export const METHOD_READS: readonly string[] = [METHOD_SHEET.hotline, METHOD_SHEET.approval, SHEET.params, SHEET.units, SHEET.approval];

/** What 12345热线考核表 and the other result sheets name as their method. */
export const BUILT_IN_LABEL = MMSG.builtInLabel;

export type MethodRead =
  | { readonly ok: true; readonly source: "workbook" | "builtIn"; readonly label: string; readonly rules: RuleSet; readonly problems: readonly MethodProblem[] }
  | { readonly ok: false; readonly problems: readonly MethodProblem[] };

export function readMethod(sheets: MethodSheets, builtInYear: number = currentYear): MethodRead {
  const problems = new MethodProblems();
  const hotlineSheet = sheets.get(METHOD_SHEET.hotline);
  const approvalSheet = sheets.get(METHOD_SHEET.approval);
  if (!hotlineSheet && !approvalSheet) return builtInMethod(sheets, builtInYear, problems);
  if (!hotlineSheet || !approvalSheet) {
    const [missing, other] = hotlineSheet ? [METHOD_SHEET.approval, METHOD_SHEET.hotline] : [METHOD_SHEET.hotline, METHOD_SHEET.approval];
    problems.error(missing, undefined, MMSG.missingSheet(missing, other));
    return { ok: false, problems: problems.list };
  }
  const base = ruleSet(builtInYear);
  const params = readMethodParams(sheets.get(SHEET.params), base, problems);
  const registry = readRegistry(sheets.get(SHEET.units), sheets.get(SHEET.approval), base.registry, problems);
  const H = HOTLINE_METHOD_LABEL;
  const hTable = methodTable(hotlineSheet, H.category, Object.values(H), [H.category, H.cap, H.item, H.scoring, H.from, H.fromIncluded, H.to, H.toIncluded, H.points], problems);
  const A = APPROVAL_METHOD_LABEL;
  const aTable = methodTable(approvalSheet, A.item, Object.values(A), [A.item, A.appliesTo, A.evidence], problems);
  if (hTable && hTable.rows.length === 0) problems.error(hTable.sheet, undefined, MMSG.empty(hTable.sheet));
  if (aTable && aTable.rows.length === 0) problems.error(aTable.sheet, undefined, MMSG.empty(aTable.sheet));
  const hotline = hTable && parseHotlineMethod(hTable, params, base.hotline, problems);
  const approval = aTable && registry && parseApprovalMethod(aTable, registry, problems);
  if (problems.failed || !hotline || !approval || !registry) return { ok: false, problems: problems.list };

  const year = typeof params.year === "number" ? params.year : numberOf(params.year ?? null) ?? base.year;
  const label = params.name ?? MMSG.workbookLabel(params.year === undefined ? undefined : String(params.year).trim());
  const source = MMSG.source(METHOD_SHEET.hotline, METHOD_SHEET.approval);
  // The built-in titles with the method's year (the method is named on a line of its own in every result sheet).
  const retitle = (title: string) => title.replace(/^\d+年度/u, yearText);
  const yearText = params.year !== undefined ? `${String(params.year).trim().replace(/年度?$/u, "")}年度` : params.name ? "" : `${year}年度`;
  const hotlineRules: HotlineRuleSet = {
    ...base.hotline, year, title: retitle(base.hotline.title), source,
    totalPoints: params.total, months: params.months,
    comparison: { ...base.hotline.comparison, percentDecimals: params.percentDecimals },
    categories: hotline.categories, rates: hotline.rates, cases: hotline.cases,
    bonus: { cap: params.bonusCap, volume: hotline.volume, cases: hotline.bonusCases },
    callbacks: callbackRule(params.basicSatisfied, MMSG.callbacksClause(params.basicSatisfied)),
  };
  const approvalRules: ApprovalRuleSet = {
    ...base.approval, year, title: retitle(base.approval.title), source,
    cap: params.vetoCap, capClause: MMSG.capClause(params.vetoCap),
    items: approval.items, evidenceDeadline: params.evidenceDeadline,
    evidenceClause: MMSG.evidenceClause(params.evidenceDeadline),
    derived: {
      ...base.approval.derived,
      targets: base.approval.derived.targets.map((t) => ({ ...t, min: params.targets[t.id] ?? t.min })),
      clause: approval.derivedClause ?? base.approval.derived.clause,
    },
  };
  try {
    // The engine's load-time checks, as a last guard: the checks above say the same in Chinese, at the cell.
    return {
      ok: true, source: "workbook", label, problems: problems.list,
      rules: { year, hotline: checkHotlineRules(hotlineRules), approval: checkApprovalRules(approvalRules, registry), registry },
    };
  } catch (e) {
    problems.error(METHOD_SHEET.hotline, undefined, MMSG.ruleSet((e as Error).message));
    return { ok: false, problems: problems.list };
  }
}

/** No method sheets: 考核年度 must name a built-in method (blank: the default year). */
function builtInMethod(sheets: MethodSheets, year: number, problems: MethodProblems): MethodRead {
  // The other 参数 rows are read by compute-all itself (考核月数) when the method is built in.
  const params = readMethodParams(sheets.get(SHEET.params), ruleSet(year), new MethodProblems());
  const asked = params.year === undefined ? year : numberOf(params.year);
  if (asked === undefined || !RULE_SETS.has(asked)) {
    problems.error(SHEET.params, params.yearCell, MMSG.yearBuiltIn(params.year, [...RULE_SETS.keys()]));
    return { ok: false, problems: problems.list };
  }
  paramsNeedingMethod(sheets.get(SHEET.params), ruleSet(asked), problems);
  return { ok: true, source: "builtIn", label: BUILT_IN_LABEL(asked), rules: ruleSet(asked), problems: problems.list };
}

/** Whether the workbook carries a method of its own (either method sheet). */
export function hasMethodSheets(sheets: MethodSheets): boolean {
  return sheets.has(METHOD_SHEET.hotline) || sheets.has(METHOD_SHEET.approval);
}

/** The method's problems as 校验 rows. */
export function methodFindings(problems: readonly MethodProblem[]): Finding[] {
  return problems.map((p) => ({ severity: p.severity, code: "badMethod", sheet: p.sheet, message: p.message, ...(p.cell ? { cell: p.cell } : {}) }));
}

/**
 * The rule set a workbook is scored by: its own method (spec G), else the built-in one that `fallback` picks
 * (考核年度). Undefined with the problems when the workbook's method is refused.
 */
export async function workbookMethod(
  port: { read: WorkbookPort["read"] }, fallback: () => RuleSet,
): Promise<MethodRead> {
  const sheets = await port.read(METHOD_READS, { numberFormats: true });
  if (!hasMethodSheets(sheets)) {
    const rules = fallback();
    const warnings = new MethodProblems();
    paramsNeedingMethod(sheets.get(SHEET.params), rules, warnings);
    return { ok: true, source: "builtIn", label: BUILT_IN_LABEL(rules.year), rules, problems: warnings.list };
  }
  return readMethod(sheets);
}
