// Generators, a printer and a reference evaluator for the TaskRouter expression property tests: random
// expression trees in varied styles, and the answer each must give, computed on the tree itself.
import fc from 'fast-check';
import { parseExpression } from '../../functions/domain/taskrouter-expression.js';

export type Scalar = string | number | boolean;
export type Op = '==' | '!=' | '>' | '>=' | '<' | '<=' | 'CONTAINS' | 'HAS' | 'IN' | 'NOT IN';
export const OPS: readonly Op[] = ['==', '!=', '>', '>=', '<', '<=', 'CONTAINS', 'HAS', 'IN', 'NOT IN'];

export type GenOperand =
  | { readonly t: 'scalar'; readonly v: Scalar }
  | { readonly t: 'array'; readonly items: readonly Scalar[] }
  | { readonly t: 'path'; readonly segments: readonly (string | number)[] };
export type GenExpr =
  | { readonly t: 'cmp'; readonly op: Op; readonly l: GenOperand; readonly r: GenOperand }
  | { readonly t: 'const'; readonly v: boolean }
  | { readonly t: 'and' | 'or'; readonly items: readonly GenExpr[] }
  | { readonly t: 'paren'; readonly e: GenExpr };

// Small pools so that generated literals and attribute values often coincide.
export const HEADS = [
  'skills',
  'level',
  'task',
  'worker',
  'workers',
  'x_1',
  'Lang',
  '_z',
  'a',
  'order',
  'notes',
  'toString',
];
export const SEGMENTS = [
  ...HEADS,
  'in',
  'has',
  'true',
  'AND',
  'languages',
  'available',
  'constructor',
  'length',
];
// A few values recur often (so equality, membership and CONTAINS hit); odd strings and decimals are rarer.
export const COMMON: readonly Scalar[] = [
  'support',
  'port',
  'zh',
  'en',
  'a',
  '',
  0,
  1,
  2,
  -1,
  1.5,
  true,
  false,
];
export const ODD_WORDS = ['A', "it's", 'say "hi"', 'en-US', 'AND', '1', 'true', ' x ', 'not in'];

export const bothQuotes = (s: string) => s.includes("'") && s.includes('"');
export const scalarArb: fc.Arbitrary<Scalar> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...COMMON) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_WORDS) },
  { weight: 1, arbitrary: fc.string().filter((s) => !bothQuotes(s)) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme' }).filter((s) => !bothQuotes(s)) },
  { weight: 1, arbitrary: fc.integer({ min: -1000, max: 1000 }).map((n) => n / 8) },
  { weight: 1, arbitrary: fc.integer() },
);

export const pathArb: fc.Arbitrary<GenOperand> = fc
  .tuple(
    fc.constantFrom(...HEADS),
    fc.array(fc.oneof(fc.constantFrom(...SEGMENTS), fc.nat(2)), { maxLength: 2 }),
  )
  .map(([head, rest]) => ({ t: 'path', segments: [head, ...rest] }));
export const literalArb: fc.Arbitrary<GenOperand> = scalarArb.map((v) => ({ t: 'scalar', v }));
export const arrayArb: fc.Arbitrary<GenOperand> = fc
  .array(scalarArb, { maxLength: 4 })
  .map((items) => ({ t: 'array', items }));

/** Any operand, weighted towards the kind the operator wants on that side so that matches are common. */
export function operandFor(want: 'array' | 'scalar'): fc.Arbitrary<GenOperand> {
  return fc.oneof(
    { weight: 3, arbitrary: pathArb },
    { weight: want === 'scalar' ? 3 : 1, arbitrary: literalArb },
    { weight: want === 'array' ? 3 : 1, arbitrary: arrayArb },
  );
}

export const comparisonArb: fc.Arbitrary<GenExpr> = fc
  .constantFrom(...OPS)
  .chain((op) =>
    fc
      .tuple(
        operandFor(op === 'HAS' ? 'array' : 'scalar'),
        operandFor(op.endsWith('IN') ? 'array' : 'scalar'),
      )
      .map(([l, r]): GenExpr => ({ t: 'cmp', op, l, r })),
  );

export const { expr: exprArb } = fc.letrec<{ expr: GenExpr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    comparisonArb,
    fc.boolean().map((v): GenExpr => ({ t: 'const', v })),
    fc.array(tie('expr'), { minLength: 2, maxLength: 3 }).map((items): GenExpr => ({ t: 'and', items })),
    fc.array(tie('expr'), { minLength: 2, maxLength: 3 }).map((items): GenExpr => ({ t: 'or', items })),
    tie('expr').map((e): GenExpr => ({ t: 'paren', e })),
  ),
}));

export const { value: valueArb } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalarArb,
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...SEGMENTS), tie('value'), { maxKeys: 4 }),
  ),
}));
export const scopeArb = fc.dictionary(fc.constantFrom(...HEADS), valueArb, { maxKeys: HEADS.length });

export function operandsOf(e: GenExpr): GenOperand[] {
  switch (e.t) {
    case 'paren':
      return operandsOf(e.e);
    case 'and':
    case 'or':
      return e.items.flatMap(operandsOf);
    case 'const':
      return [];
    case 'cmp':
      return [e.l, e.r];
  }
}

/** Writes `value` at `segments`, replacing whatever is in the way with a fresh object or array. */
export function place(
  scope: Record<string, unknown>,
  segments: readonly (string | number)[],
  value: unknown,
): void {
  let container: Record<string | number, unknown> = scope;
  segments.forEach((segment, i) => {
    const next = segments[i + 1];
    if (next === undefined) {
      container[segment] = value;
      return;
    }
    let child = Object.hasOwn(container, segment) ? container[segment] : undefined;
    const fits =
      typeof next === 'number'
        ? Array.isArray(child)
        : typeof child === 'object' && child !== null && !Array.isArray(child);
    if (!fits) {
      child = typeof next === 'number' ? Array.from({ length: next + 1 }, () => null) : {};
      container[segment] = child;
    }
    container = child as Record<string | number, unknown>;
  });
}

/** Values for the tree's paths: mostly its own literals, so equality, membership and CONTAINS often hold. */
export function placedValueArb(tree: GenExpr): fc.Arbitrary<unknown> {
  const literals = operandsOf(tree).flatMap((o) =>
    o.t === 'scalar' ? [o.v] : o.t === 'array' ? o.items : [],
  );
  const common = fc.constantFrom(...COMMON);
  const likely =
    literals.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...literals) }, common) : common;
  return fc.oneof(
    { weight: 4, arbitrary: likely },
    { weight: 2, arbitrary: fc.array(likely, { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: valueArb },
  );
}

/** A tree with attributes in which most of its paths exist. */
export const withScope = (arb: fc.Arbitrary<GenExpr>): fc.Arbitrary<[GenExpr, Record<string, unknown>]> =>
  arb.chain((tree) => {
    const paths = operandsOf(tree).flatMap((o) => (o.t === 'path' ? [o.segments] : []));
    const values = fc.array(fc.option(placedValueArb(tree), { nil: undefined, freq: 4 }), {
      minLength: paths.length,
      maxLength: paths.length,
    });
    return fc.tuple(scopeArb, values).map(([base, placed]): [GenExpr, Record<string, unknown>] => {
      const scope = structuredClone(base);
      paths.forEach((segments, i) => {
        if (placed[i] !== undefined) place(scope, segments, placed[i]);
      });
      return [tree, scope];
    });
  });

// ---- Printing, in one of several styles the language allows.

export interface Style {
  readonly keywordCase: 'upper' | 'lower' | 'title';
  readonly gap: string;
  readonly tight: boolean;
  readonly quote: "'" | '"';
}
export const styleArb: fc.Arbitrary<Style> = fc.record({
  keywordCase: fc.constantFrom('upper', 'lower', 'title'),
  gap: fc.constantFrom(' ', '  ', '\t', '\n  '),
  tight: fc.boolean(),
  quote: fc.constantFrom("'", '"'),
});

export function keyword(word: string, style: Style): string {
  if (style.keywordCase === 'lower') return word.toLowerCase();
  if (style.keywordCase === 'upper') return word.toUpperCase();
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

export function printScalar(v: Scalar, style: Style): string {
  if (typeof v === 'boolean') return keyword(String(v), style);
  if (typeof v === 'number') return String(v);
  const quote = v.includes(style.quote) ? (style.quote === "'" ? '"' : "'") : style.quote;
  return `${quote}${v}${quote}`;
}

export function printOperand(o: GenOperand, style: Style): string {
  if (o.t === 'scalar') return printScalar(o.v, style);
  if (o.t === 'array') return `[${o.items.map((v) => printScalar(v, style)).join(style.tight ? ',' : ', ')}]`;
  return o.segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

export function print(e: GenExpr, style: Style): string {
  const g = style.gap;
  switch (e.t) {
    case 'const':
      return keyword(String(e.v), style);
    case 'paren':
      return style.tight ? `(${print(e.e, style)})` : `(${g}${print(e.e, style)}${g})`;
    case 'cmp': {
      const [l, r] = [printOperand(e.l, style), printOperand(e.r, style)];
      if (/^[=!<>]/.test(e.op)) return style.tight ? `${l}${e.op}${r}` : `${l}${g}${e.op}${g}${r}`;
      return `${l}${g}${e.op
        .split(' ')
        .map((w) => keyword(w, style))
        .join(g)}${g}${r}`;
    }
    case 'and':
    case 'or': {
      // Parenthesise where the grammar would otherwise regroup: OR under AND, or a same-kind child.
      const items = e.items.map((item) =>
        item.t === e.t || (e.t === 'and' && item.t === 'or') ? `(${print(item, style)})` : print(item, style),
      );
      return items.join(`${g}${keyword(e.t, style)}${g}`);
    }
  }
}

// ---- The reference evaluator: §4.6 restated directly on the generated tree.

export type RefValue =
  | { readonly type: 'null' }
  | { readonly type: 'scalar'; readonly v: Scalar }
  | { readonly type: 'list'; readonly v: readonly unknown[] }
  | { readonly type: 'other' };

export function refLookup(scope: unknown, segments: readonly (string | number)[]): unknown {
  let cur = scope;
  for (const seg of segments) {
    if (typeof seg === 'number') {
      cur = Array.isArray(cur) && seg < cur.length ? cur[seg] : undefined;
    } else {
      const isRecord = typeof cur === 'object' && cur !== null && !Array.isArray(cur);
      cur = isRecord && Object.hasOwn(cur as object, seg) ? (cur as Record<string, unknown>)[seg] : undefined;
    }
  }
  return cur;
}

export function refValue(o: GenOperand, scope: unknown): RefValue {
  if (o.t === 'scalar') return { type: 'scalar', v: o.v };
  if (o.t === 'array') return { type: 'list', v: o.items };
  const v = refLookup(scope, o.segments);
  if (v === undefined || v === null) return { type: 'null' };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { type: 'scalar', v };
  return Array.isArray(v) ? { type: 'list', v } : { type: 'other' };
}

export function refCompare(op: Op, a: RefValue, b: RefValue): boolean {
  if (a.type === 'null' || b.type === 'null') return op === '!=' || op === 'NOT IN';
  const sameScalars = a.type === 'scalar' && b.type === 'scalar' && typeof a.v === typeof b.v;
  const member = (list: RefValue, x: RefValue) =>
    list.type === 'list' &&
    x.type === 'scalar' &&
    list.v.some((item) => typeof item === typeof x.v && item === x.v);
  const ordered = (test: (x: number | string, y: number | string) => boolean) =>
    sameScalars && typeof a.v !== 'boolean' && test(a.v as number | string, (b as { v: number | string }).v);
  switch (op) {
    case '==':
      return sameScalars && a.v === (b as { v: Scalar }).v;
    case '!=':
      return sameScalars && a.v !== (b as { v: Scalar }).v;
    case '>':
      return ordered((x, y) => x > y);
    case '>=':
      return ordered((x, y) => x >= y);
    case '<':
      return ordered((x, y) => x < y);
    case '<=':
      return ordered((x, y) => x <= y);
    case 'CONTAINS':
      return sameScalars && typeof a.v === 'string' && a.v.indexOf(String((b as { v: Scalar }).v)) >= 0;
    case 'HAS':
      return member(a, b);
    case 'IN':
      return member(b, a);
    case 'NOT IN':
      return b.type === 'list' && a.type === 'scalar' && !member(b, a);
  }
}

export function refEvaluate(e: GenExpr, scope: unknown): boolean {
  switch (e.t) {
    case 'const':
      return e.v;
    case 'paren':
      return refEvaluate(e.e, scope);
    case 'and':
      return e.items.every((i) => refEvaluate(i, scope));
    case 'or':
      return e.items.some((i) => refEvaluate(i, scope));
    case 'cmp':
      return refCompare(e.op, refValue(e.l, scope), refValue(e.r, scope));
  }
}

// ---- The parsed tree the module should build for a generated one (parentheses leave no node).

export function expectedOperand(o: GenOperand): unknown {
  if (o.t === 'scalar') return { kind: 'literal', value: o.v };
  if (o.t === 'array') return { kind: 'array', items: o.items };
  return { kind: 'path', segments: o.segments };
}

export function expectedTree(e: GenExpr): unknown {
  switch (e.t) {
    case 'const':
      return { kind: 'constant', value: e.v };
    case 'paren':
      return expectedTree(e.e);
    case 'and':
    case 'or':
      return { kind: e.t, operands: e.items.map(expectedTree) };
    case 'cmp':
      return { kind: 'compare', operator: e.op, left: expectedOperand(e.l), right: expectedOperand(e.r) };
  }
}

export function expectedPaths(e: GenExpr, into = new Set<string>()): Set<string> {
  if (e.t === 'paren') expectedPaths(e.e, into);
  else if (e.t === 'and' || e.t === 'or') for (const i of e.items) expectedPaths(i, into);
  else if (e.t === 'cmp') {
    for (const o of [e.l, e.r]) if (o.t === 'path') into.add(printOperand(o, { tight: true } as Style));
  }
  return into;
}

export function mustParse(source: string) {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(`${JSON.stringify(source)}: ${parsed.error.message}`);
  return parsed.expression;
}
