// TaskRouterPort contract, tasks and reservations: a created task is offered to an available worker,
// the offer is read from both sides, accepted, rejected or turned into a conference, and the task is
// listed, wrapped up, completed or canceled.
import { describe, expect, it } from 'vitest';
import { type TaskRouterFixture, UNKNOWN_TASK } from './taskrouter-fixture.js';

const ATTRS = { type: 'support', caller: { name: '王小明', id: 7 }, tags: ['vip', 'zh'], note: 'say "hi"' };

/** A worker and a task offered to it, the offer pending. */
async function offered(f: () => TaskRouterFixture, attributes: Record<string, unknown> = ATTRS) {
  const { port, workspaceSid: ws, workflowSid } = f();
  const worker = await f().addWorker('alice', { available: true });
  const task = await port.createTask(ws, { workflowSid, taskChannel: 'voice', attributes });
  const [offer] = await port.reservations(ws, worker, 'pending');
  if (!offer) throw new Error('the task was not offered to the available worker');
  return { worker, task, offer };
}

export function taskCases(f: () => TaskRouterFixture): void {
  describe('tasks and reservations', () => {
    it('offers a new task to the available worker, seen from the worker, the task and the reservation', async () => {
      const { port, workspaceSid: ws, workflowSid, queue } = f();
      const worker = await f().addWorker('alice', { available: true });
      const task = await port.createTask(ws, {
        workflowSid,
        taskChannel: 'voice',
        attributes: ATTRS,
        priority: 5,
      });
      expect(task).toMatchObject({
        status: 'reserved',
        attributes: ATTRS,
        queue: queue.name,
        queueSid: queue.sid,
        priority: 5,
        age: 0,
      });
      expect(task.sid).toMatch(/^WT[0-9a-f]{32}$/);

      const pending = await port.reservations(ws, worker, 'pending');
      expect(pending).toEqual([
        {
          sid: expect.stringMatching(/^WR/),
          taskSid: task.sid,
          workerSid: worker,
          workerName: 'alice',
          status: 'pending',
          updatedAt: new Date(f().now()).toISOString(),
        },
      ]);
      const sid = pending[0]?.sid ?? '';
      expect(await port.reservations(ws, worker)).toEqual(pending);
      expect(await port.reservations(ws, worker, 'accepted')).toEqual([]);
      expect(await port.taskReservations(ws, task.sid)).toEqual(pending);
      expect(await port.taskReservations(ws, task.sid, 'pending')).toEqual(pending);
      expect(await port.taskReservations(ws, task.sid, 'rejected')).toEqual([]);
      expect(await port.reservation(ws, worker, sid)).toEqual(pending[0]);
    });

    it('accepts an offer, then wraps up and completes it through the reservation', async () => {
      const { port, workspaceSid: ws } = f();
      const { worker, task, offer } = await offered(f);
      await port.updateReservation(ws, worker, offer.sid, { status: 'accepted' });
      expect((await port.reservation(ws, worker, offer.sid)).status).toBe('accepted');
      expect((await port.reservations(ws, worker, 'accepted')).map((r) => r.sid)).toEqual([offer.sid]);
      expect((await port.task(ws, task.sid))?.status).toBe('assigned');

      await port.updateReservation(ws, worker, offer.sid, { status: 'wrapping' });
      expect((await port.reservation(ws, worker, offer.sid)).status).toBe('wrapping');
      expect((await port.task(ws, task.sid))?.status).toBe('wrapping');
      await port.updateReservation(ws, worker, offer.sid, { status: 'completed' });
      expect((await port.reservation(ws, worker, offer.sid)).status).toBe('completed');
      expect((await port.task(ws, task.sid))?.status).toBe('completed');
    });

    it('rejects an offer: the task goes to the next available worker', async () => {
      const { port, workspaceSid: ws } = f();
      const { worker, task, offer } = await offered(f);
      const bob = await f().addWorker('bob', { available: true });
      await port.updateReservation(ws, worker, offer.sid, { status: 'rejected' });
      expect((await port.reservation(ws, worker, offer.sid)).status).toBe('rejected');
      expect((await port.taskReservations(ws, task.sid, 'rejected')).map((r) => r.sid)).toEqual([offer.sid]);
      const [next] = await port.taskReservations(ws, task.sid, 'pending');
      expect(next).toMatchObject({ workerSid: bob, workerName: 'bob', taskSid: task.sid });
      expect((await port.task(ws, task.sid))?.status).toBe('reserved');
    });

    it('carries out a conference instruction: the agent is dialed, the offer accepted, the conference noted', async () => {
      const { port, workspaceSid: ws, activities, callerId, agentAddress } = f();
      const callSid = await f().liveCall();
      const { worker, task, offer } = await offered(f, { call_sid: callSid, from: '+15550101234' });
      await port.updateReservation(ws, worker, offer.sid, {
        instruction: 'conference',
        from: callerId,
        to: agentAddress,
        endConferenceOnExit: false,
        endConferenceOnCustomerExit: true,
        beep: false,
        postWorkActivitySid: activities.offline.sid,
      });
      await f().settle();
      expect((await port.reservation(ws, worker, offer.sid)).status).toBe('accepted');
      const assigned = await port.task(ws, task.sid);
      expect(assigned?.status).toBe('assigned');
      expect(assigned?.attributes).toMatchObject({
        call_sid: callSid,
        conference: { sid: expect.stringMatching(/^CF/) },
      });
      // After the call the worker moves to the post-work activity the instruction named.
      await port.updateTask(ws, task.sid, { assignmentStatus: 'wrapping' });
      expect(await port.worker(ws, worker)).toMatchObject({
        activitySid: activities.offline.sid,
        available: false,
      });
    });

    it('fetches a task with its age on the provider clock; an unknown task is undefined', async () => {
      const { port, workspaceSid: ws, workflowSid } = f();
      const created = await port.createTask(ws, { workflowSid, taskChannel: 'voice', attributes: ATTRS });
      await f().advance(30);
      const task = await port.task(ws, created.sid);
      expect(task).toMatchObject({ sid: created.sid, status: 'pending', attributes: ATTRS, priority: 0 });
      expect(task?.age).toBe(30);
      expect(await port.task(ws, UNKNOWN_TASK)).toBeUndefined();
    });

    it('lists the tasks in the statuses asked for', async () => {
      const { port, workspaceSid: ws, workflowSid } = f();
      const create = () => port.createTask(ws, { workflowSid, taskChannel: 'voice', attributes: ATTRS });
      const first = await create();
      await f().addWorker('alice', { available: true });
      const second = await create();
      const third = await create();
      await port.updateTask(ws, third.sid, { assignmentStatus: 'canceled', reason: 'caller hung up' });

      const live = await port.tasks(ws, ['pending', 'reserved']);
      expect(live.map((t) => [t.sid, t.status])).toEqual([
        [first.sid, 'reserved'],
        [second.sid, 'pending'],
      ]);
      expect(live.every((t) => t.queueSid === f().queue.sid && Number.isFinite(t.age))).toBe(true);
      expect((await port.tasks(ws, ['canceled'])).map((t) => t.sid)).toEqual([third.sid]);
      expect(await port.tasks(ws, ['completed'])).toEqual([]);
    });

    it('cancels a waiting task with a reason, and ends one whose timeout passes', async () => {
      const { port, workspaceSid: ws, workflowSid } = f();
      const waiting = await port.createTask(ws, { workflowSid, taskChannel: 'voice', attributes: {} });
      const canceled = await port.updateTask(ws, waiting.sid, {
        assignmentStatus: 'canceled',
        reason: 'caller hung up',
      });
      expect(canceled).toMatchObject({ sid: waiting.sid, status: 'canceled' });

      const brief = await port.createTask(ws, {
        workflowSid,
        taskChannel: 'voice',
        attributes: {},
        timeoutSeconds: 60,
      });
      await f().advance(61);
      expect((await port.task(ws, brief.sid))?.status).toBe('canceled');
    });

    it('wraps up and completes an assigned task through the task, and replaces its attributes', async () => {
      const { port, workspaceSid: ws } = f();
      const { worker, task, offer } = await offered(f);
      await port.updateReservation(ws, worker, offer.sid, { status: 'accepted' });
      const noted = await port.updateTask(ws, task.sid, { attributes: { ...ATTRS, outcome: 'solved' } });
      expect(noted.attributes).toEqual({ ...ATTRS, outcome: 'solved' });
      expect((await port.task(ws, task.sid))?.attributes).toEqual({ ...ATTRS, outcome: 'solved' });

      expect((await port.updateTask(ws, task.sid, { assignmentStatus: 'wrapping' })).status).toBe('wrapping');
      expect((await port.reservation(ws, worker, offer.sid)).status).toBe('wrapping');
      const done = await port.updateTask(ws, task.sid, { assignmentStatus: 'completed', reason: 'resolved' });
      expect(done.status).toBe('completed');
      expect((await port.reservation(ws, worker, offer.sid)).status).toBe('completed');
    });
  });
}
