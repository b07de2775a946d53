/**
 * The set of 工单编号 seen so far, with the row that first held each, for duplicate detection over a
 * million rows. Platform ids are a short prefix and a run of digits (AK2021030001234), so an id is
 * stored as numbers, not as a string: the prefix becomes a small index, the trailing digits (at most
 * 14 of them) a number and their count (so 0012 and 12 stay different). The pairs live in one open-
 * addressing table of typed arrays: no string is retained (a kept substring would pin the whole
 * decoded chunk it was cut from), nothing is allocated per id, and the table takes at most 80 bytes
 * per id (40 after a growth) against about 100 for a Map<string, number> holding copied strings. Any text works: an id without
 * trailing digits is all prefix, so it still gets an exact key of its own.
 */

/** Trailing digits taken as the number (the rest of the id is its prefix). */
const MAX_DIGITS = 13;
/**
 * Prefixes numbered below this are folded into the key: (prefix · 10^13 + digits) · 16 + digit
 * count + 1 stays below 2^53, so keys are exact doubles. Ids with further prefixes go to a Map.
 */
const MAX_PREFIXES = 56;
const ROW_LIMIT = 2 ** 31;
const INITIAL_CAPACITY = 1 << 12;
const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000];
/**
 * The last LOCAL_BITS bits of an id's number pick its slot within an aligned run of 8 slots, the
 * hash picks the run: ids that follow each other (the usual order of an export) land next to each
 * other in memory, which halves the time on a million ids against a fully scattered table.
 */
const LOCAL_BITS = 3;
const LOCAL_MASK = (1 << LOCAL_BITS) - 1;

/** Row value of an id marked (`mark`) and not seen yet. */
const MARKED = -2;
/** firstRowOrAdd's answer for a marked id seen for the first time. */
export const FIRST_MARKED = -3;

export class OrderIdSet {
  // Open addressing, linear probing, at most half full; a slot is empty while its key is 0.
  private keys = new Float64Array(INITIAL_CAPACITY);
  private rows = new Int32Array(INITIAL_CAPACITY);
  private mask = INITIAL_CAPACITY - 1;
  private count = 0;
  private readonly prefixes = new Map<string, number>();
  private lastPrefix = "";
  private lastPrefixIndex = -1;
  /** Ids the table cannot take (prefixes beyond MAX_PREFIXES, or a row number beyond 2^31). */
  private overflow: Map<string, number> | undefined;

  get size(): number {
    return this.count + (this.overflow?.size ?? 0);
  }

  /**
   * Marks an id to be caught (工单研判 names it): when the ledger first holds it, firstRowOrAdd answers
   * FIRST_MARKED instead of -1, so that catching an order costs no second lookup per row. Each id once.
   */
  mark(id: string): void {
    this.firstRowOrAdd(id, 0, MARKED);
  }

  /**
   * Registers `id` at `row` and returns -1 (FIRST_MARKED for a marked id), or returns the row that first held
   * it (then nothing changes).
   */
  firstRowOrAdd(id: string, row: number, stored = row): number {
    // One pass from the end over the trailing digits, as two integers below 10^7 (so the hash
    // works on small integers): lo = the last 7 digits, hi = the 6 before them.
    const n = id.length;
    let k = n;
    let lo = 0;
    let hi = 0;
    while (k > 0) {
      const digit = id.charCodeAt(k - 1) - 48;
      if (digit < 0 || digit > 9) break;
      const place = n - k;
      if (place < 7) lo += digit * POW10[place];
      else if (place < MAX_DIGITS) hi += digit * POW10[place - 7];
      else break;
      k--;
    }
    let prefix: number;
    if (k === this.lastPrefix.length && this.lastPrefixIndex >= 0 && id.startsWith(this.lastPrefix)) prefix = this.lastPrefixIndex;
    else {
      const text = id.slice(0, k);
      let index = this.prefixes.get(text);
      if (index === undefined) {
        if (this.prefixes.size >= MAX_PREFIXES) return this.viaMap(id, row, stored);
        index = this.prefixes.size;
        this.prefixes.set(copy(text), index);
      }
      this.lastPrefix = copy(text);
      this.lastPrefixIndex = index;
      prefix = index;
    }
    const key = ((prefix * 1e6 + hi) * 1e7 + lo) * 16 + (n - k) + 1;
    const keys = this.keys;
    const mask = this.mask;
    let i = hash(hi, lo, n - k, prefix) & mask;
    for (;;) {
      const at = keys[i];
      if (at === 0) break;
      if (at === key) {
        const first = this.rows[i];
        if (first !== MARKED) return first;
        this.rows[i] = row;
        return FIRST_MARKED;
      }
      i = (i + 1) & mask;
    }
    // An id first seen when the table could not take it is in the map (and only there).
    if (this.overflow?.has(id)) return this.viaMap(id, row, stored);
    if (!(row >= 0 && row < ROW_LIMIT)) return this.viaMap(id, row, stored);
    keys[i] = key;
    this.rows[i] = stored;
    if (++this.count * 2 > mask) this.grow();
    return -1;
  }

  private viaMap(id: string, row: number, stored: number): number {
    this.overflow ??= new Map();
    const first = this.overflow.get(id);
    if (first === MARKED) {
      this.overflow.set(id, row);
      return FIRST_MARKED;
    }
    if (first !== undefined) return first;
    this.overflow.set(copy(id), stored);
    return -1;
  }

  private grow(): void {
    const { keys, rows } = this;
    const capacity = keys.length * 2;
    const mask = capacity - 1;
    this.keys = new Float64Array(capacity);
    this.rows = new Int32Array(capacity);
    for (let j = 0; j < keys.length; j++) {
      const key = keys[j];
      if (key === 0) continue;
      // Undo the key: digit count, then lo, hi and prefix.
      const number = Math.floor(key / 16);
      const digitCount = key - number * 16 - 1;
      const upper = Math.floor(number / 1e7);
      const lo = number - upper * 1e7;
      const prefix = Math.floor(upper / 1e6);
      let i = hash(upper - prefix * 1e6, lo, digitCount, prefix) & mask;
      while (this.keys[i] !== 0) i = (i + 1) & mask;
      this.keys[i] = key;
      this.rows[i] = rows[j];
    }
    this.mask = mask;
  }
}

/**
 * 32-bit hash of an id's parts (murmur3's finalizer); all arguments are small non-negative integers.
 * Its last LOCAL_BITS bits are those of the number itself (see LOCAL_BITS).
 */
function hash(hi: number, lo: number, digitCount: number, prefix: number): number {
  let h = (lo >>> LOCAL_BITS) ^ Math.imul(hi ^ (digitCount << 24) ^ Math.imul(prefix, 0x27d4eb2f), 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h & ~LOCAL_MASK) | (lo & LOCAL_MASK);
}

/** A flat copy, so a kept prefix does not pin the chunk it was cut from (see values.ts `detach`). */
function copy(s: string): string {
  return s.length < 13 ? s : (" " + s).slice(1);
}
