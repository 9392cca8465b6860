// A report's date range is checked once for every report: an end before the start, or a range past 400
// days, is a 400 naming `query.to` with a stable code the pages word in their own language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness.js';

describe('a report’s date range', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.stop());

  for (const path of ['/api/reports/kpis?groupBy=day&', '/api/reports/calls?', '/api/quality/queue?']) {
    it(`${path}: refuses an end before the start and a range over 400 days`, async () => {
      const before = await h.as('supervisor', 'GET', `${path}from=2026-03-10&to=2026-03-01`);
      expect(before.status).toBe(400);
      expect(before.body.issues).toEqual([
        expect.objectContaining({ path: 'query.to', code: 'before-from' }),
      ]);
      const long = await h.as('supervisor', 'GET', `${path}from=2025-01-01&to=2026-03-01`);
      expect(long.status).toBe(400);
      expect(long.body.issues).toEqual([
        expect.objectContaining({ path: 'query.to', code: 'range-too-long' }),
      ]);
      const fine = await h.as('supervisor', 'GET', `${path}from=2026-03-01&to=2026-03-10`);
      expect(fine.status).toBe(200);
      // Days still to come have nothing in them yet: an empty report, not a server error.
      const ahead = await h.as('supervisor', 'GET', `${path}from=2030-01-01&to=2030-01-02`);
      expect(ahead.status).toBe(200);
      // Years before 1900 are not dates a center has figures for (and two-digit years read as 19xx).
      const ancient = await h.as('supervisor', 'GET', `${path}from=0001-01-01&to=0001-01-02`);
      expect(ancient.status).toBe(400);
      expect(ancient.body.issues).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: 'query.from' })]),
      );
    });
  }

  it('the agent-states report for days to come is empty, not an error', async () => {
    const r = await h.as('supervisor', 'GET', '/api/reports/agent-states?from=2030-01-01&to=2030-01-02');
    expect(r.status).toBe(200);
  });
});
