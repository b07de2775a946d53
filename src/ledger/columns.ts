/** The columns of a 工单明细 export (spec F) and the header spellings accepted for each. */

export const LEDGER_COLUMNS = [
  "工单编号",
  "承办单位",
  "派单时间",
  "办理时限",
  "办结时间",
  "是否退单",
  "是否申请延期",
  "回访结果",
] as const;

export type LedgerColumn = (typeof LEDGER_COLUMNS)[number];

/**
 * Accepted spellings, in priority order: when a file holds two of them (e.g. 一级承办单位 and 承办单位),
 * the earlier one is used. 一级承办单位 comes first because the assessment is per first-level unit.
 */
export const HEADER_SYNONYMS: Readonly<Record<LedgerColumn, readonly string[]>> = {
  工单编号: ["工单编号", "工单号", "工单编码", "工单流水号", "受理编号", "编号"],
  承办单位: ["一级承办单位", "承办单位", "办理单位", "责任单位", "承办部门", "主办单位"],
  // 受理时间 last: the platform's intake time stands for 派单时间 only when no dispatch time exists.
  派单时间: ["派单时间", "派发时间", "转办时间", "派单日期", "交办时间", "受理时间"],
  办理时限: ["办理时限", "要求办结时间", "截止时间", "办结时限", "期限", "办理期限", "办理截止时间"],
  办结时间: ["办结时间", "实际办结时间", "办结日期", "完成时间", "办理完成时间"],
  是否退单: ["是否退单", "是否退回", "退单", "退单标识"],
  是否申请延期: ["是否申请延期", "是否延期", "延期状态", "延期申请", "申请延期"],
  回访结果: ["回访结果", "回访满意度", "满意度评价", "满意度", "回访评价"],
};

/** Header text as compared: NFKC (full-width → half-width), no whitespace at all. */
export function normalizeHeader(header: unknown): string {
  if (header === null || header === undefined) return "";
  return String(header).normalize("NFKC").replace(/\s+/gu, "");
}

const SYNONYM_INDEX: ReadonlyMap<string, { column: LedgerColumn; rank: number }> = (() => {
  const index = new Map<string, { column: LedgerColumn; rank: number }>();
  for (const column of LEDGER_COLUMNS) {
    HEADER_SYNONYMS[column].forEach((spelling, rank) => index.set(normalizeHeader(spelling), { column, rank }));
  }
  return index;
})();

export interface RecognizedHeader {
  readonly index: number;
  readonly header: string;
  readonly column: LedgerColumn;
  readonly via: "remembered" | "synonym";
}

export interface HeaderMapping {
  /** Column → 0-based index in the row, for every column found. */
  readonly columns: Readonly<Partial<Record<LedgerColumn, number>>>;
  /** The header row as written. */
  readonly headers: readonly string[];
  readonly recognized: readonly RecognizedHeader[];
  /** Non-blank headers that denote no column: candidates to offer when a column is missing. */
  readonly unrecognized: readonly { readonly index: number; readonly header: string }[];
  /** Headers that denote a column already taken by a better spelling; they are not read. */
  readonly shadowed: readonly { readonly index: number; readonly header: string; readonly column: LedgerColumn }[];
  /** Headers the user chose to ignore (remembered with a value that is not a column). */
  readonly ignored: readonly { readonly index: number; readonly header: string }[];
  /** Required columns not found: ask the user, store the answer, call mapHeaders again. */
  readonly missing: readonly LedgerColumn[];
  readonly complete: boolean;
}

/** The value to remember for a header the user says is not a ledger column. */
export const IGNORED_HEADER = "忽略";

const isColumn = (value: string): value is LedgerColumn => (LEDGER_COLUMNS as readonly string[]).includes(value);

/**
 * Maps a header row to the ledger columns. `remembered` (header as written → column label, or
 * IGNORED_HEADER) holds the user's earlier answers; it wins over the synonym table.
 */
export function mapHeaders(headerRow: readonly unknown[], remembered: Readonly<Record<string, string>> = {}): HeaderMapping {
  const rememberedByKey = new Map<string, string>();
  for (const [header, column] of Object.entries(remembered)) rememberedByKey.set(normalizeHeader(header), normalizeHeader(column));

  const headers = headerRow.map((h) => (h === null || h === undefined ? "" : String(h).trim()));
  // Best candidate per column: remembered beats synonyms, then synonym rank, then leftmost.
  const best = new Map<LedgerColumn, { index: number; score: number; via: RecognizedHeader["via"] }>();
  const candidates: { index: number; column: LedgerColumn; score: number; via: RecognizedHeader["via"] }[] = [];
  const unrecognized: { index: number; header: string }[] = [];
  const ignored: { index: number; header: string }[] = [];

  headers.forEach((header, index) => {
    const key = normalizeHeader(header);
    if (key === "") return;
    const choice = rememberedByKey.get(key);
    if (choice !== undefined) {
      if (isColumn(choice)) candidates.push({ index, column: choice, score: -1, via: "remembered" });
      else ignored.push({ index, header });
      return;
    }
    const hit = SYNONYM_INDEX.get(key);
    if (hit) candidates.push({ index, column: hit.column, score: hit.rank, via: "synonym" });
    else unrecognized.push({ index, header });
  });

  for (const c of candidates) {
    const current = best.get(c.column);
    if (!current || c.score < current.score) best.set(c.column, c);
  }

  const columns: Partial<Record<LedgerColumn, number>> = {};
  const recognized: RecognizedHeader[] = [];
  const shadowed: { index: number; header: string; column: LedgerColumn }[] = [];
  for (const c of candidates) {
    if (best.get(c.column) === c) {
      columns[c.column] = c.index;
      recognized.push({ index: c.index, header: headers[c.index], column: c.column, via: c.via });
    } else {
      shadowed.push({ index: c.index, header: headers[c.index], column: c.column });
    }
  }
  const missing = LEDGER_COLUMNS.filter((column) => columns[column] === undefined);
  return { columns, headers, recognized, unrecognized, shadowed, ignored, missing, complete: missing.length === 0 };
}
