// <Enqueue> (docs/twilio-behaviour.md §3.6): joins a named queue (or a TaskRouter Workflow's, creating the Task), loops the
// waitUrl with the queue parameters until bridged, left, redirected or hung up, then requests the action with
// QueueResult/QueueSid/QueueTime: at once on leave/hang-up, after the bridged call ends when bridged.
import { Signal } from '../call-control.js';
import type { VoiceEngine } from '../engine.js';
import type { QueueMember, QueueResult } from '../queues.js';
import type { Call, Flow, Navigation, Params } from '../types.js';
import { childElements, textOf, type XmlElement } from '../xml.js';
import { intAttr, methodAttr, urlAttr } from './attrs.js';
import type { VerbContext } from './verb-context.js';

export const DEFAULT_HOLD_MUSIC = 'http://com.twilio.music.classical.s3.amazonaws.com/BusyStrings.mp3';

export async function enqueueVerb(ctx: VerbContext, el: XmlElement): Promise<Flow> {
  const { engine, call } = ctx;
  const workflowSid = el.attrs.workflowSid;
  const name = textOf(el);
  const finish = (result: QueueResult, member?: QueueMember) => afterQueue(ctx, el, result, member);
  if (!workflowSid && !name) {
    engine.error(call, 12200, '<Enqueue> needs a queue name or a workflowSid');
    return finish('error');
  }
  // A caller already in the queue is one a restarted twin carries on: same place, same task.
  const resumed = engine.queues.memberOf(call);
  if (resumed) return leaveQueue(ctx, el, resumed);
  const queue = workflowSid
    ? engine.queues.getOrCreate(workflowSid, 100)
    : engine.queues.getOrCreate(name, 1000);
  const limit =
    el.attrs.maxQueueSize !== undefined ? intAttr(el, 'maxQueueSize', queue.maxSize) : queue.maxSize;
  if (queue.members.length >= limit) return finish('queue-full');

  const member = engine.queues.add(queue, call);
  engine.event(call, `enqueued in ${queue.friendlyName}`, { queueSid: queue.sid });
  if (workflowSid) {
    const created = await createTask(engine, call, el, workflowSid);
    if (!created.ok) {
      engine.queues.remove(member);
      return finish(created.result);
    }
    member.taskSid = created.taskSid;
  }
  return leaveQueue(ctx, el, member);
}

/** Waits in the queue until something moves the caller, then tidies up and goes to the action. */
async function leaveQueue(ctx: VerbContext, el: XmlElement, member: QueueMember): Promise<Flow> {
  const { engine } = ctx;
  const finish = (result: QueueResult, m?: QueueMember) => afterQueue(ctx, el, result, m);
  const result = await waitInQueue(ctx, el, member);
  engine.queues.remove(member);
  member.state = 'done';
  // A caller connected to an agent (bridged, or moved on into the conference instruction's conference) keeps
  // its task: only a caller who left unconnected cancels it.
  if (member.taskSid && result !== 'bridged' && result !== 'redirected-from-bridged') {
    await engine.deps.taskRouter()?.cancelTaskForCall(member.taskSid, `call left the queue: ${result}`);
  }
  return finish(result, member);
}

async function waitInQueue(ctx: VerbContext, el: XmlElement, member: QueueMember): Promise<QueueResult> {
  const { engine, call } = ctx;
  const rawWait = el.attrs.waitUrl;
  const waitUrl: Navigation | undefined =
    rawWait && urlAttr(ctx, el, 'waitUrl')
      ? { kind: 'url', url: urlAttr(ctx, el, 'waitUrl') as string, method: methodAttr(el, 'waitUrlMethod') }
      : undefined;
  let waitNav: Navigation | undefined = waitUrl;
  let playedDefault = false;
  for (;;) {
    if (call.control.hungUp) return member.state === 'bridged' ? 'bridged' : 'hangup';
    if (call.control.interruption?.type === 'redirect') {
      return member.state === 'bridged' ? 'redirected-from-bridged' : 'redirected';
    }
    const sig = member.changed;
    if (sig.fired) {
      member.changed = new Signal();
      continue;
    }
    if (member.result) return member.result;
    if (member.state !== 'waiting') {
      await call.control.wait(member.state === 'bridged' ? 'nothing' : 'agent', { until: sig });
      continue;
    }
    if (!waitNav) {
      // No waitUrl: Twilio's classical playlist; waitUrl="" is silence.
      if (rawWait === undefined && !playedDefault) {
        engine.heard(call, { verb: 'play', text: DEFAULT_HOLD_MUSIC });
        playedDefault = true;
      }
      await call.control.wait('queue', { until: sig });
      continue;
    }
    const startedAt = engine.clock.now();
    // The queue's parameters ride on waitUrl requests only; a Gather's action or a Redirect made from the
    // wait document is requested with the usual call parameters (§3.6: the queue parameters are listed for
    // waitUrl requests; [K] that other requests of the wait loop lack them).
    const doc = await engine.load(
      call,
      waitNav,
      false,
      waitNav === waitUrl ? queueParams(engine, member) : {},
    );
    if (sig.fired || call.control.interruption) continue;
    if (!doc) return 'error';
    const mode = waitNav === waitUrl ? 'queue-wait' : 'queue-reply';
    const flow = await engine.runDocument(call, doc.verbs, doc.url, mode, sig);
    if (flow.kind === 'leave') return 'leave';
    if (flow.kind === 'hangup') {
      engine.end(call, 'completed');
      continue;
    }
    // A document that runs out of verbs, whichever it was, hands back to waitUrl: Twilio requests it again
    // (§3.6).
    waitNav = flow.kind === 'goto' ? flow.nav : waitUrl;
    // Out of verbs: Twilio fetches the waitUrl again. Guard against a document that takes no time.
    if (flow.kind === 'next' && engine.clock.now() === startedAt) {
      await call.control.wait('queue', { ms: engine.timing.loopFloorMs, until: sig });
    }
  }
}

export function queueParams(engine: VoiceEngine, member: QueueMember): Params {
  return {
    QueuePosition: String(engine.queues.position(member)),
    QueueSid: member.queue.sid,
    QueueTime: String(engine.queues.waitSeconds(member)),
    AvgQueueTime: String(engine.queues.averageWait(member.queue)),
    CurrentQueueSize: String(member.queue.members.length),
    MaxQueueSize: String(member.queue.maxSize),
  };
}

async function createTask(
  engine: VoiceEngine,
  call: Call,
  el: XmlElement,
  workflowSid: string,
): Promise<{ ok: true; taskSid: string } | { ok: false; result: QueueResult }> {
  const port = engine.deps.taskRouter();
  if (!port) {
    engine.error(call, 20001, `no TaskRouter engine for workflow ${workflowSid}`);
    return { ok: false, result: 'system-error' };
  }
  const taskEl = childElements(el).find((c) => c.name === 'Task');
  let custom: Record<string, unknown> = {};
  if (taskEl && textOf(taskEl)) {
    try {
      custom = JSON.parse(textOf(taskEl)) as Record<string, unknown>;
    } catch {
      engine.error(call, 12200, '<Task> body is not JSON');
      return { ok: false, result: 'error' };
    }
  }
  const attributes = {
    call_sid: call.sid,
    account_sid: engine.accountSid,
    from: call.from,
    to: call.to,
    caller: call.from,
    called: call.to,
    direction: call.direction,
    ...custom,
  };
  const priority = taskEl?.attrs.priority !== undefined ? intAttr(taskEl, 'priority', 0) : undefined;
  const timeout = taskEl?.attrs.timeout !== undefined ? intAttr(taskEl, 'timeout', 0) : undefined;
  const res = await engine.deps.taskRouter()?.createTaskForCall({
    workflowSid,
    callSid: call.sid,
    attributes,
    ...(priority !== undefined ? { priority } : {}),
    ...(timeout !== undefined ? { timeoutSeconds: timeout } : {}),
  });
  if (!res?.ok) {
    engine.error(call, res?.errorCode ?? 20001, `TaskRouter refused the task: ${res?.message ?? ''}`);
    return { ok: false, result: 'system-error' };
  }
  return { ok: true, taskSid: res.taskSid };
}

async function afterQueue(
  ctx: VerbContext,
  el: XmlElement,
  result: QueueResult,
  member?: QueueMember,
): Promise<Flow> {
  const { engine, call } = ctx;
  engine.event(call, `left the queue: ${result}`);
  if (call.control.interruption?.type === 'redirect') return { kind: 'stop' };
  const action = urlAttr(ctx, el, 'action');
  if (!action) return call.control.hungUp ? { kind: 'stop' } : { kind: 'next' };
  const params: Record<string, string> = { QueueResult: result };
  if (member) {
    params.QueueSid = member.queue.sid;
    params.QueueTime = String(engine.queues.waitSeconds(member));
  }
  if (call.control.hungUp) {
    // The caller is gone; Twilio still reports the outcome to the action and ignores the answer.
    await engine.send(call, action, methodAttr(el, 'method'), { ...engine.params(call), ...params });
    return { kind: 'stop' };
  }
  return { kind: 'goto', nav: { kind: 'url', url: action, method: methodAttr(el, 'method'), params } };
}
