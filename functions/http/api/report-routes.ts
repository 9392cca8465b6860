// Reports for supervisors and admins: KPIs by time or dimension, the call log and the agent state log,
// each as JSON or as a CSV download that Excel opens with Chinese intact.
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { History } from '../../app/history/history.js';
import {
  agentStates,
  agentStatesCsv,
  type CallLogEntry,
  callLog,
  callLogCsv,
  kpiCsv,
  kpiReport,
} from '../../app/history/reports.js';
import type { Dimension } from '../../domain/history/event.js';
import { DEFAULT_KPI_OPTIONS } from '../../domain/history/kpis.js';
import { isTimeGroup } from '../../domain/history/report.js';
import { ValidationError } from '../../domain/problems.js';
import type { AppDeps } from '../deps.js';
import type { ApiEnv } from '../env.js';
import { SECURED_ERRORS } from './common-schemas.js';
import { checkDateRange } from './date-range.js';
import type { Guard } from './guard.js';
import {
  AgentStatesQuery,
  AgentStatesSchema,
  CallLogQuery,
  CallLogSchema,
  KpiQuery,
  KpiReportSchema,
} from './report-schemas.js';
import { securedRoute } from './secured-route.js';

const FILTERS = ['agent', 'queue', 'hotline', 'region', 'language', 'tier'] as const;
/** A CSV of the call log reads at most this many calls; narrow the range for more. */
const CSV_MAX_CALLS = 20_000;

/** JSON, or with `format=csv` a CSV file (UTF-8 with BOM). */
function jsonOrCsv<T extends z.ZodType>(schema: T) {
  return {
    description: 'OK: JSON, or with format=csv a CSV file (UTF-8 with BOM)',
    content: {
      'application/json': { schema },
      'text/csv': { schema: z.string() },
    },
  } as const;
}

function csv(body: string, name: string): Response {
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}.csv"`,
    },
  });
}

export function registerReportRoutes(
  app: OpenAPIHono<ApiEnv>,
  deps: AppDeps,
  guard: Guard,
  history: History,
) {
  const timeZone = deps.config.timeZone;

  app.openapi(
    securedRoute(guard, 'reports.kpis', {
      method: 'get',
      path: '/reports/kpis',
      tags: ['reports'],
      summary: 'KPIs per span of local time or per dimension value, with the total (JSON or CSV)',
      request: { query: KpiQuery },
      responses: {
        200: jsonOrCsv(KpiReportSchema),
        ...SECURED_ERRORS,
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      checkDateRange(q.from, q.to);
      const given = FILTERS.filter((f) => q[f] !== undefined);
      if (given.length > 1)
        throw new ValidationError([
          {
            path: `query.${given[1]}`,
            code: 'too-many',
            message: `one filter at a time (got ${given.join(', ')})`,
          },
        ]);
      const filter = given[0];
      if (filter && !isTimeGroup(q.groupBy))
        throw new ValidationError([
          {
            path: `query.${filter}`,
            code: 'not-allowed',
            message: 'a filter goes with a time grouping (interval, hour, day, week, month)',
          },
        ]);
      const report = await kpiReport(history, timeZone, {
        from: q.from,
        to: q.to,
        groupBy: q.groupBy,
        options: {
          serviceLevelSeconds: q.slSeconds ?? DEFAULT_KPI_OPTIONS.serviceLevelSeconds,
          shortAbandonSeconds: q.shortAbandonSeconds ?? DEFAULT_KPI_OPTIONS.shortAbandonSeconds,
        },
        ...(filter
          ? { only: { dimension: filter as Exclude<Dimension, 'center'>, value: String(q[filter]) } }
          : {}),
      });
      if (q.format === 'csv')
        return csv(kpiCsv(report, q.lang ?? 'zh'), `kpis-${q.groupBy}-${q.from}-${q.to}`);
      return c.json(report, 200);
    },
  );

  app.openapi(
    securedRoute(guard, 'reports.calls', {
      method: 'get',
      path: '/reports/calls',
      tags: ['reports'],
      summary: 'The call log, newest first, each call with its path (JSON pages, or every call as CSV)',
      request: { query: CallLogQuery },
      responses: {
        200: jsonOrCsv(CallLogSchema),
        ...SECURED_ERRORS,
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      checkDateRange(q.from, q.to);
      if (q.cursor && !validCursor(q.cursor))
        throw new ValidationError([
          {
            path: 'query.cursor',
            code: 'invalid',
            message: 'not a cursor this route gave; start without one',
          },
        ]);
      const filters = {
        from: q.from,
        to: q.to,
        ...(q.agent ? { agent: q.agent } : {}),
        ...(q.queue ? { queue: q.queue } : {}),
        ...(q.hotline ? { hotline: q.hotline } : {}),
      };
      if (q.format === 'csv') {
        const all: CallLogEntry[] = [];
        let cursor: string | undefined;
        do {
          const page = await callLog(deps.store, timeZone, {
            ...filters,
            limit: 200,
            ...(cursor ? { cursor } : {}),
          });
          all.push(...page.items);
          cursor = page.cursor;
        } while (cursor && all.length < CSV_MAX_CALLS);
        return csv(callLogCsv(all, q.lang ?? 'zh'), `calls-${q.from}-${q.to}`);
      }
      const page = await callLog(deps.store, timeZone, {
        ...filters,
        limit: q.limit ?? 50,
        ...(q.cursor ? { cursor: q.cursor } : {}),
      });
      return c.json(page, 200);
    },
  );

  app.openapi(
    securedRoute(guard, 'reports.agentStates', {
      method: 'get',
      path: '/reports/agent-states',
      tags: ['reports'],
      summary: "Each agent's time per state (available, busy, wrap-up, away) and calls, per local day",
      request: { query: AgentStatesQuery },
      responses: {
        200: jsonOrCsv(AgentStatesSchema),
        ...SECURED_ERRORS,
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      checkDateRange(q.from, q.to);
      const rows = await agentStates(history, timeZone, {
        from: q.from,
        to: q.to,
        ...(q.agent ? { agent: q.agent } : {}),
      });
      if (q.format === 'csv')
        return csv(agentStatesCsv(rows, q.lang ?? 'zh'), `agent-states-${q.from}-${q.to}`);
      return c.json({ rows }, 200);
    },
  );
}

function validCursor(cursor: string): boolean {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { day?: unknown };
    return typeof parsed.day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(parsed.day);
  } catch {
    return false;
  }
}
