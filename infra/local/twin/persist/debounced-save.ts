// Saves the twin's state a moment after it changes, on the stack's clock, so a burst of changes (a call
// answering, enqueuing and creating its task) costs one write. A frozen manual clock never reaches a
// deadline, so there the write waits only for the current burst of work to finish.
import { clockMode, type TimerClock } from '../../../../functions/domain/manual-clock.js';

export const SAVE_DEBOUNCE_MS = 250;

export interface DebouncedSave {
  /** Something changed: save once the changes stop for `delayMs` of clock time. */
  changed(): void;
  /** Save now if anything changed since the last save (clean shutdown). */
  flush(): void;
  /** No more saves; a pending one is dropped (call `flush()` first to keep it). */
  stop(): void;
}

export function createDebouncedSave(
  clock: TimerClock,
  save: () => void,
  options: { readonly delayMs?: number; readonly frozen?: boolean } = {},
): DebouncedSave {
  const delayMs = options.delayMs ?? SAVE_DEBOUNCE_MS;
  const frozen = options.frozen ?? clockMode(clock) === 'manual';
  let dirty = false;
  let stopped = false;
  let timer: { cancel(): void } | undefined;
  const run = () => {
    timer = undefined;
    if (!dirty || stopped) return;
    dirty = false;
    save();
  };
  return {
    changed() {
      if (stopped) return;
      dirty = true;
      timer?.cancel();
      if (frozen) {
        const handle = setImmediate(run);
        timer = { cancel: () => clearImmediate(handle) };
      } else timer = clock.at(clock.now() + delayMs, run);
    },
    flush() {
      timer?.cancel();
      run();
    },
    stop() {
      stopped = true;
      timer?.cancel();
      timer = undefined;
    },
  };
}
