// Splits TaskRouter expression source into tokens, rejecting what the language lacks (hyphens, `&&`,
// `=`, escapes) with messages that say what TaskRouter expects instead.

import type { PathSegment } from './ast.js';

export type SymbolText = '==' | '!=' | '>' | '>=' | '<' | '<=' | '(' | ')' | '[' | ']' | ',';

export type Token =
  | { readonly kind: 'string'; readonly value: string; readonly start: number; readonly raw: string }
  | { readonly kind: 'number'; readonly value: number; readonly start: number; readonly raw: string }
  /** A key path; a single bare word such as `AND` or `true` is also lexed as a path and read as a keyword. */
  | {
      readonly kind: 'path';
      readonly segments: readonly PathSegment[];
      readonly start: number;
      readonly raw: string;
    }
  | { readonly kind: 'symbol'; readonly start: number; readonly raw: SymbolText }
  | { readonly kind: 'end'; readonly start: number; readonly raw: '' };

export const KEYWORDS = ['AND', 'OR', 'NOT', 'IN', 'HAS', 'CONTAINS', 'TRUE', 'FALSE'] as const;
export type Keyword = (typeof KEYWORDS)[number];

/** Internal control flow: the parser catches it and turns it into an `ExpressionError`. */
export class ExpressionSyntaxError extends Error {
  constructor(
    readonly position: number,
    message: string,
  ) {
    super(message);
  }
}

const COMPARISONS: ReadonlySet<string> = new Set(['==', '!=', '>', '>=', '<', '<=']);
const OPERATOR_CHARS = '=!<>&|';
// Operators from other languages people reach for; each maps to the TaskRouter spelling.
const MISTAKEN_OPERATORS: Readonly<Record<string, string>> = {
  '=': "use '==' to compare",
  '===': "use '==' to compare",
  '!==': "use '!=' to compare",
  '<>': "use '!=' to compare",
  '&&': 'TaskRouter uses AND',
  '&': 'TaskRouter uses AND',
  '||': 'TaskRouter uses OR',
  '|': 'TaskRouter uses OR',
  '!': 'TaskRouter uses AND/OR and has no negation; use != or NOT IN',
};

const isIdentStart = (c: string | undefined): boolean => c !== undefined && /[A-Za-z_]/.test(c);
const isIdentPart = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_]/.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

export function keywordOf(token: Token): Keyword | undefined {
  if (token.kind !== 'path' || token.segments.length !== 1) return undefined;
  const upper = token.raw.toUpperCase();
  return KEYWORDS.find((k) => k === upper);
}

/** How a token reads in an error message: `end of expression`, `'=='`, `keyword AND`, `key 'a.b'`. */
export function describeToken(token: Token): string {
  const shorten = (s: string) => (s.length > 40 ? `${s.slice(0, 37)}...` : s);
  switch (token.kind) {
    case 'end':
      return 'end of expression';
    case 'symbol':
      return `'${token.raw}'`;
    case 'string':
      return `string ${shorten(token.raw)}`;
    case 'number':
      return `number ${token.raw}`;
    case 'path': {
      const keyword = keywordOf(token);
      return keyword ? `keyword ${keyword}` : `key '${shorten(token.raw)}'`;
    }
  }
}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const quoteChar = (at: number): string => {
    const c = source[at];
    if (c === undefined) return 'end of expression';
    return /\s/.test(c) ? 'whitespace' : `'${c}'`;
  };

  const hyphenError = (hyphenAt: number, wordStart: number): ExpressionSyntaxError => {
    let end = hyphenAt;
    while (end < source.length && /[A-Za-z0-9_.\-[\]]/.test(source[end] ?? '')) end++;
    const word = source.slice(wordStart, end);
    return new ExpressionSyntaxError(
      hyphenAt,
      `hyphens are not supported in TaskRouter expressions: found '-' in '${word}' at position ${hyphenAt}` +
        ' (quote the value as a string, or rename the attribute)',
    );
  };

  const readPath = (start: number): Token => {
    const segments: PathSegment[] = [];
    let j = start;
    const readIdent = () => {
      const from = j;
      while (isIdentPart(source[j])) j++;
      segments.push(source.slice(from, j));
    };
    readIdent();
    for (;;) {
      const c = source[j];
      if (c === '.') {
        if (!isIdentStart(source[j + 1])) {
          if (source[j + 1] === '-') throw hyphenError(j + 1, start);
          throw new ExpressionSyntaxError(
            j + 1,
            `expected a key name after '.' at position ${j + 1}, found ${quoteChar(j + 1)}`,
          );
        }
        j++;
        readIdent();
      } else if (c === '[') {
        // `IN['a']`: a keyword directly followed by an array literal, not an index.
        if (segments.length === 1 && KEYWORDS.some((k) => k === String(segments[0]).toUpperCase())) break;
        let k = j + 1;
        while (isDigit(source[k])) k++;
        if (k === j + 1) {
          throw new ExpressionSyntaxError(
            j + 1,
            `expected an array index (a whole number) after '[' at position ${j + 1}, found ${quoteChar(j + 1)}`,
          );
        }
        if (source[k] !== ']') {
          throw new ExpressionSyntaxError(
            k,
            `expected ']' at position ${k} to close the index opened at position ${j}, found ${quoteChar(k)}`,
          );
        }
        segments.push(Number(source.slice(j + 1, k)));
        j = k + 1;
      } else if (c === '-') {
        throw hyphenError(j, start);
      } else {
        break;
      }
    }
    i = j;
    return { kind: 'path', segments, start, raw: source.slice(start, j) };
  };

  const readNumber = (start: number): Token => {
    let j = source[start] === '-' ? start + 1 : start;
    while (isDigit(source[j])) j++;
    if (source[j] === '.' && isDigit(source[j + 1])) {
      j += 2;
      while (isDigit(source[j])) j++;
    }
    if (source[j] === '-') throw hyphenError(j, start);
    if (isIdentPart(source[j]) || source[j] === '.') {
      let end = j;
      while (end < source.length && /[A-Za-z0-9_.]/.test(source[end] ?? '')) end++;
      throw new ExpressionSyntaxError(
        start,
        `malformed number '${source.slice(start, end)}' at position ${start}: numbers look like 3, -2 or 1.5`,
      );
    }
    i = j;
    const raw = source.slice(start, j);
    return { kind: 'number', value: Number(raw), start, raw };
  };

  while (i < source.length) {
    const c = source[i] ?? '';
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'" || c === '"') {
      // The reference defines no escapes: a string runs to the next matching quote. Hyphens inside quotes
      // are allowed; values such as 'en-US' are common and only unquoted hyphens are ambiguous.
      const close = source.indexOf(c, i + 1);
      if (close < 0) {
        throw new ExpressionSyntaxError(
          i,
          `unterminated string starting at position ${i}: expected a closing ${c} before end of expression`,
        );
      }
      tokens.push({
        kind: 'string',
        value: source.slice(i + 1, close),
        start: i,
        raw: source.slice(i, close + 1),
      });
      i = close + 1;
    } else if (isDigit(c)) {
      tokens.push(readNumber(i));
    } else if (c === '-') {
      // A hyphen inside a key or after a number was already caught by readPath/readNumber.
      if (!isDigit(source[i + 1])) {
        throw new ExpressionSyntaxError(
          i,
          `unexpected '-' at position ${i}: TaskRouter expressions have no arithmetic and keys cannot contain hyphens`,
        );
      }
      tokens.push(readNumber(i));
    } else if (isIdentStart(c)) {
      tokens.push(readPath(i));
    } else if (OPERATOR_CHARS.includes(c)) {
      let j = i;
      while (j < source.length && OPERATOR_CHARS.includes(source[j] ?? '')) j++;
      const run = source.slice(i, j);
      if (COMPARISONS.has(run)) {
        tokens.push({ kind: 'symbol', start: i, raw: run as SymbolText });
      } else {
        const hint = MISTAKEN_OPERATORS[run];
        throw new ExpressionSyntaxError(
          i,
          `unknown operator '${run}' at position ${i}` +
            (hint ? `: ${hint}` : ': expected ==, !=, >, >=, <, <=, CONTAINS, HAS, IN or NOT IN'),
        );
      }
      i = j;
    } else if ('()[],'.includes(c)) {
      tokens.push({ kind: 'symbol', start: i, raw: c as SymbolText });
      i++;
    } else {
      const shown = String.fromCodePoint(source.codePointAt(i) ?? 0);
      throw new ExpressionSyntaxError(i, `unexpected character ${JSON.stringify(shown)} at position ${i}`);
    }
  }
  tokens.push({ kind: 'end', start: source.length, raw: '' });
  return tokens;
}
