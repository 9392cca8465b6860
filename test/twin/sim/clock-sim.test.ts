// The sim API's clock routes on the real clocks: read it, move it by ms or to a time (settling the twin
// before, after, and after each timer that left work in flight), refuse the past and bad bodies with 400
// naming the field, and answer 409 on the system clock, saying how to start with SIM_CLOCK.
import { describe, expect, it } from 'vitest';
import {
  createManualClock,
  createSimClock,
  createSystemClock,
  type TimerClock,
} from '../../../functions/domain/manual-clock.js';
import { createClockSimApp } from '../../../infra/local/twin/sim/clock-sim.js';

const MONDAY_9 = Date.parse('2026-12-07T09:00:00+08:00');
const onTimerError = (error: unknown) => {
  throw error;
};

function routes(clock: TimerClock, busy: () => boolean = () => false) {
  const settled: number[] = [];
  const app = createClockSimApp({
    clock,
    settle: async () => void settled.push(clock.now()),
    busy,
    timeZone: 'Asia/Shanghai',
  });
  const send = async (method: string, path: string, body?: unknown) => {
    const res = await app.request(path, {
      method,
      ...(body === undefined
        ? {}
        : {
            headers: { 'content-type': 'application/json' },
            body: typeof body === 'string' ? body : JSON.stringify(body),
          }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  return { settled, send };
}

describe('GET /sim/clock', () => {
  it('shows the time, how the clock moves and the center’s time zone', async () => {
    const manual = routes(createSimClock({ startMs: MONDAY_9, running: false, onTimerError }));
    expect(await manual.send('GET', '/')).toEqual({
      status: 200,
      body: { now: '2026-12-07T01:00:00.000Z', mode: 'manual', timeZone: 'Asia/Shanghai' },
    });
    const running = await routes(createSimClock({ startMs: MONDAY_9, running: true, onTimerError })).send(
      'GET',
      '/',
    );
    expect(running.body.mode).toBe('running');
    expect(Date.parse(String(running.body.now)) - MONDAY_9).toBeGreaterThanOrEqual(0);
    expect((await routes(createSystemClock({ onTimerError })).send('GET', '/')).body.mode).toBe('system');
    expect((await routes(createManualClock(MONDAY_9)).send('GET', '/')).body.mode).toBe('manual');
  });
});

describe('moving the clock', () => {
  it('POST /advance moves by ms, firing crossed timers in order and settling around the move', async () => {
    const clock = createSimClock({ startMs: MONDAY_9, running: false, onTimerError });
    let inFlight = false;
    const { settled, send } = routes(clock, () => inFlight);
    const fired: number[] = [];
    clock.at(MONDAY_9 + 20_000, () => void fired.push(clock.now() - MONDAY_9));
    clock.at(MONDAY_9 + 10_000, () => {
      fired.push(clock.now() - MONDAY_9);
      inFlight = true; // e.g. a webhook this timer started: settled before time moves on
    });
    const res = await send('POST', '/advance', { ms: 60_000 });
    expect(res).toEqual({
      status: 200,
      body: { now: '2026-12-07T01:01:00.000Z', mode: 'manual', timeZone: 'Asia/Shanghai' },
    });
    expect(fired).toEqual([10_000, 20_000]);
    expect(settled.map((t) => t - MONDAY_9)).toEqual([0, 10_000, 20_000, 60_000]);
  });

  it('PUT / moves to a time, on a running clock too, and refuses the past: timers cannot run backwards', async () => {
    const clock = createSimClock({ startMs: MONDAY_9, running: true, onTimerError });
    const { send } = routes(clock);
    let closedAt: number | undefined;
    clock.at(Date.parse('2026-12-07T22:00:00+08:00'), () => {
      closedAt = clock.now();
    });
    const res = await send('PUT', '/', { now: '2026-12-07T23:00:00+08:00' });
    expect(res.status).toBe(200);
    expect(Date.parse(String(res.body.now))).toBeGreaterThanOrEqual(Date.parse('2026-12-07T15:00:00Z'));
    expect(closedAt).toBe(Date.parse('2026-12-07T14:00:00Z'));
    const past = await send('PUT', '/', { now: '2026-12-07T09:00:00+08:00' });
    expect(past.status).toBe(400);
    expect(past.body.field).toBe('now');
    expect(past.body.error).toMatch(/is before the clock's time .*timers cannot run backwards/);
    expect(clock.now()).toBeGreaterThanOrEqual(Date.parse('2026-12-07T15:00:00Z'));
  });

  it('works on a test manual clock as well', async () => {
    const clock = createManualClock(MONDAY_9);
    const { send } = routes(clock);
    expect((await send('PUT', '/', { now: '2026-12-08T01:00:00Z' })).body.now).toBe(
      '2026-12-08T01:00:00.000Z',
    );
    expect((await send('POST', '/advance', { ms: 1000 })).body.now).toBe('2026-12-08T01:00:01.000Z');
  });

  it('answers 400 naming the field and what is allowed for bad bodies', async () => {
    const clock = createSimClock({ startMs: MONDAY_9, running: false, onTimerError });
    const { send } = routes(clock);
    for (const ms of [-1, '60000', null, Number.MAX_VALUE]) {
      const res = await send('POST', '/advance', { ms });
      expect(res.status, String(ms)).toBe(400);
      expect(res.body.field).toBe('ms');
    }
    expect((await send('POST', '/advance', { ms: -1 })).body.error).toBe(
      'ms is a non-negative number of milliseconds',
    );
    for (const now of ['2026-12-08 09:00', '2026-12-08T09:00:00', 'tomorrow', 42, undefined]) {
      const res = await send('PUT', '/', { now });
      expect(res.status, String(now)).toBe(400);
      expect(res.body).toEqual({
        field: 'now',
        error: 'now is an ISO 8601 date-time with Z or a UTC offset, e.g. 2026-12-07T09:00:00+08:00',
      });
    }
    expect(await send('PUT', '/', 'not json')).toEqual({
      status: 400,
      body: { field: 'body', error: 'the body must be a JSON object' },
    });
    expect(clock.now()).toBe(MONDAY_9);
  });
});

describe('on the system clock', () => {
  it('answers 409 to moves, saying to start with SIM_CLOCK', async () => {
    const { send } = routes(createSystemClock({ onTimerError }));
    for (const [method, path, body] of [
      ['POST', '/advance', { ms: 1000 }],
      ['PUT', '/', { now: '2030-01-01T00:00:00Z' }],
    ] as const) {
      const res = await send(method, path, body);
      expect(res.status).toBe(409);
      expect(res.body.error).toMatch(/system clock.*SIM_CLOCK=<ISO time>.*SIM_CLOCK=manual/);
    }
  });
});
