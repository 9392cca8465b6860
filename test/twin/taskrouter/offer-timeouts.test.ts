// An offer nobody answers: the reservation times out on the workflow's task_reservation_timeout (not a
// reject), the worker moves to the workspace's timeout activity, the task goes to the next worker and the
// agent leg still ringing is hung up. The instructions' own ring timeouts and status events, and a
// Participants-API leg that never answers, are checked on the real voice twin.
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness, xml } from '../support/harness.js';
import { bench, json } from './support.js';

const ASSIGN_URL = 'https://cc.example.com/twilio/taskrouter/assignment';

describe('reservation timeout (docs/twilio-behaviour.md §4.1, §4.7)', () => {
  it('an unanswered conference leg leaves the reservation pending until it times out, then re-offers', async () => {
    const b = bench({ eventCallbackUrl: 'https://cc.example.com/twilio/taskrouter/events' });
    const missed = b.engine.createActivity(b.ws, 'Missed', false);
    b.engine.updateWorkspace(b.ws, { timeoutActivitySid: missed.sid });
    const q = b.queue('q');
    b.workflow(
      { filters: [], default_filter: { queue: q.sid } },
      { assignmentCallbackUrl: ASSIGN_URL, taskReservationTimeout: 20 },
    );
    const alice = b.worker('alice', { contact_uri: 'client:alice' });
    b.hooks.reply = () => json({ instruction: 'conference', from: '+18005550100', timeout: '25' });
    const created = await b.engine.createTaskForCall({
      workflowSid: [...b.engine.workspace(b.ws).workflows.keys()][0] ?? '',
      callSid: `CA${'1'.repeat(32)}`,
      attributes: { type: 'voice' },
    });
    if (!created.ok) throw new Error(created.message);
    await b.engine.settle();
    const task = b.engine.task(b.ws, created.taskSid);
    const first = task.reservations[0];
    let legHungUp = 0;
    const registerCancel = b.voice.calls[0]?.input.registerCancel as
      | ((cancel: () => void) => void)
      | undefined;
    registerCancel?.(() => legHungUp++);
    expect(registerCancel).toBeTypeOf('function');

    // The agent's phone stops ringing on its own: TaskRouter does not count that as a reject.
    b.voice.outcomes[0]?.('no-answer');
    expect(first?.status).toBe('pending');
    const bob = b.worker('bob', { contact_uri: 'client:bob' });
    expect(bob.active.size).toBe(0);

    b.clock.advance(20_000);
    await b.engine.settle();
    expect(first?.status).toBe('timeout');
    expect(b.events()).toContain('reservation.timeout');
    expect(b.events()).not.toContain('reservation.rejected');
    // §4.1: the timeout activity, here the center's own unavailable "Missed".
    expect(alice.activity).toBe(missed);
    expect(legHungUp).toBe(1);
    // The task is offered again at once, to the next eligible worker.
    expect(task.reservations.filter((r) => r.status === 'pending').map((r) => r.worker)).toEqual([bob]);
  });
});

describe('instructions and participants on the voice twin', () => {
  let h: Harness;
  afterEach(() => h?.close());

  it('the call instruction rings for its Timeout and sends only completed (§1.3, §4.7)', async () => {
    h = await startHarness();
    h.route('/status', '');
    h.route('/agent-twiml', xml('<Say>Callback</Say>'));
    await h.twin.voicePort.call({
      from: '+18005550100',
      to: 'client:away',
      url: h.url('/agent-twiml'),
      timeoutSeconds: 10,
      statusCallbackUrl: h.url('/status'),
    });
    await h.advance(9_000);
    expect(h.at('/status')).toHaveLength(0);
    await h.advance(2_000);
    const sent = h.at('/status').map((r) => r.params.CallStatus);
    expect(sent).toEqual(['no-answer']);
  });

  it('a participant that never answers is reported leaving with participant_add_failed (§3.8, §8.2)', async () => {
    h = await startHarness();
    h.twin.numbers.addNumber('+18005550100', { voiceUrl: h.url('/voice') });
    h.route('/events', '');
    h.route(
      '/voice',
      xml(
        '<Dial><Conference statusCallback="/events" statusCallbackEvent="join leave">desk</Conference></Dial>',
      ),
    );
    await h.sim('/calls', { from: '+cust', to: '+18005550100' });
    const p = await h.client
      .conferences('desk')
      .participants.create({ from: '+18005550100', to: 'client:nobody', timeout: 10, label: 'agent' });
    await h.advance(15_000);
    const leave = h.at('/events').filter((r) => r.params.StatusCallbackEvent === 'participant-leave');
    expect(leave.map((r) => r.params)).toEqual([
      expect.objectContaining({
        CallSid: p.callSid,
        ParticipantLabel: 'agent',
        ParticipantCallStatus: 'no-answer',
        ReasonParticipantLeft: 'participant_add_failed',
      }),
    ]);
  });
});
