// The first-admin custom resource's onEvent against the local stack (no demo users): Create makes an admin
// who signs in with the secret's password and replaces it (POST /api/auth/password); Update with a rotated
// secret or a redeploy changes nothing, so the new password keeps working and the bootstrap one stays dead;
// Delete leaves users alone; nothing logged carries the password.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBootstrapConfig } from '../../functions/config.js';
import {
  ADMIN_BOOTSTRAP_ID,
  type AdminBootstrapEvent,
  adminBootstrapHandler,
} from '../../functions/handlers/bootstrap-admin.js';
import { type LocalStack, startLocalStack } from '../../infra/local/start-local-stack.js';
import { login } from '../local/support.js';
import { createCapturingLogger } from '../support/capturing-logger.js';

const BOOTSTRAP = 'Bq3xV7nR2kT9wY4zM8pC6dFh';
const CHANGED = 'my own password, not the bootstrap one';

let stack: LocalStack;
let secret = BOOTSTRAP;
const logger = createCapturingLogger();
const logged = logger.lines;
let run: ReturnType<typeof adminBootstrapHandler>;
beforeAll(async () => {
  stack = await startLocalStack({ port: 0, demoData: false });
  run = adminBootstrapHandler({
    store: stack.store,
    readPassword: async () => secret,
    logger,
  });
});
afterAll(() => stack.stop());

const event = (type: AdminBootstrapEvent['RequestType'], adminId = 'admin'): AdminBootstrapEvent => ({
  RequestType: type,
  ResourceProperties: { AdminId: adminId },
  ...(type === 'Create' ? {} : { PhysicalResourceId: ADMIN_BOOTSTRAP_ID }),
});

const loginStatus = async (id: string, password: string) =>
  (
    await fetch(`${stack.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id, password }),
    })
  ).status;

describe('first-admin custom resource, against the local stack', () => {
  it('Create: the admin signs in with the generated password and replaces it', async () => {
    expect(await run(event('Create'))).toEqual({
      PhysicalResourceId: ADMIN_BOOTSTRAP_ID,
      Data: { AdminId: 'admin', Created: 'true' },
    });
    const token = await login(stack.url, 'admin', BOOTSTRAP);
    const changed = await fetch(`${stack.url}/api/auth/password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ currentPassword: BOOTSTRAP, newPassword: CHANGED }),
    });
    expect(changed.status).toBe(200);
    expect(await loginStatus('admin', BOOTSTRAP)).toBe(401);
    expect(await loginStatus('admin', CHANGED)).toBe(200);
  });

  it('Update with a rotated secret, and a redeploy: nothing changes, the new password keeps working', async () => {
    secret = 'Rotated9secret4value7here';
    for (const type of ['Update', 'Create'] as const) {
      expect(await run(event(type))).toEqual({
        PhysicalResourceId: ADMIN_BOOTSTRAP_ID,
        Data: { AdminId: 'admin', Created: 'false' },
      });
    }
    expect(await loginStatus('admin', CHANGED)).toBe(200);
    expect(await loginStatus('admin', secret)).toBe(401);
    expect(await loginStatus('admin', BOOTSTRAP)).toBe(401);
  });

  it('Update to a new adminId creates that admin too and keeps the first', async () => {
    expect((await run(event('Update', 'ops.admin'))).Data).toEqual({ AdminId: 'ops.admin', Created: 'true' });
    expect(await loginStatus('ops.admin', secret)).toBe(200);
    expect(await loginStatus('admin', CHANGED)).toBe(200);
  });

  it('Delete leaves every user alone', async () => {
    const before = await stack.store.users.get('admin');
    const opsBefore = await stack.store.users.get('ops.admin');
    expect(before).toMatchObject({ id: 'admin', disabled: false });
    expect(opsBefore).toMatchObject({ id: 'ops.admin', disabled: false });
    expect(await run(event('Delete'))).toEqual({ PhysicalResourceId: ADMIN_BOOTSTRAP_ID });
    expect(await stack.store.users.get('admin')).toEqual(before);
    expect(await stack.store.users.get('ops.admin')).toEqual(opsBefore);
  });

  it('a bad AdminId fails the event with a clear error', async () => {
    await expect(run(event('Create', 'no spaces please'))).rejects.toThrow(
      'adminId "no spaces please" is not a login id',
    );
  });

  it('logs what it did, never a password', () => {
    expect(logged.map((e) => e.msg)).toContain('first admin created');
    expect(logged.map((e) => e.msg)).toContain('first admin exists, left alone');
    const text = JSON.stringify(logged);
    for (const value of [BOOTSTRAP, CHANGED, secret]) expect(text).not.toContain(value);
  });
});

describe('loadBootstrapConfig', () => {
  it('takes the secret id, never needing Twilio or session settings', () => {
    expect(loadBootstrapConfig({ TABLE_NAME: 't', ADMIN_PASSWORD_SECRET_ID: 'arn:secret' })).toEqual({
      tableName: 't',
      region: 'us-east-1',
      adminPassword: { source: 'secret', secretId: 'arn:secret' },
      logLevel: 'INFO',
    });
  });

  it('names the missing key', () => {
    expect(() => loadBootstrapConfig({ TABLE_NAME: 't' })).toThrow(/ADMIN_PASSWORD/);
    expect(() => loadBootstrapConfig({ ADMIN_PASSWORD_SECRET_ID: 'x' })).toThrow(/TABLE_NAME/);
  });
});
