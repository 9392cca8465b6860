// The softphone's Access Token in the deployed configuration: the API function's environment as the
// service stack sets it (secret ids, no values; the API key secret holding SID and secret as JSON, the way
// provisioning stores it), secrets read through a Secrets Manager reader, and a token that Twilio's rules
// (the twin's verifier) accept, with the Voice and TaskRouter grants. Before provisioning has stored a key
// the route answers 409; a malformed secret fails at start, naming the variable.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../functions/config.js';
import type { User } from '../../functions/domain/model.js';
import type { ProvisionedRouting } from '../../functions/domain/routing/provisioned.js';
import { resolveSecrets } from '../../functions/handlers/secrets.js';
import { mintAccessToken } from '../../functions/http/agent/access-token.js';
import { HttpProblem } from '../../functions/http/errors.js';
import { verifyAccessToken } from '../../infra/local/twin/agent-link/access-token.js';

const ACCOUNT = `AC${'1'.repeat(32)}`;
const KEY = { sid: `SK${'a'.repeat(32)}`, secret: 'b'.repeat(32) };
const NOW = Date.parse('2027-03-01T09:00:00Z');
const ARN = (name: string) => `arn:aws:secretsmanager:eu-west-1:123456789012:secret:${name}-AbCdEf`;

/** The API function's variables as ServiceStack sets them (secret ids only). */
const ENV = {
  TWILIO_ACCOUNT_SID: ACCOUNT,
  TABLE_NAME: 'ContactCenterData-DataTable',
  BUCKET_NAME: 'contactcenterdata-recordings',
  PUBLIC_BASE_URL: 'https://d111111abcdef8.cloudfront.net',
  TIME_ZONE: 'Asia/Shanghai',
  PHONE_REGION: 'CN',
  AWS_REGION: 'eu-west-1',
  TWILIO_AUTH_TOKEN_SECRET_ID: 'contact-center/twilio-auth-token',
  SESSION_KEY_SECRET_ID: ARN('SessionKey'),
  ORIGIN_VERIFY_SECRET_ID: ARN('OriginVerify'),
  TWILIO_API_KEY_SECRET_ID: ARN('TwilioApiKey'),
};

const secretsManager = (apiKeyValue: string) => {
  const values = new Map([
    [ENV.TWILIO_AUTH_TOKEN_SECRET_ID, 'auth-token'],
    [ENV.SESSION_KEY_SECRET_ID, 'session-key'],
    [ENV.ORIGIN_VERIFY_SECRET_ID, 'origin-verify'],
    [ENV.TWILIO_API_KEY_SECRET_ID, apiKeyValue],
  ]);
  return async (id: string) => {
    const value = values.get(id);
    if (value === undefined) throw new Error(`ResourceNotFoundException: ${id}`);
    return value;
  };
};

const user = { id: '1001', roles: ['agent'], skills: ['claims'] } as unknown as User;
const sids: ProvisionedRouting = {
  workspaceSid: `WS${'2'.repeat(32)}`,
  workflowSid: `WW${'3'.repeat(32)}`,
  activities: {},
  queues: {},
  workers: { '1001': `WK${'4'.repeat(32)}` },
  applicationSid: `AP${'5'.repeat(32)}`,
};

describe('Access Token in the deployed configuration', () => {
  it('mints a Voice and TaskRouter token signed with the provisioned key', async () => {
    const config = loadConfig(ENV);
    const secrets = await resolveSecrets(config, secretsManager(JSON.stringify(KEY)));
    const minted = mintAccessToken({ config, secrets, user, sids, nowMs: NOW });
    expect(minted).toMatchObject({ mode: 'twilio', identity: '1001', workerSid: sids.workers['1001'] });
    const check = verifyAccessToken(minted.token, {
      accountSid: ACCOUNT,
      keys: new Map([[KEY.sid, KEY.secret]]),
      nowMs: NOW,
    });
    expect(check).toMatchObject({
      ok: true,
      token: {
        identity: '1001',
        incomingAllowed: true,
        outgoingApplicationSid: sids.applicationSid,
        workspaceSid: sids.workspaceSid,
        workerSid: sids.workers['1001'],
      },
    });
  });

  it('answers 409 while the secret holds no key yet (as the stack creates it)', async () => {
    const config = loadConfig(ENV);
    const secrets = await resolveSecrets(config, secretsManager('{"sid":"","secret":"generated"}'));
    expect(secrets.twilioApiKeySecret).toBeUndefined();
    expect(() => mintAccessToken({ config, secrets, user, sids, nowMs: NOW })).toThrow(HttpProblem);
  });

  it.each([
    ['not JSON', 'SKaaaa:secret'],
    ['a bad SID', JSON.stringify({ sid: 'AK123', secret: 'x' })],
    ['no secret', JSON.stringify({ sid: KEY.sid })],
  ])('fails at start, naming TWILIO_API_KEY_SECRET_ID, on %s', async (_, value) => {
    await expect(resolveSecrets(loadConfig(ENV), secretsManager(value))).rejects.toThrow(
      /TWILIO_API_KEY_SECRET_ID/,
    );
  });
});
