// What an agent is told of a supervisor on their call: a whisper to them, a barge to everyone; not a
// silent listen, and not a whisper to a colleague on the same call (a warm transfer's two agents).
import { describe, expect, it } from 'vitest';
import { type LegView, silentMonitor, supervisorHeard } from '../../functions/app/desk/calls.js';

const leg = (callSid: string, extra: Partial<LegView> = {}): LegView => ({
  callSid,
  hold: false,
  muted: false,
  ...extra,
});

describe('a supervisor heard on a call', () => {
  const customer = leg('CA-customer');
  const a = leg('CA-agent-a', { to: 'client:1002' });
  const b = leg('CA-agent-b', { to: 'client:1003' });

  it('is a whisper only to the agent coached', () => {
    const whisper = leg('CA-sup', { label: 'supervisor-2001', coaching: true, callSidToCoach: a.callSid });
    const legs = [customer, a, b, whisper];
    expect(supervisorHeard(legs, a.callSid)).toEqual({ id: '2001', mode: 'whisper' });
    expect(supervisorHeard(legs, b.callSid)).toBeUndefined();
  });

  it('is a barge to everyone, and nothing while listening silently', () => {
    const barge = leg('CA-sup', { label: 'supervisor-2001' });
    expect(supervisorHeard([customer, a, b, barge], b.callSid)).toEqual({ id: '2001', mode: 'barge' });
    const listening = leg('CA-sup', { label: 'supervisor-2001', muted: true });
    expect(supervisorHeard([customer, a, listening], a.callSid)).toBeUndefined();
    expect(silentMonitor(listening)).toBe(true);
    // A muted customer or agent is not a supervisor listening.
    expect(silentMonitor(leg('CA-x', { muted: true }))).toBe(false);
  });
});
