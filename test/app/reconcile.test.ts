// Reconciliation against the twin on the local stack: call records left open while the provider ended the
// call are closed with its end, calls it never knew are closed as lost, live ones are left alone; finished
// recordings we never heard of are copied; tasks and agents tied to ended calls are released.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTwilioPorts, type TwilioPorts } from '../../functions/adapters/twilio/twilio-ports.js';
import { LOST_STATUS } from '../../functions/app/reconcile.js';
import { agentCallKey } from '../../functions/domain/agent-state.js';
import { createManualClock } from '../../functions/domain/manual-clock.js';
import type { NewCallRecord } from '../../functions/domain/ports.js';
import { type ProvisionedRouting, ROUTING_SETTING } from '../../functions/domain/routing/provisioned.js';
import { LOCAL_TWILIO } from '../../infra/local/local-config.js';
import { type LocalStack, startLocalStack } from '../../infra/local/start-local-stack.js';
import { createCapturingLogger } from '../support/capturing-logger.js';

const HOTLINE = '+18005550100';
const CUSTOMER = '+8613900000001';
const OTHER = '+8613900000002';
const WAIT = '<Response><Pause length="3600"/></Response>';
const UNKNOWN = `CA${'e'.repeat(32)}`;

describe('reconcile', () => {
  const clock = createManualClock(Date.parse('2026-12-07T02:00:00Z'));
  const logger = createCapturingLogger();
  let stack: LocalStack;
  let ports: TwilioPorts;
  let sids: ProvisionedRouting;

  beforeAll(async () => {
    stack = await startLocalStack({ port: 0, clock, demoData: true, logger });
    ports = createTwilioPorts({
      accountSid: stack.config.twilio.accountSid,
      authToken: LOCAL_TWILIO.authToken,
      apiBaseUrl: stack.config.twilio.apiBaseUrl ?? stack.url,
    });
    const provisioned = await stack.store.settings.get<ProvisionedRouting>(ROUTING_SETTING);
    if (!provisioned) throw new Error('the local stack provisions TaskRouter at start');
    sids = provisioned;
  }, 60_000);
  afterAll(() => stack?.stop());

  /** A call placed through the REST API (no status callback), recorded as the app would have. */
  async function placed(twiml: string, extra: Partial<NewCallRecord> = {}) {
    const call = await ports.telephony.createCall({ from: HOTLINE, to: CUSTOMER, twiml });
    await stack.twin.settle();
    await stack.store.calls.record({
      callSid: call.sid,
      direction: 'outbound',
      from: HOTLINE,
      to: CUSTOMER,
      startedAt: new Date(clock.now()).toISOString(),
      status: 'in-progress',
      ...extra,
    });
    return call.sid;
  }

  async function hangUp(callSid: string) {
    await ports.telephony.updateCall(callSid, { status: 'completed' });
    await stack.twin.settle();
  }

  it('starts with nothing to do on a fresh data folder', () => {
    expect(stack.reconciledAtStart).toMatchObject({ checked: 0, closed: 0, lost: 0, live: 0 });
  });

  it('closes ended and unknown calls, leaves live ones, copies lost recordings, and releases work', async () => {
    const live = await placed(WAIT);
    const ended = await placed(WAIT, { agentId: '1001' });
    const recorded = await placed(
      `<Response><Dial record="record-from-answer"><Number>${OTHER}</Number></Dial></Response>`,
    );
    await stack.store.calls.record({
      callSid: UNKNOWN,
      direction: 'inbound',
      from: CUSTOMER,
      to: HOTLINE,
      startedAt: new Date(clock.now()).toISOString(),
      status: 'ringing',
    });
    await clock.advance(20_000);
    await stack.store.calls.update(UNKNOWN, { status: 'in-progress' });
    const lastSeen = new Date(clock.now()).toISOString();
    await clock.advance(40_000);
    await hangUp(ended);
    await hangUp(recorded);
    const providerEnd = (await ports.telephony.call(ended))?.endedAt;
    await clock.advance(60_000);

    // Work still tied to the ended call: a task waiting for an agent, and an agent's click-to-dial marker.
    const orphan = await ports.taskrouter.createTask(sids.workspaceSid, {
      workflowSid: sids.workflowSid,
      taskChannel: 'voice',
      attributes: { call_sid: ended, type: 'inbound', queue: 'general', skill: 'general', language: 'zh' },
    });
    const callback = await ports.taskrouter.createTask(sids.workspaceSid, {
      workflowSid: sids.workflowSid,
      taskChannel: 'voice',
      attributes: { call_sid: ended, type: 'callback', queue: 'general', skill: 'general', language: 'zh' },
    });
    const ofLiveCall = await ports.taskrouter.createTask(sids.workspaceSid, {
      workflowSid: sids.workflowSid,
      taskChannel: 'voice',
      attributes: { call_sid: live, type: 'inbound', queue: 'general', skill: 'general', language: 'zh' },
    });
    await stack.store.keys.putIfAbsent(
      agentCallKey('1001'),
      JSON.stringify({ conference: 'out-1001-1', callSid: ended }),
      new Date(clock.now() + 3_600_000).toISOString(),
    );
    await stack.twin.settle();

    const [recording] = await ports.telephony.recordings(recorded);
    if (!recording) throw new Error('the twin recorded the dialled leg');

    logger.lines.length = 0;
    const report = await stack.reconcile();
    // The manual clock runs jobs due now when it is next moved.
    await clock.advance(0);
    await stack.channels.queue.idle();
    expect(report).toMatchObject({
      checked: 4,
      closed: 2,
      lost: 1,
      live: 1,
      waiting: 0,
      unreachable: 0,
      recordingsQueued: 1,
      tasksCanceled: 1,
      agentsReleased: 1,
    });

    expect(await stack.store.calls.get(live)).toMatchObject({ status: 'in-progress' });
    expect((await stack.store.calls.get(live))?.endedAt).toBeUndefined();
    expect(await stack.store.calls.get(ended)).toMatchObject({ status: 'completed', endedAt: providerEnd });
    expect(await stack.store.calls.get(UNKNOWN)).toMatchObject({ status: LOST_STATUS, endedAt: lastSeen });

    expect(await stack.store.recordings.get(recording.sid)).toMatchObject({ callSid: recorded });
    expect((await stack.store.calls.get(recorded))?.recordingSids).toEqual([recording.sid]);
    // Copied, so the provider's copy is gone: the recordings worker ran as for a callback.
    expect(await ports.telephony.recordings(recorded)).toEqual([]);

    expect((await ports.taskrouter.task(sids.workspaceSid, orphan.sid))?.status).toBe('canceled');
    expect((await ports.taskrouter.task(sids.workspaceSid, callback.sid))?.status).not.toBe('canceled');
    expect((await ports.taskrouter.task(sids.workspaceSid, ofLiveCall.sid))?.status).not.toBe('canceled');
    expect(await stack.store.keys.get(agentCallKey('1001'))).toBeUndefined();

    expect((await stack.store.calls.open()).items.map((c) => c.callSid)).toEqual([live]);
    expect(logger.lines).toContainEqual(
      expect.objectContaining({ level: 'info', msg: 'reconcile done', checked: 4, lost: 1, closed: 2 }),
    );

    // A second run finds only the live call and changes nothing.
    expect(await stack.reconcile()).toMatchObject({
      checked: 1,
      live: 1,
      closed: 0,
      lost: 0,
      recordingsQueued: 0,
    });
  });
});
