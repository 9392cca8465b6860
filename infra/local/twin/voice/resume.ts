// Sets restored calls going again after a restart of the twin. A call in a stable place carries on where it
// was: waiting in a queue (its place and task kept, the wait music starting over) or in a conference (its
// hold and mute kept). A call in the middle of an IVR document fetches that document again, as after a
// redirect to the same URL. Anything else (a leg still ringing, a two-party bridge, a <Record> under way)
// cannot be picked up faithfully, so it ends as if the caller had hung up, with its status callback sent.
import type { VoiceEngine } from './engine.js';
import type { Call } from './types.js';

export interface ResumeReport {
  /** Back in their queue or conference. */
  readonly resumed: number;
  /** Fetching their current document again. */
  readonly refetched: number;
  /** Could not be carried on: ended with a status callback. */
  readonly ended: number;
}

type Plan =
  | { readonly kind: 'at'; readonly index: number }
  | { readonly kind: 'refetch' }
  | { readonly kind: 'end' };

/** Carries on every call the restored engine holds live; returns what it did with them. */
export function resumeCalls(engine: VoiceEngine): ResumeReport {
  let resumed = 0;
  let refetched = 0;
  let ended = 0;
  const live = [...engine.calls.values()].filter((c) => !engine.isEnded(c));
  const plans = new Map(live.map((call) => [call, planFor(engine, call)]));
  // Ends first, so a resumed caller never waits on a partner that is about to be dropped.
  for (const [call, plan] of plans) {
    if (plan.kind !== 'end') continue;
    endRestored(engine, call);
    ended++;
  }
  for (const [call, plan] of plans) {
    if (plan.kind === 'end' || engine.isEnded(call)) continue;
    announceEnd(engine, call);
    if (plan.kind === 'at') {
      void resumeAt(engine, call, plan.index);
      resumed++;
    } else {
      const nav = call.position?.nav;
      if (!nav) continue;
      // Only a call still fetching its very first document may use the number's fallback URL.
      void engine.run(call, nav, call.position?.doc === undefined && call.status === 'ringing');
      refetched++;
    }
  }
  return { resumed, refetched, ended };
}

function planFor(engine: VoiceEngine, call: Call): Plan {
  const position = call.position;
  const verb = position?.doc?.verbs[position.index ?? 0];
  const index = position?.index ?? 0;
  if (verb?.name === 'Enqueue' && engine.queues.memberOf(call)) return { kind: 'at', index };
  if (verb?.name === 'Dial' && engine.conferences.participantOf(call)) return { kind: 'at', index };
  if (!position || verb?.name === 'Dial' || verb?.name === 'Record') return { kind: 'end' };
  // Fetching the first document, or inside an IVR document: ask for the same document again.
  if (call.status === 'in-progress' || (call.direction === 'inbound' && call.status === 'ringing'))
    return { kind: 'refetch' };
  return { kind: 'end' };
}

/** Runs the rest of the saved document from the verb the call was on, then follows it as the runner does. */
async function resumeAt(engine: VoiceEngine, call: Call, index: number): Promise<void> {
  const position = call.position;
  const doc = position?.doc;
  if (!position || !doc) return;
  call.position = { nav: position.nav };
  const flow = await engine.runDocument(call, doc.verbs.slice(index), doc.url, 'main');
  const next = call.control.takeRedirect() ?? (flow.kind === 'goto' ? flow.nav : undefined);
  if (next) return engine.run(call, next);
  if (call.control.hungUp || flow.kind === 'stop') return;
  engine.end(call, flow.kind === 'hangup' ? (flow.status ?? 'completed') : 'completed');
}

/** A leg answered by a device (an agent's page) tells that device when the call is over, as when it rang. */
function announceEnd(engine: VoiceEngine, call: Call): void {
  if (call.direction === 'inbound') return;
  engine.onEnd(call, (c) => engine.deps.parties.emit({ type: 'ended', callSid: c.sid, to: c.to }));
}

function endRestored(engine: VoiceEngine, call: Call): void {
  const participant = engine.conferences.participantOf(call);
  const member = engine.queues.memberOf(call);
  engine.event(call, 'could not be resumed after a restart of the twin');
  engine.end(call, call.status === 'in-progress' ? 'completed' : 'canceled');
  if (participant) engine.conferences.leave(participant, 'participant_hung_up');
  if (member) {
    engine.queues.remove(member);
    member.state = 'done';
    if (member.taskSid)
      void engine.deps.taskRouter()?.cancelTaskForCall(member.taskSid, 'call left the queue: hangup');
  }
}
