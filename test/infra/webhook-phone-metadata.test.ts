// The webhook bundle swaps libphonenumber's `max` metadata for `min` (bundling.ts). Behaviour it relies on:
// wherever `max` accepts a number, `min` accepts it too and gives the same E.164, so caller lookups match.
import {
  type CountryCode,
  getExampleNumber,
  parsePhoneNumberFromString as parseMax,
} from 'libphonenumber-js/max';
import { parsePhoneNumberFromString as parseMin } from 'libphonenumber-js/min';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { WEBHOOK_ALIASES } from '../../infra/aws/constructs/bundling.js';

const normalise = (parse: typeof parseMax, raw: string, region: string) => {
  const parsed = parse(raw, region as CountryCode);
  return parsed?.isValid() ? parsed.number : undefined;
};

// Mobile examples for every country, in E.164 (as Twilio sends From) and national form, plus fixed lines.
const mobile = Object.keys(examples).flatMap((country) => {
  const n = getExampleNumber(country as CountryCode, examples);
  return n
    ? [
        { raw: n.number, region: 'CN' },
        { raw: n.formatNational(), region: country },
      ]
    : [];
});
const fixed = [
  '+861088888888',
  '+862161234567',
  '+14155552671',
  '+442079460958',
  '+85221234567',
  '010 8888 8888',
];
const odd = ['anonymous', 'client:alice', '+266696687', '', '12345'];

describe('libphonenumber min metadata in the webhook bundle', () => {
  it('is the substitution the webhook function is bundled with', () => {
    expect(WEBHOOK_ALIASES).toEqual({ 'libphonenumber-js/max': 'libphonenumber-js/min' });
  });

  it('agrees with max on every number max accepts', () => {
    const cases = [
      ...mobile,
      ...fixed.map((raw) => ({ raw, region: 'CN' })),
      ...odd.map((raw) => ({ raw, region: 'CN' })),
    ];
    expect(cases.length).toBeGreaterThan(400);
    const disagreements = cases.filter(({ raw, region }) => {
      const max = normalise(parseMax, raw, region);
      return max !== undefined && normalise(parseMin, raw, region) !== max;
    });
    expect(disagreements).toEqual([]);
  });
});
