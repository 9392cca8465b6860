// Security headers on every kind of response of the app (API, Twilio webhook, 404, refusals), the
// Content-Security-Policy per environment, the session cookie's Secure flag, and the same-origin check
// on state-changing API routes (Origin / Sec-Fetch-Site), from which Twilio's signed webhooks are exempt.
import { readFileSync } from 'node:fs';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/http/app.js';
import {
  cspHeader,
  cspSourcesFor,
  s3Origin,
  twilioCspSources,
} from '../../functions/http/content-security-policy.js';
import { createHarness, type Harness, PASSWORD, PUBLIC_BASE_URL, USERS } from './harness.js';

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/twilio/voice-incoming.json', import.meta.url), 'utf8'),
) as { params: Record<string, string> };

const EVIL = 'https://evil.example';

function directives(csp: string | null): Map<string, string[]> {
  return new Map(
    (csp ?? '').split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

function expectHardened(headers: Headers): void {
  const csp = headers.get('content-security-policy');
  expect(csp).toBe(cspHeader(twilioCspSources(s3Origin('recordings', 'us-east-1'))));
  const d = directives(csp);
  expect(d.get('default-src')).toEqual(["'self'"]);
  expect(d.get('script-src')).toEqual(["'self'"]);
  expect(d.get('object-src')).toEqual(["'none'"]);
  expect(d.get('frame-ancestors')).toEqual(["'none'"]);
  expect(d.get('base-uri')).toEqual(["'self'"]);
  expect(d.get('form-action')).toEqual(["'self'"]);
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  expect(headers.get('referrer-policy')).toBe('no-referrer');
  expect(headers.get('permissions-policy')).toContain('microphone=(self)');
}

describe('security headers', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.stop());

  it('are on an API response', async () => {
    const res = await h.as('agent', 'GET', '/api/auth/me');
    expect(res.status).toBe(200);
    expectHardened(res.headers);
  });

  it('are on a Twilio webhook response (TwiML)', async () => {
    const res = await h.twilio('/twilio/voice', { ...fixture.params, CallSid: `CA${'7'.repeat(32)}` });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/xml/);
    expectHardened(res.headers);
  });

  it('are on a 404, a 401 and /health', async () => {
    expectHardened((await h.api('GET', '/api/no-such-route')).headers);
    expectHardened((await h.api('GET', '/api/auth/me')).headers);
    expectHardened((await h.app.request('/health')).headers);
  });

  it('allow only the page itself locally, and its S3 server for recordings', () => {
    const local = cspSourcesFor({
      ...h.config,
      twilio: { ...h.config.twilio, apiBaseUrl: 'http://127.0.0.1:3000/twin' },
      s3Endpoint: 'http://127.0.0.1:4569',
    });
    const d = directives(cspHeader(local));
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('media-src')).toEqual(["'self'", 'http://127.0.0.1:4569']);
  });

  it('allow the Twilio SDKs and the recordings bucket in AWS', () => {
    const d = directives(cspHeader(cspSourcesFor(h.config)));
    expect(d.get('connect-src')).toEqual(["'self'", 'https://*.twilio.com', 'wss://*.twilio.com']);
    expect(d.get('media-src')).toEqual([
      "'self'",
      'https://sdk.twilio.com',
      'https://recordings.s3.us-east-1.amazonaws.com',
    ]);
  });
});

describe('the session cookie over http and https', () => {
  let h: Harness;
  let httpApp: ReturnType<typeof createApp>;
  beforeAll(async () => {
    h = await createHarness();
    httpApp = createApp({ ...h.deps, config: { ...h.config, publicBaseUrl: 'http://127.0.0.1:3000' } });
  });
  afterAll(() => h.stop());

  const login = (url: string, headers: Record<string, string> = {}) =>
    httpApp.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ id: USERS.supervisor.id, password: PASSWORD }),
    });

  it('is not Secure when both the public URL and the request are plain http (the local stack)', async () => {
    const res = await login('http://127.0.0.1:3000/api/auth/login');
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).not.toMatch(/Secure/i);
  });

  it('is Secure when the request arrived over https, directly or through a proxy', async () => {
    const direct = await login('https://127.0.0.1:3000/api/auth/login');
    expect(direct.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
    const proxied = await login('http://127.0.0.1:3000/api/auth/login', { 'x-forwarded-proto': 'https' });
    expect(proxied.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
  });
});

describe('state-changing API requests from other sites', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.stop());

  it('refuses a foreign Origin with 403 naming it and the allowed origin; nothing ran', async () => {
    const res = await h.login(USERS.agent.id, PASSWORD, { origin: EVIL });
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('cross-origin');
    expect(res.body.message).toContain(EVIL);
    expect(res.body.message).toContain(PUBLIC_BASE_URL);
    expect(res.body.allowedOrigins).toEqual([PUBLIC_BASE_URL]);
    expect(res.headers.get('set-cookie')).toBeNull();
    expectHardened(res.headers);
  });

  it('refuses Sec-Fetch-Site: cross-site with no Origin, and Origin: null', async () => {
    expect((await h.login(USERS.agent.id, PASSWORD, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await h.login(USERS.agent.id, PASSWORD, { origin: 'null' })).status).toBe(403);
  });

  it('refuses PUT, PATCH and DELETE the same way', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const res = await h.api(method, '/api/users/1001', {
        token: h.tokens.admin,
        headers: { origin: EVIL },
      });
      expect(res.status, method).toBe(403);
    }
  });

  it('in AWS does not trust the request host: only the public URL counts', async () => {
    const res = await h.api('POST', 'http://lambda.internal/api/auth/logout', {
      token: h.tokens.agent,
      headers: { origin: 'http://lambda.internal' },
    });
    expect(res.status).toBe(403);
  });

  it('accepts the public origin, same-site fetches, no headers at all, and reads from anywhere', async () => {
    const own = await h.login(USERS.agent.id, PASSWORD, {
      origin: PUBLIC_BASE_URL,
      'sec-fetch-site': 'same-origin',
    });
    expect(own.status).toBe(200);
    expect((await h.login(USERS.agent.id, PASSWORD)).status).toBe(200);
    const read = await h.api('GET', '/api/auth/me', {
      token: h.tokens.agent,
      headers: { origin: EVIL, 'sec-fetch-site': 'cross-site' },
    });
    expect(read.status).toBe(200);
  });

  it('does not apply to Twilio webhooks, which are checked by signature', async () => {
    const params = { ...fixture.params, CallSid: `CA${'8'.repeat(32)}` };
    const res = await h.app.request('http://lambda.internal/twilio/voice', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: EVIL,
        'sec-fetch-site': 'cross-site',
        'x-twilio-signature': getExpectedTwilioSignature(
          h.deps.secrets.twilioAuthToken,
          `${PUBLIC_BASE_URL}/twilio/voice`,
          params,
        ),
      },
      body: new URLSearchParams(params).toString(),
    });
    expect(res.status).toBe(200);
  });
});
