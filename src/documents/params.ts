/**
 * The 参数 rows of the documents (spec J): labels, defaults and the reading of their values. Pure: the values
 * come as plain cells (with their addresses); a bad value is a problem naming its cell, and the default is used.
 */
import { DOC_MSG, DOC_PARAM_MSG } from "./messages";

export const DOC_PARAM = {
  title: "通报标题",
  red: "红榜人数",
  black: "黑榜人数",
  blackScope: "黑榜范围",
  issuer: "发文单位",
  date: "通报日期",
  recipient: "主送机关",
} as const;

export type DocParamKey = keyof typeof DOC_PARAM;

export const BLACK_SCOPE = { byType: "分类", all: "全部" } as const;

export interface DocSettings {
  /** Title pattern with {年} and {月}. */
  readonly title: string;
  readonly red: number;
  /** 0: no 黑榜. */
  readonly black: number;
  readonly blackScope: "分类" | "全部";
  readonly issuer: string;
  /** [year, month, day] of the 落款; undefined: the day the document is written. */
  readonly date?: readonly [number, number, number];
  readonly recipient: string;
}

export const DEFAULT_SETTINGS: DocSettings = {
  title: DOC_MSG.bulletinTitleDefault, red: 5, black: 3, blackScope: "分类",
  issuer: DOC_MSG.issuerDefault, recipient: DOC_MSG.recipientDefault,
};

/** The rows 创建/补全模板 writes: label, default value as written, 说明. */
export function docParamRows(): { name: string; value: string | number | null; note: string }[] {
  const n = DOC_PARAM_MSG.notes;
  return [
    { name: DOC_PARAM.title, value: DEFAULT_SETTINGS.title, note: n.title },
    { name: DOC_PARAM.red, value: DEFAULT_SETTINGS.red, note: n.red },
    { name: DOC_PARAM.black, value: DEFAULT_SETTINGS.black, note: n.black },
    { name: DOC_PARAM.blackScope, value: DEFAULT_SETTINGS.blackScope, note: n.blackScope },
    { name: DOC_PARAM.issuer, value: DEFAULT_SETTINGS.issuer, note: n.issuer },
    { name: DOC_PARAM.date, value: null, note: n.date },
    { name: DOC_PARAM.recipient, value: DEFAULT_SETTINGS.recipient, note: n.recipient },
  ];
}

export type ParamValue = string | number | boolean | null;

export interface DocParamCell {
  readonly value: ParamValue;
  /** Where the value is, e.g. "B17" (for the problem). */
  readonly cell?: string;
}

export interface DocProblem {
  readonly sheet?: string;
  readonly cell?: string;
  readonly message: string;
  /** The sheet that lists the problem for the user to resolve (default 校验). */
  readonly listedIn?: string;
}

export const PROBLEMS_SHEET = "校验";

/** The sheets that list `problems`, each once, in order of first mention. */
export function listedIn(problems: readonly DocProblem[]): string[] {
  return [...new Set(problems.map((p) => p.listedIn ?? PROBLEMS_SHEET))];
}

const blank = (v: ParamValue) => v === null || (typeof v === "string" && v.trim() === "");

/** Excel's 1900 date serial → [y, m, d] (serial 60 is the phantom 1900-02-29, never a real date). */
export function serialDate(serial: number): [number, number, number] | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466 || Math.floor(serial) === 60) return undefined;
  const days = Math.floor(serial) - (serial > 60 ? 2 : 1);
  const d = new Date(Date.UTC(1900, 0, 1) + days * 86400000);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/** "2021-04-05", "2021/4/5", "2021.4.5", "2021年4月5日" → [y, m, d]; undefined when not a real date. */
export function textDate(text: string): [number, number, number] | undefined {
  const m = /^\s*(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?\s*$/u.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? [y, mo, d] : undefined;
}

function count(v: ParamValue, min: number): number | undefined {
  const n = typeof v === "number" ? v : typeof v === "string" && /^\s*\d+\s*$/u.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= min && n <= 99 ? n : undefined;
}

/** The settings from the 参数 values by label (absent or blank: the default), with a problem per bad value. */
export function readDocSettings(cells: Partial<Record<DocParamKey, DocParamCell>>, sheet: string): { settings: DocSettings; problems: DocProblem[] } {
  const problems: DocProblem[] = [];
  const settings: { -readonly [K in keyof DocSettings]: DocSettings[K] } = { ...DEFAULT_SETTINGS };
  const bad = (key: DocParamKey, message: string): undefined => {
    problems.push({ sheet, cell: cells[key]?.cell, message });
    return undefined;
  };
  const given = (key: DocParamKey) => {
    const c = cells[key];
    return c && !blank(c.value) ? c.value : undefined;
  };
  const text = (key: "title" | "issuer" | "recipient"): string | undefined => {
    const v = given(key);
    if (v === undefined) return undefined;
    if (typeof v !== "string") return bad(key, DOC_PARAM_MSG.badText(DOC_PARAM[key], v));
    return v.trim();
  };
  const title = text("title");
  const token = title?.match(/\{[^}]*\}/gu)?.find((t) => t !== "{年}" && t !== "{月}");
  if (title !== undefined && token !== undefined) bad("title", DOC_PARAM_MSG.badTitle(title, token));
  else if (title !== undefined) settings.title = title;
  for (const [key, min] of [["red", 1], ["black", 0]] as const) {
    const v = given(key);
    if (v === undefined) continue;
    const n = count(v, min);
    if (n === undefined) bad(key, DOC_PARAM_MSG.badCount(DOC_PARAM[key], v, min));
    else settings[key] = n;
  }
  const scope = given("blackScope");
  if (scope !== undefined) {
    const s = String(scope).trim();
    if (s === BLACK_SCOPE.byType || s === BLACK_SCOPE.all) settings.blackScope = s;
    else bad("blackScope", DOC_PARAM_MSG.badScope(scope));
  }
  const issuer = text("issuer");
  if (issuer !== undefined) settings.issuer = issuer;
  const recipient = text("recipient");
  if (recipient !== undefined) settings.recipient = recipient;
  const date = given("date");
  if (date !== undefined) {
    const d = typeof date === "number" ? serialDate(date) : typeof date === "string" ? textDate(date) : undefined;
    if (d === undefined) bad("date", DOC_PARAM_MSG.badDate(date));
    else settings.date = d;
  }
  return { settings, problems };
}

/** The 落款 date: the 参数 date, else `today`. */
export function signDate(settings: DocSettings, today: Date): string {
  const [y, m, d] = settings.date ?? [today.getFullYear(), today.getMonth() + 1, today.getDate()];
  return DOC_MSG.date(y, m, d);
}
