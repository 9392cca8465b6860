// SES for voicemail mail: the mailFrom context value reaches the worker as MAIL_FROM with ses:SendEmail on
// that sender's identities only; without it nothing is granted and mail jobs fail fast as before.
import type { CfnElement } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { DeploySettingsError, parseDeploySettings } from '../../infra/aws/deploy-settings.js';
import { roleStatements, type Synthesized, synthesize, TEST_CONTEXT } from './synth.js';

const from = (context: Record<string, unknown>) => parseDeploySettings((key) => context[key]);

function workerFacts(s: Synthesized) {
  const fn = s.service.worker.fn;
  const roleId = s.service.getLogicalId(fn.role?.node.defaultChild as CfnElement);
  const statements = roleStatements(s, roleId);
  const resources = s.serviceTemplate.toJSON().Resources;
  const env = resources[s.service.getLogicalId(fn.node.defaultChild as CfnElement)].Properties.Environment
    .Variables as Record<string, unknown>;
  const ses = statements.filter((st) => [st.Action].flat().some((a) => a.startsWith('ses:')));
  return { env, ses };
}

const identityArn = (name: string) => ({
  'Fn::Join': [
    '',
    [
      'arn:',
      { Ref: 'AWS::Partition' },
      ':ses:',
      { Ref: 'AWS::Region' },
      ':',
      { Ref: 'AWS::AccountId' },
      `:identity/${name}`,
    ],
  ],
});

describe('mailFrom deploy setting', () => {
  it('is optional and gives the sender and its domain', () => {
    expect(from({}).mailFrom).toBeUndefined();
    expect(from({ mailFrom: 'voicemail@Mail.Example.com' }).mailFrom).toEqual({
      address: 'voicemail@Mail.Example.com',
      domain: 'mail.example.com',
    });
    expect(() => from({ mailFrom: 'not-an-address' })).toThrow(DeploySettingsError);
  });
});

describe('worker SES access', () => {
  let withMail: Synthesized;
  let without: Synthesized;
  beforeAll(() => {
    withMail = synthesize({ ...TEST_CONTEXT, mailFrom: 'voicemail@example.com' });
    without = synthesize();
  });

  it('with mailFrom: MAIL_FROM set and ses:SendEmail on the domain and address identities only', () => {
    const { env, ses } = workerFacts(withMail);
    expect(env.MAIL_FROM).toBe('voicemail@example.com');
    expect(ses).toEqual([
      expect.objectContaining({
        Action: 'ses:SendEmail',
        Resource: [identityArn('example.com'), identityArn('voicemail@example.com')],
      }),
    ]);
  });

  it('stays cdk-nag clean with mailFrom', () => {
    const report = new AwsSolutionsChecks().validateScope(withMail.app);
    expect(report.violations.map((v) => v.ruleName)).toEqual([]);
  });

  it('without mailFrom: no MAIL_FROM and no SES permission', () => {
    const { env, ses } = workerFacts(without);
    expect(env).not.toHaveProperty('MAIL_FROM');
    expect(ses).toEqual([]);
  });
});
