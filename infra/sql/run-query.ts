// One query over the archived events with DuckDB in this process: a fresh in-memory database per run, the
// `events` view over the files, the query's columns and rows back as text.
import { DuckDBInstance } from '@duckdb/node-api';
import { eventsViewSql, hasEventFiles } from './events-view.js';

export class NoEventFilesError extends Error {
  override readonly name = 'NoEventFilesError';
  constructor(readonly dir: string) {
    super(
      `No event files in ${dir}/events yet: start the center and place a call, or wait for the minute job to archive the last ended 15-minute interval.`,
    );
  }
}

/** The database refused the query: its own message, as it gave it. */
export class QueryError extends Error {
  override readonly name = 'QueryError';
}

export interface QueryResult {
  readonly columns: string[];
  /** Each value as DuckDB prints it; NULL as null. */
  readonly rows: (string | null)[][];
}

/** AT is an SQL keyword: a bare `at` column is a syntax error, the commonest one over these events. */
function hint(sql: string, message: string): string {
  if (/syntax error/i.test(message) && /(^|[^"\w.])at([^"\w]|$)/i.test(sql))
    return `${message}\nHint: write the event time as "at" (in double quotes): AT is an SQL keyword.`;
  return message;
}

export async function runQuery(dir: string, sql: string): Promise<QueryResult> {
  if (!hasEventFiles(dir)) throw new NoEventFilesError(dir);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(eventsViewSql(dir));
    const reader = await connection.runAndReadAll(sql).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      throw new QueryError(hint(sql, message));
    });
    return {
      columns: reader.columnNames(),
      rows: reader.getRows().map((row) => row.map((v) => (v === null ? null : String(v)))),
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
