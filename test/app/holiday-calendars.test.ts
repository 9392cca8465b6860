// The calendar in force as the IVR reads it: the built-in days until one is saved; a change saved in this
// container applies at once, one saved elsewhere within SETTING_CACHE_MS on the center's clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendars } from '../../flows/calendar.js';
import { calendarInForce, replaceCalendar } from '../../functions/app/holiday-calendars.js';
import { SETTING_CACHE_MS } from '../../functions/app/setting-history.js';
import type { User } from '../../functions/domain/model.js';
import { createTestStore, type TestStore } from '../support/dynamo.js';

const ADMIN = { id: 'admin', name: 'Admin', roles: ['admin'] } as unknown as User;

describe('calendarInForce', () => {
  let ts: TestStore;
  beforeAll(async () => {
    ts = await createTestStore();
  });
  afterAll(() => ts.stop());

  it('reads a change made elsewhere once its cached copy is a few seconds old, one made here at once', async () => {
    const deps = { store: ts.store, clock: ts.clock };
    expect(await calendarInForce(deps, 'cn')).toMatchObject({ holidays: calendars.cn.holidays });
    // Another container saves a calendar: this one still answers from its copy for a few seconds.
    await ts.store.settings.put('calendar:cn', { holidays: { '2027-01-01': '元旦' }, makeUpDays: {} });
    expect((await calendarInForce(deps, 'cn')).holidays).toEqual(calendars.cn.holidays);
    await ts.clock.advance(SETTING_CACHE_MS);
    expect((await calendarInForce(deps, 'cn')).holidays).toEqual({ '2027-01-01': '元旦' });
    // Saved through this container: applies to the next call, no time passing.
    await replaceCalendar(deps, ADMIN, 'cn', { holidays: { '2027-01-02': '加一天' }, makeUpDays: {} });
    expect((await calendarInForce(deps, 'cn')).holidays).toEqual({ '2027-01-02': '加一天' });
  });
});
