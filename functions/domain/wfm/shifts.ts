// Shifts that cover a day's staffing requirement, by a greedy heuristic (no LP solver): add, one agent
// at a time, the shift pattern that covers the most still-uncovered intervals per paid interval; then
// drop any shift whose removal leaves no interval short. Patterns are the allowed start times times the
// allowed lengths, each with its break placed mid-shift; a shift must end by the end of the local day.
import type { InputProblem } from './checks.js';
import { INTERVAL_MINUTES, SLOTS_PER_DAY } from './history.js';
import { slotLabel } from './local-time.js';

export interface ShiftRules {
  readonly startTimes: readonly string[]; // local "HH:MM" on a 15-minute boundary
  readonly lengthsHours: readonly number[]; // paid length, break included
  readonly breakMinutes: number; // unpaid by nobody: the agent is simply off the phones, mid-shift
}

export interface ShiftPattern {
  readonly startSlot: number;
  readonly slots: number;
  readonly breakStartSlot: number;
  readonly breakSlots: number;
}

export interface ScheduledShift {
  readonly start: string;
  readonly end: string;
  readonly hours: number;
  readonly breakStart: string;
  readonly breakEnd: string;
  readonly count: number;
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function checkShiftRules(rules: ShiftRules, field = 'shiftRules'): InputProblem[] {
  const problems: InputProblem[] = [];
  if (rules.startTimes.length === 0 || rules.startTimes.length > SLOTS_PER_DAY) {
    problems.push({
      field: `${field}.startTimes`,
      code: 'bad-start-times',
      message: `${field}.startTimes must list 1 to 96 start times`,
    });
  }
  for (const t of rules.startTimes) {
    const m = HHMM.exec(t);
    if (!m || Number(m[2]) % INTERVAL_MINUTES !== 0) {
      problems.push({
        field: `${field}.startTimes`,
        code: 'bad-start-times',
        message: `${field}.startTimes: "${t}" must be a local time HH:MM on a quarter hour (00, 15, 30 or 45)`,
      });
    }
  }
  if (rules.lengthsHours.length === 0) {
    problems.push({
      field: `${field}.lengthsHours`,
      code: 'bad-shift-lengths',
      message: `${field}.lengthsHours must list at least one length`,
    });
  }
  for (const h of rules.lengthsHours) {
    if (!(h >= 1 && h <= 12 && Number.isInteger(h * 4))) {
      problems.push({
        field: `${field}.lengthsHours`,
        code: 'bad-shift-lengths',
        message: `${field}.lengthsHours: ${h} must be from 1 to 12 hours in quarter hours`,
      });
    }
  }
  const shortest = Math.min(...rules.lengthsHours) * 60;
  const b = rules.breakMinutes;
  if (!(b >= 0 && b <= 120 && b % INTERVAL_MINUTES === 0 && b < shortest)) {
    problems.push({
      field: `${field}.breakMinutes`,
      code: 'bad-break',
      message: `${field}.breakMinutes must be 0 to 120 in steps of 15 and shorter than the shortest shift; got ${b}`,
    });
  }
  return problems;
}

export function shiftPatterns(rules: ShiftRules): ShiftPattern[] {
  const breakSlots = rules.breakMinutes / INTERVAL_MINUTES;
  const patterns: ShiftPattern[] = [];
  for (const t of [...new Set(rules.startTimes)].sort()) {
    const [h, m] = t.split(':').map(Number);
    const startSlot = ((h ?? 0) * 60 + (m ?? 0)) / INTERVAL_MINUTES;
    for (const hours of [...new Set(rules.lengthsHours)].sort((a, b) => a - b)) {
      const slots = hours * (60 / INTERVAL_MINUTES);
      if (startSlot + slots > SLOTS_PER_DAY) continue;
      const breakStartSlot = startSlot + Math.floor((slots - breakSlots) / 2);
      patterns.push({ startSlot, slots, breakStartSlot, breakSlots });
    }
  }
  return patterns;
}

export function works(p: ShiftPattern, slot: number): boolean {
  const inShift = slot >= p.startSlot && slot < p.startSlot + p.slots;
  const onBreak = slot >= p.breakStartSlot && slot < p.breakStartSlot + p.breakSlots;
  return inShift && !onBreak;
}

/** Agents on the phones per slot for a list of shifts. */
export function coverage(shifts: readonly ShiftPattern[]): number[] {
  const on = new Array<number>(SLOTS_PER_DAY).fill(0);
  for (const s of shifts)
    for (let i = s.startSlot; i < s.startSlot + s.slots; i++) if (works(s, i)) on[i] = (on[i] ?? 0) + 1;
  return on;
}

export function coverShifts(required: readonly number[], patterns: readonly ShiftPattern[]): ShiftPattern[] {
  const deficit = required.map((r) => r);
  const chosen: ShiftPattern[] = [];
  for (;;) {
    let best: ShiftPattern | undefined;
    let bestScore = 0;
    for (const p of patterns) {
      let covered = 0;
      for (let i = p.startSlot; i < p.startSlot + p.slots; i++)
        if (works(p, i) && (deficit[i] ?? 0) > 0) covered++;
      const score = covered / p.slots;
      if (score > bestScore) {
        best = p;
        bestScore = score;
      }
    }
    if (!best) break;
    chosen.push(best);
    for (let i = best.startSlot; i < best.startSlot + best.slots; i++)
      if (works(best, i)) deficit[i] = (deficit[i] ?? 0) - 1;
  }
  // Greedy choices made early can become redundant once later shifts overlap them.
  for (let k = chosen.length - 1; k >= 0; k--) {
    const p = chosen[k];
    if (!p) continue;
    let needed = false;
    for (let i = p.startSlot; i < p.startSlot + p.slots; i++)
      if (works(p, i) && (deficit[i] ?? 0) >= 0) needed = true;
    if (needed) continue;
    chosen.splice(k, 1);
    for (let i = p.startSlot; i < p.startSlot + p.slots; i++)
      if (works(p, i)) deficit[i] = (deficit[i] ?? 0) + 1;
  }
  return chosen;
}

/** The chosen shifts grouped by pattern, earliest first, for a roster table. */
export function describeShifts(shifts: readonly ShiftPattern[]): ScheduledShift[] {
  const groups = new Map<string, { p: ShiftPattern; count: number }>();
  for (const p of shifts) {
    const key = `${p.startSlot}/${p.slots}`;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { p, count: 1 });
  }
  return [...groups.values()]
    .sort((a, b) => a.p.startSlot - b.p.startSlot || a.p.slots - b.p.slots)
    .map(({ p, count }) => ({
      start: slotLabel(p.startSlot),
      end: slotLabel((p.startSlot + p.slots) % SLOTS_PER_DAY),
      hours: (p.slots * INTERVAL_MINUTES) / 60,
      breakStart: slotLabel(p.breakStartSlot),
      breakEnd: slotLabel(p.breakStartSlot + p.breakSlots),
      count,
    }));
}
