// Mints the browser's Twilio Access Token (docs/twilio-behaviour.md §9.1): identity = user id, VoiceGrant (incoming
// calls; outgoing through the provisioned TwiML App when there is one) and TaskRouterGrant (the user's
// worker), signed with the configured API key. Locally the same token opens the twin's agent link.
import twilio from 'twilio';
import type { AppConfig } from '../../config.js';
import type { User } from '../../domain/model.js';
import type { ProvisionedRouting as RoutingSids } from '../../domain/routing/provisioned.js';
import type { AppSecrets } from '../deps.js';
import { HttpProblem } from '../errors.js';

export const DEFAULT_TOKEN_TTL = 3600;
export const MAX_TOKEN_TTL = 86_400;
export const AGENT_LINK_PATH = '/twin/agent-link';

export interface MintedToken {
  readonly token: string;
  readonly identity: string;
  readonly expiresAt: string;
  readonly ttlSeconds: number;
  readonly mode: 'twilio' | 'local';
  readonly linkUrl?: string;
  readonly workerSid?: string;
  readonly workspaceSid?: string;
}

export function mintAccessToken(
  input: {
    readonly config: AppConfig;
    readonly secrets: AppSecrets;
    readonly user: User;
    readonly sids: RoutingSids | undefined;
    readonly nowMs: number;
  },
  ttlSeconds = DEFAULT_TOKEN_TTL,
): MintedToken {
  const { config, secrets, user, sids } = input;
  const keySid = secrets.twilioApiKeySid ?? config.twilio.apiKey?.sid;
  if (!keySid || !secrets.twilioApiKeySecret) {
    throw new HttpProblem(
      409,
      'not-configured',
      'No Twilio API key is configured: set TWILIO_API_KEY_SID and TWILIO_API_KEY_SECRET(_ID), or deploy to let provisioning create one.',
    );
  }
  const ttl = Math.min(MAX_TOKEN_TTL, Math.max(60, Math.floor(ttlSeconds)));
  const { AccessToken } = twilio.jwt;
  // The helper reads the wall clock for iat/exp; nbf and the expiry we report follow the app's clock.
  const nowSeconds = Math.floor(input.nowMs / 1000);
  const token = new AccessToken(config.twilio.accountSid, keySid, secrets.twilioApiKeySecret, {
    identity: user.id,
    ttl,
    nbf: nowSeconds,
  });
  token.addGrant(
    new AccessToken.VoiceGrant({
      incomingAllow: true,
      ...(sids?.applicationSid ? { outgoingApplicationSid: sids.applicationSid } : {}),
    }),
  );
  const workerSid = sids?.workers[user.id];
  if (sids && workerSid) {
    token.addGrant(
      new AccessToken.TaskRouterGrant({ workspaceSid: sids.workspaceSid, workerSid, role: 'worker' }),
    );
  }
  const local = config.twilio.apiBaseUrl !== undefined;
  const jwt = signAt(token, nowSeconds);
  return {
    token: jwt,
    identity: user.id,
    expiresAt: new Date((nowSeconds + ttl) * 1000).toISOString(),
    ttlSeconds: ttl,
    mode: local ? 'local' : 'twilio',
    ...(local ? { linkUrl: `${config.publicBaseUrl.replace(/^http/, 'ws')}${AGENT_LINK_PATH}` } : {}),
    ...(workerSid && sids ? { workerSid, workspaceSid: sids.workspaceSid } : {}),
  };
}

/**
 * toJwt() with iat/exp from the app's clock (the twin checks expiry on the same clock, a manual one in
 * tests). The helper and jsonwebtoken read Date.now() and offer no clock option; signing is synchronous,
 * so the override cannot leak into other work.
 */
function signAt(token: InstanceType<typeof twilio.jwt.AccessToken>, nowSeconds: number): string {
  const realNow = Date.now;
  Date.now = () => nowSeconds * 1000;
  try {
    return token.toJwt();
  } finally {
    Date.now = realNow;
  }
}
