// TaskRouter reads and writes the desk needs, through the official client: the agent's worker, its
// reservations, activity changes. Keeps the client's shapes out of the rule modules.
import type { TwilioClient } from '../../adapters/twilio/client.js';
import { HttpProblem } from '../errors.js';
import { activitySid, type RoutingSids, workerSidOf } from './routing-sids.js';

export interface WorkerView {
  readonly sid: string;
  readonly agentId: string;
  readonly activity: string;
  readonly available: boolean;
  readonly since?: string;
  readonly attributes: Record<string, unknown>;
}

export interface ReservationView {
  readonly reservationSid: string;
  readonly taskSid: string;
  readonly status: string;
}

function parse(json: string | null | undefined): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(json ?? '{}');
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function createWorkers(twilio: TwilioClient) {
  const ws = (sids: RoutingSids) => twilio.taskrouter.v1.workspaces(sids.workspaceSid);
  return {
    ws,
    parse,
    async worker(sids: RoutingSids, agentId: string): Promise<WorkerView> {
      const w = await ws(sids).workers(workerSidOf(sids, agentId)).fetch();
      return {
        sid: w.sid,
        agentId,
        activity: w.activityName,
        available: w.available,
        since: w.dateStatusChanged?.toISOString(),
        attributes: parse(w.attributes),
      };
    },
    async reservations(sids: RoutingSids, workerSid: string, status?: string): Promise<ReservationView[]> {
      const list = await ws(sids)
        .workers(workerSid)
        .reservations.list({ ...(status ? { reservationStatus: status as 'pending' } : {}), limit: 50 });
      return list.map((r) => ({ reservationSid: r.sid, taskSid: r.taskSid, status: r.reservationStatus }));
    },
    async setActivity(
      sids: RoutingSids,
      workerSid: string,
      name: string,
      rejectPending: boolean,
    ): Promise<void> {
      await ws(sids)
        .workers(workerSid)
        .update({
          activitySid: activitySid(sids, name),
          ...(rejectPending ? { rejectPendingReservations: true } : {}),
        });
    },
    async task(sids: RoutingSids, taskSid: string) {
      const t = await ws(sids).tasks(taskSid).fetch();
      return {
        sid: t.sid,
        status: t.assignmentStatus,
        queue: t.taskQueueFriendlyName,
        attributes: parse(t.attributes),
        age: t.age,
        priority: t.priority,
      };
    },
  };
}

export type Workers = ReturnType<typeof createWorkers>;

/** Twilio REST errors (a 4xx from TaskRouter or the 2010 API) become a 409 naming what failed. */
export async function twilioStep<T>(what: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    const e = err as { status?: number; code?: number; message?: string };
    if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
      if (e.status === 404) throw new HttpProblem(404, 'not-found', `${what}: ${e.message ?? 'not found'}`);
      throw new HttpProblem(409, 'twilio-refused', `${what}: ${e.message ?? 'refused'}`, {
        twilioCode: e.code,
      });
    }
    throw err;
  }
}
