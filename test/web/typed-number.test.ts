// A number typed into a planning form is read in the page's words and units before anything is sent.
import { describe, expect, it } from 'vitest';
import { PLANNING_LABELS, type PlanningLabelKey } from '../../web/src/labels-planning.js';
import { typedNumber } from '../../web/src/planning/typed-number.js';

const text = (key: PlanningLabelKey, values: Record<string, string | number> = {}) =>
  PLANNING_LABELS[key].en.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));

describe('a typed number', () => {
  it('is read as typed, spaces around it ignored', () => {
    expect(typedNumber(text, 'shrinkage', ' 30 ', 'percent')).toBe(30);
    expect(typedNumber(text, 'shrinkage', '0', 'percent')).toBe(0);
    expect(typedNumber(text, 'calls', '0', 'any')).toBe(0);
  });

  it.each([
    ['targetServiceLevel', '', 'percentAboveZero', 'Service level target %: enter a number'],
    ['calls', 'ten', 'any', 'Calls must be a number, not "ten"'],
    ['intervalSeconds', '0', 'positive', 'Interval (s) must be more than 0 (got 0)'],
    [
      'targetServiceLevel',
      '0',
      'percentAboveZero',
      'Service level target % is a percentage: more than 0 and less than 100 (got 0)',
    ],
    ['shrinkage', '100', 'percent', 'Shrinkage % is a percentage: at least 0 and less than 100 (got 100)'],
  ] as const)('%s "%s" (%s) is refused: %s', (label, raw, rule, message) => {
    expect(() => typedNumber(text, label, raw, rule)).toThrow(message);
  });
});
