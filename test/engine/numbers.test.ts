/** excel15 and roundDecimals: their integer shortcuts answer exactly as the decimal text round trip. */
import { excel15, roundDecimals } from "../../src/engine/numbers";

/** The plain reference: every number through its decimal text. */
const viaText15 = (x: number, digits = 15) => (!Number.isFinite(x) || x === 0 ? (x === 0 ? 0 : x) : Number(x.toPrecision(digits)));
const viaTextRound = (x: number, decimals: number) => {
  const scaled = Number(`${viaText15(x)}e${decimals}`);
  return Number(`${Math.sign(scaled) * Math.round(Math.abs(scaled))}e-${decimals}`);
};

describe("numbers", () => {
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const values = [0, -0, 1, -1, 5, 100, 0.5, -0.5, 0.15, 0.9899999999999999, 999999999999999, 1e15, 1e15 + 1, 123456789012345, 2 ** 53, -(2 ** 53), 1e21, 1e22, 1e300, NaN, Infinity, -Infinity];
  for (let i = 0; i < 20_000; i++) {
    const kind = i % 4;
    values.push(kind === 0 ? Math.floor(random() * 1e6) : kind === 1 ? Math.floor((random() - 0.5) * 10 ** Math.floor(random() * 22))
      : kind === 2 ? random() * 100 : (random() - 0.5) * 10 ** Math.floor(random() * 20));
  }

  it("excel15 equals the text round trip (integers, fractions, edges; 1 to 100 digits)", () => {
    const wrong = values.flatMap((x) => [1, 2, 15, 17, 22, 23, 100].filter((d) => !Object.is(excel15(x, d), viaText15(x, d))).map((d) => [x, d]));
    expect(wrong).toEqual([]);
  });

  it("roundDecimals equals the text round trip (integers, fractions, edges; 0 to 25 decimals)", () => {
    const wrong = values.flatMap((x) => [0, 1, 2, 4, 8, 15, 20, 22, 25].filter((d) => !Object.is(roundDecimals(x, d), viaTextRound(x, d))).map((d) => [x, d]));
    expect(wrong).toEqual([]);
  });
});
