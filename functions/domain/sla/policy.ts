// Work-order service levels as data: departments (who works a handed-over ticket, who leads them) and SLA
// policies per ticket type and customer tier (how soon a first response and a resolution are due, when to
// remind, whom to escalate to and how, and how the customer confirms the fix). Checked here, so a bad
// entry in flows/work-orders.ts fails `npm test` with the entry named rather than a sweep at run time.
import type { TicketType, VipTier } from '../model.js';
import { TICKET_TYPES, VIP_TIERS } from '../model.js';

export interface Department {
  readonly id: string;
  readonly names: { readonly zh: string; readonly en: string };
  /** User ids of the people who work its tickets. */
  readonly members: readonly string[];
  /** The first escalation past the assignee. */
  readonly lead: string;
}

export const SLA_CHANNELS = ['desk', 'sms'] as const;
export type SlaChannel = (typeof SLA_CHANNELS)[number];
export const ESCALATION_TARGETS = ['assignee', 'lead', 'supervisor'] as const;
export type EscalationTarget = (typeof ESCALATION_TARGETS)[number];

export interface EscalationStep {
  /** Minutes past the resolution due time (0: the moment it is late). */
  readonly afterMinutes: number;
  readonly to: EscalationTarget;
  readonly by: readonly SlaChannel[];
}

export interface SlaPolicy {
  readonly id: string;
  readonly ticketType: TicketType;
  /** Tiers it applies to; absent, every tier without a policy of its own. */
  readonly tiers?: readonly VipTier[];
  /** Minutes to the first response (an agent's note or status change), and to resolution. */
  readonly respondMinutes: number;
  readonly resolveMinutes: number;
  /** Reminders to the assignee, minutes before the resolution is due. */
  readonly remindBeforeMinutes: readonly number[];
  readonly escalations: readonly EscalationStep[];
  /** Once resolved: how the customer is asked whether it is fixed. */
  readonly confirmBy: 'callback' | 'none';
}

export interface WorkOrderConfig {
  readonly departments: readonly Department[];
  readonly supervisor: string;
  readonly policies: readonly SlaPolicy[];
}

/** The policy for a ticket: the one naming its tier, else the type's general one; none, no SLA. */
export function policyFor(
  policies: readonly SlaPolicy[],
  type: TicketType,
  tier: VipTier = 'none',
): SlaPolicy | undefined {
  const ofType = policies.filter((p) => p.ticketType === type);
  return ofType.find((p) => p.tiers?.includes(tier)) ?? ofType.find((p) => !p.tiers);
}

/** Every problem in the configuration, each naming the entry and what is allowed; empty when valid. */
export function checkWorkOrders(config: WorkOrderConfig): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const d of config.departments) {
    if (!/^[a-z][a-z0-9-]*$/.test(d.id))
      problems.push(`department "${d.id}": the id must be lower-case letters, digits and dashes`);
    if (ids.has(d.id)) problems.push(`department "${d.id}": the id is used twice`);
    ids.add(d.id);
    if (!d.names.zh.trim() || !d.names.en.trim())
      problems.push(`department "${d.id}": needs a Chinese and an English name`);
    if (d.members.length === 0) problems.push(`department "${d.id}": has no members`);
    if (!d.lead) problems.push(`department "${d.id}": has no lead`);
  }
  const seen = new Set<string>();
  for (const p of config.policies) {
    const at = `SLA policy "${p.id}"`;
    if (!TICKET_TYPES.includes(p.ticketType))
      problems.push(`${at}: ticket type "${p.ticketType}" is not one of ${TICKET_TYPES.join(', ')}`);
    for (const tier of p.tiers ?? [])
      if (!VIP_TIERS.includes(tier))
        problems.push(`${at}: tier "${tier}" is not one of ${VIP_TIERS.join(', ')}`);
    for (const key of p.tiers ?? ['*']) {
      const k = `${p.ticketType}/${key}`;
      if (seen.has(k)) problems.push(`${at}: a second policy for ${p.ticketType}, tier ${key}`);
      seen.add(k);
    }
    if (!(p.respondMinutes > 0) || !(p.resolveMinutes > 0))
      problems.push(`${at}: respondMinutes and resolveMinutes must be positive`);
    if (p.respondMinutes > p.resolveMinutes)
      problems.push(`${at}: the first response cannot be due after the resolution`);
    for (const m of p.remindBeforeMinutes)
      if (!(m > 0 && m < p.resolveMinutes))
        problems.push(`${at}: a reminder ${m} minutes before is outside 1..${p.resolveMinutes - 1}`);
    let last = -1;
    for (const step of p.escalations) {
      if (!(step.afterMinutes >= 0) || step.afterMinutes <= last)
        problems.push(
          `${at}: escalation steps must be at 0 or more minutes past due, each later than the last`,
        );
      last = step.afterMinutes;
      if (!ESCALATION_TARGETS.includes(step.to))
        problems.push(`${at}: escalates to "${step.to}", not one of ${ESCALATION_TARGETS.join(', ')}`);
      if (step.by.length === 0 || step.by.some((c) => !SLA_CHANNELS.includes(c)))
        problems.push(`${at}: each escalation needs channels from ${SLA_CHANNELS.join(', ')}`);
    }
  }
  return problems;
}
