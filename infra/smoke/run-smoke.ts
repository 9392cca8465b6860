// The smoke command: finds the deployment (args.ts, stage-target.ts), runs every check that needs no phone
// call, prints one line per check and answers the exit code: 0 when all passed, 1 otherwise, 2 on bad usage.
import { createTwilioClient } from '../../functions/adapters/twilio/client.js';
import { overrideTarget, parseSmokeArgs, UsageError } from './args.js';
import { checkSite, checkWebhooks } from './http-checks.js';
import { type CheckResult, formatResult, type SmokeTarget } from './smoke-target.js';
import { type AwsCli, awsCli, StageLookupError, stageTarget } from './stage-target.js';
import { checkToken } from './token-check.js';
import { checkTwilio } from './twilio-checks.js';

export async function runChecks(target: SmokeTarget): Promise<CheckResult[]> {
  const site = await checkSite(target);
  const webhooks = await checkWebhooks(target);
  const token = await checkToken(target);
  const client = createTwilioClient({
    accountSid: target.accountSid,
    authToken: target.authToken,
    ...(target.twilioApiBaseUrl ? { apiBaseUrl: target.twilioApiBaseUrl } : {}),
  });
  return [...site, ...webhooks, ...token.results, ...(await checkTwilio(target, client, token.token))];
}

export interface SmokeIo {
  readonly print: (line: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The AWS CLI for a profile and region; the real one by default. */
  readonly aws?: (options: { profile?: string; region?: string }) => AwsCli;
}

export async function runSmoke(argv: readonly string[], io: SmokeIo): Promise<number> {
  let target: SmokeTarget;
  try {
    const args = parseSmokeArgs(argv, io.env);
    target = args.aws ? await stageTarget((io.aws ?? awsCli)(args.aws), args) : overrideTarget(args);
  } catch (error) {
    if (error instanceof UsageError) {
      io.print(error.message);
      return 2;
    }
    if (error instanceof StageLookupError) {
      io.print(
        formatResult({
          name: 'deployment',
          ok: false,
          problem: error.message,
          fix: 'deploy the stacks, or check the profile and region',
        }),
      );
      return 1;
    }
    throw error;
  }
  io.print(`Smoke test of ${target.baseUrl} (from ${target.source}), Twilio account ${target.accountSid}`);
  const results = await runChecks(target);
  for (const result of results) io.print(formatResult(result));
  const failures = results.filter((r) => !r.ok).length;
  io.print(
    failures ? `${failures} of ${results.length} checks FAILED` : `all ${results.length} checks passed`,
  );
  return failures ? 1 : 0;
}
