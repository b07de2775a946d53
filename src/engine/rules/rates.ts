/**
 * The rates a method may band (比率分档, spec A and F). A method chooses bands and points; what a rate
 * divides is defined here once: the parser, the workbook's 热线数据 and the ledger all read it from here.
 */
export interface RateKind {
  readonly id: string;
  /** 项目 as the method writes it. */
  readonly item: string;
  /** Count labels (热线数据 headers). */
  readonly numerator: string;
  readonly denominator: string;
}

export const RATE_KINDS: readonly RateKind[] = [
  { id: "completion", item: "办结率", numerator: "按期办结数", denominator: "应办结数" },
  { id: "returned", item: "退单率", numerator: "退单数", denominator: "工单总量" },
  { id: "extension", item: "延期率", numerator: "延期申请数", denominator: "工单总量" },
  { id: "satisfaction", item: "满意率", numerator: "满意数", denominator: "有效回访数" },
];

export function rateKind(id: string): RateKind {
  const kind = RATE_KINDS.find((k) => k.id === id);
  if (!kind) throw new Error(`No rate kind ${id}`);
  return kind;
}
