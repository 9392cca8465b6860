// The shape of a script as a graph: where each step may go, which steps the start reaches, which steps
// lead to an ending, and what is known for certain on arriving at a step (the answers asked and the
// ticket fields recorded on every path from the start), which the validator and the walker both read.
import { type Ask, policyStatusField, type Script, type ScriptStep } from './types.js';

/** The step ids a step may go to, with the path of each inside the step. */
export function targetsOf(step: ScriptStep): [path: string, target: string][] {
  if (step.next === undefined) return [];
  if (typeof step.next === 'string') return [['next', step.next]];
  return step.next.map((b, i): [string, string] => [`next.${i}.next`, b.next]);
}

/** The answer fields an ask fills: a policy number also fills its looked-up status. */
export function fieldsOf(ask: Ask | undefined): string[] {
  if (!ask) return [];
  return ask.kind === 'policy' ? [ask.field, policyStatusField(ask.field)] : [ask.field];
}

export function reachable(script: Script): Set<string> {
  const seen = new Set<string>();
  const todo = script.steps[script.start] ? [script.start] : [];
  while (todo.length) {
    const id = todo.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const step = script.steps[id];
    if (step) for (const [, t] of targetsOf(step)) if (script.steps[t] && !seen.has(t)) todo.push(t);
  }
  return seen;
}

/** Steps from which some ending can be reached. */
export function leadingToAnEnd(script: Script): Set<string> {
  const good = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const [id, step] of Object.entries(script.steps)) {
      if (good.has(id)) continue;
      if (step.end || targetsOf(step).some(([, t]) => good.has(t))) {
        good.add(id);
        grew = true;
      }
    }
  }
  return good;
}

export interface Known {
  /** Answer fields asked on every path from the start up to and including the step. */
  readonly asked: ReadonlySet<string>;
  /** Ticket fields recorded on every path from the start up to and including the step. */
  readonly recorded: ReadonlySet<string>;
}

/** What holds at the end of each reachable step whichever way the call came (a forward must-analysis). */
export function knownAfter(script: Script): Map<string, Known> {
  const live = reachable(script);
  const preds = new Map<string, string[]>();
  for (const id of live)
    for (const [, t] of targetsOf(script.steps[id] as ScriptStep))
      if (live.has(t)) preds.set(t, [...(preds.get(t) ?? []), id]);
  const own = (id: string) => {
    const step = script.steps[id] as ScriptStep;
    return { asked: fieldsOf(step.ask), recorded: Object.keys(step.record ?? {}) };
  };
  // Start from "everything" (undefined) and shrink to the intersection over the ways in.
  const out = new Map<string, { asked: Set<string>; recorded: Set<string> } | undefined>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const id of live) {
      let asked: Set<string> | undefined;
      let recorded: Set<string> | undefined;
      if (id === script.start) {
        asked = new Set();
        recorded = new Set();
      }
      for (const p of preds.get(id) ?? []) {
        const before = out.get(p);
        if (!before) continue;
        asked = asked ? intersect(asked, before.asked) : new Set(before.asked);
        recorded = recorded ? intersect(recorded, before.recorded) : new Set(before.recorded);
      }
      if (!asked || !recorded) continue;
      const mine = own(id);
      for (const f of mine.asked) asked.add(f);
      for (const f of mine.recorded) recorded.add(f);
      const prev = out.get(id);
      if (!prev || prev.asked.size !== asked.size || prev.recorded.size !== recorded.size) {
        out.set(id, { asked, recorded });
        changed = true;
      }
    }
  }
  const result = new Map<string, Known>();
  for (const [id, k] of out) if (k) result.set(id, k);
  return result;
}

function intersect(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> {
  return new Set([...a].filter((x) => b.has(x)));
}
