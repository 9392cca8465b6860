// Every hotline in flows/ has its name in both languages, so no console page lists a flow by its id.
import { describe, expect, it } from 'vitest';
import { flows } from '../../flows/index.js';
import { ADMIN_LABELS } from '../../web/src/labels-admin.js';

describe('hotline names', () => {
  it('name every flow in Chinese and English', () => {
    const labels: Record<string, { zh: string; en: string } | undefined> = ADMIN_LABELS;
    for (const name of Object.values(flows).map((f) => f.name)) {
      expect(labels[`flow_${name}`]?.zh, name).toMatch(/\S/);
      expect(labels[`flow_${name}`]?.en, name).toMatch(/\S/);
    }
  });
});
