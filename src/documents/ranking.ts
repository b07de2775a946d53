/**
 * Ranks of the 月度通报 (spec J): by 月度得分, ties share a rank ("相同分数排名不分先后": 1, 1, 3), and the
 * red and black lists with every unit tied at the cut-off. Scores compare at Excel's 15 significant digits.
 */
import { excel15 } from "../engine";

export interface Scored {
  readonly name: string;
  readonly score: number;
}

/** Competition rank from the top: 1 + the number of strictly higher scores. */
export function ranksFromTop<T extends Scored>(items: readonly T[]): Map<T, number> {
  const scores = items.map((i) => excel15(i.score));
  return new Map(items.map((item, i) => [item, 1 + scores.filter((s) => s > scores[i]).length]));
}

/** Rank from the bottom: 1 + the number of strictly lower scores. */
function ranksFromBottom<T extends Scored>(items: readonly T[]): Map<T, number> {
  const scores = items.map((i) => excel15(i.score));
  return new Map(items.map((item, i) => [item, 1 + scores.filter((s) => s < scores[i]).length]));
}

/** The top `n` (every unit tied with the n-th included), best first; n = 0: none. */
export function topN<T extends Scored>(items: readonly T[], n: number): T[] {
  const ranks = ranksFromTop(items);
  return items.filter((i) => (ranks.get(i) as number) <= n).sort((a, b) => (ranks.get(a) as number) - (ranks.get(b) as number));
}

/** The bottom `n` (every unit tied with the n-th from the bottom included), best first; n = 0: none. */
export function bottomN<T extends Scored>(items: readonly T[], n: number): T[] {
  const ranks = ranksFromBottom(items);
  return items.filter((i) => (ranks.get(i) as number) <= n).sort((a, b) => (ranks.get(b) as number) - (ranks.get(a) as number));
}
