/**
 * The orders kept for appeal drill-downs (late, returned, extended, 不满意), in columns. A million-row
 * ledger keeps about 150,000 of them: as objects with their own id strings they cost ~120 bytes each
 * and a good share of the import's time in garbage collection; here they cost ~40 bytes and no
 * allocation per order. Ids are copied into one buffer of UTF-16 code units, which also keeps them
 * from pinning the decoded chunk they were cut from.
 */
import type { Callback } from "./values";

/** The compact record kept for an order that may be listed in an appeal. Times in naive seconds. */
export interface StoredOrder {
  readonly row: number;
  readonly id: string;
  readonly dispatched: number;
  readonly deadline: number;
  readonly closed: number;
  /** undefined: the cell could not be read (the order is then neither returned nor due, spec F). */
  readonly returned: boolean | undefined;
  /** undefined: the cell could not be read. */
  readonly extended: boolean | undefined;
  readonly callback: Callback;
}

const RETURNED = 1;
const EXTENDED = 2;
const RETURNED_UNREAD = 4;
const EXTENDED_UNREAD = 8;
const CALLBACK_SHIFT = 4;

export class OrderStore {
  private count = 0;
  private unitOf = new Int32Array(256);
  private rows = new Float64Array(256);
  private times = new Float64Array(3 * 256);
  private flags = new Uint8Array(256);
  /** Where each id starts in `chars`; id i ends where id i + 1 starts. */
  private idStart = new Int32Array(257);
  private chars = new Uint16Array(4096);
  private charCount = 0;

  get length(): number {
    return this.count;
  }

  push(unit: number, row: number, id: string, dispatched: number, deadline: number, closed: number,
    returned: boolean | undefined, extended: boolean | undefined, callback: Callback): void {
    if (this.count === this.rows.length) this.growOrders();
    const i = this.count++;
    this.unitOf[i] = unit;
    this.rows[i] = row;
    this.times[3 * i] = dispatched;
    this.times[3 * i + 1] = deadline;
    this.times[3 * i + 2] = closed;
    this.flags[i] = (returned === undefined ? RETURNED_UNREAD : returned ? RETURNED : 0)
      | (extended === undefined ? EXTENDED_UNREAD : extended ? EXTENDED : 0) | (callback << CALLBACK_SHIFT);
    const n = id.length;
    if (this.charCount + n > this.chars.length) this.growChars(this.charCount + n);
    const chars = this.chars;
    let at = this.charCount;
    for (let k = 0; k < n; k++) chars[at++] = id.charCodeAt(k);
    this.charCount = at;
    this.idStart[i + 1] = at;
  }

  unit(i: number): number {
    return this.unitOf[i];
  }

  get(i: number): StoredOrder {
    const f = this.flags[i];
    return {
      row: this.rows[i],
      id: this.id(i),
      dispatched: this.times[3 * i],
      deadline: this.times[3 * i + 1],
      closed: this.times[3 * i + 2],
      returned: (f & RETURNED_UNREAD) !== 0 ? undefined : (f & RETURNED) !== 0,
      extended: (f & EXTENDED_UNREAD) !== 0 ? undefined : (f & EXTENDED) !== 0,
      callback: (f >> CALLBACK_SHIFT) as Callback,
    };
  }

  private id(i: number): string {
    const start = this.idStart[i];
    const end = this.idStart[i + 1];
    let text = "";
    // In slices, so a long id never exceeds the argument limit of fromCharCode.
    for (let p = start; p < end; p += 4096) text += String.fromCharCode(...this.chars.subarray(p, Math.min(end, p + 4096)));
    return text;
  }

  private growOrders(): void {
    const capacity = this.rows.length * 2;
    this.unitOf = grown(this.unitOf, new Int32Array(capacity));
    this.rows = grown(this.rows, new Float64Array(capacity));
    this.times = grown(this.times, new Float64Array(3 * capacity));
    this.flags = grown(this.flags, new Uint8Array(capacity));
    this.idStart = grown(this.idStart, new Int32Array(capacity + 1));
  }

  private growChars(needed: number): void {
    let capacity = this.chars.length * 2;
    while (capacity < needed) capacity *= 2;
    this.chars = grown(this.chars, new Uint16Array(capacity));
  }
}

function grown<T extends Int32Array | Float64Array | Uint8Array | Uint16Array>(old: T, bigger: T): T {
  bigger.set(old as never);
  return bigger;
}
