// The KPI list: at least 23, in the four classes the telecom operators' daily monitoring uses, each with
// a name in English and Chinese, and docs/kpis.md listing every one of them as the code defines it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KPI_CLASSES, KPIS } from '../../../functions/domain/history/kpis.js';

describe('the KPI definitions', () => {
  it('are at least 23, in all four classes, each named in both languages once', () => {
    expect(KPIS.length).toBeGreaterThanOrEqual(23);
    for (const c of KPI_CLASSES) expect(KPIS.filter((k) => k.class === c).length).toBeGreaterThan(0);
    expect(new Set(KPIS.map((k) => k.id)).size).toBe(KPIS.length);
    for (const k of KPIS) {
      expect(k.en).toMatch(/[A-Za-z]/);
      expect(k.zh).toMatch(/\p{Script=Han}/u);
    }
  });

  it('are all in docs/kpis.md with their names and formula', () => {
    const doc = readFileSync(new URL('../../../docs/kpis.md', import.meta.url), 'utf8');
    for (const k of KPIS) {
      const row = doc.split('\n').find((l) => l.includes(`\`${k.id}\` `));
      expect(row, k.id).toBeDefined();
      expect(row).toContain(k.zh);
      expect(row).toContain(k.formula);
    }
  });
});
