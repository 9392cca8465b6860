// A console setting's versions and restoring one (GET/POST /api/admin/settings/{name}/...): the same for
// every setting admins change on the console (forwarding, the holiday calendars, the surveys...).
import { call } from '../api.js';

export interface SettingVersion<T = unknown> {
  readonly version: number;
  /** The setting as this change left it; null when it went back to the built-in default. */
  readonly value: T | null;
  readonly by: string;
  readonly at: string;
  readonly restoredFrom?: number;
}

const path = (setting: string) => `/admin/settings/${encodeURIComponent(setting)}`;

export const settingsApi = {
  history: <T>(setting: string) => call<{ items: SettingVersion<T>[] }>('GET', `${path(setting)}/history`),
  restore: <T>(setting: string, version: number) =>
    call<SettingVersion<T>>('POST', `${path(setting)}/restore`, { version }),
};
