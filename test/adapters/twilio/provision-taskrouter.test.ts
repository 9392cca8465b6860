// Provisioning routing into TaskRouter (here the twin, through the official client) is idempotent and
// creates what flows/routing.ts describes: activities, one queue per skill, the generated workflow with
// its callbacks, and a worker per active agent with attributes from the user.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routing } from '../../../flows/routing.js';
import { provisionRouting } from '../../../functions/adapters/twilio/provision-taskrouter.js';
import { createManualClock } from '../../../functions/domain/manual-clock.js';
import { type ProvisionedRouting, ROUTING_SETTING } from '../../../functions/domain/routing/provisioned.js';
import { CONSUMED_TASKROUTER_EVENTS } from '../../../functions/domain/taskrouter-events.js';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';

const clock = createManualClock(Date.parse('2026-03-02T02:00:00Z'));
let stack: LocalStack;
let first: ProvisionedRouting | undefined;
beforeAll(async () => {
  stack = await startLocalStack({ port: 0, clock });
  first = await stack.store.settings.get<ProvisionedRouting>(ROUTING_SETTING);
});
afterAll(() => stack.stop());

describe('provisionTaskRouter', () => {
  it('created the workspace, activities, queues, workflow and workers at start', async () => {
    expect(first).toBeDefined();
    const tr = stack.twilio.taskrouter.v1.workspaces(first?.workspaceSid ?? '');
    const workspace = await tr.fetch();
    expect(workspace.eventCallbackUrl).toBe(`${stack.url}/twilio/taskrouter/events`);
    expect(workspace.defaultActivityName).toBe('Offline');
    expect(Object.keys(first?.activities ?? {}).sort()).toEqual(routing.activities.map((a) => a.name).sort());
    const queues = await tr.taskQueues.list();
    const claims = queues.find((q) => q.friendlyName === 'claims');
    expect(claims?.targetWorkers).toBe("skills HAS 'claims'");
    const workflow = await tr.workflows(first?.workflowSid ?? '').fetch();
    expect(workflow.assignmentCallbackUrl).toBe(`${stack.url}/twilio/taskrouter/assignment`);
    const config = JSON.parse(workflow.configuration) as {
      task_routing: {
        filters: { filter_friendly_name: string; targets: { known_worker_friendly_name?: string }[] }[];
      };
    };
    const owner = config.task_routing.filters.find(
      (f) => f.filter_friendly_name === 'claims (owner agent first)',
    );
    expect(owner?.targets[0]?.known_worker_friendly_name).toBe('task.owner_agent');
    expect(
      config.task_routing.filters.some((f) => f.filter_friendly_name === 'rescue (owner agent first)'),
    ).toBe(false);
    expect(Object.keys(first?.workers ?? {}).sort()).toEqual(['1001', '1002', '1003', '1004']);
    const worker = await tr.workers(first?.workers['1003'] ?? '').fetch();
    expect(JSON.parse(worker.attributes)).toMatchObject({
      skills: ['rescue', 'claims', 'general'],
      languages: ['zh', 'en'],
      regions: ['east_china', 'north_china', 'west_china'],
      contact_uri: 'client:1003',
    });
  });

  it('finds everything again on a second run, changing no SID and keeping call counts', async () => {
    const tr = stack.twilio.taskrouter.v1.workspaces(first?.workspaceSid ?? '');
    const sid = first?.workers['1001'] ?? '';
    const attrs = JSON.parse((await tr.workers(sid).fetch()).attributes);
    await tr
      .workers(sid)
      .update({ attributes: JSON.stringify({ ...attrs, calls_today: 7, calls_day: '2026-03-02' }) });
    const again = await provisionRouting(stack.twilio, stack.store, routing, stack.url);
    expect(again).toEqual(first);
    expect((await stack.twilio.taskrouter.v1.workspaces.list()).length).toBe(1);
    expect((await tr.taskQueues.list()).length).toBe(routing.queues.length);
    expect((await tr.workflows.list()).length).toBe(1);
    expect(JSON.parse((await tr.workers(sid).fetch()).attributes)).toMatchObject({ calls_today: 7 });
  });

  it('subscribes the workspace only to the events the app consumes', async () => {
    const workspace = await stack.twilio.taskrouter.v1.workspaces(first?.workspaceSid ?? '').fetch();
    expect(workspace.eventsFilter.split(',').sort()).toEqual([...CONSUMED_TASKROUTER_EVENTS].sort());
  });

  it('narrows an existing workspace that posts every event, and leaves a set filter alone', async () => {
    const tr = stack.twilio.taskrouter.v1.workspaces(first?.workspaceSid ?? '');
    await tr.update({ eventsFilter: '' });
    expect((await tr.fetch()).eventsFilter).toBeNull();
    await provisionRouting(stack.twilio, stack.store, routing, stack.url);
    const narrowed = await tr.fetch();
    expect(narrowed.eventsFilter.split(',').sort()).toEqual([...CONSUMED_TASKROUTER_EVENTS].sort());
    // A second later, so an update on the next run would show in date_updated.
    await clock.advance(1000);
    await provisionRouting(stack.twilio, stack.store, routing, stack.url);
    expect((await tr.fetch()).dateUpdated).toEqual(narrowed.dateUpdated);
  });
});
