// Every shipped script walked through every answer it branches on: each ending is met, and each
// create-ticket ending files a ticket with every field its type requires.
import { describe, expect, it } from 'vitest';
import { scripts } from '../../../flows/scripts/index.js';
import { requiredTicketFieldsOf } from '../../../functions/domain/scripts/ticket-fields.js';
import { type Ask, POLICY_CHECKS, type Script } from '../../../functions/domain/scripts/types.js';
import {
  advance,
  currentStep,
  type ScriptRun,
  startRun,
  ticketDraft,
} from '../../../functions/domain/scripts/walk.js';

const SAMPLE = { text: 'Something to say', number: '1200', date: '2026-03-01', plate: '沪A 12345' } as const;

/** The answers worth trying at an ask: every branch-relevant value, one sample otherwise. */
function tries(ask: Ask): { raw: string; policy?: (typeof POLICY_CHECKS)[number] }[] {
  if (ask.kind === 'choice') return (ask.options ?? []).map((o) => ({ raw: o.value }));
  if (ask.kind === 'yes-no') return [{ raw: 'yes' }, { raw: 'no' }];
  if (ask.kind === 'policy') return POLICY_CHECKS.map((policy) => ({ raw: 'EW-2025-000001', policy }));
  return [{ raw: SAMPLE[ask.kind] }];
}

/** Every run that ends, exploring each step once per path (loops are cut). */
function endings(script: Script): ScriptRun[] {
  const done: ScriptRun[] = [];
  const explore = (run: ScriptRun) => {
    const { id, step } = currentStep(script, run);
    if (step.end) return void done.push(run);
    if (run.path.slice(0, -1).includes(id)) return;
    for (const a of step.ask ? tries(step.ask) : [{ raw: '' }]) {
      const moved = advance(script, run, a.raw, 'policy' in a ? a.policy : undefined);
      if (!moved.ok) throw new Error(`${script.name}.${id}: ${moved.reason}`);
      explore(moved.run);
    }
  };
  explore(startRun(script));
  return done;
}

describe.each(Object.values(scripts))('$name', (script) => {
  const runs = endings(script);

  it('meets every ending', () => {
    const met = new Set(runs.map((r) => currentStep(script, r).id));
    const all = Object.entries(script.steps)
      .filter(([, s]) => s.end)
      .map(([id]) => id);
    expect([...met].sort()).toEqual(all.sort());
  });

  it('files a ticket with every required field at each create-ticket ending', () => {
    for (const run of runs.filter((r) => currentStep(script, r).step.end === 'create-ticket')) {
      const draft = ticketDraft(script, run, 'zh');
      if (!draft || !script.ticketType) throw new Error('no draft');
      expect(draft.subject).not.toBe('');
      for (const field of requiredTicketFieldsOf(script.ticketType).filter((f) => f !== 'subject'))
        expect(draft.fields[field], `${script.name}: ${run.path.join(' > ')} lacks ${field}`).toBeTruthy();
    }
  });
});
