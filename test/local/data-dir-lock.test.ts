// The data-folder lock: one holder at a time, a dead holder's lock taken over, release only by its owner.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from '../../infra/local/data-dir-lock.js';
import { tempDir } from './support.js';

const dirs: { remove(): void }[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) dir.remove();
});

function folder() {
  const dir = tempDir('lockfile');
  dirs.push(dir);
  return dir.path;
}

describe('lockDataDir', () => {
  it('refuses a second holder while the first lives, and frees the folder on release', () => {
    const path = folder();
    const lock = lockDataDir(path);
    expect(() => lockDataDir(path)).toThrow(DataDirLockedError);
    lock.release();
    lockDataDir(path).release();
  });

  it('takes over a lock left by a process that no longer exists', () => {
    const path = folder();
    // Pids are below 2^22 on Linux, so this one cannot be alive.
    writeFileSync(join(path, 'local-stack.lock'), '4999999 stale\n');
    const lock = lockDataDir(path);
    expect(readFileSync(lock.path, 'utf8')).toMatch(new RegExp(`^${process.pid} `));
    lock.release();
  });

  it('does not remove a lock that another holder took after it', () => {
    const path = folder();
    const first = lockDataDir(path);
    writeFileSync(first.path, '4999999 someone-else\n');
    first.release();
    expect(readFileSync(first.path, 'utf8')).toBe('4999999 someone-else\n');
  });
});
