// `npm run sql -- "<query>" [--csv] [--dir <folder>]`: SQL over the archived raw events (a view named
// `events`) with DuckDB. The folder is the local stack's `<DATA_DIR>/analytics` unless --dir names one (a
// copy of the S3 bucket's files works too). Errors print one clear line and exit 1, without a stack trace.
import { ConfigError, loadLocalOptions } from '../../functions/config.js';
import { analyticsDir } from '../local/event-archive-dir.js';
import { formatCsv, formatTable } from './format.js';
import { NoEventFilesError, QueryError, runQuery } from './run-query.js';

const USAGE =
  'Usage: npm run sql -- "SELECT type, count(*) FROM events GROUP BY type" [--csv] [--dir <folder>]';

class UsageError extends Error {
  override readonly name = 'UsageError';
}

interface Args {
  readonly sql: string;
  readonly csv: boolean;
  readonly dir?: string;
}

function parseArgs(argv: readonly string[]): Args {
  let csv = false;
  let dir: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--csv') csv = true;
    else if (arg === '--dir') {
      dir = argv[++i];
      if (!dir) throw new UsageError('--dir needs a folder');
    } else if (arg.startsWith('--dir=')) dir = arg.slice('--dir='.length);
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else rest.push(arg);
  }
  const sql = rest.join(' ').trim();
  if (!sql) throw new UsageError('no query given');
  return { sql, csv, ...(dir ? { dir } : {}) };
}

function archiveFolder(args: Args): string {
  if (args.dir) return args.dir;
  const { dataDir } = loadLocalOptions();
  if (!dataDir)
    throw new UsageError('IN_MEMORY keeps the events in a temporary folder: pass it with --dir <folder>');
  return analyticsDir(dataDir);
}

async function main(argv: readonly string[]): Promise<number> {
  try {
    const args = parseArgs(argv);
    const result = await runQuery(archiveFolder(args), args.sql);
    console.log(args.csv ? formatCsv(result) : formatTable(result));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) console.error(`${error.message}\n${USAGE}`);
    else if (
      error instanceof NoEventFilesError ||
      error instanceof QueryError ||
      error instanceof ConfigError
    )
      console.error(error.message);
    else throw error;
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
