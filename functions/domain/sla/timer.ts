// A ticket's SLA timer, pure: started from its policy, paused while waiting for the customer (the time
// paused moves every due time on), and read by the sweep for what has fallen due: reminders before the
// resolution is due, escalation steps once it is late. What was sent is kept on the timer, so a sweep that
// runs twice, or late, sends each reminder and takes each step once.
import type { TicketSla } from '../model.js';
import type { EscalationStep, SlaPolicy } from './policy.js';

const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

export function startSla(policy: SlaPolicy, nowMs: number): TicketSla {
  return {
    policy: policy.id,
    respondBy: iso(nowMs + policy.respondMinutes * MINUTE),
    resolveBy: iso(nowMs + policy.resolveMinutes * MINUTE),
    reminded: [],
    escalated: 0,
  };
}

export function pauseSla(sla: TicketSla, nowMs: number): TicketSla {
  return sla.pausedAt ? sla : { ...sla, pausedAt: iso(nowMs) };
}

/** Every due time not yet met moves on by the time paused. */
export function resumeSla(sla: TicketSla, nowMs: number): TicketSla {
  if (!sla.pausedAt) return sla;
  const paused = Math.max(0, nowMs - Date.parse(sla.pausedAt));
  const { pausedAt: _, ...running } = sla;
  return {
    ...running,
    ...(sla.respondedAt ? {} : { respondBy: iso(Date.parse(sla.respondBy) + paused) }),
    resolveBy: iso(Date.parse(sla.resolveBy) + paused),
  };
}

/** The first response: an agent's note or change. Late if after respondBy. */
export function respondSla(sla: TicketSla, nowMs: number): TicketSla {
  if (sla.respondedAt) return sla;
  return {
    ...sla,
    respondedAt: iso(nowMs),
    ...(nowMs > Date.parse(sla.respondBy) ? { respondLate: true } : {}),
  };
}

export type SlaAction =
  | { readonly kind: 'remind'; readonly minutesBefore: number }
  | {
      readonly kind: 'escalate';
      readonly step: number;
      readonly to: EscalationStep['to'];
      readonly by: EscalationStep['by'];
    };

/**
 * What has fallen due by `nowMs` and was not done yet, in order. A reminder whose moment passed after the
 * resolution was already due is dropped (an escalation says more); every escalation step due is returned,
 * so a sweep that ran late still ends where a punctual one would.
 */
export function dueActions(sla: TicketSla, policy: SlaPolicy, nowMs: number): SlaAction[] {
  if (sla.pausedAt) return [];
  const due = Date.parse(sla.resolveBy);
  const actions: SlaAction[] = [];
  const reminders = [...policy.remindBeforeMinutes].sort((a, b) => b - a);
  for (const m of reminders)
    if (!sla.reminded.includes(m) && nowMs >= due - m * MINUTE && nowMs < due)
      actions.push({ kind: 'remind', minutesBefore: m });
  policy.escalations.forEach((step, index) => {
    if (index >= sla.escalated && nowMs >= due + step.afterMinutes * MINUTE)
      actions.push({ kind: 'escalate', step: index, to: step.to, by: step.by });
  });
  return actions;
}

/** The timer once `actions` are done. */
export function afterActions(sla: TicketSla, actions: readonly SlaAction[]): TicketSla {
  let next = sla;
  for (const a of actions)
    next =
      a.kind === 'remind'
        ? { ...next, reminded: [...next.reminded, a.minutesBefore] }
        : { ...next, escalated: Math.max(next.escalated, a.step + 1) };
  return next;
}
