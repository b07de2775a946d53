/** Ranks where ties share a rank ("相同分数排名不分先后"): 1, 2, 2, 4. */

/** Rank of each score (higher is better); undefined scores get no rank and do not count. */
export function competitionRanks(scores: readonly (number | undefined)[]): (number | undefined)[] {
  const ranked = scores.filter((s): s is number => s !== undefined);
  return scores.map((s) => (s === undefined ? undefined : 1 + ranked.filter((x) => x > s).length));
}

/** Ranks within groups (县区 / 市直 / 其他): each score ranked against the scores of its own group only. */
export function groupRanks<G>(scores: readonly (number | undefined)[], groups: readonly (G | undefined)[]): (number | undefined)[] {
  const out: (number | undefined)[] = scores.map(() => undefined);
  for (const group of new Set(groups)) {
    if (group === undefined) continue;
    const idx = groups.flatMap((g, i) => (g === group ? [i] : []));
    const ranks = competitionRanks(idx.map((i) => scores[i]));
    idx.forEach((i, k) => (out[i] = ranks[k]));
  }
  return out;
}
