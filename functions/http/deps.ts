// What the Hono app needs from its composition root (the local server or a Lambda handler).
import type { AppConfig } from '../config.js';
import type { JobQueue } from '../domain/jobs.js';
import type { Logger } from '../domain/logger.js';
import type { MessagingPort } from '../domain/messaging-port.js';
import type { Clock, Store } from '../domain/ports.js';
import type { AgentWorkerSync, TaskRouterPort } from '../domain/taskrouter-port.js';
import type { TelephonyPort } from '../domain/telephony-port.js';
import type { ChannelDeps } from './channel-deps.js';

export interface AppSecrets {
  /** Twilio auth token: signs webhooks and authenticates REST calls. */
  readonly twilioAuthToken: string;
  /** HMAC key for agent/supervisor/admin session tokens. */
  readonly sessionKey: string;
  /** Secret of the API key (config.twilio.apiKey) that signs browser Access Tokens. */
  readonly twilioApiKeySecret?: string;
}

/**
 * What Twilio's webhooks may use. Twilio is reached only through the ports, whose adapters are a few
 * lines over fetch: the official `twilio` client is over 1 MB bundled and would make the webhook Lambda
 * slow to start.
 */
export interface WebhookDeps {
  readonly config: AppConfig;
  readonly secrets: AppSecrets;
  readonly store: Store;
  readonly clock: Clock;
  /** TaskRouter, voice and SMS through Twilio's REST API (the twin locally), as the app's ports. */
  readonly taskrouter: TaskRouterPort;
  readonly telephony: TelephonyPort;
  readonly messaging: MessagingPort;
  /** The one logger: structured lines, with the request's correlation keys where a webhook set them. */
  readonly logger: Logger;
  /** The job queue (recordings, SMS routing); without it the recording/SMS-status webhooks are not mounted. */
  readonly jobs?: JobQueue;
}

/** The REST API (and workers) also talk to Twilio: the official client, pointed at the twin locally. */
export interface AppDeps extends WebhookDeps {
  /** An agent added or changed through the API gets their TaskRouter worker at once. */
  readonly agentWorkers: AgentWorkerSync;
  /** Recordings, SMS, mail and fax; without it those routes are not mounted. */
  readonly channels?: ChannelDeps;
}
