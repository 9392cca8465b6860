// Configuration of the local stack: the same AppConfig as in AWS, built through loadConfig so the same
// validation applies, with local-only Twilio credentials and a session key kept in the data folder; and
// SIM_CLOCK, the clock a tester can move.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AppConfig, ConfigError, loadConfig } from '../../functions/config.js';
import { parseInstant } from '../../functions/domain/manual-clock.js';
import type { AppSecrets } from '../../functions/http/deps.js';

/**
 * Twilio credentials for the local stack only. They sign and check webhooks between the app and the
 * in-process Twilio twin; they are not a real Twilio account and grant nothing anywhere else.
 */
export const LOCAL_TWILIO = {
  accountSid: 'AC10ca1000000000000000000000000000',
  authToken: 'local-only-twilio-auth-token-0000',
  /** API key for browser Access Tokens (the agent link verifies them), as an admin creates in Twilio. */
  apiKeySid: 'SK10ca1000000000000000000000000000',
  apiKeySecret: 'local-only-api-key-secret-00000000',
} as const;

export const LOCAL_TABLE = 'contact-center';
export const LOCAL_BUCKET = 'contact-center-media';

const SESSION_KEY_FILE = 'session.key';

/**
 * The HMAC key for sessions. Kept in the data folder so logins survive a restart; a throwaway run
 * (no folder) gets a fresh one, which is what a throwaway run should do.
 */
export function localSessionKey(dataDir?: string): string {
  if (!dataDir) return randomBytes(32).toString('base64url');
  const path = join(dataDir, SESSION_KEY_FILE);
  if (existsSync(path)) {
    const key = readFileSync(path, 'utf8').trim();
    if (key.length >= 32) return key;
  }
  const key = randomBytes(32).toString('base64url');
  writeFileSync(path, `${key}\n`, { mode: 0o600 });
  return key;
}

export interface LocalEndpoints {
  readonly publicBaseUrl: string;
  /** Where Twilio's webhooks go, when not the public URL. */
  readonly webhookBaseUrl?: string;
  readonly dynamodbEndpoint: string;
  readonly s3Endpoint: string;
  readonly sessionKey: string;
  /** Base URL of the Twilio twin's REST API. */
  readonly twilioApiBaseUrl: string;
}

export function localConfig(endpoints: LocalEndpoints): { config: AppConfig; secrets: AppSecrets } {
  const config = loadConfig({
    PUBLIC_BASE_URL: endpoints.publicBaseUrl,
    ...(endpoints.webhookBaseUrl ? { WEBHOOK_BASE_URL: endpoints.webhookBaseUrl } : {}),
    TWILIO_ACCOUNT_SID: LOCAL_TWILIO.accountSid,
    TWILIO_AUTH_TOKEN: LOCAL_TWILIO.authToken,
    TABLE_NAME: LOCAL_TABLE,
    BUCKET_NAME: LOCAL_BUCKET,
    DYNAMODB_ENDPOINT: endpoints.dynamodbEndpoint,
    S3_ENDPOINT: endpoints.s3Endpoint,
    SESSION_KEY: endpoints.sessionKey,
    TWILIO_API_BASE_URL: endpoints.twilioApiBaseUrl,
    TWILIO_API_KEY_SID: LOCAL_TWILIO.apiKeySid,
    TWILIO_API_KEY_SECRET: LOCAL_TWILIO.apiKeySecret,
  });
  return {
    config,
    secrets: {
      twilioAuthToken: LOCAL_TWILIO.authToken,
      sessionKey: endpoints.sessionKey,
      twilioApiKeySecret: LOCAL_TWILIO.apiKeySecret,
    },
  };
}

/** Which clock `npm start` runs on: the system clock, or a sim clock running from a time or standing still. */
export type SimClockSetting =
  | { readonly mode: 'system' }
  | { readonly mode: 'running'; readonly startMs: number }
  | { readonly mode: 'manual' };

/**
 * SIM_CLOCK: unset for the system clock; an ISO 8601 time with an offset to run from that moment at
 * real speed; `manual` to stand still at the current time. Either sim clock moves through /sim/clock.
 */
export function loadSimClock(
  env: Readonly<Record<string, string | undefined>> = process.env,
): SimClockSetting {
  const value = env.SIM_CLOCK?.trim();
  if (!value) return { mode: 'system' };
  if (value === 'manual') return { mode: 'manual' };
  const startMs = parseInstant(value);
  if (startMs === undefined)
    throw new ConfigError(
      'SIM_CLOCK',
      `must be an ISO 8601 time with Z or a UTC offset to run from (e.g. SIM_CLOCK=2026-12-07T09:00:00+08:00), ` +
        `or "manual" to stand still until moved; got "${value}"`,
    );
  return { mode: 'running', startMs };
}
