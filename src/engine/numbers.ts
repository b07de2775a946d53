/**
 * Numbers as Excel compares them: at 15 significant digits. 0.9899999999999999 (=1.13−0.14) is 0.99,
 * and 0.1+0.05 is 0.15, so floating point never moves a unit into another band.
 */
export function excel15(x: number, digits = 15): number {
  if (!Number.isFinite(x) || x === 0) return x === 0 ? 0 : x;
  // An integer of at most `digits` digits is its own rounding (the common case of counts and points).
  if (Number.isInteger(x) && Math.abs(x) < POW10[digits]) return x;
  return Number(x.toPrecision(digits));
}

const POW10 = Array.from({ length: 101 }, (_, i) => 10 ** i);

/** Round half away from zero to `decimals` places, on the decimal representation (no binary drift). */
export function roundDecimals(x: number, decimals: number): number {
  if (x === 0) return 0;
  // An integer whose scaled value is an exact integer comes back unchanged below: skip the text round trip.
  if (Number.isInteger(x) && Math.abs(x) < 1e15 && decimals >= 0 && decimals <= 22 && Math.abs(x) * POW10[decimals] < 2 ** 53) return x;
  const scaled = Number(`${excel15(x)}e${decimals}`);
  const rounded = Math.sign(scaled) * Math.round(Math.abs(scaled));
  return Number(`${rounded}e-${decimals}`);
}

/** A point value without float noise: 0.5, 10, 92.5. */
export function formatPoints(points: number): string {
  return String(excel15(points));
}
