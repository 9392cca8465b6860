// The API function's bundle, as deployed, answering JSON requests the way API Gateway hands them over
// behind CloudFront: a sign-in through the bundle itself, then its cookie and its bearer token on the next
// requests, the softphone's Access Token signed with the key provisioning stores, and bad input refused
// with a 4xx that names the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_TWILIO } from '../../../infra/local/local-config.js';
import { verifyAccessToken } from '../../../infra/local/twin/agent-link/access-token.js';
import { type BundleRun, DISTRIBUTION_DOMAIN, runBundle } from './bundle-harness.js';
import { bodyOf, type HttpApiResult, type HttpRequest, httpApiEvent } from './lambda-events.js';

let run: BundleRun;
beforeAll(async () => {
  run = await runBundle('Api');
});
afterAll(() => run?.stop());

const VIEWER = '203.0.113.45';

/** A JSON request as CloudFront forwards it: origin secret, viewer address, the browser's headers. */
async function request(
  method: HttpRequest['method'],
  path: string,
  options: { body?: unknown; bearer?: string; cookies?: string[]; viewer?: string } = {},
): Promise<{ status: number; json: Record<string, unknown>; result: HttpApiResult }> {
  const routeKey = path === '/api/auth/login' ? 'POST /api/auth/login' : '$default';
  const event = httpApiEvent(
    {
      method,
      path,
      routeKey,
      headers: {
        accept: 'application/json',
        'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0',
        origin: `https://${DISTRIBUTION_DOMAIN}`,
        'x-origin-verify': run.originVerify,
        'cloudfront-viewer-address': `${options.viewer ?? VIEWER}:50123`,
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.bearer ? { authorization: `Bearer ${options.bearer}` } : {}),
      },
      ...(options.cookies ? { cookies: options.cookies } : {}),
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    },
    DISTRIBUTION_DOMAIN,
  );
  const result = await run.container.invoke<HttpApiResult>(event);
  const text = bodyOf(result);
  return {
    status: result.statusCode,
    json: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    result,
  };
}

/** The Set-Cookie values of a v2 response (hono/aws-lambda puts them in `cookies`). */
const setCookies = (r: HttpApiResult): string[] => [
  ...(r.cookies ?? []),
  ...(r.multiValueHeaders?.['set-cookie'] ?? []),
  ...(r.headers['set-cookie'] ? [r.headers['set-cookie']] : []),
];

describe('API bundle', () => {
  let token = '';
  let cookie = '';

  it('signs an agent in and hands back the session as a token and a Secure, HttpOnly cookie', async () => {
    const res = await request('POST', '/api/auth/login', { body: { id: '1001', password: 'demo-1001' } });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json).toMatchObject({ user: { id: '1001' } });
    token = String(res.json.token);
    const session = setCookies(res.result).find((c) => c.startsWith('cc_session='));
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/Secure/);
    expect(session).toMatch(/SameSite=Strict/);
    cookie = session?.split(';')[0] ?? '';
    expect(cookie).toBe(`cc_session=${token}`);
  });

  it('knows the agent by the cookie', async () => {
    const res = await request('GET', '/api/auth/me', { cookies: [cookie] });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ user: { id: '1001' }, timeZone: run.env.TIME_ZONE });
  });

  it('knows the agent by the bearer token, and writes what it is asked to', async () => {
    const res = await request('POST', '/api/customers', {
      bearer: token,
      body: { name: '部署测试客户', phones: ['+8613911112222'] },
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    const id = String(res.json.id);
    expect((await run.stack.store.customers.get(id))?.name).toBe('部署测试客户');
  });

  it('mints the softphone token with the API key read from its secret', async () => {
    const res = await request('POST', '/api/agent/token', { bearer: token, body: {} });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    // Its `mode` says 'local' here, only because TWILIO_API_BASE_URL points at the twin; the token is the same.
    expect(res.json).toMatchObject({ identity: '1001', workerSid: expect.stringMatching(/^WK/) });
    const check = verifyAccessToken(String(res.json.token), {
      accountSid: LOCAL_TWILIO.accountSid,
      keys: new Map([[LOCAL_TWILIO.apiKeySid, LOCAL_TWILIO.apiKeySecret]]),
      nowMs: Date.now(),
    });
    expect(check).toMatchObject({
      ok: true,
      token: { identity: '1001', incomingAllowed: true, workerSid: res.json.workerSid },
    });
  });

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const before = (await run.stack.store.customers.list()).items.length;
    const res = await request('POST', '/api/customers', {
      bearer: token,
      body: { name: 'A', phones: ['+8613800138000', 'call me'] },
    });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error: 'validation' });
    expect(String(res.json.message)).toContain('body.phones.1');
    expect((await run.stack.store.customers.list()).items).toHaveLength(before);
  });

  it('refuses a request without a session with 401', async () => {
    const res = await request('GET', '/api/auth/me');
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ error: expect.any(String), message: expect.stringMatching(/log in/i) });
  });

  it('throttles sign-in failures per viewer address, as CloudFront reports it, not per edge', async () => {
    const attacker = '198.51.100.7';
    const outcomes: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await request('POST', '/api/auth/login', {
        body: { id: '1002', password: `wrong-${i}` },
        viewer: attacker,
      });
      outcomes.push(res.status);
      if (res.status === 429) break;
    }
    expect(outcomes[0]).toBe(401);
    expect(outcomes.at(-1)).toBe(429);
    // Every request came from the same CloudFront edge address; another viewer still signs in.
    const other = await request('POST', '/api/auth/login', { body: { id: '1003', password: 'demo-1003' } });
    expect(other.status, JSON.stringify(other.json)).toBe(200);
  });
});
