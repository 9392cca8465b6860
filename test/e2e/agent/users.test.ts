// Agents an admin adds or changes through the API get their TaskRouter worker at once (no provisioning run
// needed): created Offline with the user's skills, the SID in the `taskrouter` setting, so they can sign in
// and go Available; a skill change reaches the worker's attributes; disabling sets the worker Offline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ProvisionedRouting, ROUTING_SETTING } from '../../../functions/domain/routing/provisioned.js';
import { type AgentHarness, type Session, startAgents } from './support.js';

let h: AgentHarness;
let admin: Session;
beforeAll(async () => {
  h = await startAgents();
  admin = await h.as('admin');
}, 60_000);
afterAll(() => h.stop());

const routing = async () => {
  const value = await h.stack.store.settings.get<ProvisionedRouting>(ROUTING_SETTING);
  if (!value) throw new Error('not provisioned');
  return value;
};
const worker = async (sid: string) =>
  h.stack.twilio.taskrouter.v1
    .workspaces((await routing()).workspaceSid)
    .workers(sid)
    .fetch();

describe('agents added through the API', () => {
  it('get a worker at once, sign in and go Available; skill changes and disabling reach TaskRouter', async () => {
    const created = await admin.post<{ id: string; version: number }>('/users', {
      id: '1099',
      password: 'demo-1099', // what h.as() signs in with
      name: '新坐席 New Agent',
      roles: ['agent'],
      skills: ['general'],
      languages: ['zh'],
    });
    const sid = (await routing()).workers['1099'];
    expect(sid).toMatch(/^WK/);
    const fresh = await worker(sid ?? '');
    expect(fresh.activityName).toBe('Offline');
    expect(JSON.parse(fresh.attributes)).toMatchObject({ agent_id: '1099', skills: ['general'] });

    const agent = await h.as('1099');
    await agent.post('/agent/state', { state: 'Available' });
    expect((await worker(sid ?? '')).activityName).toBe('Available');

    const changed = await admin.patch<{ version: number }>('/users/1099', {
      version: created.version,
      skills: ['general', 'claims'],
      languages: ['zh', 'en'],
    });
    expect(JSON.parse((await worker(sid ?? '')).attributes)).toMatchObject({
      skills: ['general', 'claims'],
      languages: ['zh', 'en'],
    });
    await admin.patch('/users/1099', { version: changed.version, disabled: true });
    expect((await worker(sid ?? '')).activityName).toBe('Offline');
  });

  it('keeps every new worker in the taskrouter setting when agents are added at the same moment', async () => {
    const ids = ['1201', '1202', '1203', '1204', '1205'];
    await Promise.all(
      ids.map((id) =>
        admin.post('/users', {
          id,
          password: `demo-${id}`,
          name: `Agent ${id}`,
          roles: ['agent'],
          skills: ['general'],
        }),
      ),
    );
    const workers = (await routing()).workers;
    for (const id of ids) expect(workers[id], id).toMatch(/^WK/);
  });
});
