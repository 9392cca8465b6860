// The logger port in memory, for tests that assert what was logged: every line is kept as the JSON object
// a real adapter would write (undefined fields dropped), with the level, the message as `msg`, the keys
// appended at the time, then the line's own fields.
import type { LogFields, Logger } from '../../functions/domain/logger.js';

export type LoggedLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LoggedLine {
  readonly level: LoggedLevel;
  readonly msg: string;
  readonly [field: string]: unknown;
}

export interface CapturingLogger extends Logger {
  /** Every line so far, oldest first; tests may empty it (`lines.length = 0`). */
  readonly lines: LoggedLine[];
}

export function createCapturingLogger(): CapturingLogger {
  const lines: LoggedLine[] = [];
  const keys = new Map<string, unknown>();
  const line =
    (level: LoggedLevel) =>
    (msg: string, fields?: LogFields): void => {
      // Through JSON, so a line holds what a reader of the log would see (no undefined fields).
      lines.push(JSON.parse(JSON.stringify({ level, msg, ...Object.fromEntries(keys), ...fields })));
    };
  return {
    lines,
    debug: line('debug'),
    info: line('info'),
    warn: line('warn'),
    error: line('error'),
    appendKeys(added) {
      for (const [key, value] of Object.entries(added)) keys.set(key, value);
    },
    removeKeys(removed) {
      for (const key of removed) keys.delete(key);
    },
  };
}
