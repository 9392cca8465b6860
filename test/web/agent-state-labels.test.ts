// Every state the wallboard and the desk show an agent in, and every TaskRouter activity, has words in
// both languages: a Chinese console never reads "Offline" or "Ringing".
import { describe, expect, it } from 'vitest';
import { routing } from '../../flows/routing.js';
import { AGENT_STATES } from '../../functions/domain/wallboard-rules.js';
import { DESK_LABELS, stateKey } from '../../web/src/labels-desk.js';

describe('agent state labels', () => {
  it('name each state and activity in Chinese and English', () => {
    const labels: Record<string, { zh: string; en: string } | undefined> = DESK_LABELS;
    for (const name of [...AGENT_STATES, ...routing.activities.map((a) => a.name)]) {
      expect(labels[stateKey(name)]?.zh, name).toMatch(/\S/);
      expect(labels[stateKey(name)]?.en, name).toMatch(/\S/);
    }
  });
});
