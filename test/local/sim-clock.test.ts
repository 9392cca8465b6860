// SIM_CLOCK, and the local stack on the sim clock it starts: the periodic jobs are timers on it, every 5 s
// as time passes and once a minute inside a move, so moving the clock sweeps presence too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimClock, type SimClock } from '../../functions/domain/manual-clock.js';
import { type ProvisionedRouting, ROUTING_SETTING } from '../../functions/domain/routing/provisioned.js';
import { loadSimClock } from '../../infra/local/local-config.js';
import {
  nextRoundAt,
  ROUND_EVERY_MS,
  ROUND_IN_A_MOVE_EVERY_MS,
  startLocalPeriodicJobs,
} from '../../infra/local/local-periodic-jobs.js';
import { type LocalStack, startLocalStack } from '../../infra/local/start-local-stack.js';

const MONDAY_10 = Date.parse('2026-12-07T10:00:00+08:00');
const onTimerError = (error: unknown) => {
  throw error;
};

describe('SIM_CLOCK', () => {
  it('is the system clock when unset, a running clock from an ISO time, or manual', () => {
    expect(loadSimClock({})).toEqual({ mode: 'system' });
    expect(loadSimClock({ SIM_CLOCK: ' ' })).toEqual({ mode: 'system' });
    expect(loadSimClock({ SIM_CLOCK: 'manual' })).toEqual({ mode: 'manual' });
    expect(loadSimClock({ SIM_CLOCK: '2026-12-07T10:00:00+08:00' })).toEqual({
      mode: 'running',
      startMs: MONDAY_10,
    });
  });

  it('fails fast on anything else, naming SIM_CLOCK and what it takes', () => {
    for (const value of ['2026-12-07T10:00:00', 'Manual', '2026-02-30T10:00:00Z', 'now'])
      expect(() => loadSimClock({ SIM_CLOCK: value }), value).toThrow(
        `Configuration SIM_CLOCK: must be an ISO 8601 time with Z or a UTC offset to run from (e.g. SIM_CLOCK=2026-12-07T09:00:00+08:00), or "manual" to stand still until moved; got "${value}"`,
      );
  });
});

describe('periodic jobs on a sim clock', () => {
  it('run every 5 s, once a minute inside a move with the last at its end, then every 5 s again', async () => {
    expect(nextRoundAt(0, undefined)).toBe(ROUND_EVERY_MS);
    expect(nextRoundAt(0, 3_000)).toBe(ROUND_EVERY_MS); // a move shorter than a round changes nothing
    expect(nextRoundAt(0, 30_000)).toBe(30_000);
    expect(nextRoundAt(0, 3_599_999)).toBe(ROUND_IN_A_MOVE_EVERY_MS);
    expect(nextRoundAt(0, 14 * 3_600_000)).toBe(28 * 60_000); // a thirtieth of the way, in whole minutes

    const clock = createSimClock({ startMs: 0, running: false, onTimerError });
    const rounds: number[] = [];
    const jobs = startLocalPeriodicJobs(async () => void rounds.push(clock.now()), clock);
    await clock.advance(10_000);
    expect(rounds).toEqual([5_000, 10_000]);
    rounds.length = 0;
    await clock.advance(3_600_000);
    // The round already due at 15 s, then one a minute, then one at the end: 61 rather than 720.
    expect(rounds.slice(0, 3)).toEqual([15_000, 75_000, 135_000]);
    expect(rounds).toHaveLength(61);
    expect(rounds.at(-1)).toBe(3_610_000);
    rounds.length = 0;
    await clock.advance(10_000);
    expect(rounds).toEqual([3_615_000, 3_620_000]);
    jobs.stop();
    await clock.advance(60_000);
    expect(rounds).toHaveLength(2);
  });

  it('take bigger steps while a long move is hours from its landing time, then one a minute again', async () => {
    const clock = createSimClock({ startMs: 0, running: false, onTimerError });
    const rounds: number[] = [];
    const jobs = startLocalPeriodicJobs(async () => void rounds.push(clock.now()), clock);
    const night = 14 * 3_600_000;
    await clock.advance(night);
    expect(rounds.length).toBeGreaterThan(100);
    expect(rounds.length).toBeLessThan(200);
    expect(rounds.at(-1)).toBe(night);
    for (let i = 1; i < rounds.length; i++) {
      const gap = (rounds[i] as number) - (rounds[i - 1] as number);
      // Never more than a thirtieth of what was left, and a minute apart in the last hour.
      expect(gap).toBeLessThanOrEqual(
        Math.max(ROUND_IN_A_MOVE_EVERY_MS, (night - (rounds[i - 1] as number)) / 30),
      );
      if ((rounds[i - 1] as number) >= night - 3_600_000)
        expect(gap).toBeLessThanOrEqual(ROUND_IN_A_MOVE_EVERY_MS);
    }
    jobs.stop();
  });
});

describe('the local stack on a running sim clock', () => {
  let stack: LocalStack;
  let clock: SimClock;
  beforeAll(async () => {
    clock = createSimClock({ startMs: MONDAY_10, running: true, onTimerError: () => {} });
    stack = await startLocalStack({ port: 0, clock, periodicJobs: true, demoData: true });
  });
  afterAll(() => stack?.stop());

  const send = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${stack.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('shows the clock in the center’s time zone', async () => {
    const { body } = await send('GET', '/sim/clock');
    expect(body).toMatchObject({ mode: 'running', timeZone: 'Asia/Shanghai' });
    expect(Date.parse(String(body.now))).toBeGreaterThanOrEqual(MONDAY_10);
  });

  it('sweeps presence during a move: an agent without a heartbeat leaves Available', async () => {
    const routing = await stack.store.settings.get<ProvisionedRouting>(ROUTING_SETTING);
    const workers = stack.twilio.taskrouter.v1.workspaces(routing?.workspaceSid ?? '').workers;
    const sid = routing?.workers['1001'] ?? '';
    await workers(sid).update({ activitySid: routing?.activities.Available ?? '' });
    expect((await workers(sid).fetch()).activityName).toBe('Available');
    const moved = await send('POST', '/sim/clock/advance', { ms: 2 * 60_000 });
    expect(moved.status).toBe(200);
    expect((await workers(sid).fetch()).activityName).toBe('Offline');
    const swept = await stack.store.audit.byActor('system', { limit: 50 });
    expect(swept.items.find((a) => a.action === 'presence.offline' && a.target === '1001')).toBeDefined();
  });
});

describe('the demo history and the clock', () => {
  it('moves while the eight weeks are still being written, without waiting for them', async () => {
    const clock = createSimClock({ startMs: MONDAY_10, running: true, onTimerError: () => {} });
    const stack = await startLocalStack({
      port: 0,
      clock,
      periodicJobs: true,
      demoData: true,
      demoHistory: true,
    });
    try {
      // A tester's "+2 h" in the first minute after npm start used to wait for the whole load (a minute and
      // more on this machine); now the move takes a few seconds while the weeks go on being written.
      const move = clock.advance(2 * 3_600_000).then(() => 'moved');
      const later = new Promise((r) => setTimeout(() => r('still waiting for the load'), 45_000));
      expect(await Promise.race([move, later])).toBe('moved');
    } finally {
      await stack.stop();
    }
  }, 120_000);
});
