// The agent's current call and the controls on it, through Twilio's Conference Participants API
// (reference §8): the call is found from the agent's accepted reservation (conference named by the task
// SID) or their click-to-dial, never from a call id the page sends, so an agent acts only on their own call.
import type { TwilioClient } from '../../adapters/twilio/client.js';
import { agentCallKey as outboundKey } from '../../domain/agent-state.js';
import type { User } from '../../domain/model.js';
import type { Clock, Store } from '../../domain/ports.js';
import { HttpProblem } from '../errors.js';
import { type RoutingSids, routingSids, workerSidOf } from './routing-sids.js';
import { twilioStep, type Workers } from './workers.js';

export { outboundKey };

export interface LegView {
  readonly callSid: string;
  readonly label?: string;
  readonly to?: string;
  readonly hold: boolean;
  readonly muted: boolean;
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
}

export function createCallFinder(
  deps: { twilio: TwilioClient; store: Store; clock: Clock },
  workers: Workers,
) {
  const { twilio, store } = deps;

  async function legs(conferenceSid: string): Promise<LegView[]> {
    const parts = await twilio.conferences(conferenceSid).participants.list({ limit: 50 });
    return Promise.all(
      parts.map(async (p) => {
        const call = await twilio
          .calls(p.callSid)
          .fetch()
          .catch(() => undefined);
        return {
          callSid: p.callSid,
          ...(p.label ? { label: p.label } : {}),
          ...(call?.to ? { to: call.to } : {}),
          hold: p.hold,
          muted: p.muted,
        };
      }),
    );
  }

  async function byName(name: string): Promise<{ sid: string } | undefined> {
    const [conf] = await twilio.conferences.list({ friendlyName: name, status: 'in-progress', limit: 1 });
    return conf ? { sid: conf.sid } : undefined;
  }

  async function build(
    agentId: string,
    name: string,
    callSid: string,
    extra: { taskSid?: string; reservationSid?: string },
  ): Promise<CurrentCall | undefined> {
    const conf = await byName(name);
    if (!conf) return undefined;
    const all = await legs(conf.sid);
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

  /** The agent's live call, or undefined. */
  async function find(agentId: string, sids?: RoutingSids): Promise<CurrentCall | undefined> {
    if (sids?.workers[agentId]) {
      const accepted = await workers.reservations(sids, workerSidOf(sids, agentId), 'accepted');
      for (const r of accepted) {
        const task = await workers.task(sids, r.taskSid);
        const customer = String(task.attributes.call_sid ?? '');
        const name = String(task.attributes.conference_name ?? r.taskSid);
        const call = await build(agentId, name, customer, {
          taskSid: r.taskSid,
          reservationSid: r.reservationSid,
        });
        if (call) return call;
      }
    }
    const out = await store.keys.get(outboundKey(agentId));
    if (out) {
      const { conference, callSid } = JSON.parse(String(out.value)) as {
        conference: string;
        callSid: string;
      };
      return build(agentId, conference, callSid, {});
    }
    return undefined;
  }

  async function mine(user: User): Promise<CurrentCall> {
    const sids = await routingSids(store);
    const call = await find(user.id, sids);
    if (!call) throw new HttpProblem(409, 'no-current-call', 'You have no call in progress.');
    return call;
  }

  /** The conference a customer's call is in (supervisor actions), by the task or outbound record. */
  async function ofCustomerCall(callSid: string): Promise<CurrentCall> {
    await routingSids(store);
    const record = await store.calls.get(callSid);
    const agentId = record?.agentId;
    if (agentId) {
      const sids = await store.settings.get<RoutingSids>('taskrouter');
      const call = await find(agentId, sids);
      if (call && call.callSid === callSid) return call;
    }
    // Fall back to any live conference the call is a participant of.
    const confs = await twilioStep('conferences', () =>
      twilio.conferences.list({ status: 'in-progress', limit: 200 }),
    );
    for (const c of confs) {
      const all = await legs(c.sid);
      if (all.some((l) => l.callSid === callSid)) {
        const myLeg = agentId ? all.find((l) => l.to === `client:${agentId}`) : undefined;
        return {
          callSid,
          conferenceSid: c.sid,
          conferenceName: c.friendlyName,
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

  return { find, mine, legs, ofCustomerCall };
}

export type CallFinder = ReturnType<typeof createCallFinder>;
