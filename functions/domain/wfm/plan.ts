// A day's staffing plan: Erlang C per interval on the (what-if adjusted) volumes gives the staff to
// schedule, greedy shifts cover it, and the gaps and the cost follow. Changing the volume %, AHT,
// target or shrinkage and planning again is the what-if.
import { type Checked, type InputProblem, rangeProblem } from './checks.js';
import { staffFor, trafficProblem } from './erlang.js';
import { INTERVAL_MS, SLOTS_PER_DAY } from './history.js';
import {
  checkShiftRules,
  coverage,
  coverShifts,
  describeShifts,
  type ScheduledShift,
  type ShiftRules,
  shiftPatterns,
} from './shifts.js';

export interface PlanVolume {
  readonly offered: number;
  readonly ahtSeconds: number | null; // null: use the plan's AHT
}

export interface PlanInput {
  /** The 96 intervals of one local day, from its midnight. */
  readonly volumes: readonly PlanVolume[];
  readonly volumePercent: number; // what-if: 110 plans for 10% more calls
  readonly ahtSeconds?: number; // overrides every interval's AHT
  readonly defaultAhtSeconds: number; // where an interval has none
  readonly targetSeconds: number;
  readonly targetServiceLevel: number;
  readonly shrinkage: number;
  readonly shiftRules: ShiftRules;
  readonly agentUsdPerHour: number;
  readonly telephonyUsdPerCall: number;
  readonly awsUsdPerCall: number;
}

export interface PlanInterval {
  readonly slot: number;
  readonly offered: number;
  readonly ahtSeconds: number;
  readonly agents: number; // on the phones, by Erlang C
  readonly required: number; // to schedule, after shrinkage
  readonly scheduled: number; // on the phones from the shifts
  readonly gap: number; // scheduled - required: negative is short
  readonly serviceLevel: number;
}

export interface Plan {
  readonly intervals: readonly PlanInterval[];
  readonly shifts: readonly ScheduledShift[];
  readonly totals: {
    readonly calls: number;
    readonly agents: number; // shifts scheduled
    readonly paidHours: number;
    readonly requiredHours: number;
    readonly overHours: number;
    readonly underHours: number;
    readonly shortIntervals: number;
  };
  readonly cost: {
    readonly agentUsd: number;
    readonly telephonyUsd: number;
    readonly awsUsd: number;
    readonly totalUsd: number;
    readonly perCallUsd: number | null;
  };
}

export function checkPlanInput(input: PlanInput): Checked<PlanInput> {
  const problems: InputProblem[] = [];
  const push = (p: InputProblem | undefined) => {
    if (p) problems.push(p);
  };
  if (input.volumes.length !== SLOTS_PER_DAY) {
    problems.push({
      field: 'volumes',
      message: `volumes must list the day's 96 quarter hours; got ${input.volumes.length}`,
    });
  }
  input.volumes.forEach((v, i) => {
    push(rangeProblem(`volumes.${i}.offered`, v.offered, 0, 100_000, 'inclusive'));
  });
  push(rangeProblem('volumePercent', input.volumePercent, 0, 1000, 'inclusive'));
  if (input.ahtSeconds !== undefined)
    push(rangeProblem('ahtSeconds', input.ahtSeconds, 1, 86_400, 'inclusive'));
  push(rangeProblem('defaultAhtSeconds', input.defaultAhtSeconds, 1, 86_400, 'inclusive'));
  push(rangeProblem('targetSeconds', input.targetSeconds, 0, 86_400, 'inclusive'));
  push(rangeProblem('targetServiceLevel', input.targetServiceLevel, 0, 1, 'exclusive'));
  push(rangeProblem('shrinkage', input.shrinkage, 0, 0.9, 'inclusive'));
  push(rangeProblem('agentUsdPerHour', input.agentUsdPerHour, 0, 10_000, 'inclusive'));
  push(rangeProblem('telephonyUsdPerCall', input.telephonyUsdPerCall, 0, 100, 'inclusive'));
  push(rangeProblem('awsUsdPerCall', input.awsUsdPerCall, 0, 100, 'inclusive'));
  problems.push(...checkShiftRules(input.shiftRules));
  if (problems.length === 0) {
    input.volumes.forEach((v, i) => {
      const aht = input.ahtSeconds ?? v.ahtSeconds ?? input.defaultAhtSeconds;
      push(
        trafficProblem(`volumes.${i}`, (v.offered * (input.volumePercent / 100) * aht * 1000) / INTERVAL_MS),
      );
    });
  }
  return problems.length === 0 ? { ok: true, value: input } : { ok: false, problems };
}

const HOURS_PER_SLOT = INTERVAL_MS / 3_600_000;

/** Inputs are assumed checked by checkPlanInput. */
export function planDay(input: PlanInput): Plan {
  const factor = input.volumePercent / 100;
  const need = input.volumes.map((v) => {
    const offered = v.offered * factor;
    const aht = input.ahtSeconds ?? v.ahtSeconds ?? input.defaultAhtSeconds;
    const s = staffFor({
      calls: offered,
      intervalSeconds: INTERVAL_MS / 1000,
      ahtSeconds: aht,
      targetSeconds: input.targetSeconds,
      targetServiceLevel: input.targetServiceLevel,
      shrinkage: input.shrinkage,
    });
    return { offered, aht, s };
  });
  const required = need.map((n) => n.s.staff);
  const chosen = coverShifts(required, shiftPatterns(input.shiftRules));
  const on = coverage(chosen);
  const intervals = need.map((n, slot) => ({
    slot,
    offered: n.offered,
    ahtSeconds: n.aht,
    agents: n.s.agents,
    required: n.s.staff,
    scheduled: on[slot] ?? 0,
    gap: (on[slot] ?? 0) - n.s.staff,
    serviceLevel: n.s.serviceLevel,
  }));
  const calls = intervals.reduce((s, i) => s + i.offered, 0);
  const paidHours = chosen.reduce((s, p) => s + p.slots * HOURS_PER_SLOT, 0);
  const agentUsd = paidHours * input.agentUsdPerHour;
  const telephonyUsd = calls * input.telephonyUsdPerCall;
  const awsUsd = calls * input.awsUsdPerCall;
  const totalUsd = agentUsd + telephonyUsd + awsUsd;
  return {
    intervals,
    shifts: describeShifts(chosen),
    totals: {
      calls,
      agents: chosen.length,
      paidHours,
      requiredHours: required.reduce((s, r) => s + r, 0) * HOURS_PER_SLOT,
      overHours: intervals.reduce((s, i) => s + Math.max(0, i.gap), 0) * HOURS_PER_SLOT,
      underHours: intervals.reduce((s, i) => s + Math.max(0, -i.gap), 0) * HOURS_PER_SLOT,
      shortIntervals: intervals.filter((i) => i.gap < 0).length,
    },
    cost: { agentUsd, telephonyUsd, awsUsd, totalUsd, perCallUsd: calls > 0 ? totalUsd / calls : null },
  };
}
