// The SLA rules as data and the timer, pure: the shipped work-order configuration is valid, a bad one is
// refused entry by entry, and the timer's pauses, reminders and escalation steps fall due exactly once.
import { describe, expect, it } from 'vitest';
import { workOrders } from '../../../flows/work-orders.js';
import { checkWorkOrders, policyFor, type SlaPolicy } from '../../../functions/domain/sla/policy.js';
import {
  afterActions,
  dueActions,
  pauseSla,
  respondSla,
  resumeSla,
  startSla,
} from '../../../functions/domain/sla/timer.js';

const MINUTE = 60_000;
const T0 = Date.parse('2026-03-02T01:00:00Z');
const POLICY: SlaPolicy = {
  id: 'p',
  ticketType: 'complaint',
  respondMinutes: 30,
  resolveMinutes: 240,
  remindBeforeMinutes: [60, 15],
  escalations: [
    { afterMinutes: 0, to: 'lead', by: ['desk'] },
    { afterMinutes: 60, to: 'supervisor', by: ['desk', 'sms'] },
  ],
  confirmBy: 'callback',
};

describe('work-order configuration', () => {
  it('ships valid departments and policies', () => {
    expect(checkWorkOrders(workOrders)).toEqual([]);
  });

  it('picks the tier’s own policy, else the type’s general one, else none', () => {
    expect(policyFor(workOrders.policies, 'complaint', 'platinum')?.id).toBe('complaint-vip');
    expect(policyFor(workOrders.policies, 'complaint', 'silver')?.id).toBe('complaint');
    expect(policyFor(workOrders.policies, 'complaint')?.id).toBe('complaint');
    expect(policyFor(workOrders.policies, 'inquiry', 'gold')).toBeUndefined();
  });

  it('names each bad entry and what is allowed', () => {
    const problems = checkWorkOrders({
      departments: [
        { id: 'Bad Id', names: { zh: '', en: 'x' }, members: [], lead: '' },
        { id: 'dup', names: { zh: '甲', en: 'A' }, members: ['1'], lead: '2' },
        { id: 'dup', names: { zh: '乙', en: 'B' }, members: ['1'], lead: '2' },
      ],
      supervisor: 's',
      policies: [
        { ...POLICY, respondMinutes: 300, remindBeforeMinutes: [500] },
        {
          ...POLICY,
          id: 'again',
          escalations: [
            { afterMinutes: 60, to: 'lead', by: [] },
            { afterMinutes: 30, to: 'lead', by: ['desk'] },
          ],
        },
      ],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^department "Bad Id": the id must be/),
        expect.stringMatching(/^department "Bad Id": needs a Chinese and an English name/),
        expect.stringMatching(/^department "Bad Id": has no members/),
        expect.stringMatching(/^department "dup": the id is used twice/),
        expect.stringMatching(/^SLA policy "p": the first response cannot be due after the resolution/),
        expect.stringMatching(/^SLA policy "p": a reminder 500 minutes before is outside 1\.\.239/),
        expect.stringMatching(/^SLA policy "again": a second policy for complaint, tier \*/),
        expect.stringMatching(/^SLA policy "again": each escalation needs channels from desk, sms/),
        expect.stringMatching(/^SLA policy "again": escalation steps must be at 0 or more minutes past due/),
      ]),
    );
  });
});

describe('the SLA timer', () => {
  it('reminds before due, largest first, each once; then escalates step by step once late', () => {
    let sla = startSla(POLICY, T0);
    expect(dueActions(sla, POLICY, T0 + 179 * MINUTE)).toEqual([]);
    const at180 = dueActions(sla, POLICY, T0 + 180 * MINUTE);
    expect(at180).toEqual([{ kind: 'remind', minutesBefore: 60 }]);
    sla = afterActions(sla, at180);
    expect(dueActions(sla, POLICY, T0 + 200 * MINUTE)).toEqual([]);
    const at225 = dueActions(sla, POLICY, T0 + 225 * MINUTE);
    expect(at225).toEqual([{ kind: 'remind', minutesBefore: 15 }]);
    sla = afterActions(sla, at225);
    const late = dueActions(sla, POLICY, T0 + 240 * MINUTE);
    expect(late).toEqual([{ kind: 'escalate', step: 0, to: 'lead', by: ['desk'] }]);
    sla = afterActions(sla, late);
    expect(dueActions(sla, POLICY, T0 + 299 * MINUTE)).toEqual([]);
    sla = afterActions(sla, dueActions(sla, POLICY, T0 + 300 * MINUTE));
    expect(sla.escalated).toBe(2);
    expect(dueActions(sla, POLICY, T0 + 900 * MINUTE)).toEqual([]);
  });

  it('takes every step a late sweep missed, but no reminder once the ticket is already due', () => {
    const sla = startSla(POLICY, T0);
    expect(dueActions(sla, POLICY, T0 + 400 * MINUTE).map((a) => a.kind)).toEqual(['escalate', 'escalate']);
  });

  it('falls due for nothing while paused, and moves unmet due times on by the pause', () => {
    const answered = respondSla(startSla(POLICY, T0), T0 + 10 * MINUTE);
    const paused = pauseSla(answered, T0 + 60 * MINUTE);
    expect(pauseSla(paused, T0 + 90 * MINUTE)).toBe(paused);
    expect(dueActions(paused, POLICY, T0 + 1000 * MINUTE)).toEqual([]);
    const resumed = resumeSla(paused, T0 + 160 * MINUTE);
    expect(resumed.pausedAt).toBeUndefined();
    expect(resumed.resolveBy).toBe(new Date(T0 + 340 * MINUTE).toISOString());
    // Already answered: the response due time stays what it was.
    expect(resumed.respondBy).toBe(answered.respondBy);
  });

  it('counts a first response after its due time as late, and only the first', () => {
    const sla = respondSla(startSla(POLICY, T0), T0 + 31 * MINUTE);
    expect(sla).toMatchObject({ respondLate: true, respondedAt: new Date(T0 + 31 * MINUTE).toISOString() });
    expect(respondSla(sla, T0 + 40 * MINUTE)).toBe(sla);
  });
});
