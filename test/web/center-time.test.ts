// The center's wall clock in the browser: shown and picked in the center's zone, whatever the browser's.
import { describe, expect, it } from 'vitest';
import { formatCenterTime, fromWallInput, toWallInput } from '../../web/src/center-time.js';

const MONDAY_9 = Date.parse('2026-12-07T09:00:00+08:00');

describe('center time', () => {
  it('reads "Mon 7 Dec 09:00" in English and "12月7日 周一 09:00" in Chinese, in the center’s zone', () => {
    expect(formatCenterTime(MONDAY_9, 'Asia/Shanghai', 'en', MONDAY_9)).toBe('Mon 7 Dec 09:00');
    expect(formatCenterTime(MONDAY_9, 'Asia/Shanghai', 'zh', MONDAY_9)).toBe('12月7日 周一 09:00');
    expect(formatCenterTime(MONDAY_9, 'America/New_York', 'en', MONDAY_9)).toBe('Sun 6 Dec 20:00');
  });

  it('gives the year of a time in another year than the center’s now, so it never reads as this year’s', () => {
    const longAgo = Date.parse('2020-01-01T10:00:00+08:00');
    expect(formatCenterTime(longAgo, 'Asia/Shanghai', 'en', MONDAY_9)).toBe('Wed 1 Jan 2020 10:00');
    expect(formatCenterTime(longAgo, 'Asia/Shanghai', 'zh', MONDAY_9)).toBe('2020年1月1日 周三 10:00');
    const nextYear = Date.parse('2027-01-04T09:00:00+08:00');
    expect(formatCenterTime(nextYear, 'Asia/Shanghai', 'en', MONDAY_9)).toBe('Mon 4 Jan 2027 09:00');
  });

  it('fills and reads a datetime-local input as the center’s wall time', () => {
    expect(toWallInput(MONDAY_9 + 59_999, 'Asia/Shanghai')).toBe('2026-12-07T09:00');
    expect(fromWallInput('2026-12-07T23:00', 'Asia/Shanghai')).toBe(Date.parse('2026-12-07T15:00:00Z'));
    expect(fromWallInput('2026-12-07', 'Asia/Shanghai')).toBeUndefined();
  });

  it('finds the right offset on both sides of a daylight-saving change', () => {
    expect(fromWallInput('2026-03-08T01:30', 'America/New_York')).toBe(Date.parse('2026-03-08T06:30:00Z'));
    expect(fromWallInput('2026-03-08T03:30', 'America/New_York')).toBe(Date.parse('2026-03-08T07:30:00Z'));
    expect(fromWallInput('2026-11-01T12:00', 'America/New_York')).toBe(Date.parse('2026-11-01T17:00:00Z'));
    expect(fromWallInput('2026-10-31T12:00', 'America/New_York')).toBe(Date.parse('2026-10-31T16:00:00Z'));
  });
});
