// How long `npm run sql` takes over a month of a busy center: ~100k events archived as the minute job
// would (2,880 files), then each query timed through runQuery, a fresh DuckDB per run as the command has.
// Prints the figures; run with `npx tsx infra/sql/bench.ts [calls]`.
import { openEventArchiveDir } from '../local/event-archive-dir.js';
import { runQuery } from './run-query.js';
import { archiveSample, sampleEvents } from './sample-events.js';

const QUERIES = {
  'count all': 'SELECT count(*) FROM events',
  'calls per hotline per day':
    "SELECT dt, hotline, count(*) FROM events WHERE type = 'call.received' GROUP BY ALL ORDER BY ALL",
  'AHT per agent per week': `SELECT date_trunc('week', "at"), agent, avg(n['talkSeconds'] + n['holdSeconds'] + n['wrapSeconds'])
    FROM events WHERE type = 'call.handled' GROUP BY ALL ORDER BY ALL`,
  'one day (partition)': "SELECT type, count(*) FROM events WHERE dt = '2026-11-15' GROUP BY ALL",
};

const calls = Number(process.argv[2] ?? 25_000);
const archive = openEventArchiveDir();
try {
  let t = performance.now();
  const events = sampleEvents({ from: '2026-11-01T00:00:00Z', days: 30, calls });
  const files = await archiveSample(events, archive.archive);
  console.log(
    `${events.length} events in ${files} files, archived in ${Math.round(performance.now() - t)} ms`,
  );
  for (const [name, sql] of Object.entries(QUERIES)) {
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      t = performance.now();
      await runQuery(archive.dir, sql);
      times.push(performance.now() - t);
    }
    console.log(`${name}: ${times.map((ms) => `${Math.round(ms)} ms`).join(', ')}`);
  }
} finally {
  archive.stop();
}
