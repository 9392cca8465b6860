// Task rules the HTTP tests do not reach: switching automatic dialling on for a task the center cannot
// dial, an agent handing a task to someone else, and the due list read across time zones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeTask, createTask, tasksDueBefore } from '../../functions/app/tasks.js';
import type { Role, User } from '../../functions/domain/model.js';
import { ForbiddenError, ValidationError } from '../../functions/domain/problems.js';
import { createCapturingLogger } from '../support/capturing-logger.js';
import { createTestStore, type TestStore } from '../support/dynamo.js';

function user(id: string, roles: readonly Role[]): User {
  const at = '2026-03-01T09:00:00Z';
  return {
    id,
    name: id,
    roles,
    skills: [],
    languages: ['zh'],
    regions: [],
    disabled: false,
    passwordHash: 'unused',
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

describe('task use cases', () => {
  let t: TestStore;
  const agent = user('1001', ['agent']);
  const lead = user('sup1', ['supervisor']);
  const deps = () => ({
    store: t.store,
    clock: { now: () => Date.now() },
    logger: createCapturingLogger(),
    config: { defaultPhoneRegion: 'CN' },
  });

  beforeAll(async () => {
    t = await createTestStore();
    // A task is only handed to someone who exists.
    for (const u of [agent, lead]) {
      const { createdAt: _c, updatedAt: _u, version: _v, ...fields } = u;
      await t.store.users.create(fields);
    }
  });
  afterAll(() => t?.stop());

  it('refuses switching autoDial on for a follow-up, naming body.autoDial, and changes nothing', async () => {
    const task = await createTask(deps(), agent, {
      kind: 'follow-up',
      dueAt: '2026-03-02T10:00:00Z',
      maxAttempts: 3,
    });
    const refused = changeTask(deps(), agent, task.id, task.version, { autoDial: true });
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toMatchObject({ issues: [{ path: 'body.autoDial' }] });
    expect((await t.store.tasks.get(task.id))?.version).toBe(task.version);
  });

  it('lets an agent take an unassigned task but not hand it to someone else; a lead may', async () => {
    const task = await createTask(deps(), agent, {
      kind: 'callback',
      dueAt: '2026-03-02T11:00:00Z',
      phone: '138 0013 8000',
      maxAttempts: 3,
    });
    expect(task.phone).toBe('+8613800138000');
    await expect(
      changeTask(deps(), agent, task.id, task.version, { assigneeId: 'sup1' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const taken = await changeTask(deps(), agent, task.id, task.version, { assigneeId: agent.id });
    expect(taken.assigneeId).toBe(agent.id);
    const moved = await changeTask(deps(), lead, task.id, taken.version, { assigneeId: 'sup1' });
    expect(moved.assigneeId).toBe('sup1');
    const audit = (await t.store.audit.byActor(lead.id)).items.find((e) => e.target === task.id);
    expect(audit).toMatchObject({ action: 'task.update', detail: { changed: ['assigneeId'] } });
  });

  it('reads "due before" at the instant meant, whatever offset it was written with', async () => {
    const task = await createTask(deps(), lead, {
      kind: 'outbound-call',
      // Stored as given; the bound is what the use case turns into UTC.
      dueAt: '2026-03-05T02:00:00.000Z',
      maxAttempts: 1,
    });
    const ids = async (before: string) =>
      (await tasksDueBefore(deps(), before, { limit: 100 })).items.map((x) => x.id);
    // 10:00 in Beijing is 02:00 UTC: the task is due by then, and not a minute earlier.
    expect(await ids('2026-03-05T10:00:00+08:00')).toContain(task.id);
    expect(await ids('2026-03-05T09:59:00+08:00')).not.toContain(task.id);
  });
});
