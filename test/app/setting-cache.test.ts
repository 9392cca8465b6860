// Settings read on calls' hot paths: at most once per SETTING_CACHE_MS per container on the center's clock,
// and settings read at the same moment (a call's end) fetched together in one request.
import { describe, expect, it } from 'vitest';
import { cachedSetting, READ_AT_CALL_END, SETTING_CACHE_MS } from '../../functions/app/setting-history.js';
import { createManualClock } from '../../functions/domain/manual-clock.js';
import type { SettingsRepo } from '../../functions/domain/ports.js';

function countingSettings(docs: Record<string, unknown>) {
  const requests: string[][] = [];
  const settings: SettingsRepo = {
    async get<T>(name: string) {
      requests.push([name]);
      return docs[name] as T | undefined;
    },
    async getMany(names) {
      requests.push([...names]);
      return new Map(names.filter((n) => n in docs).map((n) => [n, docs[n]]));
    },
    async put() {},
    async change() {
      return undefined;
    },
  };
  return { settings, requests };
}

describe('cachedSetting', () => {
  it('reads the settings of a call’s end in one request, then from the cache until it is due', async () => {
    const clock = createManualClock(Date.parse('2026-03-02T02:00:00Z'));
    const { settings, requests } = countingSettings({ 'wrap-up': { hotlines: {} } });
    const deps = { store: { settings }, clock };
    expect(await cachedSetting(deps, 'wrap-up', READ_AT_CALL_END)).toEqual({ hotlines: {} });
    expect(await cachedSetting(deps, 'surveys', READ_AT_CALL_END)).toBeUndefined();
    expect(requests).toEqual([['wrap-up', 'surveys']]);
    await clock.advance(SETTING_CACHE_MS);
    await cachedSetting(deps, 'surveys', READ_AT_CALL_END);
    expect(requests).toEqual([
      ['wrap-up', 'surveys'],
      ['surveys', 'wrap-up'],
    ]);
    // A setting read alone is one plain read.
    await cachedSetting(deps, 'queues');
    expect(requests.at(-1)).toEqual(['queues']);
  });
});
