/*
 * A tiny evaluator for exactly the formula forms of samples/excel-acceptance.xlsx, with Excel's meaning:
 *   _xldudf_ASSESS_ID(arg, …)   a custom function (arg: A1, A1:B2, a number or "text"; none at all)
 *   IF(c, a, b)  ISERROR(x)  ERROR.TYPE(x)  x=y  COUNTIF(range, "<>text")  "text"  A1
 * Anything else throws: a formula form the evaluator does not understand fails the test instead of passing it.
 */
import type { FormulaArg } from "./excel-host";

export type Value = number | string | boolean | null | { readonly error: string };

type Node =
  | { kind: "call"; name: string; args: Node[] }
  | { kind: "ref"; ref: string }
  | { kind: "range"; from: string; to: string }
  | { kind: "number"; value: number }
  | { kind: "text"; value: string }
  | { kind: "equals"; left: Node; right: Node };

const TOKEN = /\s*(?:("(?:[^"]|"")*")|(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_.]*)|([(),:=]))/y;

function tokenize(formula: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < formula.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(formula);
    if (!m) throw new Error(`formula not understood at ${start}: ${formula}`);
    tokens.push(m[0].trim());
  }
  return tokens;
}

const IS_REF = /^[A-Z]{1,3}\d+$/;

export function parse(formula: string): Node {
  const tokens = tokenize(formula);
  let i = 0;
  const peek = () => tokens[i];
  const next = () => tokens[i++];
  const expect = (t: string) => {
    if (next() !== t) throw new Error(`expected ${t} in ${formula}`);
  };
  function primary(): Node {
    const t = next();
    if (t === undefined) throw new Error(`unexpected end of ${formula}`);
    if (t.startsWith('"')) return { kind: "text", value: t.slice(1, -1).replace(/""/g, '"') };
    if (/^\d/.test(t)) return { kind: "number", value: Number(t) };
    if (IS_REF.test(t)) {
      if (peek() === ":") {
        next();
        const to = next();
        if (!IS_REF.test(to)) throw new Error(`bad range in ${formula}`);
        return { kind: "range", from: t, to };
      }
      return { kind: "ref", ref: t };
    }
    if (/^[A-Za-z_]/.test(t) && peek() === "(") {
      next();
      const args: Node[] = [];
      if (peek() !== ")") {
        for (;;) {
          args.push(expression());
          if (peek() === ",") next();
          else break;
        }
      }
      expect(")");
      return { kind: "call", name: t, args };
    }
    throw new Error(`token ${t} not understood in ${formula}`);
  }
  function expression(): Node {
    const left = primary();
    if (peek() === "=") {
      next();
      return { kind: "equals", left, right: primary() };
    }
    return left;
  }
  const node = expression();
  if (i !== tokens.length) throw new Error(`trailing tokens in ${formula}`);
  return node;
}

const ERROR_TYPE: Record<string, number> = { "#NULL!": 1, "#DIV/0!": 2, "#VALUE!": 3, "#REF!": 4, "#NAME?": 5, "#NUM!": 6, "#N/A": 7 };
const isError = (v: Value): v is { error: string } => typeof v === "object" && v !== null;
const UDF = /^_xldudf_ASSESS_([A-Z_]+)$/;

export interface Workbook {
  /** A cell's value: its formula evaluated, or what it holds (null = blank). */
  cell(ref: string): Promise<Value>;
  /** The cells of a range, row by row. */
  range(from: string, to: string): string[];
  /** Call ASSESS.ID as Excel would for these formula arguments. */
  udf(id: string, args: FormulaArg[]): Promise<Value>;
}

/** Excel's "=": numbers by value, text ignoring case, no conversion between kinds; a blank is 0 or "". */
function equals(a: Value, b: Value): boolean {
  const norm = (v: Value) => (v === null ? 0 : v);
  const [x, y] = [norm(a), norm(b)];
  if (typeof x === "string" && typeof y === "string") return x.toLowerCase() === y.toLowerCase();
  return typeof x === typeof y && x === y;
}

export async function evaluate(node: Node, book: Workbook): Promise<Value> {
  switch (node.kind) {
    case "number":
    case "text":
      return node.value;
    case "ref":
      return book.cell(node.ref);
    case "range":
      throw new Error("a range is only an argument");
    case "equals": {
      const [l, r] = [await evaluate(node.left, book), await evaluate(node.right, book)];
      if (isError(l)) return l;
      if (isError(r)) return r;
      return equals(l, r);
    }
    case "call":
      return call(node, book);
  }
}

async function call(node: Extract<Node, { kind: "call" }>, book: Workbook): Promise<Value> {
  const udf = UDF.exec(node.name);
  if (udf) {
    const args = node.args.map((a): FormulaArg => {
      if (a.kind === "ref") return { ref: a.ref };
      if (a.kind === "range") return { range: `${a.from}:${a.to}` };
      if (a.kind === "number" || a.kind === "text") return { constant: a.value };
      throw new Error(`argument form ${a.kind} not understood`);
    });
    return book.udf(udf[1], args);
  }
  const arity = (n: number) => {
    if (node.args.length !== n) throw new Error(`${node.name} takes ${n} arguments`);
  };
  switch (node.name.toUpperCase()) {
    case "IF": {
      arity(3);
      const c = await evaluate(node.args[0], book);
      if (isError(c)) return c;
      if (typeof c !== "boolean") throw new Error("IF condition must be a logical value here");
      return evaluate(node.args[c ? 1 : 2], book);
    }
    case "ISERROR":
      arity(1);
      return isError(await evaluate(node.args[0], book));
    case "ERROR.TYPE": {
      arity(1);
      const v = await evaluate(node.args[0], book);
      return isError(v) ? ERROR_TYPE[v.error] ?? 8 : { error: "#N/A" };
    }
    case "COUNTIF": {
      arity(2);
      const [range, criterion] = node.args;
      if (range.kind !== "range" || criterion.kind !== "text" || !criterion.value.startsWith("<>")) {
        throw new Error("COUNTIF form not understood");
      }
      const text = criterion.value.slice(2);
      let n = 0;
      for (const ref of book.range(range.from, range.to)) {
        const v = await book.cell(ref);
        if (!(typeof v === "string" && v.toLowerCase() === text.toLowerCase())) n++;
      }
      return n;
    }
    default:
      throw new Error(`function ${node.name} not understood`);
  }
}
