// Property tests for the TaskRouter expression language (docs/twilio-behaviour.md §4.6): random expression trees are
// printed in varied styles, parsed, and evaluated against random attributes; the answers must match an
// independent reference evaluator written here on the generated tree.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  evaluateExpression,
  expressionPaths,
  parseExpression,
  parseOrderBy,
  resolveValueExpression,
} from '../../functions/domain/taskrouter-expression.js';

type Scalar = string | number | boolean;
type Op = '==' | '!=' | '>' | '>=' | '<' | '<=' | 'CONTAINS' | 'HAS' | 'IN' | 'NOT IN';
const OPS: readonly Op[] = ['==', '!=', '>', '>=', '<', '<=', 'CONTAINS', 'HAS', 'IN', 'NOT IN'];

type GenOperand =
  | { readonly t: 'scalar'; readonly v: Scalar }
  | { readonly t: 'array'; readonly items: readonly Scalar[] }
  | { readonly t: 'path'; readonly segments: readonly (string | number)[] };
type GenExpr =
  | { readonly t: 'cmp'; readonly op: Op; readonly l: GenOperand; readonly r: GenOperand }
  | { readonly t: 'const'; readonly v: boolean }
  | { readonly t: 'and' | 'or'; readonly items: readonly GenExpr[] }
  | { readonly t: 'paren'; readonly e: GenExpr };

// Small pools so that generated literals and attribute values often coincide.
const HEADS = [
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
const SEGMENTS = [...HEADS, 'in', 'has', 'true', 'AND', 'languages', 'available', 'constructor', 'length'];
// A few values recur often (so equality, membership and CONTAINS hit); odd strings and decimals are rarer.
const COMMON: readonly Scalar[] = ['support', 'port', 'zh', 'en', 'a', '', 0, 1, 2, -1, 1.5, true, false];
const ODD_WORDS = ['A', "it's", 'say "hi"', 'en-US', 'AND', '1', 'true', ' x ', 'not in'];

const bothQuotes = (s: string) => s.includes("'") && s.includes('"');
const scalarArb: fc.Arbitrary<Scalar> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...COMMON) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_WORDS) },
  { weight: 1, arbitrary: fc.string().filter((s) => !bothQuotes(s)) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme' }).filter((s) => !bothQuotes(s)) },
  { weight: 1, arbitrary: fc.integer({ min: -1000, max: 1000 }).map((n) => n / 8) },
  { weight: 1, arbitrary: fc.integer() },
);

const pathArb: fc.Arbitrary<GenOperand> = fc
  .tuple(
    fc.constantFrom(...HEADS),
    fc.array(fc.oneof(fc.constantFrom(...SEGMENTS), fc.nat(2)), { maxLength: 2 }),
  )
  .map(([head, rest]) => ({ t: 'path', segments: [head, ...rest] }));
const literalArb: fc.Arbitrary<GenOperand> = scalarArb.map((v) => ({ t: 'scalar', v }));
const arrayArb: fc.Arbitrary<GenOperand> = fc
  .array(scalarArb, { maxLength: 4 })
  .map((items) => ({ t: 'array', items }));

/** Any operand, weighted towards the kind the operator wants on that side so that matches are common. */
function operandFor(want: 'array' | 'scalar'): fc.Arbitrary<GenOperand> {
  return fc.oneof(
    { weight: 3, arbitrary: pathArb },
    { weight: want === 'scalar' ? 3 : 1, arbitrary: literalArb },
    { weight: want === 'array' ? 3 : 1, arbitrary: arrayArb },
  );
}

const comparisonArb: fc.Arbitrary<GenExpr> = fc
  .constantFrom(...OPS)
  .chain((op) =>
    fc
      .tuple(
        operandFor(op === 'HAS' ? 'array' : 'scalar'),
        operandFor(op.endsWith('IN') ? 'array' : 'scalar'),
      )
      .map(([l, r]): GenExpr => ({ t: 'cmp', op, l, r })),
  );

const { expr: exprArb } = fc.letrec<{ expr: GenExpr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    comparisonArb,
    fc.boolean().map((v): GenExpr => ({ t: 'const', v })),
    fc.array(tie('expr'), { minLength: 2, maxLength: 3 }).map((items): GenExpr => ({ t: 'and', items })),
    fc.array(tie('expr'), { minLength: 2, maxLength: 3 }).map((items): GenExpr => ({ t: 'or', items })),
    tie('expr').map((e): GenExpr => ({ t: 'paren', e })),
  ),
}));

const { value: valueArb } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalarArb,
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...SEGMENTS), tie('value'), { maxKeys: 4 }),
  ),
}));
const scopeArb = fc.dictionary(fc.constantFrom(...HEADS), valueArb, { maxKeys: HEADS.length });

function operandsOf(e: GenExpr): GenOperand[] {
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
function place(scope: Record<string, unknown>, segments: readonly (string | number)[], value: unknown): void {
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
function placedValueArb(tree: GenExpr): fc.Arbitrary<unknown> {
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
const withScope = (arb: fc.Arbitrary<GenExpr>): fc.Arbitrary<[GenExpr, Record<string, unknown>]> =>
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

interface Style {
  readonly keywordCase: 'upper' | 'lower' | 'title';
  readonly gap: string;
  readonly tight: boolean;
  readonly quote: "'" | '"';
}
const styleArb: fc.Arbitrary<Style> = fc.record({
  keywordCase: fc.constantFrom('upper', 'lower', 'title'),
  gap: fc.constantFrom(' ', '  ', '\t', '\n  '),
  tight: fc.boolean(),
  quote: fc.constantFrom("'", '"'),
});

function keyword(word: string, style: Style): string {
  if (style.keywordCase === 'lower') return word.toLowerCase();
  if (style.keywordCase === 'upper') return word.toUpperCase();
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

function printScalar(v: Scalar, style: Style): string {
  if (typeof v === 'boolean') return keyword(String(v), style);
  if (typeof v === 'number') return String(v);
  const quote = v.includes(style.quote) ? (style.quote === "'" ? '"' : "'") : style.quote;
  return `${quote}${v}${quote}`;
}

function printOperand(o: GenOperand, style: Style): string {
  if (o.t === 'scalar') return printScalar(o.v, style);
  if (o.t === 'array') return `[${o.items.map((v) => printScalar(v, style)).join(style.tight ? ',' : ', ')}]`;
  return o.segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function print(e: GenExpr, style: Style): string {
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

type RefValue =
  | { readonly type: 'null' }
  | { readonly type: 'scalar'; readonly v: Scalar }
  | { readonly type: 'list'; readonly v: readonly unknown[] }
  | { readonly type: 'other' };

function refLookup(scope: unknown, segments: readonly (string | number)[]): unknown {
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

function refValue(o: GenOperand, scope: unknown): RefValue {
  if (o.t === 'scalar') return { type: 'scalar', v: o.v };
  if (o.t === 'array') return { type: 'list', v: o.items };
  const v = refLookup(scope, o.segments);
  if (v === undefined || v === null) return { type: 'null' };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { type: 'scalar', v };
  return Array.isArray(v) ? { type: 'list', v } : { type: 'other' };
}

function refCompare(op: Op, a: RefValue, b: RefValue): boolean {
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

function refEvaluate(e: GenExpr, scope: unknown): boolean {
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

function expectedOperand(o: GenOperand): unknown {
  if (o.t === 'scalar') return { kind: 'literal', value: o.v };
  if (o.t === 'array') return { kind: 'array', items: o.items };
  return { kind: 'path', segments: o.segments };
}

function expectedTree(e: GenExpr): unknown {
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

function expectedPaths(e: GenExpr, into = new Set<string>()): Set<string> {
  if (e.t === 'paren') expectedPaths(e.e, into);
  else if (e.t === 'and' || e.t === 'or') for (const i of e.items) expectedPaths(i, into);
  else if (e.t === 'cmp') {
    for (const o of [e.l, e.r]) if (o.t === 'path') into.add(printOperand(o, { tight: true } as Style));
  }
  return into;
}

function mustParse(source: string) {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(`${JSON.stringify(source)}: ${parsed.error.message}`);
  return parsed.expression;
}

describe('TaskRouter expressions: properties (docs/twilio-behaviour.md §4.6)', () => {
  it('single comparisons agree with the reference evaluator, and every operator is sometimes true', () => {
    const trueCounts = new Map<Op, number>();
    fc.assert(
      fc.property(withScope(comparisonArb), styleArb, ([cmp, scope], style) => {
        const actual = evaluateExpression(mustParse(print(cmp, style)), scope);
        expect(actual).toBe(refEvaluate(cmp, scope));
        if (actual && cmp.t === 'cmp') trueCounts.set(cmp.op, (trueCounts.get(cmp.op) ?? 0) + 1);
      }),
      { numRuns: 5000 },
    );
    // Guards the generators: a comparison that is always false would make the agreement meaningless.
    for (const op of OPS) expect(trueCounts.get(op) ?? 0, op).toBeGreaterThanOrEqual(5);
  });

  it('nested AND/OR/parenthesised trees agree with the reference evaluator', () => {
    const outcomes = { true: 0, false: 0 };
    fc.assert(
      fc.property(withScope(exprArb), styleArb, ([tree, scope], style) => {
        const actual = evaluateExpression(mustParse(print(tree, style)), scope);
        expect(actual).toBe(refEvaluate(tree, scope));
        outcomes[String(actual) as 'true' | 'false']++;
      }),
      { numRuns: 2000 },
    );
    expect(outcomes.true).toBeGreaterThan(100);
    expect(outcomes.false).toBeGreaterThan(100);
  });

  it('printing then parsing round-trips the tree, and expressionPaths lists its paths', () => {
    fc.assert(
      fc.property(exprArb, styleArb, (tree, style) => {
        const parsed = mustParse(print(tree, style));
        expect(parsed.root).toEqual(expectedTree(tree));
        expect(expressionPaths(parsed)).toEqual([...expectedPaths(tree)]);
        // Every printing style of one tree parses to the same thing.
        const canonical = { keywordCase: 'upper', gap: ' ', tight: false, quote: "'" } as const;
        expect(mustParse(print(tree, canonical)).root).toEqual(parsed.root);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with the reference on arbitrary attribute values (dates, maps, sparse arrays, boxed values)', () => {
    const exotic = fc.anything({
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
    });
    fc.assert(
      fc.property(exprArb, fc.dictionary(fc.constantFrom(...HEADS), exotic), (tree, scope) => {
        const expr = mustParse(print(tree, { keywordCase: 'upper', gap: ' ', tight: false, quote: "'" }));
        expect(evaluateExpression(expr, scope)).toBe(refEvaluate(tree, scope));
      }),
      { numRuns: 1000 },
    );
  });

  // Strings drawn from expression-ish fragments reach deep into the parser; plain random strings test
  // the lexer's edges (lone surrogates, control characters).
  const fragment = fc.constantFrom(
    ...[
      'a',
      'b.c',
      '[',
      ']',
      '0',
      '1.5',
      '-',
      '-2',
      "'",
      '"',
      '(',
      ')',
      '=',
      '==',
      '!',
      '!=',
      '<',
      '>=',
      ' ',
    ],
    ...['AND', 'or', 'IN', 'not', 'HAS', 'contains', 'true', ',', '&&', '.', 'x-y', '\t', 'é'],
  );
  const sourceArb = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.array(fragment, { maxLength: 20 }).map((parts) => parts.join('')),
    fc.array(fragment, { maxLength: 20 }).map((parts) => parts.join(' ')),
  );

  it('never throws on arbitrary source, and errors carry a position inside the source', () => {
    fc.assert(
      fc.property(sourceArb, scopeArb, (source, scope) => {
        const parsed = parseExpression(source);
        if (parsed.ok) {
          expect(typeof evaluateExpression(parsed.expression, scope)).toBe('boolean');
          expressionPaths(parsed.expression);
        } else {
          expect(parsed.error.expression).toBe(source);
          expect(parsed.error.message.length).toBeGreaterThan(0);
          expect(parsed.error.position).toBeGreaterThanOrEqual(0);
          expect(parsed.error.position).toBeLessThanOrEqual(source.length);
        }
        for (const other of [parseOrderBy(source), resolveValueExpression(source, scope)]) {
          if (!other.ok) expect(other.error.position).toBeLessThanOrEqual(source.length);
        }
      }),
      { numRuns: 5000 },
    );
  });
});
