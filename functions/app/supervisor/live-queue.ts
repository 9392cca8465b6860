// The live queue every agent and supervisor sees (waiting and ringing callers, longest first), and
// picking one: the caller leaves TaskRouter's queue and is connected to the agent who picked.
import type { User } from '../../domain/model.js';
import { HttpProblem } from '../../domain/problems.js';
import { customerNumberOf } from '../../domain/routing/workflow.js';
import { type Center, centerNumber } from '../center.js';
import { markAgentCall } from '../desk/calls.js';
import { existingTask, setActivity } from '../desk/workers.js';
import { providerStep } from '../provider-step.js';

export function createLiveQueue(center: Center) {
  const { store, taskrouter, telephony } = center;
  return {
    async list() {
      const sids = await center.routing();
      const ws = sids.workspaceSid;
      const tasks = await taskrouter.tasks(ws, ['pending', 'reserved']);
      const items = await Promise.all(
        tasks.map(async (t) => {
          const full = await taskrouter.task(ws, t.sid).catch(() => undefined);
          const a = full?.attributes ?? {};
          const ringing =
            t.status === 'reserved'
              ? (await taskrouter.taskReservations(ws, t.sid, 'pending'))[0]
              : undefined;
          const from = customerNumberOf(a);
          return {
            taskSid: t.sid,
            ...(typeof a.call_sid === 'string' ? { callSid: a.call_sid } : {}),
            ...(t.queue ? { queue: t.queue } : {}),
            ...(from ? { from } : {}),
            ...(typeof a.customer_id === 'string' ? { customerId: a.customer_id } : {}),
            vip: typeof a.vip === 'string' ? a.vip : 'none',
            priority: t.priority,
            waitSeconds: t.age,
            status: t.status,
            ...(ringing?.workerName
              ? { ringingAgentId: ringing.workerName, reservationSid: ringing.sid }
              : {}),
          };
        }),
      );
      return items.sort((x, y) => y.waitSeconds - x.waitSeconds);
    },

    async pick(user: User, taskSid: string) {
      // TaskRouter cannot re-target a task; the desk takes the caller out of it: the caller's call moves
      // into a conference of its own, the task is canceled, and my client is dialled in.
      const sids = await center.routing();
      const t = await existingTask(center, sids, taskSid);
      if (t.status !== 'pending' && t.status !== 'reserved')
        throw new HttpProblem(409, 'not-waiting', `Task ${taskSid} is ${t.status}, no longer waiting.`);
      const callSid = typeof t.attributes.call_sid === 'string' ? t.attributes.call_sid : undefined;
      if (!callSid) throw new HttpProblem(422, 'not-a-call', `Task ${taskSid} has no call to pick.`);
      const name = `pick-${taskSid}`;
      await providerStep('cancel task', () =>
        taskrouter.updateTask(sids.workspaceSid, taskSid, {
          assignmentStatus: 'canceled',
          reason: `picked by ${user.id}`,
        }),
      );
      await providerStep('move caller', () =>
        telephony.updateCall(callSid, {
          twiml: `<Response><Dial><Conference endConferenceOnExit="true" beep="false">${name}</Conference></Dial></Response>`,
        }),
      );
      const from = (await store.calls.get(callSid))?.to ?? centerNumber(center);
      const me = await providerStep('ring me', () =>
        telephony.addParticipant(name, {
          from,
          to: `client:${user.id}`,
          beep: false,
          endConferenceOnExit: false,
        }),
      );
      await markAgentCall(center, user.id, { conference: name, callSid });
      await store.calls.update(callSid, { agentId: user.id }).catch(() => undefined);
      const workerSid = sids.workers[user.id];
      if (workerSid) await setActivity(center, sids, workerSid, 'Busy', true).catch(() => undefined);
      await store.audit.append({
        actor: user.id,
        action: 'queue.pick',
        target: callSid,
        detail: { taskSid, ringing: t.status === 'reserved' },
      });
      return { callSid, taskSid, participantCallSid: me.callSid };
    },
  };
}
