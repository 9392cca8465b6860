// The twin's state on disk: one versioned JSON file, replaced atomically (temporary file, fsync, rename) so a
// kill at any moment leaves either the previous state or the new one, never half of each. A file that cannot
// be read or is not a state of this version is moved aside, and the twin starts empty rather than not at all.
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';

/** Bumped whenever the shape of the saved state changes; an older file is moved aside, not misread. */
export const TWIN_STATE_VERSION = 1;

export interface StateEnvelope<T> {
  readonly version: number;
  readonly savedAt: number;
  readonly state: T;
}

export type LoadedState<T> =
  | { readonly kind: 'none' }
  | { readonly kind: 'loaded'; readonly state: T; readonly savedAt: number }
  | { readonly kind: 'moved-aside'; readonly reason: string; readonly movedTo: string };

/** Reads the state file; `isState` checks the payload's shape before anything trusts it. */
export function readStateFile<T>(
  path: string,
  isState: (value: unknown) => value is T,
  movedAsideAt: number,
): LoadedState<T> {
  if (!existsSync(path)) return { kind: 'none' };
  let reason: string;
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<StateEnvelope<unknown>>;
    if (parsed?.version !== TWIN_STATE_VERSION)
      reason = `format version ${String(parsed?.version)}, expected ${TWIN_STATE_VERSION}`;
    else if (typeof parsed.savedAt !== 'number' || !isState(parsed.state)) reason = 'not a twin state';
    else return { kind: 'loaded', state: parsed.state, savedAt: parsed.savedAt };
  } catch (error) {
    reason = (error as Error).message;
  }
  // Kept for whoever wants to look at it; a timestamp keeps several bad files apart.
  const movedTo = `${path}.unreadable-${movedAsideAt}`;
  renameSync(path, movedTo);
  return { kind: 'moved-aside', reason, movedTo };
}

/** Writes the state so that a crash during the write leaves the previous file intact. */
export function writeStateFile<T>(path: string, state: T, savedAt: number): void {
  mkdirSync(dirname(path), { recursive: true });
  const envelope: StateEnvelope<T> = { version: TWIN_STATE_VERSION, savedAt, state };
  const temp = `${path}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, JSON.stringify(envelope));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
  // The rename itself is durable only once the folder's entry is on disk.
  try {
    const dir = openSync(dirname(path), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch {
    // Some platforms cannot open a folder for fsync; the rename is still atomic there.
  }
}
