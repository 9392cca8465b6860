// A supervisor steering live calls and agents: monitor, whisper or barge (a `client:<id>` leg dialled into
// the call's conference), take over, force a hang-up, force an agent's state. Every action is audited.
import { HEARTBEAT_TIMEOUT_SECONDS } from '../../domain/agent-state.js';
import type { User } from '../../domain/model.js';
import { HttpProblem } from '../../domain/problems.js';
import { type Center, centerNumber } from '../center.js';
import type { AgentState } from '../desk/agent-state.js';
import { type CallFinder, supervisorLabel } from '../desk/calls.js';
import { heartbeatKey } from '../desk/presence.js';
import { agentWorker } from '../desk/workers.js';
import { providerStep } from '../provider-step.js';

type ListenMode = 'monitor' | 'whisper' | 'barge';

export function createLiveCalls(
  center: Center,
  calls: CallFinder,
  state: AgentState,
  onAgentChanged: () => void,
) {
  const { store, telephony, taskrouter } = center;

  async function audit(user: User, action: string, target: string, detail: Record<string, unknown>) {
    await store.audit.append({ actor: user.id, action, target, detail });
  }

  /** `ownsCall`: a take-over, after which the supervisor's hanging up ends the customer's call too. */
  async function supervisorLeg(user: User, callSid: string, mode: ListenMode, ownsCall = false) {
    const call = await calls.ofCustomerCall(callSid);
    const mine = call.legs.find((l) => l.to === `client:${user.id}`);
    const agentLeg = call.myLeg?.callSid;
    const coach = mode === 'whisper';
    if (coach && !agentLeg)
      throw new HttpProblem(
        409,
        'agent-not-on-call',
        'Nobody to whisper to: the agent is not on the call (they left it or their page closed).',
      );
    const settings = {
      muted: mode === 'monitor',
      coaching: coach,
      ...(coach && agentLeg ? { callSidToCoach: agentLeg } : {}),
      ...(ownsCall ? { endConferenceOnExit: true } : {}),
    };
    const marker = { kind: 'supervisor-leg', agentId: user.id } as const;
    const remember = (legSid: string) =>
      store.keys.put(
        marker,
        JSON.stringify({
          conferenceSid: call.conferenceSid,
          legSid,
          ...(ownsCall ? { ownsCall: true } : {}),
        }),
        new Date(center.clock.now() + 12 * 3600_000).toISOString(),
      );
    const leg = mine?.callSid;
    if (leg) {
      await providerStep('change mode', () => telephony.updateParticipant(call.conferenceSid, leg, settings));
      if (ownsCall) await remember(leg);
      return { call, legSid: leg };
    }
    // A supervisor is on one call at a time: joining another takes them out of the last, so a barge's open
    // microphone never stays behind in a customer's call the page no longer shows.
    const held = await store.keys.get(marker);
    const before = held
      ? (JSON.parse(String(held.value)) as { conferenceSid: string; legSid: string; ownsCall?: boolean })
      : undefined;
    if (before && before.conferenceSid !== call.conferenceSid) {
      // A call taken over has nobody else left for the customer: leaving it would hang them up.
      if (before.ownsCall) {
        const still = await telephony.participants(before.conferenceSid).catch(() => []);
        if (still.some((p) => p.callSid === before.legSid))
          throw new HttpProblem(
            409,
            'owns-call',
            'You took over a call and are the only one on it with the customer: finish it (Stop) before joining another.',
          );
      }
      await telephony.removeParticipant(before.conferenceSid, before.legSid).catch(() => undefined); // gone
    }
    const from = (await store.calls.get(callSid))?.to ?? centerNumber(center);
    const created = await providerStep('join supervisor', () =>
      telephony.addParticipant(call.conferenceSid, {
        from,
        to: `client:${user.id}`,
        label: supervisorLabel(user.id),
        beep: false,
        endConferenceOnExit: false,
        ...settings,
      }),
    );
    await remember(created.callSid);
    return { call, legSid: created.callSid };
  }

  /** The call's agent sees its participants change, as their desk shows them. */
  async function tellAgent(callSid: string): Promise<void> {
    const agentId = (await store.calls.get(callSid))?.agentId;
    if (agentId) await center.publish({ agentId }, ['me']);
  }

  return {
    async monitor(user: User, callSid: string, mode: ListenMode) {
      const { call, legSid } = await supervisorLeg(user, callSid, mode);
      await audit(user, 'supervisor.monitor', callSid, { mode, conferenceSid: call.conferenceSid });
      await tellAgent(callSid);
      return { callSid, conferenceSid: call.conferenceSid, supervisorCallSid: legSid, mode };
    },
    async takeOver(user: User, callSid: string) {
      // Nobody else is left to end the call: the customer would otherwise stay alone in the conference.
      const { call, legSid } = await supervisorLeg(user, callSid, 'barge', true);
      const agentLeg = call.myLeg?.callSid;
      // The agent's task wraps up before their leg leaves: a leg leaving a task still assigned reads as a
      // page that died, which puts the customer on hold for a rejoin that never comes, while the
      // supervisor's leg may still be ringing.
      if (call.taskSid) {
        const sids = await center.routing();
        await taskrouter
          .updateTask(sids.workspaceSid, call.taskSid, {
            assignmentStatus: 'wrapping',
            reason: `taken over by ${user.id}`,
          })
          .catch(() => undefined);
      }
      if (agentLeg) await telephony.removeParticipant(call.conferenceSid, agentLeg).catch(() => undefined);
      await audit(user, 'supervisor.takeOver', callSid, {
        conferenceSid: call.conferenceSid,
        agentCallSid: agentLeg,
      });
      await tellAgent(callSid);
      return {
        callSid,
        conferenceSid: call.conferenceSid,
        supervisorCallSid: legSid,
        mode: 'take-over' as const,
      };
    },
    async hangup(user: User, callSid: string) {
      await center.routing();
      const call = await calls.ofCustomerCall(callSid).catch(() => undefined);
      if (call) await providerStep('end conference', () => telephony.endConference(call.conferenceSid));
      else await providerStep('end call', () => telephony.updateCall(callSid, { status: 'completed' }));
      await audit(user, 'supervisor.hangup', callSid, call ? { conferenceSid: call.conferenceSid } : {});
      await tellAgent(callSid);
    },
    async forceState(
      user: User,
      agentId: string,
      body: { readonly state: 'Available' | 'Busy' | 'Offline'; readonly reason?: string | undefined },
    ) {
      const sids = await center.routing();
      if (!sids.workers[agentId])
        throw new HttpProblem(404, 'not-found', `No worker for agent "${agentId}".`);
      await state.changeState(user, agentId, body.state, body.reason);
      if (body.state === 'Offline') await store.keys.delete(heartbeatKey(agentId));
      await audit(user, 'supervisor.forceState', agentId, {
        state: body.state,
        ...(body.reason ? { reason: body.reason } : {}),
      });
      onAgentChanged();
      const w = await agentWorker(center, sids, agentId);
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
