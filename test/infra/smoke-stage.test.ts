// How the smoke command reads a deployment from AWS: the outputs it names exist in the synthesized service
// stack, and the account SID, the auth token's secret and the numbers come out of the deployed template
// as CDK writes it. The AWS CLI is replaced by answers built from that template.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSmokeArgs } from '../../infra/smoke/args.js';
import { runSmoke } from '../../infra/smoke/run-smoke.js';
import { type AwsCli, readTemplate, StageLookupError, stageTarget } from '../../infra/smoke/stage-target.js';
import { synthesizeIn, TEST_CONTEXT } from './synth.js';

const ADMIN_SECRET = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:FirstAdminPassword-abc';
const OUTPUTS: Record<string, string> = {
  PublicUrl: 'https://d111.cloudfront.net',
  WebhookUrl: 'https://h7t8p9a0pi.execute-api.eu-west-1.amazonaws.com',
  FallbackTwimlUrl: 'https://d111.cloudfront.net/fallback/voice.xml',
  AdminId: 'admin',
  AdminPasswordSecret: ADMIN_SECRET,
  TwilioWorkspaceSid: `WS${'a'.repeat(32)}`,
  TwilioWorkflowSid: `WW${'b'.repeat(32)}`,
  TwilioSoftphoneAppSid: `AP${'c'.repeat(32)}`,
};
const SECRETS: Record<string, string> = {
  'contact-center/twilio-auth-token': 'the-auth-token\n',
  [ADMIN_SECRET]: 'Generated-Pw-1',
};

describe('the smoke command reading a stage from AWS', () => {
  let template: Record<string, unknown> & { Outputs?: Record<string, unknown> };
  const calls: string[][] = [];
  const aws: AwsCli = async (args) => {
    calls.push([...args]);
    const [service, command] = args;
    if (command === 'describe-stacks')
      return JSON.stringify({
        Stacks: [
          {
            Outputs: Object.entries(OUTPUTS).map(([OutputKey, OutputValue]) => ({ OutputKey, OutputValue })),
          },
        ],
      });
    if (command === 'get-template') return JSON.stringify({ TemplateBody: template });
    if (service === 'secretsmanager') {
      const id = args[args.indexOf('--secret-id') + 1] ?? '';
      const value = SECRETS[id];
      if (value === undefined) throw new StageLookupError(`no secret ${id}`);
      return value;
    }
    throw new Error(`unexpected aws ${args.join(' ')}`);
  };

  beforeAll(() => {
    template = synthesizeIn('eu-west-1').template.toJSON();
  });

  it('reads only outputs the service stack has', () => {
    expect(Object.keys(template.Outputs ?? {})).toEqual(expect.arrayContaining(Object.keys(OUTPUTS)));
  });

  it('finds the account SID, the auth token secret and the numbers in the deployed template', () => {
    expect(readTemplate(template)).toEqual({
      accountSid: TEST_CONTEXT.twilioAccountSid,
      authTokenSecretId: 'contact-center/twilio-auth-token',
      numbers: TEST_CONTEXT.numbers.map((n) => n.number),
    });
    expect(readTemplate(JSON.stringify(template)).numbers).toHaveLength(TEST_CONTEXT.numbers.length);
  });

  it('builds the target from the outputs, the template and the two secrets', async () => {
    calls.length = 0;
    const args = parseSmokeArgs(['--stage', 'prod', '--region', 'eu-west-1'], {});
    expect(args.aws).toEqual({ profile: 'prod', region: 'eu-west-1', stack: 'ContactCenterService' });
    expect(await stageTarget(aws, args)).toEqual({
      baseUrl: OUTPUTS.PublicUrl,
      webhookBaseUrl: OUTPUTS.WebhookUrl,
      fallbackUrl: OUTPUTS.FallbackTwimlUrl,
      accountSid: TEST_CONTEXT.twilioAccountSid,
      authToken: 'the-auth-token',
      user: { id: 'admin', password: 'Generated-Pw-1' },
      workspaceSid: OUTPUTS.TwilioWorkspaceSid,
      workflowSid: OUTPUTS.TwilioWorkflowSid,
      softphoneAppSid: OUTPUTS.TwilioSoftphoneAppSid,
      numbers: TEST_CONTEXT.numbers.map((n) => n.number),
      source: 'stack ContactCenterService (profile prod) in eu-west-1',
    });
    expect(calls.map((c) => c.slice(0, 2).join(' '))).toEqual([
      'cloudformation describe-stacks',
      'cloudformation get-template',
      'secretsmanager get-secret-value',
      'secretsmanager get-secret-value',
    ]);
  });

  it('lets the command line replace what the stack says, and then reads no more than it needs', async () => {
    calls.length = 0;
    const args = parseSmokeArgs(
      ['--stack', 'Other', '--auth-token', 't', '--twilio-account', 'AC1', '--numbers', '+1555,+1666'],
      { SMOKE_PASSWORD: 'pw' },
    );
    const target = await stageTarget(aws, args);
    expect(target).toMatchObject({ accountSid: 'AC1', authToken: 't', numbers: ['+1555', '+1666'] });
    expect(target.user).toEqual({ id: 'admin', password: 'pw' });
    expect(calls).toEqual([
      ['cloudformation', 'describe-stacks', '--stack-name', 'Other', '--output', 'json'],
    ]);
  });

  it('goes on without a user when the first admin password cannot be read, and says why', async () => {
    const denied: AwsCli = async (args) => {
      if (args.includes(ADMIN_SECRET)) throw new StageLookupError('AccessDeniedException');
      return aws(args);
    };
    const target = await stageTarget(denied, parseSmokeArgs([], {}));
    expect(target.user).toBeUndefined();
    expect(target.userUnavailable).toBe(
      "the first admin's password could not be read: AccessDeniedException",
    );
    expect(target.authToken).toBe('the-auth-token');
  });

  it('reports a stack without a PublicUrl as a failed deployment check, exit code 1', async () => {
    const lines: string[] = [];
    const code = await runSmoke(['--stage', 'prod'], {
      print: (line) => lines.push(line),
      env: {},
      aws: () => async () => JSON.stringify({ Stacks: [{ Outputs: [] }] }),
    });
    expect(code).toBe(1);
    expect(lines.join('\n')).toMatch(
      /^FAILED {2}deployment: stack ContactCenterService has no PublicUrl output/,
    );
  });
});
