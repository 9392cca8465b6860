// TaskRouterPort contract, queue statistics and refusals: real-time and cumulative figures per queue,
// the service-level split, and provider errors surfacing as ProviderError with status and code.
import { describe, expect, it } from 'vitest';
import type { QueueStatistics } from '../../../functions/domain/taskrouter-port.js';
import { refusal } from './refusal.js';
import { type TaskRouterFixture, UNKNOWN_RESERVATION, UNKNOWN_TASK } from './taskrouter-fixture.js';

export function statisticsCases(f: () => TaskRouterFixture): void {
  const ofQueue = (list: QueueStatistics[]) => list.find((s) => s.queueSid === f().queue.sid);

  describe('queue statistics', () => {
    it('reports the queue with numeric figures: waiting tasks, longest wait, workers, accepts, cancels', async () => {
      const { port, workspaceSid: ws, workflowSid } = f();
      const startDate = new Date(f().now());
      const create = () => port.createTask(ws, { workflowSid, taskChannel: 'voice', attributes: {} });
      await f().addWorker('bob', { available: false });
      const first = await create();
      await f().advance(20);
      const before = await port.queueStatistics(ws, { startDate });
      for (const s of before) {
        expect(s.queueSid).toMatch(/^WQ/);
        for (const [key, v] of Object.entries(s))
          if (key !== 'queueSid' && key !== 'below') expect(Number.isFinite(v)).toBe(true);
      }
      expect(ofQueue(before)).toEqual({
        queueSid: f().queue.sid,
        waiting: 1,
        longestWaitSeconds: 20,
        availableWorkers: 0,
        reservationsAccepted: 0,
        tasksCanceled: 0,
        below: {},
      });

      const worker = await f().addWorker('alice', { available: true });
      const [offer] = await port.reservations(ws, worker, 'pending');
      expect(offer?.taskSid).toBe(first.sid);
      // Ringing alice, the caller still waits: counted with the longest wait it is measured over.
      expect(ofQueue(await port.queueStatistics(ws, { startDate }))).toMatchObject({
        waiting: 1,
        longestWaitSeconds: 20,
      });
      await port.updateReservation(ws, worker, offer?.sid ?? '', { status: 'accepted' });
      const second = await create();
      await port.updateTask(ws, second.sid, { assignmentStatus: 'canceled', reason: 'abandoned' });
      expect(ofQueue(await port.queueStatistics(ws, { startDate }))).toMatchObject({
        waiting: 0,
        longestWaitSeconds: 0,
        availableWorkers: 1,
        reservationsAccepted: 1,
        tasksCanceled: 1,
        below: {},
      });
      // Only what happened since the start date counts.
      await f().advance(5);
      const later = ofQueue(await port.queueStatistics(ws, { startDate: new Date(f().now()) }));
      expect(later).toMatchObject({ reservationsAccepted: 0, tasksCanceled: 0, availableWorkers: 1 });
    });

    it('counts the tasks accepted within a wait-time split', async () => {
      const { port, workspaceSid: ws, workflowSid, activities } = f();
      const startDate = new Date(f().now());
      const worker = await f().addWorker('alice', { available: false });
      const acceptAfter = async (seconds: number) => {
        const task = await port.createTask(ws, { workflowSid, taskChannel: 'voice', attributes: {} });
        await f().advance(seconds);
        await port.updateWorker(ws, worker, { activitySid: activities.available.sid });
        const [offer] = await port.reservations(ws, worker, 'pending');
        await port.updateReservation(ws, worker, offer?.sid ?? '', { status: 'accepted' });
        await port.updateTask(ws, task.sid, { assignmentStatus: 'wrapping' });
        await port.updateTask(ws, task.sid, { assignmentStatus: 'completed', reason: 'done' });
        await port.updateWorker(ws, worker, { activitySid: activities.offline.sid });
      };
      await acceptAfter(10);
      await acceptAfter(40);
      const split = async (...seconds: number[]) =>
        ofQueue(await port.queueStatistics(ws, { startDate, splitByWaitTimeSeconds: seconds }));
      expect(await split(30)).toMatchObject({
        reservationsAccepted: 2,
        below: { 30: { accepted: 1, canceled: 0 } },
      });
      // Several splits in one request (SplitByWaitTime=5,60), one entry each.
      expect((await split(5, 60))?.below).toEqual({
        5: { accepted: 0, canceled: 0 },
        60: { accepted: 2, canceled: 0 },
      });
      expect(await split()).toMatchObject({ reservationsAccepted: 2, below: {} });
    });
  });

  describe('refusals', () => {
    it('rejects with a ProviderError carrying the provider status and code', async () => {
      const { port, workspaceSid: ws, workflowSid } = f();
      const unknownTask = await refusal(
        port.updateTask(ws, UNKNOWN_TASK, { assignmentStatus: 'canceled', reason: 'x' }),
      );
      expect(unknownTask).toMatchObject({ status: 404, code: 20404 });
      expect(unknownTask.message).not.toBe('');

      const { offer, worker } = await (async () => {
        const w = await f().addWorker('alice', { available: true });
        await port.createTask(ws, { workflowSid, taskChannel: 'voice', attributes: {} });
        const [r] = await port.reservations(ws, w, 'pending');
        return { offer: r, worker: w };
      })();
      expect(await refusal(port.reservation(ws, worker, UNKNOWN_RESERVATION))).toMatchObject({ status: 404 });
      // Accepting twice: the offer is no longer pending.
      await port.updateReservation(ws, worker, offer?.sid ?? '', { status: 'accepted' });
      const twice = await refusal(
        port.updateReservation(ws, worker, offer?.sid ?? '', { status: 'accepted' }),
      );
      expect(twice.status).toBeGreaterThanOrEqual(400);
      expect(twice.status).toBeLessThan(500);
      expect(twice.code).toEqual(expect.any(Number));
    });

    it('refuses a task on a channel the workspace does not have', async () => {
      const { port, workspaceSid: ws, workflowSid } = f();
      const err = await refusal(
        port.createTask(ws, { workflowSid, taskChannel: 'carrier-pigeon', attributes: {} }),
      );
      expect(err.status).toBe(400);
      expect(err.code).toEqual(expect.any(Number));
    });
  });
}
