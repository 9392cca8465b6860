// Scripted callees: how a number the center calls behaves (who or what picks up, after how long, the keys
// the callee presses once the call runs TwiML, when they hang up). A script becomes a party of the registry,
// so <Dial> legs and REST calls meet it alike; answering-machine detection reads who picked up (amd.ts).

import { type Answerer, CALLEE_DEFAULTS, type CalleeAnswer, type CalleeScript } from './callee-script.js';
import type { VoiceEngine } from './engine.js';
import type { AnswerPolicy, PartyOptions } from './parties.js';
import type { Call } from './types.js';

const POLICY: Record<CalleeAnswer, AnswerPolicy> = {
  human: 'answer',
  machine: 'answer',
  fax: 'answer',
  busy: 'busy',
  'no-answer': 'no-answer',
  fail: 'fail',
};

export function calleeParty(script: CalleeScript): PartyOptions {
  const policy = POLICY[script.answer];
  return {
    policy,
    ...(policy === 'answer' ? { answerAfterMs: script.afterSeconds * 1000 } : {}),
    callee: script,
  };
}

/** Who picks up `address`: a scripted callee's answer, else a person (unscripted numbers answer as people do). */
export function answerer(
  engine: VoiceEngine,
  address: string,
): { readonly who: Answerer; readonly greetingMs: number } {
  const script = engine.deps.parties.lookup(address).callee;
  const who = script?.answer === 'machine' || script?.answer === 'fax' ? script.answer : 'human';
  return { who, greetingMs: (script?.greetingSeconds ?? CALLEE_DEFAULTS.greetingSeconds) * 1000 };
}

/** On answer: a callee scripted to hang up does so on the clock. */
export function calleeAnswered(engine: VoiceEngine, call: Call): void {
  const after = engine.deps.parties.lookup(call.to).callee?.hangUpAfterSeconds;
  if (after === undefined) return;
  const timer = engine.clock.at(engine.clock.now() + after * 1000, () => {
    engine.event(call, `callee hung up after ${after} s`);
    engine.end(call, 'completed');
    return nextTurn();
  });
  engine.onEnd(call, () => timer.cancel());
}

/**
 * When the call starts running TwiML: a callee scripted to press keys presses them after a while, into
 * whatever listens then (a <Gather>); keys pressed while nothing listens are lost, as for the caller.
 */
export function calleeRunsTwiml(engine: VoiceEngine, call: Call): void {
  const script = engine.deps.parties.lookup(call.to).callee;
  const digits = script?.digits;
  if (!digits) return;
  const afterMs = (script.digitsAfterSeconds ?? CALLEE_DEFAULTS.digitsAfterSeconds) * 1000;
  const timer = engine.clock.at(engine.clock.now() + afterMs, () => {
    const accepted = call.control.input({ digits });
    engine.event(call, `callee pressed ${digits}${accepted ? '' : ' (nothing listened; lost)'}`);
    return nextTurn();
  });
  engine.onEnd(call, () => timer.cancel());
}

/** A manual clock awaits its timer: one turn lets the call reach its next pause point at this time. */
export function nextTurn(): Promise<void> {
  return new Promise((turn) => setImmediate(turn));
}
