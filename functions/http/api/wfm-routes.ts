// Workforce planning for supervisors and admins: the Erlang C and B calculators, the forecast with its
// back-test, and a day's staffing plan with its what-if. History comes through the loader given here.
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createPlanning } from '../../app/planning.js';
import { HttpProblem, ValidationError } from '../../domain/problems.js';
import type { InputProblem } from '../../domain/wfm/checks.js';
import type { LoadVolumes } from '../../domain/wfm/history.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import { jsonBody, jsonOk, SECURED_ERRORS, UNPROCESSABLE } from './common-schemas.js';
import type { Guard } from './guard.js';
import { securedRoute } from './secured-route.js';
import {
  ErlangBQuery,
  ErlangBSchema,
  ErlangCQuery,
  ErlangCSchema,
  ForecastQuery,
  ForecastSchema,
  PlanBody,
  PlanSchema,
} from './wfm-schemas.js';

function invalid(where: 'query' | 'body', problems: readonly InputProblem[]): ValidationError {
  return new ValidationError(
    problems.map((p) => ({
      path: `${where}.${p.field}`,
      code: p.code ?? 'out-of-range',
      message: p.message,
    })),
  );
}

export function registerWfmRoutes(
  app: OpenAPIHono<ApiEnv>,
  deps: AppDeps,
  guard: Guard,
  loadVolumes: LoadVolumes,
): void {
  const planning = createPlanning({ clock: deps.clock, timeZone: deps.config.timeZone, loadVolumes });

  app.openapi(
    securedRoute(guard, 'wfm.erlangC', {
      method: 'get',
      path: '/wfm/erlang-c',
      tags: ['planning'],
      summary: 'Agents needed for a service-level target (Erlang C), with SL, ASA, occupancy and staff',
      request: { query: ErlangCQuery },
      responses: { 200: jsonOk(ErlangCSchema), ...SECURED_ERRORS },
    }),
    (c) => {
      const q = c.req.valid('query');
      const result = planning.erlangC({
        calls: q.calls,
        intervalSeconds: q.intervalSeconds ?? 900,
        ahtSeconds: q.ahtSeconds,
        targetSeconds: q.targetSeconds ?? 20,
        targetServiceLevel: q.targetServiceLevel ?? 0.8,
        shrinkage: q.shrinkage ?? 0,
      });
      if (!result.ok) throw invalid('query', result.problems);
      return c.json(result.value, 200);
    },
  );

  app.openapi(
    securedRoute(guard, 'wfm.erlangB', {
      method: 'get',
      path: '/wfm/erlang-b',
      tags: ['planning'],
      summary: 'Lines needed for offered traffic and a blocking target (Erlang B)',
      request: { query: ErlangBQuery },
      responses: { 200: jsonOk(ErlangBSchema), ...SECURED_ERRORS },
    }),
    (c) => {
      const result = planning.erlangB(c.req.valid('query'));
      if (!result.ok) throw invalid('query', result.problems);
      return c.json(result.value, 200);
    },
  );

  app.openapi(
    securedRoute(guard, 'wfm.forecast', {
      method: 'get',
      path: '/wfm/forecast',
      tags: ['planning'],
      summary: 'Offered calls and AHT per 15 minutes for the days ahead, with a back-test of the method',
      request: { query: ForecastQuery },
      responses: {
        200: jsonOk(ForecastSchema, '`ok: false` with `not-enough-history` when the center is too new.'),
        ...SECURED_ERRORS,
      },
    }),
    async (c) => c.json(await planning.forecast(c.req.valid('query').days ?? 14), 200),
  );

  app.openapi(
    securedRoute(guard, 'wfm.plan', {
      method: 'post',
      path: '/wfm/plan',
      tags: ['planning'],
      summary:
        "A day's staffing: requirement per interval, shifts, gaps and cost (change inputs for what-if)",
      request: { body: jsonBody(PlanBody) },
      responses: { 200: jsonOk(PlanSchema), ...SECURED_ERRORS, ...UNPROCESSABLE },
    }),
    async (c) => {
      const result = await planning.plan(c.req.valid('json'));
      if (result.ok) return c.json({ source: result.source, day: result.day, ...result.plan }, 200);
      if (result.reason === 'invalid') throw invalid('body', result.problems);
      throw new HttpProblem(
        422,
        'not-enough-history',
        `The forecast needs ${result.needDays} complete days of history and has ${result.historyDays}: send volumes to plan by hand`,
        { historyDays: result.historyDays, needDays: result.needDays },
      );
    },
  );
}
