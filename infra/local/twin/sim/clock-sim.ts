// Sim API for the shared clock: read it (GET /), move it forward by ms (POST /advance) or to a time (PUT /).
// A move settles the twin first and after every timer it crosses, so a webhook a timer starts is answered
// at that timer's time; the reply comes once everything is idle. Mount at /sim/clock. Local only.
import { Hono } from 'hono';
import {
  clockMode,
  isManualClock,
  MAX_TIME_MS,
  type ManualClock,
  parseInstant,
  type TimerClock,
} from '../../../../functions/domain/manual-clock.js';
import { readJson, SimBadRequest } from './sim-body.js';

export interface ClockSimDeps {
  readonly clock: TimerClock;
  /** Resolves once the twin has no work in flight. */
  readonly settle: () => Promise<void>;
  /** Whether the twin has work in flight now: a move settles after a timer only if it started some. */
  readonly busy: () => boolean;
  /** The center's time zone, shown with the time (the bare twin knows no center: UTC). */
  readonly timeZone: string;
}

const SYSTEM_CLOCK =
  'the stack runs on the system clock, which cannot be moved: start it with SIM_CLOCK=<ISO time> ' +
  '(e.g. SIM_CLOCK=2026-12-07T09:00:00+08:00, running from then) or SIM_CLOCK=manual (frozen until moved)';
const NOW_FORMAT = 'now is an ISO 8601 date-time with Z or a UTC offset, e.g. 2026-12-07T09:00:00+08:00';

export function createClockSimApp(deps: ClockSimDeps): Hono {
  const { clock, settle, busy, timeZone } = deps;
  const app = new Hono();
  // Settling costs a few turns of the event loop; most timers a night crosses (periodic jobs) start nothing.
  const afterEach = async () => {
    if (busy()) await settle();
  };
  const view = () => ({ now: new Date(clock.now()).toISOString(), mode: clockMode(clock), timeZone });

  app.onError((err, c) => {
    if (err instanceof SimBadRequest) return c.json({ error: err.message, field: err.field }, 400);
    throw err;
  });

  async function move(manual: ManualClock, to: (clock: ManualClock) => Promise<void>) {
    await settle();
    await to(manual);
    await settle();
    return view();
  }

  app.get('/', (c) => c.json(view()));

  app.post('/advance', async (c) => {
    if (!isManualClock(clock)) return c.json({ error: SYSTEM_CLOCK }, 409);
    const { ms } = await readJson(c);
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)
      throw new SimBadRequest('ms', 'ms is a non-negative number of milliseconds');
    if (clock.now() + ms > MAX_TIME_MS) throw new SimBadRequest('ms', 'ms goes past the last date there is');
    return c.json(await move(clock, (m) => m.advance(ms, { afterEach })));
  });

  app.put('/', async (c) => {
    if (!isManualClock(clock)) return c.json({ error: SYSTEM_CLOCK }, 409);
    const { now } = await readJson(c);
    const target = typeof now === 'string' ? parseInstant(now) : undefined;
    if (target === undefined) throw new SimBadRequest('now', NOW_FORMAT);
    const past = () =>
      new SimBadRequest(
        'now',
        `now (${new Date(target).toISOString()}) is before the clock's time ` +
          `(${new Date(clock.now()).toISOString()}): timers cannot run backwards, so the clock only moves forward`,
      );
    if (target < clock.now()) throw past();
    try {
      return c.json(await move(clock, (m) => m.advanceTo(target, { afterEach })));
    } catch (error) {
      // A running clock can pass the target between the check above and the move.
      if (error instanceof RangeError) throw past();
      throw error;
    }
  });

  return app;
}
