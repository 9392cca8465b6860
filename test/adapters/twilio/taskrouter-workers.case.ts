// TaskRouterPort contract, workers: fetch, list (filtered, across pages) and update, with attributes
// travelling as parsed objects both ways.
import { describe, expect, it } from 'vitest';
import { type TaskRouterFixture, UNKNOWN_WORKER } from './taskrouter-fixture.js';

/** Seconds between an ISO time from the port and the provider's clock. */
const secondsFrom = (iso: string | undefined, ms: number) => Math.abs(Date.parse(iso ?? '') - ms) / 1000;

// Text and nesting a hand-rolled (de)serialiser would get wrong: quotes, non-Latin text, nulls, arrays.
const RICH = {
  skills: ['support', 'billing'],
  languages: { 'zh-CN': 3, en: 1 },
  note: '客服 "night" shift\\n',
  contact_uri: 'client:alice',
  nested: { deep: [1, { x: null, ok: true }] },
};

export function workerCases(f: () => TaskRouterFixture): void {
  describe('workers', () => {
    it('fetches a worker with its activity and parsed attributes; an unknown worker is undefined', async () => {
      const { port, workspaceSid: ws, activities } = f();
      const sid = await f().addWorker('alice', { available: true, attributes: RICH });
      const worker = await port.worker(ws, sid);
      expect(worker).toMatchObject({
        sid,
        name: 'alice',
        activity: activities.available.name,
        activitySid: activities.available.sid,
        available: true,
        attributes: RICH,
      });
      expect(secondsFrom(worker?.since, f().now())).toBeLessThanOrEqual(1);
      expect(await port.worker(ws, UNKNOWN_WORKER)).toBeUndefined();
    });

    it('lists all workers, or only the available or unavailable ones', async () => {
      const { port, workspaceSid: ws, activities } = f();
      const on = await f().addWorker('on-duty', { available: true });
      const off = await f().addWorker('off-duty', { available: false });
      const all = await port.workers(ws);
      expect(all.map((w) => w.name).sort()).toEqual(['off-duty', 'on-duty']);
      expect(all.find((w) => w.sid === off)).toMatchObject({
        name: 'off-duty',
        activity: activities.offline.name,
        activitySid: activities.offline.sid,
        available: false,
      });
      expect((await port.workers(ws, { available: true })).map((w) => w.sid)).toEqual([on]);
      expect((await port.workers(ws, { available: false })).map((w) => w.sid)).toEqual([off]);
    });

    it('lists every worker when there are more than fit on one page', async () => {
      const { port, workspaceSid: ws } = f();
      const on = await f().addWorker('the-available-one', { available: true });
      await f().addWorkers(1001);
      const all = await port.workers(ws);
      expect(all).toHaveLength(1002);
      expect(new Set(all.map((w) => w.sid)).size).toBe(1002);
      expect((await port.workers(ws, { available: true })).map((w) => w.sid)).toEqual([on]);
      expect(await port.workers(ws, { available: false })).toHaveLength(1001);
    });

    it('changes activity and attributes, answering the worker as it now is', async () => {
      const { port, workspaceSid: ws, activities } = f();
      const sid = await f().addWorker('bob', { available: false, attributes: { skills: ['sales'] } });
      await f().advance(60);
      const updated = await port.updateWorker(ws, sid, {
        activitySid: activities.available.sid,
        attributes: RICH,
      });
      expect(updated).toMatchObject({
        sid,
        name: 'bob',
        activity: activities.available.name,
        activitySid: activities.available.sid,
        available: true,
        attributes: RICH,
      });
      // The activity changed just now, not when the worker was created a minute ago.
      expect(secondsFrom(updated.since, f().now())).toBeLessThanOrEqual(1);
      expect((await port.worker(ws, sid))?.attributes).toEqual(RICH);

      // An update of the activity alone leaves the attributes as they were, and the reverse.
      const away = await port.updateWorker(ws, sid, { activitySid: activities.offline.sid });
      expect(away).toMatchObject({ available: false, activity: activities.offline.name, attributes: RICH });
      const reskilled = await port.updateWorker(ws, sid, { attributes: { skills: [] } });
      expect(reskilled).toMatchObject({ available: false, attributes: { skills: [] } });
    });

    it('rejects the pending reservations of a worker going unavailable when asked to', async () => {
      const { port, workspaceSid: ws, workflowSid, activities } = f();
      const sid = await f().addWorker('carol', { available: true });
      const task = await port.createTask(ws, { workflowSid, taskChannel: 'voice', attributes: {} });
      const [offer] = await port.reservations(ws, sid, 'pending');
      expect(offer?.taskSid).toBe(task.sid);

      const away = await port.updateWorker(ws, sid, {
        activitySid: activities.offline.sid,
        rejectPendingReservations: true,
      });
      expect(away.available).toBe(false);
      expect((await port.reservation(ws, sid, offer?.sid ?? '')).status).toBe('rejected');
      expect(await port.reservations(ws, sid, 'pending')).toEqual([]);
      expect((await port.task(ws, task.sid))?.status).toBe('pending');
    });
  });
}
