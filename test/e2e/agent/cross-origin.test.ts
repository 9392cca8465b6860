// Forged cross-site requests on the local stack: a page on another origin posting text/plain with the
// victim's session cookie (the classic CSRF form) is refused with 403 before the route runs, so logout,
// heartbeat and ending wrap-up change nothing; the app's own page and clients without Origin still work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heartbeatKey } from '../../../functions/app/desk/presence.js';
import { type AgentHarness, type Session, startAgents } from './support.js';

const EVIL = 'https://evil.example';

let h: AgentHarness;
let a1002: Session;
let cookie: string;

beforeAll(async () => {
  h = await startAgents();
  a1002 = await h.as('1002');
  await h.party('1002', 'answer');
  const res = await fetch(`${h.stack.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: h.stack.url },
    body: JSON.stringify({ id: '1002', password: 'demo-1002' }),
  });
  cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  expect(cookie).toMatch(/^cc_session=v1\./);
}, 60_000);
afterAll(() => h.stop());

/** A POST as a browser sends it: the session cookie, text/plain (no preflight), Origin and Sec-Fetch-Site. */
async function browserPost(path: string, origin: string, site: string): Promise<Response> {
  const res = await fetch(`${h.stack.url}/api${path}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'text/plain', origin, 'sec-fetch-site': site },
    body: '{}',
  });
  await h.settle();
  return res;
}

const state = async () => (await a1002.get<{ state: string }>('/agent/me')).state;

describe('cross-site state changes', () => {
  it('refuses a foreign logout with 403 naming the origin; the session lives on', async () => {
    const res = await browserPost('/auth/logout', EVIL, 'cross-site');
    expect(res.status).toBe(403);
    const body = (await res.json()) as { error: string; message: string; allowedOrigins: string[] };
    expect(body.error).toBe('cross-origin');
    expect(body.message).toContain(EVIL);
    expect(body.message).toContain(h.stack.url);
    expect(body.allowedOrigins).toEqual([h.stack.url]);
    const me = await fetch(`${h.stack.url}/api/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
  });

  it('refuses a foreign heartbeat: the heartbeat on record stays as it was', async () => {
    await a1002.post('/agent/state', { state: 'Available' });
    const before = await h.stack.store.keys.get(heartbeatKey('1002'));
    expect(before).toBeDefined();
    await h.advance(5);
    expect((await browserPost('/agent/heartbeat', EVIL, 'cross-site')).status).toBe(403);
    expect(await h.stack.store.keys.get(heartbeatKey('1002'))).toEqual(before);
    // The app's own page, same cookie: recorded.
    expect((await browserPost('/agent/heartbeat', h.stack.url, 'same-origin')).status).toBe(200);
    expect((await h.stack.store.keys.get(heartbeatKey('1002')))?.value).not.toBe(before?.value);
  });

  it('refuses ending wrap-up from another site; the same request from the app ends it', async () => {
    await a1002.post('/agent/state', { state: 'Available' });
    const sid = await h.callGeneral();
    expect(await state()).toBe('On call');
    await h.hangup(sid);
    expect(await state()).toBe('Wrap-up');
    expect((await browserPost('/agent/wrap-up/end', EVIL, 'cross-site')).status).toBe(403);
    // Sec-Fetch-Site alone is enough: a browser that says cross-site is refused whatever Origin claims.
    expect((await browserPost('/agent/wrap-up/end', 'null', 'cross-site')).status).toBe(403);
    expect(await state()).toBe('Wrap-up');
    const own = await fetch(`${h.stack.url}/api/agent/wrap-up/end`, {
      method: 'POST',
      headers: {
        cookie,
        'content-type': 'application/json',
        origin: h.stack.url,
        'sec-fetch-site': 'same-origin',
      },
      body: '{}',
    });
    await h.settle();
    expect(own.status).toBe(200);
    expect(await state()).toBe('Available');
  });

  it('accepts the page on another name of the same local server (localhost for 127.0.0.1)', async () => {
    const other = h.stack.url.replace('127.0.0.1', 'localhost');
    const res = await fetch(`${other}/api/agent/heartbeat`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', origin: other, 'sec-fetch-site': 'same-origin' },
      body: '{}',
    });
    expect(res.status).toBe(200);
  });

  it('accepts clients that send neither header (curl, scripts with a Bearer token), then a real logout', async () => {
    // The harness's session sends a Bearer token and no Origin, as curl does; it throws on any refusal.
    await expect(a1002.post('/agent/heartbeat')).resolves.toBeDefined();
    const out = await browserPost('/auth/logout', h.stack.url, 'same-origin');
    expect(out.status).toBe(204);
    expect((await fetch(`${h.stack.url}/api/auth/me`, { headers: { cookie } })).status).toBe(401);
  });
});
