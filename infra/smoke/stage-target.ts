// Reads a deployment as CloudFormation and Secrets Manager hold it, through the AWS CLI the admin deployed
// with: the service stack's outputs (URLs, SIDs, the first admin), its deployed template (the account SID,
// the auth token's secret and the numbers, which no output lists) and the two secrets' values.
import { execFile } from 'node:child_process';
import type { SmokeArgs } from './args.js';
import type { SmokeTarget } from './smoke-target.js';

/** Runs `aws <args>` and answers its standard output. */
export type AwsCli = (args: readonly string[]) => Promise<string>;

export class StageLookupError extends Error {
  override readonly name = 'StageLookupError';
}

export function awsCli(options: { readonly profile?: string; readonly region?: string }): AwsCli {
  const common = [
    ...(options.profile ? ['--profile', options.profile] : []),
    ...(options.region ? ['--region', options.region] : []),
  ];
  return (args) =>
    new Promise((resolve, reject) => {
      execFile('aws', [...args, ...common], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
        reject(
          new StageLookupError(
            missing
              ? 'the AWS CLI (aws) is not installed; install it, or give the deployment with --url and the overrides'
              : `aws ${args.slice(0, 2).join(' ')} failed: ${stderr.trim() || error.message}`,
          ),
        );
      });
    });
}

interface TemplateResource {
  readonly Type?: string;
  readonly Properties?: Record<string, unknown>;
}

/** The account SID, the auth token's secret and the numbers, as the deployed template sets them. */
export function readTemplate(body: unknown): {
  accountSid?: string;
  authTokenSecretId?: string;
  numbers: string[];
} {
  const template = (typeof body === 'string' ? JSON.parse(body) : body) as {
    Resources?: Record<string, TemplateResource>;
  };
  const resources = Object.values(template.Resources ?? {});
  const provisioning = resources.find((r) => r.Type === 'Custom::TwilioProvisioning');
  const numbers = ((provisioning?.Properties?.Numbers ?? []) as { Number?: unknown }[])
    .map((n) => n.Number)
    .filter((n): n is string => typeof n === 'string');
  for (const r of resources) {
    if (r.Type !== 'AWS::Lambda::Function') continue;
    const vars = (r.Properties?.Environment as { Variables?: Record<string, unknown> } | undefined)
      ?.Variables;
    const account = vars?.TWILIO_ACCOUNT_SID;
    const secret = vars?.TWILIO_AUTH_TOKEN_SECRET_ID;
    if (typeof account === 'string' && typeof secret === 'string')
      return { accountSid: account, authTokenSecretId: secret, numbers };
  }
  return { numbers };
}

export async function stageTarget(aws: AwsCli, args: SmokeArgs): Promise<SmokeTarget> {
  const stack = args.aws?.stack ?? 'ContactCenterService';
  const o = args.overrides;
  const described = JSON.parse(
    await aws(['cloudformation', 'describe-stacks', '--stack-name', stack, '--output', 'json']),
  ) as { Stacks?: { Outputs?: { OutputKey?: string; OutputValue?: string }[] }[] };
  const outputs = new Map(
    (described.Stacks?.[0]?.Outputs ?? []).map((out) => [out.OutputKey ?? '', out.OutputValue ?? '']),
  );
  const output = (key: string) => outputs.get(key) || undefined;
  const baseUrl = o.baseUrl ?? output('PublicUrl')?.replace(/\/+$/, '');
  if (!baseUrl)
    throw new StageLookupError(`stack ${stack} has no PublicUrl output: is it deployed and complete?`);

  const needTemplate = !o.accountSid || !o.authToken || !o.numbers;
  const fromTemplate = needTemplate
    ? readTemplate(
        (
          JSON.parse(
            await aws(['cloudformation', 'get-template', '--stack-name', stack, '--output', 'json']),
          ) as { TemplateBody?: unknown }
        ).TemplateBody ?? {},
      )
    : { numbers: [] };
  const accountSid = o.accountSid ?? fromTemplate.accountSid;
  if (!accountSid)
    throw new StageLookupError(`no TWILIO_ACCOUNT_SID in stack ${stack}'s functions; give --twilio-account`);
  const secret = (id: string) =>
    aws([
      'secretsmanager',
      'get-secret-value',
      '--secret-id',
      id,
      '--query',
      'SecretString',
      '--output',
      'text',
    ]).then((value) => value.trim());
  let authToken = o.authToken;
  if (!authToken) {
    if (!fromTemplate.authTokenSecretId)
      throw new StageLookupError(`no auth token secret named in stack ${stack}; give --auth-token`);
    authToken = await secret(fromTemplate.authTokenSecretId);
  }
  const userId = o.userId ?? output('AdminId');
  const passwordSecret = output('AdminPasswordSecret');
  // Without the password the token check fails and says why; every other check still runs.
  let password = o.password;
  let userUnavailable: string | undefined;
  if (!password && userId && passwordSecret)
    try {
      password = await secret(passwordSecret);
    } catch (error) {
      userUnavailable = `the first admin's password could not be read: ${(error as Error).message}`;
    }
  const workspaceSid = o.workspaceSid ?? output('TwilioWorkspaceSid');
  const workflowSid = o.workflowSid ?? output('TwilioWorkflowSid');
  const softphoneAppSid = o.softphoneAppSid ?? output('TwilioSoftphoneAppSid');
  const fallbackUrl = o.fallbackUrl ?? output('FallbackTwimlUrl');
  const webhookBaseUrl = o.webhookBaseUrl ?? output('WebhookUrl')?.replace(/\/+$/, '');
  return {
    baseUrl,
    ...(webhookBaseUrl ? { webhookBaseUrl } : {}),
    accountSid,
    authToken,
    numbers: o.numbers ?? fromTemplate.numbers,
    ...(fallbackUrl ? { fallbackUrl } : {}),
    ...(o.twilioApiBaseUrl ? { twilioApiBaseUrl: o.twilioApiBaseUrl } : {}),
    ...(userId && password ? { user: { id: userId, password } } : {}),
    ...(userUnavailable ? { userUnavailable } : {}),
    ...(workspaceSid ? { workspaceSid } : {}),
    ...(workflowSid ? { workflowSid } : {}),
    ...(softphoneAppSid ? { softphoneAppSid } : {}),
    source: `stack ${stack}${args.aws?.profile ? ` (profile ${args.aws.profile})` : ''}${args.aws?.region ? ` in ${args.aws.region}` : ''}`,
  };
}
