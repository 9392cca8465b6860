// The first admin on deploy (functions/workers/bootstrap-admin.ts), on the dynalite store: created once as
// admin + supervisor with a password that verifies and an audit entry by `system`; a second run with another
// secret value changes nothing and does not even read the secret; an existing user is left untouched; a bad
// id or a too-short secret is a clear error that creates nothing.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashPassword, verifyPassword } from '../../functions/domain/password.js';
import { BootstrapAdminError, bootstrapAdmin } from '../../functions/workers/bootstrap-admin.js';
import { createTestStore, type TestStore } from '../support/dynamo.js';

let t: TestStore;
beforeAll(async () => {
  t = await createTestStore();
});
afterAll(() => t.stop());

const FIRST = 'Kx7mQ2vR9tW4yZ8bN3cD5fGh';
const password = (value: string) => vi.fn(async () => value);

describe('bootstrapAdmin', () => {
  it('creates the admin once: admin + supervisor, enabled, a password that verifies, audited as system', async () => {
    const read = password(FIRST);
    expect(await bootstrapAdmin(t.store, { adminId: 'admin', readPassword: read })).toEqual({
      created: true,
      id: 'admin',
    });
    expect(read).toHaveBeenCalledOnce();
    const user = await t.store.users.get('admin');
    expect(user).toMatchObject({
      id: 'admin',
      name: 'Administrator',
      roles: ['admin', 'supervisor'],
      disabled: false,
      version: 1,
    });
    expect(user?.passwordHash).toMatch(/^scrypt\$/);
    expect(user?.passwordHash).not.toContain(FIRST);
    expect(await verifyPassword(FIRST, user?.passwordHash ?? '')).toBe(true);

    const audit = await t.store.audit.byActor('system');
    expect(audit.items).toEqual([
      expect.objectContaining({ actor: 'system', action: 'user.create', target: 'admin' }),
    ]);
    expect(JSON.stringify(audit.items)).not.toContain(FIRST);
  });

  it('a second run with another secret value changes nothing and never reads the secret', async () => {
    const before = await t.store.users.get('admin');
    await t.clock.advance(60_000);
    const read = password('a-rotated-secret-value-xyz');
    expect(await bootstrapAdmin(t.store, { adminId: 'admin', readPassword: read })).toEqual({
      created: false,
      id: 'admin',
      reason: 'exists',
    });
    expect(read).not.toHaveBeenCalled();
    expect(await t.store.users.get('admin')).toEqual(before);
    expect((await t.store.audit.byActor('system')).items).toHaveLength(1);
  });

  it('leaves an existing user with that id untouched (an agent, disabled, with their own password)', async () => {
    const created = await t.store.users.create({
      id: 'ops.lead',
      name: 'Ops lead',
      roles: ['agent'],
      skills: ['sales'],
      languages: ['zh'],
      regions: [],
      disabled: true,
      passwordHash: await hashPassword('their-own-password'),
    });
    const before = created.ok ? created.value : expect.unreachable('created');
    const outcome = await bootstrapAdmin(t.store, { adminId: 'ops.lead', readPassword: password(FIRST) });
    expect(outcome).toEqual({ created: false, id: 'ops.lead', reason: 'exists' });
    expect(await t.store.users.get('ops.lead')).toEqual(before);
  });

  it('loses a race to a user created meanwhile and keeps that user', async () => {
    const read = vi.fn(async () => {
      // Someone creates the user between the existence check and the conditional put.
      await t.store.users.create({
        id: 'racer',
        name: 'Created meanwhile',
        roles: ['admin'],
        skills: [],
        languages: ['en'],
        regions: [],
        disabled: false,
        passwordHash: await hashPassword('meanwhile-password'),
      });
      return FIRST;
    });
    expect(await bootstrapAdmin(t.store, { adminId: 'racer', readPassword: read })).toEqual({
      created: false,
      id: 'racer',
      reason: 'exists',
    });
    const user = await t.store.users.get('racer');
    expect(user?.name).toBe('Created meanwhile');
    expect(await verifyPassword(FIRST, user?.passwordHash ?? '')).toBe(false);
  });

  it.each([
    ['a space', 'root admin'],
    ['one character', 'a'],
    ['nothing', ''],
    ['a slash', 'admin/x'],
  ])('rejects an id with %s, naming the rule, and creates nothing', async (_, adminId) => {
    const read = password(FIRST);
    const run = bootstrapAdmin(t.store, { adminId, readPassword: read });
    await expect(run).rejects.toBeInstanceOf(BootstrapAdminError);
    await expect(run).rejects.toThrow(`adminId "${adminId}" is not a login id (2-64 letters`);
    expect(read).not.toHaveBeenCalled();
  });

  it('refuses a secret shorter than a password may be, and creates nothing', async () => {
    const run = bootstrapAdmin(t.store, { adminId: 'short', readPassword: password('abc') });
    await expect(run).rejects.toThrow(/at least 8 characters/);
    expect(await t.store.users.get('short')).toBeUndefined();
  });
});
