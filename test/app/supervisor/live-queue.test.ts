// The live queue costs the same number of Twilio requests per poll whatever the queue's length: one task
// list, with each caller's attributes fetched once when their task first appears, not on every poll.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestTransport } from '../../../functions/adapters/twilio/rest-transport.js';
import { createTaskRouterRest } from '../../../functions/adapters/twilio/taskrouter-rest.js';
import { createTelephonyRest } from '../../../functions/adapters/twilio/telephony-rest.js';
import { createMessagingRest } from '../../../functions/adapters/twilio/twilio-ports.js';
import { createCenter } from '../../../functions/app/center.js';
import { createLiveQueue } from '../../../functions/app/supervisor/live-queue.js';
import { createManualClock } from '../../../functions/domain/manual-clock.js';
import { type ProvisionedRouting, ROUTING_SETTING } from '../../../functions/domain/routing/provisioned.js';
import type { TaskRouterPort } from '../../../functions/domain/taskrouter-port.js';
import { LOCAL_TWILIO } from '../../../infra/local/local-config.js';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';
import { createCapturingLogger } from '../../support/capturing-logger.js';
import { type CountedTransport, countRequests } from '../../support/twilio-rest-count.js';

describe('live queue', () => {
  const clock = createManualClock(Date.parse('2026-03-02T02:00:00Z'));
  let stack: LocalStack;
  let counted: CountedTransport;
  /** Places the callers; its requests are not the queue's. */
  let uncounted: TaskRouterPort;
  let queue: ReturnType<typeof createLiveQueue>;
  let sids: ProvisionedRouting;
  let placed = 0;

  beforeAll(async () => {
    stack = await startLocalStack({ port: 0, clock, demoData: true, logger: createCapturingLogger() });
    const rest = () =>
      createRestTransport({
        accountSid: stack.config.twilio.accountSid,
        authToken: LOCAL_TWILIO.authToken,
        apiBaseUrl: stack.config.twilio.apiBaseUrl ?? stack.url,
      });
    uncounted = createTaskRouterRest(rest());
    counted = countRequests(rest());
    const center = createCenter(
      {
        config: stack.config,
        store: stack.store,
        clock,
        logger: createCapturingLogger(),
        taskrouter: createTaskRouterRest(counted.transport),
        telephony: createTelephonyRest(counted.transport),
        messaging: createMessagingRest(counted.transport),
      },
      async () => {},
    );
    queue = createLiveQueue(center);
    const provisioned = await stack.store.settings.get<ProvisionedRouting>(ROUTING_SETTING);
    if (!provisioned) throw new Error('the local stack provisions TaskRouter at start');
    sids = provisioned;
  }, 60_000);
  afterAll(() => stack?.stop());

  /** Callers waiting as the IVR's Enqueue leaves them: no agent is Available, so their tasks stay pending. */
  async function waiting(count: number) {
    for (let i = 0; i < count; i++, placed++) {
      const n = String(placed).padStart(2, '0');
      await uncounted.createTask(sids.workspaceSid, {
        workflowSid: sids.workflowSid,
        taskChannel: 'voice',
        attributes: {
          type: 'inbound',
          call_sid: `CA${n.repeat(16)}`,
          from: `+86139000000${n}`,
          vip: placed === 0 ? 'gold' : 'none',
          queue: 'general',
        },
      });
    }
    await stack.twin.settle();
  }

  /** Twilio requests of one poll, after the poll that first met the callers. */
  async function steadyPoll() {
    await queue.list();
    counted.reset();
    const items = await queue.list();
    return { items, requests: [...counted.requests] };
  }

  it('shows each caller from the attributes fetched when their task first appeared', async () => {
    await waiting(1);
    counted.reset();
    const first = await queue.list();
    expect(counted.requests.filter((r) => r.startsWith('taskrouter '))).toHaveLength(1); // the one fetch
    expect(first).toEqual([
      expect.objectContaining({
        callSid: `CA${'00'.repeat(16)}`,
        from: '+8613900000000',
        vip: 'gold',
        status: 'pending',
      }),
    ]);
  });

  it('costs the same requests per poll with 1 and with 30 callers waiting', async () => {
    const one = await steadyPoll();
    expect(one.items).toHaveLength(1);
    await waiting(29);
    const thirty = await steadyPoll();
    expect(thirty.items).toHaveLength(30);
    expect(thirty.items.every((w) => w.callSid && w.from)).toBe(true);
    expect(thirty.requests).toEqual(one.requests);
    expect(one.requests).toHaveLength(1); // the task list
  });
});
