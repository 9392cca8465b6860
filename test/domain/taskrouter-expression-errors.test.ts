// Malformed TaskRouter expressions (docs/twilio-behaviour.md §4.6): each gives a message naming what was expected and
// what was found, at a 0-based position, so a flow author can fix it without reading the parser.
import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../functions/domain/taskrouter-expression.js';

const OPS = '==, !=, >, >=, <, <=, CONTAINS, HAS, IN or NOT IN';

const cases: ReadonlyArray<readonly [source: string, position: number, message: string]> = [
  // Empty input.
  ['', 0, 'empty expression: expected a condition such as 1==1'],
  [' \t\n', 0, 'empty expression: expected a condition such as 1==1'],
  // Missing or trailing pieces.
  ['language ==', 11, "expected a value after '==' at position 11, found end of expression"],
  ["skills HAS 'a' AND", 18, "expected a value or '(' at position 18, found end of expression"],
  ['== 1', 0, "expected a value or '(' at position 0, found '=='"],
  ['a == 1 b == 2', 7, "expected AND, OR or end of expression at position 7, found key 'b'"],
  ['a == 1 == 2', 7, "expected AND, OR or end of expression at position 7, found '=='"],
  ["a == 'x' 'y'", 9, "expected AND, OR or end of expression at position 9, found string 'y'"],
  ['AND', 0, "expected a value or '(' at position 0, found keyword AND"],
  ['a == OR', 5, "expected a value after '==' at position 5, found keyword OR"],
  // A bare key is not a condition (the reference defines no truthiness).
  [
    'skills',
    6,
    `expected an operator (${OPS}) after key 'skills' at position 6, found end of expression` +
      ' (a bare key is not a condition; compare it, e.g. skills == true)',
  ],
  [
    'worker.vip AND 1 == 1',
    11,
    `expected an operator (${OPS}) after key 'worker.vip' at position 11, found keyword AND` +
      ' (a bare key is not a condition; compare it, e.g. worker.vip == true)',
  ],
  ["'x'", 3, `expected an operator (${OPS}) after string 'x' at position 3, found end of expression`],
  ['3', 1, `expected an operator (${OPS}) after number 3 at position 1, found end of expression`],
  ["['a']", 5, `expected an operator (${OPS}) after the array at position 5, found end of expression`],
  // Parentheses.
  [
    '(a == 1',
    7,
    "expected AND, OR or ')' at position 7, found end of expression (the '(' at position 0 is not closed)",
  ],
  [
    '((a == 1)',
    9,
    "expected AND, OR or ')' at position 9, found end of expression (the '(' at position 0 is not closed)",
  ],
  ['a == 1)', 6, "unexpected ')' at position 6: there is no '(' for it to close"],
  ['()', 1, "expected a value or '(' at position 1, found ')'"],
  ['(1) == 1', 2, `expected an operator (${OPS}) after number 1 at position 2, found ')'`],
  // Strings.
  [
    "name == 'abc",
    8,
    "unterminated string starting at position 8: expected a closing ' before end of expression",
  ],
  [
    'name == "abc\'',
    8,
    'unterminated string starting at position 8: expected a closing " before end of expression',
  ],
  // Operators from other languages.
  ['a = 1', 2, "unknown operator '=' at position 2: use '==' to compare"],
  ['a === 1', 2, "unknown operator '===' at position 2: use '==' to compare"],
  ['a !== 1', 2, "unknown operator '!==' at position 2: use '!=' to compare"],
  ['a <> 1', 2, "unknown operator '<>' at position 2: use '!=' to compare"],
  ['a == 1 && b == 2', 7, "unknown operator '&&' at position 7: TaskRouter uses AND"],
  ['a == 1 || b == 2', 7, "unknown operator '||' at position 7: TaskRouter uses OR"],
  [
    '!(a == 1)',
    0,
    "unknown operator '!' at position 0: TaskRouter uses AND/OR and has no negation; use != or NOT IN",
  ],
  ['a =< 1', 2, `unknown operator '=<' at position 2: expected ${OPS}`],
  [
    'NOT a == 1',
    0,
    "expected a value or '(' at position 0, found keyword NOT (TaskRouter has NOT IN but no NOT operator)",
  ],
  [
    "a NOT HAS 'x'",
    6,
    'expected IN after NOT at position 6, found keyword HAS (TaskRouter has NOT IN but no NOT operator)',
  ],
  ['a + 1 == 2', 2, 'unexpected character "+" at position 2'],
  // Hyphens (docs/twilio-behaviour.md §4.6: not supported).
  [
    'foo-bar == 1',
    3,
    "hyphens are not supported in TaskRouter expressions: found '-' in 'foo-bar' at position 3" +
      ' (quote the value as a string, or rename the attribute)',
  ],
  [
    "task.queue-name == 'x'",
    10,
    "hyphens are not supported in TaskRouter expressions: found '-' in 'task.queue-name' at position 10" +
      ' (quote the value as a string, or rename the attribute)',
  ],
  [
    'language == en-US',
    14,
    "hyphens are not supported in TaskRouter expressions: found '-' in 'en-US' at position 14" +
      ' (quote the value as a string, or rename the attribute)',
  ],
  [
    'a - 1 == 2',
    2,
    "unexpected '-' at position 2: TaskRouter expressions have no arithmetic and keys cannot contain hyphens",
  ],
  // Paths and numbers.
  ['a. == 1', 2, "expected a key name after '.' at position 2, found whitespace"],
  ['a.1 == 1', 2, "expected a key name after '.' at position 2, found '1'"],
  ['a[x] == 1', 2, "expected an array index (a whole number) after '[' at position 2, found 'x'"],
  ['a[-1] == 1', 2, "expected an array index (a whole number) after '[' at position 2, found '-'"],
  ['a[0 == 1', 3, "expected ']' at position 3 to close the index opened at position 1, found whitespace"],
  ['1e5 == 1', 0, "malformed number '1e5' at position 0: numbers look like 3, -2 or 1.5"],
  ['a == 1.', 5, "malformed number '1.' at position 5: numbers look like 3, -2 or 1.5"],
  ['a == .5', 5, 'unexpected character "." at position 5'],
  // Array literals.
  [
    "a IN ['x',]",
    10,
    "expected a string, number or boolean at position 10, found ']' (in the array opened at position 5)",
  ],
  [
    "a IN ['x' 'y']",
    10,
    "expected ',' or ']' at position 10, found string 'y' (in the array opened at position 5)",
  ],
  [
    "a IN ['x'",
    9,
    "expected ',' or ']' at position 9, found end of expression (in the array opened at position 5)",
  ],
  [
    'a IN [b]',
    6,
    "expected a string, number or boolean at position 6, found key 'b' (in the array opened at position 5)",
  ],
  // Characters outside the language.
  ['é == 1', 0, 'unexpected character "é" at position 0'],
  ['a == 1;', 6, 'unexpected character ";" at position 6'],
];

describe('malformed expressions (docs/twilio-behaviour.md §4.6)', () => {
  it.each(cases)('%j fails at %d', (source, position, message) => {
    expect(parseExpression(source)).toEqual({ ok: false, error: { message, position, expression: source } });
  });

  it('refuses nesting deeper than 100 parentheses instead of exhausting the stack', () => {
    const deep = `${'('.repeat(5000)}1 == 1${')'.repeat(5000)}`;
    const result = parseExpression(deep);
    expect(result).toMatchObject({
      ok: false,
      error: { position: 100, message: 'parentheses nest deeper than 100 levels at position 100' },
    });
    expect(parseExpression(`${'('.repeat(100)}1 == 1${')'.repeat(100)}`).ok).toBe(true);
  });

  it('parses a very long flat chain of conditions', () => {
    const long = Array.from({ length: 20_000 }, (_, i) => `k${i % 7} != ${i}`).join(' AND ');
    expect(parseExpression(long).ok).toBe(true);
  });
});
