// TaskRouter's callbacks: the assignment callback answers each reservation with an instruction (voice
// calls get the `conference` instruction: the agent's client rings and answering it accepts the reservation
// and joins caller and agent in a conference named by the task SID, recorded in two channels, wrap-up
// activity after; transfers into a live conference are left pending for the agent's accept; callbacks make
// TaskRouter call the agent and then dial the customer), and the event callback is acknowledged (204).
import { Hono } from 'hono';
import { routing } from '../../../flows/routing.js';
import { agentCallKey, conferenceOfferKey, outboundCaller } from '../../domain/agent-state.js';
import { agentConferenceRecording } from '../../domain/recording.js';
import type { WebhookDeps } from '../deps.js';
import type { TwilioEnv } from '../env.js';
import { callbackInstruction } from './ivr/callbacks.js';
import { beginAgentWrapUp, beginWrapUp, type IvrServices } from './ivr/ivr-services.js';
import { optionalParam, requiredParam } from './params.js';

function json(raw: string | undefined): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(raw ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** `RecordingStatusCallback` -> `recording_status_callback`: the instruction's JSON form (reference §4.8). */
function snakeCase(fields: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k.replace(/(?<!^)([A-Z])/g, '_$1').toLowerCase(), v]),
  );
}

export function createTaskRouterApp(deps: WebhookDeps, services: IvrServices): Hono<TwilioEnv> {
  const app = new Hono<TwilioEnv>();
  const base = deps.config.publicBaseUrl;

  app.post('/assignment', async (c) => {
    const p = c.var.twilioParams;
    const taskSid = requiredParam(p, 'TaskSid');
    const workerSid = requiredParam(p, 'WorkerSid');
    const task = json(optionalParam(p, 'TaskAttributes'));
    const worker = json(optionalParam(p, 'WorkerAttributes'));
    const to = String(worker.contact_uri ?? '');
    const provisioned = await services.provisioned();
    if (task.type === 'callback')
      return c.json(callbackInstruction(base, { taskSid, workerSid, to, attributes: task }));
    const callSid = typeof task.call_sid === 'string' ? task.call_sid : undefined;
    // A transfer: the customer already sits in a conference; the agent accepts through the desk, which
    // dials them into it (POST /agent/reservations/{WR}/accept). Empty JSON leaves the reservation pending.
    if (typeof task.conference_name === 'string') return c.json({});
    if (callSid) {
      const expires = new Date(deps.clock.now() + 24 * 3600_000).toISOString();
      await deps.store.keys.delete({ kind: 'call-task', callSid });
      await deps.store.keys.putIfAbsent(
        { kind: 'call-task', callSid },
        JSON.stringify({ taskSid, workerSid }),
        expires,
      );
      const agentId = typeof worker.agent_id === 'string' ? worker.agent_id : undefined;
      await deps.store.calls.update(callSid, {
        ...(agentId ? { agentId } : {}),
        ...(typeof task.queue === 'string' ? { queue: task.queue } : {}),
      });
    }
    const wrapUp = provisioned.activities[routing.roles.wrapUp];
    const reservationSid = optionalParam(p, 'ReservationSid');
    if (reservationSid) {
      // The desk's accept route sees that this reservation already rings the agent and does not instruct again.
      const expires = new Date(deps.clock.now() + 3600_000).toISOString();
      await deps.store.keys.putIfAbsent(conferenceOfferKey(reservationSid), taskSid, expires);
    }
    return c.json({
      instruction: 'conference',
      from: String(task.called ?? task.to ?? ''),
      to,
      timeout: String(routing.ringSeconds),
      end_conference_on_exit: false,
      end_conference_on_customer_exit: true,
      beep: 'false',
      ...(callSid ? snakeCase(agentConferenceRecording(base, callSid)) : {}),
      conference_status_callback: `${base}/twilio/taskrouter/conference-status`,
      conference_status_callback_event: 'start end join leave',
      ...(wrapUp ? { post_work_activity_sid: wrapUp } : {}),
    });
  });

  // The conference of a voice task (named by the task SID): when the customer leaves or it ends, the task
  // now on the call (the transfer's, if any: `call-task#CA`) goes to wrapping and the wrap-up timer starts.
  app.post('/conference-status', async (c) => {
    const p = c.var.twilioParams;
    const event = optionalParam(p, 'StatusCallbackEvent') ?? '';
    const name = optionalParam(p, 'FriendlyName') ?? '';
    const label = optionalParam(p, 'ParticipantLabel') ?? '';
    if (event === 'participant-leave' && label.startsWith('agent-')) {
      await colleagueLeft(deps, services, {
        agentId: label.slice('agent-'.length),
        conference: name,
        talked: !['no-answer', 'busy', 'failed', 'canceled'].includes(
          optionalParam(p, 'ParticipantCallStatus') ?? '',
        ),
      });
    }
    const caller = outboundCaller(name);
    if (event === 'conference-end' && caller) await outboundEnded(deps, services, caller, name);
    if (!name.startsWith('WT') || (event !== 'conference-end' && event !== 'participant-leave'))
      return c.body(null, 204);
    const provisioned = await services.provisioned();
    const ws = `Workspaces/${provisioned.workspaceSid}`;
    const task = await services.rest.taskrouterGet(`${ws}/Tasks/${name}`).catch(() => undefined);
    const customer = json(typeof task?.attributes === 'string' ? task.attributes : undefined).call_sid;
    if (typeof customer !== 'string') return c.body(null, 204);
    const found = await deps.store.keys.get({ kind: 'call-task', callSid: customer });
    if (!found) return c.body(null, 204);
    const { taskSid, workerSid } = JSON.parse(String(found.value)) as { taskSid: string; workerSid: string };
    const current = await services.rest.taskrouterGet(`${ws}/Tasks/${taskSid}`).catch(() => undefined);
    if (current?.assignment_status !== 'assigned') return c.body(null, 204);
    if (event === 'participant-leave' && optionalParam(p, 'CallSid') !== customer) {
      await endIfCustomerAlone(services, optionalParam(p, 'ConferenceSid'), customer);
      return c.body(null, 204);
    }
    // The customer's leave and the conference's end arrive together: the first one moves the task.
    await beginWrapUp(deps, services, taskSid, workerSid);
    return c.body(null, 204);
  });

  app.post('/events', (c) => c.body(null, 204, { 'Content-Type': 'application/json' }));

  return app;
}

/** An agent's click-to-dial call ended: it is no longer theirs, and they wrap up. */
async function outboundEnded(
  deps: WebhookDeps,
  services: IvrServices,
  agentId: string,
  conference: string,
): Promise<void> {
  await releaseAgentCall(deps, agentId, conference);
  const workerSid = (await services.provisioned()).workers[agentId];
  if (workerSid) await beginAgentWrapUp(deps, services, workerSid);
}

/** Forgets the agent's call if it is still this conference (they may be on a newer one already). */
async function releaseAgentCall(deps: WebhookDeps, agentId: string, conference: string): Promise<void> {
  const key = agentCallKey(agentId);
  const held = await deps.store.keys.get(key);
  if (held && String(held.value).includes(JSON.stringify(conference))) await deps.store.keys.delete(key);
}

/**
 * A colleague dialled into a call by the desk (label `agent-<id>`) left it: the call is no longer theirs,
 * and they wrap up (or, if they never answered, are Available again at once).
 */
async function colleagueLeft(
  deps: WebhookDeps,
  services: IvrServices,
  input: { readonly agentId: string; readonly conference: string; readonly talked: boolean },
): Promise<void> {
  await releaseAgentCall(deps, input.agentId, input.conference);
  const p = await services.provisioned();
  const workerSid = p.workers[input.agentId];
  if (!workerSid) return;
  if (input.talked) {
    await beginAgentWrapUp(deps, services, workerSid);
    return;
  }
  const ws = `Workspaces/${p.workspaceSid}`;
  const worker = await services.rest.taskrouterGet(`${ws}/Workers/${workerSid}`).catch(() => undefined);
  const available = p.activities[routing.roles.available];
  if (available && worker?.activity_name === 'Busy')
    await services.rest.taskrouter(`${ws}/Workers/${workerSid}`, { ActivitySid: available });
}

/**
 * Someone other than the customer left the conference while the call's task is still assigned (the desk's
 * leave and transfer move it to wrapping before they drop the agent's leg). If nobody who can talk is left
 * with the customer (muted monitors do not count), the agent hung up in the browser or lost the page: the
 * conference ends, so the customer is not left listening to silence, and its end starts the wrap-up.
 */
async function endIfCustomerAlone(
  services: IvrServices,
  conferenceSid: string | undefined,
  customer: string,
): Promise<void> {
  if (!conferenceSid) return;
  const listed = await services.rest
    .voice(`Conferences/${conferenceSid}/Participants.json`)
    .catch(() => undefined);
  if (!listed) return;
  const participants = Array.isArray(listed.participants)
    ? (listed.participants as { call_sid?: string; muted?: boolean }[])
    : [];
  const talking = participants.filter((x) => x.call_sid !== customer && x.muted !== true);
  if (talking.length > 0 || !participants.some((x) => x.call_sid === customer)) return;
  await services.rest
    .voice(`Conferences/${conferenceSid}.json`, { Status: 'completed' })
    .catch(() => undefined); // ended meanwhile
}
