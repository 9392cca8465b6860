// Follow-up reminders on the desk: which of my tasks remind me, in what order, and what is remembered.
import { describe, expect, it } from 'vitest';
import type { Task } from '../../../web/src/api.js';
import { dueReminders, loadDismissed, newlyDue, saveDismissed } from '../../../web/src/desk/reminders.js';

const NOW = Date.parse('2026-03-02T02:00:00Z');
let next = 0;
function task(patch: Partial<Task>): Task {
  return {
    id: `t${++next}`,
    kind: 'callback',
    status: 'open',
    dueAt: '2026-03-02T01:00:00Z',
    attempts: 0,
    maxAttempts: 3,
    version: 1,
    createdAt: '2026-03-01T00:00:00Z',
    updatedAt: '2026-03-01T00:00:00Z',
    ...patch,
  } as Task;
}

describe('dueReminders', () => {
  it('reminds of open tasks that came due and that the center will not dial itself, oldest first', () => {
    const later = task({ dueAt: '2026-03-02T01:30:00Z', kind: 'follow-up' });
    const earlier = task({ dueAt: '2026-03-02T00:30:00Z', phone: '+8613800000001' });
    const exactlyNow = task({ dueAt: new Date(NOW).toISOString() });
    const notYet = task({ dueAt: '2026-03-02T02:00:01Z' });
    const dialled = task({ autoDial: true });
    const done = task({ status: 'done' });
    const working = task({ status: 'in-progress' });
    const got = dueReminders([later, notYet, dialled, done, earlier, working, exactlyNow], NOW, new Set());
    expect(got.map((t) => t.id)).toEqual([earlier.id, later.id, exactlyNow.id]);
  });

  it('leaves out what I dismissed, and announces each reminder once', () => {
    const a = task({});
    const b = task({});
    const due = dueReminders([a, b], NOW, new Set([a.id]));
    expect(due.map((t) => t.id)).toEqual([b.id]);
    expect(newlyDue(due, new Set())).toEqual([b]);
    expect(newlyDue(due, new Set([b.id]))).toEqual([]);
  });
});

describe('dismissed reminders in session storage', () => {
  it('round-trips, keeps the newest 200, and survives junk', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => store.set(k, v),
    };
    const ids = new Set(Array.from({ length: 250 }, (_, i) => `t${i}`));
    saveDismissed(storage, ids);
    const loaded = loadDismissed(storage);
    expect(loaded.size).toBe(200);
    expect(loaded.has('t249')).toBe(true);
    expect(loaded.has('t0')).toBe(false);
    store.set('cc-dismissed-reminders', '{not json');
    expect(loadDismissed(storage).size).toBe(0);
    store.set('cc-dismissed-reminders', JSON.stringify([1, 'x', null]));
    expect([...loadDismissed(storage)]).toEqual(['x']);
  });
});
