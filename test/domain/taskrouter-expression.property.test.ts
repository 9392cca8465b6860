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
import {
  comparisonArb,
  expectedPaths,
  expectedTree,
  exprArb,
  HEADS,
  mustParse,
  OPS,
  type Op,
  print,
  refEvaluate,
  scopeArb,
  styleArb,
  withScope,
} from './taskrouter-expression-arbitraries.js';

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
