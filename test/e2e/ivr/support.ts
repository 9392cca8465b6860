// Drives the local stack like a caller: the sim API (place a call, press keys, speak, advance the manual
// clock) and TaskRouter through the official client, with what the caller heard and what was stored.
import { createManualClock, type ManualClock } from '../../../functions/domain/manual-clock.js';
import { type ProvisionedRouting, ROUTING_SETTING } from '../../../functions/domain/routing/provisioned.js';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';

export interface CallView {
  readonly callSid: string;
  readonly status: string;
  readonly heard: readonly { verb: string; text: string; language?: string; voice?: string }[];
  readonly waitingFor: string;
  readonly bridgedTo: string | null;
  readonly conferenceSid: string | null;
  readonly queueSid: string | null;
}

export interface IvrHarness {
  readonly stack: LocalStack;
  readonly clock: ManualClock;
  readonly routing: ProvisionedRouting;
  call(from: string, to?: string): Promise<string>;
  press(sid: string, digits: string): Promise<CallView>;
  say(sid: string, speech: string): Promise<CallView>;
  view(sid: string): Promise<CallView>;
  /**
   * Lets the caller hear the call's prompts out on the manual clock (prompts take time, as on a call); with
   * `until: 'input'`, queue announcements too, until something listens for keys.
   */
  listen(sid: string, until?: 'input'): Promise<CallView>;
  /** Texts heard since the previous `heardSince` for this call (or from the start). */
  heardNew(sid: string): Promise<string[]>;
  advance(seconds: number): Promise<void>;
  hangup(sid: string): Promise<void>;
  messagesTo(to: string): Promise<{ body: string; from: string }[]>;
  /** Sets an agent's activity by name (Available, Offline, ...). */
  setActivity(agentId: string, activity: string): Promise<void>;
  worker(agentId: string): Promise<{ activityName: string; attributes: Record<string, unknown> }>;
  /** The agent whose client is in the caller's conference (the assignment's `conference` instruction), or null. */
  agentOn(sid: string): Promise<string | null>;
  /** Registers `client:<id>` to answer when rung. */
  answering(agentId: string): Promise<void>;
  stop(): Promise<void>;
}

export const WARRANTY = '+18005550100';
export const RESCUE = '+18005550111';
export const SUPPORT = '+18005550122';
export const EMERGENCY = '+18005550119';

export async function startIvr(startIso: string): Promise<IvrHarness> {
  const clock = createManualClock(Date.parse(startIso));
  const stack = await startLocalStack({ port: 0, clock, demoData: true });
  const routing = await stack.store.settings.get<ProvisionedRouting>(ROUTING_SETTING);
  if (!routing) throw new Error('routing not provisioned');
  const seen = new Map<string, number>();
  const json = async <T>(path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${stack.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const ws = () => stack.twilio.taskrouter.v1.workspaces(routing.workspaceSid);
  const workerSid = (agentId: string) => {
    const sid = routing.workers[agentId];
    if (!sid) throw new Error(`no worker for ${agentId}`);
    return sid;
  };
  const h: IvrHarness = {
    stack,
    clock,
    routing,
    async call(from, to = WARRANTY) {
      const { callSid } = await json<{ callSid: string }>('/sim/calls', { from, to });
      await stack.twin.settle();
      return callSid;
    },
    // The sim API answers once the voice engine is idle; TaskRouter's callbacks may still be in flight.
    press: async (sid, digits) => {
      await json(`/sim/calls/${sid}/input`, { digits });
      await stack.twin.settle();
      return h.view(sid);
    },
    say: async (sid, speech) => {
      await json(`/sim/calls/${sid}/input`, { speech });
      await stack.twin.settle();
      return h.view(sid);
    },
    view: (sid) => json(`/sim/calls/${sid}`),
    listen: async (sid, until) => {
      await json(`/sim/calls/${sid}/listen`, until ? { until } : {});
      await stack.twin.settle();
      return h.view(sid);
    },
    async agentOn(sid) {
      const { conferenceSid } = await h.view(sid);
      if (!conferenceSid) return null;
      const parts = await stack.twilio.conferences(conferenceSid).participants.list();
      for (const p of parts.filter((x) => x.callSid !== sid)) {
        const leg = await stack.twilio.calls(p.callSid).fetch();
        if (leg.to.startsWith('client:')) return leg.to.slice('client:'.length);
      }
      return null;
    },
    async heardNew(sid) {
      const v = await h.view(sid);
      const from = seen.get(sid) ?? 0;
      seen.set(sid, v.heard.length);
      return v.heard.slice(from).map((x) => x.text);
    },
    async advance(seconds) {
      // In steps of at most a second, settling after each: webhooks are real I/O, and a timer due after
      // a webhook's answer must see that answer (as it would on a real clock).
      for (let left = seconds; left > 0; left -= 1) {
        await json('/sim/clock/advance', { ms: Math.min(1, left) * 1000 });
        await stack.twin.settle();
      }
    },
    async hangup(sid) {
      await json(`/sim/calls/${sid}/hangup`, {});
      await stack.twin.settle();
    },
    async messagesTo(to) {
      return (
        await json<{ messages: { body: string; from: string }[] }>(
          `/sim/messages?to=${encodeURIComponent(to)}`,
        )
      ).messages;
    },
    async setActivity(agentId, activity) {
      const activitySid = routing.activities[activity];
      if (!activitySid) throw new Error(`no activity ${activity}`);
      await ws().workers(workerSid(agentId)).update({ activitySid });
      await stack.twin.settle();
    },
    async worker(agentId) {
      const w = await ws().workers(workerSid(agentId)).fetch();
      return {
        activityName: w.activityName,
        attributes: JSON.parse(w.attributes) as Record<string, unknown>,
      };
    },
    async answering(agentId) {
      await json('/sim/parties', { address: `client:${agentId}`, policy: 'answer' });
    },
    stop: () => stack.stop(),
  };
  return h;
}
