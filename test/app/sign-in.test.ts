// The sign-in rules the route tests do not reach: wrong current passwords are throttled like failed
// logins, a new password must differ, a refused disabled account is audited, and signing out leaves a
// revocation marker that lasts exactly as long as the token would have.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  changeOwnPassword,
  revocationKey,
  type SignInDeps,
  signIn,
  signOut,
  WrongCredentialsError,
} from '../../functions/app/sign-in.js';
import { THROTTLE_LIMITS } from '../../functions/domain/auth-throttle.js';
import type { User } from '../../functions/domain/model.js';
import { hashPassword } from '../../functions/domain/password.js';
import { ForbiddenError, TooManyRequestsError, ValidationError } from '../../functions/domain/problems.js';
import { verifySession } from '../../functions/domain/session.js';
import { testConfig } from '../http/harness.js';
import { createTestStore, type TestStore } from '../support/dynamo.js';

const PASSWORD = 'correct horse battery';
const KEY = 'unit-session-key';

describe('sign-in use cases', () => {
  let ts: TestStore;
  let deps: SignInDeps;

  const seed = async (id: string, disabled = false): Promise<User> => {
    const created = await ts.store.users.create({
      id,
      name: id,
      roles: ['agent'],
      skills: [],
      languages: ['zh'],
      regions: [],
      disabled,
      passwordHash: await hashPassword(PASSWORD),
    });
    if (!created.ok) throw new Error(`seeding ${id} failed`);
    return created.value;
  };

  beforeAll(async () => {
    ts = await createTestStore();
    deps = {
      config: testConfig(ts.tableName),
      store: ts.store,
      clock: ts.clock,
      secrets: { sessionKey: KEY },
    };
  });
  afterAll(() => ts?.stop());

  it('opens a session whose token verifies and whose user carries no hash', async () => {
    await seed('3001');
    const session = await signIn(deps, '3001', PASSWORD, '203.0.113.7');
    const check = verifySession(session.token, KEY, ts.clock.now());
    expect(check.ok && check.claims.sub).toBe('3001');
    expect(session.user).not.toHaveProperty('passwordHash');
    const ttl = deps.config.session.ttlSeconds;
    expect(Date.parse(session.expiresAt)).toBe(Math.floor(ts.clock.now() / 1000) * 1000 + ttl * 1000);
  });

  it('refuses a disabled account after the password matched, and audits why', async () => {
    await seed('3002', true);
    await expect(signIn(deps, '3002', PASSWORD, undefined)).rejects.toThrow(ForbiddenError);
    await expect(signIn(deps, '3002', 'wrong password', undefined)).rejects.toThrow(WrongCredentialsError);
    const { items } = await ts.store.audit.byActor('3002', { limit: 10 });
    expect(items.map((e) => e.action).sort()).toEqual(['auth.login-failed', 'auth.login-refused']);
    expect(items.find((e) => e.action === 'auth.login-refused')?.detail).toEqual({ reason: 'disabled' });
  });

  it('needs a new password that differs from the current one', async () => {
    const user = await seed('3003');
    const error = await changeOwnPassword(deps, user, undefined, PASSWORD, PASSWORD).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]?.path).toBe('body.newPassword');
    expect((await ts.store.users.get('3003'))?.version).toBe(user.version);
  });

  it('counts wrong current passwords like failed logins, then refuses with a retry delay', async () => {
    const user = await seed('3004');
    for (let i = 0; i < THROTTLE_LIMITS.accountAtAddress; i++) {
      await expect(changeOwnPassword(deps, user, undefined, 'wrong one', 'a new password')).rejects.toThrow(
        ValidationError,
      );
    }
    const refused = await changeOwnPassword(deps, user, undefined, PASSWORD, 'a new password').catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(TooManyRequestsError);
    expect((refused as TooManyRequestsError).headers['Retry-After']).toMatch(/^\d+$/);
    await expect(signIn(deps, '3004', PASSWORD, undefined)).rejects.toThrow(TooManyRequestsError);
  });

  it('checks the password of at most the allowance of 40 parallel attempts from one address', async () => {
    await seed('3006');
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        signIn(deps, '3006', `wrong ${i}`, '203.0.113.60').then(
          () => 'signed-in',
          (e: unknown) => (e as Error).name,
        ),
      ),
    );
    expect(outcomes.filter((o) => o === 'WrongCredentialsError')).toHaveLength(
      THROTTLE_LIMITS.accountAtAddress,
    );
    expect(outcomes.filter((o) => o === 'TooManyRequestsError')).toHaveLength(
      40 - THROTTLE_LIMITS.accountAtAddress,
    );
    // From another address the right password still opens a session.
    await expect(signIn(deps, '3006', PASSWORD, '198.51.100.60')).resolves.toMatchObject({
      user: { id: '3006' },
    });
  });

  it('signing out marks the token revoked until it expires', async () => {
    await seed('3005');
    const session = await signIn(deps, '3005', PASSWORD, undefined);
    const check = verifySession(session.token, KEY, ts.clock.now());
    if (!check.ok) throw new Error('the new token must verify');
    expect(await ts.store.keys.get(revocationKey(check.claims))).toBeUndefined();
    await signOut(deps, check.claims);
    const marker = await ts.store.keys.get(revocationKey(check.claims));
    expect(marker?.expiresAt).toBe(session.expiresAt);
  });
});
