// Runs a TwiML document top to bottom (Appendix A item 2): each verb either continues, hands control to a new
// document (action, Redirect), hangs up, or stops because the call was interrupted. The document's mode limits
// the verbs allowed in waitUrl, holdUrl and whisper documents.
import type { Signal } from '../call-control.js';
import type { VoiceEngine } from '../engine.js';
import type { Call, DocMode, Flow, WaitingFor } from '../types.js';
import type { XmlElement } from '../xml.js';
import { hangupVerb, leaveVerb, redirectVerb, rejectVerb } from './control-verbs.js';
import { dialVerb } from './dial.js';
import { enqueueVerb } from './enqueue.js';
import { gatherVerb } from './gather.js';
import { recordVerb } from './record.js';
import { pauseVerb, playVerb, sayVerb } from './say-play-pause.js';
import type { VerbContext, VerbHandler } from './verb-context.js';

const HANDLERS: Record<string, VerbHandler> = {
  Say: sayVerb,
  Play: playVerb,
  Pause: pauseVerb,
  Gather: gatherVerb,
  Record: recordVerb,
  Enqueue: enqueueVerb,
  Dial: dialVerb,
  Redirect: redirectVerb,
  Hangup: hangupVerb,
  Reject: rejectVerb,
  Leave: leaveVerb,
};

// docs/twilio-behaviour.md §3.6 (waitUrl), §3.8 (conference waitUrl), §8.4 (holdUrl), §3.7 (<Number url> may not <Dial>).
const ALLOWED: Record<DocMode, readonly string[] | undefined> = {
  main: undefined,
  'queue-wait': ['Play', 'Say', 'Pause', 'Hangup', 'Redirect', 'Leave', 'Gather'],
  'queue-reply': ['Play', 'Say', 'Pause', 'Hangup', 'Redirect', 'Leave', 'Gather'],
  'conference-wait': ['Play', 'Say', 'Pause', 'Redirect'],
  hold: ['Play', 'Say', 'Pause', 'Redirect'],
  whisper: ['Play', 'Say', 'Pause', 'Redirect', 'Gather', 'Hangup'],
};

export async function runDocument(
  engine: VoiceEngine,
  call: Call,
  verbs: readonly XmlElement[],
  docUrl: string | undefined,
  mode: DocMode,
  until?: Signal,
): Promise<Flow> {
  const idleKind: WaitingFor =
    mode === 'queue-wait' || mode === 'queue-reply'
      ? 'queue'
      : mode === 'main' || mode === 'whisper'
        ? 'nothing'
        : 'agent';
  let first = mode === 'main' && call.direction === 'inbound' && call.status === 'ringing';
  const position = mode === 'main' ? call.position : undefined;
  if (position) position.doc = { url: docUrl, verbs };
  for (const [index, verb] of verbs.entries()) {
    if (call.control.interruption || until?.fired) return { kind: 'stop' };
    if (position) position.index = index;
    const handler = HANDLERS[verb.name];
    if (!handler || !(ALLOWED[mode]?.includes(verb.name) ?? true)) {
      engine.error(
        call,
        12200,
        `<${verb.name}> is not ${handler ? `allowed in a ${mode} document` : 'simulated'}`,
      );
      continue;
    }
    // Any verb but a first <Reject> answers an inbound call (docs/twilio-behaviour.md §3.9).
    if (mode === 'main' && !(first && verb.name === 'Reject')) engine.answer(call);
    const ctx: VerbContext = {
      engine,
      call,
      docUrl,
      mode,
      idleKind,
      firstVerb: first,
      ...(until ? { until } : {}),
    };
    first = false;
    const flow = await handler(ctx, verb);
    if (flow.kind !== 'next') return flow;
  }
  return { kind: 'next' };
}
