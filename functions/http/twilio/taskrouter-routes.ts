// TaskRouter's callbacks: the assignment callback answers each reservation with an instruction (voice
// calls get the `conference` instruction: the agent's client rings and answering it accepts the reservation
// and joins caller and agent in a conference named by the task SID, recorded in two channels, wrap-up
// activity after; transfers into a live conference are left pending for the agent's accept; callbacks make
// TaskRouter call the agent and then dial the customer), and the event callback handles the events the
// workspace is subscribed to (functions/domain/taskrouter-events.ts), acknowledging each with a 204.
import { type Context, Hono } from 'hono';
import { routing } from '../../../flows/routing.js';
import { announceAgent, announceQuery } from '../../app/agent-announcement.js';
import { agentRing } from '../../app/agent-ring.js';
import { callbackInstruction } from '../../app/callbacks.js';
import type { Center } from '../../app/center.js';
import { onConferenceEvent } from '../../app/conference-events.js';
import { onOfferEnded } from '../../app/desk/missed-offers.js';
import { recordTaskRouterHistory } from '../../app/history/taskrouter-history.js';
import { assignWorkItem, completeWorkItem } from '../../app/work-items.js';
import { conferenceOfferKey } from '../../domain/agent-state.js';
import { CONSUMED_TASKROUTER_EVENTS, isConsumedTaskRouterEvent } from '../../domain/taskrouter-events.js';
import { conferenceInstructionFields, isWorkItem } from '../../domain/taskrouter-port.js';
import type { WebhookDeps } from '../deps.js';
import type { TwilioEnv, TwilioParams } from '../env.js';
import { previewInstruction } from './campaign-routes.js';
import { CALL_SID, optionalParam, requiredParam, sidOrRefuse } from './params.js';

/** TaskRouter sends each event field once; a repeated one keeps its first value. */
function singleValues(p: TwilioParams): Record<string, string> {
  return Object.fromEntries(
    Object.entries(p).flatMap(([k, v]) => {
      const one = typeof v === 'string' ? v : v[0];
      return one === undefined ? [] : [[k, one]];
    }),
  );
}

function json(raw: string | undefined): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(raw ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** `RecordingStatusCallback` -> `recording_status_callback`: the instruction's JSON form (docs/twilio-behaviour.md §4.8). */
function snakeCase(fields: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k.replace(/(?<!^)([A-Z])/g, '_$1').toLowerCase(), v]),
  );
}

export function createTaskRouterApp(deps: WebhookDeps, services: Center): Hono<TwilioEnv> {
  const app = new Hono<TwilioEnv>();
  const base = deps.config.webhookBaseUrl;

  app.post('/assignment', async (c) => {
    const p = c.var.twilioParams;
    const taskSid = requiredParam(p, 'TaskSid');
    const workerSid = requiredParam(p, 'WorkerSid');
    const reservationSid = optionalParam(p, 'ReservationSid');
    const task = json(optionalParam(p, 'TaskAttributes'));
    const worker = json(optionalParam(p, 'WorkerAttributes'));
    const to = String(worker.contact_uri ?? '');
    // The agent's pages hear of the offer while it is answered (a read-only tab has no Worker SDK).
    const offeredTo = typeof worker.agent_id === 'string' ? worker.agent_id : undefined;
    const told = offeredTo ? services.publish({ agentId: offeredTo }, ['me']) : undefined;
    try {
      return await instruct(c, { taskSid, workerSid, reservationSid, task, worker, to });
    } finally {
      await told;
    }
  });

  async function instruct(
    c: Context<TwilioEnv>,
    input: {
      readonly taskSid: string;
      readonly workerSid: string;
      readonly reservationSid: string | undefined;
      readonly task: Readonly<Record<string, unknown>>;
      readonly worker: Readonly<Record<string, unknown>>;
      readonly to: string;
    },
  ) {
    const { taskSid, workerSid, reservationSid, task, worker, to } = input;
    const provisioned = await services.provisioned();
    if (task.type === 'callback')
      return c.json(callbackInstruction(base, { taskSid, workerSid, to, attributes: task }));
    if (task.type === 'campaign-preview')
      return c.json(
        previewInstruction(base, {
          taskSid,
          workerSid,
          to,
          attributes: task,
          ringSeconds: routing.ringSeconds,
        }),
      );
    // A text conversation or a fax: nothing rings and nobody clicks. It is the agent's at once (accepted
    // here; the task is completed when TaskRouter reports the acceptance), so it never times out into
    // Missed nor stands in for a call's offer on the desk.
    if (isWorkItem(task)) {
      const agentId = typeof worker.agent_id === 'string' ? worker.agent_id : undefined;
      if (agentId) await assignWorkItem(services, agentId, taskSid, task);
      return c.json({ instruction: 'accept' });
    }
    const callSid = sidOrRefuse(
      typeof task.call_sid === 'string' ? task.call_sid : undefined,
      'body.TaskAttributes.call_sid',
      CALL_SID,
    );
    // A transfer: the customer already sits in a conference; the agent accepts through the desk, which
    // dials them into it (POST /agent/reservations/{WR}/accept). Empty JSON leaves the reservation pending.
    if (typeof task.conference_name === 'string') return c.json({});
    if (callSid) {
      const expires = new Date(deps.clock.now() + 24 * 3600_000).toISOString();
      const agentId = typeof worker.agent_id === 'string' ? worker.agent_id : undefined;
      // Independent writes, sent together: the caller hears silence until this answer.
      await Promise.all([
        // The task now on the call (a transfer's replaces the first one's).
        deps.store.keys.put({ kind: 'call-task', callSid }, JSON.stringify({ taskSid, workerSid }), expires),
        deps.store.calls.update(callSid, {
          ...(agentId ? { agentId } : {}),
          ...(typeof task.queue === 'string' ? { queue: task.queue } : {}),
          ...(task.language === 'en' || task.language === 'zh' ? { language: task.language } : {}),
        }),
        // The desk's accept route sees that this reservation already rings the agent and does not instruct again.
        reservationSid
          ? deps.store.keys.putIfAbsent(
              conferenceOfferKey(reservationSid),
              taskSid,
              new Date(deps.clock.now() + 3600_000).toISOString(),
            )
          : undefined,
      ]);
    } else if (reservationSid) {
      const expires = new Date(deps.clock.now() + 3600_000).toISOString();
      await deps.store.keys.putIfAbsent(conferenceOfferKey(reservationSid), taskSid, expires);
    }
    const wrapUp = provisioned.activities[routing.roles.wrapUp];
    const ring = agentRing(services, {
      task,
      to,
      ...(typeof worker.agent_id === 'string' ? { agentId: worker.agent_id } : {}),
      ...(wrapUp ? { wrapUpActivitySid: wrapUp } : {}),
    });
    return c.json(snakeCase(conferenceInstructionFields(ring)));
  }

  // The status events of the conferences the center makes (functions/app/conference-events.ts).
  app.post('/conference-status', async (c) => {
    const p = c.var.twilioParams;
    const conferenceSid = optionalParam(p, 'ConferenceSid');
    const callSid = optionalParam(p, 'CallSid');
    const participantLabel = optionalParam(p, 'ParticipantLabel');
    const participantCallStatus = optionalParam(p, 'ParticipantCallStatus');
    const reasonLeft = optionalParam(p, 'ReasonParticipantLeft');
    const event = optionalParam(p, 'StatusCallbackEvent') ?? '';
    const query = c.req.query();
    // The customer has come into the agent's conference on a line that announces its agents.
    const announce = announceQuery(query);
    if (announce && event === 'participant-join' && callSid === announce.customer && conferenceSid)
      await announceAgent(services, conferenceSid, announce);
    await onConferenceEvent(services, {
      event,
      conferenceName: optionalParam(p, 'FriendlyName') ?? '',
      ...(conferenceSid ? { conferenceSid } : {}),
      ...(callSid ? { callSid } : {}),
      ...(participantLabel ? { participantLabel } : {}),
      ...(participantCallStatus ? { participantCallStatus } : {}),
      ...(reasonLeft ? { reasonLeft } : {}),
      // Named by the callback the assignment set; a conference made before it was named asks TaskRouter.
      ...(query.customer && CALL_SID.test(query.customer) ? { customer: query.customer } : {}),
    });
    return c.body(null, 204);
  });

  // Offers that ended unanswered become missed offers (functions/app/desk/missed-offers.ts). The workspace's
  // EventsFilter names only these events; any other one means the filter drifted, which the log says.
  app.post('/events', async (c) => {
    const p = c.var.twilioParams;
    const type = optionalParam(p, 'EventType');
    const acknowledged = () => c.body(null, 204, { 'Content-Type': 'application/json' });
    if (!isConsumedTaskRouterEvent(type)) {
      deps.logger.warn('TaskRouter event not consumed: the workspace EventsFilter should not send it', {
        eventType: type ?? null,
        consumed: CONSUMED_TASKROUTER_EVENTS,
      });
      return acknowledged();
    }
    if (type !== 'reservation.rejected' && type !== 'reservation.timeout') {
      const taskSid = optionalParam(p, 'TaskSid');
      // A text or fax the assignment accepted: done as a task, the conversation the agent's.
      if (type === 'reservation.accepted' && taskSid && isWorkItem(json(optionalParam(p, 'TaskAttributes'))))
        await completeWorkItem(services, taskSid);
      await recordTaskRouterHistory(services, type, singleValues(p));
      return acknowledged();
    }
    const reservationSid = optionalParam(p, 'ReservationSid');
    const workerSid = optionalParam(p, 'WorkerSid');
    const taskSid = optionalParam(p, 'TaskSid');
    const agentId = optionalParam(p, 'WorkerName');
    if (!reservationSid || !workerSid || !taskSid || !agentId) {
      deps.logger.warn('TaskRouter event without its reservation, worker or task', { eventType: type });
      return acknowledged();
    }
    const queue = optionalParam(p, 'TaskQueueName');
    await onOfferEnded(services, {
      status: type === 'reservation.timeout' ? 'timeout' : 'rejected',
      agentId,
      workerSid,
      reservationSid,
      taskSid,
      attributes: json(optionalParam(p, 'TaskAttributes')),
      ...(queue ? { queue } : {}),
    });
    return acknowledged();
  });

  return app;
}
