// The parsed form of a TaskRouter expression (docs/twilio-behaviour.md §4.6), shared by the parser, the evaluator and
// tests. Callers outside this folder treat `Compiled` as opaque and go through the public module.

export const COMPARISON_OPERATORS = [
  '==',
  '!=',
  '>',
  '>=',
  '<',
  '<=',
  'CONTAINS',
  'HAS',
  'IN',
  'NOT IN',
] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

/** A key name (`skills`) or an array index (`[0]`). */
export type PathSegment = string | number;
export type Scalar = string | number | boolean;

export type OperandNode =
  | { readonly kind: 'literal'; readonly value: Scalar }
  | { readonly kind: 'array'; readonly items: readonly Scalar[] }
  | { readonly kind: 'path'; readonly segments: readonly PathSegment[] };

export type ExpressionNode =
  | { readonly kind: 'and' | 'or'; readonly operands: readonly ExpressionNode[] }
  | {
      readonly kind: 'compare';
      readonly operator: ComparisonOperator;
      readonly left: OperandNode;
      readonly right: OperandNode;
    }
  /** A bare `true` or `false`. */
  | { readonly kind: 'constant'; readonly value: boolean };

export interface ExpressionError {
  readonly message: string;
  /** 0-based offset into `expression` of what was found where something else was expected. */
  readonly position: number;
  readonly expression: string;
}

export type Compiled = { readonly source: string; readonly root: ExpressionNode };

export type ParseResult =
  | { readonly ok: true; readonly expression: Compiled }
  | { readonly ok: false; readonly error: ExpressionError };

/** `worker.skills[0]`: the spelling validators and error messages use. */
export function pathText(segments: readonly PathSegment[]): string {
  let text = '';
  for (const segment of segments) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}
