/** The method's 参数 rows (spec G): each optional, defaults from the built-in 2021 method. */
import { isBlank, type RuleSet } from "../../engine";
import { cellAddress } from "../address";
import { LABEL, SHEET } from "../contract";
import { IMPORT_PARAM, JUDGMENT_PARAM } from "../ledger/contract";
import type { CellValue, SheetSnapshot } from "../port";
import { cellOf, normalizeLabel } from "../tables";
import { MethodProblems, dateOf, numberOf, percentOf, yesNo } from "./cells";
import { METHOD_PARAM } from "./labels";
import { MMSG } from "../messages";
import { DOC_PARAM, readDocSettings, type DocParamCell, type DocParamKey } from "../../documents/params";

export interface MethodParams {
  /** 办法名称; undefined when blank. */
  readonly name?: string;
  /** 考核年度 as written (a label when the workbook carries a method); undefined when blank. */
  readonly year?: CellValue;
  readonly yearCell?: string;
  readonly months: number;
  readonly total: number;
  readonly vetoCap: number;
  readonly evidenceDeadline: string;
  readonly basicSatisfied: boolean;
  readonly percentDecimals: number | null;
  readonly bonusCap: number | null;
  /** The derived item's thresholds in percent, by target id (timeCut …). */
  readonly targets: Readonly<Record<string, number>>;
  /** The method rows filled in (not blank), with their value cells. */
  readonly given: readonly { readonly name: string; readonly cell: string }[];
}

const TARGET_PARAMS: Readonly<Record<string, string>> = {
  timeCut: METHOD_PARAM.timeCut, oneTrip: METHOD_PARAM.oneTrip, instant: METHOD_PARAM.instant,
  online: METHOD_PARAM.online, fullOnline: METHOD_PARAM.fullOnline,
};

/** 参数 rows that are not the method's but are known (the ledger import's, 工单研判's, the documents' of spec J). */
const OTHER_ROWS: readonly string[] = [...Object.values(IMPORT_PARAM), ...Object.values(JUDGMENT_PARAM), ...Object.values(DOC_PARAM)];

export function readMethodParams(snapshot: SheetSnapshot | undefined, builtIn: RuleSet, problems: MethodProblems): MethodParams {
  const { hotline, approval } = builtIn;
  const values = new Map<string, { value: CellValue; cell: string; format: string | null }>();
  const sheet = SHEET.params;
  if (snapshot) {
    const header = snapshot.values.findIndex((row, r) => r < 10 && row.some((v) => normalizeLabel(v) === LABEL.param));
    const nameCol = header < 0 ? -1 : snapshot.values[header].findIndex((v) => normalizeLabel(v) === LABEL.param);
    const valueCol = header < 0 ? -1 : snapshot.values[header].findIndex((v) => normalizeLabel(v) === LABEL.value);
    if (nameCol >= 0 && valueCol >= 0) {
      const known = new Set<string>([...Object.values(METHOD_PARAM), ...OTHER_ROWS].map((n) => normalizeLabel(n) as string));
      for (let r = header + 1; r < snapshot.values.length; r++) {
        const name = normalizeLabel(cellOf(snapshot, r, nameCol));
        if (!name) continue;
        if (!known.has(name)) problems.warning(sheet, cellAddress(r, nameCol), MMSG.unknownParam(name));
        else if (!values.has(name)) {
          values.set(name, { value: cellOf(snapshot, r, valueCol), cell: cellAddress(r, valueCol), format: snapshot.numberFormats?.[r]?.[valueCol] ?? null });
        }
      }
    }
  }
  /** The value of a row, or `fallback` when the row is missing or blank; `read` reports a bad value. */
  function param<T>(name: string, fallback: T, read: (v: CellValue, cell: string, format: string | null) => T | undefined): T {
    const p = values.get(name);
    if (!p || isBlank(p.value)) return fallback;
    return read(p.value, p.cell, p.format) ?? fallback;
  }
  const whole = (name: string, min: number, max: number) => (v: CellValue, cell: string) => {
    const n = numberOf(v);
    return n !== undefined && Number.isInteger(n) && n >= min && n <= max ? n : problems.error(sheet, cell, MMSG.notWhole(name, v, min, max));
  };
  const amount = (name: string, positive: boolean) => (v: CellValue, cell: string) => {
    const n = numberOf(v);
    if (n === undefined) return problems.error(sheet, cell, MMSG.notNumber(name, v));
    if (positive ? !(n > 0) : n < 0) return problems.error(sheet, cell, positive ? MMSG.notPositive(name, v) : MMSG.negative(name, v));
    return n;
  };
  // The documents' rows are not the method's: a bad value is a warning here (the documents list it again).
  const docCells = Object.fromEntries((Object.keys(DOC_PARAM) as DocParamKey[]).flatMap((k) => {
    const p = values.get(DOC_PARAM[k]);
    return p ? [[k, { value: p.value, cell: p.cell } satisfies DocParamCell]] : [];
  }));
  for (const p of readDocSettings(docCells, sheet).problems) problems.warning(sheet, p.cell, p.message);
  const name = values.get(METHOD_PARAM.name);
  const year = values.get(METHOD_PARAM.year);
  const given = [...values].filter(([n, p]) => !OTHER_ROWS.includes(n) && !isBlank(p.value)).map(([n, p]) => ({ name: n, cell: p.cell }));
  return {
    given,
    name: name && !isBlank(name.value) ? String(name.value).trim() : undefined,
    year: year && !isBlank(year.value) ? year.value : undefined,
    yearCell: year?.cell,
    months: param(METHOD_PARAM.months, hotline.months, whole(METHOD_PARAM.months, 1, 12)),
    total: param(METHOD_PARAM.total, hotline.totalPoints, amount(METHOD_PARAM.total, true)),
    vetoCap: param(METHOD_PARAM.vetoCap, approval.cap, amount(METHOD_PARAM.vetoCap, false)),
    evidenceDeadline: param(METHOD_PARAM.evidenceDeadline, approval.evidenceDeadline,
      (v, cell) => dateOf(v, METHOD_PARAM.evidenceDeadline, sheet, cell, problems)),
    basicSatisfied: param(METHOD_PARAM.basicSatisfied, hotline.callbacks.satisfied.includes("基本满意"),
      (v, cell) => yesNo(v, true, METHOD_PARAM.basicSatisfied, sheet, cell, problems)),
    percentDecimals: param<number | null>(METHOD_PARAM.percentDecimals, hotline.comparison.percentDecimals, whole(METHOD_PARAM.percentDecimals, 0, 10)),
    bonusCap: param<number | null>(METHOD_PARAM.bonusCap, hotline.bonus.cap, amount(METHOD_PARAM.bonusCap, false)),
    targets: Object.fromEntries(approval.derived.targets.map((t) => {
      const label = TARGET_PARAMS[t.id] ?? `${t.label}不低于`;
      return [t.id, param(label, t.min, (v, cell, format) => percentOf(v, format, label, sheet, cell, problems))];
    })),
  };
}

/**
 * 参数 rows that only a workbook's own method reads: filled in with a value other than the built-in one and
 * without method sheets, they would be ignored, so each is a warning at its cell. (办法名称 is only a label.)
 */
export function paramsNeedingMethod(snapshot: SheetSnapshot | undefined, builtIn: RuleSet, problems: MethodProblems): void {
  const found = new MethodProblems();
  const params = readMethodParams(snapshot, builtIn, found);
  // A bad value in such a row is not used either, but the office should still hear of it. 考核年度 and 考核月数
  // are read (and checked) by compute-all itself; unknown rows are its warning too.
  const ownRows = new Set(params.given.filter((p) => p.name === METHOD_PARAM.year || p.name === METHOD_PARAM.months).map((p) => p.cell));
  for (const p of found.list) {
    if (p.severity === "error" && (p.cell === undefined || !ownRows.has(p.cell))) problems.warning(p.sheet, p.cell, MMSG.notUsed(p.message));
  }
  const defaults = readMethodParams(undefined, builtIn, new MethodProblems());
  const read: Record<string, unknown> = {
    [METHOD_PARAM.total]: params.total, [METHOD_PARAM.vetoCap]: params.vetoCap,
    [METHOD_PARAM.evidenceDeadline]: params.evidenceDeadline, [METHOD_PARAM.basicSatisfied]: params.basicSatisfied,
    [METHOD_PARAM.percentDecimals]: params.percentDecimals, [METHOD_PARAM.bonusCap]: params.bonusCap,
    ...Object.fromEntries(Object.entries(TARGET_PARAMS).map(([id, label]) => [label, params.targets[id]])),
  };
  const builtInValue: Record<string, unknown> = {
    [METHOD_PARAM.total]: defaults.total, [METHOD_PARAM.vetoCap]: defaults.vetoCap,
    [METHOD_PARAM.evidenceDeadline]: defaults.evidenceDeadline, [METHOD_PARAM.basicSatisfied]: defaults.basicSatisfied,
    [METHOD_PARAM.percentDecimals]: defaults.percentDecimals, [METHOD_PARAM.bonusCap]: defaults.bonusCap,
    ...Object.fromEntries(Object.entries(TARGET_PARAMS).map(([id, label]) => [label, defaults.targets[id]])),
  };
  for (const p of params.given) {
    if (p.name in read && read[p.name] !== builtInValue[p.name]) problems.warning(SHEET.params, p.cell, MMSG.paramNeedsMethod(p.name));
  }
}
