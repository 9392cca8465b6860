// The day's plan: Erlang C per interval, greedy shifts that cover it with none to spare, the gaps and
// the cost, and a what-if that moves staff and cost the way it should.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  AWS_USD_PER_1000_CALLS,
  DEFAULT_AWS_USD_PER_CALL,
  DEFAULT_TELEPHONY_USD_PER_CALL,
  TWILIO_USD_PER_1000_CALLS,
} from '../../../functions/domain/wfm/cost-defaults.js';
import { checkPlanInput, type PlanInput, planDay } from '../../../functions/domain/wfm/plan.js';
import { coverage, describeShifts, shiftPatterns } from '../../../functions/domain/wfm/shifts.js';

/** Open 08:00-20:00 with a morning and an afternoon peak, in calls per 15 minutes. */
const day = Array.from({ length: 96 }, (_, slot) => {
  const hour = slot / 4;
  const offered =
    hour < 8 || hour >= 20
      ? 0
      : 8 + 20 * Math.exp(-((hour - 10.5) ** 2) / 3) + 12 * Math.exp(-((hour - 15) ** 2) / 4);
  return { offered, ahtSeconds: 240 };
});

const base: PlanInput = {
  volumes: day,
  volumePercent: 100,
  defaultAhtSeconds: 240,
  targetSeconds: 20,
  targetServiceLevel: 0.8,
  shrinkage: 0.3,
  shiftRules: {
    startTimes: ['07:00', '07:30', '08:00', '09:00', '10:00', '11:00', '12:00'],
    lengthsHours: [8],
    breakMinutes: 60,
  },
  agentUsdPerHour: 12,
  telephonyUsdPerCall: DEFAULT_TELEPHONY_USD_PER_CALL,
  awsUsdPerCall: DEFAULT_AWS_USD_PER_CALL,
};

describe('cost defaults', () => {
  it('are the committed cost benchmark figures per call', () => {
    const bench = JSON.parse(readFileSync('bench-results/cost.json', 'utf8'));
    expect(TWILIO_USD_PER_1000_CALLS).toBe(bench.twilioUsdPer1000Calls);
    expect(AWS_USD_PER_1000_CALLS).toBe(bench.awsUsdPer1000Calls);
    expect(DEFAULT_TELEPHONY_USD_PER_CALL).toBeCloseTo(bench.twilioUsdPer1000Calls / 1000, 12);
    expect(DEFAULT_AWS_USD_PER_CALL).toBeCloseTo(bench.awsUsdPer1000Calls / 1000, 12);
  });
});

describe('shifts', () => {
  it('places the break mid-shift and keeps shifts inside the day', () => {
    const [p] = shiftPatterns({ startTimes: ['08:00'], lengthsHours: [8], breakMinutes: 60 });
    expect(describeShifts(p ? [p] : [])).toEqual([
      { start: '08:00', end: '16:00', hours: 8, breakStart: '11:30', breakEnd: '12:30', count: 1 },
    ]);
    expect(shiftPatterns({ startTimes: ['18:00'], lengthsHours: [8], breakMinutes: 60 })).toEqual([]);
  });
});

describe('plan', () => {
  const plan = planDay(base);

  it('covers every interval, with no shift to spare', () => {
    expect(plan.totals.shortIntervals).toBe(0);
    for (const i of plan.intervals) expect(i.scheduled).toBeGreaterThanOrEqual(i.required);
    const patterns = shiftPatterns(base.shiftRules);
    const chosen = plan.shifts.flatMap((s) =>
      Array.from({ length: s.count }, () => patterns.find((p) => describeShifts([p])[0]?.start === s.start)),
    );
    expect(coverage(chosen.flatMap((p) => (p ? [p] : [])))).toEqual(plan.intervals.map((i) => i.scheduled));
    // Dropping any one shift leaves some interval short.
    for (let k = 0; k < chosen.length; k++) {
      const rest = chosen.filter((_, j) => j !== k).flatMap((p) => (p ? [p] : []));
      const on = coverage(rest);
      expect(plan.intervals.some((i) => (on[i.slot] ?? 0) < i.required)).toBe(true);
    }
    console.info(
      `plan: ${plan.totals.agents} agents, ${plan.totals.paidHours} paid h for ${plan.totals.requiredHours} required h, over ${plan.totals.overHours} h; ${plan.shifts.map((s) => `${s.start}x${s.count}`).join(' ')}; $${plan.cost.perCallUsd?.toFixed(3)}/call`,
    );
  });

  it('adds the cost of agents, telephony and AWS', () => {
    const calls = day.reduce((s, v) => s + v.offered, 0);
    expect(plan.totals.calls).toBeCloseTo(calls, 9);
    expect(plan.totals.paidHours).toBe(plan.totals.agents * 8);
    expect(plan.cost.agentUsd).toBeCloseTo(plan.totals.paidHours * 12, 9);
    expect(plan.cost.telephonyUsd).toBeCloseTo(calls * 0.16875, 9);
    expect(plan.cost.awsUsd).toBeCloseTo(calls * 0.000292586, 9);
    expect(plan.cost.perCallUsd).toBeCloseTo(plan.cost.totalUsd / calls, 12);
  });

  it('moves staff and cost with the what-if', () => {
    const more = (changes: Partial<PlanInput>) => planDay({ ...base, ...changes });
    for (const changed of [
      more({ volumePercent: 130 }),
      more({ ahtSeconds: 320 }),
      more({ targetServiceLevel: 0.95 }),
      more({ shrinkage: 0.45 }),
    ]) {
      expect(changed.totals.requiredHours).toBeGreaterThan(plan.totals.requiredHours);
      expect(changed.totals.agents).toBeGreaterThan(plan.totals.agents);
      expect(changed.cost.agentUsd).toBeGreaterThan(plan.cost.agentUsd);
    }
    expect(more({ volumePercent: 70 }).totals.agents).toBeLessThan(plan.totals.agents);
  });

  it('reports what no allowed shift can cover', () => {
    const late = planDay({
      ...base,
      shiftRules: { startTimes: ['08:00'], lengthsHours: [8], breakMinutes: 60 },
    });
    expect(late.totals.shortIntervals).toBeGreaterThan(0);
    const evening = late.intervals.find((i) => i.slot === 18 * 4);
    expect(evening?.scheduled).toBe(0);
    expect(evening?.gap).toBe(-(evening?.required ?? 0));
    expect(late.totals.underHours).toBeGreaterThan(0);
  });

  it('refuses bad input, naming the field and the allowed values', () => {
    const bad = checkPlanInput({
      ...base,
      volumes: day.slice(0, 10),
      shrinkage: 0.95,
      shiftRules: { startTimes: ['7:10'], lengthsHours: [13], breakMinutes: 45 },
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    const messages = bad.problems.map((p) => p.message);
    expect(messages).toContain("volumes must list the day's 96 quarter hours; got 10");
    expect(messages).toContain('shrinkage must be a number from 0 to 0.9; got 0.95');
    expect(messages.join('\n')).toMatch(/startTimes: "7:10" must be a local time HH:MM on a quarter hour/);
    expect(messages.join('\n')).toMatch(/lengthsHours: 13 must be from 1 to 12 hours/);
    expect(checkPlanInput(base).ok).toBe(true);
    const flood = checkPlanInput({
      ...base,
      volumes: day.map((v) => ({ ...v, offered: 100_000 })),
      ahtSeconds: 86_400,
    });
    expect(flood.ok).toBe(false);
    if (!flood.ok) expect(flood.problems[0]?.field).toBe('volumes.0');
  });
});
