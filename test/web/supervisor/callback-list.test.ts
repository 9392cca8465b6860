// The supervisor's callback list: paging GET /tasks/due up to the cap with a week's horizon, only open
// callbacks and outbound calls earliest first, overdue by the load time, and a note read as reason and
// latest attempt.
import { describe, expect, it } from 'vitest';
import type { Task } from '../../../web/src/api.js';
import {
  CALLBACK_WINDOW_MS,
  callbackRows,
  type DuePage,
  isOverdue,
  loadCallbacks,
  noteLines,
} from '../../../web/src/supervisor/callback-list.js';

const NOW = Date.parse('2026-11-23T09:00:00.000Z');

function task(id: string, over: Partial<Task> = {}): Task {
  return {
    id,
    kind: 'callback',
    status: 'open',
    dueAt: '2026-11-23T10:00:00.000Z',
    phone: '+8613900000001',
    attempts: 0,
    maxAttempts: 3,
    createdAt: '2026-11-20T00:00:00.000Z',
    updatedAt: '2026-11-20T00:00:00.000Z',
    version: 1,
    ...over,
  };
}

/** A fake GET /tasks/due over `all`, recording each call; cursors are offsets. */
function pages(all: readonly Task[]) {
  const calls: { before: string; limit: number; cursor?: string }[] = [];
  const page: DuePage = async (before, limit, cursor) => {
    calls.push({ before, limit, ...(cursor ? { cursor } : {}) });
    const from = Number(cursor ?? 0);
    const items = all.slice(from, from + limit);
    const next = from + limit;
    return next < all.length ? { items, cursor: String(next) } : { items };
  };
  return { page, calls };
}

describe('loadCallbacks', () => {
  it('asks for tasks due within seven days of now and follows the cursor to the end', async () => {
    const all = Array.from({ length: 230 }, (_, i) => task(`t${String(i).padStart(3, '0')}`));
    const { page, calls } = pages(all);
    const list = await loadCallbacks(page, NOW);
    expect(calls.map((c) => [c.limit, c.cursor])).toEqual([
      [100, undefined],
      [100, '100'],
      [100, '200'],
    ]);
    expect(new Set(calls.map((c) => c.before))).toEqual(
      new Set([new Date(NOW + CALLBACK_WINDOW_MS).toISOString()]),
    );
    expect(calls[0]?.before).toBe('2026-11-30T09:00:00.000Z');
    expect(list.items).toHaveLength(230);
    expect(list.truncated).toBe(false);
  });

  it('stops at the cap and says the list is cut short', async () => {
    const all = Array.from({ length: 260 }, (_, i) => task(`t${String(i).padStart(3, '0')}`));
    const { page, calls } = pages(all);
    const list = await loadCallbacks(page, NOW, 250);
    expect(calls.map((c) => c.limit)).toEqual([100, 100, 50]);
    expect(list.items).toHaveLength(250);
    expect(list.truncated).toBe(true);
  });

  it('is not cut short when the last page ends exactly at the cap', async () => {
    const { page } = pages(Array.from({ length: 200 }, (_, i) => task(`t${i}`)));
    expect((await loadCallbacks(page, NOW, 200)).truncated).toBe(false);
  });

  it('counts other kinds against the cap but does not list them', async () => {
    const { page } = pages([
      task('a', { kind: 'follow-up' }),
      task('b', { kind: 'outbound-call' }),
      task('c'),
    ]);
    expect((await loadCallbacks(page, NOW)).items.map((t) => t.id)).toEqual(['b', 'c']);
  });
});

describe('callbackRows', () => {
  it('keeps open callbacks and outbound calls, earliest due first', () => {
    const rows = callbackRows([
      task('tomorrow', { dueAt: '2026-11-24T09:00:00.000Z', autoDial: true }),
      task('visit', { kind: 'follow-up', dueAt: '2026-11-22T09:00:00.000Z' }),
      task('outbound', { kind: 'outbound-call', dueAt: '2026-11-23T12:00:00.000Z' }),
      task('overdue', { dueAt: '2026-11-22T08:00:00.000Z' }),
      task('dialling', { status: 'in-progress', dueAt: '2026-11-22T07:00:00.000Z' }),
      task('gone', { status: 'cancelled', dueAt: '2026-11-22T07:00:00.000Z' }),
    ]);
    expect(rows.map((t) => t.id)).toEqual(['overdue', 'outbound', 'tomorrow']);
  });

  it('compares instants, not strings, so offsets other than Z sort right', () => {
    const rows = callbackRows([
      task('utc-9', { dueAt: '2026-11-23T09:30:00.000Z' }),
      task('shanghai-9', { dueAt: '2026-11-23T09:00:00.000+08:00' }), // 01:00 UTC
    ]);
    expect(rows.map((t) => t.id)).toEqual(['shanghai-9', 'utc-9']);
  });
});

describe('isOverdue', () => {
  it('is overdue strictly before now', () => {
    expect(isOverdue({ dueAt: '2026-11-23T08:59:59.000Z' }, NOW)).toBe(true);
    expect(isOverdue({ dueAt: '2026-11-23T09:00:00.000Z' }, NOW)).toBe(false);
    expect(isOverdue({ dueAt: '2026-11-24T09:00:00.000Z' }, NOW)).toBe(false);
  });
});

describe('noteLines', () => {
  it('reads the first line as the reason and the last as the latest attempt', () => {
    expect(
      noteLines('callback requested while waiting in support\nattempt 1: busy\nattempt 2: no-answer'),
    ).toEqual({
      reason: 'callback requested while waiting in support',
      latest: 'attempt 2: no-answer',
    });
  });

  it('has no latest attempt for a one-line note, and an empty reason for none', () => {
    expect(noteLines('Confirm the repair date')).toEqual({ reason: 'Confirm the repair date' });
    expect(noteLines(undefined)).toEqual({ reason: '' });
    expect(noteLines('  \n')).toEqual({ reason: '' });
  });

  it('skips blank lines and trims', () => {
    expect(noteLines(' Quote \n\n attempt 1: busy \n')).toEqual({
      reason: 'Quote',
      latest: 'attempt 1: busy',
    });
  });
});
