// A lead from an outside system (a web form's order, a CRM's record) becomes outbound work: a contact of a
// campaign, due at once, or without a campaign a callback the center dials when due. The number is read in
// the center's region; a campaign refuses numbers on the do-not-call list and numbers it already has; a
// callback must pass the dialling policy. A request naming an `externalId` is done once per key: a retry
// gets the first result back.
import { routing } from '../../../flows/routing.js';
import type { ApiKey } from '../../domain/integrations/api-key.js';
import { keyActor } from '../../domain/integrations/api-key.js';
import type { Language } from '../../domain/model.js';
import { HttpProblem, invalidField } from '../../domain/problems.js';
import { guardCallbackRequest } from '../callbacks.js';
import type { CenterBasics } from '../center.js';
import type { GuardDeps } from '../dial-guard.js';
import { normaliseOnePhone } from '../phone-input.js';
import { unwrap } from '../write-result.js';

export type LeadDeps = GuardDeps & Pick<CenterBasics, 'store' | 'clock'>;

export interface Lead {
  readonly phone: string;
  readonly name?: string | undefined;
  readonly campaignId?: string | undefined;
  /** ISO; callbacks only. */
  readonly callbackAt?: string | undefined;
  /** Callbacks only; default `general`. */
  readonly queue?: string | undefined;
  readonly language?: Language | undefined;
  readonly note?: string | undefined;
  readonly vars?: Readonly<Record<string, string>> | undefined;
  readonly externalId?: string | undefined;
}

export type LeadResult =
  | { readonly kind: 'contact'; readonly campaignId: string; readonly contactId: string }
  | { readonly kind: 'callback'; readonly taskId: string };

/** How long a key's externalId is remembered. */
const REQUEST_MEMORY_MS = 30 * 24 * 3600_000;
/** Automatic attempts of a lead's callback, as for callbacks asked for in the queue. */
const CALLBACK_ATTEMPTS = 3;

/** The result, and whether it is the first request's, returned again. */
export async function submitLead(
  deps: LeadDeps,
  key: ApiKey,
  lead: Lead,
): Promise<{ readonly result: LeadResult; readonly replayed: boolean }> {
  const phone = normaliseOnePhone(lead.phone, deps.config.defaultPhoneRegion, 'body.phone');
  const { externalId } = lead;
  if (externalId !== undefined) {
    const expiresAt = new Date(deps.clock.now() + REQUEST_MEMORY_MS).toISOString();
    const claim = await deps.store.apiKeys.claimRequest(key.keyId, externalId, expiresAt);
    if (!claim.claimed) {
      if (claim.result) return { result: claim.result as unknown as LeadResult, replayed: true };
      throw new HttpProblem(
        409,
        'lead-in-progress',
        `A request with externalId "${externalId}" is still being handled: try again in a moment.`,
        { externalId },
      );
    }
  }
  let result: LeadResult;
  try {
    result = lead.campaignId
      ? await addToCampaign(deps, lead, lead.campaignId, phone)
      : await scheduleCallback(deps, key, lead, phone);
  } catch (err) {
    // A refused lead may be sent again once the refusal is fixed; it must not replay the refusal.
    if (externalId !== undefined) await deps.store.apiKeys.releaseRequest(key.keyId, externalId);
    throw err;
  }
  if (externalId !== undefined) await deps.store.apiKeys.completeRequest(key.keyId, externalId, result);
  await deps.store.audit.append({
    actor: keyActor(key.keyId),
    action: `lead.${result.kind}`,
    target: result.kind === 'contact' ? `${result.campaignId}/${result.contactId}` : result.taskId,
    detail: { phone, ...(externalId !== undefined ? { externalId } : {}) },
  });
  return { result, replayed: false };
}

async function addToCampaign(
  deps: LeadDeps,
  lead: Lead,
  campaignId: string,
  phone: string,
): Promise<LeadResult> {
  const campaign = await deps.store.campaigns.get(campaignId);
  if (!campaign) throw invalidField('body.campaignId', 'unknown-campaign', `no campaign "${campaignId}"`);
  if (await deps.store.campaigns.isDoNotCall(phone))
    throw new HttpProblem(409, 'do-not-call', `${phone} is on the do-not-call list.`, { phone });
  const now = new Date(deps.clock.now()).toISOString();
  const vars = { ...lead.vars, ...(lead.note ? { note: lead.note } : {}) };
  const added = await deps.store.campaigns.addContact(
    campaignId,
    {
      phone,
      vars,
      ...(lead.name ? { name: lead.name } : {}),
      ...(lead.language ? { language: lead.language } : {}),
    },
    now,
  );
  if (added.ok) return { kind: 'contact', campaignId, contactId: added.value.id };
  if (added.reason === 'duplicate')
    throw new HttpProblem(409, 'duplicate', `${phone} is already a contact of campaign "${campaignId}".`, {
      field: 'phone',
      value: phone,
      campaignId,
      ...(added.contactId ? { contactId: added.contactId } : {}),
    });
  if (added.reason === 'closed')
    throw new HttpProblem(
      409,
      'campaign-closed',
      `Campaign "${campaignId}" is ${added.status} and takes no new contacts.`,
      { campaignId, status: added.status },
    );
  throw invalidField('body.campaignId', 'unknown-campaign', `no campaign "${campaignId}"`);
}

async function scheduleCallback(deps: LeadDeps, key: ApiKey, lead: Lead, phone: string): Promise<LeadResult> {
  const queue = lead.queue ?? 'general';
  const queues: readonly string[] = routing.queues.map((q) => q.name);
  if (!queues.includes(queue))
    throw invalidField('body.queue', 'unknown-queue', `must be one of ${queues.join(', ')}`);
  // The key asks with no more say than an agent has over where the center may call.
  await guardCallbackRequest(deps, { id: keyActor(key.keyId), roles: ['agent'] }, { phone });
  const nowMs = deps.clock.now();
  const at = lead.callbackAt ? Math.max(Date.parse(lead.callbackAt), nowMs) : nowMs;
  const customers = await deps.store.customers.find({ by: 'phone', value: phone });
  const [customer] = customers.length === 1 ? customers : [];
  const task = unwrap(
    await deps.store.tasks.create({
      kind: 'callback',
      dueAt: new Date(at).toISOString(),
      phone,
      queue,
      autoDial: true,
      maxAttempts: CALLBACK_ATTEMPTS,
      ...(lead.language ? { language: lead.language } : {}),
      ...(customer ? { customerId: customer.id } : {}),
      note: leadNote(key, lead),
    }),
    'task',
    'callback',
  );
  return { kind: 'callback', taskId: task.id };
}

/** What the agent reads on the callback: who sent it, the person's name, the note and the other fields. */
function leadNote(key: ApiKey, lead: Lead): string {
  const lines = [
    `Lead from ${key.name}${lead.externalId ? ` (${lead.externalId})` : ''}`,
    ...(lead.name ? [lead.name] : []),
    ...(lead.note ? [lead.note] : []),
    ...Object.entries(lead.vars ?? {}).map(([k, v]) => `${k}: ${v}`),
  ];
  return lines.join('\n').slice(0, 4000);
}
