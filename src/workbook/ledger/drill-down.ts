/**
 * 工单核查 (drill-down for appeals): for one unit and period, the orders behind each rate deduction —
 * 超期 (in 应办结数 but not 按期办结数), 退单, 申请延期, 回访不满意 — with their 工单编号, times and row in the
 * imported ledger. The summary block on top gives each section's count, the counts it comes from, the rate
 * and the deduction; the counts are the unit's counts for the period, i.e. what the import writes to
 * 热线数据, so they match the result table.
 */
import { rateDeduction, type RateRuleId, type RuleSet } from "../../engine";
import {
  COUNT_FIELDS, DRILL_DOWN_HEADERS, LEDGER_MESSAGES, drillDownRow, type DrillDown, type DrillDownOrder, type LedgerData, type Period,
} from "../../ledger";
import { FORMAT } from "../contract";
import type { CellValue, SheetSnapshot, WritePlan } from "../port";
import { percentFormat } from "../rate-format";
import { range } from "../styles";
import { DRILL_LABEL, LEDGER_SHEET } from "./contract";
import { LEDGER_WMSG } from "../messages";
import { ownedSheetOps } from "./owned-sheet";

export type DrillSection = "late" | "returned" | "extended" | "dissatisfied";

export interface DrillSectionSummary {
  readonly section: DrillSection;
  /** 超期（应办结未按期办结）, 退单, 申请延期, 回访不满意. */
  readonly label: string;
  readonly count: number;
  readonly basis: string;
  /** The rate as the result table shows it (办结率, 退单率, 延期率, 满意率); null without a denominator. */
  readonly rate: number | null;
  /** The rate rule's deduction (the band's points). */
  readonly deduction: number;
}

export interface DrillDownOutput {
  readonly plan: WritePlan;
  readonly drill: DrillDown;
  readonly sections: readonly DrillSectionSummary[];
  /** Orders listed (an order in two sections is listed twice). */
  readonly rows: number;
}

const SECTIONS: readonly { section: DrillSection; rule: RateRuleId }[] = [
  { section: "late", rule: "completion" },
  { section: "returned", rule: "returned" },
  { section: "extended", rule: "extension" },
  { section: "dissatisfied", rule: "satisfaction" },
];

/** Counts, basis, rate and deduction of each section (the counts are the drill-down's, i.e. 热线数据's). */
export function drillSections(drill: DrillDown, rules: RuleSet): DrillSectionSummary[] {
  const c = drill.counts;
  const input = {
    late: { numerator: c.按期办结数, denominator: c.应办结数, count: c.应办结数 - c.按期办结数, basis: LEDGER_WMSG.basis.late(c.应办结数, c.按期办结数) },
    returned: { numerator: c.退单数, denominator: c.工单总量, count: c.退单数, basis: LEDGER_WMSG.basis.returned(c.退单数, c.工单总量) },
    extended: { numerator: c.延期申请数, denominator: c.工单总量, count: c.延期申请数, basis: LEDGER_WMSG.basis.extended(c.延期申请数, c.工单总量) },
    dissatisfied: {
      numerator: c.满意数, denominator: c.有效回访数, count: c.有效回访数 - c.满意数, basis: LEDGER_WMSG.basis.dissatisfied(c.有效回访数, c.满意数),
    },
  };
  return SECTIONS.map(({ section, rule }) => {
    const x = input[section];
    const outcome = rateDeduction(rules.hotline, rule, { kind: "count", numerator: x.numerator, denominator: x.denominator });
    return {
      section, label: LEDGER_MESSAGES.drillDown[section], count: x.count, basis: `${LEDGER_WMSG.rateOf[section]}：${x.basis}`,
      rate: outcome.rate, deduction: outcome.points,
    };
  });
}

/**
 * The plan writing 工单核查 for `unitName` (any accepted spelling) and `period`. `previous` is the sheet's
 * current snapshot (its content is replaced); without it the sheet is deleted and added again.
 * Throws LedgerError (Chinese message) when the name is not a hotline unit.
 */
export function drillDownPlan(data: LedgerData, unitName: string, period: Period, rules: RuleSet, previous?: SheetSnapshot): DrillDownOutput {
  const drill = data.drillDown(unitName, period);
  const sections = drillSections(drill, rules);
  const lists: Record<DrillSection, readonly DrillDownOrder[]> = {
    late: drill.late, returned: drill.returned, extended: drill.extended, dissatisfied: drill.dissatisfied,
  };
  const listing: CellValue[][] = [];
  for (const s of sections) for (const order of lists[s.section]) listing.push([s.label, ...drillDownRow(order)]);
  // Every order of the period with 工单研判 decisions, whichever 结论 (spec I: 工单核查 shows each order's decisions).
  for (const order of drill.judged) listing.push([LEDGER_WMSG.judgedSection, ...drillDownRow(order)]);
  const rows = listing.length;
  if (rows === 0) listing.push([LEDGER_WMSG.drillNone]);
  const counts = COUNT_FIELDS.map((f) => `${f}${drill.counts[f]}`).join("，");
  const { ops, layout } = ownedSheetOps(previous, {
    sheet: LEDGER_SHEET.drillDown,
    title: LEDGER_WMSG.drillTitle(drill.unit.name, period),
    notes: [`${drill.unit.name}（${drill.unit.type}）${period.name}：${counts}`, LEDGER_WMSG.drillNote],
    tables: [
      {
        columns: [
          { label: DRILL_LABEL.section }, { label: DRILL_LABEL.count, center: true }, { label: DRILL_LABEL.basis },
          { label: DRILL_LABEL.rate, numberFormat: FORMAT.percent, center: true }, { label: DRILL_LABEL.deduction, center: true },
        ],
        rows: sections.map((s) => [s.label, s.count, s.basis, s.rate, s.deduction]),
      },
      {
        columns: [{ label: DRILL_LABEL.section }, ...DRILL_DOWN_HEADERS.map((label) => ({ label, center: label !== "工单编号" }))],
        rows: listing,
      },
    ],
    freezeColumns: 0,
  });
  sections.forEach((s, i) => {
    if (s.rate === null) return;
    const numberFormat = percentFormat(rules.hotline, SECTIONS[i].rule, s.rate);
    if (numberFormat !== FORMAT.percent) {
      ops.push({ kind: "format", range: range(LEDGER_SHEET.drillDown, layout.headerRows[0] + 1 + i, 3), format: { numberFormat } });
    }
  });
  const plan: WritePlan = previous ? ops : [{ kind: "deleteSheet", sheet: LEDGER_SHEET.drillDown }, ...ops];
  return { plan, drill, sections, rows };
}
