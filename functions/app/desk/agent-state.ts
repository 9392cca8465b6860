// The agent's own state: what the desk shows (activity, live call, reservations, heartbeat, break
// reason) and the changes an agent or a supervisor asks for, decided by the domain's state rules.
import { routing as routingConfig } from '../../../flows/routing.js';
import { agentCallKey, decideState, HEARTBEAT_INTERVAL_SECONDS, ON_CALL } from '../../domain/agent-state.js';
import { internalCallOf, isLive, shownInternalCall } from '../../domain/internal-call.js';
import type { User } from '../../domain/model.js';
import type { MarkerKey } from '../../domain/ports.js';
import { HttpProblem } from '../../domain/problems.js';
import { agentState } from '../../domain/wallboard-rules.js';
import { type Center, workerSidOf } from '../center.js';
import { providerStep } from '../provider-step.js';
import { completeWrapping } from '../wrap-up.js';
import { wrapUpSecondsFor } from '../wrap-up-settings.js';
import {
  type CallCustomer,
  type CallFinder,
  type CurrentCall,
  customerOfTask,
  type StoredMarker,
  silentMonitor,
  supervisorHeard,
} from './calls.js';
import { heartbeatAlive, recordHeartbeat } from './presence.js';
import { agentWorker, setActivity } from './workers.js';

export const breakKey = (agentId: string): MarkerKey => ({ kind: 'break', agentId });

export type RequestedState = 'Available' | 'Busy' | 'Break' | 'Offline';

export function callView(call: CurrentCall) {
  const customer = call.legs.find((l) => l.callSid === call.callSid);
  const supervisor = supervisorHeard(call.legs, call.myLeg?.callSid);
  return {
    taskSid: call.taskSid ?? '',
    callSid: call.callSid,
    conferenceSid: call.conferenceSid,
    ...(call.myLeg ? { agentCallSid: call.myLeg.callSid } : {}),
    ...(call.myLeg?.startedAt ? { connectedAt: call.myLeg.startedAt } : {}),
    onHold: customer?.hold ?? false,
    muted: call.myLeg?.muted ?? false,
    participants: call.legs
      .filter((l) => !silentMonitor(l))
      .map((l) => ({
        callSid: l.callSid,
        ...(l.label ? { label: l.label } : {}),
        hold: l.hold,
        muted: l.muted,
      })),
    ...(supervisor ? { supervisor } : {}),
    ...(call.transfer ? { transfer: call.transfer } : {}),
    ...(call.customer ? { customer: call.customer } : {}),
  };
}

/**
 * The customer's call of a task of mine the call finder sees no conference for: a callback (its agent leg
 * is a plain call, its customer leg first known when they answer), or the task I am wrapping up. The
 * desk saves what the agent files and writes on it, and starts the pop from its customer.
 */
export interface TaskCallView {
  readonly taskSid: string;
  readonly callSid?: string;
  readonly customer?: CallCustomer;
}

/** What a change of state has read or written in its request, for the status that answers it. */
export interface KnownState {
  readonly agentCall: Promise<StoredMarker | undefined>;
  readonly heartbeatExpiresAt?: string;
}

export function createAgentState(center: Center, calls: CallFinder) {
  const { store, clock, taskrouter } = center;

  /** `known`: what a change of state in the same request has just read or written. */
  async function status(user: User, known?: KnownState) {
    const sids = await center.routing(user.id);
    const w = await agentWorker(center, sids, user.id);
    // One list of reservations serves both the offers and the call finder; the break reason is read
    // only on a break.
    const allReservations = taskrouter.reservations(sids.workspaceSid, w.sid);
    const [reservations, call, hb, brk] = await Promise.all([
      allReservations,
      calls.find(user.id, sids, allReservations, known?.agentCall),
      known?.heartbeatExpiresAt ?? heartbeatAlive(store, user.id),
      w.activity === 'Break' ? store.keys.get(breakKey(user.id)) : undefined,
    ]);
    // Kept on the worker, which is read anyway: a desk's poll costs no extra read for it.
    const internal = shownInternalCall(internalCallOf(w.attributes), clock.now());
    const open = reservations
      .filter((r) => ['pending', 'accepted', 'wrapping'].includes(r.status))
      .map((r) => ({ reservationSid: r.sid, taskSid: r.taskSid, status: r.status }));
    const [ofTask, offers] = await Promise.all([
      call ? undefined : callOfTask(sids.workspaceSid, open),
      offeredTasks(sids.workspaceSid, open),
    ]);
    const taskCall = ofTask?.view;
    const wrapUpEndsAt = await wrapUpEnds(w.activity, w.since, ofTask?.flow);
    // On call by the wallboard's rule too: a callback's agent leg comes from a `call` instruction, with no
    // conference the call finder can see, yet its reservation is accepted while the agent stays in an
    // available activity. Once the app has moved the agent on (Wrap-up after a transfer they left), the
    // activity speaks: the reservation may still read accepted until the wrap-up completes it. Otherwise
    // the desk shows the activity, whose name its state buttons need.
    const ruled = agentState(
      { activity: w.activity, available: w.available, ...(w.since ? { since: w.since } : {}), reservations },
      routingConfig.roles,
    );
    const talking = internal?.status === 'in-progress';
    const state = call || talking || (ruled === ON_CALL && w.available) ? ON_CALL : w.activity;
    const skills = Array.isArray(w.attributes.skills) ? (w.attributes.skills as string[]) : [...user.skills];
    return {
      agentId: user.id,
      workerSid: w.sid,
      // Derived from what happens: a live call makes me On call whatever the activity.
      state,
      activity: w.activity,
      available: w.available,
      ...(w.activity === 'Break' && brk ? { breakReason: String(brk.value) } : {}),
      ...(w.since ? { since: w.since } : {}),
      ...(wrapUpEndsAt ? { wrapUpEndsAt } : {}),
      skills,
      allSkills: [...user.skills],
      // A pending offer carries its task's attributes, as the Worker SDK's reservation event gives them to
      // the page: a page reloaded while it rang shows who is calling.
      reservations: open.map((r) => {
        const a = offers.get(r.taskSid);
        if (!a) return r;
        const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
        const from = text(a.customer_number) ?? text(a.callback_number) ?? text(a.from);
        const fields = { from, queue: text(a.queue), vip: text(a.vip), callSid: text(a.call_sid) };
        const known = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
        return { ...r, ...known, taskAttributes: a };
      }),
      ...(call ? { call: callView(call) } : {}),
      ...(taskCall ? { taskCall } : {}),
      ...(internal
        ? {
            internalCall: {
              role: internal.role,
              peer: internal.peer,
              status: internal.status,
              since: internal.since,
            },
          }
        : {}),
      ...(hb ? { heartbeatExpiresAt: hb } : {}),
      // The center's clock, which need not be the browser's: the desk's timers count in it.
      at: new Date(clock.now()).toISOString(),
    };
  }

  /** The attributes of the tasks offered to me (pending reservations: only while something rings me). */
  async function offeredTasks(
    workspaceSid: string,
    open: readonly { readonly taskSid: string; readonly status: string }[],
  ): Promise<Map<string, Readonly<Record<string, unknown>>>> {
    const pending = open.filter((r) => r.status === 'pending');
    const tasks = await Promise.all(
      pending.map((r) => taskrouter.task(workspaceSid, r.taskSid).catch(() => undefined)),
    );
    return new Map(tasks.flatMap((t) => (t ? [[t.sid, t.attributes] as const] : [])));
  }

  /** Read from the task's attributes: a reloaded page knows nothing of the call it was on. */
  async function callOfTask(
    workspaceSid: string,
    open: readonly { readonly taskSid: string; readonly status: string }[],
  ): Promise<{ view: TaskCallView; flow?: string } | undefined> {
    for (const r of open) {
      if (r.status !== 'wrapping' && r.status !== 'accepted') continue;
      const task = await taskrouter.task(workspaceSid, r.taskSid).catch(() => undefined);
      if (!task || (r.status === 'accepted' && task.attributes.type !== 'callback')) continue;
      const callSid = task.attributes.call_sid;
      const customer = customerOfTask(task.attributes);
      const flow = typeof task.attributes.flow === 'string' ? task.attributes.flow : undefined;
      return {
        view: {
          taskSid: r.taskSid,
          ...(typeof callSid === 'string' && callSid ? { callSid } : {}),
          ...(customer ? { customer } : {}),
        },
        ...(flow ? { flow } : {}),
      };
    }
    return undefined;
  }

  /**
   * When the wrap-up timer ends it: the hotline's wrap-up time (the console's) after the agent went into
   * Wrap-up, as the timer was set; so the desk's countdown is the server's, not a guess.
   */
  async function wrapUpEnds(activity: string, since: string | undefined, flow: string | undefined) {
    if (activity !== routingConfig.roles.wrapUp || !since) return undefined;
    const seconds = await wrapUpSecondsFor(center, flow);
    return new Date(Date.parse(since) + seconds * 1000).toISOString();
  }

  /**
   * `user` asks for `agentId`'s state: themselves, or a supervisor forcing an agent's. Returns what it read
   * and wrote that the agent's status then needs (their call marker, their heartbeat).
   */
  async function changeState(
    user: User,
    agentId: string,
    state: RequestedState,
    reason?: string,
  ): Promise<KnownState> {
    const sids = await center.routing(agentId);
    const workerSid = workerSidOf(sids, agentId);
    // One list of the worker's reservations tells both whether they are on a call and what they wrap up.
    const reservations = taskrouter.reservations(sids.workspaceSid, workerSid);
    const agentCall = store.keys.get(agentCallKey(agentId));
    const [w, call] = await Promise.all([
      agentWorker(center, sids, agentId),
      calls.find(agentId, sids, reservations, agentCall),
    ]);
    // A colleague on the line counts as a call: going Available would let a customer ring in meanwhile.
    const internal = internalCallOf(w.attributes);
    // A callback whose leg dials the customer straight has no conference for the finder to see.
    const onCall =
      call !== undefined ||
      (internal !== undefined && isLive(internal)) ||
      (await calls.direct(agentId, sids, reservations)) !== undefined;
    const decision = decideState({ activity: w.activity, onCall }, state);
    if (!decision.ok) throw new HttpProblem(409, decision.reason, decision.message);
    if (decision.endWrapUp || state === 'Available')
      await completeWrapping(
        center,
        sids,
        workerSid,
        (await reservations).filter((r) => r.status === 'wrapping'),
      );
    // Going Available is proof the page is alive: count it as a heartbeat so the sweeper leaves it be.
    const beat =
      state === 'Available' && user.id === agentId ? await recordHeartbeat(store, clock, agentId) : undefined;
    await providerStep('change activity', () =>
      setActivity(center, sids, workerSid, state, state !== 'Available'),
    );
    // A reason is kept only while on a break: nothing to clear after any other activity.
    if (w.activity === 'Break' || state === 'Break') await store.keys.delete(breakKey(agentId));
    if (state === 'Break')
      await store.keys.putIfAbsent(
        breakKey(agentId),
        reason ?? 'break',
        new Date(clock.now() + 86_400_000).toISOString(),
      );
    return { agentCall, ...(beat ? { heartbeatExpiresAt: beat.expiresAt } : {}) };
  }

  async function setSkills(user: User, skills: readonly string[]) {
    const unknown = skills.filter((s) => !user.skills.includes(s));
    if (unknown.length)
      throw new HttpProblem(422, 'unknown-skill', `You do not have the skills ${unknown.join(', ')}.`);
    const sids = await center.routing(user.id);
    const w = await agentWorker(center, sids, user.id);
    await providerStep('update skills', () =>
      taskrouter.updateWorker(sids.workspaceSid, w.sid, { attributes: { ...w.attributes, skills } }),
    );
    return status(user);
  }

  /**
   * Every open page sends one every few seconds, so the steady state is one conditional write: the SIDs
   * come from the cache, and TaskRouter is asked for the activity only when the heartbeat had lapsed,
   * the one time the sweep may have moved the agent without the page knowing.
   */
  async function heartbeat(user: User) {
    const cached = await center.provisioned();
    // An agent added within the cache's minute is not in it yet: read afresh before refusing.
    const sids = cached.workers[user.id] ? cached : await center.routing(user.id);
    workerSidOf(sids, user.id);
    const { expiresAt, lapsed } = await recordHeartbeat(store, clock, user.id);
    const w = lapsed ? await agentWorker(center, sids, user.id) : undefined;
    return {
      expiresAt,
      ...(w ? { state: w.activity } : {}),
      intervalSeconds: HEARTBEAT_INTERVAL_SECONDS,
    };
  }

  return { status, changeState, setSkills, heartbeat };
}

export type AgentState = ReturnType<typeof createAgentState>;
