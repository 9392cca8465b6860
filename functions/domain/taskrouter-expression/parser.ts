// Recursive-descent parser for TaskRouter expressions (docs/twilio-behaviour.md §4.6 grammar), plus the two smaller
// forms workflows use: a single value (`known_worker_sid`) and an `order_by` list.

import type {
  ComparisonOperator,
  ExpressionError,
  ExpressionNode,
  OperandNode,
  ParseResult,
  PathSegment,
  Scalar,
} from './ast.js';
import { describeToken, ExpressionSyntaxError, keywordOf, type Token, tokenize } from './lexer.js';

/** Deeper nesting than any real routing rule; the bound keeps recursion far from the stack limit. */
export const MAX_NESTING = 100;

const OPERATOR_LIST = '==, !=, >, >=, <, <=, CONTAINS, HAS, IN or NOT IN';

/** Runs `body` over the tokens of `source`, turning syntax failures into an `ExpressionError`. */
function withTokens<T>(
  source: string,
  body: (cursor: Cursor) => T,
): { ok: true; value: T } | { ok: false; error: ExpressionError } {
  try {
    return { ok: true, value: body(new Cursor(tokenize(source))) };
  } catch (e) {
    if (!(e instanceof ExpressionSyntaxError)) throw e;
    return { ok: false, error: { message: e.message, position: e.position, expression: source } };
  }
}

class Cursor {
  private index = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  peek(): Token {
    // The token list always ends with an 'end' token, and the cursor never moves past it.
    return this.tokens[this.index] ?? { kind: 'end', start: 0, raw: '' };
  }

  advance(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index++;
    return token;
  }

  isSymbol(raw: string): boolean {
    return this.peek().kind === 'symbol' && this.peek().raw === raw;
  }

  fail(expected: string, hint = ''): never {
    const token = this.peek();
    throw new ExpressionSyntaxError(
      token.start,
      `expected ${expected} at position ${token.start}, found ${describeToken(token)}${hint}`,
    );
  }
}

export function parseSource(source: string): ParseResult {
  const result = withTokens(source, (cursor) => {
    if (cursor.peek().kind === 'end') {
      throw new ExpressionSyntaxError(0, 'empty expression: expected a condition such as 1==1');
    }
    const root = parseOr(cursor, 0);
    if (cursor.isSymbol(')')) {
      const at = cursor.peek().start;
      throw new ExpressionSyntaxError(
        at,
        `unexpected ')' at position ${at}: there is no '(' for it to close`,
      );
    }
    if (cursor.peek().kind !== 'end') cursor.fail('AND, OR or end of expression');
    return root;
  });
  return result.ok ? { ok: true, expression: { source, root: result.value } } : result;
}

function parseOr(cursor: Cursor, depth: number): ExpressionNode {
  const operands = [parseAnd(cursor, depth)];
  while (keywordOf(cursor.peek()) === 'OR') {
    cursor.advance();
    operands.push(parseAnd(cursor, depth));
  }
  return operands.length === 1 && operands[0] ? operands[0] : { kind: 'or', operands };
}

function parseAnd(cursor: Cursor, depth: number): ExpressionNode {
  const operands = [parseUnary(cursor, depth)];
  while (keywordOf(cursor.peek()) === 'AND') {
    cursor.advance();
    operands.push(parseUnary(cursor, depth));
  }
  return operands.length === 1 && operands[0] ? operands[0] : { kind: 'and', operands };
}

function parseUnary(cursor: Cursor, depth: number): ExpressionNode {
  if (!cursor.isSymbol('(')) return parseComparison(cursor);
  const open = cursor.advance().start;
  if (depth >= MAX_NESTING) {
    throw new ExpressionSyntaxError(
      open,
      `parentheses nest deeper than ${MAX_NESTING} levels at position ${open}`,
    );
  }
  const inner = parseOr(cursor, depth + 1);
  if (!cursor.isSymbol(')')) cursor.fail("AND, OR or ')'", ` (the '(' at position ${open} is not closed)`);
  cursor.advance();
  return inner;
}

function parseComparison(cursor: Cursor): ExpressionNode {
  const first = cursor.peek();
  const left = parseOperand(cursor, "a value or '('");
  const operator = readOperator(cursor);
  if (operator === undefined) {
    if (left.kind === 'literal' && typeof left.value === 'boolean')
      return { kind: 'constant', value: left.value };
    // TaskRouter documents no truthiness test, so a bare key is refused rather than guessed at.
    const hint =
      left.kind === 'path' ? ` (a bare key is not a condition; compare it, e.g. ${first.raw} == true)` : '';
    const after = left.kind === 'array' ? 'the array' : describeToken(first);
    cursor.fail(`an operator (${OPERATOR_LIST}) after ${after}`, hint);
  }
  const right = parseOperand(cursor, `a value after '${operator}'`);
  return { kind: 'compare', operator, left, right };
}

function readOperator(cursor: Cursor): ComparisonOperator | undefined {
  const token = cursor.peek();
  if (token.kind === 'symbol' && ['==', '!=', '>', '>=', '<', '<='].includes(token.raw)) {
    cursor.advance();
    return token.raw as ComparisonOperator;
  }
  const keyword = keywordOf(token);
  if (keyword === 'CONTAINS' || keyword === 'HAS' || keyword === 'IN') {
    cursor.advance();
    return keyword;
  }
  if (keyword === 'NOT') {
    cursor.advance();
    if (keywordOf(cursor.peek()) !== 'IN')
      cursor.fail('IN after NOT', ' (TaskRouter has NOT IN but no NOT operator)');
    cursor.advance();
    return 'NOT IN';
  }
  return undefined;
}

function parseOperand(cursor: Cursor, expected: string): OperandNode {
  const token = cursor.peek();
  if (token.kind === 'string' || token.kind === 'number') {
    cursor.advance();
    return { kind: 'literal', value: token.value };
  }
  if (token.kind === 'symbol' && token.raw === '[') return { kind: 'array', items: parseArray(cursor) };
  if (token.kind === 'path') {
    const keyword = keywordOf(token);
    if (keyword === 'TRUE' || keyword === 'FALSE') {
      cursor.advance();
      return { kind: 'literal', value: keyword === 'TRUE' };
    }
    if (keyword === undefined) {
      cursor.advance();
      return { kind: 'path', segments: token.segments };
    }
    if (keyword === 'NOT') cursor.fail(expected, ' (TaskRouter has NOT IN but no NOT operator)');
  }
  return cursor.fail(expected);
}

function parseArray(cursor: Cursor): Scalar[] {
  const open = cursor.advance().start;
  const items: Scalar[] = [];
  if (cursor.isSymbol(']')) {
    cursor.advance();
    return items;
  }
  for (;;) {
    const token = cursor.peek();
    const keyword = keywordOf(token);
    if (token.kind === 'string' || token.kind === 'number') items.push(token.value);
    else if (keyword === 'TRUE' || keyword === 'FALSE') items.push(keyword === 'TRUE');
    else cursor.fail('a string, number or boolean', ` (in the array opened at position ${open})`);
    cursor.advance();
    if (cursor.isSymbol(']')) {
      cursor.advance();
      return items;
    }
    if (!cursor.isSymbol(',')) cursor.fail("',' or ']'", ` (in the array opened at position ${open})`);
    cursor.advance();
  }
}

/** A lone key path or string literal, as `known_worker_sid` takes. */
export function parseValueSource(
  source: string,
): { ok: true; value: OperandNode } | { ok: false; error: ExpressionError } {
  return withTokens(source, (cursor) => {
    const token = cursor.peek();
    if (token.kind === 'end') {
      throw new ExpressionSyntaxError(0, 'empty expression: expected a key such as task.requested_agent');
    }
    const isValue = token.kind === 'string' || (token.kind === 'path' && keywordOf(token) === undefined);
    if (!isValue) cursor.fail('a key such as task.requested_agent or a quoted string');
    cursor.advance();
    if (cursor.peek().kind !== 'end')
      cursor.fail('end of expression', ' (a single key or quoted string is expected here)');
    return token.kind === 'string'
      ? { kind: 'literal', value: token.value }
      : { kind: 'path', segments: (token as Extract<Token, { kind: 'path' }>).segments };
  });
}

export interface OrderKey {
  readonly segments: readonly PathSegment[];
  readonly direction: 'ASC' | 'DESC';
}

/** `worker.level DESC, worker.tenure ASC`; a key without a direction sorts ascending, as in SQL. */
export function parseOrderSource(
  source: string,
): { ok: true; value: OrderKey[] } | { ok: false; error: ExpressionError } {
  return withTokens(source, (cursor) => {
    if (cursor.peek().kind === 'end') {
      throw new ExpressionSyntaxError(0, 'empty order_by: expected a key such as worker.level DESC');
    }
    const keys: OrderKey[] = [];
    for (;;) {
      const token = cursor.peek();
      if (token.kind !== 'path' || keywordOf(token) !== undefined) cursor.fail('a key such as worker.level');
      const path = cursor.advance() as Extract<Token, { kind: 'path' }>;
      let direction: 'ASC' | 'DESC' = 'ASC';
      const word = cursor.peek().kind === 'path' ? cursor.peek().raw.toUpperCase() : '';
      if (word === 'ASC' || word === 'DESC') {
        direction = word;
        cursor.advance();
      }
      keys.push({ segments: path.segments, direction });
      if (cursor.peek().kind === 'end') return keys;
      if (!cursor.isSymbol(',')) cursor.fail("ASC, DESC, ',' or end of order_by");
      cursor.advance();
    }
  });
}
