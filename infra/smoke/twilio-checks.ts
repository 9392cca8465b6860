// The checks made through Twilio's REST API with the account's credentials: the account answers, the API
// key that signs softphone tokens exists, the TaskRouter workspace, workflow and activities the stack
// provisioned exist and call this deployment back, and the numbers and the softphone app point at it.
import { routing } from '../../flows/routing.js';
import type { TwilioClient } from '../../functions/adapters/twilio/client.js';
import { wiringFor } from '../../functions/adapters/twilio/provision-numbers.js';
import { softphoneApp } from '../../functions/adapters/twilio/provision-twiml-app.js';
import { type CheckResult, failed, passed, type SmokeTarget } from './smoke-target.js';
import type { MintedTokenClaims } from './token-check.js';

const REDEPLOY = 'redeploy the service stack: provisioning sets it again';

/** Twilio's error as one phrase: status, code and message. */
function restError(error: unknown): string {
  const e = error as { status?: number; code?: number; message?: string };
  return e.status ? `${e.status}${e.code ? ` (Twilio error ${e.code})` : ''}: ${e.message}` : String(error);
}

const isNotFound = (error: unknown) => (error as { status?: number }).status === 404;

async function fetchOrFail<T>(
  name: string,
  what: string,
  fetchIt: () => Promise<T>,
  check: (found: T) => CheckResult,
): Promise<CheckResult> {
  try {
    return check(await fetchIt());
  } catch (error) {
    return isNotFound(error)
      ? failed(name, `${what} does not exist in the account`, REDEPLOY)
      : failed(
          name,
          `fetching ${what} failed: ${restError(error)}`,
          'retry; if it persists, check the account in the Twilio Console',
        );
  }
}

/** One URL Twilio calls back on, and the one this deployment expects there. */
interface UrlCheck {
  readonly label: string;
  readonly actual: string | null | undefined;
  readonly expected: string;
}

function urlsResult(name: string, what: string, checks: readonly UrlCheck[]): CheckResult {
  const wrong = checks
    .filter((c) => c.actual !== c.expected)
    .map((c) => `${c.label} is ${c.actual || '(empty)'}, expected ${c.expected}`);
  return wrong.length
    ? failed(name, `${what}: ${wrong.join('; ')}`, `${REDEPLOY} (or another deployment has taken it over)`)
    : passed(name, `${what}: ${checks.map((c) => c.label).join(', ')} at this deployment`);
}

export async function checkTwilio(
  target: SmokeTarget,
  client: TwilioClient,
  token: MintedTokenClaims | undefined,
): Promise<CheckResult[]> {
  const base = target.webhookBaseUrl ?? target.baseUrl;
  try {
    await client.incomingPhoneNumbers.list({ limit: 1 });
  } catch (error) {
    const status = (error as { status?: number }).status;
    const problem = status
      ? `the REST API refused ${target.accountSid}: ${restError(error)}`
      : `Twilio's REST API could not be reached: ${restError(error)}`;
    return [
      failed(
        'Twilio account',
        `${problem}; the TaskRouter and number checks were not run`,
        status === 401
          ? 'the auth token is wrong or was rotated: put the current one in the auth token secret (or give --auth-token)'
          : status
            ? 'check the account SID and that the account is active'
            : 'check the network (and --twilio-api, if given)',
      ),
    ];
  }
  const results: CheckResult[] = [passed('Twilio account', `${target.accountSid} answers`)];

  if (token?.mode === 'twilio' && token.keySid)
    results.push(
      await fetchOrFail(
        'API key',
        `API key ${token.keySid}`,
        () => client.api.v2010.accounts(target.accountSid).keys(token.keySid).fetch(),
        (key) => passed('API key', `${key.sid} (${key.friendlyName}) exists`),
      ),
    );

  const tr = client.taskrouter.v1;
  if (!target.workspaceSid)
    results.push(
      failed(
        'TaskRouter workspace',
        'no workspace SID known',
        'give --workspace WS… (the stack output TwilioWorkspaceSid)',
      ),
    );
  else {
    const ws = tr.workspaces(target.workspaceSid);
    results.push(
      await fetchOrFail(
        'TaskRouter workspace',
        `workspace ${target.workspaceSid}`,
        () => ws.fetch(),
        (w) =>
          urlsResult('TaskRouter workspace', `workspace ${w.sid} (${w.friendlyName})`, [
            {
              label: 'event callback',
              actual: w.eventCallbackUrl,
              expected: `${base}/twilio/taskrouter/events`,
            },
          ]),
      ),
    );
    if (!target.workflowSid)
      results.push(
        failed(
          'TaskRouter workflow',
          'no workflow SID known',
          'give --workflow WW… (the stack output TwilioWorkflowSid)',
        ),
      );
    else
      results.push(
        await fetchOrFail(
          'TaskRouter workflow',
          `workflow ${target.workflowSid}`,
          () => ws.workflows(target.workflowSid ?? '').fetch(),
          (f) =>
            urlsResult('TaskRouter workflow', `workflow ${f.sid} (${f.friendlyName})`, [
              {
                label: 'assignment callback',
                actual: f.assignmentCallbackUrl,
                expected: `${base}/twilio/taskrouter/assignment`,
              },
            ]),
        ),
      );
    results.push(
      await fetchOrFail(
        'TaskRouter activities',
        `the activities of ${target.workspaceSid}`,
        () => ws.activities.list(),
        (found) => {
          const names = new Set(found.map((a) => a.friendlyName));
          const missing = routing.activities.filter((a) => !names.has(a.name)).map((a) => a.name);
          return missing.length
            ? failed('TaskRouter activities', `missing ${missing.join(', ')}`, REDEPLOY)
            : passed('TaskRouter activities', routing.activities.map((a) => a.name).join(', '));
        },
      ),
    );
  }

  if (target.softphoneAppSid)
    results.push(
      await fetchOrFail(
        'softphone TwiML App',
        `TwiML App ${target.softphoneAppSid}`,
        () => client.applications(target.softphoneAppSid ?? '').fetch(),
        (app) =>
          urlsResult('softphone TwiML App', `TwiML App ${app.sid}`, [
            { label: 'voice URL', actual: app.voiceUrl, expected: softphoneApp(base, '').voiceUrl },
            {
              label: 'status callback',
              actual: app.statusCallback,
              expected: softphoneApp(base, '').statusCallback,
            },
          ]),
      ),
    );

  if (!target.numbers.length)
    results.push(
      failed('numbers', 'no numbers to check', 'give --numbers +1…,+1… (the numbers the deploy was given)'),
    );
  const named = target.numbers.map((number) => ({ number, name: number }));
  for (const expected of wiringFor(base, named, target.fallbackUrl)) {
    const name = `number ${expected.number}`;
    try {
      const [found] = await client.incomingPhoneNumbers.list({ phoneNumber: expected.number, limit: 1 });
      if (!found) {
        results.push(
          failed(
            name,
            'not in this Twilio account',
            "buy it in this account, or remove it from the deploy's numbers",
          ),
        );
        continue;
      }
      results.push(
        urlsResult(name, found.friendlyName, [
          { label: 'voice URL', actual: found.voiceUrl, expected: expected.voiceUrl },
          { label: 'SMS URL', actual: found.smsUrl, expected: expected.smsUrl },
          { label: 'status callback', actual: found.statusCallback, expected: expected.statusCallback },
          ...(expected.voiceFallbackUrl
            ? [
                {
                  label: 'voice fallback URL',
                  actual: found.voiceFallbackUrl,
                  expected: expected.voiceFallbackUrl,
                },
              ]
            : []),
        ]),
      );
    } catch (error) {
      results.push(failed(name, `looking it up failed: ${restError(error)}`, 'retry'));
    }
  }
  return results;
}
