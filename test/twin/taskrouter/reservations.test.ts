// Reservations, timeouts, TTL, multitasking and availability in the TaskRouter twin.
import { describe, expect, it } from 'vitest';
import { bench, reservedTo } from './support.js';

function simple(workspace: Record<string, unknown> = {}, queueExtra: Record<string, unknown> = {}) {
  const b = bench(workspace);
  const q = b.queue('q', undefined, queueExtra);
  b.workflow({ filters: [], default_filter: { queue: q.sid } }, { taskReservationTimeout: 30 });
  return { ...b, q };
}

describe('reservations', () => {
  it('max_reserved_workers reserves several workers; the first to accept wins, the rest are rescinded', async () => {
    // docs/twilio-behaviour.md §4.4: multi-reservation; the others become rescinded (reservation.rescinded)
    const b = simple({}, { maxReservedWorkers: 3 });
    b.worker('a');
    b.worker('b');
    b.worker('c');
    b.worker('d');
    const task = b.task();
    expect(reservedTo(task)).toHaveLength(3);
    const [first] = task.reservations;
    if (!first) throw new Error('no reservation');
    await b.engine.instruct(b.ws, first.sid, { kind: 'accept' });
    expect(task.status).toBe('assigned');
    expect(task.reservations.map((r) => r.status).sort()).toEqual(['accepted', 'rescinded', 'rescinded']);
    expect(b.events().filter((e) => e === 'reservation.rescinded')).toHaveLength(2);
  });

  it('a timed-out reservation moves the worker to the timeout activity and re-routes the task', async () => {
    // docs/twilio-behaviour.md §4.1, §4.7: on timeout the Worker moves to timeout_activity_sid and the Task is re-routed
    const b = simple();
    const alice = b.worker('alice');
    await b.clock.advance(1000);
    b.worker('bob');
    const task = b.task();
    expect(reservedTo(task)).toEqual(['alice']);
    await b.clock.advance(29_999);
    expect(task.reservations[0]?.status).toBe('pending');
    await b.clock.advance(1);
    expect(task.reservations[0]?.status).toBe('timeout');
    expect(alice.activity.sid).toBe(b.engine.workspace(b.ws).timeoutActivity.sid);
    expect(reservedTo(task)).toEqual(['bob']);
    const types = b.events();
    expect(types.indexOf('reservation.timeout')).toBeLessThan(types.lastIndexOf('worker.activity.update'));
  });

  it('a rejected task is not offered to the same worker again and waits for another', async () => {
    // docs/twilio-behaviour.md §4.7: reserved -> pending on reject; [K] the rejecting worker is not re-offered the task
    const b = simple();
    b.worker('alice');
    const task = b.task();
    const r = task.reservations[0];
    if (!r) throw new Error('no reservation');
    await b.engine.instruct(b.ws, r.sid, { kind: 'reject' });
    expect(task.status).toBe('pending');
    expect(reservedTo(task)).toEqual([]);
    b.worker('bob');
    expect(reservedTo(task)).toEqual(['bob']);
  });

  it('reject with an activity moves the worker there', async () => {
    // docs/twilio-behaviour.md §4.7: Reject takes WorkerActivitySid
    const b = simple();
    const alice = b.worker('alice');
    const task = b.task();
    const r = task.reservations[0];
    if (!r) throw new Error('no reservation');
    await b.engine.instruct(b.ws, r.sid, { kind: 'reject', activitySid: b.offline.sid });
    expect(alice.activity).toBe(b.offline);
  });

  it('cancels a waiting task when its TTL runs out, with reason Task TTL Exceeded', async () => {
    // docs/twilio-behaviour.md §4.7: Timeout default 86,400 s; on expiry task.canceled with `Task TTL Exceeded`
    const b = simple();
    const task = b.task({}, { timeout: 60 });
    const idle = b.task();
    await b.clock.advance(60_000);
    expect(task.status).toBe('canceled');
    expect(task.reason).toBe('Task TTL Exceeded');
    const ev = b.engine.workspace(b.ws).events.find((e) => e.type === 'task.canceled');
    expect(ev?.fields.TaskCanceledReason).toBe('Task TTL Exceeded');
    await b.clock.advance(86_400_000 - 60_000 - 1);
    expect(idle.status).toBe('pending');
    await b.clock.advance(1);
    expect(idle.status).toBe('canceled');
  });

  it('cancels pending reservations when a reserved task is canceled', () => {
    // docs/twilio-behaviour.md §4.7: a Task can be canceled until it is assigned; reservation.canceled
    const b = simple();
    const alice = b.worker('alice');
    const task = b.task();
    b.engine.updateTask(b.ws, task.sid, { assignmentStatus: 'canceled', reason: 'caller left' });
    expect(task.reservations[0]?.status).toBe('canceled');
    expect(alice.active.size).toBe(0);
    expect(() =>
      b.engine.updateTask(b.ws, task.sid, { assignmentStatus: 'canceled', reason: 'again' }),
    ).toThrow(/only a pending or reserved task/);
  });

  it('goes assigned -> wrapping -> completed and frees the worker for the next task', async () => {
    // docs/twilio-behaviour.md §4.7: assigned -> wrapping -> completed; §4.10 wrapping still occupies capacity
    const b = simple();
    b.worker('alice');
    const first = b.task();
    const second = b.task();
    const r = first.reservations[0];
    if (!r) throw new Error('no reservation');
    await b.engine.instruct(b.ws, r.sid, { kind: 'accept' });
    b.engine.updateTask(b.ws, first.sid, { assignmentStatus: 'wrapping' });
    expect(r.status).toBe('wrapping');
    expect(reservedTo(second)).toEqual([]);
    b.engine.updateTask(b.ws, first.sid, { assignmentStatus: 'completed', reason: 'resolved' });
    expect(r.status).toBe('completed');
    expect(reservedTo(second)).toEqual(['alice']);
  });
});

describe('multitasking and availability', () => {
  it('holds voice at capacity 1 and sms at its configured capacity 3', () => {
    // docs/twilio-behaviour.md §4.10: parallel reservations up to each channel's capacity
    const b = simple();
    const alice = b.worker('alice');
    b.engine.updateWorkerChannel(b.ws, alice.sid, 'sms', { capacity: 3 });
    const voice = [b.task({}, { taskChannel: 'voice' }), b.task({}, { taskChannel: 'voice' })];
    const sms = [1, 2, 3, 4].map(() => b.task({}, { taskChannel: 'sms' }));
    expect(voice.map((t) => t.status)).toEqual(['reserved', 'pending']);
    expect(sms.map((t) => t.status)).toEqual(['reserved', 'reserved', 'reserved', 'pending']);
  });

  it('gives a single-tasking workspace one task at a time per worker', () => {
    // docs/twilio-behaviour.md §4.10: multi_task_enabled=false is the legacy single-tasking mode
    const b = simple({ multiTaskEnabled: false });
    const alice = b.worker('alice');
    b.engine.updateWorkerChannel(b.ws, alice.sid, 'sms', { capacity: 3 });
    const sms = [b.task({}, { taskChannel: 'sms' }), b.task({}, { taskChannel: 'sms' })];
    expect(sms.map((t) => t.status)).toEqual(['reserved', 'pending']);
  });

  it('reserves only workers in an available activity, and reacts when one becomes available', () => {
    // docs/twilio-behaviour.md §4.2, §4.10: Reservations only while the Activity is available
    const b = simple();
    const alice = b.worker('alice', {}, false);
    const task = b.task();
    expect(task.status).toBe('pending');
    b.setAvailable(alice, true);
    expect(reservedTo(task)).toEqual(['alice']);
  });

  it('a worker channel set unavailable takes no tasks of that channel', () => {
    // docs/twilio-behaviour.md §4.10: Available=false on a WorkerChannel means no new Tasks of that channel type
    const b = simple();
    const alice = b.worker('alice');
    b.engine.updateWorkerChannel(b.ws, alice.sid, 'chat', { available: false });
    const chat = b.task({}, { taskChannel: 'chat' });
    expect(chat.status).toBe('pending');
    b.engine.updateWorkerChannel(b.ws, alice.sid, 'chat', { available: true });
    expect(reservedTo(chat)).toEqual(['alice']);
  });

  it('joins queues when attributes change and leaves them too', () => {
    // docs/twilio-behaviour.md §4.4: target_workers evaluated against worker attributes
    const b = bench();
    const q = b.queue('zh', "languages HAS 'zh'");
    b.workflow({ filters: [], default_filter: { queue: q.sid } });
    const alice = b.worker('alice', { languages: ['en'] });
    const task = b.task();
    expect(task.status).toBe('pending');
    b.engine.updateWorker(b.ws, alice.sid, { attributes: JSON.stringify({ languages: ['en', 'zh'] }) });
    expect(reservedTo(task)).toEqual(['alice']);
    expect(q.workers.has(alice)).toBe(true);
  });

  it('refuses a second worker with the same name in another case', () => {
    // docs/twilio-behaviour.md §4.3: friendly_name unique in the workspace, case-insensitive
    const b = bench();
    b.worker('Alice');
    expect(() => b.worker('alice')).toThrow(/already exists/);
  });
});
