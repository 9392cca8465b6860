// The EventArchive port on a local folder: `<dataDir>/analytics/<key>`, the same keys as the S3 bucket, so
// `npm run sql` reads locally what Athena reads in AWS. Without a data folder (IN_MEMORY) the files go to a
// temporary folder that stop() removes.
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import type { EventArchive } from '../../functions/domain/history/ports.js';

export interface EventArchiveDir {
  readonly archive: EventArchive;
  /** The folder holding `events/`: what `npm run sql -- --dir` takes. */
  readonly dir: string;
  stop(): void;
}

/** The archive folder of a data folder: `npm run sql` looks here by default. */
export const analyticsDir = (dataDir: string): string => join(dataDir, 'analytics');

export function openEventArchiveDir(dataDir?: string): EventArchiveDir {
  const dir = dataDir ? analyticsDir(resolve(dataDir)) : mkdtempSync(join(tmpdir(), 'cc-analytics-'));
  mkdirSync(dir, { recursive: true });
  let written = 0;
  return {
    dir,
    archive: {
      async put(key, gzippedJsonLines) {
        const path = resolve(dir, key);
        if (!path.startsWith(dir + sep)) throw new Error(`archive key '${key}' leaves the archive folder`);
        mkdirSync(dirname(path), { recursive: true });
        // Written beside and renamed over: a query running meanwhile reads the old file or the new one,
        // never half of one (a cut gzip stream fails the whole query).
        const temp = `${path}.${process.pid}.${++written}.tmp`;
        writeFileSync(temp, gzippedJsonLines);
        renameSync(temp, path);
      },
    },
    stop() {
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
