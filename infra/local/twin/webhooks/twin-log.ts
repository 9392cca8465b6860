// The twin's log: every webhook request and response, every Twilio error and notable event, kept in memory
// in order and readable by correlation id (CallSid, MessageSid, TaskSid) for the sim API and tests.
import type { Clock } from '../../../../functions/domain/ports.js';
import type { TwinLog, TwinLogEntry } from '../ports.js';

export interface TwinLogOptions {
  readonly clock: Clock;
  /** Oldest entries are dropped beyond this many, so a long local run cannot grow without bound. */
  readonly limit?: number;
}

export function createTwinLog(options: TwinLogOptions): TwinLog {
  const limit = options.limit ?? 50_000;
  const entries: TwinLogEntry[] = [];
  return {
    append(entry) {
      entries.push({ at: new Date(options.clock.now()).toISOString(), ...entry });
      if (entries.length > limit) entries.splice(0, entries.length - limit);
    },
    byCorrelation: (id) => entries.filter((e) => e.correlationId === id),
    all: () => [...entries],
  };
}
