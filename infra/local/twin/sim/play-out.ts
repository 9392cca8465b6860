// The simulated caller listens. Audio takes clock time in the twin, so on a frozen (manual) clock a call would
// stay in its greeting forever, and keys pressed during it would be lost, as on Twilio outside a <Gather>.
// So on a clock it can move, the sim's acting routes let the clock run to the end of each prompt the caller hears in
// the call's own document (a <Gather>'s included) until the call waits for the caller (a Gather's countdown),
// for something else (a queue, an agent, a recording, a webhook), or ends. Before pressing keys, the caller
// also waits through queue or hold audio until something listens, within PRESS_PATIENCE_MS.
import { isManualClock, type TimerClock } from '../../../../functions/domain/manual-clock.js';
import type { VoiceEngine } from '../voice/engine.js';
import type { Call } from '../voice/types.js';

/** The most clock time prompts are played out for; a `loop="0"` prompt (1,000 rounds) is left playing. */
export const PLAY_OUT_LIMIT_MS = 10 * 60_000;
/** How long a caller about to press keys waits through queue or hold audio for something to listen. */
export const PRESS_PATIENCE_MS = 60_000;

export interface PlayOutDeps {
  readonly voice: VoiceEngine;
  readonly clock: TimerClock;
  readonly settle: () => Promise<void>;
}

/**
 * Whether acting routes play out by default: on any clock the sim can move. A frozen clock needs it; on a running
 * one it saves the tester the seconds of speech. The system clock cannot be moved, so there prompts play in real
 * time and a key pressed during one outside a Gather is lost, as on a call.
 */
export function playsOutByDefault(clock: TimerClock): boolean {
  return isManualClock(clock);
}

/**
 * Runs a movable clock to the end of each piece of audio the call plays: `prompts` only the call's own
 * prompts; `until-listening` any audio until a Gather or Record listens. Returns the clock time it took.
 */
export async function playOut(
  deps: PlayOutDeps,
  call: Call,
  mode: 'prompts' | 'until-listening' = 'prompts',
): Promise<number> {
  const { voice, clock, settle } = deps;
  if (!isManualClock(clock)) return 0;
  await settle();
  const start = clock.now();
  const limit = mode === 'prompts' ? PLAY_OUT_LIMIT_MS : PRESS_PATIENCE_MS;
  for (;;) {
    const audio = call.control.audio;
    if (voice.isEnded(call) || !audio || audio.endsAt - start > limit) break;
    if (mode === 'prompts' ? audio.kind !== 'prompt' : call.control.listening) break;
    await clock.advanceTo(Math.max(audio.endsAt, clock.now()), {
      afterEach: async () => {
        if (voice.busy.isBusy()) await settle();
      },
    });
    await settle();
  }
  return clock.now() - start;
}
