// Supervisor actions and the shared live views: the wallboard (one cached snapshot for every console),
// the live queue, picking a waiting or ringing call, monitor/whisper/barge, take over, force hang-up and
// force state. Every supervisor action is audited. The supervisor's audio is a `client:<id>` leg dialled
// into the call's conference (reference §8.3).
import { agentCallKey, HEARTBEAT_TIMEOUT_SECONDS, ON_CALL } from '../../domain/agent-state.js';
import type { User } from '../../domain/model.js';
import { customerNumberOf } from '../../domain/routing/workflow.js';
import type { AppDeps } from '../deps.js';
import { HttpProblem } from '../errors.js';
import type { CallFinder } from './calls.js';
import { heartbeatKey } from './presence.js';
import { type RoutingSids, routingSids } from './routing-sids.js';
import { twilioStep, type Workers } from './workers.js';

export const SERVICE_LEVEL_SECONDS = 20;
const WALLBOARD_CACHE_MS = 2000;
type ChangeState = (
  user: User,
  agentId: string,
  state: 'Available' | 'Busy' | 'Offline',
  reason?: string,
) => Promise<void>;

export function createSupervisorOps(
  deps: AppDeps,
  workers: Workers,
  calls: CallFinder,
  changeState: ChangeState,
) {
  const { store, clock, twilio, config } = deps;
  let cache: { at: number; board: Awaited<ReturnType<typeof build>> } | undefined;
  let building: Promise<Awaited<ReturnType<typeof build>>> | undefined;
  const iso = (ms: number) => new Date(ms).toISOString();

  function midnight(): Date {
    // Today in the center's time zone, as a UTC instant.
    const now = new Date(clock.now());
    const local = new Date(now.toLocaleString('en-US', { timeZone: config.timeZone }));
    const offset = local.getTime() - now.getTime();
    const startLocal = new Date(local);
    startLocal.setHours(0, 0, 0, 0);
    return new Date(startLocal.getTime() - offset);
  }

  async function build() {
    const sids = await routingSids(store);
    const ws = workers.ws(sids);
    const [stats, list, users] = await Promise.all([
      ws.taskQueues.statistics.list({
        startDate: midnight(),
        splitByWaitTime: String(SERVICE_LEVEL_SECONDS),
        limit: 100,
      }),
      ws.workers.list({ limit: 1000 }),
      store.users.list({ limit: 200 }),
    ]);
    const names = new Map(users.items.map((u) => [u.id, u.name]));
    const queueNames = new Map(Object.entries(sids.queues).map(([name, sid]) => [sid, name]));
    const queues = stats.map((s) => {
      const rt = s.realtime as Record<string, unknown>;
      const cu = s.cumulative as Record<string, unknown>;
      const byStatus = (rt.tasks_by_status ?? {}) as Record<string, number>;
      const split = (cu.split_by_wait_time ?? {}) as Record<
        string,
        { above?: { tasks_accepted?: number }; below?: { tasks_accepted?: number; tasks_canceled?: number } }
      >;
      const within = split[String(SERVICE_LEVEL_SECONDS)]?.below;
      const answered = Number(cu.reservations_accepted ?? 0);
      const abandoned = Number(cu.tasks_canceled ?? 0);
      const offered = answered + abandoned;
      return {
        queue: queueNames.get(s.taskQueueSid) ?? s.taskQueueSid,
        waiting: Number(byStatus.pending ?? 0),
        longestWaitSeconds: Number(rt.longest_task_waiting_age ?? 0),
        availableAgents: Number(rt.total_available_workers ?? 0),
        answeredToday: answered,
        abandonedToday: abandoned,
        serviceLevelToday: offered ? Number(within?.tasks_accepted ?? 0) / offered : null,
      };
    });
    const now = clock.now();
    // One GetItem per agent for the heartbeat; busy agents' calls come from their reservations.
    const agents = await Promise.all(
      list.map(async (w) => {
        const [hb, call] = await Promise.all([
          store.keys.get(heartbeatKey(w.friendlyName)),
          // TaskRouter keeps an agent on a call Available (capacity, not activity, says busy): look there too.
          w.activityName === 'Offline' || w.activityName === 'Break' ? undefined : currentOf(sids, w.sid),
        ]);
        const since = w.dateStatusChanged?.toISOString();
        return {
          agentId: w.friendlyName,
          ...(names.get(w.friendlyName) ? { name: names.get(w.friendlyName) } : {}),
          workerSid: w.sid,
          state: call ? ON_CALL : w.activityName,
          activity: w.activityName,
          ...(since
            ? { since, secondsInState: Math.max(0, Math.round((now - Date.parse(since)) / 1000)) }
            : {}),
          online: hb !== undefined,
          ...(call ? { call } : {}),
        };
      }),
    );
    return { at: iso(now), serviceLevelSeconds: SERVICE_LEVEL_SECONDS, queues, agents };
  }

  async function currentOf(sids: RoutingSids, workerSid: string) {
    const [r] = await workers.reservations(sids, workerSid, 'accepted');
    if (!r) return undefined;
    const t = await workers.task(sids, r.taskSid).catch(() => undefined);
    return {
      taskSid: r.taskSid,
      ...(typeof t?.attributes.call_sid === 'string' ? { callSid: t.attributes.call_sid } : {}),
      ...(t && customerNumberOf(t.attributes) ? { from: customerNumberOf(t.attributes) } : {}),
      ...(t?.queue ? { queue: t.queue } : {}),
    };
  }

  async function audit(user: User, action: string, target: string, detail: Record<string, unknown>) {
    await store.audit.append({ actor: user.id, action, target, detail });
  }

  async function supervisorLeg(
    user: User,
    callSid: string,
    mode: 'monitor' | 'whisper' | 'barge' | 'take-over',
  ) {
    const call = await calls.ofCustomerCall(callSid);
    const conf = twilio.conferences(call.conferenceSid);
    const mine = call.legs.find((l) => l.to === `client:${user.id}`);
    const agentLeg = call.myLeg?.callSid;
    const coach = mode === 'whisper';
    if (coach && !agentLeg)
      throw new HttpProblem(409, 'no-agent', 'Nobody to whisper to: the agent is not on the call.');
    const settings = {
      muted: mode === 'monitor',
      coaching: coach,
      ...(coach && agentLeg ? { callSidToCoach: agentLeg } : {}),
    };
    let legSid = mine?.callSid;
    if (legSid) {
      const leg = legSid;
      await twilioStep('change mode', () => conf.participants(leg).update(settings));
    } else {
      const record = await store.calls.get(callSid);
      const created = await twilioStep('join supervisor', () =>
        conf.participants.create({
          from: record?.to ?? '+10000000000',
          to: `client:${user.id}`,
          label: `supervisor-${user.id}`,
          beep: 'false',
          endConferenceOnExit: false,
          ...settings,
        }),
      );
      legSid = created.callSid;
    }
    return { call, legSid };
  }

  return {
    async wallboard() {
      const now = clock.now();
      if (cache && now - cache.at < WALLBOARD_CACHE_MS) return { ...cache.board, cached: true };
      building ??= build().finally(() => {
        building = undefined;
      });
      const board = await building;
      cache = { at: now, board };
      return { ...board, cached: false };
    },
    async queue() {
      const sids = await routingSids(store);
      const ws = workers.ws(sids);
      const tasks = await ws.tasks.list({ assignmentStatus: ['pending', 'reserved'], limit: 200 });
      const items = await Promise.all(
        tasks.map(async (t) => {
          const full = await workers.task(sids, t.sid).catch(() => undefined);
          const a = full?.attributes ?? {};
          const ringing =
            t.assignmentStatus === 'reserved'
              ? (await ws.tasks(t.sid).reservations.list({ reservationStatus: 'pending', limit: 1 }))[0]
              : undefined;
          return {
            taskSid: t.sid,
            ...(typeof a.call_sid === 'string' ? { callSid: a.call_sid } : {}),
            ...(t.taskQueueFriendlyName ? { queue: t.taskQueueFriendlyName } : {}),
            ...(customerNumberOf(a) ? { from: customerNumberOf(a) } : {}),
            ...(typeof a.customer_id === 'string' ? { customerId: a.customer_id } : {}),
            vip: typeof a.vip === 'string' ? a.vip : 'none',
            priority: t.priority,
            waitSeconds: t.age,
            status: t.assignmentStatus,
            ...(ringing ? { ringingAgentId: ringing.workerName, reservationSid: ringing.sid } : {}),
          };
        }),
      );
      return items.sort((x, y) => y.waitSeconds - x.waitSeconds);
    },
    async pick(user: User, taskSid: string) {
      // TaskRouter cannot re-target a task; the desk takes the caller out of it: the caller's call moves
      // into a conference of its own, the task is canceled, and my client is dialled in.
      const sids = await routingSids(store);
      const t = await workers.task(sids, taskSid);
      if (t.status !== 'pending' && t.status !== 'reserved')
        throw new HttpProblem(409, 'not-waiting', `Task ${taskSid} is ${t.status}, no longer waiting.`);
      const callSid = typeof t.attributes.call_sid === 'string' ? t.attributes.call_sid : undefined;
      if (!callSid) throw new HttpProblem(422, 'not-a-call', `Task ${taskSid} has no call to pick.`);
      const name = `pick-${taskSid}`;
      await twilioStep('cancel task', () =>
        workers
          .ws(sids)
          .tasks(taskSid)
          .update({ assignmentStatus: 'canceled', reason: `picked by ${user.id}` }),
      );
      await twilioStep('move caller', () =>
        twilio.calls(callSid).update({
          twiml: `<Response><Dial><Conference endConferenceOnExit="true" beep="false">${name}</Conference></Dial></Response>`,
        }),
      );
      const from = (await store.calls.get(callSid))?.to ?? '+10000000000';
      const me = await twilioStep('ring me', () =>
        twilio
          .conferences(name)
          .participants.create({ from, to: `client:${user.id}`, beep: 'false', endConferenceOnExit: false }),
      );
      await store.keys.delete(agentCallKey(user.id));
      await store.keys.putIfAbsent(
        agentCallKey(user.id),
        JSON.stringify({ conference: name, callSid }),
        iso(clock.now() + 86_400_000),
      );
      await store.calls.update(callSid, { agentId: user.id }).catch(() => undefined);
      await workers.setActivity(sids, sids.workers[user.id] ?? '', 'Busy', true).catch(() => undefined);
      await audit(user, 'queue.pick', callSid, { taskSid, ringing: t.status === 'reserved' });
      return { callSid, taskSid, participantCallSid: me.callSid };
    },
    async monitor(user: User, callSid: string, mode: 'monitor' | 'whisper' | 'barge') {
      const { call, legSid } = await supervisorLeg(user, callSid, mode);
      await audit(user, 'supervisor.monitor', callSid, { mode, conferenceSid: call.conferenceSid });
      return { callSid, conferenceSid: call.conferenceSid, supervisorCallSid: legSid, mode };
    },
    async takeOver(user: User, callSid: string) {
      const { call, legSid } = await supervisorLeg(user, callSid, 'barge');
      const agentLeg = call.myLeg?.callSid;
      if (agentLeg)
        await twilio
          .conferences(call.conferenceSid)
          .participants(agentLeg)
          .remove()
          .catch(() => undefined);
      if (call.taskSid) {
        const sids = await routingSids(store);
        await workers
          .ws(sids)
          .tasks(call.taskSid)
          .update({ assignmentStatus: 'wrapping', reason: `taken over by ${user.id}` })
          .catch(() => undefined);
      }
      await audit(user, 'supervisor.takeOver', callSid, {
        conferenceSid: call.conferenceSid,
        agentCallSid: agentLeg,
      });
      return { callSid, conferenceSid: call.conferenceSid, supervisorCallSid: legSid, mode: 'take-over' };
    },
    async hangup(user: User, callSid: string) {
      await routingSids(store);
      const call = await calls.ofCustomerCall(callSid).catch(() => undefined);
      if (call)
        await twilioStep('end conference', () =>
          twilio.conferences(call.conferenceSid).update({ status: 'completed' }),
        );
      else await twilioStep('end call', () => twilio.calls(callSid).update({ status: 'completed' }));
      await audit(user, 'supervisor.hangup', callSid, call ? { conferenceSid: call.conferenceSid } : {});
    },
    async forceState(
      user: User,
      agentId: string,
      body: { state: 'Available' | 'Busy' | 'Offline'; reason?: string | undefined },
    ) {
      const sids = await routingSids(store);
      if (!sids.workers[agentId])
        throw new HttpProblem(404, 'not-found', `No worker for agent "${agentId}".`);
      await changeState(user, agentId, body.state, body.reason);
      if (body.state === 'Offline') await store.keys.delete(heartbeatKey(agentId));
      await audit(user, 'supervisor.forceState', agentId, {
        state: body.state,
        ...(body.reason ? { reason: body.reason } : {}),
      });
      cache = undefined;
      const w = await workers.worker(sids, agentId);
      const hb = await store.keys.get(heartbeatKey(agentId));
      return {
        agentId,
        workerSid: w.sid,
        state: w.activity,
        ...(w.since ? { since: w.since } : {}),
        online: hb !== undefined && HEARTBEAT_TIMEOUT_SECONDS > 0,
      };
    },
  };
}
