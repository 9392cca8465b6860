// The token check: signs in as a user and asks the token route for a softphone token, then reads the token's
// claims (account, Voice grant, TaskRouter grant) against what the deployment should have minted.
import { type CheckResult, failed, passed, type SmokeTarget, unreachable } from './smoke-target.js';

export interface MintedTokenClaims {
  /** The API key that signed it (the JWT's iss). */
  readonly keySid: string;
  readonly mode: string;
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
          target.userUnavailable ?? 'no user to sign in as',
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
  let response: Response;
  try {
    response = await fetch(`${target.baseUrl}/api/agent/token`, {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${session}` },
      body: '{}',
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    return {
      results: [
        signedIn,
        failed(name, `the token route does not answer: ${unreachable(error as Error)}`, 'check the URL'),
      ],
    };
  }
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
