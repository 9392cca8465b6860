// The user administration rules the route tests do not reach: a TaskRouter sync that fails never undoes
// the saved user, an admin cannot disable themselves, and a conflict shows the stored user without its hash.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeUser, createUser, resetUserPassword, type UserDeps } from '../../functions/app/users.js';
import type { User } from '../../functions/domain/model.js';
import { verifyPassword } from '../../functions/domain/password.js';
import { ConflictError, NotFoundError, UnprocessableError } from '../../functions/domain/problems.js';
import type { AgentWorkerSync } from '../../functions/domain/taskrouter-port.js';
import { type CapturingLogger, createCapturingLogger } from '../support/capturing-logger.js';
import { createTestStore, type TestStore } from '../support/dynamo.js';

describe('user administration', () => {
  let ts: TestStore;
  let logger: CapturingLogger;
  let deps: UserDeps;
  let admin: User;
  const synced: string[] = [];
  let syncFails = false;
  const agentWorkers: AgentWorkerSync = {
    async sync(user) {
      if (syncFails) throw new Error('TaskRouter is down');
      synced.push(user.id);
      return undefined;
    },
  };

  beforeAll(async () => {
    ts = await createTestStore();
    logger = createCapturingLogger();
    deps = { store: ts.store, logger, agentWorkers };
    const created = await ts.store.users.create({
      id: 'boss',
      name: 'Boss',
      roles: ['admin'],
      skills: [],
      languages: ['zh'],
      regions: [],
      disabled: false,
      passwordHash: 'not used here',
    });
    if (!created.ok) throw new Error('seeding the admin failed');
    admin = created.value;
  });
  afterAll(() => ts?.stop());

  const newAgent = (id: string) => ({
    id,
    name: `Agent ${id}`,
    password: 'first password',
    roles: ['agent' as const],
    skills: ['rescue'],
    languages: ['zh' as const],
    regions: [],
    disabled: false,
  });

  it('refuses an extension another user answers to, by their extension or their id', async () => {
    await createUser(deps, admin, { ...newAgent('3001'), extension: '801' });
    const taken = (extension: string, id = '3002') =>
      createUser(deps, admin, { ...newAgent(id), extension }).then(
        () => undefined,
        (err: { issues?: { path: string; code: string; message: string }[] }) => err.issues?.[0],
      );
    expect(await taken('801')).toMatchObject({ path: 'body.extension', code: 'agent-number-taken' });
    expect((await taken('801'))?.message).toContain('Agent 3001');
    expect(await taken('3001')).toMatchObject({ path: 'body.extension', code: 'agent-number-taken' });
    // An id that is someone's extension would be reached as them.
    const byId = await createUser(deps, admin, newAgent('801')).catch(
      (err: { issues?: unknown[] }) => err.issues,
    );
    expect(byId).toEqual([expect.objectContaining({ path: 'body.id', code: 'agent-number-taken' })]);
    expect(await ts.store.users.get('3002')).toBeUndefined();
    // Changing one's own extension to itself is no clash; to a colleague's is.
    const own = await ts.store.users.get('3001');
    await changeUser(deps, admin, '3001', own?.version ?? 0, { extension: '801' });
    const other = await createUser(deps, admin, newAgent('3003'));
    await expect(changeUser(deps, admin, '3003', other.version, { extension: '801' })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: 'body.extension' })],
    });
    // Without an extension an agent is called by their id: removing it is refused while someone else
    // answers to that id as their extension (data written before this rule).
    const x = await createUser(deps, admin, { ...newAgent('805'), extension: '9805' });
    const legacy = await ts.store.users.create({
      id: '3007',
      name: 'Agent 3007',
      roles: ['agent'],
      skills: [],
      languages: ['zh'],
      regions: [],
      disabled: false,
      passwordHash: 'not used here',
      extension: '805',
    });
    expect(legacy.ok).toBe(true);
    await expect(changeUser(deps, admin, '805', x.version, { extension: null })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: 'body.id', code: 'agent-number-taken' })],
    });
  });

  it('stores a hash of the password, audits the roles and syncs the worker', async () => {
    const user = await createUser(deps, admin, newAgent('2001'));
    expect(user.passwordHash).not.toContain('first password');
    expect(await verifyPassword('first password', user.passwordHash)).toBe(true);
    expect(synced).toContain('2001');
    const { items } = await ts.store.audit.byActor(admin.id, { limit: 50 });
    expect(items.find((e) => e.action === 'user.create' && e.target === '2001')?.detail).toEqual({
      roles: ['agent'],
    });
  });

  it('keeps the user when the worker sync fails, and logs the failure', async () => {
    syncFails = true;
    try {
      const user = await createUser(deps, admin, newAgent('2002'));
      expect(await ts.store.users.get('2002')).toMatchObject({ id: '2002', version: user.version });
      expect(logger.lines).toContainEqual(
        expect.objectContaining({ level: 'error', msg: 'worker sync failed', user: '2002' }),
      );
    } finally {
      syncFails = false;
    }
  });

  it('refuses an admin disabling themselves, and writes nothing', async () => {
    const before = await ts.store.users.get(admin.id);
    await expect(changeUser(deps, admin, admin.id, admin.version, { disabled: true })).rejects.toThrow(
      UnprocessableError,
    );
    expect((await ts.store.users.get(admin.id))?.version).toBe(before?.version);
  });

  it('audits the changed fields, a removed extension among them', async () => {
    const withDesk = await changeUser(deps, admin, '2001', 1, { extension: '8001' });
    const cleared = await changeUser(deps, admin, '2001', withDesk.version, { extension: null, name: 'A' });
    expect(cleared.extension).toBeUndefined();
    const { items } = await ts.store.audit.byActor(admin.id, { limit: 50 });
    const changes = items.filter((e) => e.action === 'user.update' && e.target === '2001');
    expect(changes.map((e) => e.detail)).toContainEqual({ changed: ['name', 'extension'] });
  });

  it('answers a stale version with the stored user, without its password hash', async () => {
    const error = await changeUser(deps, admin, '2001', 1, { name: 'late' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    const current = (error as ConflictError).extra.current as Record<string, unknown>;
    expect(current).toMatchObject({ id: '2001', name: 'A' });
    expect(current).not.toHaveProperty('passwordHash');
  });

  it('resets the password of an existing user only', async () => {
    await expect(resetUserPassword(deps, admin, 'nobody', 'whatever1')).rejects.toThrow(NotFoundError);
    await resetUserPassword(deps, admin, '2001', 'second password');
    const stored = await ts.store.users.get('2001');
    expect(await verifyPassword('second password', stored?.passwordHash ?? '')).toBe(true);
  });
});
