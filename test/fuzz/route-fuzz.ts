// Random requests for every route the app serves, and the property each must keep: no input gets a 5xx,
// and a signed voice webhook always answers TwiML. Shared by the CI suite (routes.fuzz.test.ts, few runs)
// and `npm run fuzz` (test/fuzz/run.ts, many), so both exercise exactly the same property.
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import { type Harness, PUBLIC_BASE_URL, USERS } from '../http/harness.js';
import type { FuzzInput, RouteSpec } from './arbitraries.js';

export { type FuzzInput, fuzzInput, type RouteSpec } from './arbitraries.js';

export interface FuzzOutcome {
  readonly route: string;
  readonly status: number;
  /** Why the property failed for this input, if it did. */
  readonly problem?: string;
}

/** Every `METHOD /path` handler of the app (middleware registers as ALL and is skipped). */
export function appRoutes(app: Harness['app']): RouteSpec[] {
  const seen = new Map<string, RouteSpec>();
  for (const r of app.routes) {
    if (r.method === 'ALL' || r.path.endsWith('*')) continue;
    seen.set(`${r.method} ${r.path}`, { method: r.method, path: r.path });
  }
  return [...seen.values()];
}

/** Webhooks a caller is listening to: whatever happens they must answer TwiML. */
export function isVoiceWebhook(path: string): boolean {
  return path === '/twilio/voice' || path.startsWith('/twilio/voice/') || path.startsWith('/twilio/ivr/');
}

/** Status callbacks on a call: Twilio ignores their body, so an empty 204 is as good as TwiML. */
const STATUS_CALLBACKS = new Set(['/twilio/voice/status', '/twilio/ivr/callback-agent-status']);

/** Sends one input to the app and checks the property. Never throws for a response it dislikes. */
export async function sendOne(h: Harness, input: FuzzInput, tokens: Harness['tokens']): Promise<FuzzOutcome> {
  const { route } = input;
  let i = 0;
  const path = route.path.replace(/:[^/]+/g, () => encodeURIComponent(input.params[i++] ?? ''));
  const search = new URLSearchParams(input.query.map(([k, v]) => [k, v])).toString();
  const pathAndQuery = search ? `${path}?${search}` : path;
  const headers: Record<string, string> = {};
  let payload: string | undefined;
  const b = input.body;
  if (b.kind === 'json') {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(b.value) ?? 'null';
  } else if (b.kind === 'form') {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    payload = new URLSearchParams(b.fields.map(([k, v]) => [k, v])).toString();
  } else if (b.kind === 'raw') {
    headers['content-type'] = b.type;
    payload = b.text;
  }
  if (input.caller === 'agent' || input.caller === 'admin')
    headers.authorization = `Bearer ${tokens[input.caller]}`;
  if (input.caller === 'forged-token') headers.authorization = `Bearer ${tokens.admin.slice(0, -4)}AAAA`;
  if (input.caller === 'signed' || input.caller === 'forged-signature') {
    // Twilio signs the form parameters it sends, whatever they are.
    const params: Record<string, string[]> = {};
    const isForm = headers['content-type'] === 'application/x-www-form-urlencoded';
    for (const [k, v] of new URLSearchParams(isForm ? payload : '')) params[k] = [...(params[k] ?? []), v];
    const signature = getExpectedTwilioSignature(
      h.deps.secrets.twilioAuthToken,
      `${PUBLIC_BASE_URL}${pathAndQuery}`,
      params,
    );
    headers['x-twilio-signature'] = input.caller === 'signed' ? signature : `${signature.slice(1)}x`;
  }
  const base = route.path.startsWith('/twilio/') ? 'http://lambda.internal' : 'http://localhost';
  const method = route.method;
  const res = await h.app.request(`${base}${pathAndQuery}`, {
    method,
    headers,
    ...(payload !== undefined && method !== 'GET' && method !== 'HEAD' ? { body: payload } : {}),
  });
  const text = await res.text();
  const name = `${route.method} ${route.path}`;
  if (res.status >= 500)
    return { route: name, status: res.status, problem: `${res.status}: ${text.slice(0, 300)}` };
  if (input.caller === 'signed' && isVoiceWebhook(route.path)) {
    const twiml =
      (res.headers.get('content-type')?.startsWith('text/xml') && text.includes('<Response')) ||
      (STATUS_CALLBACKS.has(route.path) && res.status === 204 && text === '');
    if (!twiml)
      return {
        route: name,
        status: res.status,
        problem: `voice webhook answered ${res.status} ${res.headers.get('content-type')}: ${text.slice(0, 200)}`,
      };
  }
  return { route: name, status: res.status };
}

/** A reproducible description of an input, for reports. */
export function describeInput(input: FuzzInput): string {
  return JSON.stringify(input, (_k, v) =>
    typeof v === 'string' && v.length > 120 ? `${v.slice(0, 40)}…(${v.length} chars)` : v,
  );
}

/**
 * Keeps the agent's and admin's sessions valid while random requests log out, change passwords or trip the
 * login throttle: after any route that can end a session, log in again (past the throttle's window if need be).
 */
export function sessionKeeper(h: Harness) {
  const tokens = { ...h.tokens };
  return {
    tokens,
    async after(input: FuzzInput): Promise<void> {
      const p = input.route.path;
      if (!p.startsWith('/api/auth') && !p.startsWith('/api/users')) return;
      for (const who of ['agent', 'admin'] as const) {
        // Still signed in: keep the session (a login costs a password hash).
        if ((await h.api('GET', '/api/auth/me', { token: tokens[who] })).status === 200) continue;
        for (let attempt = 0; ; attempt += 1) {
          const res = await h.login(USERS[who].id);
          if (res.status === 200) {
            tokens[who] = res.body.token;
            break;
          }
          if (attempt >= 3)
            throw new Error(`cannot sign ${who} in again: ${res.status} ${JSON.stringify(res.body)}`);
          await h.clock.advance(16 * 60_000);
        }
      }
    },
  };
}
