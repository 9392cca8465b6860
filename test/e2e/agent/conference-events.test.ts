// What a task's conference ending asks of the center: the customer's leave and the conference's end both
// report the call over, and the task moves to wrap-up once; an agent's leg leaving because the whole
// conference ended is not a dropped leg and costs nothing; a conference whose status callback does not
// name the customer (one begun before callbacks did) still finds its call through TaskRouter.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRestTransport } from '../../../functions/adapters/twilio/rest-transport.js';
import { createTaskRouterRest } from '../../../functions/adapters/twilio/taskrouter-rest.js';
import { createTelephonyRest } from '../../../functions/adapters/twilio/telephony-rest.js';
import { createMessagingRest } from '../../../functions/adapters/twilio/twilio-ports.js';
import { type Center, createCenter } from '../../../functions/app/center.js';
import { onConferenceEvent } from '../../../functions/app/conference-events.js';
import { type ProvisionedRouting, ROUTING_SETTING } from '../../../functions/domain/routing/provisioned.js';
import { LOCAL_TWILIO } from '../../../infra/local/local-config.js';
import { createCapturingLogger } from '../../support/capturing-logger.js';
import { installDynamoCounter } from '../../support/dynamo-counter.js';
import { type CountedTransport, countRequests } from '../../support/twilio-rest-count.js';
import { type AgentHarness, startAgents } from './support.js';

let h: AgentHarness;
let sids: ProvisionedRouting;
let counted: CountedTransport;
const dynamo = installDynamoCounter();

/** A center of its own over the stack's store and the twin, its Twilio requests counted. */
function countedCenter(): Center {
  const rest = createRestTransport({
    accountSid: h.stack.config.twilio.accountSid,
    authToken: LOCAL_TWILIO.authToken,
    apiBaseUrl: h.stack.config.twilio.apiBaseUrl ?? h.stack.url,
  });
  counted = countRequests(rest);
  return createCenter(
    {
      config: h.stack.config,
      store: h.stack.store,
      clock: h.clock,
      logger: createCapturingLogger(),
      taskrouter: createTaskRouterRest(counted.transport),
      telephony: createTelephonyRest(counted.transport),
      messaging: createMessagingRest(counted.transport),
    },
    async () => {},
  );
}

/** A caller on the line with agent 1002: their call, its task and conference. */
async function connected() {
  const callSid = await h.callGeneral();
  placed.push(callSid);
  const view = await h.view(callSid);
  const marker = await h.stack.store.keys.get({ kind: 'call-task', callSid });
  if (!view.conferenceSid || !marker) throw new Error(`call ${callSid} did not reach the agent`);
  const { taskSid } = JSON.parse(String(marker.value)) as { taskSid: string };
  return { callSid, taskSid, conferenceSid: view.conferenceSid };
}

const taskStatus = async (taskSid: string) =>
  (await createTaskRouterRest(counted.transport).task(sids.workspaceSid, taskSid))?.status;

beforeAll(async () => {
  h = await startAgents();
  await h.party('1002', 'answer');
  await (await h.as('1002')).post('/agent/state', { state: 'Available' });
  const provisioned = await h.stack.store.settings.get<ProvisionedRouting>(ROUTING_SETTING);
  if (!provisioned) throw new Error('the local stack provisions TaskRouter at start');
  sids = provisioned;
}, 60_000);
afterAll(async () => {
  dynamo.uninstall();
  await h?.stop();
});
const placed: string[] = [];
beforeEach(async () => {
  // Each case starts with the agent free: the last case's caller hangs up, and its wrap-up ends.
  for (const callSid of placed.splice(0)) await h.hangup(callSid);
  await (await h.as('1002')).post('/agent/state', { state: 'Available' });
});

describe('a task conference ending', () => {
  it('moves the task to wrap-up once when the customer’s leave and the end arrive together', async () => {
    const center = countedCenter();
    const call = await connected();
    counted.reset();
    const name = call.taskSid;
    await Promise.all([
      onConferenceEvent(center, {
        event: 'participant-leave',
        conferenceName: name,
        conferenceSid: call.conferenceSid,
        callSid: call.callSid,
        customer: call.callSid,
        reasonLeft: 'conference_ended_via_api',
      }),
      onConferenceEvent(center, {
        event: 'conference-end',
        conferenceName: name,
        conferenceSid: call.conferenceSid,
        customer: call.callSid,
      }),
    ]);
    // The task on the call asked for once and moved once, whichever event came first.
    expect(counted.requests.filter((r) => r.endsWith(`/Tasks/${call.taskSid}`))).toHaveLength(2);
    expect(await taskStatus(call.taskSid)).toBe('wrapping');
    // A late copy of the end, in the same container: nothing asked at all.
    counted.reset();
    await onConferenceEvent(center, {
      event: 'conference-end',
      conferenceName: name,
      customer: call.callSid,
    });
    expect(counted.requests).toEqual([]);
  });

  it('asks nothing when an agent’s leg leaves because the whole conference ended', async () => {
    const center = countedCenter();
    const call = await connected();
    counted.reset();
    dynamo.reset();
    dynamo.counting = true;
    await onConferenceEvent(center, {
      event: 'participant-leave',
      conferenceName: call.taskSid,
      conferenceSid: call.conferenceSid,
      callSid: `CA${'9'.repeat(32)}`,
      customer: call.callSid,
      reasonLeft: 'conference_ended_via_api',
    });
    dynamo.counting = false;
    expect(counted.requests).toEqual([]);
    expect(dynamo.counts.reads).toBe(0);
    // The task is still the agent's: ending the conference is what moves it.
    expect(await taskStatus(call.taskSid)).toBe('assigned');
    await onConferenceEvent(center, {
      event: 'conference-end',
      conferenceName: call.taskSid,
      conferenceSid: call.conferenceSid,
      customer: call.callSid,
    });
    expect(await taskStatus(call.taskSid)).toBe('wrapping');
  });

  it('knows the customer’s own leave through the task when the callback does not name them', async () => {
    const center = countedCenter();
    const call = await connected();
    // An agent's leg leaving is not mistaken for the customer's: the call is still the agent's.
    await onConferenceEvent(center, {
      event: 'participant-leave',
      conferenceName: call.taskSid,
      conferenceSid: call.conferenceSid,
      callSid: `CA${'8'.repeat(32)}`,
      reasonLeft: 'participant_hung_up',
    });
    expect(await taskStatus(call.taskSid)).toBe('assigned');
    await onConferenceEvent(center, {
      event: 'participant-leave',
      conferenceName: call.taskSid,
      conferenceSid: call.conferenceSid,
      callSid: call.callSid,
      reasonLeft: 'participant_hung_up',
    });
    expect(await taskStatus(call.taskSid)).toBe('wrapping');
  });

  it('finds the customer through the task when the callback does not name them', async () => {
    const center = countedCenter();
    const call = await connected();
    counted.reset();
    await onConferenceEvent(center, {
      event: 'conference-end',
      conferenceName: call.taskSid,
      conferenceSid: call.conferenceSid,
    });
    expect(counted.requests).toContain(`taskrouter Workspaces/${sids.workspaceSid}/Tasks/${call.taskSid}`);
    expect(await taskStatus(call.taskSid)).toBe('wrapping');
  });
});
