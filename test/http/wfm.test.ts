// The planning routes: Erlang calculators, forecast and plan through the real API app (no history
// yet: the forecast says so and a plan from typed-in volumes still works), the same routes over a
// synthetic history, 400s naming the field and its range, and the roles that may call them.
import { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextLocalMidnight } from '../../functions/domain/wfm/forecast.js';
import type { LoadVolumes } from '../../functions/domain/wfm/history.js';
import { createGuard } from '../../functions/http/api/guard.js';
import { validationHook } from '../../functions/http/api/validation-hook.js';
import { registerWfmRoutes } from '../../functions/http/api/wfm-routes.js';
import type { ApiEnv } from '../../functions/http/env.js';
import { HttpProblem } from '../../functions/http/errors.js';
import { syntheticHistory, TZ } from '../domain/wfm/synthetic-history.js';
import { createHarness, type Harness } from './harness.js';

const open = (from: number, to: number, calls: number) =>
  Array.from({ length: 96 }, (_, slot) => (slot >= from * 4 && slot < to * 4 ? calls : 0));

describe('planning routes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.stop());

  it('computes Erlang C and B', async () => {
    const c = await h.as(
      'supervisor',
      'GET',
      '/api/wfm/erlang-c?calls=100&intervalSeconds=1800&ahtSeconds=180&targetSeconds=20&targetServiceLevel=0.8&shrinkage=0.3',
    );
    expect(c.status).toBe(200);
    expect(c.body).toMatchObject({ erlangs: 10, agents: 14, staff: 20 });
    expect(c.body.serviceLevel).toBeCloseTo(0.8884, 4);
    const b = await h.as('admin', 'GET', '/api/wfm/erlang-b?erlangs=10&blocking=0.01');
    expect(b.status).toBe(200);
    expect(b.body.lines).toBe(18);
  });

  it('answers bad input with 400 naming the field and the allowed range', async () => {
    const c = await h.as(
      'supervisor',
      'GET',
      '/api/wfm/erlang-c?calls=100&ahtSeconds=180&targetServiceLevel=1.5',
    );
    expect(c.status).toBe(400);
    expect(c.body.issues).toEqual([
      {
        path: 'query.targetServiceLevel',
        code: 'out-of-range',
        message: 'targetServiceLevel must be a number greater than 0 and less than 1; got 1.5',
      },
    ]);
    const missing = await h.as('supervisor', 'GET', '/api/wfm/erlang-c?calls=abc');
    expect(missing.status).toBe(400);
    expect(missing.body.issues.map((i: { path: string }) => i.path)).toEqual([
      'query.calls',
      'query.ahtSeconds',
    ]);
    const b = await h.as('supervisor', 'GET', '/api/wfm/erlang-b?erlangs=-1&blocking=0.01');
    expect(b.status).toBe(400);
    expect(b.body.message).toMatch(/query.erlangs: erlangs must be a number from 0 to 100000; got -1/);
    const days = await h.as('supervisor', 'GET', '/api/wfm/forecast?days=99');
    expect(days.status).toBe(400);
    expect(days.body.issues[0].path).toBe('query.days');
    const plan = await h.as('supervisor', 'POST', '/api/wfm/plan', {
      volumes: open(8, 20, 10),
      shrinkage: 2,
      shiftRules: { startTimes: ['25:00'], lengthsHours: [8], breakMinutes: 60 },
    });
    expect(plan.status).toBe(400);
    expect(plan.body.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.shrinkage',
      'body.shiftRules.startTimes',
    ]);
    const typed = await h.as('supervisor', 'POST', '/api/wfm/plan', { volumes: 'lots' });
    expect(typed.status).toBe(400);
    expect(typed.body.issues[0].path).toBe('body.volumes');
  });

  it('says when there is not enough history, and plans from typed-in volumes', async () => {
    const f = await h.as('supervisor', 'GET', '/api/wfm/forecast');
    expect(f.status).toBe(200);
    expect(f.body).toEqual({ ok: false, reason: 'not-enough-history', historyDays: 0, needDays: 14 });
    const fromForecast = await h.as('supervisor', 'POST', '/api/wfm/plan', {});
    expect(fromForecast.status).toBe(422);
    expect(fromForecast.body.error).toBe('not-enough-history');
    const base = await h.as('supervisor', 'POST', '/api/wfm/plan', {
      volumes: open(8, 20, 10),
      ahtSeconds: 240,
    });
    expect(base.status).toBe(200);
    expect(base.body.source).toBe('manual');
    expect(base.body.intervals).toHaveLength(96);
    expect(base.body.totals.shortIntervals).toBe(0);
    expect(base.body.shifts.length).toBeGreaterThan(0);
    const more = await h.as('supervisor', 'POST', '/api/wfm/plan', {
      volumes: open(8, 20, 10),
      ahtSeconds: 240,
      volumePercent: 150,
    });
    expect(more.body.totals.agents).toBeGreaterThan(base.body.totals.agents);
    expect(more.body.cost.totalUsd).toBeGreaterThan(base.body.cost.totalUsd);
  });

  it('admits supervisors and admins only', async () => {
    for (const [path, method] of [
      ['/api/wfm/erlang-c?calls=1&ahtSeconds=60', 'GET'],
      ['/api/wfm/erlang-b?erlangs=1&blocking=0.1', 'GET'],
      ['/api/wfm/forecast', 'GET'],
      ['/api/wfm/plan', 'POST'],
    ] as const) {
      expect((await h.as('agent', method, path, method === 'POST' ? {} : undefined)).status).toBe(403);
      expect((await h.as('anonymous', method, path, method === 'POST' ? {} : undefined)).status).toBe(401);
    }
  });

  it('is in the OpenAPI document', async () => {
    const doc = await h.as('anonymous', 'GET', '/api/openapi.json');
    for (const p of ['/wfm/erlang-c', '/wfm/erlang-b', '/wfm/forecast', '/wfm/plan'])
      expect(doc.body.paths[p]).toBeDefined();
  });

  it('forecasts and plans from a history given by the loader', async () => {
    const today = nextLocalMidnight(h.deps.clock.now() - 86_400_000 + 1, TZ);
    const history = syntheticHistory({ endMs: today, weeks: 10, trendPerWeek: 0.01, seed: 3 });
    const asked: string[][] = [];
    const load: LoadVolumes = async (from, to) => {
      asked.push([from, to]);
      return history.filter((v) => v.start >= from && v.start < to);
    };
    const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
    registerWfmRoutes(app, h.deps, createGuard(h.deps), load);
    app.onError((err, c) =>
      err instanceof HttpProblem
        ? c.json({ error: err.code, message: err.message }, err.status)
        : c.json({}, 500),
    );
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await app.request(path, {
        method,
        headers: { authorization: `Bearer ${h.tokens.supervisor}`, 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      return { status: res.status, body: await res.json() };
    };
    const f = await call('GET', '/wfm/forecast?days=7');
    expect(f.status).toBe(200);
    expect(f.body.ok).toBe(true);
    expect(f.body.intervals).toHaveLength(7 * 96);
    expect(f.body.startsAt).toBe(new Date(today + 86_400_000).toISOString());
    expect(f.body.backtest.ok).toBe(true);
    expect(f.body.backtest.wape).toBeLessThan(0.35);
    expect(asked[0]?.[1]).toBe(new Date(today).toISOString());
    const day = new Date(today + 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    const plan = await call('POST', '/wfm/plan', { day, shrinkage: 0.25 });
    expect(plan.status).toBe(200);
    expect(plan.body).toMatchObject({ source: 'forecast', day });
    expect(plan.body.totals.calls).toBeGreaterThan(100);
    expect(plan.body.totals.shortIntervals).toBe(0);
    const wrongDay = await call('POST', '/wfm/plan', { day: '2001-01-01' });
    expect(wrongDay.status).toBe(400);
  });
});
