// Where an instant falls in the center's own week: its local date, weekday and 15-minute slot, read
// through Intl so the machine's zone never matters.
import { INTERVAL_MINUTES } from './history.js';

export interface LocalSlot {
  readonly date: string; // YYYY-MM-DD in the center's zone
  readonly weekday: number; // 0 Sunday .. 6 Saturday
  readonly slot: number; // 0 .. 95, the 15-minute slot of the local day
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function localSlot(ms: number, timeZone: string): LocalSlot {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(ms)) parts[p.type] = p.value;
  const minutes = Number(parts.hour) * 60 + Number(parts.minute);
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ''),
    slot: Math.floor(minutes / INTERVAL_MINUTES),
  };
}

/** "HH:MM" of a slot's start. */
export function slotLabel(slot: number): string {
  const minutes = slot * INTERVAL_MINUTES;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
