/**
 * Randomized assessment workbooks for the property tests: mostly valid data (so units get scored and
 * departments judged), in any column order, with or without a title row, plus a few noisy cells (text in
 * counts, typos, unknown names), a dropped header now and then, stale results from an earlier run, a
 * user's own sheet, and sometimes a missing contract sheet.
 */
import fc from "fast-check";
import { REGISTRY_2021, ruleSet, type Organization } from "../../src/engine";
import { LABEL, SHEET, sheetSpec, type SheetName } from "../../src/workbook/contract";
import type { CellValue } from "../../src/workbook/port";
import { approvalRows, type Row } from "./helpers";

export type Sheets = Record<string, CellValue[][]>;

const rules = ruleSet();
/** A few units of each type, so that the sheets overlap and ties happen. */
const POOL: readonly Organization[] = REGISTRY_2021.hotlineUnits().filter((_, i) => [0, 1, 8, 10, 13, 15, 19, 21, 36, 53, 59, 76].includes(i));
const caseItems = [...rules.hotline.cases, ...rules.hotline.bonus.cases].flatMap((c) => [c.label, ...c.synonyms.slice(0, 1)]);

const NOISE: readonly CellValue[] = [null, "abc", -3, 1.5, true, "市火星局", "完", "12", "2021年13月1日", "迟到", " ", 0];

/** Labels in any order, maybe with an extra column, rarely without one of them. */
function headerOrder(labels: readonly string[]): fc.Arbitrary<string[]> {
  return fc.record({
    order: fc.shuffledSubarray([...labels], { minLength: labels.length }),
    extraAt: fc.option(fc.nat(labels.length), { nil: undefined }),
    drop: fc.oneof({ weight: 12, arbitrary: fc.constant(-1) }, { weight: 1, arbitrary: fc.nat(labels.length - 1) }),
  }).map(({ order, extraAt, drop }) => {
    const kept = order.filter((l) => drop < 0 || l !== labels[drop]);
    if (extraAt !== undefined) kept.splice(Math.min(extraAt, kept.length), 0, "备注");
    return kept;
  });
}

function layout(labels: readonly string[], rows: readonly Row[]): fc.Arbitrary<CellValue[][]> {
  return fc.tuple(fc.boolean(), headerOrder(labels)).map(([title, order]) => [
    ...(title ? [["标题行"] as CellValue[]] : []),
    order.map((l) => (l === LABEL.name ? " 单位名称 " : l)),
    ...rows.map((r) => order.map((l) => (l === "备注" ? "备注文字" : r[l] ?? null))),
  ]);
}

const labelsOf = (name: SheetName) => sheetSpec(name).columns.filter((c) => !c.result).map((c) => c.label);
const spelling = (org: Organization) => fc.constantFrom(...org.names.slice(0, 3));

const hotlineRow = (org: Organization): fc.Arbitrary<Row> => fc.record({
  name: spelling(org),
  total: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20000 })),
  f: fc.tuple(...Array.from({ length: 6 }, () => fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000))),
  monthly: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: null }),
}).map(({ name, total, f, monthly }) => {
  const due = Math.floor(total * (0.9 + f[0] / 10));
  const valid = Math.floor(due * f[4]);
  return {
    [LABEL.name]: name, [LABEL.total]: total, [LABEL.due]: due, [LABEL.onTime]: Math.floor(due * (0.95 + f[1] / 20)),
    [LABEL.returned]: Math.floor(total * f[2] / 5), [LABEL.extensions]: Math.floor(total * f[3] / 5),
    [LABEL.validCallbacks]: valid, [LABEL.satisfied]: Math.floor(valid * (0.5 + f[5] / 2)), [LABEL.monthly]: monthly,
  };
});

const registerRow = (units: readonly Organization[], items: readonly string[]): fc.Arbitrary<Row> => fc.record({
  name: units.length > 0 ? fc.constantFrom(...units).chain(spelling) : fc.constant("汉滨区"),
  item: fc.constantFrom(...items),
  quantity: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
  date: fc.option(fc.integer({ min: 44197, max: 44561 }), { nil: null }),
}).map((r) => ({ [LABEL.name]: r.name, [LABEL.item]: r.item, [LABEL.quantity]: r.quantity, [LABEL.date]: r.date, [LABEL.note]: "说明" }));

export const workbookArb: fc.Arbitrary<Sheets> = fc.shuffledSubarray([...POOL], { minLength: 1, maxLength: 10 }).chain((units) =>
  fc.record({
    units: fc.tuple(...units.map((u) => fc.tuple(spelling(u), fc.constantFrom<CellValue>(u.type, u.type, u.type, "其他")))).chain((rows) =>
      layout(labelsOf(SHEET.units), rows.map(([n, t]) => ({ [LABEL.name]: n, [LABEL.type]: t })))),
    hotline: fc.tuple(...units.map(hotlineRow)).chain((rows) => layout(labelsOf(SHEET.hotline), rows.slice(0, Math.max(1, rows.length)))),
    deductions: fc.array(registerRow(units, caseItems), { maxLength: 8 }).chain((rows) => layout(labelsOf(SHEET.deductions), rows)),
    bonuses: fc.array(registerRow(units, caseItems.slice(-12)), { maxLength: 5 }).chain((rows) => layout(labelsOf(SHEET.bonuses), rows)),
    approval: fc.shuffledSubarray(approvalRows(), { minLength: 30 }).chain((rows) =>
      fc.tuple(fc.constant(rows), headerOrder([...labelsOf(SHEET.approval), LABEL.deduction]), fc.boolean())).map(([rows, order, title]) => [
      ...(title ? [["标题行"] as CellValue[]] : []),
      order,
      ...rows.map((r) => order.map((l) => (l === LABEL.deduction ? 7 : l === "备注" ? null : r[l] ?? null))),
    ]),
    noise: fc.array(fc.record({
      sheet: fc.constantFrom(SHEET.units, SHEET.hotline, SHEET.deductions, SHEET.bonuses, SHEET.approval),
      row: fc.integer({ min: 2, max: 40 }), col: fc.nat(18), value: fc.constantFrom(...NOISE),
    }), { maxLength: 3 }),
    params: fc.option(fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 12 }) }, { weight: 1, arbitrary: fc.constantFrom(0, 13, 2.5) }), { nil: undefined }),
    staleResult: fc.option(fc.array(fc.array(fc.constantFrom<CellValue>("旧", 1, null), { maxLength: 20 }), { maxLength: 90 }), { nil: undefined }),
    staleChecks: fc.option(fc.array(fc.array(fc.constantFrom<CellValue>("旧问题", null), { maxLength: 5 }), { maxLength: 30 }), { nil: undefined }),
    drop: fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.constantFrom<SheetName>(SHEET.units, SHEET.hotline, SHEET.deductions, SHEET.bonuses, SHEET.approval) }),
  })).map((w) => {
  const sheets: Sheets = {
    [SHEET.units]: w.units, [SHEET.hotline]: w.hotline, [SHEET.deductions]: w.deductions, [SHEET.bonuses]: w.bonuses,
    [SHEET.approval]: w.approval, 用户自己的表: [["不要动", 1], [null, "=这不是公式"]],
  };
  for (const n of w.noise) {
    const rows = sheets[n.sheet];
    if (n.row >= rows.length) continue;
    while (rows[n.row].length <= n.col) rows[n.row].push(null);
    rows[n.row][n.col] = n.value;
  }
  if (w.params !== undefined) sheets[SHEET.params] = [["参数", "值"], ["考核年度", 2021], ["考核月数", w.params]];
  if (w.staleResult) sheets[SHEET.result] = w.staleResult;
  if (w.staleChecks) sheets[SHEET.checks] = w.staleChecks;
  if (w.drop) delete sheets[w.drop];
  return sheets;
});
