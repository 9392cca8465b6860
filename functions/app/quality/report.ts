// The QA figures of each agent over a date range, for the agent reports: how many calls were scored, the
// average score, how many auto-failed, the disputes, and the calls the phrase checks flagged. Overturned
// scores do not count.
import type { QaScore } from '../../domain/quality/score-record.js';
import { counts } from '../../domain/quality/score-record.js';
import type { Transcript } from '../../domain/quality/transcript.js';
import { dateRange } from '../history/reports.js';
import type { QualityDeps } from './forms.js';

export interface QualityRow {
  readonly agent: string;
  readonly scored: number;
  /** Mean percent of the scores that count, one decimal; null with none. */
  readonly average: number | null;
  readonly autoFails: number;
  readonly openDisputes: number;
  readonly overturned: number;
  /** Calls whose transcript the phrase checks flagged. */
  readonly flagged: number;
}

export function qualityRows(scores: readonly QaScore[], flagged: readonly Transcript[] = []): QualityRow[] {
  const byAgent = new Map<string, QaScore[]>();
  for (const s of scores) byAgent.set(s.agentId, [...(byAgent.get(s.agentId) ?? []), s]);
  for (const t of flagged) if (!byAgent.has(t.agentId)) byAgent.set(t.agentId, []);
  return [...byAgent.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([agent, all]) => {
      const counted = all.filter(counts);
      const sum = counted.reduce((total, s) => total + s.result.percent, 0);
      return {
        agent,
        scored: counted.length,
        average: counted.length ? Math.round((sum / counted.length) * 10) / 10 : null,
        autoFails: counted.filter((s) => s.result.autoFailed).length,
        openDisputes: all.filter((s) => s.dispute?.state === 'open').length,
        overturned: all.length - counted.length,
        flagged: flagged.filter((t) => t.agentId === agent).length,
      };
    });
}

/** Scores of calls from local day `from` through `to`, in the center's zone. */
export async function scoresInDays(
  deps: QualityDeps,
  timeZone: string,
  q: { from: string; to: string; agent?: string },
): Promise<QaScore[]> {
  const range = dateRange(q.from, q.to, timeZone);
  const scores = q.agent
    ? await deps.store.quality.scoresOfAgent(q.agent, range.from, range.to)
    : await deps.store.quality.scoresBetween(range.from, range.to);
  return scores.filter((s) => s.callStartedAt >= range.from && s.callStartedAt < range.to);
}

export async function qualityReport(
  deps: QualityDeps,
  timeZone: string,
  q: { from: string; to: string; agent?: string },
): Promise<QualityRow[]> {
  const range = dateRange(q.from, q.to, timeZone);
  const flagged = (await deps.store.quality.flaggedBetween(range.from, range.to)).filter(
    (t) => t.callStartedAt >= range.from && t.callStartedAt < range.to && (!q.agent || t.agentId === q.agent),
  );
  return qualityRows(await scoresInDays(deps, timeZone, q), flagged);
}
