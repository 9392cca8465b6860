// The wallboard's rules: agent states from activity plus reservations, the service level from the split,
// and per-queue thresholds read from settings.
import { describe, expect, it } from 'vitest';
import {
  type AgentFacts,
  agentState,
  DEFAULT_SERVICE_LEVEL_SECONDS,
  serviceLevel,
  thresholdSeconds,
} from '../../functions/domain/wallboard-rules.js';

const ROLES = { wrapUp: 'Wrap-up', offline: 'Offline' };
const at = (s: number) => new Date(Date.UTC(2026, 2, 2, 2, 0, s)).toISOString();
const facts = (over: Partial<AgentFacts>): AgentFacts => ({
  activity: 'Available',
  available: true,
  since: at(0),
  reservations: [],
  ...over,
});

describe('agentState', () => {
  it('says On call for an accepted reservation although the activity stays Available', () => {
    expect(agentState(facts({ reservations: [{ status: 'accepted' }] }), ROLES)).toBe('On call');
    expect(agentState(facts({ reservations: [{ status: 'completed', updatedAt: at(5) }] }), ROLES)).toBe(
      'Available',
    );
  });

  it('says Ringing for an offer, Wrap-up for a wrapping reservation or the wrap-up activity', () => {
    expect(agentState(facts({ reservations: [{ status: 'pending' }] }), ROLES)).toBe('Ringing');
    expect(agentState(facts({ reservations: [{ status: 'wrapping' }] }), ROLES)).toBe('Wrap-up');
    expect(agentState(facts({ activity: 'Wrap-up', available: false }), ROLES)).toBe('Wrap-up');
  });

  it('says Away for Busy or Break, Offline for Offline', () => {
    expect(agentState(facts({ activity: 'Busy', available: false }), ROLES)).toBe('Away');
    expect(agentState(facts({ activity: 'Break', available: false }), ROLES)).toBe('Away');
    expect(agentState(facts({ activity: 'Offline', available: false }), ROLES)).toBe('Offline');
  });

  it('says Missed after an offer rang out, until the agent does something else', () => {
    const rangOut = { status: 'rejected' as const, updatedAt: at(30) };
    const missed = facts({ since: at(0), reservations: [rangOut] });
    expect(agentState(missed, ROLES)).toBe('Missed');
    expect(agentState({ ...missed, activity: 'Busy', available: false, since: at(40) }, ROLES)).toBe('Away');
    expect(agentState({ ...missed, reservations: [rangOut, { status: 'pending' }] }, ROLES)).toBe('Ringing');
  });

  it('says Missed while an offer that timed out is what put the agent Offline', () => {
    const timedOut = { status: 'timeout' as const, updatedAt: at(15) };
    const missed = facts({ activity: 'Offline', available: false, since: at(15), reservations: [timedOut] });
    expect(agentState(missed, ROLES)).toBe('Missed');
    // They went Offline again themselves later: plain Offline.
    expect(agentState({ ...missed, since: at(90) }, ROLES)).toBe('Offline');
    // A later offer they answered and completed is the latest thing: not Missed.
    const later = { status: 'completed' as const, updatedAt: at(60) };
    expect(agentState({ ...missed, reservations: [timedOut, later] }, ROLES)).toBe('Offline');
  });
});

describe('serviceLevel', () => {
  it('is calls accepted within the threshold over calls offered, short abandons left out', () => {
    expect(serviceLevel({ accepted: 3, acceptedBelow: 2, canceled: 2, canceledBelow: 1 })).toBe(0.5);
    expect(serviceLevel({ accepted: 1, acceptedBelow: 1, canceled: 0, canceledBelow: 0 })).toBe(1);
  });

  it('is null before any call was offered', () => {
    expect(serviceLevel({ accepted: 0, acceptedBelow: 0, canceled: 0, canceledBelow: 0 })).toBeNull();
    expect(serviceLevel({ accepted: 0, acceptedBelow: 0, canceled: 2, canceledBelow: 2 })).toBeNull();
  });
});

describe('thresholdSeconds', () => {
  it("takes the queue's own threshold, else the setting's default, else 20 s", () => {
    const setting = { defaultSeconds: 30, queues: { rescue: 10 } };
    expect(thresholdSeconds(setting, 'rescue')).toBe(10);
    expect(thresholdSeconds(setting, 'claims')).toBe(30);
    expect(thresholdSeconds(undefined, 'claims')).toBe(DEFAULT_SERVICE_LEVEL_SECONDS);
    expect(DEFAULT_SERVICE_LEVEL_SECONDS).toBe(20);
  });

  it('ignores values that are not a whole number of seconds up to an hour', () => {
    expect(thresholdSeconds({ queues: { rescue: 0 } }, 'rescue')).toBe(20);
    expect(thresholdSeconds({ queues: { rescue: 2.5 } }, 'rescue')).toBe(20);
    expect(thresholdSeconds({ defaultSeconds: 7200 }, 'rescue')).toBe(20);
  });
});
