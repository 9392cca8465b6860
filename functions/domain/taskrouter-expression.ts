// TaskRouter's expression language (docs/twilio-behaviour.md §4.6): parses and evaluates queue `target_workers`,
// workflow filter and target expressions, `skip_if`, `known_worker_*` values and `order_by` lists.
// Pure; used by the twin's TaskRouter engine and the flow validator.

import type { Compiled, ExpressionError, ParseResult } from './taskrouter-expression/ast.js';
import { pathText } from './taskrouter-expression/ast.js';
import { collectPaths, evaluateNode, resolvePath } from './taskrouter-expression/evaluate.js';
import { parseOrderSource, parseSource, parseValueSource } from './taskrouter-expression/parser.js';

export type { Compiled, ExpressionError, ParseResult } from './taskrouter-expression/ast.js';

/*
 * Semantics where docs/twilio-behaviour.md §4.6 is silent or loose (pinned in test/domain/taskrouter-expression*.test.ts):
 * - NULL (missing key or JSON null) is false with every operator except `!=` and `NOT IN`, which are true;
 *   NULL != NULL is true. NOT IN is the array form of != ("not equal to any"), not NOT(IN).
 * - Values of different types never compare: `1 == '1'` and `1 != '1'` are both false. Booleans have no
 *   order. Strings order by UTF-16 code units; CONTAINS and equality are case-sensitive.
 * - Scalar operators (==, !=, <, CONTAINS, ...) on an array or object are false; HAS needs an array on the
 *   left, IN / NOT IN an array on the right, with a scalar on the other side, else false ('x' IN 'xyz').
 * - Keywords (AND, OR, NOT IN, IN, HAS, CONTAINS, true, false) are case-insensitive; after a dot they are
 *   ordinary key names (`task.in`). Array literals hold only strings, numbers and booleans.
 * - A bare boolean literal is a condition; a bare key is a parse error (no truthiness is documented).
 * - Strings have no escapes and may contain hyphens; hyphens anywhere else are a parse error.
 * - Paths follow own properties only, so `constructor` or `skills.length` read as NULL.
 */

/** Never throws: malformed input comes back as `{ ok: false }` with a message and a 0-based position. */
export function parseExpression(source: string): ParseResult {
  return parseSource(source);
}

/**
 * true/false for the scope: plain objects; paths like `skills`, `task.language`, `worker.skills[0]`,
 * `workers.available`. Never throws.
 */
export function evaluateExpression(expr: Compiled, scope: Readonly<Record<string, unknown>>): boolean {
  return evaluateNode(expr.root, scope);
}

/**
 * For known_worker_sid / known_worker_friendly_name: resolves a bare path or a string literal to a value,
 * e.g. `task.requested_agent`. A missing key resolves to `null` (TaskRouter's NULL), not an error.
 * Also reads `order_by` keys, which are bare paths.
 */
export function resolveValueExpression(
  source: string,
  scope: Readonly<Record<string, unknown>>,
): { ok: true; value: unknown } | { ok: false; error: ExpressionError } {
  const parsed = parseValueSource(source);
  if (!parsed.ok) return parsed;
  const operand = parsed.value;
  if (operand.kind !== 'path') return { ok: true, value: operand.kind === 'literal' ? operand.value : null };
  return { ok: true, value: resolvePath(scope, operand.segments) ?? null };
}

/** order_by: `worker.level DESC, worker.tenure ASC` -> comparator inputs; no direction means ASC. */
export function parseOrderBy(
  source: string,
):
  | { ok: true; keys: ReadonlyArray<{ path: string; direction: 'ASC' | 'DESC' }> }
  | { ok: false; error: ExpressionError } {
  const parsed = parseOrderSource(source);
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    keys: parsed.value.map((key) => ({ path: pathText(key.segments), direction: key.direction })),
  };
}

/** Every path the expression reads, once each in order of appearance (e.g. ['task.language', 'worker.languages']). */
export function expressionPaths(expr: Compiled): readonly string[] {
  return collectPaths(expr.root);
}
