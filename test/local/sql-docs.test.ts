// Every ```sql block of docs/analytics.md runs with `npm run sql`'s engine on sample calls, and the ones a
// reader checks first give the figures the sample holds.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CenterEvent } from '../../functions/domain/history/event.js';
import { openEventArchiveDir } from '../../infra/local/event-archive-dir.js';
import { runQuery } from '../../infra/sql/run-query.js';
import { archiveSample, sampleEvents } from '../../infra/sql/sample-events.js';

const doc = readFileSync(new URL('../../docs/analytics.md', import.meta.url), 'utf8');
const queries = [...doc.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]?.trim() ?? '');

let dataDir: string;
let dir: string;
let events: CenterEvent[];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'cc-sql-docs-'));
  const opened = openEventArchiveDir(dataDir);
  dir = opened.dir;
  // Ten days, so weeks and days both have more than one value.
  events = sampleEvents({ from: '2026-11-27T00:00:00Z', days: 10, calls: 1500, seed: 7 });
  await archiveSample(events, opened.archive);
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const tally = (keys: string[]) => {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
};

describe('docs/analytics.md queries', () => {
  it('has the five', () => {
    expect(queries).toHaveLength(5);
  });

  it.each(queries.map((q, i) => [i + 1, q] as const))('query %i runs and answers rows', async (_, sql) => {
    const result = await runQuery(dir, sql);
    expect(result.rows.length).toBeGreaterThan(0);
  });

  it('calls per hotline per day: the received calls of each UTC day and hotline', async () => {
    const result = await runQuery(dir, queries[0] ?? '');
    const expected = tally(
      events.filter((e) => e.type === 'call.received').map((e) => `${e.at.slice(0, 10)} ${e.hotline}`),
    );
    expect(new Map(result.rows.map(([day, hotline, calls]) => [`${day} ${hotline}`, Number(calls)]))).toEqual(
      expected,
    );
  });

  it('abandon rate per hour: every queued and abandoned call counted once', async () => {
    const result = await runQuery(dir, queries[1] ?? '');
    const sum = (i: number) => result.rows.reduce((total, row) => total + Number(row[i]), 0);
    expect(sum(1)).toBe(events.filter((e) => e.type === 'call.queued').length);
    expect(sum(2)).toBe(events.filter((e) => e.type === 'call.abandoned').length);
  });

  it('missed offers per agent: what the sample missed and answered', async () => {
    const result = await runQuery(dir, queries[4] ?? '');
    const missed = tally(events.filter((e) => e.type === 'offer.missed').map((e) => e.agent ?? ''));
    const answered = tally(events.filter((e) => e.type === 'call.answered').map((e) => e.agent ?? ''));
    for (const [agent, m, a] of result.rows) {
      expect([Number(m), Number(a)], agent ?? '').toEqual([
        missed.get(agent ?? '') ?? 0,
        answered.get(agent ?? ''),
      ]);
    }
    expect(result.rows).toHaveLength(answered.size);
  });
});
