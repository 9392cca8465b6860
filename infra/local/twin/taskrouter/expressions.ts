// Compiled TaskRouter expressions (docs/twilio-behaviour.md §4.6), cached by source text: the same target_workers or
// target expression is evaluated thousands of times while matching, so it is parsed once.
import {
  evaluateExpression,
  parseExpression,
  parseOrderBy,
  resolveValueExpression,
} from '../../../../functions/domain/taskrouter-expression.js';
import { TwilioRestError } from '../rest-common.js';

export interface CompiledExpression {
  readonly source: string;
  test(scope: Readonly<Record<string, unknown>>): boolean;
}

export interface OrderKey {
  readonly path: string;
  readonly direction: 'ASC' | 'DESC';
}

const cache = new Map<string, CompiledExpression>();

/** Parses (or takes from the cache) an expression; a malformed one is a 400 with Twilio's code 20001. */
export function compileExpression(source: string, what: string): CompiledExpression {
  const hit = cache.get(source);
  if (hit) return hit;
  const parsed = parseExpression(source);
  if (!parsed.ok) {
    // The parser's message already names the position.
    throw new TwilioRestError(400, 20001, `Invalid ${what} '${source}': ${parsed.error.message}`);
  }
  const expression = parsed.expression;
  const compiled: CompiledExpression = {
    source,
    test: (scope) => evaluateExpression(expression, scope),
  };
  // Bounded so that ad-hoc list filters cannot grow it forever.
  if (cache.size > 5000) cache.clear();
  cache.set(source, compiled);
  return compiled;
}

/** `worker.level DESC, worker.age ASC` -> keys; bad syntax is a 400. */
export function compileOrderBy(source: string): OrderKey[] {
  const parsed = parseOrderBy(source);
  if (!parsed.ok)
    throw new TwilioRestError(400, 20001, `Invalid order_by '${source}': ${parsed.error.message}`);
  return parsed.keys.map((k) => ({ path: k.path, direction: k.direction }));
}

/** known_worker_sid / known_worker_friendly_name: an expression that yields a value from the task. */
export function resolveValue(source: string, scope: Readonly<Record<string, unknown>>): unknown {
  const resolved = resolveValueExpression(source, scope);
  return resolved.ok ? resolved.value : undefined;
}

/** Reads a path (`worker.level`, `skills[0]`) for order_by keys, exactly as expressions read paths. */
export function readPath(scope: Readonly<Record<string, unknown>>, path: string): unknown {
  const resolved = resolveValueExpression(path, scope);
  return resolved.ok && resolved.value !== null ? resolved.value : undefined;
}

/** Orders two values for order_by: numbers numerically, others as strings; missing values last. */
export function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return 1;
  if (b === undefined || b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}
