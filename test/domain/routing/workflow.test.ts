// The workflow generated from flows/routing.ts: a picked caller to the picking agent first, owner agent
// first, region then language, overflow at 60 s, the agent's level in the skill and the fewest-calls strategy as order_by, and task
// attributes and priority from an IVR transfer.
import { describe, expect, it } from 'vitest';
import { routing } from '../../../flows/routing.js';
import { SKILL_LEVEL, type User } from '../../../functions/domain/model.js';
import {
  customerNumberOf,
  estimatedWaitMinutes,
  regionOf,
  taskFor,
  workerAttributes,
  workflowConfiguration,
} from '../../../functions/domain/routing/workflow.js';

const config = workflowConfiguration(routing, (q) => `WQ_${q}`);
const filter = (name: string) => config.task_routing.filters.find((f) => f.filter_friendly_name === name);

describe('generated workflow', () => {
  it('offers the owner agent for 20 s, then the region, then the language, then overflows at 60 s', () => {
    const owner = filter('claims (owner agent first)');
    expect(owner?.expression).toBe("queue == 'claims' AND has_owner == true");
    expect(owner?.targets.map((t) => [t.queue, t.timeout ?? null])).toEqual([
      ['WQ_claims', 20],
      ['WQ_claims', 15],
      ['WQ_claims', 25],
      ['WQ_general', null],
    ]);
    expect(owner?.targets[0]?.known_worker_friendly_name).toBe('task.owner_agent');
    expect(owner?.targets[1]?.expression).toContain('task.region IN worker.regions');
    const plain = filter('claims');
    expect(plain?.targets.map((t) => t.timeout ?? null)).toEqual([15, 45, null]);
  });

  it('offers a picked caller first to the agent who picked, in their queue, then to that queue', () => {
    const first = config.task_routing.filters.slice(0, routing.queues.length);
    expect(first.map((f) => f.expression)).toEqual(
      routing.queues.map((q) => `picked == true AND pick_queue == '${q.name}'`),
    );
    const general = filter('general (picked by an agent)');
    expect(general?.targets[0]).toEqual({
      queue: 'WQ_general',
      known_worker_friendly_name: 'task.picked_by',
      timeout: routing.ringSeconds + 5,
    });
    expect(general?.targets.slice(1).every((t) => t.queue === 'WQ_general' || t.queue === 'WQ_support')).toBe(
      true,
    );
  });

  it("orders a queue's agents by their level in its skill, then by calls today on fewest-calls queues", () => {
    // The last target is the overflow queue's: ordered by the level in that queue's skill.
    const complaints = filter('complaints')?.targets ?? [];
    expect(complaints.slice(0, -1).map((t) => t.order_by)).toEqual([
      'worker.level_complaints DESC, worker.calls_today ASC',
      'worker.level_complaints DESC, worker.calls_today ASC',
    ]);
    expect(complaints.at(-1)).toMatchObject({ queue: 'WQ_general', order_by: 'worker.level_general DESC' });
    // Elsewhere the level alone; a tie goes to the longest idle, as TaskRouter breaks ties.
    expect(
      filter('claims')
        ?.targets.slice(0, -1)
        .map((t) => t.order_by),
    ).toEqual(['worker.level_claims DESC', 'worker.level_claims DESC']);
    expect(config.task_routing.default_filter).toEqual({ queue: 'WQ_general' });
  });

  it("gives a worker a level per skill held, the admin's or the default", () => {
    const user = {
      id: '1001',
      name: 'Li',
      roles: ['agent'],
      skills: ['claims', 'rescue'],
      skillLevels: { claims: 5, policy: 1 },
      languages: ['zh'],
      regions: [],
    } as unknown as User;
    const attributes = workerAttributes(user);
    expect(attributes).toMatchObject({ level_claims: 5, level_rescue: SKILL_LEVEL.default });
    // A level for a skill no longer held routes nothing.
    expect(attributes).not.toHaveProperty('level_policy');
  });

  it('marks a whitelisted caller on the task, for the screen pop', () => {
    const base = {
      queue: 'general',
      flow: 'warranty',
      language: 'zh',
      caller: '+8613900000001',
      called: '+1',
    };
    expect(taskFor(routing, { ...base, priority: 0, vars: { trusted: 'yes' } }).attributes.whitelisted).toBe(
      true,
    );
    expect(taskFor(routing, { ...base, priority: 0, vars: {} }).attributes).not.toHaveProperty('whitelisted');
  });

  it('builds task attributes and priority from the caller', () => {
    const task = taskFor(routing, {
      queue: 'rescue',
      flow: 'rescue',
      language: 'zh',
      caller: '+862164001111',
      called: '+18005550111',
      priority: 50,
      vars: { vip: 'gold', customerId: 'cus-1', ownerAgent: '1001' },
      extra: { rescue: true },
    });
    expect(task.priority).toBe(60);
    expect(task.attributes).toMatchObject({
      queue: 'rescue',
      region: 'east_china',
      has_region: true,
      has_owner: true,
      owner_agent: '1001',
      rescue: true,
    });
    expect(regionOf('+14155550123', routing)).toBe('us');
    expect(regionOf('+8613800138000', routing)).toBeUndefined();
    expect(estimatedWaitMinutes(3, 120)).toBe(6);
  });
});

describe('customerNumberOf', () => {
  it('is the callback number on a callback (its from is the hotline), else the enqueued caller', () => {
    expect(
      customerNumberOf({ type: 'callback', callback_number: '+8613900000001', from: '+18005550100' }),
    ).toBe('+8613900000001');
    expect(customerNumberOf({ from: '+14155550123', caller: '+14155550123' })).toBe('+14155550123');
    expect(customerNumberOf({ caller: '+8613800000002' })).toBe('+8613800000002');
    expect(customerNumberOf({ from: '' })).toBeUndefined();
  });
});
