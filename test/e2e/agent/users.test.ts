// Agents an admin adds or changes through the API get their TaskRouter worker at once (no provisioning run
// needed): created Offline with the user's skills, the SID in the `taskrouter` setting, so they can sign in
// and go Available; a skill change reaches the worker's attributes, and so do skill levels; disabling sets
// the worker Offline.
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

  it("grades an agent's skills: the levels reach the worker, a level for a skill not held is refused", async () => {
    const created = await admin.post<{ version: number }>('/users', {
      id: '1098',
      password: 'demo-1098',
      name: '等级坐席 Graded Agent',
      roles: ['agent'],
      skills: ['claims', 'general'],
      skillLevels: { claims: 5 },
    });
    const sid = (await routing()).workers['1098'] ?? '';
    // A skill never graded routes at the default level.
    expect(JSON.parse((await worker(sid)).attributes)).toMatchObject({ level_claims: 5, level_general: 3 });
    await admin.patch('/users/1098', { version: created.version, skillLevels: { claims: 2, general: 4 } });
    expect(JSON.parse((await worker(sid)).attributes)).toMatchObject({ level_claims: 2, level_general: 4 });

    const stray = await admin.fail('/users', {
      id: '1097',
      password: 'demo-1097',
      name: 'Stray',
      roles: ['agent'],
      skills: ['general'],
      skillLevels: { rescue: 4 },
    });
    expect(stray.status).toBe(400);
    const outOfRange = await admin.fail('/users', {
      id: '1097',
      password: 'demo-1097',
      name: 'Stray',
      roles: ['agent'],
      skills: ['general'],
      skillLevels: { general: 9 },
    });
    expect(outOfRange.status).toBe(400);
    expect((await h.stack.store.users.get('1097')) ?? null).toBeNull();
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
