// The keys a customer's name is found under, and the key typed text is looked up by: words, the whole
// name run together, every tail of a Chinese name; full-width, accents and case folded.
import { describe, expect, it } from 'vitest';
import { nameKeys, searchKey } from '../../functions/domain/name-search.js';

const finds = (name: string, typed: string, company?: string) =>
  nameKeys(name, company).some((k) => k.startsWith(searchKey(typed)));

describe('name search keys', () => {
  it('finds a Latin name by any word, a prefix of it, or the name run together', () => {
    expect(finds('John Smith', 'Smith')).toBe(true);
    expect(finds('John Smith', 'smi')).toBe(true);
    expect(finds('John Smith', 'john s')).toBe(true);
    expect(finds('Mary-Jane O’Brien', 'obrien')).toBe(true);
    expect(finds('John Smith', 'mith')).toBe(false);
  });

  it('folds full-width, case and accents', () => {
    expect(searchKey('Ｓｍｉｔｈ')).toBe('smith');
    expect(finds('John Smith', 'ＳＭＩＴＨ')).toBe(true);
    expect(finds('Zoë Durand', 'zoe')).toBe(true);
    expect(finds('Zoe Durand', 'Zoë')).toBe(true);
  });

  it('finds a Chinese name by any part of it', () => {
    for (const part of ['王建国', '王', '建国', '国']) expect(finds('王建国', part)).toBe(true);
    expect(finds('王建国', '建军')).toBe(false);
    expect(finds('李强 Li Qiang', 'qiang')).toBe(true);
    expect(finds('李强 Li Qiang', '强')).toBe(true);
  });

  it('finds the company too, and keeps the number of keys bounded', () => {
    expect(finds('Emily Johnson', 'northwind', 'Northwind Traders')).toBe(true);
    expect(nameKeys('长'.repeat(200))).toHaveLength(40);
    expect(nameKeys('', undefined)).toEqual([]);
  });
});
