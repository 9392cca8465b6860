// The app's view of the stack's clock: the same time, and timers the stack calls off when it stops. A
// wrap-up's end or a queued job's retry due after the stop would otherwise fire into closed storage (a
// failure logged for work nobody is there to do); the clock itself, which a test may keep, is untouched.
import type { TimerClock } from '../../functions/domain/manual-clock.js';

export interface StoppableTimers extends TimerClock {
  /** Calls off every timer set through this view and not yet run; later ones are refused the same way. */
  stop(): void;
}

export function stoppableTimers(clock: TimerClock): StoppableTimers {
  const pending = new Set<{ cancel(): void }>();
  let stopped = false;
  return {
    now: () => clock.now(),
    at(timeMs, fn) {
      if (stopped) return { cancel() {} };
      const slot: { timer?: { cancel(): void } } = {};
      const timer = clock.at(timeMs, () => {
        if (slot.timer) pending.delete(slot.timer);
        return fn();
      });
      slot.timer = timer;
      pending.add(timer);
      return {
        cancel() {
          pending.delete(timer);
          timer.cancel();
        },
      };
    },
    stop() {
      stopped = true;
      for (const timer of pending) timer.cancel();
      pending.clear();
    },
  };
}
