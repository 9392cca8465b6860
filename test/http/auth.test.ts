// Login, sessions (Bearer and cookie), logout, password change, disabled users, expiry on the manual
// clock, and login throttling per id and per client address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THROTTLE_LIMITS } from '../../functions/domain/auth-throttle.js';
import { createHarness, type Harness, PASSWORD, SESSION_TTL_SECONDS, USERS } from './harness.js';
import { fromSocket, loginVia } from './login-via.js';

describe('login and sessions', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.stop());

  it('returns a token, the user without its hash, and an HttpOnly SameSite=Strict cookie', async () => {
    const res = await h.login(USERS.agent.id);
    expect(res.status).toBe(200);
    expect(res.body.token).toMatch(/^v1\./);
    expect(res.body.user).toMatchObject({ id: '1001', roles: ['agent'] });
    expect(res.body.user.passwordHash).toBeUndefined();
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toContain(`cc_session=${res.body.token}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Secure/i);
  });

  it('refuses a wrong password and an unknown id alike with 401', async () => {
    const wrong = await h.login(USERS.supervisor.id, 'not the password');
    const unknown = await h.login('nobody', PASSWORD);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('refuses a disabled user even with the right password', async () => {
    const res = await h.login(USERS.disabled.id);
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/disabled/);
  });

  it('GET /api/auth/me works with the Bearer token and with the cookie alone', async () => {
    const bearer = await h.as('agent', 'GET', '/api/auth/me');
    expect(bearer.status).toBe(200);
    expect(bearer.body.user.id).toBe('1001');
    const cookie = await h.api('GET', '/api/auth/me', {
      headers: { cookie: `cc_session=${h.tokens.agent}` },
    });
    expect(cookie.status).toBe(200);
  });

  it('rejects a tampered token and a malformed Authorization header', async () => {
    const [head, body, sig] = h.tokens.agent.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(body ?? '', 'base64url').toString()), sub: 'admin' }),
    );
    const tampered = `${head}.${forged.toString('base64url')}.${sig}`;
    expect((await h.api('GET', '/api/auth/me', { token: tampered })).status).toBe(401);
    expect((await h.api('GET', '/api/auth/me', { headers: { authorization: 'Basic abc' } })).status).toBe(
      401,
    );
  });

  it('ends a session after its time-to-live on the injected clock', async () => {
    const { body } = await h.login(USERS.supervisor.id);
    expect((await h.api('GET', '/api/auth/me', { token: body.token })).status).toBe(200);
    await h.clock.advance((SESSION_TTL_SECONDS - 1) * 1000);
    expect((await h.api('GET', '/api/auth/me', { token: body.token })).status).toBe(200);
    await h.clock.advance(1000);
    const expired = await h.api('GET', '/api/auth/me', { token: body.token });
    expect(expired.status).toBe(401);
    expect(expired.body.message).toMatch(/expired/);
  });

  it('logout revokes the token and clears the cookie', async () => {
    const { body } = await h.login(USERS.agent.id);
    const out = await h.api('POST', '/api/auth/logout', { token: body.token });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/cc_session=;/);
    expect((await h.api('GET', '/api/auth/me', { token: body.token })).status).toBe(401);
  });

  it('logins and failures are audited', async () => {
    const day = new Date(h.clock.now()).toISOString().slice(0, 10);
    const { items } = await h.store.audit.byDay(day, { limit: 100 });
    const actions = items.map((e) => `${e.action}:${e.actor}`);
    expect(actions).toContain('auth.login:1001');
    expect(actions).toContain('auth.login-failed:nobody');
  });
});

describe('password change', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.stop());

  it('needs a new password of at least 8 characters', async () => {
    const res = await h.as('agent', 'POST', '/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'short',
    });
    expect(res.status).toBe(400);
    expect(res.body.issues[0].path).toBe('body.newPassword');
  });

  it('needs the right current password', async () => {
    const res = await h.as('agent', 'POST', '/api/auth/password', {
      currentPassword: 'wrong one',
      newPassword: 'a new password',
    });
    expect(res.status).toBe(400);
    expect(res.body.issues[0].path).toBe('body.currentPassword');
  });

  it('changes it, ends older sessions and returns a working new one', async () => {
    const res = await h.as('agent', 'POST', '/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'a new password',
    });
    expect(res.status).toBe(200);
    expect((await h.as('agent', 'GET', '/api/auth/me')).status).toBe(401);
    expect((await h.api('GET', '/api/auth/me', { token: res.body.token })).status).toBe(200);
    expect((await h.login(USERS.agent.id, PASSWORD)).status).toBe(401);
    expect((await h.login(USERS.agent.id, 'a new password')).status).toBe(200);
  });
});

describe('login throttling', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.stop());

  it(`refuses an id after ${THROTTLE_LIMITS.accountAtAddress} failures with 429 and Retry-After, until the window ends`, async () => {
    for (let i = 0; i < THROTTLE_LIMITS.accountAtAddress; i++) {
      expect((await h.login(USERS.supervisor.id, `guess ${i}`)).status).toBe(401);
    }
    const refused = await h.login(USERS.supervisor.id, PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.body.message).toMatch(/from your address \(5 allowed per 15 minutes\)/);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // Another id is not affected.
    expect((await h.login(USERS.admin.id)).status).toBe(200);
    await h.clock.advance(retryAfter * 1000);
    expect((await h.login(USERS.supervisor.id, PASSWORD)).status).toBe(200);
  });

  it(`refuses a client address after ${THROTTLE_LIMITS.address} failures across ids`, async () => {
    const from = fromSocket('203.0.113.9');
    for (let i = 0; i < THROTTLE_LIMITS.address; i++) {
      expect((await loginVia(h, from, `spray${i % 6}`, 'password1')).status).toBe(401);
    }
    const refused = await loginVia(h, from, USERS.agent.id, PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.body.message).toMatch(/from your address \(30 allowed per 15 minutes, across ids\)/);
    expect((await loginVia(h, fromSocket('198.51.100.1'), USERS.agent.id, PASSWORD)).status).toBe(200);
  });
});
