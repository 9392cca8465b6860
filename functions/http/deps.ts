// What the Hono app needs from its composition root (the local server or a Lambda handler).
import type { AppConfig } from '../config.js';
import type { Clock, Store } from '../domain/ports.js';

export interface AppSecrets {
  /** Twilio auth token: signs webhooks and authenticates REST calls. */
  readonly twilioAuthToken: string;
  /** HMAC key for agent/supervisor/admin session tokens. */
  readonly sessionKey: string;
}

export interface AppDeps {
  readonly config: AppConfig;
  readonly secrets: AppSecrets;
  readonly store: Store;
  readonly clock: Clock;
}
