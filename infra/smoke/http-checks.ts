// The checks made over the deployment's own URLs, as a browser and Twilio reach them: the site, /health,
// the fallback TwiML, the webhooks' signature check both ways, and a softphone token for a signed-in user.
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import { type CheckResult, failed, passed, type SmokeTarget } from './smoke-target.js';

/**
 * A message status callback for a message the center never sent: the webhook acknowledges it and writes
 * nothing, so it proves the signature check without leaving a trace (a call status callback for an
 * unknown CallSid would record a call).
 */
export const HARMLESS_WEBHOOK_PATH = '/twilio/sms/status';
const HARMLESS_MESSAGE_SID = `SM${'0'.repeat(24)}5a0e7e57`;

export interface MintedTokenClaims {
  /** The API key that signed it (the JWT's iss). */
  readonly keySid: string;
  readonly mode: string;
}

async function get(url: string): Promise<{ status: number; type: string; body: string } | Error> {
  try {
    const response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(15_000) });
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      body: await response.text(),
    };
  } catch (error) {
    return error as Error;
  }
}

const unreachable = (error: Error) => `${error.message}${error.cause ? ` (${String(error.cause)})` : ''}`;

export async function checkSite(target: SmokeTarget): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const site = await get(`${target.baseUrl}/`);
  if (site instanceof Error)
    results.push(
      failed(
        'site',
        `${target.baseUrl}/ does not answer: ${unreachable(site)}`,
        'check the URL and DNS (a new CloudFront distribution takes minutes to deploy)',
      ),
    );
  else if (site.status !== 200 || !site.type.includes('text/html'))
    results.push(
      failed(
        'site',
        `${target.baseUrl}/ answered ${site.status} ${site.type}, not the web app`,
        'build the web app (npm run build:web) and redeploy the service stack',
      ),
    );
  else results.push(passed('site', `${target.baseUrl}/ serves the web app`));

  const health = await get(`${target.baseUrl}/health`);
  if (health instanceof Error)
    results.push(
      failed('health', `/health does not answer: ${unreachable(health)}`, 'check the URL and DNS'),
    );
  else if (health.status !== 200 || !health.body.includes('"ok"'))
    results.push(
      failed(
        'health',
        `/health answered ${health.status}: ${health.body.slice(0, 200)}`,
        "read the Api function's log in CloudWatch (a start-up error names the setting)",
      ),
    );
  else results.push(passed('health', '/health answers ok'));

  if (target.fallbackUrl) {
    const fallback = await get(target.fallbackUrl);
    if (fallback instanceof Error || fallback.status !== 200 || !fallback.body.includes('<Response>'))
      results.push(
        failed(
          'fallback TwiML',
          `${target.fallbackUrl} did not answer TwiML (${fallback instanceof Error ? unreachable(fallback) : fallback.status})`,
          'redeploy the service stack: the deploy writes the fallback TwiML into the site bucket',
        ),
      );
    else results.push(passed('fallback TwiML', `${target.fallbackUrl} answers TwiML`));
  }
  return results;
}

async function postWebhook(target: SmokeTarget, signWith: string | undefined): Promise<number | Error> {
  const url = `${target.baseUrl}${HARMLESS_WEBHOOK_PATH}`;
  const params = {
    AccountSid: target.accountSid,
    MessageSid: HARMLESS_MESSAGE_SID,
    MessageStatus: 'delivered',
  };
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (signWith) headers['x-twilio-signature'] = getExpectedTwilioSignature(signWith, url, params);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body: new URLSearchParams(params).toString(),
      signal: AbortSignal.timeout(15_000),
    });
    await response.body?.cancel();
    return response.status;
  } catch (error) {
    return error as Error;
  }
}

export async function checkWebhooks(target: SmokeTarget): Promise<CheckResult[]> {
  const signed = await postWebhook(target, target.authToken);
  const unsigned = await postWebhook(target, undefined);
  const results: CheckResult[] = [];
  const name = 'webhook, signed';
  if (signed instanceof Error)
    results.push(
      failed(
        name,
        `${HARMLESS_WEBHOOK_PATH} does not answer: ${unreachable(signed)}`,
        'check the URL and DNS',
      ),
    );
  else if (signed === 403)
    results.push(
      failed(
        name,
        `a request signed with the auth token of ${target.accountSid} was refused (403)`,
        `either that token is not the account's current one (see the Twilio account check), or the webhooks check with another (the auth token secret) or against another URL than ${target.baseUrl}: put the current token in the secret, then redeploy (functions read it once per container)`,
      ),
    );
  else if (signed < 200 || signed > 299)
    results.push(
      failed(
        name,
        `${HARMLESS_WEBHOOK_PATH} answered ${signed}`,
        "read the Webhooks function's log in CloudWatch",
      ),
    );
  else
    results.push(
      passed(name, `${HARMLESS_WEBHOOK_PATH} accepts a request signed with the auth token (${signed})`),
    );

  const refusal = 'webhook, unsigned';
  if (unsigned === 403) results.push(passed(refusal, 'a request without a signature is refused (403)'));
  else
    results.push(
      failed(
        refusal,
        `a request without a signature got ${unsigned instanceof Error ? unreachable(unsigned) : unsigned}, not 403`,
        'anyone could forge Twilio webhooks: check that the deployed code validates X-Twilio-Signature',
      ),
    );
  return results;
}

/** Signs in and asks the token route for a softphone token; the claims go on to the Twilio checks. */
export async function checkToken(
  target: SmokeTarget,
): Promise<{ results: CheckResult[]; token?: MintedTokenClaims }> {
  const name = 'softphone token';
  if (!target.user)
    return {
      results: [
        failed(
          name,
          'no user to sign in as',
          "give --user <id> --password <password> (or the stack's AdminPasswordSecret must be readable)",
        ),
      ],
    };
  const json = { 'content-type': 'application/json' };
  let session: string;
  let roles: readonly string[];
  try {
    const login = await fetch(`${target.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ id: target.user.id, password: target.user.password }),
      signal: AbortSignal.timeout(15_000),
    });
    if (login.status !== 200)
      return {
        results: [
          failed(
            'sign in',
            `signing in as ${target.user.id} answered ${login.status}: ${(await login.text()).slice(0, 200)}`,
            "check the user and password (the first admin's is in the AdminPasswordSecret secret until changed)",
          ),
        ],
      };
    const body = (await login.json()) as { token: string; user?: { roles?: string[] } };
    session = body.token;
    roles = body.user?.roles ?? [];
  } catch (error) {
    return {
      results: [
        failed('sign in', `the login route does not answer: ${unreachable(error as Error)}`, 'check the URL'),
      ],
    };
  }
  const signedIn = passed('sign in', `signed in as ${target.user.id}`);
  const response = await fetch(`${target.baseUrl}/api/agent/token`, {
    method: 'POST',
    headers: { ...json, authorization: `Bearer ${session}` },
    body: '{}',
    signal: AbortSignal.timeout(15_000),
  });
  const body = await response.text();
  if (response.status !== 200)
    return {
      results: [
        signedIn,
        failed(
          name,
          `the token route answered ${response.status}: ${body.slice(0, 200)}`,
          response.status === 409
            ? 'the API key secret holds no key: redeploy so provisioning creates one, or store your own {"sid","secret"} in it'
            : "read the Api function's log in CloudWatch",
        ),
      ],
    };
  const minted = JSON.parse(body) as { token: string; mode: string };
  return {
    results: [signedIn, ...tokenClaims(target, minted.token, minted.mode, roles)],
    token: claimsOf(minted),
  };
}

interface TokenPayload {
  readonly iss?: string;
  readonly sub?: string;
  readonly grants?: {
    readonly identity?: string;
    readonly voice?: { readonly outgoing?: { readonly application_sid?: string } };
    readonly task_router?: { readonly workspace_sid?: string; readonly worker_sid?: string };
  };
}

const payloadOf = (jwt: string): TokenPayload =>
  JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as TokenPayload;

const claimsOf = (minted: { token: string; mode: string }): MintedTokenClaims => ({
  keySid: payloadOf(minted.token).iss ?? '',
  mode: minted.mode,
});

function tokenClaims(
  target: SmokeTarget,
  jwt: string,
  mode: string,
  roles: readonly string[],
): CheckResult[] {
  const name = 'softphone token';
  const payload = payloadOf(jwt);
  const voice = payload.grants?.voice;
  const taskRouter = payload.grants?.task_router;
  if (payload.sub !== target.accountSid)
    return [
      failed(
        name,
        `the token is for account ${payload.sub}, not ${target.accountSid}`,
        'the stack was deployed with another twilioAccountSid: redeploy with this one',
      ),
    ];
  if (!voice) return [failed(name, 'the token carries no Voice grant', 'deploy the current code')];
  const app = voice.outgoing?.application_sid;
  if (target.softphoneAppSid && app !== target.softphoneAppSid)
    return [
      failed(
        name,
        `outgoing calls go through TwiML App ${app ?? '(none)'}, not ${target.softphoneAppSid}`,
        'redeploy: provisioning records the softphone app',
      ),
    ];
  if (taskRouter && target.workspaceSid && taskRouter.workspace_sid !== target.workspaceSid)
    return [
      failed(
        name,
        `the TaskRouter grant names workspace ${taskRouter.workspace_sid}, not ${target.workspaceSid}`,
        'redeploy: provisioning records the workspace',
      ),
    ];
  // An agent's softphone needs its worker; other users get a Voice grant only, by design.
  if (!taskRouter && roles.includes('agent'))
    return [
      failed(
        name,
        `agent ${payload.grants?.identity} got no TaskRouter grant: TaskRouter has no worker recorded for them`,
        'redeploy (provisioning makes a worker for every agent), or save the user again in the admin pages',
      ),
    ];
  const worker = taskRouter
    ? `TaskRouter grant for worker ${taskRouter.worker_sid}`
    : `no TaskRouter grant (${payload.grants?.identity} is not an agent)`;
  return [
    passed(
      name,
      `${mode} token signed by ${payload.iss}: Voice grant${app ? ` (outgoing via ${app})` : ''}, ${worker}`,
    ),
  ];
}
