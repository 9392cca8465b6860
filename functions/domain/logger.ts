// The logger port: one structured line per event, at four levels, plus keys that tie every line of one
// request together (the CallSid, TaskSid or MessageSid it is about). Adapters decide where lines go.

/** Structured fields of one line; values must be JSON-serialisable. */
export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** Adds `keys` to every following line until they are removed: set once per request, not per line. */
  appendKeys(keys: LogFields): void;
  removeKeys(keys: readonly string[]): void;
}
