// The twin's state file: a round trip, a crash mid-write leaving the old state, a corrupt or foreign-version
// file moved aside (never a crash), and saves debounced on the stack's clock.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../functions/domain/manual-clock.js';
import { createDebouncedSave } from '../../../infra/local/twin/persist/debounced-save.js';
import {
  readStateFile,
  TWIN_STATE_VERSION,
  writeStateFile,
} from '../../../infra/local/twin/persist/state-file.js';
import { tempDir } from '../../local/support.js';

interface Sample {
  readonly calls: string[];
}
const isSample = (v: unknown): v is Sample => Array.isArray((v as Sample | undefined)?.calls);

describe('twin state file', () => {
  const dirs: { remove(): void }[] = [];
  const folder = () => {
    const d = tempDir('twin-state');
    dirs.push(d);
    return d.path;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) d.remove();
  });

  it('reads back what it wrote, with the time it was saved', () => {
    const path = join(folder(), 'twin', 'state.json');
    writeStateFile(path, { calls: ['CA1', 'CA2'] }, 1234);
    expect(readStateFile(path, isSample, 0)).toEqual({
      kind: 'loaded',
      state: { calls: ['CA1', 'CA2'] },
      savedAt: 1234,
    });
    writeStateFile(path, { calls: [] }, 5678);
    expect(readStateFile(path, isSample, 0)).toEqual({ kind: 'loaded', state: { calls: [] }, savedAt: 5678 });
    expect(readdirSync(join(path, '..'))).toEqual(['state.json']);
  });

  it('reports no file as nothing to load', () => {
    expect(readStateFile(join(folder(), 'state.json'), isSample, 0)).toEqual({ kind: 'none' });
  });

  it('moves a corrupt file aside and says why', () => {
    const path = join(folder(), 'state.json');
    writeFileSync(path, '{"version":1,"savedAt":1,"state":{"calls":[');
    const loaded = readStateFile(path, isSample, 99);
    expect(loaded.kind).toBe('moved-aside');
    if (loaded.kind !== 'moved-aside') return;
    expect(loaded.reason).toMatch(/JSON/);
    expect(loaded.movedTo).toBe(`${path}.unreadable-99`);
    expect(existsSync(path)).toBe(false);
    expect(readFileSync(loaded.movedTo, 'utf8')).toContain('"calls":[');
  });

  it('moves aside a file of another version or shape rather than misreading it', () => {
    const path = join(folder(), 'state.json');
    writeFileSync(
      path,
      JSON.stringify({ version: TWIN_STATE_VERSION + 1, savedAt: 1, state: { calls: [] } }),
    );
    const newer = readStateFile(path, isSample, 1);
    expect(newer).toMatchObject({ kind: 'moved-aside', reason: expect.stringMatching(/version/) });
    writeFileSync(path, JSON.stringify({ version: TWIN_STATE_VERSION, savedAt: 1, state: { calls: 'x' } }));
    expect(readStateFile(path, isSample, 2)).toMatchObject({
      kind: 'moved-aside',
      reason: 'not a twin state',
    });
  });

  it('leaves the previous state when a write dies before its rename', () => {
    const path = join(folder(), 'state.json');
    writeStateFile(path, { calls: ['CA1'] }, 1);
    // What a kill between the write and the rename leaves: a temporary file beside the real one.
    writeFileSync(`${path}.tmp`, '{"version":1,"sav');
    expect(readStateFile(path, isSample, 0)).toMatchObject({ kind: 'loaded', state: { calls: ['CA1'] } });
  });
});

describe('debounced save', () => {
  it('saves once, after the changes stop for the delay on the clock', async () => {
    const clock = createManualClock(0);
    let saves = 0;
    const saver = createDebouncedSave(clock, () => saves++, { delayMs: 250, frozen: false });
    saver.changed();
    await clock.advance(200);
    saver.changed();
    await clock.advance(200);
    expect(saves).toBe(0);
    await clock.advance(50);
    expect(saves).toBe(1);
    await clock.advance(1000);
    expect(saves).toBe(1);
  });

  it('flushes a pending change at once, and nothing when nothing changed', async () => {
    const clock = createManualClock(0);
    let saves = 0;
    const saver = createDebouncedSave(clock, () => saves++, { delayMs: 250, frozen: false });
    saver.flush();
    expect(saves).toBe(0);
    saver.changed();
    saver.flush();
    expect(saves).toBe(1);
    await clock.advance(1000);
    expect(saves).toBe(1);
    saver.changed();
    saver.stop();
    await clock.advance(1000);
    expect(saves).toBe(1);
  });

  it('on a frozen clock, saves once the burst of work is over', async () => {
    const clock = createManualClock(0);
    let saves = 0;
    const saver = createDebouncedSave(clock, () => saves++);
    saver.changed();
    saver.changed();
    expect(saves).toBe(0);
    await new Promise((resolve) => setImmediate(resolve));
    expect(saves).toBe(1);
  });
});
