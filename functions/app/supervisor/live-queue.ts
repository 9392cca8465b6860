// The live queue every agent and supervisor sees (waiting and ringing callers, longest first), and
// picking one: the caller is offered to the agent who picked, through TaskRouter like any offer.
import { routing } from '../../../flows/routing.js';
import type { User } from '../../domain/model.js';
import { HttpProblem } from '../../domain/problems.js';
import type { ProvisionedRouting } from '../../domain/routing/provisioned.js';
import { customerNumberOf } from '../../domain/routing/workflow.js';
import { isWorkItem } from '../../domain/taskrouter-port.js';
import { type Center, workerSidOf } from '../center.js';
import { missedOfferKey } from '../desk/missed-offers.js';
import { existingTask, setActivity } from '../desk/workers.js';
import { providerStep } from '../provider-step.js';
import { createAttributeCache } from './task-attributes.js';

function parseOffer(value: string): { taskSid: string; workerSid: string } | undefined {
  try {
    const v = JSON.parse(value) as { taskSid?: unknown; workerSid?: unknown };
    return typeof v.taskSid === 'string' && typeof v.workerSid === 'string'
      ? { taskSid: v.taskSid, workerSid: v.workerSid }
      : undefined;
  } catch {
    return undefined;
  }
}

export function createLiveQueue(center: Center) {
  const { store, clock, taskrouter } = center;

  /** The picking agent must be free: Available, or Missed, which the pick clears. */
  async function readyToPick(sids: ProvisionedRouting, workerSid: string, taskSid: string) {
    const ws = sids.workspaceSid;
    const ringing = async () => {
      const mine = await taskrouter.reservations(ws, workerSid, 'pending');
      if (mine.some((r) => r.taskSid === taskSid)) return 'this';
      if (mine.length > 0)
        throw new HttpProblem(409, 'offer-ringing', 'A call is ringing you: answer or decline it first.');
      return undefined;
    };
    if (await ringing()) return 'this';
    const w = await taskrouter.worker(ws, workerSid);
    if (w?.activity === routing.roles.missed) {
      // Back from Missed, TaskRouter may offer me the longest waiting caller before the pick lands.
      await setActivity(center, sids, workerSid, routing.roles.available, false);
      return ringing();
    }
    if (w?.activity !== routing.roles.available)
      throw new HttpProblem(
        409,
        'not-available',
        `You are ${w?.activity ?? 'not signed in'}: set yourself Available to pick a caller.`,
      );
    return undefined;
  }

  const attributes = createAttributeCache(taskrouter);

  /**
   * Who a ringing caller rings: the assignment callback names the worker of each offer of a call in the
   * call's task marker. Tasks without one (a transfer, a callback, an offer whose callback is still on its
   * way) ask TaskRouter, which is rare enough not to grow with the queue.
   */
  async function ringingAgent(
    ws: string,
    taskSid: string,
    callSid: string | undefined,
    agentOf: ReadonlyMap<string, string>,
  ): Promise<{ ringingAgentId?: string; reservationSid?: string }> {
    const marked = callSid ? await store.keys.get({ kind: 'call-task', callSid }) : undefined;
    const offer = marked ? parseOffer(String(marked.value)) : undefined;
    const agentId = offer?.taskSid === taskSid ? agentOf.get(offer.workerSid) : undefined;
    if (agentId) return { ringingAgentId: agentId };
    const r = (await taskrouter.taskReservations(ws, taskSid, 'pending'))[0];
    return r?.workerName ? { ringingAgentId: r.workerName, reservationSid: r.sid } : {};
  }

  return {
    /**
     * One task list per poll whatever the queue's length. TaskRouter's list leaves attributes out, so
     * a caller's are fetched once, when their task is first seen, and kept while it waits; the ringing
     * agent comes from the marker the assignment callback writes, not from a reservation list per task.
     */
    async list() {
      const sids = await center.routing();
      const ws = sids.workspaceSid;
      const tasks = await taskrouter.tasks(ws, ['pending', 'reserved']);
      attributes.keep(new Set(tasks.map((t) => t.sid)));
      const agentOf = new Map(Object.entries(sids.workers).map(([agentId, sid]) => [sid, agentId]));
      const items = await Promise.all(
        tasks.map(async (t) => {
          const a = await attributes.of(ws, t.sid);
          const callSid = typeof a.call_sid === 'string' ? a.call_sid : undefined;
          const ringing =
            t.status === 'reserved' ? await ringingAgent(ws, t.sid, callSid, agentOf) : undefined;
          const from = customerNumberOf(a);
          return {
            taskSid: t.sid,
            ...(callSid ? { callSid } : {}),
            ...(t.queue ? { queue: t.queue } : {}),
            ...(from ? { from } : {}),
            ...(typeof a.customer_id === 'string' ? { customerId: a.customer_id } : {}),
            vip: typeof a.vip === 'string' ? a.vip : 'none',
            ...(isWorkItem(a) ? { channel: a.type as 'sms' | 'fax' } : {}),
            priority: t.priority,
            waitSeconds: t.age,
            status: t.status,
            ...ringing,
          };
        }),
      );
      return items.sort((x, y) => y.waitSeconds - x.waitSeconds);
    },

    async pick(user: User, taskSid: string) {
      // TaskRouter cannot hand a task to a worker directly; the pick names the agent in the task's
      // attributes and the workflow's first filter offers it to them at once. The call then goes the
      // way of any offer (conference, screen pop, wrap-up), and TaskRouter's own figures count it as
      // accepted, not canceled.
      const sids = await center.routing();
      const ws = sids.workspaceSid;
      const workerSid = workerSidOf(sids, user.id);
      const t = await existingTask(center, sids, taskSid);
      if (t.status !== 'pending' && t.status !== 'reserved')
        throw new HttpProblem(409, 'not-waiting', `Task ${taskSid} is ${t.status}, no longer waiting.`);
      const callSid = typeof t.attributes.call_sid === 'string' ? t.attributes.call_sid : undefined;
      if (!callSid) throw new HttpProblem(422, 'not-a-call', `Task ${taskSid} has no call to pick.`);
      if ((await readyToPick(sids, workerSid, taskSid)) === 'this') return { callSid, taskSid };
      // A queue of mine: the caller's own when I have its skill.
      const queue = typeof t.attributes.queue === 'string' ? t.attributes.queue : undefined;
      const pickQueue = queue && user.skills.includes(queue) ? queue : user.skills[0];
      if (!pickQueue)
        throw new HttpProblem(409, 'no-queue', 'You belong to no queue, so no caller can be offered to you.');
      const attributes = { ...t.attributes, picked: true, picked_by: user.id, pick_queue: pickQueue };
      const ringingOthers = t.status === 'reserved';
      // Another agent's ring for this caller ends without counting as their miss. Ending it may offer
      // the caller to a third agent at once, so this repeats until the task waits for me.
      for (let round = 0; round < 5; round++) {
        const others = (await taskrouter.taskReservations(ws, taskSid, 'pending')).filter(
          (r) => r.workerSid !== workerSid,
        );
        if (others.length === 0) {
          const now = await existingTask(center, sids, taskSid);
          if (now.status !== 'pending' && now.status !== 'reserved')
            throw new HttpProblem(409, 'not-waiting', `Task ${taskSid} is ${now.status}, no longer waiting.`);
          if (now.status === 'reserved') break; // offered to me
          // A waiting task runs through the workflow again when its attributes change.
          await providerStep('pick task', () => taskrouter.updateTask(ws, taskSid, { attributes }));
          const after = await taskrouter.taskReservations(ws, taskSid, 'pending');
          if (after.every((r) => r.workerSid === workerSid)) break;
          continue;
        }
        for (const r of others) {
          await store.keys.putIfAbsent(
            missedOfferKey(r.sid),
            'picked',
            new Date(clock.now() + 86_400_000).toISOString(),
          );
          await providerStep('end ring', () =>
            taskrouter.updateReservation(ws, r.workerSid, r.sid, { status: 'rejected' }),
          ).catch(() => undefined); // already ended: accepted, timed out or rescinded meanwhile
        }
      }
      await store.audit.append({
        actor: user.id,
        action: 'queue.pick',
        target: callSid,
        detail: { taskSid, ringing: ringingOthers, queue: pickQueue },
      });
      return { callSid, taskSid };
    },
  };
}
