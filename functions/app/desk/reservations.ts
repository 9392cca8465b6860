// Offers to the agent: accepting one (the conference instruction for a new call, or joining the
// conference a transferred caller already waits in), declining one, and the offers missed today.
import { routing } from '../../../flows/routing.js';
import { conferenceOfferKey } from '../../domain/agent-state.js';
import type { User } from '../../domain/model.js';
import { HttpProblem } from '../../domain/problems.js';
import { participantRecording } from '../../domain/recording.js';
import { isWorkItem } from '../../domain/taskrouter-port.js';
import { agentRing } from '../agent-ring.js';
import { type Center, centerNumber, workerSidOf } from '../center.js';
import { providerStep } from '../provider-step.js';
import { assignWorkItem } from '../work-items.js';
import { declineOffer, missedToday } from './missed-offers.js';
import { existingTask } from './workers.js';

export function createReservations(center: Center) {
  const { store, clock, taskrouter, telephony } = center;

  async function accept(user: User, reservationSid: string, options: { readonly ringAgain?: boolean } = {}) {
    const sids = await center.routing(user.id);
    const ws = sids.workspaceSid;
    const workerSid = workerSidOf(sids, user.id);
    const r = await providerStep('reservation', () => taskrouter.reservation(ws, workerSid, reservationSid));
    if (r.status !== 'pending')
      throw new HttpProblem(409, 'not-pending', `Reservation ${reservationSid} is ${r.status}.`);
    const task = await existingTask(center, sids, r.taskSid);
    if (isWorkItem(task.attributes)) return takeWork(user, { ws, workerSid, reservationSid, task });
    const callSid = typeof task.attributes.call_sid === 'string' ? task.attributes.call_sid : undefined;
    const existing =
      typeof task.attributes.conference_name === 'string' ? task.attributes.conference_name : undefined;
    // The number the customer called: our caller id towards the agent's client.
    const from = String(task.attributes.called ?? task.attributes.to ?? centerNumber(center));
    const accepted = {
      reservationSid,
      taskSid: r.taskSid,
      ...(callSid ? { callSid } : {}),
      conference: existing ?? r.taskSid,
    };
    const offered = !existing && (await store.keys.get(conferenceOfferKey(reservationSid)));
    // The assignment's `conference` instruction already rings my client: answering it accepts. Unless my
    // page says it lost that ring (it reloaded while it rang: the reservation stays pending until it times
    // out, the caller waiting) and nothing rings me now: then the instruction is sent again, and my page
    // answers the new ring. A page that saw the offer arrive never asks: its ring may simply be on the way.
    if (
      offered &&
      (!options.ringAgain ||
        (await providerStep('ringing', () => telephony.ringing(`client:${user.id}`))).length > 0)
    )
      return { ...accepted, conference: r.taskSid };
    if (existing) {
      // A transfer: the customer already sits in a conference; accept and dial me into it. The call's
      // task is now mine (the conference-status callback wraps it when the customer leaves).
      await providerStep('accept', () =>
        taskrouter.updateReservation(ws, workerSid, reservationSid, { status: 'accepted' }),
      );
      await providerStep('join', () =>
        telephony.addParticipant(existing, {
          from,
          to: `client:${user.id}`,
          endConferenceOnExit: false,
          beep: false,
          // My leg is recorded as the first agent's was, filed under the customer's call.
          record: participantRecording(center.config.webhookBaseUrl, callSid, user.id),
        }),
      );
      if (callSid) {
        // A cold transfer left the customer on hold until someone joined: that is me. In a warm one the
        // first agent still consults me first and takes the customer off hold when handing over.
        if (task.attributes.transfer_mode !== 'warm')
          await telephony.updateParticipant(existing, callSid, { hold: false }).catch(() => undefined);
        // My task is the call's now, written in one step and before the sender hears I joined: a cancel
        // they click at once puts theirs back after this, never before it.
        await store.keys.put(
          { kind: 'call-task', callSid },
          JSON.stringify({ taskSid: r.taskSid, workerSid }),
          new Date(clock.now() + 86_400_000).toISOString(),
        );
      }
      // The agent who asked for the transfer sees at once that I joined (Complete is theirs to click).
      const sender = task.attributes.transferred_by;
      if (typeof sender === 'string' && sender !== user.id) await center.publish({ agentId: sender }, ['me']);
    } else {
      const wrapUp = sids.activities[routing.roles.wrapUp];
      await providerStep('accept', () =>
        taskrouter.updateReservation(
          ws,
          workerSid,
          reservationSid,
          agentRing(center, {
            task: task.attributes,
            to: `client:${user.id}`,
            agentId: user.id,
            ...(wrapUp ? { wrapUpActivitySid: wrapUp } : {}),
          }),
        ),
      );
      if (offered) {
        await center.store.audit.append({
          actor: user.id,
          action: 'call.offer-rung-again',
          target: reservationSid,
          detail: { taskSid: r.taskSid },
        });
        return { ...accepted, conference: r.taskSid };
      }
    }
    if (callSid) await store.calls.update(callSid, { agentId: user.id }).catch(() => undefined);
    return accepted;
  }

  /**
   * A text or a fax left pending (the assignment accepts them itself; this is for one offered before it
   * did): the reservation is accepted and the task completed at once, so the agent stays free for calls;
   * the conversation is theirs from now on.
   */
  async function takeWork(
    user: User,
    o: {
      readonly ws: string;
      readonly workerSid: string;
      readonly reservationSid: string;
      readonly task: { readonly sid: string; readonly attributes: Readonly<Record<string, unknown>> };
    },
  ) {
    await providerStep('accept', () =>
      taskrouter.updateReservation(o.ws, o.workerSid, o.reservationSid, { status: 'accepted' }),
    );
    await providerStep('complete', () =>
      taskrouter.updateTask(o.ws, o.task.sid, {
        assignmentStatus: 'completed',
        reason: `taken by ${user.id}`,
      }),
    );
    const a = o.task.attributes;
    const phone = typeof a.from === 'string' ? a.from : undefined;
    await assignWorkItem(center, user.id, o.task.sid, a);
    return {
      reservationSid: o.reservationSid,
      taskSid: o.task.sid,
      work: { channel: a.type === 'sms' ? ('sms' as const) : ('fax' as const), ...(phone ? { phone } : {}) },
    };
  }

  /** Declining is a missed offer too: recorded, and the agent waits in Missed until they clear it. */
  async function reject(user: User, reservationSid: string): Promise<void> {
    const sids = await center.routing(user.id);
    const workerSid = workerSidOf(sids, user.id);
    const r = await providerStep('reservation', () =>
      taskrouter.reservation(sids.workspaceSid, workerSid, reservationSid),
    );
    if (r.status !== 'pending')
      throw new HttpProblem(409, 'not-pending', `Reservation ${reservationSid} is ${r.status}.`);
    await providerStep('reject', () => declineOffer(center, user, { sid: r.sid, taskSid: r.taskSid }));
  }

  /** Today's missed offers: caller, time in the center's zone, and why (timeout, declined, disconnected). */
  async function missedCalls(user: User) {
    workerSidOf(await center.routing(user.id), user.id); // only an agent with a worker has offers to miss
    return (await missedToday(center, user.id)).map((m) => ({ ...m, outcome: m.reason }));
  }

  return { accept, reject, missedCalls };
}
