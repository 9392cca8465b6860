// Calls and the channels on the local stack: a call an agent took ends, the status callback queues the
// post-call survey (delayed), the twin delivers it, and "5 great" is stored on the call and the agent; the
// app's pause/resume route reaches the twin's live recording through the official client.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../functions/domain/manual-clock.js';
import { type LocalStack, startLocalStack } from '../../infra/local/start-local-stack.js';
import { recordingPause } from '../../infra/local/twin/voice/rest/recording-control-rest.js';
import { simClient } from '../support/sim.js';
import { fakeWebRoot, LOCAL_EPOCH, tempDir } from './support.js';

const HOTLINE = '+18005550100';
const CALLER = '+8613812345678';

describe('calls and channels on the local stack', () => {
  let stack: LocalStack;
  const dir = tempDir('call-channels');
  const clock = createManualClock(LOCAL_EPOCH);
  beforeAll(async () => {
    stack = await startLocalStack({
      port: 0,
      clock,
      demoData: true,
      webRoot: fakeWebRoot(dir.path),
    });
  }, 30_000);
  afterAll(async () => {
    await stack?.stop();
    dir.remove();
  });

  const sim = simClient(() => stack.url);
  const settle = async () => {
    for (let i = 0; i < 5; i++) {
      await stack.twin.settle();
      await stack.channels.queue.idle();
    }
  };
  const texts = async (to: string) =>
    ((await sim(`/messages?to=${encodeURIComponent(to)}`)).body.messages as { body: string }[]).map(
      (m) => m.body,
    );
  const login = async (id: string) => {
    const res = await fetch(`${stack.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id, password: `demo-${id}` }),
    });
    return ((await res.json()) as { token: string }).token;
  };

  it('a call an agent took ends: the survey text arrives after the delay and "5 great" is stored', async () => {
    const placed = await sim('/calls', { from: CALLER, to: HOTLINE });
    expect(placed.status).toBe(201);
    const callSid = placed.body.callSid as string;
    await settle();
    // What TaskRouter's assignment callback writes when agent 1001 takes the call.
    await stack.store.calls.update(callSid, { agentId: '1001', queue: 'claims' });
    await clock.advance(30_000);
    await sim(`/calls/${callSid}/hangup`, {});
    await settle();
    // Hung up at this instant on the shared manual clock, which nothing has moved since; the status callback's
    // Timestamp carries whole seconds (the greeting took a fraction of one).
    const endedAt = Math.floor(clock.now() / 1000) * 1000;
    expect((await stack.store.calls.get(callSid))?.endedAt).toBe(new Date(endedAt).toISOString());
    expect(await texts(CALLER)).toEqual([]); // not yet: the survey waits SURVEY_DELAY_SECONDS (60)

    await clock.advance(60_000);
    await settle();
    const sent = await texts(CALLER);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('1');

    await sim('/messages', { from: CALLER, to: HOTLINE, body: '5 great' });
    await settle();
    const survey = await stack.store.messaging.getSurvey(callSid);
    expect(survey).toMatchObject({ callSid, agentId: '1001', phone: CALLER, rating: 5, comment: 'great' });
    const byAgent = (await stack.store.messaging.surveysByAgent('1001')).items;
    expect(byAgent.map((s) => s.callSid)).toContain(callSid);
    expect((await texts(CALLER)).length).toBe(2); // the thank-you
    // The history counts the survey asked and answered (5 of 5 is 10 on the CSAT scale) with the agent.
    const events = await stack.store.events.ofCall(callSid);
    expect(
      events.filter((e) => e.type.startsWith('survey.')).map((e) => [e.type, e.agent, e.n?.score]),
    ).toEqual([
      ['survey.answered', '1001', 10],
      ['survey.offered', '1001', undefined],
    ]);
  });

  it('a call that ended without an agent gets no survey', async () => {
    const other = '+8613812340000';
    const placed = await sim('/calls', { from: other, to: HOTLINE });
    await settle();
    await sim(`/calls/${placed.body.callSid}/hangup`, {});
    await clock.advance(120_000);
    await settle();
    expect(await texts(other)).toEqual([]);
  });

  it('pause and resume reach the live recording in the twin through the app route', async () => {
    const call = await stack.twilio.calls.create({
      to: '+8613800000001',
      from: HOTLINE,
      twiml: '<Response><Pause length="600"/></Response>',
      record: true,
    });
    await settle();
    await clock.advance(1000);
    await stack.store.calls.record({
      callSid: call.sid,
      direction: 'outbound',
      from: HOTLINE,
      to: '+8613800000001',
      startedAt: new Date(stack.clock.now()).toISOString(),
      status: 'in-progress',
      agentId: '1001',
    });
    const rec = [...stack.twin.voice.voice.recordings.recordings.values()].find(
      (r) => r.callSid === call.sid,
    );
    if (!rec) throw new Error('no live recording');
    const token = await login('1001');
    const control = (action: string, as = token) =>
      fetch(`${stack.url}/api/calls/${call.sid}/recording`, {
        method: 'POST',
        headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json' },
        body: JSON.stringify({ action }),
      });
    expect((await control('pause')).status).toBe(200);
    expect(recordingPause(rec)).toMatchObject({ behavior: 'silence' });
    expect((await control('resume')).status).toBe(200);
    expect(recordingPause(rec)).toBeUndefined();
    expect((await control('pause', await login('1002'))).status).toBe(403);
    const audit = (await stack.store.audit.byActor('1001')).items.map((a) => a.action);
    expect(audit).toEqual(expect.arrayContaining(['recording.pause', 'recording.resume']));
  });
});
