// Event callbacks and the assignment callback of the TaskRouter twin, with the instructions a reply
// can carry, driven through fakes of the customer's server and of the voice engine.
import { describe, expect, it } from 'vitest';
import { bench, json } from './support.js';

const EVENTS_URL = 'https://cc.example.com/twilio/taskrouter/events';
const ASSIGN_URL = 'https://cc.example.com/twilio/taskrouter/assignment';

function withCallbacks(workspace: Record<string, unknown> = {}) {
  const b = bench({ eventCallbackUrl: EVENTS_URL, ...workspace });
  const q = b.queue('q');
  b.workflow({ filters: [], default_filter: { queue: q.sid } }, { assignmentCallbackUrl: ASSIGN_URL });
  return { ...b, q };
}

describe('event callbacks', () => {
  it('posts events in order with the documented fields', async () => {
    // docs/twilio-behaviour.md §4.9: parameters on every event and the typical order for a routed task
    const b = withCallbacks();
    b.worker('alice', { contact_uri: 'client:alice' });
    const task = b.task({ type: 'voice' });
    const r = task.reservations[0];
    if (!r) throw new Error('no reservation');
    await b.engine.instruct(b.ws, r.sid, { kind: 'accept' });
    b.engine.updateTask(b.ws, task.sid, { assignmentStatus: 'wrapping' });
    b.engine.updateTask(b.ws, task.sid, { assignmentStatus: 'completed', reason: 'done' });
    await b.engine.settle();
    const sent = b.hooks.requests
      .filter((q) => q.url === EVENTS_URL)
      .map((q) => q.params as Record<string, string>);
    const forTask = sent.filter((p) => p.TaskSid === task.sid).map((p) => p.EventType);
    expect(forTask).toEqual([
      'task.created',
      'workflow.entered',
      'workflow.target-matched',
      'task-queue.entered',
      'reservation.created',
      'reservation.accepted',
      'task.wrapup',
      'reservation.wrapup',
      'task.completed',
      'reservation.completed',
    ]);
    const created = sent.find((p) => p.EventType === 'reservation.created');
    expect(created).toMatchObject({
      AccountSid: b.engine.account.accountSid,
      WorkspaceSid: b.ws,
      WorkspaceName: 'Contact center',
      ResourceType: 'Reservation',
      ResourceSid: r.sid,
      ReservationSid: r.sid,
      TaskSid: task.sid,
      TaskQueueSid: b.q.sid,
      WorkerSid: r.worker.sid,
      WorkerName: 'alice',
      TaskAssignmentStatus: 'reserved',
    });
    for (const p of sent)
      expect(Object.keys(p)).toEqual(expect.arrayContaining(['EventType', 'EventDescription', 'Timestamp']));
    expect(b.hooks.requests.every((q) => q.method === 'POST')).toBe(true);
  });

  it('sends only the events named in events_filter, but records them all', async () => {
    // docs/twilio-behaviour.md §4.9: for every event or only those in events_filter
    const b = withCallbacks({ eventsFilter: 'task.created,task.canceled' });
    const task = b.task();
    b.engine.updateTask(b.ws, task.sid, { assignmentStatus: 'canceled', reason: 'gone' });
    await b.engine.settle();
    const sent = b.hooks.requests
      .filter((q) => q.url === EVENTS_URL)
      .map((q) => (q.params as Record<string, string>).EventType);
    expect(sent).toEqual(['task.created', 'task.canceled']);
    expect(b.events()).toContain('task-queue.entered');
  });

  it('applies an events_filter set by a workspace update from the next event, and never posts the others', async () => {
    // docs/twilio-behaviour.md §4.1: Update takes EventsFilter; §4.9: only the events in events_filter are posted
    const b = withCallbacks();
    await b.engine.settle();
    const before = b.hooks.requests.length;
    b.engine.updateWorkspace(b.ws, { eventsFilter: 'reservation.timeout, reservation.rejected' });
    const alice = b.worker('alice');
    const task = b.task({ type: 'voice' });
    const r = task.reservations[0];
    if (!r) throw new Error('no reservation');
    await b.engine.instruct(b.ws, r.sid, { kind: 'reject' });
    b.setAvailable(alice, false);
    b.engine.updateTask(b.ws, task.sid, { assignmentStatus: 'canceled', reason: 'gone' });
    await b.engine.settle();
    const sent = b.hooks.requests
      .slice(before)
      .filter((q) => q.url === EVENTS_URL)
      .map((q) => (q.params as Record<string, string>).EventType);
    expect(sent).toEqual(['reservation.rejected']);
    expect(b.events()).toEqual(
      expect.arrayContaining([
        'workspace.updated',
        'task.created',
        'worker.activity.update',
        'task.canceled',
      ]),
    );
  });

  it('reports activity changes with the time spent in the previous activity', async () => {
    // docs/twilio-behaviour.md §4.9: WorkerTimeInPreviousActivity (s), ...Ms and WorkerPreviousActivitySid
    const b = withCallbacks();
    const alice = b.worker('alice');
    await b.clock.advance(90_500);
    b.setAvailable(alice, false);
    await b.engine.settle();
    const p = b.hooks.requests
      .map((q) => q.params as Record<string, string>)
      .find((x) => x.EventType === 'worker.activity.update');
    expect(p).toMatchObject({
      WorkerTimeInPreviousActivity: '90',
      WorkerTimeInPreviousActivityMs: '90500',
      WorkerPreviousActivitySid: b.available.sid,
      WorkerActivityName: 'Offline',
    });
  });
});

describe('assignment callback', () => {
  it('posts the documented parameters when a reservation is created', async () => {
    // docs/twilio-behaviour.md §4.8: the request parameters
    const b = withCallbacks();
    b.worker('alice', { skills: ['support'] });
    const task = b.task({ type: 'voice' }, { priority: 5 });
    await b.engine.settle();
    const req = b.hooks.requests.find((q) => q.url === ASSIGN_URL);
    expect(req?.method).toBe('POST');
    expect(req?.params).toMatchObject({
      AccountSid: b.engine.account.accountSid,
      WorkspaceSid: b.ws,
      WorkflowSid: task.workflow?.sid,
      TaskQueueSid: b.q.sid,
      WorkerSid: task.reservations[0]?.worker.sid,
      WorkerAttributes: '{"skills":["support"]}',
      TaskSid: task.sid,
      TaskAttributes: '{"type":"voice"}',
      TaskAge: '0',
      TaskPriority: '5',
      ReservationSid: task.reservations[0]?.sid,
    });
    expect(Object.keys(req?.params ?? {})).toContain('Timestamp');
  });

  it('an empty or {} reply leaves the reservation pending; accept accepts it', async () => {
    // docs/twilio-behaviour.md §4.8: empty body or {} means handle later
    const b = withCallbacks();
    b.worker('alice');
    b.worker('bob');
    b.hooks.reply = (req) =>
      req.url === ASSIGN_URL ? json({}) : { ok: true, status: 204, contentType: '', body: '' };
    const later = b.task();
    await b.engine.settle();
    expect(later.reservations[0]?.status).toBe('pending');
    b.hooks.reply = () => json({ instruction: 'accept' });
    const now = b.task();
    await b.engine.settle();
    expect(now.status).toBe('assigned');
  });

  it('reject with activity_sid moves the worker', async () => {
    // docs/twilio-behaviour.md §4.8: {"instruction":"reject","activity_sid":"WA..."}
    const b = withCallbacks();
    const alice = b.worker('alice');
    b.hooks.reply = () => json({ instruction: 'reject', activity_sid: b.offline.sid });
    const task = b.task();
    await b.engine.settle();
    expect(task.reservations[0]?.status).toBe('rejected');
    expect(alice.activity).toBe(b.offline);
  });

  it('dequeue bridges the queued caller to the worker contact_uri and accepts once bridged', async () => {
    // docs/twilio-behaviour.md §4.8: dequeue; `to` defaults to the worker's contact_uri; accepted when the agent leg connects
    const b = withCallbacks();
    b.worker('alice', { contact_uri: 'client:alice' });
    const post = b.engine.createActivity(b.ws, 'Wrap up', false);
    b.hooks.reply = () =>
      json({ instruction: 'dequeue', from: '+18005550100', post_work_activity_sid: post.sid, timeout: '20' });
    const result = await b.engine.createTaskForCall({
      workflowSid: [...b.engine.workspace(b.ws).workflows.keys()][0] ?? '',
      callSid: `CA${'1'.repeat(32)}`,
      attributes: { type: 'voice', from: '+8613800138000' },
    });
    if (!result.ok) throw new Error(result.message);
    await b.engine.settle();
    expect(b.voice.calls[0]).toMatchObject({
      op: 'dequeue',
      input: { callSid: `CA${'1'.repeat(32)}`, to: 'client:alice', from: '+18005550100', timeoutSeconds: 20 },
    });
    const task = b.engine.task(b.ws, result.taskSid);
    expect(task.channel.uniqueName).toBe('voice');
    expect(task.status).toBe('reserved');
    b.voice.outcomes[0]?.('bridged');
    expect(task.status).toBe('assigned');
    b.engine.updateTask(b.ws, task.sid, { assignmentStatus: 'wrapping' });
    expect(task.reservations[0]?.worker.activity).toBe(post);
  });

  it('conference puts caller and worker in a conference and records it on the task', async () => {
    // docs/twilio-behaviour.md §4.8: conference instruction; [K] conference sid added to the task attributes
    const b = withCallbacks();
    b.worker('alice', { contact_uri: 'client:alice' });
    b.hooks.reply = () =>
      json({ instruction: 'conference', from: '+18005550100', end_conference_on_customer_exit: true });
    const wf = [...b.engine.workspace(b.ws).workflows.keys()][0] ?? '';
    const result = await b.engine.createTaskForCall({
      workflowSid: wf,
      callSid: `CA${'2'.repeat(32)}`,
      attributes: {},
    });
    if (!result.ok) throw new Error(result.message);
    await b.engine.settle();
    expect(b.voice.calls[0]).toMatchObject({
      op: 'conference',
      input: { to: 'client:alice', taskSid: result.taskSid, params: { EndConferenceOnCustomerExit: 'true' } },
    });
    b.voice.outcomes[0]?.('bridged', `CF${'3'.repeat(32)}`);
    const task = b.engine.task(b.ws, result.taskSid);
    expect(task.status).toBe('assigned');
    expect(JSON.parse(task.attributesJson).conference).toEqual({ sid: `CF${'3'.repeat(32)}` });
  });

  it('call places a call to the worker and accepts at once with accept true; redirect moves the call', async () => {
    // docs/twilio-behaviour.md §4.8: call with accept:true; redirect with call_sid and url
    const b = withCallbacks();
    b.worker('alice', { contact_uri: 'client:alice' });
    b.worker('bob', { contact_uri: 'client:bob' });
    b.hooks.reply = () =>
      json({
        instruction: 'call',
        accept: 'true',
        url: 'https://cc.example.com/agent',
        from: '+18005550100',
      });
    const called = b.task();
    await b.engine.settle();
    expect(b.voice.calls[0]).toMatchObject({
      op: 'call',
      input: { to: 'client:alice', url: 'https://cc.example.com/agent' },
    });
    expect(called.status).toBe('assigned');
    b.hooks.reply = () =>
      json({
        instruction: 'redirect',
        call_sid: `CA${'4'.repeat(32)}`,
        url: 'https://cc.example.com/next',
        accept: true,
      });
    const redirected = b.task();
    await b.engine.settle();
    expect(b.voice.calls[1]).toMatchObject({
      op: 'redirect',
      input: { callSid: `CA${'4'.repeat(32)}`, url: 'https://cc.example.com/next' },
    });
    expect(redirected.status).toBe('assigned');
  });

  it('a caller who hangs up while queued cancels the task through the port', async () => {
    // docs/twilio-behaviour.md §4.8 (dequeue: caller hangs up first -> task canceled) [K]; TaskRouterPort.cancelTaskForCall
    const b = withCallbacks();
    const wf = [...b.engine.workspace(b.ws).workflows.keys()][0] ?? '';
    const result = await b.engine.createTaskForCall({
      workflowSid: wf,
      callSid: `CA${'5'.repeat(32)}`,
      attributes: {},
    });
    if (!result.ok) throw new Error(result.message);
    await b.engine.cancelTaskForCall(result.taskSid, 'hangup');
    expect(b.engine.task(b.ws, result.taskSid).status).toBe('canceled');
    expect(
      await b.engine.createTaskForCall({ workflowSid: 'WWnope', callSid: 'CA1', attributes: {} }),
    ).toMatchObject({ ok: false });
  });
});
