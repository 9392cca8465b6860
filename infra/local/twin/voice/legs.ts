// Ringing a new leg (a <Dial> noun, a dequeue or call instruction, a REST call or participant): status callbacks
// initiated -> ringing -> answered, and an outcome decided by the party registry, a ring timeout on the clock,
// or cancellation by the caller (docs/twilio-behaviour.md §1.3, §3.7).
import { calleeAnswered } from './callees.js';
import type { CallInit, VoiceEngine } from './engine.js';
import type { Call, CallDirection, StatusCallbackConfig } from './types.js';

export type LegOutcome = 'answered' | 'busy' | 'no-answer' | 'failed' | 'canceled';

export interface Leg {
  readonly call: Call;
  readonly outcome: Promise<LegOutcome>;
  cancel(): void;
}

export interface LegOptions {
  readonly from: string;
  readonly to: string;
  readonly direction: CallDirection;
  readonly parentCallSid?: string;
  readonly timeoutSeconds: number;
  readonly statusCallback?: StatusCallbackConfig;
  readonly customParameters?: Readonly<Record<string, string>>;
  /** REST-created calls start `queued`; <Dial> legs never are (docs/twilio-behaviour.md §1.3). */
  readonly queuedFirst?: boolean;
  /** Fallback, recording and application settings of a REST-created call. */
  readonly init?: Partial<Pick<CallInit, 'fallback' | 'recordCall' | 'applicationSid'>>;
}

export function ringLeg(engine: VoiceEngine, options: LegOptions): Leg {
  const call = engine.createCall({
    from: options.from,
    to: options.to,
    direction: options.direction,
    status: options.queuedFirst ? 'queued' : 'ringing',
    ...(options.parentCallSid ? { parentCallSid: options.parentCallSid } : {}),
    ...(options.statusCallback ? { statusCallback: options.statusCallback } : {}),
    ...options.init,
  });
  let settle!: (o: LegOutcome) => void;
  const outcome = new Promise<LegOutcome>((resolve) => {
    let done = false;
    settle = (o) => {
      if (done) return;
      done = true;
      timer.cancel();
      later?.cancel();
      engine.deps.parties.emit({ type: 'ring-ended', callSid: call.sid, to: call.to, outcome: o });
      if (o === 'answered') {
        engine.answer(call);
        calleeAnswered(engine, call);
        // The answering device (an agent's page) learns when its call is over, whoever hangs up.
        engine.onEnd(call, (c) => engine.deps.parties.emit({ type: 'ended', callSid: c.sid, to: c.to }));
      } else engine.end(call, o);
      resolve(o);
    };
  });
  let timer: { cancel(): void } = { cancel() {} };
  let later: { cancel(): void } | undefined;
  // The leg itself hanging up while it rings (sim hang-up, REST cancel) ends the ringing.
  engine.onEnd(call, (c) => settle(c.status === 'completed' ? 'canceled' : (c.status as LegOutcome)));
  const start = () => {
    if (engine.isEnded(call)) return;
    engine.statusEvent(call, 'initiated', 'initiated');
    engine.setStatus(call, 'ringing');
    timer = engine.clock.at(engine.clock.now() + options.timeoutSeconds * 1000, () => settle('no-answer'));
    const party = engine.deps.parties.lookup(options.to);
    engine.deps.parties.emit({
      type: 'ring',
      ring: {
        callSid: call.sid,
        from: call.from,
        to: call.to,
        ...(options.parentCallSid ? { parentCallSid: options.parentCallSid } : {}),
        customParameters: options.customParameters ?? {},
        answer: () => settle('answered'),
        reject: () => settle('busy'),
      },
    });
    if (party.policy === 'answer') {
      if (party.answerAfterMs)
        later = engine.clock.at(engine.clock.now() + party.answerAfterMs, () => settle('answered'));
      else settle('answered');
    } else if (party.policy === 'reject' || party.policy === 'busy') settle('busy');
    else if (party.policy === 'fail') settle('failed');
  };
  // A REST-created call is answered `queued` and starts ringing just after (docs/twilio-behaviour.md §1.5).
  if (options.queuedFirst) queueMicrotask(start);
  else start();
  return { call, outcome, cancel: () => settle('canceled') };
}
