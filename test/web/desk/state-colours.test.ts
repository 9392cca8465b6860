// Every state an agent can be shown in has a colour of its own: the pill's text is white, so a state
// without a background rule was white on the page's background, unreadable on the wallboard and the desk.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { routing } from '../../../flows/routing.js';
import { AGENT_STATES } from '../../../functions/domain/wallboard-rules.js';
import { stateClass } from '../../../web/src/desk/state-bar.js';

const css = readFileSync(new URL('../../../web/src/styles/desk.css', import.meta.url), 'utf8');

/** The background a class's own rule gives, if it has one. */
function backgroundOf(className: string): string | undefined {
  const rule = new RegExp(`\\.${className}\\s*\\{([^}]*)\\}`).exec(css);
  return rule?.[1] ? /background:\s*([^;]+);/.exec(rule[1])?.[1] : undefined;
}

describe('state pill colours', () => {
  const states = [...new Set([...AGENT_STATES, ...routing.activities.map((a) => a.name), 'On call'])];

  it.each(states)('%s has a background of its own', (state) => {
    expect(backgroundOf(stateClass(state))).toBeDefined();
  });

  it('a state without a rule of its own still gets the pill’s neutral background', () => {
    expect(backgroundOf('state-pill')).toBe('var(--offline)');
  });
});
