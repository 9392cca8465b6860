// Time and timers from one source, shared by the app and the Twilio twin. The system clock uses real
// timers; the manual clock moves only when told, firing due timers in order, so a 30-second wrap-up
// or a closed night passes in a millisecond, deterministically. The sim clock is what a tester drives
// on the local stack: it runs at real speed from a chosen moment (or stands still), and jumps forward
// on demand, firing every timer it crosses in order, as the manual clock does.
import type { Clock } from './ports.js';
import { createTimerQueue } from './timer-queue.js';

/** Something that can run work at a time on its clock. `cancel` is idempotent. */
export interface TimerClock extends Clock {
  at(timeMs: number, fn: () => void | Promise<void>): { cancel(): void };
}

export interface MoveOptions {
  /**
   * Awaited after each timer a move runs, before time moves on to the next one: work a timer starts
   * without awaiting (a webhook) then finishes at that timer's time, as it would on a real clock.
   */
  readonly afterEach?: () => Promise<void>;
}

export interface ManualClock extends TimerClock {
  /** Moves time forward, running each due timer at its own time and awaiting it. */
  advance(ms: number, options?: MoveOptions): Promise<void>;
  /** As advance, to a time; a time in the past is a RangeError, since timers cannot run backwards. */
  advanceTo(timeMs: number, options?: MoveOptions): Promise<void>;
  /** Runs timers due now (e.g. zero-delay work scheduled by a handler) until none are left. */
  flush(): Promise<void>;
  pendingTimers(): number;
}

/** `running`: real speed from a chosen moment; `manual`: stands still between moves. */
export interface SimClock extends ManualClock {
  readonly mode: 'running' | 'manual';
  /** While a move runs, the time it is heading to; otherwise undefined. */
  moveTarget(): number | undefined;
}

export type ClockMode = 'system' | SimClock['mode'];

/** Where a failing timer is reported: timers have no caller to throw to. */
export interface TimerErrors {
  readonly onTimerError: (error: unknown) => void;
}

export function isManualClock(clock: TimerClock): clock is ManualClock {
  return typeof (clock as Partial<ManualClock>).advanceTo === 'function';
}

/** How a clock moves: test manual clocks count as `manual`. */
export function clockMode(clock: TimerClock): ClockMode {
  const mode = (clock as Partial<SimClock>).mode;
  if (mode === 'running' || mode === 'manual') return mode;
  return isManualClock(clock) ? 'manual' : 'system';
}

/** The latest time a Date can hold. */
export const MAX_TIME_MS = 8.64e15;

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * An ISO 8601 date-time with Z or a UTC offset (2026-12-07T09:00:00+08:00) as epoch ms; undefined for
 * anything else, including a time without an offset (whose zone would be a guess) and a day that does
 * not exist (Date.parse takes 30 February for 2 March).
 */
export function parseInstant(text: string): number | undefined {
  const m = INSTANT.exec(text.trim());
  if (!m) return undefined;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, offsetH = 0, offsetM = 0] = m
    .slice(1)
    .map((part) => Number(part ?? 0));
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  if (hour > 23 || minute > 59 || second > 59 || offsetH > 23 || offsetM > 59) return undefined;
  const ms = Date.parse(text.trim());
  return Number.isFinite(ms) ? ms : undefined;
}

export function createSystemClock(errors: TimerErrors): TimerClock {
  return {
    now: () => Date.now(),
    at(timeMs, fn) {
      const handle = setTimeout(
        () => {
          void Promise.resolve().then(fn).catch(errors.onTimerError);
        },
        Math.max(0, timeMs - Date.now()),
      );
      handle.unref?.();
      return { cancel: () => clearTimeout(handle) };
    },
  };
}

function checkTarget(from: number, target: number): void {
  if (!Number.isFinite(target) || target > MAX_TIME_MS)
    throw new RangeError(`cannot move the clock to ${target}: not a time`);
  if (target < from)
    throw new RangeError(
      `cannot move the clock back from ${new Date(from).toISOString()} to ${new Date(target).toISOString()}: timers cannot run backwards`,
    );
}

function checkStep(ms: number): void {
  if (!Number.isFinite(ms) || ms < 0)
    throw new RangeError(`advance takes a non-negative number of ms, got ${ms}`);
}

/** Without `onTimerError`, a failing timer rejects the move that ran it (tests want to see it). */
export function createManualClock(startMs: number, errors?: TimerErrors): ManualClock {
  let now = startMs;
  const timers = createTimerQueue();

  async function runUntil(limit: number, options?: MoveOptions): Promise<void> {
    for (let timer = timers.take(limit); timer; timer = timers.take(limit)) {
      if (timer.time > now) now = timer.time;
      if (errors) await Promise.resolve().then(timer.fn).catch(errors.onTimerError);
      else await timer.fn();
      await options?.afterEach?.();
    }
  }
  async function advanceTo(target: number, options?: MoveOptions): Promise<void> {
    checkTarget(now, target);
    await runUntil(target, options);
    now = target;
  }

  return {
    now: () => now,
    at: (timeMs, fn) => timers.add(timeMs, fn),
    async advance(ms, options) {
      checkStep(ms);
      await advanceTo(now + ms, options);
    },
    advanceTo,
    flush: () => runUntil(now),
    pendingTimers: () => timers.size(),
  };
}

/** setTimeout holds at most this many ms; a later alarm is set again when it goes off. */
const MAX_ALARM_MS = 2 ** 31 - 1;

export interface SimClockOptions extends TimerErrors {
  readonly startMs: number;
  /** Real speed from startMs; false stands still between moves (timers already due still run). */
  readonly running: boolean;
}

/**
 * A clock that runs at real speed from `startMs` (or stands still) and can be moved forward. As time
 * passes, due timers start in order without waiting for one another, as on the system clock. A move
 * first waits for timers already started, then holds time at each timer it crosses while awaiting it,
 * and lands at its target; moves run one at a time. Each timer runs once, whichever way it comes due.
 */
export function createSimClock(options: SimClockOptions): SimClock {
  const { running, onTimerError } = options;
  const timers = createTimerQueue();
  // Clock time is `base` plus the real time since `anchor` when running; held at `held` during a move.
  let base = options.startMs;
  let anchor = Date.now();
  let held: number | undefined;
  let target: number | undefined;
  let alarm: { handle: ReturnType<typeof setTimeout>; at: number } | undefined;
  const started = new Set<Promise<void>>();
  let moves: Promise<unknown> = Promise.resolve();

  const now = () => held ?? (running ? base + (Date.now() - anchor) : base);

  function disarm(): void {
    if (alarm) clearTimeout(alarm.handle);
    alarm = undefined;
  }

  /** One real timer for the earliest clock timer; while a move runs, the move fires timers instead. */
  function arm(): void {
    const next = held === undefined ? timers.earliest() : undefined;
    const wait = next === undefined ? undefined : next - now();
    if (next === undefined || wait === undefined || (!running && wait > 0)) {
      disarm();
      return;
    }
    if (alarm && alarm.at <= next) return;
    disarm();
    const handle = setTimeout(ring, Math.min(MAX_ALARM_MS, Math.max(0, wait)));
    handle.unref?.();
    alarm = { handle, at: next };
  }

  function ring(): void {
    alarm = undefined;
    if (held !== undefined) return;
    const limit = now();
    for (let timer = timers.take(limit); timer; timer = timers.take(limit)) {
      const run: Promise<void> = Promise.resolve()
        .then(timer.fn)
        .catch(onTimerError)
        .finally(() => started.delete(run));
      started.add(run);
    }
    arm();
  }

  function move(targetFrom: (from: number) => number, moveOptions?: MoveOptions): Promise<void> {
    const done = moves.then(async () => {
      while (started.size > 0) await Promise.allSettled([...started]);
      const from = now();
      const to = targetFrom(from);
      checkTarget(from, to);
      held = from;
      target = to;
      disarm();
      try {
        for (let timer = timers.take(to); timer; timer = timers.take(to)) {
          if (timer.time > held) held = timer.time;
          await Promise.resolve().then(timer.fn).catch(onTimerError);
          await moveOptions?.afterEach?.();
        }
        held = to;
      } finally {
        base = held;
        anchor = Date.now();
        held = undefined;
        target = undefined;
        arm();
      }
    });
    moves = done.catch(() => {});
    return done;
  }

  return {
    mode: running ? 'running' : 'manual',
    now,
    at(timeMs, fn) {
      const timer = timers.add(timeMs, fn);
      arm();
      return timer;
    },
    async advance(ms, moveOptions) {
      checkStep(ms);
      await move((from) => from + ms, moveOptions);
    },
    advanceTo: (timeMs, moveOptions) => move(() => timeMs, moveOptions),
    flush: () => move((from) => from),
    pendingTimers: () => timers.size(),
    moveTarget: () => target,
  };
}
