/**
 * 月度通报's ranks, 较上月 and 红榜/黑榜 (spec J) against a plain reference written here: sort the scores,
 * take every unit at or above the N-th best score (at or below the N-th worst for 黑榜, among the units not
 * on 红榜), units without orders on neither list.
 */
import { buildBulletin, pendingText, type MonthRow } from "../../src/documents/bulletin";
import { DEFAULT_SETTINGS, type DocSettings } from "../../src/documents/params";
import { prng } from "../../scripts/prng";

const row = (name: string, type: string, score: number | null, orders = 10): MonthRow => ({
  name, type, orders, due: orders, onTime: orders, returned: 0, extensions: 0, validCallbacks: orders, satisfied: orders, score,
});

const input = (rows: MonthRow[], settings: Partial<DocSettings> = {}, previous?: MonthRow[]) => ({
  year: 2021, month: 3, rows, ...(previous ? { previous } : {}), settings: { ...DEFAULT_SETTINGS, ...settings },
  problems: [], date: "2021年4月5日",
});

/** The reference: plain sorting, no shared code. */
function reference(rows: MonthRow[], red: number, black: number, scope: "分类" | "全部") {
  const ranked = rows.filter((r) => r.orders > 0 && r.score !== null);
  const types = [...new Set(ranked.map((r) => r.type))];
  const redList = new Map<string, string[]>();
  for (const t of types) {
    const scores = ranked.filter((r) => r.type === t).map((r) => r.score as number).sort((a, b) => b - a);
    const cut = scores[Math.min(red, scores.length) - 1];
    redList.set(t, ranked.filter((r) => r.type === t && (r.score as number) >= cut).map((r) => r.name).sort());
  }
  const onRed = new Set([...redList.values()].flat());
  const blackList = new Map<string, string[]>();
  const groups = scope === "全部" ? [["全部单位", ranked]] as const : types.map((t) => [t, ranked.filter((r) => r.type === t)] as const);
  for (const [g, members] of groups) {
    const pool = members.filter((r) => !onRed.has(r.name));
    const scores = pool.map((r) => r.score as number).sort((a, b) => a - b);
    if (black === 0) continue;
    if (scores.length === 0) {
      blackList.set(g, []);
      continue;
    }
    const cut = scores[Math.min(black, scores.length) - 1];
    blackList.set(g, pool.filter((r) => (r.score as number) <= cut).map((r) => r.name).sort());
  }
  return { red: redList, black: blackList };
}

const listed = (groups: readonly { group: string; rows: readonly { row: { name: string } }[] }[]) =>
  new Map(groups.map((g) => [g.group, g.rows.map((r) => r.row.name).sort()]));

describe("月度通报 ranks and lists", () => {
  test("ties share a rank and a tie at the cut-off puts every tied unit on the list", () => {
    const rows = [row("A", "县区", 100), row("B", "县区", 97), row("C", "县区", 97), row("D", "县区", 94), row("E", "县区", 90), row("F", "县区", 85)];
    const b = buildBulletin(input(rows, { red: 2, black: 1 }));
    expect(b.tables[0].rows.map((r) => [r.row.name, r.rank])).toEqual([["A", 1], ["B", 2], ["C", 2], ["D", 4], ["E", 5], ["F", 6]]);
    expect(listed(b.red)).toEqual(new Map([["县区", ["A", "B", "C"]]]));
    expect(listed(b.black)).toEqual(new Map([["县区", ["F"]]]));
  });

  test("units without orders are apart and on neither list; a category smaller than the list size", () => {
    const rows = [row("A", "县区", 100), row("B", "县区", 100, 0), row("M1", "市直", 90), row("M2", "市直", 80), row("O1", "其他", 70)];
    const b = buildBulletin(input(rows, { red: 5, black: 3 }));
    expect(b.noOrders).toEqual(["B"]);
    expect(b.tables.map((t) => t.type)).toEqual(["县区", "市直", "其他"]);
    // Every unit of a small category is on 红榜, so nothing is left for 黑榜.
    expect(listed(b.red)).toEqual(reference(rows, 5, 3, "分类").red);
    expect(listed(b.black)).toEqual(new Map([["县区", []], ["市直", []], ["其他", []]]));
  });

  test("黑榜人数 0 means no 黑榜; 黑榜范围 全部 takes the bottom over all units", () => {
    const rows = ["县区", "市直"].flatMap((t, k) => [100, 98, 96, 90, 80, 75, 60].map((s, i) => row(`${t}${i}`, t, s - k * 10)));
    expect(buildBulletin(input(rows, { black: 0 })).black).toEqual([]);
    const all = buildBulletin(input(rows, { red: 2, black: 2, blackScope: "全部" }));
    expect(listed(all.black)).toEqual(new Map([["全部单位", ["县区6", "市直6"]]]));
    expect(listed(all.black)).toEqual(reference(rows, 2, 2, "全部").black);
  });

  test("较上月: ↑N, ↓N, —, 新 (no orders last month), blank without a previous month", () => {
    const now = [row("A", "县区", 100), row("B", "县区", 95), row("C", "县区", 90), row("D", "县区", 85)];
    const before = [row("A", "县区", 80), row("B", "县区", 95), row("C", "县区", 90), row("D", "县区", 70, 0)];
    const b = buildBulletin(input(now, {}, before));
    expect(b.tables[0].rows.map((r) => [r.row.name, r.change])).toEqual([["A", "↑2"], ["B", "↓1"], ["C", "↓1"], ["D", "新"]]);
    expect(buildBulletin(input(now)).tables[0].rows.map((r) => r.change)).toEqual(["", "", "", ""]);
    expect(b.opening).toContain("与上月相比");
    expect(buildBulletin(input(now)).opening).not.toContain("上月");
  });

  test("random months agree with the reference (ties, empty units, scopes)", () => {
    const random = prng(15);
    for (let trial = 0; trial < 200; trial++) {
      const rows = Array.from({ length: 3 + Math.floor(random() * 25) }, (_, i) => row(
        `U${i}`, ["县区", "市直", "其他"][Math.floor(random() * 3)], 80 + Math.floor(random() * 5) * 5, random() < 0.15 ? 0 : 5,
      ));
      const red = 1 + Math.floor(random() * 6);
      const black = Math.floor(random() * 4);
      const scope = random() < 0.5 ? "分类" : "全部";
      const b = buildBulletin(input(rows, { red, black, blackScope: scope }));
      const ref = reference(rows, red, black, scope);
      expect(listed(b.red)).toEqual(ref.red);
      expect(listed(b.black)).toEqual(ref.black);
      const onBoth = b.red.flatMap((g) => g.rows.map((r) => r.row.name)).filter((n) => b.black.some((g) => g.rows.some((r) => r.row.name === n)));
      expect(onBoth).toEqual([]);
      for (const t of b.tables) {
        for (const r of t.rows) expect(r.rank).toBe(1 + t.rows.filter((o) => o.row.score > r.row.score).length);
      }
    }
  });

  test("open problems make a 草稿; the month's pending decisions are named by unit", () => {
    const rows = [{ ...row("A", "县区", 100), pending: 2 }, { ...row("B", "县区", 90), pending: 0 }, { ...row("C", "市直", 95), pending: 1 }];
    const b = buildBulletin({ ...input(rows), problems: [{ message: "x" }] });
    expect(b.title).toBe("安康市12345政务服务便民热线工单办理情况通报（2021年第3期）（草稿）");
    expect(b.draft).toBe(true);
    expect(b.pending).toEqual({ ofMonth: true, units: [{ name: "A", count: 2 }, { name: "C", count: 1 }] });
    expect(pendingText(b.pending)).toContain("本月尚有待定研判3件：A待定2件、C待定1件");
    expect(pendingText(buildBulletin(input([{ ...row("A", "县区", 100), pending: 0 }])).pending)).toBe("本月无待定研判。");
  });

  test("an older 月度考核 without 待定研判: the register's total, said not to be the month's", () => {
    const b = buildBulletin({ ...input([row("A", "县区", 100)]), allPending: 4 });
    expect(b.pending).toEqual({ ofMonth: false, all: 4 });
    const text = pendingText(b.pending);
    expect(text).toContain("尚有待定研判4件（各月合计，非本月件数）");
    expect(text).not.toContain("本月尚有待定研判");
    expect(pendingText(buildBulletin({ ...input([row("A", "县区", 100)]), allPending: 0 }).pending)).toBe("本月无待定研判。");
  });
});
