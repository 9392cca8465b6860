// The Access Token the desk mints: identity, VoiceGrant, TaskRouterGrant, TTL (default, max 24 h) and
// expiry on the app's clock, checked with the twin's verifier (which follows Twilio's rules).
import { describe, expect, it } from 'vitest';
import type { AppConfig } from '../../functions/config.js';
import type { User } from '../../functions/domain/model.js';
import type { ProvisionedRouting as RoutingSids } from '../../functions/domain/routing/provisioned.js';
import { mintAccessToken } from '../../functions/http/agent/access-token.js';
import { verifyAccessToken } from '../../infra/local/twin/agent-link/access-token.js';
import { testConfig } from './harness.js';

const KEY = { sid: `SK${'1'.repeat(32)}`, secret: 'api-key-secret-for-tests-000000000' };
const NOW = Date.parse('2027-03-01T09:00:00Z');
const base = testConfig('unused');
const config: AppConfig = {
  ...base,
  twilio: { ...base.twilio, apiKey: { sid: KEY.sid, secret: { source: 'inline', value: KEY.secret } } },
};
const secrets = { twilioAuthToken: 'x', sessionKey: 'y', twilioApiKeySecret: KEY.secret };
const user = { id: '1001', roles: ['agent'], skills: ['claims'] } as unknown as User;
const sids: RoutingSids = {
  workspaceSid: `WS${'2'.repeat(32)}`,
  workflowSid: `WW${'3'.repeat(32)}`,
  activities: {},
  queues: {},
  workers: { '1001': `WK${'4'.repeat(32)}` },
  applicationSid: `AP${'5'.repeat(32)}`,
};
const verify = (jwt: string, nowMs = NOW) =>
  verifyAccessToken(jwt, {
    accountSid: config.twilio.accountSid,
    keys: new Map([[KEY.sid, KEY.secret]]),
    nowMs,
  });

describe('agent Access Token', () => {
  it('carries the identity, voice and TaskRouter grants', () => {
    const minted = mintAccessToken({ config, secrets, user, sids, nowMs: NOW });
    const check = verify(minted.token);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.token).toMatchObject({
      identity: '1001',
      incomingAllowed: true,
      outgoingApplicationSid: sids.applicationSid,
      workspaceSid: sids.workspaceSid,
      workerSid: sids.workers['1001'],
    });
    expect(minted).toMatchObject({ identity: '1001', mode: 'twilio', workerSid: sids.workers['1001'] });
    expect(minted.linkUrl).toBeUndefined();
  });

  it('lasts an hour by default, expires on the app clock, and is capped at 24 h', () => {
    const minted = mintAccessToken({ config, secrets, user, sids, nowMs: NOW });
    expect(minted.expiresAt).toBe('2027-03-01T10:00:00.000Z');
    expect(verify(minted.token, NOW + 3599_000).ok).toBe(true);
    expect(verify(minted.token, NOW + 3600_000)).toMatchObject({ ok: false, code: 20104 });
    const long = mintAccessToken({ config, secrets, user, sids, nowMs: NOW }, 10 * 86_400);
    expect(long.expiresAt).toBe('2027-03-02T09:00:00.000Z');
    expect(verify(long.token).ok).toBe(true);
  });

  it('local mode gives the agent link URL; a user without a worker gets no TaskRouter grant', () => {
    const local = {
      ...config,
      publicBaseUrl: 'http://127.0.0.1:3000',
      twilio: { ...config.twilio, apiBaseUrl: 'http://127.0.0.1:3000/twin' },
    };
    const minted = mintAccessToken({
      config: local,
      secrets,
      user: { ...user, id: 'sup1' },
      sids,
      nowMs: NOW,
    });
    expect(minted).toMatchObject({
      mode: 'local',
      linkUrl: 'ws://127.0.0.1:3000/twin/agent-link',
      identity: 'sup1',
    });
    const check = verify(minted.token);
    expect(check.ok).toBe(true);
    expect(check.ok ? check.token.workerSid : 'invalid').toBeUndefined();
  });

  it('without an API key answers not-configured', () => {
    expect(() => mintAccessToken({ config: base, secrets, user, sids, nowMs: NOW })).toThrow(
      /TWILIO_API_KEY_SID/,
    );
  });
});
