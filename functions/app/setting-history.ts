// Settings admins change on the console (forwarding, the holiday calendar, prompts, ...): every change
// is written with its version history beside it and an audit entry (who, when, before, after), and any
// earlier version can be restored. A restore is itself a change: validated again against today's center
// (a number that became a hotline since cannot come back as a duty phone), audited, and kept in the history.
import type { User } from '../domain/model.js';
import type { AuditRepo, Clock, SettingsRepo } from '../domain/ports.js';
import { NotFoundError } from '../domain/problems.js';
import { SURVEYS_SETTING } from '../domain/surveys.js';
import { WRAP_UP_SETTING } from '../domain/wrap-up-settings.js';

/** Versions kept per setting: enough to undo a season's changes, small enough for one document. */
export const HISTORY_KEPT = 50;

export interface SettingVersion<T> {
  /** 1 for the first change made on the console; counts up. */
  readonly version: number;
  /** The setting as this change left it; null when the change returned it to the built-in default. */
  readonly value: T | null;
  readonly by: string;
  readonly at: string;
  /** The version this one brought back, for a restore. */
  readonly restoredFrom?: number;
}

interface HistoryDoc<T> {
  readonly versions: readonly SettingVersion<T>[];
}

export interface SettingPorts {
  readonly store: { readonly settings: SettingsRepo; readonly audit: AuditRepo };
  readonly clock: Clock;
}

const historyName = (name: string) => `history:${name}`;

/**
 * How long a warm container reuses a setting it read: settings are read on calls' hot paths (hang-up, the
 * IVR), and a console change must still apply within seconds everywhere. A change made through this
 * container applies at once.
 */
export const SETTING_CACHE_MS = 5_000;
// Per settings store (one per container, or per test harness), so two stacks in one process never share.
const cache = new WeakMap<SettingsRepo, Map<string, { readonly at: number; readonly value: unknown }>>();

/**
 * Settings a call reads as it ends (whether to offer a survey, how long its agent wraps up): whichever is
 * read first brings the others along in the same request.
 */
export const READ_AT_CALL_END: readonly string[] = [SURVEYS_SETTING, WRAP_UP_SETTING];

/**
 * The stored setting, read at most once per SETTING_CACHE_MS per container (on the injected clock).
 * `readWith`: settings read at the same moment, fetched in the same request when they are due too.
 */
export async function cachedSetting<T>(
  deps: { readonly store: { readonly settings: SettingsRepo }; readonly clock: Clock },
  name: string,
  readWith: readonly string[] = [],
): Promise<T | undefined> {
  const now = deps.clock.now();
  const entries = cache.get(deps.store.settings) ?? new Map<string, { at: number; value: unknown }>();
  cache.set(deps.store.settings, entries);
  const fresh = (n: string) => {
    const held = entries.get(n);
    // A clock moved backwards (a test rewinding the simulated clock) reads again too.
    return held && now >= held.at && now - held.at < SETTING_CACHE_MS ? held : undefined;
  };
  const held = fresh(name);
  if (held) return held.value as T | undefined;
  const due = [name, ...readWith.filter((n) => n !== name && !fresh(n))];
  const values =
    due.length === 1
      ? new Map([[name, await deps.store.settings.get<unknown>(name)]])
      : await deps.store.settings.getMany(due);
  for (const n of due) entries.set(n, { at: now, value: values.get(n) });
  return values.get(name) as T | undefined;
}

/**
 * Writes a setting the console changed (already validated by its use case), appends the version to its
 * history and audits the change under `action`. `value` null removes the stored setting, so the built-in
 * default applies again.
 */
export async function writeSetting<T>(
  deps: SettingPorts,
  user: User,
  name: string,
  action: string,
  value: T | null,
  restoredFrom?: number,
): Promise<SettingVersion<T>> {
  const { settings, audit } = deps.store;
  const before = (await settings.get<T>(name)) ?? null;
  await settings.put(name, value);
  cache.get(settings)?.delete(name);
  let written: SettingVersion<T> | undefined;
  await settings.change<HistoryDoc<T>>(historyName(name), (current) => {
    const versions = current?.versions ?? [];
    written = {
      version: (versions.at(-1)?.version ?? 0) + 1,
      value,
      by: user.id,
      at: new Date(deps.clock.now()).toISOString(),
      ...(restoredFrom !== undefined ? { restoredFrom } : {}),
    };
    return { versions: [...versions, written].slice(-HISTORY_KEPT) };
  });
  await audit.append({
    actor: user.id,
    action,
    target: name,
    detail: {
      before: before ?? 'default',
      after: value ?? 'default',
      ...(restoredFrom !== undefined ? { restoredFrom } : {}),
    },
  });
  if (!written) throw new Error(`history of ${name} was not written`);
  return written;
}

/** Newest first. */
export async function settingHistory<T>(
  deps: Pick<SettingPorts, 'store'>,
  name: string,
): Promise<SettingVersion<T>[]> {
  const doc = await deps.store.settings.get<HistoryDoc<T>>(historyName(name));
  return [...(doc?.versions ?? [])].reverse();
}

/** The value an earlier version left; 404 when the history no longer holds it. */
export async function versionToRestore<T>(
  deps: Pick<SettingPorts, 'store'>,
  name: string,
  version: number,
): Promise<SettingVersion<T>> {
  const found = (await settingHistory<T>(deps, name)).find((v) => v.version === version);
  if (!found) throw new NotFoundError('Version', `${name}@${version}`);
  return found;
}
