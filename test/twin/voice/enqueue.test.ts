// <Enqueue>, <Leave>, <Dial><Queue> and the VoicePort dequeue (docs/twilio-behaviour.md §3.6, §3.7 <Queue>, §3.9, Appendix A
// item 4): waitUrl loop with queue parameters, QueueResult values and action timing, queue-full, workflowSid tasks.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TaskRouterPort } from '../../../infra/local/twin/ports.js';
import { sayMs } from '../../../infra/local/twin/voice/audio-length.js';
import { DEFAULT_TIMING } from '../../../infra/local/twin/voice/engine.js';
import { type Harness, startHarness, xml } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

describe('Enqueue with a named queue (§3.6)', () => {
  it('loops the waitUrl with QueuePosition/QueueSid/QueueTime/AvgQueueTime/CurrentQueueSize/MaxQueueSize', async () => {
    h.route('/voice', xml('<Enqueue waitUrl="/wait" action="/done">support</Enqueue>'));
    h.route('/wait', xml('<Say>Please hold</Say><Pause length="10"/>'));
    const sid = await h.call('/voice');
    expect((await h.view(sid)).waitingFor).toBe('queue');
    // One round of the wait document: the Say, then the Pause.
    const roundMs = sayMs('Please hold', DEFAULT_TIMING) + 10_000;
    const seconds = Math.round(roundMs / 1000);
    await h.advance(roundMs);
    const waits = h.at('/wait');
    expect(waits).toHaveLength(2);
    expect(waits[0]?.params).toMatchObject({
      QueuePosition: '1',
      QueueTime: '0',
      CurrentQueueSize: '1',
      MaxQueueSize: '1000',
      AvgQueueTime: '0',
    });
    expect(waits[1]?.params.QueueTime).toBe(String(seconds));
    expect(waits[0]?.params.QueueSid).toMatch(/^QU[0-9a-f]{32}$/);
    expect(waits[0]?.signatureValid).toBe(true);
    const queues = await h.client.queues.list();
    expect(queues[0]).toMatchObject({
      friendlyName: 'support',
      currentSize: 1,
      maxSize: 1000,
      averageWaitTime: seconds,
    });
    const members = await h.client.queues(queues[0]?.sid as string).members.list();
    expect(members[0]).toMatchObject({ callSid: sid, position: 1, waitTime: seconds });
  });

  it('<Leave> in the wait document fires the action at once with QueueResult=leave', async () => {
    h.route('/voice', xml('<Enqueue waitUrl="/wait" action="/done">support</Enqueue>'));
    h.route(
      '/wait',
      xml('<Gather numDigits="1" action="/press"><Say>Press 1 to leave a voicemail</Say></Gather>'),
    );
    h.route('/press', xml('<Leave/>'));
    h.route('/done', xml('<Say>Leaving the queue</Say>'));
    const sid = await h.call('/voice');
    await h.advance(3000);
    await h.press(sid, '1');
    expect(h.at('/done')[0]?.params).toMatchObject({ QueueResult: 'leave', QueueTime: '3' });
    expect((await h.view(sid)).heard.at(-1).text).toBe('Leaving the queue');
    expect((await h.client.queues.list())[0]?.currentSize).toBe(0);
  });

  it('a Gather action in the wait document gets the usual parameters, and waitUrl is asked again after it [K]', async () => {
    h.route('/voice', xml('<Enqueue waitUrl="/wait" action="/done">support</Enqueue>'));
    h.route('/wait', xml('<Gather numDigits="1" action="/press"><Say>Press 1</Say></Gather>'));
    h.route('/press', xml('<Say>Still holding</Say>'));
    const sid = await h.call('/voice');
    await h.advance(4000);
    await h.press(sid, '7');
    // "Still holding" is spoken, the action's document runs out, and waitUrl is requested again at once.
    const spoken = sayMs('Still holding', DEFAULT_TIMING);
    await h.advance(spoken);
    const press = h.at('/press')[0]?.params;
    expect(press).toMatchObject({ Digits: '7', CallSid: sid });
    // Queue parameters ride on waitUrl requests only (§3.6 lists them there).
    expect(press?.QueueTime).toBeUndefined();
    expect(press?.QueuePosition).toBeUndefined();
    // The action's document ran out of verbs: Twilio requests waitUrl again, with the queue's figures.
    const waits = h.at('/wait');
    expect(waits).toHaveLength(2);
    expect(waits[1]?.params).toMatchObject({
      QueuePosition: '1',
      QueueTime: String(Math.round((4000 + spoken) / 1000)),
    });
    expect(h.at('/press')).toHaveLength(1);
  });

  it('without an action, execution continues after <Enqueue>; <Hangup> in the wait document ends the call', async () => {
    h.route('/voice', xml('<Enqueue waitUrl="/wait">a</Enqueue><Say>after</Say>'));
    h.route('/wait', xml('<Leave/>'));
    const a = await h.call('/voice');
    expect((await h.view(a)).heard.at(-1).text).toBe('after');
    h.route('/wait', xml('<Hangup/>'));
    const b = (await h.sim('/calls', { from: '+1', to: '+18005550100' })).body.callSid as string;
    expect((await h.view(b)).status).toBe('completed');
    expect((await h.view(b)).heard).toEqual([]);
  });

  it('a full queue (maxQueueSize) gives QueueResult=queue-full without QueueSid/QueueTime', async () => {
    h.route('/voice', xml('<Enqueue waitUrl="" maxQueueSize="1" action="/done">tiny</Enqueue>'));
    h.route('/done', xml('<Hangup/>'));
    await h.call('/voice');
    await h.sim('/calls', { from: '+2', to: '+18005550100' });
    const done = h.at('/done')[0]?.params;
    expect(done?.QueueResult).toBe('queue-full');
    expect(done?.QueueSid).toBeUndefined();
    expect(done?.QueueTime).toBeUndefined();
  });

  it('the caller hanging up while queued reports QueueResult=hangup', async () => {
    h.route('/voice', xml('<Enqueue action="/done">support</Enqueue>'));
    h.route('/done', '');
    const sid = await h.call('/voice');
    expect((await h.view(sid)).heard[0].verb).toBe('play'); // the default classical playlist
    await h.advance(4000);
    await h.sim(`/calls/${sid}/hangup`, {});
    await h.twin.idle();
    expect(h.at('/done')[0]?.params).toMatchObject({ QueueResult: 'hangup', QueueTime: '4' });
  });
});

describe('Dial Queue bridges the first caller (§3.7)', () => {
  it('bridges; the caller action fires after the bridge ends with QueueResult=bridged; agent gets DialCallStatus', async () => {
    h.route('/voice', (p) =>
      p.From === '+agent'
        ? xml('<Dial action="/agent-done"><Queue url="/whisper">support</Queue></Dial>')
        : xml('<Enqueue waitUrl="/wait" action="/done">support</Enqueue>'),
    );
    h.route('/wait', xml('<Pause length="30"/>'));
    h.route('/whisper', xml('<Say>Connecting you to an agent</Say>'));
    h.route('/done', xml('<Say>Thanks for calling</Say>'));
    h.route('/agent-done', xml('<Hangup/>'));
    const caller = await h.call('/voice');
    await h.advance(5000);
    const agent = (await h.sim('/calls', { from: '+agent', to: '+18005550100' })).body.callSid as string;
    expect(h.at('/whisper')[0]?.params).toMatchObject({
      DequeingCallSid: agent,
      QueueTime: '5',
      CallSid: caller,
    });
    expect((await h.view(caller)).bridgedTo).toBe(agent);
    expect((await h.view(caller)).heard.at(-1).text).toBe('Connecting you to an agent');
    expect(h.at('/done')).toHaveLength(0); // not until the bridge ends
    await h.advance(60_000);
    await h.sim(`/calls/${agent}/hangup`, {});
    expect(h.at('/done')[0]?.params).toMatchObject({ QueueResult: 'bridged', QueueTime: '5' });
    expect((await h.view(caller)).heard.at(-1).text).toBe('Thanks for calling');
    // The agent hung up, so its Dial action is reported after the fact.
    expect(h.at('/agent-done')[0]?.params).toMatchObject({
      DialCallStatus: 'completed',
      DialCallSid: caller,
      DialCallDuration: '60',
      DialBridged: 'true',
    });
  });

  it('an empty queue waits up to the Dial timeout (no-answer); an unknown queue is a failed dial', async () => {
    h.route('/voice', (p) =>
      xml(
        p.From === '+a'
          ? '<Dial timeout="10" action="/r"><Queue>support</Queue></Dial>'
          : '<Dial action="/r"><Queue>none</Queue></Dial>',
      ),
    );
    h.route('/r', xml('<Hangup/>'));
    h.twin.voice.queues.create('support', 10);
    h.twin.numbers.addNumber('+18005550100', { voiceUrl: h.url('/voice') });
    await h.sim('/calls', { from: '+b', to: '+18005550100' });
    expect(h.at('/r')[0]?.params.DialCallStatus).toBe('failed');
    await h.sim('/calls', { from: '+a', to: '+18005550100' });
    await h.advance(10_000);
    expect(h.at('/r')[1]?.params.DialCallStatus).toBe('no-answer');
  });
});

describe('Enqueue workflowSid and the VoicePort (§3.6, §4.8 dequeue)', () => {
  it('creates the task with call attributes merged with <Task> JSON, and dequeue bridges to client:alice', async () => {
    const created: unknown[] = [];
    const canceled: string[] = [];
    const port: TaskRouterPort = {
      async createTaskForCall(input) {
        created.push(input);
        return { ok: true, taskSid: 'WTtask1' };
      },
      async cancelTaskForCall(taskSid) {
        canceled.push(taskSid);
      },
    };
    h.twin.setTaskRouter(port);
    h.route(
      '/voice',
      xml(
        '<Enqueue workflowSid="WW123" waitUrl="/wait" action="/done"><Task priority="5" timeout="600">{"type":"billing"}</Task></Enqueue>',
      ),
    );
    h.route('/wait', xml('<Pause length="20"/>'));
    h.route('/done', xml('<Say>Goodbye</Say>'));
    const sid = await h.call('/voice');
    expect(created[0]).toMatchObject({
      workflowSid: 'WW123',
      callSid: sid,
      priority: 5,
      timeoutSeconds: 600,
      attributes: {
        type: 'billing',
        call_sid: sid,
        from: '+8613800138000',
        to: '+18005550100',
        direction: 'inbound',
      },
    });
    expect(h.at('/wait')[0]?.params.MaxQueueSize).toBe('100');
    const ring: string[] = [];
    h.twin.parties.register('client:alice', { policy: 'ring', onRing: (r) => ring.push(r.callSid) });
    const outcomes: string[] = [];
    await h.advance(3000);
    await h.twin.voicePort.dequeue({
      callSid: sid,
      reservationSid: 'WR1',
      to: 'client:alice',
      from: '+18005550100',
      onOutcome: (o) => outcomes.push(o),
    });
    await h.twin.idle();
    expect((await h.view(sid)).waitingFor).toBe('queue'); // still waiting while the agent's phone rings
    expect(ring).toHaveLength(1);
    await h.sim(`/calls/${ring[0]}/answer`, {});
    expect(outcomes).toEqual(['bridged']);
    expect((await h.view(sid)).bridgedTo).toBe(ring[0]);
    await h.advance(30_000);
    await h.sim(`/calls/${ring[0]}/hangup`, {});
    expect(h.at('/done')[0]?.params).toMatchObject({ QueueResult: 'bridged', QueueTime: '3' });
    expect(canceled).toEqual([]);
  });

  it('a worker who does not answer leaves the caller queued (no-answer); a caller who leaves cancels the task', async () => {
    const canceled: string[] = [];
    h.twin.setTaskRouter({
      createTaskForCall: async () => ({ ok: true, taskSid: 'WTx' }),
      cancelTaskForCall: async (t) => {
        canceled.push(t);
      },
    });
    h.route('/voice', xml('<Enqueue workflowSid="WW1" waitUrl=""/>'));
    const sid = await h.call('/voice');
    const outcomes: string[] = [];
    await h.twin.voicePort.dequeue({
      callSid: sid,
      reservationSid: 'WR',
      to: 'client:bob',
      from: '+1',
      timeoutSeconds: 15,
      onOutcome: (o) => outcomes.push(o),
    });
    await h.advance(15_000);
    expect(outcomes).toEqual(['no-answer']);
    expect((await h.view(sid)).waitingFor).toBe('queue');
    await h.sim(`/calls/${sid}/hangup`, {});
    expect(canceled).toEqual(['WTx']);
  });

  it('redirect moves a queued call to new TwiML (redirect instruction)', async () => {
    h.twin.setTaskRouter({
      createTaskForCall: async () => ({ ok: true, taskSid: 'WTy' }),
      cancelTaskForCall: async () => {},
    });
    h.route('/voice', xml('<Enqueue workflowSid="WW1" waitUrl=""/>'));
    h.route('/vm', xml('<Say>Voicemail</Say>'));
    const sid = await h.call('/voice');
    await h.twin.voicePort.redirect(sid, h.url('/vm'));
    await h.twin.idle();
    expect((await h.view(sid)).heard.at(-1).text).toBe('Voicemail');
  });
});
