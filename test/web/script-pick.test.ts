// Which script the desk opens for a call: the hotline's script for the queue the caller chose in the IVR,
// else the hotline's first, else one for that queue on any line; none when nothing fits.
import { describe, expect, it } from 'vitest';
import { pickScript, type ScriptSummary } from '../../web/src/desk/use-guided-script.js';

const summary = (name: string, hotline: string, queues: string[]): ScriptSummary => ({
  name,
  hotline,
  queues,
  titles: { zh: name, en: name },
});
const offered = [
  summary('claim', 'warranty', ['claims']),
  summary('inquiry', 'warranty', ['general']),
  summary('rescue', 'rescue', ['rescue']),
  summary('complaints', '*', ['complaints']),
];

describe('pickScript', () => {
  it('takes the hotline script for the queue the caller chose', () => {
    expect(pickScript(offered, { hotline: 'warranty', queue: 'general' })).toBe('inquiry');
    expect(pickScript(offered, { hotline: 'warranty', queue: 'claims' })).toBe('claim');
  });
  it("falls back to the hotline's first script, then to the queue on any line", () => {
    expect(pickScript(offered, { hotline: 'warranty', queue: 'policy' })).toBe('claim');
    expect(pickScript(offered, { hotline: 'it-support', queue: 'complaints' })).toBe('complaints');
    expect(pickScript(offered, { queue: 'support' })).toBeUndefined();
  });
});
