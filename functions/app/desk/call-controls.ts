// What an agent does to the call they are on: hold, mute, transfer (warm or cold, to an agent, a queue or
// a number) and complete or cancel a warm one, add a party, leave a call others carry on, or end it for
// everyone. Agents and queues are offered the call as a TaskRouter task (transfers.ts); a number is dialled
// only past the external-transfer permission and the dialling policy (dial-guard.ts).

import { agentCallKey, outboundCaller } from '../../domain/agent-state.js';
import type { DialPurpose } from '../../domain/dial-policy.js';
import { AGENT_NUMBER_PATTERN } from '../../domain/internal-call.js';
import type { User } from '../../domain/model.js';
import { ForbiddenError, HttpProblem, NotFoundError } from '../../domain/problems.js';
import { participantRecording } from '../../domain/recording.js';
import { type Center, centerNumber, workerSidOf } from '../center.js';
import { guardOutbound } from '../dial-guard.js';
import { recordFact } from '../history/call-history.js';
import { providerStep } from '../provider-step.js';
import { startKeypadSurvey } from '../surveys.js';
import { beginAgentWrapUp, beginWrapUp } from '../wrap-up.js';
import {
  type AgentCallMarker,
  type CallFinder,
  type CurrentCall,
  type DirectCall,
  DirectCallProblem,
  markAgentCall,
} from './calls.js';
import { settleDialledCall } from './dialled-task.js';
import { colleagueByNumber } from './internal-call.js';
import { createTransferTask, handBack, settleTransfer, type TransferMode } from './transfers.js';
import { agentWorker, existingTask, setActivity } from './workers.js';

const HOLD_MUSIC = 'http://com.twilio.music.classical.s3.amazonaws.com/BusyStrings.mp3';

export type TransferTarget =
  | { readonly type: 'agent'; readonly agentId: string }
  | { readonly type: 'queue'; readonly queue: string }
  | { readonly type: 'number'; readonly number: string };

const result = (call: CurrentCall, extra: { participantCallSid?: string } = {}) => ({
  callSid: call.callSid,
  conferenceSid: call.conferenceSid,
  ...(call.taskSid ? { taskSid: call.taskSid } : {}),
  ...extra,
});

export function createCallControls(center: Center, calls: CallFinder) {
  const { store, telephony } = center;

  /**
   * The colleague a typed agent target names: an agent number (their extension, or their id) as the dial
   * pad reads it; any other id as it is.
   */
  async function byNumber(target: TransferTarget): Promise<TransferTarget> {
    if (target.type !== 'agent' || !AGENT_NUMBER_PATTERN.test(target.agentId.trim())) return target;
    return { type: 'agent', agentId: (await colleagueByNumber(center, target.agentId)).id };
  }

  /**
   * Our number on this call, the caller id towards whoever we add: the number the customer called, or
   * the one we called them from. Never the customer's own number; the policy checks it again.
   */
  async function callerIdOf(call: CurrentCall): Promise<string> {
    const record = await store.calls.get(call.callSid);
    if (!record) return centerNumber(center);
    return record.direction === 'outbound' ? record.from : record.to;
  }

  async function holdCustomer(call: CurrentCall, hold: boolean): Promise<void> {
    await telephony.updateParticipant(call.conferenceSid, call.callSid, {
      hold,
      ...(hold ? { holdUrl: HOLD_MUSIC } : {}),
    });
    // The handled call's hold time is worked out from these moments.
    const at = new Date(center.clock.now()).toISOString();
    await recordFact(center, {
      id: `hold:${call.callSid}:${at}:${hold ? 'on' : 'off'}`,
      at,
      type: hold ? 'call.held' : 'call.resumed',
      callSid: call.callSid,
      ...(call.taskSid ? { taskSid: call.taskSid } : {}),
    });
  }

  async function transferToQueue(
    user: User,
    call: CurrentCall,
    queue: string,
    notes?: string,
  ): Promise<void> {
    const sids = await center.routing(user.id);
    if (!sids.queues[queue]) throw new NotFoundError('queue', queue);
    const callerId = await callerIdOf(call);
    await createTransferTask(center, sids, {
      user,
      call,
      mode: 'cold',
      queue,
      callerId,
      ...(notes ? { notes } : {}),
    });
  }

  /**
   * Offers the call to a colleague as a task aimed at their worker. They must be Available and free now:
   * a busy colleague is refused at once rather than queued for. The queue is one of theirs (the call's own
   * when they have it), which the workflow's known-worker target needs.
   */
  async function transferToAgent(
    user: User,
    call: CurrentCall,
    agentId: string,
    mode: TransferMode,
    notes?: string,
  ): Promise<string> {
    if (agentId === user.id) throw new HttpProblem(422, 'self-transfer', 'You are already on this call.');
    const sids = await center.routing(user.id);
    const workerSid = sids.workers[agentId];
    if (!workerSid) throw new NotFoundError('agent', agentId);
    const target = await agentWorker(center, sids, agentId);
    if (target.activity !== 'Available' || (await calls.find(agentId, sids)))
      throw new HttpProblem(
        409,
        'agent-busy',
        `Agent ${agentId} is ${target.activity === 'Available' ? 'on another call' : target.activity}; only an Available agent can take a transfer.`,
      );
    const skills = Array.isArray(target.attributes.skills) ? (target.attributes.skills as string[]) : [];
    const original = call.taskSid
      ? await existingTask(center, sids, call.taskSid).catch(() => undefined)
      : undefined;
    const own = String(original?.attributes.queue ?? '');
    const queue = skills.includes(own) ? own : skills.find((s) => sids.queues[s]);
    if (!queue)
      throw new HttpProblem(409, 'agent-busy', `Agent ${agentId} is signed in to no queue that takes calls.`);
    const task = await createTransferTask(center, sids, {
      user,
      call,
      mode,
      queue,
      callerId: await callerIdOf(call),
      toAgent: { agentId, workerSid },
      ...(notes ? { notes } : {}),
    });
    return task.sid;
  }

  async function mayDialOut(user: User): Promise<void> {
    const allowed = await store.settings.get<{ externalTransfer?: boolean | readonly string[] }>(
      'agent-desk',
    );
    const ok =
      allowed?.externalTransfer === true ||
      (Array.isArray(allowed?.externalTransfer) && allowed.externalTransfer.includes(user.id));
    if (!ok) throw new ForbiddenError('Transfers to external numbers need the externalTransfer permission.');
  }

  /**
   * A colleague dialled into my call (warm or cold transfer, consult, three-way). They must be Available;
   * they go Busy first, so TaskRouter offers them nothing else meanwhile, and the call is marked as theirs,
   * so their desk shows it with its controls. When their leg leaves, the conference-status webhook moves
   * them to Wrap-up and starts the timer.
   */
  async function addAgent(user: User, call: CurrentCall, agentId: string, from: string): Promise<string> {
    if (agentId === user.id) throw new HttpProblem(422, 'self-transfer', 'You are already on this call.');
    const sids = await center.routing(user.id);
    if (!sids.workers[agentId]) throw new NotFoundError('agent', agentId);
    const target = await agentWorker(center, sids, agentId);
    if (target.activity !== 'Available' || (await calls.find(agentId, sids)))
      throw new HttpProblem(
        409,
        'agent-not-available',
        `Agent ${agentId} is ${target.activity === 'Available' ? 'on another call' : target.activity}; only an Available agent can be added.`,
      );
    await setActivity(center, sids, target.sid, 'Busy', true);
    try {
      const p = await providerStep('add participant', () =>
        telephony.addParticipant(call.conferenceSid, {
          from,
          to: `client:${agentId}`,
          label: `agent-${agentId}`,
          endConferenceOnExit: false,
          beep: false,
          record: participantRecording(center.config.webhookBaseUrl, call.callSid, agentId),
        }),
      );
      await markAgentCall(center, agentId, { conference: call.conferenceName, callSid: call.callSid });
      return p.callSid;
    } catch (err) {
      await setActivity(center, sids, target.sid, 'Available', false).catch(() => undefined);
      throw err;
    }
  }

  async function addParty(
    user: User,
    call: CurrentCall,
    target: TransferTarget,
    purpose: Extract<DialPurpose, 'transfer' | 'add-party'>,
  ): Promise<string | undefined> {
    if (target.type === 'queue') {
      await transferToQueue(user, call, target.queue);
      return undefined;
    }
    const from = await callerIdOf(call);
    if (target.type === 'agent') return addAgent(user, call, target.agentId, from);
    await mayDialOut(user);
    const to = await guardOutbound(center, { actor: user, purpose, number: target.number, callerId: from });
    const p = await providerStep('add participant', () =>
      telephony.addParticipant(call.conferenceSid, {
        from,
        to,
        label: 'external',
        endConferenceOnExit: false,
        beep: false,
        // Recorded under the customer's call: the first agent's recording ends when they leave a transfer.
        record: participantRecording(center.config.webhookBaseUrl, call.callSid, user.id),
      }),
    );
    return p.callSid;
  }

  /**
   * My call, or a direct callback ended at once: my leg's end ends the customer's leg it dialled, and the
   * callback's own webhooks then record the outcome and wrap me up as when the customer hangs up.
   */
  async function mineOrEndDirect(user: User): Promise<CurrentCall | { direct: DirectCall }> {
    try {
      return await calls.mine(user);
    } catch (err) {
      if (!(err instanceof DirectCallProblem)) throw err;
      const direct = err.call;
      await providerStep('hang up', () =>
        telephony.updateCall(direct.callSid, { status: 'completed' }).catch(async (failed: unknown) => {
          // Ended on its own a moment ago (the customer hung up): what the agent asked for is done.
          const leg = await telephony.call(direct.callSid).catch(() => undefined);
          if (leg?.status === 'completed' || leg?.endedAt) return undefined;
          throw failed;
        }),
      );
      return { direct };
    }
  }

  /** Ends the call for everyone (or, for a keypad survey, drops my leg and keeps the caller for it). */
  async function hangUp(user: User, call: CurrentCall): Promise<void> {
    // A hotline that asks its survey on the keypad keeps the caller on the line for it: their call
    // leaves the conference, and the agent's leg is dropped rather than the whole conference ended.
    // A survey that cannot start (the caller just hung up) must not keep the agent on the call.
    const surveyed = await startKeypadSurvey(center, call.callSid).catch((err: unknown) => {
      center.logger.warn('keypad survey not started', { callSid: call.callSid, error: String(err) });
      return false;
    });
    if (surveyed && call.myLeg) {
      const mine = call.myLeg.callSid;
      await telephony.removeParticipant(call.conferenceSid, mine).catch(() => undefined);
    } else if (!surveyed)
      await providerStep('end conference', () => telephony.endConference(call.conferenceSid));
    // A call I dialled stays marked mine until its end releases it and wraps me up (an agent who left
    // one earlier is not wrapped up again by its end). A call that came to me by a reservation usually
    // has no marker to forget.
    if (call.marked && outboundCaller(call.conferenceName) !== user.id)
      await store.keys.delete({ kind: 'agent-call', agentId: user.id });
  }

  /**
   * The agent leaves a call others carry on (a transfer, a conference). Their task wraps up first (the
   * worker to Wrap-up, the timer started), so the conference-status webhook for their leaving leg finds
   * the task no longer assigned and does not end the call for everyone.
   */
  async function leaveCall(user: User, call: CurrentCall): Promise<void> {
    if (call.legs.find((l) => l.callSid === call.callSid)?.hold) await holdCustomer(call, false);
    if (call.taskSid)
      await beginWrapUp(center, call.taskSid, workerSidOf(await center.routing(user.id), user.id));
    const leg = call.myLeg?.callSid;
    const dialled = outboundCaller(call.conferenceName) === user.id;
    // The customer answered: a callback task the call answers is done, whoever finishes the call.
    if (dialled) await settleDialledCall(center, user.id, call.conferenceName);
    // The call stops being mine before my leg goes: a desk polling in between would otherwise see its
    // call carry on without its leg, take that for a drop and dial itself back in.
    await store.keys.delete({ kind: 'agent-call', agentId: user.id });
    // The leg of a call I dialled ends its conference when it leaves: the customer and whoever carries the
    // call on would be cut off with it.
    if (leg && dialled)
      await providerStep('keep the call', () =>
        telephony.updateParticipant(call.conferenceSid, leg, { endConferenceOnExit: false }),
      );
    if (leg) await providerStep('leave', () => telephony.removeParticipant(call.conferenceSid, leg));
    // No task of mine is on a dialled call: my wrap-up starts from my leaving.
    if (dialled && !call.taskSid)
      await beginAgentWrapUp(center, workerSidOf(await center.routing(user.id), user.id));
  }

  /**
   * Calls a warm transfer off, from either side: the colleague leaves (or is no longer offered the call)
   * and the customer comes off hold back to the first agent.
   */
  async function cancelTransfer(user: User) {
    const call = await calls.mine(user);
    const t = call.transfer;
    if (t?.mode !== 'warm' || t.status === 'completed' || t.status === 'canceled')
      throw new HttpProblem(409, 'no-transfer', 'There is no warm transfer to cancel.');
    const sids = await center.routing(user.id);
    await handBack(center, sids, call, await existingTask(center, sids, t.taskSid));
    // The first agent keeps the call; their marker forgets the transfer they started.
    const key = agentCallKey(t.fromAgent);
    const held = await store.keys.get(key);
    if (held) {
      const { conference, callSid } = JSON.parse(String(held.value)) as AgentCallMarker;
      await markAgentCall(center, t.fromAgent, { conference, callSid });
    }
    return result(call);
  }

  return {
    async hold(user: User, body: { readonly hold: boolean }) {
      const call = await calls.mine(user);
      await providerStep('hold', () => holdCustomer(call, body.hold));
      return result(call);
    },
    async mute(user: User, body: { readonly muted: boolean }) {
      const call = await calls.mine(user);
      const leg = call.myLeg?.callSid;
      if (!leg) throw new HttpProblem(409, 'not-connected', 'Your leg is not in the call yet.');
      await providerStep('mute', () =>
        telephony.updateParticipant(call.conferenceSid, leg, { muted: body.muted }),
      );
      return result(call);
    },
    async transfer(
      user: User,
      body: {
        readonly mode: TransferMode;
        readonly target: TransferTarget;
        readonly notes?: string | undefined;
      },
    ) {
      const call = await calls.mine(user);
      if (call.transfer?.role === 'sender' && ['offered', 'accepted'].includes(call.transfer.status))
        throw new HttpProblem(409, 'transfer-pending', 'Complete or cancel the transfer under way first.');
      const notes = body.notes?.trim() || undefined;
      const target = await byNumber(body.target);
      if (target.type === 'agent') {
        // The customer hears hold music until the colleague joins (cold) or while we consult (warm).
        await holdCustomer(call, true);
        const taskSid = await transferToAgent(user, call, target.agentId, body.mode, notes).catch(
          async (err: unknown) => {
            await holdCustomer(call, false).catch(() => undefined);
            throw err;
          },
        );
        if (body.mode === 'warm') {
          await markAgentCall(center, user.id, {
            conference: call.conferenceName,
            callSid: call.callSid,
            transferTaskSid: taskSid,
          });
        } else await leaveCall(user, call);
        return { ...result(call), transferTaskSid: taskSid };
      }
      if (body.mode === 'warm') {
        if (target.type === 'queue')
          throw new HttpProblem(422, 'warm-to-queue', 'A queue cannot be consulted: use a cold transfer.');
        await holdCustomer(call, true);
        const added = await addParty(user, call, target, 'transfer').catch(async (err: unknown) => {
          // Nobody was added: the customer must not be left on hold.
          await holdCustomer(call, false).catch(() => undefined);
          throw err;
        });
        return result(call, added ? { participantCallSid: added } : {});
      }
      const added =
        target.type === 'queue'
          ? await transferToQueue(user, call, target.queue, notes).then(() => undefined)
          : await addParty(user, call, target, 'transfer');
      // Queue transfers: the customer waits in the conference (hold music) until the new agent joins.
      if (target.type === 'queue') await holdCustomer(call, true);
      await leaveCall(user, call);
      return result(call, added ? { participantCallSid: added } : {});
    },
    /** The colleague has joined my warm transfer: the customer is theirs, and I leave and wrap up. */
    async completeTransfer(user: User) {
      const call = await calls.mine(user);
      const t = call.transfer;
      if (t?.role !== 'sender' || t.mode !== 'warm')
        throw new HttpProblem(409, 'no-transfer', 'You have no warm transfer under way.');
      if (t.status !== 'accepted')
        throw new HttpProblem(409, 'transfer-not-accepted', `Agent ${t.toAgent ?? ''} has not joined yet.`);
      const sids = await center.routing(user.id);
      await settleTransfer(center, sids, await existingTask(center, sids, t.taskSid), 'completed');
      await holdCustomer(call, false);
      await leaveCall(user, call);
      return result(call);
    },
    cancelTransfer,
    async conference(user: User, body: { readonly target: TransferTarget }) {
      const call = await calls.mine(user);
      if (body.target.type === 'queue')
        throw new HttpProblem(422, 'conference-queue', 'Add an agent or a number.');
      const added = await addParty(user, call, await byNumber(body.target), 'add-party');
      return result(call, added ? { participantCallSid: added } : {});
    },
    async leave(user: User) {
      const call = await mineOrEndDirect(user);
      // Nobody else can be on a direct callback: leaving it is ending it.
      if ('direct' in call) return call.direct;
      // Leaving a warm transfer before it is complete hands the customer back rather than drop them.
      const t = call.transfer;
      if (t?.role === 'receiver' && t.mode === 'warm' && t.status === 'accepted') return cancelTransfer(user);
      // With nobody else who can talk on the call, leaving it would leave the customer alone in silence:
      // it is hanging up.
      const mine = call.myLeg?.callSid;
      if (call.legs.some((l) => l.callSid !== call.callSid && l.callSid !== mine && !l.muted))
        await leaveCall(user, call);
      else await hangUp(user, call);
      return result(call);
    },
    async hangup(user: User) {
      const call = await mineOrEndDirect(user);
      if ('direct' in call) return call.direct;
      await hangUp(user, call);
      return result(call);
    },
  };
}
