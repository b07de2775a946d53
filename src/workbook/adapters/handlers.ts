/**
 * Each adapter applies a write plan through one table of handlers, one per WriteOp kind: a kind added to
 * WriteOp without a handler in every adapter's table is a compile error naming it.
 */
import type { WriteOp } from "../port";

/** A handler for every kind of write operation, each given its own op type and the adapter's state `S`. */
export type WriteOpHandlers<S, R = void> = {
  readonly [K in WriteOp["kind"]]: (op: Extract<WriteOp, { readonly kind: K }>, state: S) => R;
};

/** Calls the table's handler for the op's kind. */
export function handleOp<S, R>(handlers: WriteOpHandlers<S, R>, op: WriteOp, state: S): R {
  // TypeScript cannot correlate op.kind with the handler's parameter type; the mapped type guarantees it.
  return (handlers[op.kind] as (op: WriteOp, state: S) => R)(op, state);
}
