// The agent's current call, through the conference it lives in: found from the agent's accepted
// reservation (conference named by the task SID) or their click-to-dial, pick or transfer-in marker,
// never from a call id the page sends, so an agent acts only on their own call.
import { agentCallKey } from '../../domain/agent-state.js';
import type { User } from '../../domain/model.js';
import type { KeyValueRepo } from '../../domain/ports.js';
import { HttpProblem } from '../../domain/problems.js';
import type { ProvisionedRouting } from '../../domain/routing/provisioned.js';
import { customerNumberOf } from '../../domain/routing/workflow.js';
import type { ReservationView } from '../../domain/taskrouter-port.js';
import type { ParticipantView } from '../../domain/telephony-port.js';
import type { Center } from '../center.js';
import { providerStep } from '../provider-step.js';
import { type TransferView, transferView } from './transfers.js';

/** The label a supervisor's leg carries in a customer's conference. */
export const supervisorLabel = (supervisorId: string) => `supervisor-${supervisorId}`;

/**
 * A supervisor the agent on leg `mine` hears: whispering to them alone, or barged in for everyone. A
 * silent monitor is not reported (the muted leg is what listening without being heard means), nor a
 * whisper to another agent on the call (a colleague in a warm transfer).
 */
export function supervisorHeard(
  legs: readonly LegView[],
  mine: string | undefined,
): { readonly id: string; readonly mode: 'whisper' | 'barge' } | undefined {
  const heard = legs.find(
    (l) =>
      l.label?.startsWith(supervisorLabel('')) &&
      !l.muted &&
      (!l.coaching || (mine !== undefined && l.callSidToCoach === mine)),
  );
  if (!heard?.label) return undefined;
  return { id: heard.label.slice(supervisorLabel('').length), mode: heard.coaching ? 'whisper' : 'barge' };
}

/** A supervisor's muted leg: listening, and not to be shown to the agent as a party to the call. */
export const silentMonitor = (leg: LegView) =>
  leg.muted && (leg.label?.startsWith(supervisorLabel('')) ?? false);

export interface LegView {
  readonly callSid: string;
  readonly label?: string;
  readonly to?: string;
  readonly hold: boolean;
  readonly muted: boolean;
  /** A leg that speaks to one participant only (a supervisor's whisper), and whom. */
  readonly coaching?: boolean;
  readonly callSidToCoach?: string;
  /** When this leg was answered, as the provider says: the desk's call timer runs from it. */
  readonly startedAt?: string;
}

/**
 * Who the call is with, as the server knows it: the desk's screen pop and wrap-up start from it when the
 * page learnt nothing itself (an outbound call, a callback, a reload).
 */
export interface CallCustomer {
  /** The customer's number, E.164. */
  readonly number?: string;
  readonly customerId?: string;
  /** The ticket the call is about (an IVR finding, or the ticket a callback was asked for). */
  readonly ticketNumber?: string;
}

export interface CurrentCall {
  readonly taskSid?: string;
  readonly reservationSid?: string;
  /** The customer's call. */
  readonly callSid: string;
  readonly conferenceSid: string;
  readonly conferenceName: string;
  readonly legs: readonly LegView[];
  readonly myLeg?: LegView;
  /** A transfer of this call under way: one I started, or one that brought the call to me. */
  readonly transfer?: TransferView;
  readonly customer?: CallCustomer;
  /**
   * The agent had a call marker when the call was found (a call outside a reservation, a transfer they
   * sent): what ends the call has it to forget; without one, nothing to delete.
   */
  readonly marked?: boolean;
}

/** What the agent-call marker holds: the conference and the customer's call in it. */
export interface AgentCallMarker {
  readonly conference: string;
  readonly callSid: string;
  /** The transfer task I started for this call and have not settled yet. */
  readonly transferTaskSid?: string;
  /** Who I called, for a call I placed myself. */
  readonly customer?: CallCustomer;
  /** The callback task of mine this call answers (dialled-task.ts settles it when the call ends). */
  readonly taskId?: string;
}

/** The customer a TaskRouter task's attributes name (an inbound call's or a callback's). */
export function customerOfTask(attributes: Readonly<Record<string, unknown>>): CallCustomer | undefined {
  const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const number = customerNumberOf(attributes);
  const customerId = text(attributes.customer_id);
  const ticketNumber = text(attributes.ticket_number);
  if (!number && !customerId && !ticketNumber) return undefined;
  return {
    ...(number ? { number } : {}),
    ...(customerId ? { customerId } : {}),
    ...(ticketNumber ? { ticketNumber } : {}),
  };
}

const STARTED_LEGS_KEPT = 5_000;
const LIVE_LEG = ['queued', 'ringing', 'in-progress'];
/** Tasks whose `call` instruction dials the agent, whose leg then dials the customer straight. */
export const DIRECT_TASK_TYPES: readonly unknown[] = ['callback', 'campaign-preview'];

/** My leg of a callback bridged straight to the customer, and the task it answers. */
export interface DirectCall {
  readonly callSid: string;
  readonly taskSid: string;
}

/** What the call controls answer on a direct callback: only hanging up applies to it. */
export class DirectCallProblem extends HttpProblem {
  constructor(readonly call: DirectCall) {
    super(
      409,
      'direct-call',
      'This callback connects you straight to the customer: hold, mute, transfer and adding a party are not available on it. Hang up ends it.',
    );
  }
}

export function createCallFinder(center: Center) {
  const { telephony, taskrouter, store } = center;

  // A leg in a conference has started, and its number and start time never change after: kept per
  // container (the oldest dropped past a bound), so a desk poll asks Twilio for the participants alone.
  const startedLegs = new Map<string, { readonly to?: string; readonly startedAt: string }>();
  async function legCall(callSid: string) {
    const known = startedLegs.get(callSid);
    if (known) return known;
    const call = await telephony.call(callSid).catch(() => undefined);
    if (call?.startedAt) {
      if (startedLegs.size >= STARTED_LEGS_KEPT) startedLegs.delete(startedLegs.keys().next().value ?? '');
      startedLegs.set(callSid, { ...(call.to ? { to: call.to } : {}), startedAt: call.startedAt });
    }
    return call;
  }

  // Looked up by name and status on every poll: a conference that has ended can still list a leaving
  // participant for a moment, so a SID kept from an earlier poll would show a finished call as live.
  async function liveConference(name: string) {
    const [conf] = await telephony.conferences({ name, status: 'in-progress' });
    if (!conf) return undefined;
    return { sid: conf.sid, parts: await telephony.participants(conf.sid) };
  }

  async function legs(conferenceSid: string, known?: readonly ParticipantView[]): Promise<LegView[]> {
    const parts = known ?? (await telephony.participants(conferenceSid));
    return Promise.all(
      parts.map(async (p) => {
        const call = await legCall(p.callSid);
        return {
          callSid: p.callSid,
          ...(p.label ? { label: p.label } : {}),
          ...(call?.to ? { to: call.to } : {}),
          ...(call?.startedAt ? { startedAt: call.startedAt } : {}),
          hold: p.hold,
          muted: p.muted,
          ...(p.coaching ? { coaching: true } : {}),
          ...(p.coaching && p.callSidToCoach ? { callSidToCoach: p.callSidToCoach } : {}),
        };
      }),
    );
  }

  async function build(
    agentId: string,
    name: string,
    callSid: string,
    extra: { taskSid?: string; reservationSid?: string; customer?: CallCustomer },
  ): Promise<CurrentCall | undefined> {
    const conf = await liveConference(name);
    if (!conf) return undefined;
    const all = await legs(conf.sid, conf.parts);
    const myLeg = all.find((l) => l.to === `client:${agentId}`);
    return {
      ...extra,
      callSid,
      conferenceSid: conf.sid,
      conferenceName: name,
      legs: all,
      ...(myLeg ? { myLeg } : {}),
    };
  }

  /**
   * The agent's live call, or undefined. `reservations`: the worker's reservations when the caller has
   * them already (the desk's status lists them anyway), so they are not asked for twice; `marker`: the
   * agent's call marker when the same request has read it already.
   */
  async function find(
    agentId: string,
    sids?: ProvisionedRouting,
    reservations?: Promise<readonly ReservationView[]>,
    marker?: Promise<StoredMarker | undefined>,
  ): Promise<CurrentCall | undefined> {
    const workerSid = sids?.workers[agentId];
    const acceptedOnes = async () =>
      reservations
        ? (await reservations).filter((r) => r.status === 'accepted')
        : sids && workerSid
          ? taskrouter.reservations(sids.workspaceSid, workerSid, 'accepted')
          : [];
    // Independent reads, asked together: every desk poll comes through here.
    const [out, accepted] = await Promise.all([
      marker ?? store.keys.get(agentCallKey(agentId)),
      acceptedOnes(),
    ]);
    const held = out ? (JSON.parse(String(out.value)) as AgentCallMarker) : undefined;
    if (sids) {
      for (const r of accepted) {
        const task = await taskrouter.task(sids.workspaceSid, r.taskSid);
        if (!task) continue;
        const customer = String(task.attributes.call_sid ?? '');
        const name = String(task.attributes.conference_name ?? r.taskSid);
        const who = customerOfTask(task.attributes);
        const call = await build(agentId, name, customer, {
          taskSid: r.taskSid,
          reservationSid: r.sid,
          ...(who ? { customer: who } : {}),
        });
        if (!call) continue;
        // A transfer whose caller went back to the queue can come round to the agent who sent it: to them it
        // is a caller in the queue again, not a transfer they received (nor one they can complete).
        const received = async () => {
          const view = await transferView(center, sids, task, 'receiver');
          return view?.fromAgent === agentId ? undefined : view;
        };
        const transfer = (await sent(sids, held, call)) ?? (await received());
        const found = out ? { ...call, marked: true } : call;
        return transfer ? { ...found, transfer } : found;
      }
    }
    if (held) {
      const call = await build(
        agentId,
        held.conference,
        held.callSid,
        held.customer ? { customer: held.customer } : {},
      );
      if (!call) return undefined;
      const transfer = sids ? await sent(sids, held, call) : undefined;
      return { ...call, marked: true, ...(transfer ? { transfer } : {}) };
    }
    return undefined;
  }

  /** The transfer I started for this call, as the marker remembers it. */
  async function sent(
    sids: ProvisionedRouting,
    marker: AgentCallMarker | undefined,
    call: CurrentCall,
  ): Promise<TransferView | undefined> {
    if (!marker?.transferTaskSid || marker.callSid !== call.callSid) return undefined;
    const task = await taskrouter.task(sids.workspaceSid, marker.transferTaskSid).catch(() => undefined);
    return task ? transferView(center, sids, task, 'sender') : undefined;
  }

  /**
   * A callback the workflow dialled for me: my leg, answered, dials the customer straight (no conference),
   * so only ending it is mine to do. Undefined when no such leg is live.
   */
  async function direct(
    agentId: string,
    sids: ProvisionedRouting,
    reservations?: Promise<readonly ReservationView[]>,
  ): Promise<DirectCall | undefined> {
    const workerSid = sids.workers[agentId];
    if (!workerSid) return undefined;
    const accepted = reservations
      ? (await reservations).filter((r) => r.status === 'accepted')
      : await taskrouter.reservations(sids.workspaceSid, workerSid, 'accepted');
    for (const r of accepted) {
      const task = await taskrouter.task(sids.workspaceSid, r.taskSid).catch(() => undefined);
      const leg = DIRECT_TASK_TYPES.includes(task?.attributes.type) ? task?.attributes.call_sid : undefined;
      if (typeof leg !== 'string' || !leg) continue;
      const call = await telephony.call(leg).catch(() => undefined);
      if (call && !call.endedAt && LIVE_LEG.includes(call.status))
        return { callSid: leg, taskSid: r.taskSid };
    }
    return undefined;
  }

  async function mine(user: User): Promise<CurrentCall> {
    const sids = await center.routing(user.id);
    const call = await find(user.id, sids);
    if (call) return call;
    const bridged = await direct(user.id, sids);
    if (bridged) throw new DirectCallProblem(bridged);
    throw new HttpProblem(409, 'no-current-call', 'You have no call in progress.');
  }

  /** The conference a customer's call is in (supervisor actions), by the task or outbound record. */
  async function ofCustomerCall(callSid: string): Promise<CurrentCall> {
    const sids = await center.routing();
    const agentId = (await store.calls.get(callSid))?.agentId;
    if (agentId) {
      const call = await find(agentId, sids);
      if (call && call.callSid === callSid) return call;
    }
    // Fall back to any live conference the call is a participant of.
    const confs = await providerStep('conferences', () => telephony.conferences({ status: 'in-progress' }));
    for (const c of confs) {
      const all = await legs(c.sid);
      if (all.some((l) => l.callSid === callSid)) {
        const myLeg = agentId ? all.find((l) => l.to === `client:${agentId}`) : undefined;
        return {
          callSid,
          conferenceSid: c.sid,
          conferenceName: c.name,
          legs: all,
          ...(myLeg ? { myLeg } : {}),
        };
      }
    }
    throw new HttpProblem(
      409,
      'not-in-conference',
      `Call ${callSid} is not in a conference the desk controls.`,
    );
  }

  return { find, mine, direct, legs, ofCustomerCall };
}

export type CallFinder = ReturnType<typeof createCallFinder>;

/** A marker as the key-value store returns it. */
export type StoredMarker = Awaited<ReturnType<KeyValueRepo['get']>>;

/** Marks the call the agent is on outside a reservation (replacing any older mark). */
export async function markAgentCall(center: Center, agentId: string, marker: AgentCallMarker): Promise<void> {
  const key = agentCallKey(agentId);
  await center.store.keys.delete(key);
  await center.store.keys.putIfAbsent(
    key,
    JSON.stringify(marker),
    new Date(center.clock.now() + 86_400_000).toISOString(),
  );
}
