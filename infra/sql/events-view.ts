// The `events` view over the archive's files (events/dt=YYYY-MM-DD/*.jsonl.gz), typed column by column as
// the Glue table types them in AWS, so a query written here runs in Athena too.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every field of an archived event (functions/domain/history/event.ts) with its SQL type. Listing them
 * rather than letting DuckDB guess keeps a column there (as NULL) when no file has it yet, and `at` a
 * timestamp instead of text.
 */
export const EVENT_COLUMNS = {
  id: 'VARCHAR',
  v: 'INTEGER',
  at: 'TIMESTAMP',
  type: 'VARCHAR',
  callSid: 'VARCHAR',
  taskSid: 'VARCHAR',
  customerId: 'VARCHAR',
  from: 'VARCHAR',
  ticket: 'VARCHAR',
  hotline: 'VARCHAR',
  queue: 'VARCHAR',
  agent: 'VARCHAR',
  region: 'VARCHAR',
  language: 'VARCHAR',
  tier: 'VARCHAR',
  n: 'MAP(VARCHAR, DOUBLE)',
  a: 'MAP(VARCHAR, VARCHAR)',
} as const;

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The files the view reads, as a glob under the archive folder. */
export const eventFilesGlob = (dir: string): string => join(dir, 'events', '*', '*.jsonl.gz');

export function eventsViewSql(dir: string): string {
  const columns = Object.entries(EVENT_COLUMNS)
    .map(([name, type]) => `${literal(name)}: ${literal(type)}`)
    .join(', ');
  // dt comes from the folder name, as Athena's partition does, and stays text there as here.
  return `CREATE OR REPLACE VIEW events AS SELECT * FROM read_json(${literal(eventFilesGlob(dir))},
    format = 'newline_delimited', hive_partitioning = true, hive_types = {'dt': 'VARCHAR'},
    union_by_name = true, columns = {${columns}})`;
}

/** Whether the archive folder holds at least one event file (DuckDB fails on a glob matching none). */
export function hasEventFiles(dir: string): boolean {
  const events = join(dir, 'events');
  if (!existsSync(events)) return false;
  return readdirSync(events, { withFileTypes: true }).some(
    (d) =>
      d.isDirectory() &&
      d.name.startsWith('dt=') &&
      readdirSync(join(events, d.name)).some((f) => f.endsWith('.jsonl.gz')),
  );
}
