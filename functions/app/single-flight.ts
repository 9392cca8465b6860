// Work that several events of one thing would each do, done once per container: a caller arriving while
// the work is under way waits for its outcome rather than repeat it, and once the work reports it is
// done, later callers within `rememberMs` are let by. A failure is not shared: each waiter then tries
// itself. What is remembered is bounded in time (the wall clock) and in number.
import type { Clock } from '../domain/ports.js';

export interface SingleFlight {
  /** Runs `work` for `key` unless it is running (its outcome is shared) or reported done a moment ago. */
  run(key: string, work: () => Promise<boolean>): Promise<boolean>;
}

const MAX_REMEMBERED = 10_000;

export function createSingleFlight(wall: Clock, rememberMs: number): SingleFlight {
  const running = new Map<string, Promise<boolean>>();
  const done = new Map<string, number>();
  const remember = (key: string) => {
    const now = wall.now();
    if (done.size >= MAX_REMEMBERED)
      for (const [k, until] of done) if (until <= now || done.size >= MAX_REMEMBERED) done.delete(k);
    done.set(key, now + rememberMs);
  };
  return {
    async run(key, work) {
      const until = done.get(key);
      if (until !== undefined && until > wall.now()) return true;
      const under = running.get(key);
      if (under) {
        const shared = await under.catch(() => undefined);
        if (shared !== undefined) return shared;
      }
      const mine = work();
      running.set(key, mine);
      try {
        const finished = await mine;
        if (finished) remember(key);
        return finished;
      } finally {
        if (running.get(key) === mine) running.delete(key);
      }
    },
  };
}
