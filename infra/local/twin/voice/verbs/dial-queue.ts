// <Dial><Queue> (docs/twilio-behaviour.md §3.7): connects to the first caller waiting in the named queue (waiting up to the Dial
// timeout if it is empty), runs the noun's `url` on that caller, bridges them; the caller's <Enqueue> action then
// fires after the bridge ends with QueueResult=bridged. A queue that does not exist is a failed dial.

import type { VoiceEngine } from '../engine.js';
import type { QueueMember } from '../queues.js';
import type { Call, Flow } from '../types.js';
import { textOf, type XmlElement } from '../xml.js';
import { intAttr, methodAttr, urlAttr } from './attrs.js';
import { afterDial, announce } from './dial-result.js';
import type { VerbContext } from './verb-context.js';

export async function dialQueue(ctx: VerbContext, el: XmlElement, noun: XmlElement): Promise<Flow> {
  const { engine, call } = ctx;
  const queue = engine.queues.byName(textOf(noun));
  if (!queue) {
    engine.error(call, 12200, `<Queue>${textOf(noun)}</Queue> does not exist`);
    return afterDial(ctx, el, { DialCallStatus: 'failed', DialBridged: 'false' });
  }
  if (noun.attrs.reservationSid)
    engine.event(call, 'reservationSid on <Queue> is not simulated; use the dequeue instruction');
  const deadline = engine.clock.now() + intAttr(el, 'timeout', 30) * 1000;
  let member: QueueMember | undefined;
  for (;;) {
    member = engine.queues.firstWaiting(queue);
    if (member) break;
    const o = await call.control.wait('queue', { ms: deadline - engine.clock.now(), until: queue.joined });
    if (o.type === 'timeout')
      return afterDial(ctx, el, { DialCallStatus: 'no-answer', DialBridged: 'false' });
    if (o.type === 'interrupted')
      return afterDial(ctx, el, { DialCallStatus: 'canceled', DialBridged: 'false' });
  }
  member.state = 'bridging';
  member.leftAt = engine.clock.now();
  engine.queues.poke(member);
  const caller = member.call;
  const url = urlAttr(ctx, noun, 'url');
  if (url) {
    const doc = await engine.load(caller, { kind: 'url', url, method: methodAttr(noun, 'method') }, false, {
      QueueSid: queue.sid,
      QueueTime: String(engine.queues.waitSeconds(member)),
      DequeingCallSid: call.sid,
    });
    if (doc) announce(ctx, doc.verbs, caller);
  }
  if (engine.isEnded(caller) || call.control.interruption) {
    return afterDial(ctx, el, { DialCallStatus: 'canceled', DialCallSid: caller.sid, DialBridged: 'false' });
  }
  const bridge = bridgeMember(engine, member, call);
  while (!bridge.ended.fired) {
    const o = await call.control.wait('nothing', { until: bridge.ended });
    if (o.type === 'interrupted') engine.endBridge(call);
  }
  return afterDial(ctx, el, {
    DialCallStatus: 'completed',
    DialCallSid: caller.sid,
    DialCallDuration: String(Math.round(((bridge.endedAt ?? engine.clock.now()) - bridge.startedAt) / 1000)),
    DialBridged: 'true',
    QueueSid: queue.sid,
  });
}

/** Bridges a queued caller to `peer`, marking the member bridged until the bridge ends. */
export function bridgeMember(
  engine: VoiceEngine,
  member: QueueMember,
  peer: Call,
  passive: readonly string[] = [],
) {
  const bridge = engine.bridge(member.call, peer, passive);
  member.state = 'bridged';
  member.leftAt ??= engine.clock.now();
  engine.queues.poke(member);
  void bridge.ended.promise.then(() => {
    member.result = 'bridged';
    engine.queues.poke(member);
  });
  return bridge;
}
