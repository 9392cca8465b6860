// The center's wall clock in the browser, whatever zone the browser is in: "Mon 7 Dec 09:00" for
// people, and the value of a datetime-local input (and back) read in the center's time zone.
import type { Lang } from './i18n.js';

type Parts = Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;

function wallParts(ms: number, timeZone: string): Parts {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(ms);
  const get = (type: keyof Parts) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * "Mon 7 Dec 09:00" or "12月7日 周一 09:00"; with the year ("Wed 1 Jan 2020 10:00", "2020年1月1日 周三 10:00")
 * when it is not this year's, so a date long past never reads as next month's.
 */
export function formatCenterTime(ms: number, timeZone: string, lang: Lang, nowMs: number): string {
  const p = wallParts(ms, timeZone);
  const otherYear = p.year !== wallParts(nowMs, timeZone).year;
  const weekday = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone,
    weekday: 'short',
  }).format(ms);
  const time = `${pad(p.hour)}:${pad(p.minute)}`;
  if (lang === 'zh') return `${otherYear ? `${p.year}年` : ''}${p.month}月${p.day}日 ${weekday} ${time}`;
  const month = new Intl.DateTimeFormat('en-GB', { timeZone, month: 'short' }).format(ms);
  return `${weekday} ${p.day} ${month}${otherYear ? ` ${p.year}` : ''} ${time}`;
}

/** "09:00:05": the time of day on the center's clock, for what happened today. */
export function formatCenterClock(ms: number, timeZone: string): string {
  const p = wallParts(ms, timeZone);
  return `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/** The value of a datetime-local input showing `ms` in the center's zone, e.g. 2026-12-07T09:00. */
export function toWallInput(ms: number, timeZone: string): string {
  const p = wallParts(ms, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** How far the center's wall clock is ahead of UTC at `ms`. */
function offsetAt(ms: number, timeZone: string): number {
  const p = wallParts(ms, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

/** The instant a datetime-local value names in the center's zone; undefined when it is not one. */
export function fromWallInput(value: string, timeZone: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0] = m.slice(1).map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The offset at the guess can differ from the offset at the answer across a daylight-saving change.
  const guess = wall - offsetAt(wall, timeZone);
  return wall - offsetAt(guess, timeZone);
}
