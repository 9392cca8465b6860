// Calling windows in the contact's own time: across zones, through a DST change, conservative for a
// country that spans zones, the next opening, and the legal 08:00-21:00 bound on what may be configured.
import { describe, expect, it } from 'vitest';
import {
  type CallingWindow,
  isCallable,
  nextCallableAt,
  validateWindow,
} from '../../../functions/domain/campaigns/calling-window.js';
import { contactZones, ianaZone } from '../../../functions/domain/campaigns/time-zones.js';

const at = (iso: string) => Date.parse(iso);
const SHANGHAI = ['Asia/Shanghai'];
const NEW_YORK = ['America/New_York'];
const daytime: CallingWindow = { start: '09:00', end: '20:00' };

describe('contactZones', () => {
  it('takes the list’s zone when valid, else every zone of the number’s country', () => {
    expect(contactZones({ phone: '+8613800138000', timezone: 'asia/shanghai' })).toEqual(['Asia/Shanghai']);
    // China keeps one official time, whatever the zone data lists.
    expect(contactZones({ phone: '+8613800138000', timezone: 'Nowhere/Else' })).toEqual(['Asia/Shanghai']);
    expect(contactZones({ phone: '+61291234567' })).toContain('Australia/Perth');
    expect(contactZones({ phone: '+442071838750' })).toEqual(['Europe/London']);
    expect(contactZones({ phone: '+12125550100' })).toContain('Pacific/Honolulu');
    expect(ianaZone('+08:00')).toBeUndefined();
  });
});

describe('isCallable', () => {
  it('says yes in Shanghai and no in New York at the same instant', () => {
    const instant = at('2026-03-02T10:00:00+08:00'); // Sunday 21:00 in New York
    expect(isCallable(SHANGHAI, daytime, instant)).toBe(true);
    expect(isCallable(NEW_YORK, daytime, instant)).toBe(false);
    expect(isCallable(NEW_YORK, daytime, at('2026-03-02T10:00:00-05:00'))).toBe(true);
  });

  it('opens at the start and closes at the end, on the local weekdays only', () => {
    const weekdays: CallingWindow = { ...daytime, weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'] };
    expect(isCallable(SHANGHAI, weekdays, at('2026-03-02T08:59:59+08:00'))).toBe(false);
    expect(isCallable(SHANGHAI, weekdays, at('2026-03-02T09:00:00+08:00'))).toBe(true);
    expect(isCallable(SHANGHAI, weekdays, at('2026-03-02T19:59:59+08:00'))).toBe(true);
    expect(isCallable(SHANGHAI, weekdays, at('2026-03-02T20:00:00+08:00'))).toBe(false);
    // Saturday in Shanghai is still Friday in New York.
    const instant = at('2026-03-07T09:30:00+08:00');
    expect(isCallable(SHANGHAI, weekdays, instant)).toBe(false);
    expect(
      isCallable(['America/Los_Angeles'], { start: '09:00', end: '20:00', weekdays: ['fri'] }, instant),
    ).toBe(true);
  });

  it('follows New York across the spring DST change', () => {
    // 13:30Z is 08:30 on Saturday (EST) and 09:30 on Sunday (EDT).
    expect(isCallable(NEW_YORK, daytime, at('2026-03-07T13:30:00Z'))).toBe(false);
    expect(isCallable(NEW_YORK, daytime, at('2026-03-08T13:30:00Z'))).toBe(true);
  });

  it('holds in every zone of a country that spans several, when the list gives none', () => {
    const window: CallingWindow = { start: '08:00', end: '21:00' };
    // 08:30 in Sydney is 05:30 in Perth.
    const australian = contactZones({ phone: '+61291234567' });
    expect(isCallable(australian, window, at('2026-03-02T08:30:00+11:00'))).toBe(false);
    expect(isCallable(['Australia/Sydney'], window, at('2026-03-02T08:30:00+11:00'))).toBe(true);
    // 08:30 in New York is 05:30 in Los Angeles.
    const american = contactZones({ phone: '+12125550100' });
    expect(isCallable(american, window, at('2026-03-02T08:30:00-05:00'))).toBe(false);
    expect(isCallable(american, window, at('2026-03-02T20:30:00-05:00'))).toBe(true);
  });

  it('never rings outside 08:00-21:00 local, even for a window that was never validated', () => {
    const wide: CallingWindow = { start: '06:00', end: '23:00' };
    expect(isCallable(SHANGHAI, wide, at('2026-03-02T07:00:00+08:00'))).toBe(false);
    expect(isCallable(SHANGHAI, wide, at('2026-03-02T21:30:00+08:00'))).toBe(false);
    expect(isCallable(SHANGHAI, wide, at('2026-03-02T08:00:00+08:00'))).toBe(true);
    expect(isCallable([], wide, at('2026-03-02T12:00:00+08:00'))).toBe(false);
    expect(isCallable(SHANGHAI, { start: '9', end: '20:00' }, at('2026-03-02T12:00:00+08:00'))).toBe(false);
  });
});

describe('nextCallableAt', () => {
  it('is the instant itself when the window is open', () => {
    const instant = at('2026-03-02T12:00:00+08:00');
    expect(nextCallableAt(SHANGHAI, daytime, instant)).toBe(instant);
  });

  it('finds the next opening, skipping days the window is closed', () => {
    const weekdays: CallingWindow = { ...daytime, weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'] };
    expect(nextCallableAt(SHANGHAI, weekdays, at('2026-03-02T20:00:00+08:00'))).toBe(
      at('2026-03-03T09:00:00+08:00'),
    );
    expect(nextCallableAt(SHANGHAI, weekdays, at('2026-03-06T21:00:00+08:00'))).toBe(
      at('2026-03-09T09:00:00+08:00'),
    );
  });

  it('opens at 09:00 daylight time on the day New York springs forward', () => {
    expect(nextCallableAt(NEW_YORK, daytime, at('2026-03-07T22:30:00-05:00'))).toBe(
      at('2026-03-08T09:00:00-04:00'),
    );
    // And back in the autumn: 09:00 EST is 14:00Z.
    expect(nextCallableAt(NEW_YORK, daytime, at('2026-10-31T21:00:00-04:00'))).toBe(
      at('2026-11-01T09:00:00-05:00'),
    );
  });

  it('waits for the last of a country’s zones to open', () => {
    // 07:00 in Sydney: 08:00 comes there first, but Perth opens three hours later.
    const australian = contactZones({ phone: '+61291234567' });
    expect(
      nextCallableAt(australian, { start: '08:00', end: '21:00' }, at('2026-03-02T07:00:00+11:00')),
    ).toBe(at('2026-03-02T08:00:00+08:00'));
  });

  it('is undefined when the window never opens for the contact', () => {
    const early: CallingWindow = { start: '08:00', end: '09:00' };
    expect(nextCallableAt([...SHANGHAI, ...NEW_YORK], early, at('2026-03-02T12:00:00Z'))).toBeUndefined();
    expect(
      nextCallableAt(SHANGHAI, { ...daytime, weekdays: [] }, at('2026-03-02T12:00:00Z')),
    ).toBeUndefined();
    expect(nextCallableAt([], daytime, at('2026-03-02T12:00:00Z'))).toBeUndefined();
  });
});

describe('validateWindow', () => {
  it('accepts a window inside the legal hours, up to the bounds', () => {
    expect(validateWindow({ start: '08:00', end: '21:00' })).toEqual([]);
    expect(validateWindow({ start: '10:30', end: '12:00', weekdays: ['sat'] })).toEqual([]);
  });

  it('refuses a window that starts before 08:00 or ends after 21:00', () => {
    expect(validateWindow({ start: '07:30', end: '20:00' })).toMatchObject([
      { field: 'start', code: 'window-outside-legal-hours' },
    ]);
    const late = validateWindow({ start: '09:00', end: '21:01' });
    expect(late).toMatchObject([{ field: 'end', code: 'window-outside-legal-hours' }]);
    expect(late[0]?.message.zh).toContain('08:00 至 21:00');
  });

  it('names bad times, a window that ends before it starts, and an empty day list', () => {
    expect(validateWindow({ start: '9:00', end: '24:00' }).map((i) => [i.field, i.code])).toEqual([
      ['start', 'time-format'],
      ['end', 'time-format'],
    ]);
    expect(validateWindow({ start: '18:00', end: '09:00' })).toMatchObject([{ code: 'window-order' }]);
    expect(validateWindow({ start: '09:00', end: '18:00', weekdays: [] })).toMatchObject([
      { code: 'weekdays' },
    ]);
  });
});
