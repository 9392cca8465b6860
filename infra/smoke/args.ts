// The smoke command's arguments: which deployment (an AWS profile's stack, or a URL and an account given
// outright, as for the local stack) and values that replace what the stack says.
import { parseArgs } from 'node:util';
import type { SmokeTarget } from './smoke-target.js';

export const USAGE = `Usage: npm run smoke -- [--stage <aws profile>] [--region <region>] [--stack <name>] [overrides]
       npm run smoke -- --url <base> --twilio-account <AC…> --auth-token <token> [overrides]

Without --url, the deployment is read from CloudFormation (stack outputs and template) and Secrets Manager
with the AWS CLI: --stage names the AWS profile of the account it is deployed to (default: the CLI's own).
Overrides: --url --webhook-url --fallback-url --twilio-account --auth-token (or TWILIO_AUTH_TOKEN) --twilio-api <twin base>
           --user <id> --password <pw> (or SMOKE_PASSWORD) --workspace WS… --workflow WW…
           --softphone-app AP… --numbers +1…,+1…`;

export interface SmokeArgs {
  /** Where to read the deployment from: AWS, or nothing but the overrides. */
  readonly aws?: { readonly profile?: string; readonly region?: string; readonly stack: string };
  readonly overrides: Partial<Omit<SmokeTarget, 'user' | 'source'>> & {
    readonly userId?: string;
    readonly password?: string;
  };
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const DEFAULT_STACK = 'ContactCenterService';

export function parseSmokeArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): SmokeArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: Object.fromEntries(
        [
          'stage',
          'region',
          'stack',
          'url',
          'webhook-url',
          'fallback-url',
          'twilio-account',
          'auth-token',
          'twilio-api',
          'user',
          'password',
          'workspace',
          'workflow',
          'softphone-app',
          'numbers',
        ].map((name) => [name, { type: 'string' as const }]),
      ),
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${USAGE}`);
  }
  const text = (key: string) => {
    const value = values[key];
    return typeof value === 'string' && value.trim() ? value.trim() : undefined;
  };
  const url = text('url')?.replace(/\/+$/, '');
  const overrides = Object.fromEntries(
    Object.entries({
      baseUrl: url,
      webhookBaseUrl: text('webhook-url')?.replace(/\/+$/, ''),
      fallbackUrl: text('fallback-url'),
      accountSid: text('twilio-account'),
      authToken: text('auth-token') ?? env.TWILIO_AUTH_TOKEN,
      twilioApiBaseUrl: text('twilio-api')?.replace(/\/+$/, ''),
      userId: text('user'),
      password: text('password') ?? env.SMOKE_PASSWORD,
      workspaceSid: text('workspace'),
      workflowSid: text('workflow'),
      softphoneAppSid: text('softphone-app'),
      numbers: text('numbers')
        ?.split(',')
        .map((n) => n.trim())
        .filter(Boolean),
    }).filter(([, value]) => value !== undefined),
  ) as SmokeArgs['overrides'];
  if (url) {
    if (text('stage') || text('stack'))
      throw new UsageError(`--url replaces the stack: give one or the other\n\n${USAGE}`);
    for (const [flag, value] of [
      ['--twilio-account', overrides.accountSid],
      ['--auth-token (or TWILIO_AUTH_TOKEN)', overrides.authToken],
    ] as const)
      if (!value) throw new UsageError(`with --url, ${flag} is needed too\n\n${USAGE}`);
    return { overrides };
  }
  const profile = text('stage');
  const region = text('region');
  return {
    aws: {
      stack: text('stack') ?? DEFAULT_STACK,
      ...(profile ? { profile } : {}),
      ...(region ? { region } : {}),
    },
    overrides,
  };
}

/** The target given outright (--url): every value from the command line. */
export function overrideTarget(args: SmokeArgs): SmokeTarget {
  const { userId, password, ...o } = args.overrides;
  return {
    baseUrl: o.baseUrl ?? '',
    accountSid: o.accountSid ?? '',
    authToken: o.authToken ?? '',
    numbers: o.numbers ?? [],
    ...o,
    ...(userId && password ? { user: { id: userId, password } } : {}),
    source: 'the command line',
  };
}
