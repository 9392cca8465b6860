// Work that is not a call becomes a task on the provisioned workspace and workflow, through the TaskRouter
// port, on the local stack's twin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTwilioPorts } from '../../functions/adapters/twilio/twilio-ports.js';
import { createWorkRouting } from '../../functions/app/work-routing.js';
import { createManualClock } from '../../functions/domain/manual-clock.js';
import { type ProvisionedRouting, ROUTING_SETTING } from '../../functions/domain/routing/provisioned.js';
import { LOCAL_TWILIO } from '../../infra/local/local-config.js';
import { type LocalStack, startLocalStack } from '../../infra/local/start-local-stack.js';

describe('work routing', () => {
  let stack: LocalStack;
  const clock = createManualClock(Date.parse('2026-12-07T02:00:00Z'));

  beforeAll(async () => {
    stack = await startLocalStack({ port: 0, clock, demoData: true });
  }, 60_000);
  afterAll(() => stack?.stop());

  const ports = () =>
    createTwilioPorts({
      accountSid: stack.config.twilio.accountSid,
      authToken: LOCAL_TWILIO.authToken,
      apiBaseUrl: stack.config.twilio.apiBaseUrl ?? stack.url,
    });

  it('creates the task on the provisioned workflow and channel, with its attributes', async () => {
    const { taskrouter } = ports();
    const sids = await stack.store.settings.get<ProvisionedRouting>(ROUTING_SETTING);
    if (!sids) throw new Error('the local stack provisions TaskRouter at start');
    const routing = createWorkRouting({ store: stack.store, taskrouter });
    const sid = await routing.createTask({
      taskChannel: 'sms',
      attributes: { channel: 'sms', from: '+12025550143', language: 'en', skill: 'general' },
      timeoutSeconds: 600,
    });
    const task = await taskrouter.task(sids.workspaceSid, sid);
    expect(task?.attributes).toMatchObject({ channel: 'sms', from: '+12025550143', language: 'en' });
    expect(['pending', 'reserved']).toContain(task?.status);
  });

  it('refuses with not-provisioned before provisioning ran', async () => {
    const { taskrouter } = ports();
    const bare = { ...stack.store, settings: { ...stack.store.settings, get: async () => undefined } };
    const routing = createWorkRouting({ store: bare, taskrouter });
    await expect(routing.createTask({ taskChannel: 'sms', attributes: {} })).rejects.toMatchObject({
      code: 'not-provisioned',
    });
  });
});
