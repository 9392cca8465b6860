// How many calls a campaign places now, from the live figures alone (no clock, no history beyond what the
// figures carry), so the dialler, the twin and the pacing benchmark run the same rule.
//
// Progressive dialling places one call per free agent not already covered by a ringing call: no person
// who answers ever waits, but an agent sits through every unanswered ring in turn (with 30% of calls
// reaching a person, about three rings per conversation), which holds occupancy near 80% at best.
//
// Predictive dialling wins that time back two ways. It places several lines per available agent at
// once (`ratio`, lines per agent), so unanswered rings overlap instead of queueing. And it counts as
// available the agents likely to finish within one ring time: with a mean handle time H and a ring to a
// person taking R, each busy agent frees up within R with chance about R/H, so a call placed now meets
// them as they finish. The price is abandoned calls: more people answer than agents are free, and the
// center hangs up on someone. Regulators cap that share (3% of calls a person answered is the common
// rule), so the ratio is not computed but steered: `adjustRatio` runs once a minute, raising the ratio
// slowly while the campaign's abandon rate is well under the cap, easing it near the cap and cutting it
// sharply over it, since an abandoned call cannot be taken back and the rate is counted over the whole
// campaign. Above the cap the pacer also falls back to progressive until the rate is back under it.
// Abandons come mostly from the look-ahead (a person answers a moment before the agent it was meant for
// is free), and the figures cannot say which ringing call will be a person, so the margin under the cap
// is kept wide: the benchmark (test/bench/campaign-pacing.ts) settles near two thirds of it.
//
// The ratio never goes below one line per agent (progressive) nor above the lines that, at the measured
// answer rate, bring one person per available agent on average: past that every extra line only adds
// abandoned calls.

export type PacingMode = 'progressive' | 'predictive';

/** The share of answered calls the center may abandon, over a campaign. */
export const DEFAULT_ABANDON_CAP = 0.03;

export interface PacingFigures {
  /** Agents on the campaign waiting for a call. */
  readonly agentsFree: number;
  /** Agents talking or in wrap-up on a campaign call. */
  readonly agentsOnCampaignCall: number;
  /** Calls placed and not answered yet. */
  readonly callsRinging: number;
  /** People answering per call placed, over a recent window (with a prior while it is short). */
  readonly answerRate: number;
  /** Seconds from placing a call to a person answering it. */
  readonly meanRingSeconds: number;
  /** Seconds of talk and wrap-up per answered call. */
  readonly meanHandleSeconds: number;
  /** Abandoned calls per call a person answered, over the campaign so far. */
  readonly abandonRate: number;
  readonly abandonCap?: number;
  /** Lines per available agent, as `adjustRatio` last set it. */
  readonly currentRatio: number;
}

export interface Pace {
  readonly dialNow: number;
  /** The ratio the count was made with (1 for progressive). */
  readonly ratio: number;
}

/** The lowest answer rate the ratio is bounded by: below it a list is not worth predictive dialling. */
const MIN_ANSWER_RATE = 0.05;

/** The highest ratio worth dialling at an answer rate: one expected person per available agent. */
export const maxRatio = (answerRate: number): number => 1 / Math.max(answerRate, MIN_ANSWER_RATE);

const clampRatio = (ratio: number, answerRate: number) =>
  Math.min(maxRatio(answerRate), Math.max(1, Number.isFinite(ratio) ? ratio : 1));

const count = (n: number) => (Number.isFinite(n) && n > 0 ? n : 0);

/** Agents expected to finish within one ring time. */
export function agentsFreeingSoon(figures: PacingFigures): number {
  const { meanRingSeconds, meanHandleSeconds } = figures;
  if (!(meanHandleSeconds > 0) || !(meanRingSeconds > 0)) return 0;
  return count(figures.agentsOnCampaignCall) * Math.min(1, meanRingSeconds / meanHandleSeconds);
}

export function pace(mode: PacingMode, figures: PacingFigures): Pace {
  const free = count(figures.agentsFree);
  const ringing = count(figures.callsRinging);
  const cap = figures.abandonCap ?? DEFAULT_ABANDON_CAP;
  if (mode === 'progressive' || figures.abandonRate > cap)
    return { dialNow: Math.max(0, Math.floor(free - ringing)), ratio: 1 };
  const ratio = clampRatio(figures.currentRatio, figures.answerRate);
  const lines = ratio * (free + agentsFreeingSoon(figures));
  return { dialNow: Math.max(0, Math.round(lines - ringing)), ratio };
}

export interface RatioFigures {
  /** Over the campaign so far. */
  readonly abandoned: number;
  readonly humanAnswers: number;
  /** Abandoned in the minute just ended. */
  readonly abandonedLastMinute: number;
  readonly answerRate: number;
}

/** Ratio steps: up by a little each calm minute, down by a lot when over. */
export const RATIO_STEP_UP = 0.1;
export const RATIO_CUT = 0.7;
export const RATIO_EASE = 0.95;
/** Shares of the cap: raise below the first, ease above the second, hold between. */
export const RAISE_BELOW = 0.6;
export const EASE_AT = 0.85;

export function adjustRatio(
  previousRatio: number,
  minute: RatioFigures,
  cap: number = DEFAULT_ABANDON_CAP,
): number {
  const rate = minute.abandoned / Math.max(1, minute.humanAnswers);
  let next = previousRatio;
  if (rate > cap) next = previousRatio * RATIO_CUT;
  else if (rate > EASE_AT * cap) next = previousRatio * RATIO_EASE;
  else if (rate < RAISE_BELOW * cap) next = previousRatio + RATIO_STEP_UP;
  return clampRatio(next, minute.answerRate);
}

/**
 * The answer rate to pace with: people per call placed over the recent calls, pulled towards a prior
 * while few calls have ended, so the first minutes of a campaign do not pace on three calls.
 */
export function estimateAnswerRate(
  humans: number,
  placed: number,
  prior: { readonly rate: number; readonly weight: number } = { rate: 0.2, weight: 50 },
): number {
  return (count(humans) + prior.rate * prior.weight) / (count(placed) + prior.weight);
}
