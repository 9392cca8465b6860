// Deploy settings from CDK context: defaults that let a fresh clone synthesize, and errors that name
// the context key for values that would deploy something broken: numbers that are not E.164, fictional
// 555 or local demo numbers, unknown flows, senders that are not among the numbers.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../functions/config.js';
import {
  numbersEnvironment,
  PLACEHOLDER_ACCOUNT_SID,
  parseDeploySettings,
} from '../../infra/aws/deploy-settings.js';

const from = (context: Record<string, unknown>) => parseDeploySettings((key) => context[key]);

describe('parseDeploySettings', () => {
  it('has defaults for everything, so synth needs no context', () => {
    expect(from({})).toEqual({
      twilioAccountSid: PLACEHOLDER_ACCOUNT_SID,
      adminId: 'admin',
      twilioAuthTokenSecretName: 'contact-center/twilio-auth-token',
      phoneNumbers: [],
      recordingArchiveDays: 90,
      recordingRetentionDays: 730,
      accessLogRetentionDays: 365,
      timeZone: 'Asia/Shanghai',
      phoneRegion: 'CN',
      apiRateLimit: 50,
      apiBurstLimit: 100,
    });
  });

  it('reads CLI strings (-c key=value) and cdk.json values alike', () => {
    const settings = from({
      twilioAccountSid: `AC${'a'.repeat(32)}`,
      adminId: 'ops.lead',
      numbers: [
        { number: '+8640012345678', flow: 'warranty' },
        { number: ' +862161234567 ', flow: 'it-support' },
      ],
      recordingArchiveDays: '30',
      recordingRetentionDays: 365,
      domainName: 'cc.example.com',
      certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
    });
    expect(settings.adminId).toBe('ops.lead');
    expect(settings.phoneNumbers).toEqual([
      { number: '+8640012345678', flow: 'warranty' },
      { number: '+862161234567', flow: 'it-support' },
    ]);
    // The SMS sender and the callbacks' caller id default to the first number, not a demo one.
    expect(settings.smsFrom).toBe('+8640012345678');
    expect(settings.callbackCallerId).toBe('+8640012345678');
    expect(settings.recordingArchiveDays).toBe(30);
    expect(settings.domain).toEqual({
      name: 'cc.example.com',
      certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
    });
  });

  it('reads numbers given on the command line as JSON, with their senders and an API key secret', () => {
    const settings = from({
      numbers: '[{"number":"+8640012345678","flow":"rescue"},{"number":"+862161234567","flow":"warranty"}]',
      smsFrom: '+862161234567',
      callbackCallerId: '+8640012345678',
      twilioApiKeySecretName: 'contact-center/twilio-api-key',
    });
    expect(settings).toMatchObject({
      phoneNumbers: [
        { number: '+8640012345678', flow: 'rescue' },
        { number: '+862161234567', flow: 'warranty' },
      ],
      smsFrom: '+862161234567',
      callbackCallerId: '+8640012345678',
      twilioApiKeySecretName: 'contact-center/twilio-api-key',
    });
  });

  it('hands the functions the numbers, flows and senders through their environment', () => {
    const settings = from({
      numbers: [
        { number: '+8640012345678', flow: 'rescue' },
        { number: '+862161234567', flow: 'warranty' },
      ],
      callbackCallerId: '+862161234567',
    });
    const config = loadConfig({
      TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`,
      TWILIO_AUTH_TOKEN: 'x',
      SESSION_KEY: 'y',
      PUBLIC_BASE_URL: 'https://cc.example.com',
      TABLE_NAME: 't',
      BUCKET_NAME: 'b',
      ...numbersEnvironment(settings),
    });
    expect(config.hotlines).toEqual(settings.phoneNumbers);
    expect(config.channels).toMatchObject({ smsFrom: '+8640012345678', callbackCallerId: '+862161234567' });
    // No account, no numbers: the functions keep the local demo defaults.
    expect(numbersEnvironment(from({}))).toEqual({});
  });

  const ok = { number: '+8640012345678', flow: 'warranty' };
  it.each([
    [{ twilioAccountSid: `AC${'a'.repeat(32)}` }, /numbers: is required with a Twilio account/],
    [{ phoneNumbers: '+8640012345678' }, /phoneNumbers: is replaced by "numbers"/],
    [{ numbers: '+8640012345678' }, /numbers: must be a JSON list/],
    [{ numbers: { number: '+8640012345678' } }, /numbers: must be a list/],
    [
      { numbers: [{ number: '4001234567', flow: 'warranty' }] },
      /numbers\[0\]\.number: "4001234567" is not an E.164/,
    ],
    [
      { numbers: [ok, { number: '+14155550123', flow: 'rescue' }] },
      /numbers\[1\]\.number: \+14155550123 is a fictional 555/,
    ],
    [
      { numbers: [{ number: '+18005550122', flow: 'it-support' }] },
      /numbers\[0\]\.number: \+18005550122 is a fictional 555 demo/,
    ],
    [
      { numbers: [{ number: '+8640012345678', flow: 'sales' }] },
      /numbers\[0\]\.flow: "sales" is not a flow; one of warranty/,
    ],
    [{ numbers: [ok, ok] }, /numbers\[1\]\.number: \+8640012345678 is listed twice/],
    [{ numbers: [ok], smsFrom: '+862161234567' }, /smsFrom: \+862161234567 is not among "numbers"/],
    [
      { numbers: [ok], callbackCallerId: '+18005550100' },
      /callbackCallerId: \+18005550100 is a fictional 555/,
    ],
    [{ twilioAccountSid: 'AC123' }, /twilioAccountSid/],
    [{ adminId: 'root admin' }, /adminId: "root admin" is not a login id \(2-64 letters/],
    [{ adminId: 'a' }, /adminId: "a" is not a login id/],
    [{ adminId: 42 }, /adminId: must be a string/],
    [{ recordingArchiveDays: 'soon' }, /recordingArchiveDays: must be a positive integer/],
    [{ recordingArchiveDays: 90, recordingRetentionDays: 120 }, /recordingRetentionDays: must be at least/],
    [{ domainName: 'cc.example.com' }, /certificateArn: domainName and certificateArn go together/],
    [{ domainName: 'cc.example.com', certificateArn: 'arn:aws:acm:eu-west-1:1:certificate/x' }, /us-east-1/],
  ])('rejects %j', (context, message) => {
    expect(() => from(context)).toThrow(message);
  });
});

describe('parseDeploySettings: limits and the recordings lock', () => {
  it('leaves each limit unset unless given, so the stack applies LIMIT_DEFAULTS', () => {
    const settings = from({});
    for (const key of [
      'webhookRateLimit',
      'webhookBurstLimit',
      'loginRateLimit',
      'loginBurstLimit',
      'webhookConcurrency',
      'pushConcurrency',
      'workerMaxConcurrency',
      'recordingLockDays',
      'recordingLockMode',
    ])
      expect(settings, key).not.toHaveProperty(key);
  });

  it('reads every limit and the lock from CLI strings or numbers', () => {
    expect(
      from({
        webhookRateLimit: '200',
        webhookBurstLimit: 400,
        loginRateLimit: 3,
        loginBurstLimit: '6',
        webhookConcurrency: '0',
        pushConcurrency: 4,
        workerMaxConcurrency: 10,
        recordingRetentionDays: 400,
        recordingLockDays: '400',
        recordingLockMode: 'compliance',
      }),
    ).toMatchObject({
      webhookRateLimit: 200,
      webhookBurstLimit: 400,
      loginRateLimit: 3,
      loginBurstLimit: 6,
      webhookConcurrency: 0,
      pushConcurrency: 4,
      workerMaxConcurrency: 10,
      recordingLockDays: 400,
      recordingLockMode: 'compliance',
    });
  });

  it.each([
    [{ webhookRateLimit: 0 }, /webhookRateLimit: must be a positive integer/],
    [{ loginBurstLimit: 'lots' }, /loginBurstLimit: must be a positive integer/],
    [{ webhookConcurrency: -1 }, /webhookConcurrency: must be 0 \(none reserved\) or more/],
    [{ pushConcurrency: 'some' }, /pushConcurrency: must be 0 \(none reserved\) or more/],
    [{ workerMaxConcurrency: 1 }, /workerMaxConcurrency: must be from 2 to 1000/],
    [{ workerMaxConcurrency: 1001 }, /workerMaxConcurrency: must be from 2 to 1000/],
    [{ recordingLockDays: 731 }, /recordingLockDays: must be at most recordingRetentionDays/],
    [{ recordingLockMode: 'legal-hold' }, /recordingLockMode: must be "governance" or "compliance"/],
  ])('rejects %j', (context, message) => {
    expect(() => from(context)).toThrow(message);
  });
});
