// Work that several events of one thing would each do, done once per container: an event arriving while
// the work is under way, or a moment after it reported the work done, goes by without doing it again or
// waiting for it (its webhook answers at once). Should the work under way then fail or find nothing to
// do, it runs once more before its own caller answers: the event that went by might have been the one
// that needed it. What is remembered is bounded in time (the wall clock) and in number.
import type { Clock } from '../domain/ports.js';
import { createExpiringMap } from './expiring-map.js';

/** `done`: this call did the work; `nothing-to-do`: it found none; the others: it went by. */
export type FlightOutcome = 'done' | 'nothing-to-do' | 'under-way' | 'done-already';

export interface SingleFlight {
  /** Runs `work` (true: it did something) for `key` unless it is under way or was done a moment ago. */
  run(key: string, work: () => Promise<boolean>): Promise<FlightOutcome>;
}

const MAX_REMEMBERED = 10_000;

export function createSingleFlight(wall: Clock, rememberMs: number): SingleFlight {
  // Keys under way, and whether another caller went by meanwhile.
  const running = new Map<string, { passedBy: boolean }>();
  const done = createExpiringMap<true>(rememberMs, () => wall.now(), MAX_REMEMBERED);
  return {
    async run(key, work) {
      if (done.get(key)) return 'done-already';
      const under = running.get(key);
      if (under) {
        under.passedBy = true;
        return 'under-way';
      }
      const flight = { passedBy: false };
      running.set(key, flight);
      try {
        let finished = await work().catch((err: unknown) => {
          if (!flight.passedBy) throw err;
          return false;
        });
        if (!finished && flight.passedBy) finished = await work();
        if (!finished) return 'nothing-to-do';
        done.set(key, true);
        return 'done';
      } finally {
        running.delete(key);
      }
    },
  };
}
