// The sampling rule: n calls per agent per week drawn the same way every time from a seed (another seed
// draws others), plus every complaint call and every flagged call, each with why it was chosen.
import { describe, expect, it } from 'vitest';
import { type SampleCandidate, sampleCalls, weekOf } from '../../../functions/domain/quality/sampling.js';

const call = (sid: string, agentId: string, startedAt: string, over: Partial<SampleCandidate> = {}) => ({
  sid,
  agentId,
  startedAt,
  complaint: false,
  flagged: false,
  ...over,
});

// Two agents, two weeks (2026-03-02 is a Monday), ten calls each per week.
const calls: SampleCandidate[] = ['1001', '1002'].flatMap((agent) =>
  ['2026-03-03', '2026-03-10'].flatMap((day) =>
    Array.from({ length: 10 }, (_, i) => call(`RE-${agent}-${day}-${i}`, agent, `${day}T0${i}:00:00.000Z`)),
  ),
);

describe('sampleCalls', () => {
  it('draws n calls per agent per week, the same ones for the same seed', () => {
    const once = sampleCalls(calls, { perAgentPerWeek: 2, seed: 'w10' });
    expect(once).toHaveLength(8);
    for (const agent of ['1001', '1002'])
      for (const day of ['2026-03-03', '2026-03-10'])
        expect(once.filter((s) => s.sid.startsWith(`RE-${agent}-${day}`))).toHaveLength(2);
    expect(sampleCalls(calls, { perAgentPerWeek: 2, seed: 'w10' })).toEqual(once);
    expect(
      sampleCalls([...calls].reverse(), { perAgentPerWeek: 2, seed: 'w10' })
        .map((s) => s.sid)
        .sort(),
    ).toEqual(once.map((s) => s.sid).sort());
    expect(sampleCalls(calls, { perAgentPerWeek: 2, seed: 'other' }).map((s) => s.sid)).not.toEqual(
      once.map((s) => s.sid),
    );
  });

  it('adds every complaint call and every flagged call, saying why', () => {
    const marked = calls.map((c, i) =>
      i === 0 ? { ...c, complaint: true } : i === 1 ? { ...c, flagged: true, complaint: true } : c,
    );
    const none = sampleCalls(marked, { perAgentPerWeek: 0, seed: 's' });
    expect(none).toEqual([
      { sid: 'RE-1001-2026-03-03-0', reasons: ['complaint'] },
      { sid: 'RE-1001-2026-03-03-1', reasons: ['complaint', 'flagged'] },
    ]);
    expect(sampleCalls(marked, { perAgentPerWeek: 10, seed: 's' })[1]).toEqual({
      sid: 'RE-1001-2026-03-03-1',
      reasons: ['random', 'complaint', 'flagged'],
    });
  });
});

describe('weekOf', () => {
  it('names the Monday of the week', () => {
    expect(weekOf('2026-03-02T00:00:00Z')).toBe('2026-03-02');
    expect(weekOf('2026-03-08T23:59:59Z')).toBe('2026-03-02');
    expect(weekOf('2026-03-09T00:00:00Z')).toBe('2026-03-09');
  });
});
