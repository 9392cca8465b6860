// A number typed into a planning form, read before anything is sent: an empty box, a word or a
// percentage out of its range is named in the page's own words and units (the API takes shares of 1
// and its field names, which the person typing never saw).
import type { PlanningLabelKey } from '../labels-planning.js';

type Text = (key: PlanningLabelKey, values?: Record<string, string | number>) => string;

/** What a box accepts: any number, one above zero, or a percentage (from 0, or above 0) below 100. */
export type NumberRule = 'any' | 'positive' | 'percent' | 'percentAboveZero';

export class TypedNumberError extends Error {
  override readonly name = 'TypedNumberError';
}

export function typedNumber(text: Text, label: PlanningLabelKey, raw: string, rule: NumberRule): number {
  const field = text(label);
  const typed = raw.trim();
  if (!typed) throw new TypedNumberError(text('enterNumber', { field }));
  const n = Number(typed);
  if (!Number.isFinite(n)) throw new TypedNumberError(text('notNumber', { field, value: typed }));
  const fails =
    (rule === 'positive' && n <= 0) ||
    (rule === 'percent' && (n < 0 || n >= 100)) ||
    (rule === 'percentAboveZero' && (n <= 0 || n >= 100));
  if (fails) throw new TypedNumberError(text(RULE_TEXT[rule], { field, value: typed }));
  return n;
}

const RULE_TEXT: Record<Exclude<NumberRule, 'any'>, PlanningLabelKey> = {
  positive: 'mustBePositive',
  percent: 'mustBePercent',
  percentAboveZero: 'mustBePercentAboveZero',
};
