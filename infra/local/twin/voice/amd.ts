// Answering-machine detection on calls placed through REST (README, "Answering-machine detection"). Who picked
// up comes from the callee's script (callees.ts) and is decided on the clock: synchronously the call's Url is
// requested only then, with AnsweredBy; asynchronously the Url runs at once and the result is posted to
// AsyncAmdStatusCallback.
import { answerer, calleeRunsTwiml, nextTurn } from './callees.js';
import type { VoiceEngine } from './engine.js';
import type { Call, HttpMethod, Navigation } from './types.js';

export const MACHINE_DETECTION_MODES = ['Enable', 'DetectMessageEnd'] as const;
export type MachineDetectionMode = (typeof MACHINE_DETECTION_MODES)[number];
export type AnsweredBy =
  | 'human'
  | 'machine_start'
  | 'machine_end_beep'
  | 'machine_end_silence'
  | 'machine_end_other'
  | 'fax'
  | 'unknown';

export interface AmdSettings {
  readonly mode: MachineDetectionMode;
  /** MachineDetectionTimeout: past it the result is `unknown`. */
  readonly timeoutMs: number;
  /** AsyncAmd=true: the Url runs on answer and the result goes to `callback`. */
  readonly async: boolean;
  readonly callback?: { readonly url: string; readonly method: HttpMethod };
}

/**
 * How long detection takes after answer. Twilio publishes no figures; these are plausible: a person's short
 * "hello?" then silence (~2.5 s), a greeting that runs on (~3 s), fax tones. A machine's message end is
 * its greeting's length, the beep.
 */
export const AMD_TIMING = { humanMs: 2_500, machineStartMs: 3_000, faxMs: 3_000 } as const;
export const DEFAULT_AMD_TIMEOUT_SECONDS = 30;

export interface Detection {
  readonly answeredBy: AnsweredBy;
  /** MachineDetectionDuration: from answer to the result. */
  readonly afterMs: number;
}

export function detect(
  who: 'human' | 'machine' | 'fax',
  greetingMs: number,
  settings: Pick<AmdSettings, 'mode' | 'timeoutMs'>,
): Detection {
  const found: Detection =
    who === 'human'
      ? { answeredBy: 'human', afterMs: AMD_TIMING.humanMs }
      : who === 'fax'
        ? { answeredBy: 'fax', afterMs: AMD_TIMING.faxMs }
        : settings.mode === 'Enable'
          ? { answeredBy: 'machine_start', afterMs: AMD_TIMING.machineStartMs }
          : { answeredBy: 'machine_end_beep', afterMs: Math.max(greetingMs, AMD_TIMING.machineStartMs) };
  return found.afterMs > settings.timeoutMs ? { answeredBy: 'unknown', afterMs: settings.timeoutMs } : found;
}

/** Runs an answered call's first document with detection: now (async) or once detection ends (sync). */
export function answerWithAmd(engine: VoiceEngine, call: Call, nav: Navigation, settings: AmdSettings): void {
  const { who, greetingMs } = answerer(engine, call.to);
  const result = detect(who, greetingMs, settings);
  const runTwiml = (first: Navigation) => {
    calleeRunsTwiml(engine, call);
    void engine.run(call, first, true);
  };
  if (settings.async) {
    if (!settings.callback)
      engine.error(
        call,
        21262,
        'AsyncAmd without AsyncAmdStatusCallback: the result is only on the Call resource',
      );
    runTwiml(nav);
  }
  const timer = engine.clock.at(engine.clock.now() + result.afterMs, () => {
    call.answeredBy = result.answeredBy;
    engine.event(call, `answered by ${result.answeredBy}`, { machineDetectionDuration: result.afterMs });
    if (!settings.async) runTwiml(withAnsweredBy(nav, result.answeredBy));
    else if (settings.callback) {
      engine.notify(call.sid, settings.callback.url, settings.callback.method, {
        AccountSid: engine.accountSid,
        CallSid: call.sid,
        AnsweredBy: result.answeredBy,
        MachineDetectionDuration: String(result.afterMs),
      });
    }
    return nextTurn();
  });
  engine.onEnd(call, () => timer.cancel());
}

function withAnsweredBy(nav: Navigation, answeredBy: AnsweredBy): Navigation {
  return nav.kind === 'url' ? { ...nav, params: { ...nav.params, AnsweredBy: answeredBy } } : nav;
}
