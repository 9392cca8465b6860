// `npm run sql` over archived events: the typed `events` view, the table and CSV output, and the errors a
// user meets (no files yet, a bad query, no query), each one clear line and exit code 1.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CenterEvent } from '../../functions/domain/history/event.js';
import { openEventArchiveDir } from '../../infra/local/event-archive-dir.js';
import { NoEventFilesError, QueryError, runQuery } from '../../infra/sql/run-query.js';
import { archiveSample, sampleEvents } from '../../infra/sql/sample-events.js';

let dataDir: string;
let dir: string;
let events: CenterEvent[];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'cc-sql-'));
  const opened = openEventArchiveDir(dataDir);
  dir = opened.dir;
  events = sampleEvents({ from: '2026-11-30T00:00:00Z', days: 3, calls: 300 });
  await archiveSample(events, opened.archive);
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The command as a user runs it (npm run sql runs this same entry), from the repository root. */
function sql(args: string[], env: Record<string, string> = {}) {
  const out = spawnSync(process.execPath, ['--import', 'tsx', 'infra/sql/main.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir, ...env },
  });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

const countOf = (type: string) => events.filter((e) => e.type === type).length;

describe('the events view', () => {
  it('reads every archived event, typed: at a timestamp, n and a maps, dt from the folder', async () => {
    const result = await runQuery(
      dir,
      `SELECT count(*), typeof(any_value("at")), typeof(any_value(n)), typeof(any_value(a)), min(dt), max(dt) FROM events`,
    );
    expect(result.rows).toEqual([
      [
        String(events.length),
        'TIMESTAMP',
        'MAP(VARCHAR, DOUBLE)',
        'MAP(VARCHAR, VARCHAR)',
        '2026-11-30',
        '2026-12-02',
      ],
    ]);
  });

  it('keeps each field of the event, and every column of the schema even when no event has it', async () => {
    const handled = events.find((e) => e.type === 'call.handled');
    if (!handled) throw new Error('no handled call in the sample');
    const result = await runQuery(
      dir,
      `SELECT id, v, strftime("at", '%Y-%m-%dT%H:%M:%S.%gZ'), callSid, "from", hotline, queue, agent,
         n['talkSeconds'], a['disposition'], ticket, tier FROM events WHERE id = '${handled.id}'`,
    );
    expect(result.rows).toEqual([
      [
        handled.id,
        '1',
        handled.at,
        handled.callSid,
        handled.from,
        handled.hotline,
        handled.queue,
        handled.agent,
        String(handled.n?.talkSeconds),
        handled.a?.disposition,
        null,
        null,
      ],
    ]);
  });

  it('counts what the sample holds, per type', async () => {
    const result = await runQuery(dir, 'SELECT type, count(*) FROM events GROUP BY type ORDER BY type');
    const expected = [...new Set(events.map((e) => e.type))].sort().map((t) => [t, String(countOf(t))]);
    expect(result.rows).toEqual(expected);
  });

  it('refuses a folder without event files, and passes on the database’s own message for a bad query', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'cc-sql-empty-'));
    await expect(runQuery(empty, 'SELECT 1')).rejects.toThrow(NoEventFilesError);
    rmSync(empty, { recursive: true, force: true });
    await expect(runQuery(dir, 'SELECT nope FROM events')).rejects.toThrow(QueryError);
    await expect(runQuery(dir, 'SELECT nope FROM events')).rejects.toThrow(/nope/);
  });
});

describe('npm run sql', () => {
  it('prints a table from DATA_DIR/analytics, numbers right-aligned, with the row count', () => {
    const out = sql([
      `SELECT type, count(*) AS events FROM events WHERE type LIKE 'call.%' GROUP BY type ORDER BY type`,
    ]);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const lines = out.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^type\s+\| events$/);
    expect(lines[1]).toMatch(/^-+-\+-+$/);
    expect(lines).toContain(`call.abandoned | ${String(countOf('call.abandoned')).padStart(6)}`);
    expect(lines.at(-1)).toBe('(5 rows)');
  });

  it('prints CSV with --csv, from --dir', () => {
    const out = sql(['--csv', '--dir', dir, "SELECT 'a,b' AS x, NULL AS y, count(*) AS n FROM events"], {
      DATA_DIR: '/nonexistent',
    });
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(`x,y,n\r\n"a,b",,${events.length}\n`);
  });

  it('says there are no files yet, exit 1, no stack trace', () => {
    const out = sql(['SELECT 1'], { DATA_DIR: join(dataDir, 'nothing-here') });
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(
      /No event files in .* start the center and place a call, or wait for the minute job/,
    );
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });

  it("gives DuckDB's message for a bad query, and a hint for a bare `at`", () => {
    const bad = sql(['SELECT nope FROM events']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Binder Error: .*"nope"/);
    expect(bad.stderr).not.toMatch(/\n\s+at [^"]*\(/);
    const at = sql(['SELECT at FROM events']);
    expect(at.code).toBe(1);
    expect(at.stderr).toMatch(/Parser Error[\s\S]*write the event time as "at"/);
  });

  it('asks for a query when given none', () => {
    const out = sql([]);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/no query given\nUsage: npm run sql/);
  });
});
