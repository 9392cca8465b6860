// What an emergency line (a flow with `emergency: true`) must hold to keep its promise: it asks the caller
// nothing (no menu, language choice or input), it is open around the clock with no holiday calendar, and
// every queue it sends callers to takes them ahead of any other flow's caller there, VIP boost included.
import type { RoutingConfig } from '../routing/types.js';
import type { Flow } from './types.js';
import type { Problem } from './validate.js';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const ASKS = new Set(['menu', 'language', 'input']);

export function validateEmergencyFlows(
  flows: Readonly<Record<string, Flow>>,
  routing: Pick<RoutingConfig, 'vipPriority'>,
  fileOf: (name: string) => string = (name) => `flows/${name}.ts`,
): Problem[] {
  const problems: Problem[] = [];
  const topBoost = Math.max(0, ...Object.values(routing.vipPriority));
  // The highest priority any other flow's caller can reach in each queue.
  const highest = new Map<string, number>();
  for (const flow of Object.values(flows)) {
    if (flow.emergency) continue;
    for (const state of Object.values(flow.states))
      if (state.kind === 'queue')
        highest.set(state.queue, Math.max(highest.get(state.queue) ?? 0, (state.priority ?? 0) + topBoost));
  }
  for (const [name, flow] of Object.entries(flows)) {
    if (!flow.emergency) continue;
    const at = (path: string, message: string) => problems.push({ file: fileOf(name), path, message });
    for (const day of DAYS) {
      const span = flow.hours[day];
      if (span?.[0] !== '00:00' || span[1] !== '24:00')
        at(`hours.${day}`, 'an emergency line is open around the clock: ["00:00", "24:00"]');
    }
    if (flow.calendar) at('calendar', 'an emergency line closes on no holiday');
    for (const [stateName, state] of Object.entries(flow.states)) {
      if (ASKS.has(state.kind))
        at(`states.${stateName}`, `an emergency line asks the caller nothing: no ${state.kind} state`);
      if (state.kind !== 'queue') continue;
      const above = highest.get(state.queue) ?? 0;
      if ((state.priority ?? 0) <= above)
        at(
          `states.${stateName}.priority`,
          `must be above ${above}, the highest another flow's caller reaches in "${state.queue}" (VIP boost included)`,
        );
    }
  }
  return problems;
}
