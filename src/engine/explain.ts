import type { BonusResult } from "./hotline";
import type { DepartmentResult } from "./approval";
import { MSG } from "./messages";
import { formatPoints } from "./numbers";
import type { CategoryResult, ExplanationLine } from "./types";

/** One line as a sentence: "办结率98.50%（98%—99%）扣10分", "反馈内容与实际不符1件扣10分", "群众锦旗1次加5分". */
export function lineText(line: ExplanationLine): string {
  const band = line.band ? `（${line.band}）` : "";
  if (line.points === 0) return line.note ? `${line.item}：${line.note}` : "";
  const verb = line.points < 0 ? "扣" : "加";
  return `${line.item}${line.input}${band}${verb}${formatPoints(Math.abs(line.points))}分`;
}

/** 扣分说明 of a hotline unit, built only from its result lines. */
export function hotlineExplanation(categories: readonly CategoryResult[], bonus: BonusResult): string {
  const parts: string[] = [];
  for (const c of categories) {
    for (const line of c.lines) {
      const text = lineText(line);
      if (text) parts.push(text);
    }
    if (c.capApplied) parts.push(`${c.name}合计${formatPoints(c.raw)}分，按上限扣${formatPoints(c.cap)}分`);
  }
  for (const line of bonus.lines) parts.push(lineText(line));
  if (bonus.capApplied) parts.push(`加分合计${formatPoints(bonus.raw)}分，按上限加${formatPoints(bonus.points)}分`);
  return parts.length > 0 ? parts.join("；") : "无扣分";
}

/** 扣分说明 of a department's veto, built only from its result lines. */
export function vetoExplanation(result: DepartmentResult): string {
  const parts = result.lines.filter((l) => l.points === 0 && l.note).map((l) => l.note as string);
  for (const l of result.lines.filter((x) => x.points !== 0)) parts.push(MSG.vetoApplied(formatPoints(-l.points)));
  return parts.length > 0 ? parts.join("；") : "全部适用事项已完成，不扣分";
}
