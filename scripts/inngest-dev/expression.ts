// A small subset of CEL, the expression language Inngest uses for trigger `if`s, `waitForEvent` matches,
// `cancelOn`, concurrency and idempotency keys: literals, dotted paths, ! - + == != < <= > >= && || and parentheses.
// Anything else (function calls, `in`, macros) is refused rather than guessed at.
import { UnsupportedError } from "./protocol";

type Token = { kind: "num" | "str" | "ident" | "punct"; text: string; value?: string | number };
type Node =
  | { t: "lit"; value: unknown }
  | { t: "path"; root: string; keys: string[] }
  | { t: "unary"; op: "!" | "-"; arg: Node }
  | { t: "binary"; op: string; left: Node; right: Node };

const PUNCT = ["||", "&&", "==", "!=", "<=", ">=", "<", ">", "!", "+", "-", "(", ")", ".", "[", "]"];
const KEYWORDS: Record<string, unknown> = { true: true, false: false, null: null };

const ESCAPES: Record<string, string> = { n: "\n", t: "\t" };
const unescapeString = (raw: string) => raw.replace(/\\(.)/g, (_, c: string) => ESCAPES[c] ?? c);

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const rest = src.slice(i);
    const space = rest.match(/^\s+/);
    const num = rest.match(/^\d+(?:\.\d+)?/);
    const ident = rest.match(/^[A-Za-z_][A-Za-z0-9_]*/);
    const punct = PUNCT.find((p) => rest.startsWith(p));
    const str = rest.match(/^"((?:[^"\\]|\\.)*)"/) ?? rest.match(/^'((?:[^'\\]|\\.)*)'/);
    let token: Token | undefined;
    if (num) token = { kind: "num", text: num[0], value: Number(num[0]) };
    else if (ident) token = { kind: "ident", text: ident[0] };
    else if (punct) token = { kind: "punct", text: punct };
    else if (str) token = { kind: "str", text: str[0], value: unescapeString(str[1] ?? "") };
    else if (!space) throw new UnsupportedError(`the expression ${JSON.stringify(src)} (at "${rest.slice(0, 10)}")`);
    if (token) tokens.push(token);
    i += (space?.[0] ?? token?.text ?? "").length;
  }
  return tokens;
}

function parse(src: string): Node {
  const tokens = tokenize(src);
  let pos = 0;
  const refuse = (why: string): never => {
    throw new UnsupportedError(`the expression ${JSON.stringify(src)} (${why})`);
  };
  const peek = () => tokens[pos];
  const eat = (text: string): boolean => {
    if (peek()?.kind !== "punct" || peek()?.text !== text) return false;
    pos++;
    return true;
  };
  const expect = (text: string) => eat(text) || refuse(`expected "${text}"`);
  const binary = (ops: string[], next: () => Node) => (): Node => {
    let left = next();
    for (let op = ops.find(eat); op; op = ops.find(eat)) left = { t: "binary", op, left, right: next() };
    return left;
  };
  const primary = (): Node => {
    const token = tokens[pos++];
    if (!token) return refuse("unexpected end");
    if (token.kind === "num" || token.kind === "str") return { t: "lit", value: token.value };
    if (token.kind === "punct" && token.text === "(") {
      const inner = or();
      expect(")");
      return inner;
    }
    if (token.kind !== "ident") return refuse(`unexpected "${token.text}"`);
    if (token.text in KEYWORDS) return { t: "lit", value: KEYWORDS[token.text] };
    const keys: string[] = [];
    for (;;) {
      if (eat(".")) {
        const key = tokens[pos++];
        if (key?.kind !== "ident") return refuse("expected a field name after '.'");
        keys.push(key.text);
      } else if (eat("[")) {
        const key = tokens[pos++];
        if (key?.kind !== "str" && key?.kind !== "num") return refuse("only literal indexes are supported");
        keys.push(String(key.value));
        expect("]");
      } else break;
    }
    if (peek()?.text === "(") return refuse("function calls are not supported");
    return { t: "path", root: token.text, keys };
  };
  const unary = (): Node => {
    if (eat("!")) return { t: "unary", op: "!", arg: unary() };
    if (eat("-")) return { t: "unary", op: "-", arg: unary() };
    return primary();
  };
  const add = binary(["+", "-"], unary);
  const compare = binary(["==", "!=", "<=", ">=", "<", ">"], add);
  const and = binary(["&&"], compare);
  const or = binary(["||"], and);
  const root = or();
  if (pos < tokens.length) refuse(`unexpected "${tokens[pos]?.text}"`);
  return root;
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a == null || b == null) return a == null && b == null;
  return typeof a === "object" && typeof b === "object" && JSON.stringify(a) === JSON.stringify(b);
}

function order(op: string, a: unknown, b: unknown): boolean {
  const comparable = (typeof a === "number" && typeof b === "number") || (typeof a === "string" && typeof b === "string");
  if (!comparable) return false;
  const [x, y] = [a as number | string, b as number | string];
  return op === "<" ? x < y : op === "<=" ? x <= y : op === ">" ? x > y : x >= y;
}

function evaluate(node: Node, vars: Record<string, unknown>, src: string): unknown {
  switch (node.t) {
    case "lit":
      return node.value;
    case "path": {
      if (!(node.root in vars)) throw new UnsupportedError(`the variable "${node.root}" in ${JSON.stringify(src)}`);
      let value: unknown = vars[node.root];
      for (const key of node.keys) value = value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
      return value ?? null;
    }
    case "unary": {
      const arg = evaluate(node.arg, vars, src);
      return node.op === "!" ? arg !== true : typeof arg === "number" ? -arg : null;
    }
    case "binary": {
      const left = evaluate(node.left, vars, src);
      if (node.op === "&&") return left === true && evaluate(node.right, vars, src) === true;
      if (node.op === "||") return left === true || evaluate(node.right, vars, src) === true;
      const right = evaluate(node.right, vars, src);
      if (node.op === "==") return equal(left, right);
      if (node.op === "!=") return !equal(left, right);
      if (node.op === "+" || node.op === "-") {
        if (typeof left === "number" && typeof right === "number") return node.op === "+" ? left + right : left - right;
        return node.op === "+" && typeof left === "string" && typeof right === "string" ? left + right : null;
      }
      return order(node.op, left, right);
    }
  }
}

export type Expression = (vars: Record<string, unknown>) => unknown;
const cache = new Map<string, Expression>();

/** Parses once (throwing UnsupportedError for anything outside the subset); the result evaluates against `vars`. */
export function compileExpression(src: string): Expression {
  let compiled = cache.get(src);
  if (!compiled) {
    const ast = parse(src);
    compiled = (vars) => evaluate(ast, vars, src);
    cache.set(src, compiled);
  }
  return compiled;
}

/** True only when the expression evaluates to exactly `true`, as CEL filters do. */
export function expressionMatches(src: string, vars: Record<string, unknown>): boolean {
  return compileExpression(src)(vars) === true;
}
