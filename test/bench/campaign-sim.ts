// A discrete-event simulation of one campaign day on a manual clock: agents, a contact list whose every
// call's fate (a person, a machine or no answer, ring and talk times) is drawn from a seed before the run,
// so the pacing modes compared face exactly the same list. The dialler asks the pacer every simulated
// second and adjusts the ratio every simulated minute, as the real dialler will.
import {
  adjustRatio,
  DEFAULT_ABANDON_CAP,
  estimateAnswerRate,
  type PacingMode,
  pace,
} from '../../functions/domain/campaigns/pacing.js';
import { createManualClock } from '../../functions/domain/manual-clock.js';
import { seededRandom } from '../../infra/local/demo/seeded-random.js';

export interface SimParameters {
  readonly agents: number;
  readonly contacts: number;
  readonly seed: number;
  readonly pHuman: number;
  readonly pMachine: number;
  /** Seconds, uniform between the two. */
  readonly humanAnswerSeconds: readonly [number, number];
  readonly machineAnswerSeconds: readonly [number, number];
  readonly noAnswerRingSeconds: readonly [number, number];
  /** Lognormal talk time: its mean and the sigma of its logarithm. */
  readonly talkMeanSeconds: number;
  readonly talkSigma: number;
  readonly wrapSeconds: number;
  /** How long a person who answered waits for an agent before the call counts as abandoned. */
  readonly patienceSeconds: number;
  readonly abandonCap: number;
}

export const DEFAULT_PARAMETERS: SimParameters = {
  agents: 20,
  contacts: 10_000,
  seed: 20260302,
  pHuman: 0.3,
  pMachine: 0.15,
  humanAnswerSeconds: [5, 15],
  machineAnswerSeconds: [5, 15],
  noAnswerRingSeconds: [15, 25],
  talkMeanSeconds: 180,
  talkSigma: 0.7,
  wrapSeconds: 10,
  patienceSeconds: 2,
  abandonCap: DEFAULT_ABANDON_CAP,
};

type Fate = {
  readonly kind: 'human' | 'machine' | 'no-answer';
  readonly ringS: number;
  readonly talkS: number;
};

function drawFates(p: SimParameters): Fate[] {
  const random = seededRandom(p.seed);
  const between = ([lo, hi]: readonly [number, number]) => lo + (hi - lo) * random();
  const mu = Math.log(p.talkMeanSeconds) - (p.talkSigma * p.talkSigma) / 2;
  const lognormal = () => {
    const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return Math.exp(mu + p.talkSigma * z);
  };
  return Array.from({ length: p.contacts }, () => {
    const u = random();
    const kind = u < p.pHuman ? 'human' : u < p.pHuman + p.pMachine ? 'machine' : 'no-answer';
    const ringS = between(
      kind === 'human'
        ? p.humanAnswerSeconds
        : kind === 'machine'
          ? p.machineAnswerSeconds
          : p.noAnswerRingSeconds,
    );
    return { kind, ringS, talkS: lognormal() };
  });
}

export interface SimResult {
  readonly mode: PacingMode;
  readonly dialled: number;
  readonly humanAnswers: number;
  readonly abandoned: number;
  readonly abandonRate: number;
  readonly occupancy: number;
  readonly dialledPerAgentHour: number;
  readonly simulatedHours: number;
  readonly meanRatio: number;
  readonly maxRatio: number;
}

/** Recent values for the dialler's measured figures: the last `size`, oldest dropped first. */
function recent(size: number) {
  const values: number[] = [];
  let sum = 0;
  return {
    add(v: number) {
      values.push(v);
      sum += v;
      if (values.length > size) sum -= values.shift() ?? 0;
    },
    mean: (fallback: number) => (values.length ? sum / values.length : fallback),
    sum: () => sum,
    size: () => values.length,
  };
}

export async function simulate(mode: PacingMode, p: SimParameters = DEFAULT_PARAMETERS): Promise<SimResult> {
  const fates = drawFates(p);
  const start = 0;
  const clock = createManualClock(start);
  let next = 0;
  let free = p.agents;
  let busy = 0;
  let ringing = 0;
  let humans = 0;
  let abandoned = 0;
  let abandonedThisMinute = 0;
  let handledSeconds = 0;
  let ratio = 1;
  let ratioSum = 0;
  let ratioMax = 1;
  let minutes = 0;
  const waiting: { fate: Fate; answeredAt: number; taken: boolean }[] = [];
  // What the dialler measures: outcomes of recent calls (1 a person, 0 not), ring and handle times.
  const outcomes = recent(300);
  const rings = recent(100);
  const handles = recent(100);

  const connect = (fate: Fate) => {
    busy++;
    const handle = fate.talkS + p.wrapSeconds;
    handledSeconds += handle;
    clock.at(clock.now() + handle * 1000, () => {
      handles.add(handle);
      const person = waiting.shift();
      if (person) {
        person.taken = true;
        connect(person.fate);
        busy--;
      } else {
        busy--;
        free++;
      }
    });
  };

  const place = (fate: Fate) => {
    ringing++;
    clock.at(clock.now() + fate.ringS * 1000, () => {
      ringing--;
      outcomes.add(fate.kind === 'human' ? 1 : 0);
      if (fate.kind !== 'human') return;
      humans++;
      rings.add(fate.ringS);
      if (free > 0) {
        free--;
        connect(fate);
        return;
      }
      const person = { fate, answeredAt: clock.now(), taken: false };
      waiting.push(person);
      clock.at(clock.now() + p.patienceSeconds * 1000, () => {
        if (person.taken) return;
        waiting.splice(waiting.indexOf(person), 1);
        abandoned++;
        abandonedThisMinute++;
      });
    });
  };

  const answerRate = () => estimateAnswerRate(outcomes.sum(), outcomes.size());
  for (let second = 1; next < fates.length || ringing > 0 || busy > 0 || waiting.length > 0; second++) {
    if (next < fates.length) {
      const { dialNow } = pace(mode, {
        agentsFree: free,
        agentsOnCampaignCall: busy,
        callsRinging: ringing,
        answerRate: answerRate(),
        meanRingSeconds: rings.mean(10),
        meanHandleSeconds: handles.mean(180),
        abandonRate: humans ? abandoned / humans : 0,
        abandonCap: p.abandonCap,
        currentRatio: ratio,
      });
      for (let i = 0; i < dialNow && next < fates.length; i++) place(fates[next++] as Fate);
    }
    if (second % 60 === 0 && mode === 'predictive') {
      ratio = adjustRatio(
        ratio,
        {
          abandoned,
          humanAnswers: humans,
          abandonedLastMinute: abandonedThisMinute,
          answerRate: answerRate(),
        },
        p.abandonCap,
      );
      abandonedThisMinute = 0;
      ratioSum += ratio;
      ratioMax = Math.max(ratioMax, ratio);
      minutes++;
    }
    await clock.advance(1000);
  }
  const elapsedS = (clock.now() - start) / 1000;
  const hours = elapsedS / 3600;
  return {
    mode,
    dialled: next,
    humanAnswers: humans,
    abandoned,
    abandonRate: humans ? abandoned / humans : 0,
    occupancy: handledSeconds / (p.agents * elapsedS),
    dialledPerAgentHour: next / (p.agents * hours),
    simulatedHours: hours,
    meanRatio: minutes ? ratioSum / minutes : 1,
    maxRatio: ratioMax,
  };
}
