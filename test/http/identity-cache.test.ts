// The guard keeps what it read about a user and a session for a few seconds per container: polls cost no
// reads for them, a change made in this container (logout, password, a user changed) takes effect at
// once, and one made in another container (written straight to the table here) within the time limit.
import { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revocationKey } from '../../functions/app/sign-in.js';
import { hashPassword } from '../../functions/domain/password.js';
import { issueSession } from '../../functions/domain/session.js';
import { createGuard, type Guard, IDENTITY_TTL_MS } from '../../functions/http/api/guard.js';
import type { ApiEnv } from '../../functions/http/env.js';
import { HttpProblem } from '../../functions/http/errors.js';
import { createHarness, type Harness, SESSION_TTL_SECONDS, USERS } from './harness.js';

let h: Harness;
let wall = 0;
let guard: Guard;
let app: OpenAPIHono<ApiEnv>;
const reads = { users: 0, keys: 0 };

beforeAll(async () => {
  h = await createHarness();
  const store = {
    ...h.deps.store,
    users: {
      ...h.deps.store.users,
      get: (id: string) => {
        reads.users += 1;
        return h.deps.store.users.get(id);
      },
    },
    keys: {
      ...h.deps.store.keys,
      get: (key: Parameters<typeof h.deps.store.keys.get>[0]) => {
        reads.keys += 1;
        return h.deps.store.keys.get(key);
      },
    },
  };
  guard = createGuard({ ...h.deps, store }, { now: () => wall });
  app = new OpenAPIHono<ApiEnv>();
  app.onError((err, c) =>
    c.json({ error: String(err) }, err instanceof HttpProblem ? (err.status as 401) : 500),
  );
  app.get('/me', guard('auth.me'), (c) => c.json({ id: c.var.user.id }));
});
afterAll(() => h.stop());

const session = async (id: string) => {
  const user = await h.store.users.get(id);
  if (!user) throw new Error(`no user ${id}`);
  return issueSession(user, h.deps.secrets.sessionKey, SESSION_TTL_SECONDS, h.clock.now());
};
const status = async (token: string) =>
  (await app.request('/me', { headers: { authorization: `Bearer ${token}` } })).status;

describe('the guard keeps a user and a session a few seconds', () => {
  it('reads the user and the revocation once for a burst of requests', async () => {
    const { token } = await session(USERS.supervisor.id);
    reads.users = 0;
    reads.keys = 0;
    for (let i = 0; i < 5; i++) expect(await status(token)).toBe(200);
    expect(reads).toEqual({ users: 1, keys: 1 });
  });

  it('a logout in another container ends the session within the time limit', async () => {
    const { token, claims } = await session(USERS.agent.id);
    expect(await status(token)).toBe(200);
    await h.store.keys.putIfAbsent(revocationKey(claims), '1', new Date(claims.exp * 1000).toISOString());
    wall += IDENTITY_TTL_MS - 1;
    expect(await status(token)).toBe(200);
    wall += 1;
    expect(await status(token)).toBe(401);
  });

  it('a user disabled in another container is refused within the time limit', async () => {
    const { token } = await session(USERS.admin.id);
    expect(await status(token)).toBe(200);
    const admin = await h.store.users.get(USERS.admin.id);
    await h.store.users.update(USERS.admin.id, admin?.version ?? 0, { disabled: true });
    wall += IDENTITY_TTL_MS;
    expect(await status(token)).toBe(401);
    const again = await h.store.users.get(USERS.admin.id);
    await h.store.users.update(USERS.admin.id, again?.version ?? 0, { disabled: false });
  });

  it("a password changed in another container: the new session works at once, the old one doesn't", async () => {
    const old = await session(USERS.supervisor.id);
    expect(await status(old.token)).toBe(200);
    const user = await h.store.users.get(USERS.supervisor.id);
    await h.store.users.update(USERS.supervisor.id, user?.version ?? 0, {
      passwordHash: await hashPassword('another password 42'),
    });
    const fresh = await session(USERS.supervisor.id);
    expect(await status(fresh.token)).toBe(200);
    expect(await status(old.token)).toBe(401);
  });

  it('forgetting a user here takes effect at once', async () => {
    const { token, claims } = await session(USERS.agent.id);
    expect(await status(token)).toBe(200);
    await h.store.keys.putIfAbsent(revocationKey(claims), '1', new Date(claims.exp * 1000).toISOString());
    guard.forget(USERS.agent.id);
    expect(await status(token)).toBe(401);
  });
});
