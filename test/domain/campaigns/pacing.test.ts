// Pacing from live figures: progressive is one call per uncovered free agent, predictive several lines per
// available agent with the ratio steered by the abandon rate; neither ever dials a negative count or
// dials for agents who are neither free nor about to be.
import { describe, expect, it } from 'vitest';
import {
  adjustRatio,
  estimateAnswerRate,
  maxRatio,
  type PacingFigures,
  pace,
  type RatioFigures,
} from '../../../functions/domain/campaigns/pacing.js';

const figures: PacingFigures = {
  agentsFree: 0,
  agentsOnCampaignCall: 0,
  callsRinging: 0,
  answerRate: 0.3,
  meanRingSeconds: 10,
  meanHandleSeconds: 190,
  abandonRate: 0,
  currentRatio: 2,
};
const minute: RatioFigures = { abandoned: 0, humanAnswers: 200, abandonedLastMinute: 0, answerRate: 0.3 };

describe('pace: progressive', () => {
  it('places one call per free agent not already covered by a ringing call', () => {
    expect(pace('progressive', { ...figures, agentsFree: 5, callsRinging: 2 })).toEqual({
      dialNow: 3,
      ratio: 1,
    });
    expect(pace('progressive', { ...figures, agentsFree: 5, agentsOnCampaignCall: 15 })).toMatchObject({
      dialNow: 5,
    });
  });

  it('never dials a negative count, with more calls ringing than agents free', () => {
    expect(pace('progressive', { ...figures, agentsFree: 2, callsRinging: 4 }).dialNow).toBe(0);
  });
});

describe('pace: predictive', () => {
  it('places `ratio` lines per free agent, less the calls already ringing', () => {
    expect(pace('predictive', { ...figures, agentsFree: 4 })).toEqual({ dialNow: 8, ratio: 2 });
    expect(pace('predictive', { ...figures, agentsFree: 4, callsRinging: 3 }).dialNow).toBe(5);
    expect(pace('predictive', { ...figures, agentsFree: 1, callsRinging: 9 }).dialNow).toBe(0);
  });

  it('counts the agents expected to finish within one ring time', () => {
    // 19 agents busy, each freeing within 10 s with chance 10/190: one agent's worth of lines.
    expect(pace('predictive', { ...figures, agentsOnCampaignCall: 19 }).dialNow).toBe(2);
    expect(pace('predictive', { ...figures, agentsOnCampaignCall: 19, meanHandleSeconds: 0 }).dialNow).toBe(
      0,
    );
  });

  it('dials nothing with no agent free and none about to be', () => {
    expect(pace('predictive', figures)).toMatchObject({ dialNow: 0 });
    expect(pace('predictive', { ...figures, currentRatio: 3 }).dialNow).toBe(0);
  });

  it('falls back to progressive while the campaign is over the abandon cap', () => {
    const over = { ...figures, agentsFree: 4, agentsOnCampaignCall: 16, abandonRate: 0.031 };
    expect(pace('predictive', over)).toEqual({ dialNow: 4, ratio: 1 });
    expect(pace('predictive', { ...over, abandonCap: 0.05 }).dialNow).toBeGreaterThan(4);
  });

  it('keeps the ratio between progressive and one expected person per agent', () => {
    expect(pace('predictive', { ...figures, agentsFree: 3, currentRatio: 10 }).ratio).toBeCloseTo(1 / 0.3);
    expect(pace('predictive', { ...figures, agentsFree: 3, currentRatio: 0.2 })).toEqual({
      dialNow: 3,
      ratio: 1,
    });
    expect(pace('predictive', { ...figures, agentsFree: 3, currentRatio: Number.NaN }).ratio).toBe(1);
  });

  it('never dials a negative count, whatever the figures', () => {
    const odd = { ...figures, agentsFree: -3, agentsOnCampaignCall: Number.NaN, callsRinging: -5 };
    expect(pace('predictive', odd).dialNow).toBe(0);
    expect(pace('progressive', odd).dialNow).toBe(0);
  });
});

describe('adjustRatio', () => {
  it('raises the ratio a little each minute while abandons are well under the cap', () => {
    expect(adjustRatio(2, minute)).toBeCloseTo(2.1);
    expect(adjustRatio(2, { ...minute, abandoned: 2 })).toBeCloseTo(2.1); // 1%
  });

  it('holds it near the cap, eases it just under and cuts it hard above', () => {
    expect(adjustRatio(2, { ...minute, abandoned: 4 })).toBe(2); // 2%
    expect(adjustRatio(2, { ...minute, abandoned: 6 })).toBeCloseTo(1.9); // 3%: at the cap, not over
    expect(adjustRatio(2, { ...minute, abandoned: 7 })).toBeCloseTo(1.4); // 3.5%
    expect(adjustRatio(2, { ...minute, abandoned: 7 }, 0.05)).toBe(2);
  });

  it('stays between one line per agent and the answer rate’s bound', () => {
    expect(adjustRatio(1.2, { ...minute, abandoned: 50 })).toBe(1);
    expect(adjustRatio(3.3, minute)).toBeCloseTo(maxRatio(0.3));
    expect(adjustRatio(5, { ...minute, answerRate: 0.5 })).toBe(2);
    expect(adjustRatio(1, { ...minute, humanAnswers: 0 })).toBeCloseTo(1.1);
  });
});

describe('estimateAnswerRate', () => {
  it('leans on the prior while few calls have ended, and on the calls once many have', () => {
    expect(estimateAnswerRate(0, 0)).toBeCloseTo(0.2);
    expect(estimateAnswerRate(3, 3)).toBeCloseTo(13 / 53);
    expect(estimateAnswerRate(300, 1000)).toBeCloseTo(310 / 1050);
  });
});
