// What the Hono app needs from its composition root (the local server or a Lambda handler).
import type { CenterPorts } from '../app/center.js';
import type { TranscriptionPort } from '../domain/quality/transcription-port.js';
import type { AgentWorkerSync } from '../domain/taskrouter-port.js';
import type { ChannelDeps } from './channel-deps.js';

export interface AppSecrets {
  /** Twilio auth token: signs webhooks and authenticates REST calls. */
  readonly twilioAuthToken: string;
  /** HMAC key for agent/supervisor/admin session tokens. */
  readonly sessionKey: string;
  /** Secret of the API key (config.twilio.apiKey) that signs browser Access Tokens. */
  readonly twilioApiKeySecret?: string;
  /** The key's SID when it came with the secret (AWS), not from config.twilio.apiKey.sid. */
  readonly twilioApiKeySid?: string;
  /** What CloudFront sends as X-Origin-Verify (AWS only): proves a request came through CloudFront. */
  readonly originVerify?: string;
}

/**
 * What Twilio's webhooks may use: the center's ports and the secrets. Twilio is reached only through the
 * ports, whose adapters are a few lines over fetch: the official `twilio` client is over 1 MB bundled and
 * would make the webhook Lambda slow to start.
 */
export interface WebhookDeps extends CenterPorts {
  readonly secrets: AppSecrets;
}

/** The REST API's extra dependencies. */
export interface AppDeps extends WebhookDeps {
  /** An agent added or changed through the API gets their TaskRouter worker at once. */
  readonly agentWorkers: AgentWorkerSync;
  /** Recordings, SMS, mail and fax; without it those routes are not mounted. */
  readonly channels?: ChannelDeps;
  /** Transcription of stored call recordings (Twilio Intelligence, or the twin); absent: none. */
  readonly transcription?: TranscriptionPort;
}
