// TaskRouter's records through a restart: saved as JSON and brought back into a fresh engine on the same
// clock, workers, tasks and reservations are where they were, and the timers keep their deadlines.
import { describe, expect, it } from 'vitest';
import { createTaskRouterEngine } from '../../../infra/local/twin/taskrouter/engine.js';
import { restoreTaskRouter, snapshotTaskRouter } from '../../../infra/local/twin/taskrouter/snapshot.js';
import { ACCOUNT, bench, fakeVoice, fakeWebhooks, reservedTo } from './support.js';

function restarted(b: ReturnType<typeof bench>) {
  const saved = JSON.parse(JSON.stringify(snapshotTaskRouter(b.engine.core)));
  const engine = createTaskRouterEngine({
    account: ACCOUNT,
    clock: b.clock,
    webhooks: fakeWebhooks(),
    voice: fakeVoice(),
  });
  restoreTaskRouter(engine.core, saved);
  return engine;
}

describe('TaskRouter snapshot', () => {
  it('brings back workers, a waiting task and a pending reservation that still times out on time', async () => {
    const b = bench();
    const sales = b.queue('sales', 'skills HAS "sales"');
    const support = b.queue('support', 'skills HAS "support"');
    b.workflow(
      {
        filters: [
          { filter_friendly_name: 'sales', expression: 'type == "sales"', targets: [{ queue: sales.sid }] },
        ],
        default_filter: { queue: support.sid },
      },
      { taskReservationTimeout: 30 },
    );
    const alice = b.worker('alice', { skills: ['sales'] });
    b.worker('bob', { skills: ['sales'] });
    b.worker('carol', { skills: ['support'] }, false);
    const offered = b.task({ type: 'sales', call_sid: 'CA1' });
    const waiting = b.task({ type: 'other' });
    expect(reservedTo(offered)).toEqual(['alice']);
    await b.clock.advance(10_000);

    const engine = restarted(b);
    // Old timers still fire on the shared clock; the old engine's records no longer matter after a restart.
    const ws = engine.workspace(b.ws);
    const task = engine.task(b.ws, offered.sid);
    expect(task.status).toBe('reserved');
    expect(task.attributes).toEqual({ type: 'sales', call_sid: 'CA1' });
    expect(task.routing?.queue.sid).toBe(sales.sid);
    expect(reservedTo(task)).toEqual(['alice']);
    expect(engine.task(b.ws, waiting.sid).status).toBe('pending');
    expect(ws.workers.get(alice.sid)?.activity.friendlyName).toBe('Available');
    expect([...ws.workersByName.keys()].sort()).toEqual(['alice', 'bob', 'carol']);
    expect([...(ws.queues.get(sales.sid)?.workers ?? [])].map((w) => w.friendlyName).sort()).toEqual([
      'alice',
      'bob',
    ]);

    // 30 s from the offer, not from the restart: the reservation times out and bob gets the task.
    await b.clock.advance(19_999);
    expect(task.reservations[0]?.status).toBe('pending');
    await b.clock.advance(1);
    expect(task.reservations[0]?.status).toBe('timeout');
    expect(reservedTo(task)).toEqual(['bob']);

    // The waiting support task goes to carol as soon as she becomes available.
    const carol = [...ws.workers.values()].find((w) => w.friendlyName === 'carol');
    if (!carol) throw new Error('carol is gone');
    engine.updateWorker(b.ws, carol.sid, { activitySid: b.available.sid });
    expect(reservedTo(engine.task(b.ws, waiting.sid))).toEqual(['carol']);
    // New tasks keep the restored ones' order.
    const later = engine.createTask(b.ws, { attributes: '{"type":"other"}' });
    expect(later.seq).toBeGreaterThan(engine.task(b.ws, waiting.sid).seq);
  });

  it('keeps assigned work holding the worker, and the pending instruction to ring again', async () => {
    const b = bench();
    const q = b.queue('q');
    b.workflow({ filters: [], default_filter: { queue: q.sid } });
    b.worker('alice');
    const accepted = b.task({ call_sid: 'CA1' });
    const reservation = accepted.reservations[0];
    if (!reservation) throw new Error('no reservation');
    await b.engine.instruct(b.ws, reservation.sid, { kind: 'accept' });
    b.worker('bob');
    const ringing = b.task({ call_sid: 'CA2' });
    const offer = ringing.reservations[0];
    if (!offer) throw new Error('no offer');
    await b.engine.instruct(b.ws, offer.sid, {
      kind: 'conference',
      fields: { From: '+1', To: 'client:bob' },
    });

    const engine = restarted(b);
    const task = engine.task(b.ws, accepted.sid);
    expect(task.status).toBe('assigned');
    const alice = task.reservations[0]?.worker;
    expect(alice?.active.size).toBe(1);
    expect(alice?.channels.get(task.channel.sid)?.taskCount).toBe(1);
    // Alice is busy: a new task waits rather than going to her.
    const next = engine.createTask(b.ws, { attributes: '{}' });
    expect(reservedTo(next)).toEqual([]);
    expect(engine.reservation(b.ws, offer.sid).instruction).toEqual({
      kind: 'conference',
      fields: { From: '+1', To: 'client:bob' },
    });
  });
});
