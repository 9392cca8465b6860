// Request and response shapes of the workforce-planning routes, for validation and the OpenAPI document.
import { z } from '@hono/zod-openapi';
import { IsoDate, listOf } from './common-schemas.js';

// A coerced number accepts anything as input, so the document would call it optional: said here.
const num = (description: string) => z.coerce.number().openapi({ description, param: { required: true } });
const optionalNum = (description: string) => z.coerce.number().optional().openapi({ description });

export const ErlangCQuery = z.object({
  calls: num('Calls offered in the interval, 0 to 1000000.'),
  intervalSeconds: optionalNum('Length of the interval, 60 to 86400 s; 900 by default.'),
  ahtSeconds: num('Average handle time (talk, hold, wrap-up), 1 to 86400 s.'),
  targetSeconds: optionalNum('Answer-time target, 0 to 86400 s; 20 by default.'),
  targetServiceLevel: optionalNum('Share to answer within the target, between 0 and 1; 0.8 by default.'),
  shrinkage: optionalNum('Share of paid time off the phones, from 0 up to 1; 0 by default.'),
});

export const ErlangCSchema = z
  .object({
    erlangs: z.number(),
    agents: z.number().int().openapi({ description: 'Agents on the phones the target needs.' }),
    serviceLevel: z.number(),
    asaSeconds: z.number(),
    occupancy: z.number(),
    waitProbability: z.number(),
    staff: z.number().int().openapi({ description: 'Agents to schedule: ceil(agents / (1 - shrinkage)).' }),
  })
  .openapi('ErlangC');

export const ErlangBQuery = z.object({
  erlangs: num('Offered traffic in erlangs, 0 to 100000.'),
  blocking: num('Largest share of calls that may find every line busy, between 0 and 1.'),
});

export const ErlangBSchema = z
  .object({
    lines: z.number().int(),
    blocking: z.number().openapi({ description: 'Blocking with that many lines.' }),
  })
  .openapi('ErlangB');

export const ForecastQuery = z.object({
  days: z.coerce
    .number()
    .int()
    .min(1)
    .max(28)
    .optional()
    .openapi({ description: 'Days ahead, 1 to 28; 14 by default.' }),
});

const ForecastIntervalSchema = z.object({
  start: z.string(),
  offered: z.number(),
  ahtSeconds: z.number().nullable(),
});

const BacktestSchema = z.union([
  z.object({
    ok: z.literal(true),
    holdoutDays: z.number().int(),
    wape: z.number(),
    mape: z.number(),
    days: listOf(
      z.object({
        date: z.string(),
        forecast: z.number(),
        actual: z.number(),
        errorShare: z.number().nullable(),
      }),
    ),
  }),
  z.object({
    ok: z.literal(false),
    reason: z.literal('not-enough-history'),
    historyDays: z.number(),
    needDays: z.number(),
  }),
]);

export const ForecastSchema = z
  .union([
    z.object({
      ok: z.literal(true),
      startsAt: z.string(),
      intervals: listOf(ForecastIntervalSchema),
      historyDays: z.number().int(),
      excludedDays: listOf(z.object({ date: z.string(), offered: z.number(), weekdayNorm: z.number() })),
      trendPerWeek: z.number(),
      backtest: BacktestSchema,
    }),
    z.object({
      ok: z.literal(false),
      reason: z.literal('not-enough-history'),
      historyDays: z.number().int(),
      needDays: z.number().int(),
    }),
  ])
  .openapi('Forecast');

export const PlanBody = z
  .object({
    day: IsoDate.optional().openapi({
      description: "A forecast day (the center's date); the first by default.",
    }),
    volumes: z.array(z.number()).optional().openapi({
      description: "Offered calls for each of a day's 96 quarter hours, instead of the forecast.",
    }),
    volumePercent: z.number().optional().openapi({ description: 'What-if: 110 plans for 10% more calls.' }),
    ahtSeconds: z.number().optional().openapi({ description: "Overrides every interval's AHT." }),
    defaultAhtSeconds: z.number().optional(),
    targetSeconds: z.number().optional(),
    targetServiceLevel: z.number().optional(),
    shrinkage: z.number().optional(),
    agentUsdPerHour: z.number().optional(),
    telephonyUsdPerCall: z.number().optional(),
    awsUsdPerCall: z.number().optional(),
    shiftRules: z
      .object({
        startTimes: z.array(z.string()),
        lengthsHours: z.array(z.number()),
        breakMinutes: z.number(),
      })
      .optional(),
  })
  .openapi('PlanRequest');

export const PlanSchema = z
  .object({
    source: z.enum(['forecast', 'manual']),
    day: z.string().nullable(),
    intervals: listOf(
      z.object({
        slot: z.number().int(),
        offered: z.number(),
        ahtSeconds: z.number(),
        agents: z.number().int(),
        required: z.number().int(),
        scheduled: z.number().int(),
        gap: z.number().int(),
        serviceLevel: z.number(),
      }),
    ),
    shifts: listOf(
      z.object({
        start: z.string(),
        end: z.string(),
        hours: z.number(),
        breakStart: z.string(),
        breakEnd: z.string(),
        count: z.number().int(),
      }),
    ),
    totals: z.object({
      calls: z.number(),
      agents: z.number().int(),
      paidHours: z.number(),
      requiredHours: z.number(),
      overHours: z.number(),
      underHours: z.number(),
      shortIntervals: z.number().int(),
    }),
    cost: z.object({
      agentUsd: z.number(),
      telephonyUsd: z.number(),
      awsUsd: z.number(),
      totalUsd: z.number(),
      perCallUsd: z.number().nullable(),
    }),
  })
  .openapi('Plan');
