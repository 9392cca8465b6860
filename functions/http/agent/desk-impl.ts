// Builds the AgentDesk from the app's dependencies: token, state and presence, reservations and call
// controls (calls.ts), the live queue, supervisor actions (supervisor.ts); composed here.
import {
  conferenceOfferKey,
  decideState,
  HEARTBEAT_INTERVAL_SECONDS,
  ON_CALL,
  outboundConferenceName,
} from '../../domain/agent-state.js';
import type { User } from '../../domain/model.js';
import type { MarkerKey } from '../../domain/ports.js';
import { customerNumberOf } from '../../domain/routing/workflow.js';
import type { AppDeps } from '../deps.js';
import { ForbiddenError, HttpProblem, NotFoundError } from '../errors.js';
import { beginWrapUp, createIvrServices } from '../twilio/ivr/ivr-services.js';
import { mintAccessToken } from './access-token.js';
import { createBlacklistRequests } from './blacklist-requests.js';
import { type CurrentCall, createCallFinder, outboundKey } from './calls.js';
import type { AgentDesk } from './desk.js';
import { heartbeatAlive, recordHeartbeat } from './presence.js';
import { ROUTING_SETTING_NAME, type RoutingSids, routingSids, workerSidOf } from './routing-sids.js';
import { createSupervisorOps } from './supervisor.js';
import { createWorkers, twilioStep } from './workers.js';

const HOLD_MUSIC = 'http://com.twilio.music.classical.s3.amazonaws.com/BusyStrings.mp3';
export const breakKey = (agentId: string): MarkerKey => ({ kind: 'break', agentId });

export function createAgentDesk(deps: AppDeps): AgentDesk {
  const ivr = createIvrServices(deps);
  const { store, clock, twilio } = deps;
  const workers = createWorkers(twilio);
  const calls = createCallFinder(deps, workers);
  const iso = (ms: number) => new Date(ms).toISOString();
  const dayEnd = () => iso(clock.now() + 24 * 3600_000);

  async function status(user: User) {
    const sids = await routingSids(store);
    const w = await workers.worker(sids, user.id);
    const [reservations, call, hb, brk] = await Promise.all([
      workers.reservations(sids, w.sid),
      calls.find(user.id, sids),
      heartbeatAlive(store, user.id),
      store.keys.get(breakKey(user.id)),
    ]);
    const open = reservations.filter((r) => ['pending', 'accepted', 'wrapping'].includes(r.status));
    const skills = Array.isArray(w.attributes.skills) ? (w.attributes.skills as string[]) : [...user.skills];
    return {
      agentId: user.id,
      workerSid: w.sid,
      // Derived from what happens: a live call (its conference is up) makes me On call whatever the activity.
      state: call ? ON_CALL : w.activity,
      activity: w.activity,
      available: w.available,
      ...(w.activity === 'Break' && brk ? { breakReason: String(brk.value) } : {}),
      ...(w.since ? { since: w.since } : {}),
      skills,
      allSkills: [...user.skills],
      reservations: open,
      ...(call ? { call: callView(call) } : {}),
      ...(hb ? { heartbeatExpiresAt: hb } : {}),
    };
  }

  function callView(call: CurrentCall) {
    const customer = call.legs.find((l) => l.callSid === call.callSid);
    return {
      ...(call.taskSid ? { taskSid: call.taskSid } : { taskSid: '' }),
      callSid: call.callSid,
      conferenceSid: call.conferenceSid,
      ...(call.myLeg ? { agentCallSid: call.myLeg.callSid } : {}),
      onHold: customer?.hold ?? false,
      muted: call.myLeg?.muted ?? false,
      participants: call.legs.map((l) => ({
        callSid: l.callSid,
        ...(l.label ? { label: l.label } : {}),
        hold: l.hold,
        muted: l.muted,
      })),
    };
  }

  async function completeWrapping(sids: RoutingSids, workerSid: string): Promise<void> {
    for (const r of await workers.reservations(sids, workerSid, 'wrapping')) {
      await twilioStep('complete task', () =>
        workers.ws(sids).tasks(r.taskSid).update({ assignmentStatus: 'completed', reason: 'wrap-up ended' }),
      );
    }
  }

  async function changeState(
    user: User,
    agentId: string,
    state: 'Available' | 'Busy' | 'Break' | 'Offline',
    reason?: string,
  ) {
    const sids = await routingSids(store);
    const workerSid = workerSidOf(sids, agentId);
    const w = await workers.worker(sids, agentId);
    const onCall = (await calls.find(agentId, sids)) !== undefined;
    const decision = decideState({ activity: w.activity, onCall }, state);
    if (!decision.ok) throw new HttpProblem(409, decision.reason, decision.message);
    if (decision.endWrapUp || state === 'Available') await completeWrapping(sids, workerSid);
    // Going Available is proof the page is alive: count it as a heartbeat so the sweeper leaves it be.
    if (state === 'Available' && user.id === agentId) await recordHeartbeat(store, clock, agentId);
    await twilioStep('change activity', () =>
      workers.setActivity(sids, workerSid, state, state !== 'Available'),
    );
    await store.keys.delete(breakKey(agentId));
    if (state === 'Break') await store.keys.putIfAbsent(breakKey(agentId), reason ?? 'break', dayEnd());
  }

  async function addParty(
    user: User,
    call: CurrentCall,
    target:
      | { type: 'agent'; agentId: string }
      | { type: 'queue'; queue: string }
      | { type: 'number'; number: string },
  ): Promise<string | undefined> {
    const from = (await store.calls.get(call.callSid))?.to ?? '+10000000000';
    if (target.type === 'queue') {
      const sids = await routingSids(store);
      const queueSid = sids.queues[target.queue];
      if (!queueSid) throw new NotFoundError('queue', target.queue);
      // The new task keeps what the IVR found (language, region, customer, VIP) so the workflow routes it
      // and the next agent's offer shows it; the owner-first and same-region steps are skipped.
      const original = call.taskSid
        ? await workers.task(sids, call.taskSid).catch(() => undefined)
        : undefined;
      await twilioStep('transfer task', () =>
        workers.ws(sids).tasks.create({
          workflowSid: sids.workflowSid,
          taskChannel: 'voice',
          attributes: JSON.stringify({
            ...(original?.attributes ?? {}),
            has_owner: false,
            has_region: false,
            type: 'transfer',
            queue: target.queue,
            skill: target.queue,
            call_sid: call.callSid,
            conference_name: call.conferenceName,
            transferred_by: user.id,
          }),
        }),
      );
      return undefined;
    }
    if (target.type === 'number') {
      const allowed = await store.settings.get<{ externalTransfer?: boolean | readonly string[] }>(
        'agent-desk',
      );
      const ok =
        allowed?.externalTransfer === true ||
        (Array.isArray(allowed?.externalTransfer) && allowed.externalTransfer.includes(user.id));
      if (!ok)
        throw new ForbiddenError('Transfers to external numbers need the externalTransfer permission.');
    }
    if (target.type === 'agent') return addAgent(user, call, target.agentId, from);
    const p = await twilioStep('add participant', () =>
      twilio.conferences(call.conferenceSid).participants.create({
        from,
        to: target.number,
        label: 'external',
        endConferenceOnExit: false,
        beep: 'false',
      }),
    );
    return p.callSid;
  }

  /**
   * A colleague dialled into my call (warm or cold transfer, consult, three-way). They must be Available;
   * they go Busy first, so TaskRouter offers them nothing else meanwhile, and the call is recorded as
   * theirs, so their desk shows it with its controls. When their leg leaves, the conference-status webhook
   * moves them to Wrap-up and starts the timer (beginAgentWrapUp).
   */
  async function addAgent(user: User, call: CurrentCall, agentId: string, from: string): Promise<string> {
    if (agentId === user.id) throw new HttpProblem(422, 'self-transfer', 'You are already on this call.');
    const sids = await routingSids(store);
    if (!sids.workers[agentId]) throw new NotFoundError('agent', agentId);
    const target = await workers.worker(sids, agentId);
    if (target.activity !== 'Available' || (await calls.find(agentId, sids)))
      throw new HttpProblem(
        409,
        'agent-not-available',
        `Agent ${agentId} is ${target.activity === 'Available' ? 'on another call' : target.activity}; only an Available agent can be added.`,
      );
    await workers.setActivity(sids, target.sid, 'Busy', true);
    try {
      const p = await twilioStep('add participant', () =>
        twilio.conferences(call.conferenceSid).participants.create({
          from,
          to: `client:${agentId}`,
          label: `agent-${agentId}`,
          endConferenceOnExit: false,
          beep: 'false',
        }),
      );
      await store.keys.delete(outboundKey(agentId));
      await store.keys.putIfAbsent(
        outboundKey(agentId),
        JSON.stringify({ conference: call.conferenceName, callSid: call.callSid }),
        dayEnd(),
      );
      return p.callSid;
    } catch (err) {
      await workers.setActivity(sids, target.sid, 'Available', false).catch(() => undefined);
      throw err;
    }
  }

  /**
   * The agent leaves a call others carry on (a transfer, a conference). Their task wraps up first (the
   * worker to Wrap-up, the timer started), so the conference-status webhook for their leaving leg finds
   * the task no longer assigned and does not end the call for everyone.
   */
  async function leaveCall(user: User, call: CurrentCall): Promise<void> {
    const customer = call.legs.find((l) => l.callSid === call.callSid);
    if (customer?.hold)
      await twilio.conferences(call.conferenceSid).participants(call.callSid).update({ hold: false });
    if (call.taskSid) {
      const sids = await routingSids(store);
      await beginWrapUp(deps, ivr, call.taskSid, workerSidOf(sids, user.id));
    }
    if (call.myLeg)
      await twilioStep('leave', () =>
        twilio
          .conferences(call.conferenceSid)
          .participants(call.myLeg?.callSid ?? '')
          .remove(),
      );
    await store.keys.delete(outboundKey(user.id));
  }

  const result = (call: CurrentCall, extra: { participantCallSid?: string } = {}) => ({
    callSid: call.callSid,
    conferenceSid: call.conferenceSid,
    ...(call.taskSid ? { taskSid: call.taskSid } : {}),
    ...extra,
  });

  const supervisor = createSupervisorOps(deps, workers, calls, changeState);
  const blacklist = createBlacklistRequests(deps);

  return {
    async token(user, ttlSeconds) {
      const sids = await store.settings.get<RoutingSids>(ROUTING_SETTING_NAME);
      return mintAccessToken({ ...deps, user, sids, nowMs: clock.now() }, ttlSeconds);
    },
    status,
    async setState(user, body) {
      await changeState(user, user.id, body.state, body.reason);
      return status(user);
    },
    async endWrapUp(user) {
      await changeState(user, user.id, 'Available');
      return status(user);
    },
    async setSkills(user, skills) {
      const unknown = skills.filter((s) => !user.skills.includes(s));
      if (unknown.length)
        throw new HttpProblem(422, 'unknown-skill', `You do not have the skills ${unknown.join(', ')}.`);
      const sids = await routingSids(store);
      const w = await workers.worker(sids, user.id);
      await twilioStep('update skills', () =>
        workers
          .ws(sids)
          .workers(w.sid)
          .update({ attributes: JSON.stringify({ ...w.attributes, skills }) }),
      );
      return status(user);
    },
    async heartbeat(user) {
      const sids = await routingSids(store);
      const w = await workers.worker(sids, user.id);
      return {
        expiresAt: await recordHeartbeat(store, clock, user.id),
        state: w.activity,
        intervalSeconds: HEARTBEAT_INTERVAL_SECONDS,
      };
    },
    async accept(user, reservationSid) {
      const sids = await routingSids(store);
      const workerSid = workerSidOf(sids, user.id);
      const ws = workers.ws(sids);
      const r = await twilioStep('reservation', () =>
        ws.workers(workerSid).reservations(reservationSid).fetch(),
      );
      if (r.reservationStatus !== 'pending')
        throw new HttpProblem(409, 'not-pending', `Reservation ${reservationSid} is ${r.reservationStatus}.`);
      const task = await workers.task(sids, r.taskSid);
      const callSid = typeof task.attributes.call_sid === 'string' ? task.attributes.call_sid : undefined;
      const existing =
        typeof task.attributes.conference_name === 'string' ? task.attributes.conference_name : undefined;
      const from = String(task.attributes.called ?? task.attributes.to ?? '+10000000000');
      if (!existing && (await store.keys.get(conferenceOfferKey(reservationSid)))) {
        // The assignment's `conference` instruction already rings my client: answering it accepts.
        return {
          reservationSid,
          taskSid: r.taskSid,
          ...(callSid ? { callSid } : {}),
          conference: r.taskSid,
        };
      }
      if (existing) {
        // A transfer: the customer already sits in a conference; accept and dial me into it. The call's
        // task is now mine (the conference-status callback wraps it when the customer leaves).
        await twilioStep('accept', () =>
          ws.workers(workerSid).reservations(reservationSid).update({ reservationStatus: 'accepted' }),
        );
        await twilioStep('join', () =>
          twilio.conferences(existing).participants.create({
            from,
            to: `client:${user.id}`,
            endConferenceOnExit: false,
            beep: 'false',
          }),
        );
        if (callSid) {
          // A queue transfer left the customer on hold until someone joined: that is me.
          await twilio
            .conferences(existing)
            .participants(callSid)
            .update({ hold: false })
            .catch(() => undefined);
          await store.keys.delete({ kind: 'call-task', callSid });
          await store.keys.putIfAbsent(
            { kind: 'call-task', callSid },
            JSON.stringify({ taskSid: r.taskSid, workerSid }),
            dayEnd(),
          );
        }
      } else {
        const wrapUp = sids.activities['Wrap-up'];
        await twilioStep('accept', () =>
          ws
            .workers(workerSid)
            .reservations(reservationSid)
            .update({
              instruction: 'conference',
              from,
              to: `client:${user.id}`,
              endConferenceOnExit: false,
              endConferenceOnCustomerExit: true,
              beep: 'false',
              ...(wrapUp ? { postWorkActivitySid: wrapUp } : {}),
            }),
        );
      }
      if (callSid) await store.calls.update(callSid, { agentId: user.id }).catch(() => undefined);
      return {
        reservationSid,
        taskSid: r.taskSid,
        ...(callSid ? { callSid } : {}),
        conference: existing ?? r.taskSid,
      };
    },
    async reject(user, reservationSid) {
      const sids = await routingSids(store);
      const workerSid = workerSidOf(sids, user.id);
      await twilioStep('reject', () =>
        workers
          .ws(sids)
          .workers(workerSid)
          .reservations(reservationSid)
          .update({ reservationStatus: 'rejected' }),
      );
    },
    async hold(user, body) {
      const call = await calls.mine(user);
      await twilioStep('hold', () =>
        twilio
          .conferences(call.conferenceSid)
          .participants(call.callSid)
          .update({ hold: body.hold, holdUrl: HOLD_MUSIC }),
      );
      return result(call);
    },
    async mute(user, body) {
      const call = await calls.mine(user);
      if (!call.myLeg) throw new HttpProblem(409, 'not-connected', 'Your leg is not in the call yet.');
      const leg = call.myLeg.callSid;
      await twilioStep('mute', () =>
        twilio.conferences(call.conferenceSid).participants(leg).update({ muted: body.muted }),
      );
      return result(call);
    },
    async transfer(user, body) {
      const call = await calls.mine(user);
      if (body.mode === 'warm') {
        if (body.target.type === 'queue')
          throw new HttpProblem(422, 'warm-to-queue', 'A queue cannot be consulted: use a cold transfer.');
        await twilio
          .conferences(call.conferenceSid)
          .participants(call.callSid)
          .update({ hold: true, holdUrl: HOLD_MUSIC });
        const added = await addParty(user, call, body.target);
        return result(call, added ? { participantCallSid: added } : {});
      }
      const added = await addParty(user, call, body.target);
      // Queue transfers: the customer waits in the conference (hold music) until the new agent joins.
      if (body.target.type === 'queue')
        await twilio
          .conferences(call.conferenceSid)
          .participants(call.callSid)
          .update({ hold: true, holdUrl: HOLD_MUSIC });
      await leaveCall(user, call);
      return result(call, added ? { participantCallSid: added } : {});
    },
    async conference(user, body) {
      const call = await calls.mine(user);
      if (body.target.type === 'queue')
        throw new HttpProblem(422, 'conference-queue', 'Add an agent or a number.');
      const added = await addParty(user, call, body.target);
      return result(call, added ? { participantCallSid: added } : {});
    },
    async leave(user) {
      const call = await calls.mine(user);
      await leaveCall(user, call);
      return result(call);
    },
    async hangup(user) {
      const call = await calls.mine(user);
      await twilioStep('end conference', () =>
        twilio.conferences(call.conferenceSid).update({ status: 'completed' }),
      );
      await store.keys.delete(outboundKey(user.id));
      return result(call);
    },
    async dial(user, body) {
      const sids = await routingSids(store);
      const callerId = body.callerId ?? '+10000000000';
      const name = outboundConferenceName(user.id, clock.now());
      const mine = await twilioStep('ring agent', () =>
        twilio.calls.create({
          to: `client:${user.id}`,
          from: callerId,
          // Status events, so a colleague added to this call later wraps up when their leg leaves.
          twiml: `<Response><Dial><Conference endConferenceOnExit="true" beep="false" statusCallback="${deps.config.publicBaseUrl}/twilio/taskrouter/conference-status" statusCallbackEvent="leave end">${name}</Conference></Dial></Response>`,
        }),
      );
      await workers.setActivity(sids, workerSidOf(sids, user.id), 'Busy', true).catch(() => undefined);
      const customer = await twilioStep('call customer', () =>
        twilio
          .conferences(name)
          // The customer hanging up ends the call too; its end moves me to Wrap-up (conference-status).
          .participants.create({
            from: callerId,
            to: body.to,
            label: 'customer',
            beep: 'false',
            endConferenceOnExit: true,
          }),
      ).catch(async (err: unknown) => {
        await twilio
          .calls(mine.sid)
          .update({ status: 'completed' })
          .catch(() => undefined);
        throw err;
      });
      await store.keys.delete(outboundKey(user.id));
      await store.keys.putIfAbsent(
        outboundKey(user.id),
        JSON.stringify({ conference: name, callSid: customer.callSid }),
        dayEnd(),
      );
      await store.calls.record({
        callSid: customer.callSid,
        direction: 'outbound',
        from: callerId,
        to: body.to,
        startedAt: iso(clock.now()),
        status: 'queued',
        agentId: user.id,
      });
      return { callSid: customer.callSid, participantCallSid: mine.sid };
    },
    async missedCalls(user) {
      const sids = await routingSids(store);
      const day = iso(clock.now()).slice(0, 10);
      const missed = await workers.reservations(sids, workerSidOf(sids, user.id));
      const items = [];
      for (const r of missed.filter((x) =>
        ['rejected', 'timeout', 'canceled', 'rescinded'].includes(x.status),
      )) {
        const task = await workers.task(sids, r.taskSid).catch(() => undefined);
        items.push({
          callSid: String(task?.attributes.call_sid ?? ''),
          taskSid: r.taskSid,
          from: (task && customerNumberOf(task.attributes)) ?? '',
          at: `${day}`,
          outcome: r.status,
          ...(task?.queue ? { queue: task.queue } : {}),
        });
      }
      return items;
    },
    queue: () => supervisor.queue(),
    pick: (user, taskSid) => supervisor.pick(user, taskSid),
    async wrapUpNotes(user, callSid, body) {
      const record = await store.calls.get(callSid);
      if (!record) throw new NotFoundError('call', callSid);
      const all = user.roles.includes('supervisor') || user.roles.includes('admin');
      if (!all && record.agentId !== user.id)
        throw new ForbiddenError(`Call ${callSid} was taken by another agent.`);
      const saved = await store.calls.update(callSid, {
        ...(body.disposition !== undefined ? { disposition: body.disposition } : {}),
        ...(body.notes !== undefined ? { notes: body.notes } : {}),
      });
      const call = saved.ok ? saved.value : record;
      return {
        callSid,
        ...(call.disposition ? { disposition: call.disposition } : {}),
        ...(call.notes ? { notes: call.notes } : {}),
      };
    },
    requestBlacklist: (user, body) => blacklist.request(user, body),
    wallboard: () => supervisor.wallboard(),
    monitor: (user, callSid, mode) => supervisor.monitor(user, callSid, mode),
    takeOver: (user, callSid) => supervisor.takeOver(user, callSid),
    forceHangup: (user, callSid) => supervisor.hangup(user, callSid),
    forceState: (user, agentId, body) => supervisor.forceState(user, agentId, body),
    blacklistRequests: () => blacklist.pending(),
    decideBlacklist: (user, id, body) => blacklist.decide(user, id, body),
  };
}
