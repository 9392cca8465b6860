// Real-time and cumulative statistics of the TaskRouter twin (docs/twilio-behaviour.md §4.11), computed on a scripted day.
import { describe, expect, it } from 'vitest';
import {
  cumulative,
  queueRealTime,
  workflowRealTime,
  workspaceRealTime,
} from '../../../infra/local/twin/taskrouter/statistics.js';
import { bench } from './support.js';

async function scripted() {
  const b = bench();
  const q = b.queue('support', "skills HAS 'support'");
  const wf = b.workflow({ filters: [], default_filter: { queue: q.sid } }, { taskReservationTimeout: 20 });
  const alice = b.worker('alice', { skills: ['support'] });
  b.worker('bob', { skills: ['support'] }, false);
  b.worker('carol', { skills: ['sales'] });
  const answered = b.task({}, { priority: 2 }); // reserved to alice at age 0
  await b.clock.advance(5_000);
  const r = answered.reservations[0];
  if (!r) throw new Error('no reservation');
  await b.engine.instruct(b.ws, r.sid, { kind: 'accept' }); // accepted at age 5 s
  const waiting = b.task({}, { priority: 7 });
  await b.clock.advance(10_000);
  const abandoned = b.task();
  await b.clock.advance(3_000);
  b.engine.updateTask(b.ws, abandoned.sid, { assignmentStatus: 'canceled', reason: 'hangup' }); // canceled at 3 s
  return { b, q, wf, alice, answered, waiting, abandoned };
}

describe('statistics', () => {
  it('counts real-time workspace figures from live tasks and workers', async () => {
    // docs/twilio-behaviour.md §4.11: activity_statistics, longest_task_waiting_*, tasks_by_priority, tasks_by_status
    const { b, waiting } = await scripted();
    const ws = b.engine.workspace(b.ws);
    const rt = workspaceRealTime(b.engine.core, ws);
    expect(rt.total_workers).toBe(3);
    expect(rt.activity_statistics.find((a) => a.friendly_name === 'Available')?.workers).toBe(2);
    expect(rt.activity_statistics.find((a) => a.friendly_name === 'Offline')?.workers).toBe(1);
    expect(rt.tasks_by_status).toEqual({ pending: 1, reserved: 0, assigned: 1, wrapping: 0 });
    expect(rt.total_tasks).toBe(2);
    expect(rt.longest_task_waiting_sid).toBe(waiting.sid);
    expect(rt.longest_task_waiting_age).toBe(13);
    expect(rt.tasks_by_priority).toEqual({ '2': 1, '7': 1 });
  });

  it('counts queue members: eligible in any activity, available in an available one', async () => {
    // docs/twilio-behaviour.md §4.11: total_available_workers (available Activity, busy or not), total_eligible_workers
    const { b, q } = await scripted();
    const rt = queueRealTime(b.engine.core, b.engine.workspace(b.ws), q);
    expect(rt.total_eligible_workers).toBe(2);
    expect(rt.total_available_workers).toBe(1);
    expect(rt.longest_relative_task_age_in_queue).toBe(13);
  });

  it('sums cumulative figures over the window from the recorded events', async () => {
    // docs/twilio-behaviour.md §4.11: reservations_*, tasks_*, wait_duration_until_accepted/canceled, avg_task_acceptance_time
    const { b, q, wf } = await scripted();
    const ws = b.engine.workspace(b.ws);
    const window = { start: b.clock.now() - 15 * 60_000, end: b.clock.now() };
    const all = cumulative(ws, {}, window, [4]);
    expect(all).toMatchObject({
      tasks_created: 3,
      tasks_canceled: 1,
      reservations_created: 1,
      reservations_accepted: 1,
      avg_task_acceptance_time: 5,
      wait_duration_until_accepted: { avg: 5, min: 5, max: 5, total: 5 },
      wait_duration_until_canceled: { avg: 3, min: 3, max: 3, total: 3 },
      split_by_wait_time: {
        '4': {
          above: { tasks_canceled: 0, reservations_accepted: 1 },
          below: { tasks_canceled: 1, reservations_accepted: 0 },
        },
      },
    });
    expect(cumulative(ws, { queueSid: q.sid }, window).tasks_entered).toBe(3);
    expect(cumulative(ws, { workflowSid: wf.sid }, window).tasks_entered).toBe(3);
    // A window that ends before anything happened counts nothing.
    expect(cumulative(ws, {}, { start: 0, end: 1 }).tasks_created).toBe(0);
    const wrt = workflowRealTime(b.engine.core, ws, wf.sid);
    expect(wrt.total_tasks).toBe(2);
  });
  it('measures the longest wait over pending and reserved tasks, and splits by several wait times', async () => {
    // Twilio TaskQueue statistics: longest_task_waiting_age is the age of the oldest task not yet accepted,
    // a reserved one (ringing a worker) included, and tasks_by_status counts it as `reserved`;
    // SplitByWaitTime=5,30 returns split_by_wait_time keyed by each threshold in seconds, each with
    // `above` and `below` counts of reservations_accepted and tasks_canceled.
    const b = bench();
    const q = b.queue('support', "skills HAS 'support'");
    const wf = b.workflow({ filters: [], default_filter: { queue: q.sid } }, { taskReservationTimeout: 60 });
    b.worker('alice', { skills: ['support'] });
    const ringing = b.task(); // reserved to alice at once, not accepted
    await b.clock.advance(7_000);
    const ws = b.engine.workspace(b.ws);
    const rt = queueRealTime(b.engine.core, ws, q);
    expect(rt.tasks_by_status).toMatchObject({ pending: 0, reserved: 1 });
    expect(rt.longest_task_waiting_age).toBe(7);
    expect(rt.longest_task_waiting_sid).toBe(ringing.sid);
    const r = ringing.reservations[0];
    if (!r) throw new Error('no reservation');
    await b.engine.instruct(b.ws, r.sid, { kind: 'accept' }); // accepted at 7 s
    const window = { start: b.clock.now() - 60_000, end: b.clock.now() };
    expect(
      cumulative(ws, { queueSid: q.sid, workflowSid: wf.sid }, window, [5, 30]).split_by_wait_time,
    ).toEqual({
      '5': {
        above: { tasks_canceled: 0, reservations_accepted: 1 },
        below: { tasks_canceled: 0, reservations_accepted: 0 },
      },
      '30': {
        above: { tasks_canceled: 0, reservations_accepted: 0 },
        below: { tasks_canceled: 0, reservations_accepted: 1 },
      },
    });
  });
});
