// Evaluates a parsed TaskRouter expression against plain attribute objects (docs/twilio-behaviour.md §4.6 semantics):
// a missing key is NULL, mismatched types and misused operators give false, nothing throws.

import type { ComparisonOperator, ExpressionNode, OperandNode, PathSegment } from './ast.js';
import { pathText } from './ast.js';

/** Missing key, or an explicit JSON null. */
const NULL = Symbol('NULL');
type Value = typeof NULL | string | number | boolean | readonly unknown[] | object;

/**
 * Follows own properties only, so `constructor` or `length` never leak in from prototypes. Scopes are
 * normally parsed JSON; a getter or proxy that throws reads as a missing key rather than failing a match.
 */
export function resolvePath(scope: unknown, segments: readonly PathSegment[]): unknown {
  try {
    let current: unknown = scope;
    for (const segment of segments) {
      if (current === null || typeof current !== 'object') return undefined;
      if (typeof segment === 'number') {
        if (!Array.isArray(current) || segment >= current.length) return undefined;
        current = current[segment];
      } else {
        if (Array.isArray(current) || !Object.hasOwn(current, segment)) return undefined;
        current = (current as Record<string, unknown>)[segment];
      }
    }
    return current;
  } catch {
    return undefined;
  }
}

export function evaluateNode(node: ExpressionNode, scope: unknown): boolean {
  switch (node.kind) {
    case 'constant':
      return node.value;
    case 'and':
      return node.operands.every((operand) => evaluateNode(operand, scope));
    case 'or':
      return node.operands.some((operand) => evaluateNode(operand, scope));
    case 'compare':
      try {
        return compare(node.operator, operandValue(node.left, scope), operandValue(node.right, scope));
      } catch {
        // Only an exotic value in a hand-built scope (a revoked proxy, say) can throw here: no match.
        return false;
      }
  }
}

function operandValue(operand: OperandNode, scope: unknown): Value {
  switch (operand.kind) {
    case 'literal':
      return operand.value;
    case 'array':
      return operand.items;
    case 'path': {
      const value = resolvePath(scope, operand.segments);
      return value === undefined || value === null ? NULL : (value as Value);
    }
  }
}

const isScalar = (v: Value): v is string | number | boolean =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** Membership with TaskRouter's no-coercion rule: `1` is not in `['1']`. */
const includesScalar = (array: readonly unknown[], value: string | number | boolean): boolean =>
  array.some((item) => item === value);

function compare(operator: ComparisonOperator, left: Value, right: Value): boolean {
  // NOT IN reads as "not equal to any": like !=, it is true when a side is NULL (a worker without a
  // `blocked` list has nothing blocked).
  if (left === NULL || right === NULL) return operator === '!=' || operator === 'NOT IN';
  switch (operator) {
    case 'HAS':
      return Array.isArray(left) && isScalar(right) && includesScalar(left, right);
    case 'IN':
      return Array.isArray(right) && isScalar(left) && includesScalar(right, left);
    case 'NOT IN':
      return Array.isArray(right) && isScalar(left) && !includesScalar(right, left);
    case 'CONTAINS':
      return typeof left === 'string' && typeof right === 'string' && left.includes(right);
    default:
      break;
  }
  // Scalar operators: arrays, objects and mixed types are all false, != included (1 != '1' is false).
  if (!isScalar(left) || !isScalar(right) || typeof left !== typeof right) return false;
  if (operator === '==') return left === right;
  if (operator === '!=') return left !== right;
  // Booleans have no order; strings order by UTF-16 code units, as JavaScript and JSON tools do.
  if (typeof left === 'boolean') return false;
  switch (operator) {
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    case '<':
      return left < right;
    case '<=':
      return left <= right;
  }
}

export function collectPaths(node: ExpressionNode): string[] {
  const seen = new Set<string>();
  const visit = (n: ExpressionNode): void => {
    if (n.kind === 'and' || n.kind === 'or') n.operands.forEach(visit);
    else if (n.kind === 'compare') {
      for (const operand of [n.left, n.right])
        if (operand.kind === 'path') seen.add(pathText(operand.segments));
    }
  };
  visit(node);
  return [...seen];
}
