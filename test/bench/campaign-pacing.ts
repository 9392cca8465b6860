// Pacing a campaign: progressive dialling (one call per free agent) against predictive (several lines
// per available agent, the ratio steered every minute by the abandon rate), on one simulated day of 20
// agents and 10,000 contacts (see campaign-sim.ts). Simulated time on a manual clock: the day runs in
// seconds. Each contact is dialled once; retries are left out, so both modes work through the same list.
// The goal for predictive: at most 3% of answered calls abandoned and agents at least 80% occupied.
// Prints and writes bench-results/campaign-pacing.json. Run alone: npm run bench -- campaign-pacing
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DEFAULT_PARAMETERS, type SimResult, simulate } from './campaign-sim.js';

const RESULTS = new URL('../../bench-results/campaign-pacing.json', import.meta.url);
const OTHER_SEEDS = [1, 2, 3, 4, 5, 6];
const round = (v: number, places = 4) => Math.round(v * 10 ** places) / 10 ** places;

const figures = (r: SimResult) => ({
  abandonRate: round(r.abandonRate),
  occupancy: round(r.occupancy),
  dialledPerAgentHour: round(r.dialledPerAgentHour, 1),
  dialled: r.dialled,
  humanAnswers: r.humanAnswers,
  abandoned: r.abandoned,
  simulatedHours: round(r.simulatedHours, 2),
  meanRatio: round(r.meanRatio, 2),
  maxRatio: round(r.maxRatio, 2),
});

export async function run() {
  const started = performance.now();
  const progressive = await simulate('progressive');
  const predictive = await simulate('predictive');
  // One seed is one day: the same list under other seeds shows how much of the margin is luck.
  const otherSeeds: { seed: number; abandonRate: number; occupancy: number }[] = [];
  for (const seed of OTHER_SEEDS) {
    const r = await simulate('predictive', { ...DEFAULT_PARAMETERS, seed });
    otherSeeds.push({ seed, abandonRate: round(r.abandonRate), occupancy: round(r.occupancy) });
  }
  const wallMs = Math.round(performance.now() - started);
  const result = {
    clock: 'manual (simulated)',
    seed: DEFAULT_PARAMETERS.seed,
    retries: 'none: each contact is dialled once',
    parameters: { ...DEFAULT_PARAMETERS, talk: 'lognormal', pacerEverySeconds: 1, ratioEverySeconds: 60 },
    progressive: figures(progressive),
    predictive: figures(predictive),
    predictiveOtherSeeds: otherSeeds,
    goal: { abandonRateAtMost: DEFAULT_PARAMETERS.abandonCap, occupancyAtLeast: 0.8 },
    goalMet: predictive.abandonRate <= DEFAULT_PARAMETERS.abandonCap && predictive.occupancy >= 0.8,
    wallMs,
  };
  for (const r of [progressive, predictive])
    console.log(
      `${r.mode.padEnd(12)} abandon ${(r.abandonRate * 100).toFixed(2)}%  occupancy ${(r.occupancy * 100).toFixed(1)}%  ` +
        `${r.dialledPerAgentHour.toFixed(1)} dialled/agent-hour  ${r.simulatedHours.toFixed(2)} h simulated`,
    );
  const worst = (key: 'abandonRate' | 'occupancy', pick: (...v: number[]) => number) =>
    pick(...otherSeeds.map((r) => r[key]));
  console.log(
    `predictive on seeds ${OTHER_SEEDS.join(', ')}: abandon up to ${(worst('abandonRate', Math.max) * 100).toFixed(2)}%, ` +
      `occupancy down to ${(worst('occupancy', Math.min) * 100).toFixed(1)}%`,
  );
  console.log(`goal met: ${result.goalMet} (${wallMs} ms wall)`);
  mkdirSync(new URL('.', RESULTS), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
  return result;
}
