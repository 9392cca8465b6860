// Input checks for the planner's numbers: a refusal names the field and the range it must fall in, so
// whoever typed it can correct it without reading the code.

export interface InputProblem {
  readonly field: string;
  readonly message: string;
  /** What is wrong, for a page to say in its own language; a number out of its range when absent. */
  readonly code?: 'bad-start-times' | 'bad-shift-lengths' | 'bad-break' | 'unknown-day';
}

export type Checked<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: readonly InputProblem[] };

export type Bounds = 'inclusive' | 'exclusive' | 'upper-exclusive';

export function describeRange(min: number, max: number, bounds: Bounds): string {
  if (bounds === 'inclusive') return `from ${min} to ${max}`;
  if (bounds === 'exclusive') return `greater than ${min} and less than ${max}`;
  return `from ${min} up to but not including ${max}`;
}

export function rangeProblem(
  field: string,
  value: unknown,
  min: number,
  max: number,
  bounds: Bounds,
): InputProblem | undefined {
  const inRange =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (bounds === 'exclusive' ? value > min : value >= min) &&
    (bounds === 'inclusive' ? value <= max : value < max);
  if (inRange) return undefined;
  return {
    field,
    message: `${field} must be a number ${describeRange(min, max, bounds)}; got ${String(value)}`,
  };
}

export function checkRange<T extends object>(
  input: T,
  rules: readonly (readonly [keyof T & string, number, number, Bounds])[],
): Checked<T> {
  const problems: InputProblem[] = [];
  for (const [field, min, max, bounds] of rules) {
    const problem = rangeProblem(field, input[field], min, max, bounds);
    if (problem) problems.push(problem);
  }
  return problems.length === 0 ? { ok: true, value: input } : { ok: false, problems };
}
