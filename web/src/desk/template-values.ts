// What the desk fills an SMS template's variables with for the customer on screen: their name, their
// latest open claim, the agent's own name, and the hotline they last called (or were called from).
import type { TemplateVariable } from '../../../functions/domain/sms-templates.js';
import type { CustomerView } from '../api.js';

const DONE = new Set(['resolved', 'closed', 'cancelled']);

export function templateValues(
  view: CustomerView,
  agentName: string,
): Partial<Record<TemplateVariable, string>> {
  const claim = view.tickets
    .filter((t) => t.type === 'claim' && !DONE.has(t.status))
    .sort((x, y) => y.createdAt.localeCompare(x.createdAt))[0];
  const call = [...view.calls].sort((x, y) => y.startedAt.localeCompare(x.startedAt))[0];
  // Without a call on record the browser cannot know this deployment's numbers (flows/numbers.ts holds the
  // demo's): {hotline} stays as written for the agent to complete.
  return {
    name: view.customer.name,
    agentName,
    ...(call ? { hotline: call.direction === 'inbound' ? call.to : call.from } : {}),
    ...(claim ? { claimNumber: claim.number } : {}),
  };
}
