// What one heartbeat costs: every open desk sends one every 10 s, so in the steady state it is one
// conditional DynamoDB write and no Twilio request; TaskRouter is read only after a lapse, when the sweep
// may have moved the agent, to tell the page its activity.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestTransport } from '../../../functions/adapters/twilio/rest-transport.js';
import { createTaskRouterRest } from '../../../functions/adapters/twilio/taskrouter-rest.js';
import { createTelephonyRest } from '../../../functions/adapters/twilio/telephony-rest.js';
import { createMessagingRest } from '../../../functions/adapters/twilio/twilio-ports.js';
import { createCenter } from '../../../functions/app/center.js';
import { createAgentState } from '../../../functions/app/desk/agent-state.js';
import { createCallFinder } from '../../../functions/app/desk/calls.js';
import { HEARTBEAT_TIMEOUT_SECONDS } from '../../../functions/domain/agent-state.js';
import type { User } from '../../../functions/domain/model.js';
import { type ProvisionedRouting, ROUTING_SETTING } from '../../../functions/domain/routing/provisioned.js';
import { LOCAL_TWILIO } from '../../../infra/local/local-config.js';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';
import { createCapturingLogger } from '../../support/capturing-logger.js';
import { createTestStore, type TestStore } from '../../support/dynamo.js';
import { type CommandCount, countCommands } from '../../support/dynamo-command-count.js';
import { type CountedTransport, countRequests } from '../../support/twilio-rest-count.js';

describe('heartbeat', () => {
  let stack: LocalStack;
  let ts: TestStore;
  let dynamo: CommandCount;
  let twilio: CountedTransport;
  let state: ReturnType<typeof createAgentState>;
  let agent: User;

  beforeAll(async () => {
    // The twin's TaskRouter, provisioned with the demo agents; the center's own table is a counted one.
    stack = await startLocalStack({ port: 0, demoData: true, logger: createCapturingLogger() });
    ts = await createTestStore();
    const sids = await stack.store.settings.get<ProvisionedRouting>(ROUTING_SETTING);
    if (!sids) throw new Error('the local stack provisions TaskRouter at start');
    await ts.store.settings.put(ROUTING_SETTING, sids);
    const found = await stack.store.users.get('1002');
    if (!found) throw new Error('demo agent 1002 is missing');
    agent = found;
    twilio = countRequests(
      createRestTransport({
        accountSid: stack.config.twilio.accountSid,
        authToken: LOCAL_TWILIO.authToken,
        apiBaseUrl: stack.config.twilio.apiBaseUrl ?? stack.url,
      }),
    );
    const center = createCenter(
      {
        config: stack.config,
        store: ts.store,
        clock: ts.clock,
        logger: createCapturingLogger(),
        taskrouter: createTaskRouterRest(twilio.transport),
        telephony: createTelephonyRest(twilio.transport),
        messaging: createMessagingRest(twilio.transport),
      },
      async () => {},
    );
    state = createAgentState(center, createCallFinder(center));
    dynamo = countCommands(ts.client);
  }, 60_000);
  afterAll(async () => {
    await ts?.stop();
    await stack?.stop();
  });

  const beat = async () => {
    dynamo.reset();
    twilio.reset();
    return state.heartbeat(agent);
  };

  it('after a lapse, reads the activity the sweep may have changed', async () => {
    const first = await beat();
    expect(first.state).toBe('Offline');
    expect(twilio.requests).toEqual([expect.stringMatching(/^taskrouter .*\/Workers\/WK/)]);
    expect(dynamo.commands.filter((c) => c !== 'GetItemCommand')).toEqual(['PutItemCommand']);
  });

  it('in the steady state is one conditional write and no Twilio request', async () => {
    for (let i = 0; i < 3; i++) {
      await ts.clock.advance(10_000);
      const next = await beat();
      expect(next.expiresAt).toBe(new Date(ts.clock.now() + HEARTBEAT_TIMEOUT_SECONDS * 1000).toISOString());
      expect(next.state).toBeUndefined();
      expect(dynamo.commands).toEqual(['PutItemCommand']);
      expect(twilio.requests).toEqual([]);
    }
  });

  it('a page back after a silence longer than the timeout is told its activity again', async () => {
    await ts.clock.advance((HEARTBEAT_TIMEOUT_SECONDS + 1) * 1000);
    const back = await beat();
    expect(back.state).toBe('Offline');
    expect(twilio.requests).toHaveLength(1);
    expect(dynamo.commands).toEqual(['PutItemCommand']);
  });
});
