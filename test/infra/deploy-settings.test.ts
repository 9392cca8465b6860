// Deploy settings from CDK context: defaults that let a fresh clone synthesize, and errors that name
// the context key for values that would deploy something broken.
import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_ACCOUNT_SID, parseDeploySettings } from '../../infra/aws/deploy-settings.js';

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
      phoneNumbers: '+18005550100, +8640012345678',
      recordingArchiveDays: '30',
      recordingRetentionDays: 365,
      domainName: 'cc.example.com',
      certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
    });
    expect(settings.adminId).toBe('ops.lead');
    expect(settings.phoneNumbers).toEqual(['+18005550100', '+8640012345678']);
    expect(settings.recordingArchiveDays).toBe(30);
    expect(settings.domain).toEqual({
      name: 'cc.example.com',
      certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
    });
  });

  it.each([
    [{ twilioAccountSid: 'AC123' }, /twilioAccountSid/],
    [{ adminId: 'root admin' }, /adminId: "root admin" is not a login id \(2-64 letters/],
    [{ adminId: 'a' }, /adminId: "a" is not a login id/],
    [{ adminId: 42 }, /adminId: must be a string/],
    [{ phoneNumbers: ['4001234567'] }, /phoneNumbers: "4001234567" is not E.164/],
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
      workerMaxConcurrency: 10,
      recordingLockDays: 400,
      recordingLockMode: 'compliance',
    });
  });

  it.each([
    [{ webhookRateLimit: 0 }, /webhookRateLimit: must be a positive integer/],
    [{ loginBurstLimit: 'lots' }, /loginBurstLimit: must be a positive integer/],
    [{ webhookConcurrency: -1 }, /webhookConcurrency: must be 0 \(none reserved\) or more/],
    [{ workerMaxConcurrency: 1 }, /workerMaxConcurrency: must be from 2 to 1000/],
    [{ workerMaxConcurrency: 1001 }, /workerMaxConcurrency: must be from 2 to 1000/],
    [{ recordingLockDays: 731 }, /recordingLockDays: must be at most recordingRetentionDays/],
    [{ recordingLockMode: 'legal-hold' }, /recordingLockMode: must be "governance" or "compliance"/],
  ])('rejects %j', (context, message) => {
    expect(() => from(context)).toThrow(message);
  });
});
