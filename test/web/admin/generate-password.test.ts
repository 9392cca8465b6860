// Generated passwords: 16 characters from the alphabet without look-alikes, long enough for the API,
// different each time, and no character favoured (bytes past the alphabet's last multiple are redrawn).
import { describe, expect, it } from 'vitest';
import { PASSWORD_MIN_LENGTH } from '../../../functions/domain/password.js';
import {
  GENERATED_LENGTH,
  generatePassword,
  PASSWORD_ALPHABET,
} from '../../../web/src/admin/generate-password.js';

describe('generatePassword', () => {
  it('gives 16 letters and digits without look-alikes, at least the API minimum', () => {
    expect(GENERATED_LENGTH).toBe(16);
    expect(GENERATED_LENGTH).toBeGreaterThanOrEqual(PASSWORD_MIN_LENGTH);
    for (let i = 0; i < 200; i++) expect(generatePassword()).toMatch(/^[A-HJ-NP-Za-km-z2-9]{16}$/);
  });

  it('uses an alphabet of distinct letters and digits without I, l, 1, O, 0, o', () => {
    expect(new Set(PASSWORD_ALPHABET).size).toBe(PASSWORD_ALPHABET.length);
    expect(PASSWORD_ALPHABET).toHaveLength(56);
    for (const ch of 'Il1O0o') expect(PASSWORD_ALPHABET).not.toContain(ch);
  });

  it('differs from one call to the next', () => {
    const seen = new Set(Array.from({ length: 100 }, () => generatePassword()));
    expect(seen.size).toBe(100);
  });

  it('redraws bytes that would favour the first characters', () => {
    // 224 = 4 × 56 is the first byte past the last whole multiple of the alphabet's size.
    const draws = [Uint8Array.of(224, 255, 0, 57), Uint8Array.of(223, 1)];
    const asked: number[] = [];
    const random = (count: number) => {
      asked.push(count);
      return draws.shift() ?? new Uint8Array(count);
    };
    expect(generatePassword(4, random)).toBe(`${PASSWORD_ALPHABET[0]}${PASSWORD_ALPHABET[1]}9B`);
    expect(asked).toEqual([4, 2]);
  });
});
