// How a queued caller's task rings an agent: TaskRouter's `conference` instruction, which dials the agent's
// client and, once answered, accepts the reservation and joins caller and agent in a conference named by
// the task, the agent's leg recorded in two channels, the conference's events told to the app, and the
// agent moved to Wrap-up afterwards. The assignment callback answers with it; the desk's accept sends it
// again when the first ring has gone (the agent's page reloaded while it rang).
import { routing } from '../../flows/routing.js';
import { recordingStatusCallbackUrl } from '../domain/recording.js';
import type { ConferenceInstruction } from '../domain/taskrouter-port.js';
import { conferenceStatusUrl } from './agent-announcement.js';
import { type Center, centerNumber } from './center.js';

/** The conference events the app follows (functions/app/conference-events.ts). */
const CONFERENCE_EVENTS = ['start', 'end', 'join', 'leave'] as const;

export function agentRing(
  center: Pick<Center, 'config'>,
  input: {
    readonly task: Readonly<Record<string, unknown>>;
    /** The agent's client address (the worker's contact_uri). */
    readonly to: string;
    readonly agentId?: string;
    readonly wrapUpActivitySid?: string;
  },
): ConferenceInstruction {
  const { task, agentId } = input;
  const base = center.config.webhookBaseUrl;
  const called = String(task.called ?? task.to ?? centerNumber(center));
  const callSid = typeof task.call_sid === 'string' && task.call_sid ? task.call_sid : undefined;
  return {
    instruction: 'conference',
    // The number the customer called: our caller id towards the agent's client.
    from: called,
    to: input.to,
    // Rings a little past the reservation timeout: TaskRouter's timeout ends the offer (and the ring),
    // so the agent is moved to Missed and the caller offered to the next agent at the same moment.
    timeoutSeconds: routing.ringSeconds + 5,
    endConferenceOnExit: false,
    endConferenceOnCustomerExit: true,
    beep: false,
    // On Twilio the recording belongs to the agent's leg, not the customer's call (pausing addresses that
    // leg); the callback carries the customer's CallSid, under which the recording is filed.
    ...(callSid
      ? {
          record: {
            channels: 'dual' as const,
            statusCallback: recordingStatusCallbackUrl(base, { callSid, ...(agentId ? { agentId } : {}) }),
            statusCallbackEvents: ['completed', 'absent'],
          },
        }
      : {}),
    conferenceStatusCallback: {
      url: conferenceStatusUrl(center, {
        called,
        ...(agentId ? { agentId } : {}),
        ...(callSid ? { customer: callSid } : {}),
        lang: task.language === 'en' ? 'en' : 'zh',
      }),
      events: CONFERENCE_EVENTS,
    },
    ...(input.wrapUpActivitySid ? { postWorkActivitySid: input.wrapUpActivitySid } : {}),
  };
}
