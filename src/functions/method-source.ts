/*
 * The method the ASSESS.* functions score by (spec G): the workbook's own method sheets when the task pane runtime
 * has read them, the built-in method otherwise. This module holds no Office workbook code: the shared runtime's
 * task pane side (src/taskpane/method-runtime.ts) reads the sheets and feeds the result in here.
 *
 * Excel loads functions.js and taskpane.js as two bundles into one JavaScript context (the shared runtime), so the
 * holder lives on globalThis under a registered symbol: both bundles reach the same one.
 *
 * - In the shared runtime's page (a document with Office.js) the holder starts "loading": a function called
 *   before the method is read returns a Promise that settles once it is read; it never scores by the wrong method.
 * - Anywhere else (a functions-only runtime without Office.js or a page, e.g. a host that runs functions.js alone)
 *   nothing will ever read the workbook: the built-in method applies at once and every call stays synchronous.
 * - Once loaded, calls are synchronous again (WPS runs only synchronous functions).
 */
import { ruleSet, type RuleSet } from "../engine";
import { errorOf } from "./arguments";
import { HOST_MSG } from "./messages";

/** A problem of the workbook's method, as the method checker lists it (sheet, cell, Chinese message). */
export interface MethodProblemLike {
  readonly sheet: string;
  readonly cell?: string;
  readonly message: string;
  readonly severity?: string;
}

export type MethodState =
  | { readonly kind: "loading" }
  | { readonly kind: "loaded"; readonly rules: RuleSet; readonly label: string }
  /** The workbook's method failed a check (or could not be read): every function says so. */
  | { readonly kind: "refused"; readonly message: string };

/** How long a call waits for the method before it gives #N/A saying so (the read normally takes well under a second). */
export const METHOD_WAIT_MS = 60_000;

/** The built-in method's label (what a workbook without method sheets is scored by). */
export const builtInLabel = (rules: RuleSet) => HOST_MSG.builtInLabel(rules.year);

export class MethodSource {
  private state: MethodState;
  private waiting: (() => void)[] = [];

  constructor(initial: MethodState) {
    this.state = initial;
  }

  current(): MethodState {
    return this.state;
  }

  /** A (re)read has started: calls wait for its end. */
  loading(): void {
    this.state = { kind: "loading" };
  }

  loaded(rules: RuleSet, label: string): void {
    this.settle({ kind: "loaded", rules, label });
  }

  /** The built-in method (no workbook to read). */
  builtIn(rules: RuleSet = ruleSet()): void {
    this.loaded(rules, builtInLabel(rules));
  }

  /** The workbook's method failed its checks: the errors, as 校验 lists them. */
  refused(problems: readonly MethodProblemLike[]): void {
    const errors = problems.filter((p) => p.severity === undefined || p.severity === "error");
    const first = errors[0] ?? problems[0];
    const where = first ? `“${first.sheet}”${first.cell ? `${first.cell}` : ""}：${first.message}` : "";
    this.settle({ kind: "refused", message: HOST_MSG.methodRefused(Math.max(errors.length, 1), where) });
  }

  /** Excel refused the read of the method sheets (`detail`: its error). */
  unreadable(detail: string): void {
    this.settle({ kind: "refused", message: HOST_MSG.methodUnreadable(detail) });
  }

  /** The host lacks the Excel API the method runtime needs (ExcelApi `version`). */
  unsupported(version: string): void {
    this.settle({ kind: "refused", message: HOST_MSG.methodNoApi(version) });
  }

  /** Resolves when the state next leaves "loading" (at once when it is not loading). */
  settled(): Promise<void> {
    if (this.state.kind !== "loading") return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private settle(state: MethodState): void {
    this.state = state;
    for (const wake of this.waiting.splice(0)) wake();
  }
}

const KEY = Symbol.for("ankang-assess.method-source");

/** The shared runtime's page: a document with Office.js, whose task pane script reads the workbook's method. */
function inSharedRuntimePage(): boolean {
  const g = globalThis as { document?: unknown; Office?: unknown };
  return typeof g.document === "object" && g.document !== null && typeof g.Office === "object" && g.Office !== null;
}

/** The one holder of this JavaScript context (created by whichever bundle asks first). */
export function methodSource(): MethodSource {
  const g = globalThis as unknown as Record<symbol, MethodSource | undefined>;
  let source = g[KEY];
  if (!source) {
    const rules = ruleSet();
    source = new MethodSource(inSharedRuntimePage() ? { kind: "loading" } : { kind: "loaded", rules, label: builtInLabel(rules) });
    g[KEY] = source;
  }
  return source;
}

function waitFor(source: MethodSource, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    void source.settled().then(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Runs `compute` with the method's rules: synchronously once the method is known; while it is being read, as a
 * Promise that settles after the read (a re-read started meanwhile is waited for too); a refused method throws
 * #N/A with the method's problem.
 */
export function withMethod<T>(compute: (rules: RuleSet) => T | Promise<T>, waitMs = METHOD_WAIT_MS): T | Promise<T> {
  const source = methodSource();
  const state = source.current();
  if (state.kind === "loaded") return compute(state.rules);
  if (state.kind === "refused") throw errorOf("na", state.message);
  const started = Date.now();
  return waitFor(source, waitMs).then((settled) => {
    if (!settled) throw errorOf("na", HOST_MSG.methodNotLoaded(Math.round(waitMs / 1000)));
    return withMethod(compute, Math.max(0, waitMs - (Date.now() - started)));
  });
}
