// The app's Twilio-facing ports built over one REST transport: what a composition root wires in, with
// Twilio's base URL in AWS and the twin's locally.
import type { MessagingPort } from '../../domain/messaging-port.js';
import type { TaskRouterPort } from '../../domain/taskrouter-port.js';
import type { TelephonyPort } from '../../domain/telephony-port.js';
import { createRestTransport, type RestTransport, type RestTransportOptions } from './rest-transport.js';
import { createTaskRouterRest } from './taskrouter-rest.js';
import { createTelephonyRest } from './telephony-rest.js';

export interface TwilioPorts {
  readonly taskrouter: TaskRouterPort;
  readonly telephony: TelephonyPort;
  readonly messaging: MessagingPort;
}

export function createMessagingRest(rest: RestTransport): MessagingPort {
  return {
    async sendSms({ from, to, body }) {
      await rest.voice('Messages.json', { From: from, To: to, Body: body });
    },
    async send({ from, to, body, statusCallback }) {
      const j = await rest.voice('Messages.json', {
        From: from,
        To: to,
        Body: body,
        StatusCallback: statusCallback,
      });
      return { sid: String(j.sid), status: String(j.status ?? 'queued') };
    },
  };
}

export function createTwilioPorts(options: RestTransportOptions): TwilioPorts {
  const rest = createRestTransport(options);
  return {
    taskrouter: createTaskRouterRest(rest),
    telephony: createTelephonyRest(rest),
    messaging: createMessagingRest(rest),
  };
}
