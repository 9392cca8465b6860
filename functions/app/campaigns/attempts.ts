// What becomes of one attempt on a contact, whichever webhook learns it first: answering-machine detection
// (a person, a machine, a fax), the call's end (busy, no answer, failed), the caller left waiting with no
// agent (abandoned), a key pressed (9: no more calls), or the agent's disposition at wrap-up. Each fact is
// applied once per call (a replayed webhook finds it recorded in the contact's attempts) and moves the
// campaign's counts by atomic adds, so the dialler's figures stay right under concurrent webhooks.
import type {
  AttemptOutcome,
  Campaign,
  CampaignContact,
  CampaignCounts,
} from '../../domain/campaigns/campaign.js';
import type { ContactChange } from '../../domain/campaigns/ports.js';
import { nextAttempt } from '../../domain/campaigns/retry.js';
import type { CenterBasics } from '../center.js';
import { recordFact } from '../history/call-history.js';

type Deltas = Partial<Record<keyof CampaignCounts, number>>;

const OUTCOME_COUNT: Readonly<Record<AttemptOutcome, keyof CampaignCounts | undefined>> = {
  'answered-human': 'humans',
  busy: 'busy',
  'no-answer': 'noAnswer',
  machine: 'machines',
  failed: 'failed',
  abandoned: 'abandoned',
  fax: 'failed',
};

/** The contact, read and changed from the version read; again on a conflict. */
async function changeContact(
  deps: CenterBasics,
  campaignId: string,
  contactId: string,
  change: (contact: CampaignContact) => ContactChange | undefined,
): Promise<{ before: CampaignContact; after: CampaignContact } | undefined> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const before = await deps.store.campaigns.getContact(campaignId, contactId);
    if (!before) return undefined;
    const patch = change(before);
    if (!patch) return undefined;
    const written = await deps.store.campaigns.updateContact(campaignId, contactId, before.version, patch);
    if (written.ok) return { before, after: written.value };
    if (written.reason !== 'conflict') return undefined;
  }
  throw new Error(`contact ${campaignId}/${contactId} kept changing`);
}

const outcomesOf = (contact: CampaignContact, callSid: string) =>
  contact.history.filter((a) => a.callSid === callSid).map((a) => a.outcome);

/** The attempt's first answer was a person (detection, or a preview call's customer picking up). */
export async function personAnswered(
  deps: CenterBasics,
  campaignId: string,
  contactId: string,
  callSid: string,
): Promise<boolean> {
  const at = new Date(deps.clock.now()).toISOString();
  const changed = await changeContact(deps, campaignId, contactId, (c) =>
    c.callSid === callSid && outcomesOf(c, callSid).length === 0
      ? { lastOutcome: 'answered-human', addAttempt: { at, outcome: 'answered-human', callSid } }
      : undefined,
  );
  if (!changed) return false;
  await deps.store.campaigns.count(campaignId, { humans: 1, inFlight: -1 });
  return true;
}

/**
 * The attempt ended without a conversation to record (busy, no answer, failed, a machine, a fax, or a
 * person who waited for an agent in vain): the contact is due again after the policy's delay (the
 * dialler moves it into its calling window), or done when the policy says so.
 */
export async function attemptEnded(
  deps: CenterBasics,
  campaign: Campaign,
  contactId: string,
  callSid: string,
  outcome: Exclude<AttemptOutcome, 'answered-human'>,
  options: { readonly finished?: boolean } = {},
): Promise<CampaignContact | undefined> {
  const now = deps.clock.now();
  const at = new Date(now).toISOString();
  let deltas: Deltas = {};
  const changed = await changeContact(deps, campaign.id, contactId, (c) => {
    if (c.callSid !== callSid || c.status !== 'calling') return undefined;
    const seen = outcomesOf(c, callSid);
    if (seen.includes(outcome)) return undefined;
    const next = options.finished
      ? ({ kind: 'done' } as const)
      : nextAttempt({ attempts: c.attempts }, outcome, campaign.retry, now);
    const count = OUTCOME_COUNT[outcome];
    deltas = {
      ...(count ? { [count]: 1 } : {}),
      // A person already counted leaves the ringing figure at their answer, not now.
      ...(seen.length === 0 ? { inFlight: -1 } : {}),
      ...(next.kind === 'done' ? { pending: -1, done: 1 } : {}),
    };
    return {
      status: next.kind === 'done' ? 'failed' : 'pending',
      nextAt: next.kind === 'retry' ? new Date(next.atMs).toISOString() : null,
      lastOutcome: outcome,
      callSid: null,
      addAttempt: { at, outcome, callSid },
    };
  });
  if (!changed) return undefined;
  await deps.store.campaigns.count(campaign.id, deltas);
  await recordFact(deps, {
    id: `campaign:${campaign.id}:${callSid}:${outcome}`,
    type: 'outbound.attempted',
    callSid,
    queue: campaign.queue,
    a: { outcome: 'no-contact', campaign: campaign.id, result: outcome },
  });
  return changed.after;
}

/**
 * The person talked with an agent and the call is over: the contact is done unless the agent's disposition
 * (now or later in wrap-up) asks for another call.
 */
export async function conversationEnded(
  deps: CenterBasics,
  campaign: Campaign,
  contactId: string,
  callSid: string,
  agentId?: string,
): Promise<void> {
  const changed = await changeContact(deps, campaign.id, contactId, (c) =>
    c.callSid === callSid && c.status === 'calling'
      ? { status: 'done', nextAt: null, ...(agentId ? { agentId } : {}) }
      : undefined,
  );
  if (!changed) return;
  await deps.store.campaigns.count(campaign.id, { pending: -1, done: 1 });
  await recordContact(deps, campaign, callSid, agentId);
}

/** The attempt that reached a person, once per call; again with the conversion when a disposition says so. */
function recordContact(
  deps: CenterBasics,
  campaign: Campaign,
  callSid: string,
  agentId: string | undefined,
  converted = false,
): Promise<void> {
  return recordFact(deps, {
    id: `campaign:${campaign.id}:${callSid}:contact`,
    type: 'outbound.attempted',
    callSid,
    queue: campaign.queue,
    ...(agentId ? { agent: agentId } : {}),
    a: { outcome: 'contact', campaign: campaign.id, ...(converted ? { converted: 'yes' } : {}) },
  });
}

/**
 * The agent's disposition: counted once per call; a final one (or a conversion) closes the contact, any other
 * puts it back in line after the no-answer delay while attempts remain. "do-not-call" lists the number.
 */
export async function dispositionRecorded(
  deps: CenterBasics,
  campaign: Campaign,
  contactId: string,
  callSid: string,
  code: string,
): Promise<void> {
  const disposition = campaign.dispositions.find((d) => d.code === code);
  if (!disposition) return;
  const now = deps.clock.now();
  let deltas: Deltas = {};
  const changed = await changeContact(deps, campaign.id, contactId, (c) => {
    if (c.disposition === code && c.history.at(-1)?.callSid === callSid) return undefined;
    const wasOpen = c.status === 'pending' || c.status === 'calling';
    const again = !disposition.final && !disposition.success && c.attempts < campaign.retry.maxAttempts;
    const status = again ? 'pending' : 'done';
    deltas = {
      ...(disposition.success ? { conversions: 1 } : {}),
      ...(wasOpen && status === 'done' ? { pending: -1, done: 1 } : {}),
      ...(!wasOpen && status === 'pending' ? { pending: 1, done: -1 } : {}),
    };
    return {
      status,
      disposition: code,
      callSid: null,
      nextAt: again ? new Date(now + campaign.retry.minutes['no-answer'] * 60_000).toISOString() : null,
    };
  });
  if (!changed) return;
  await deps.store.campaigns.count(campaign.id, deltas, code);
  if (disposition.success) await recordContact(deps, campaign, callSid, changed.after.agentId, true);
  if (code === 'do-not-call') await optOut(deps, campaign, contactId, changed.after.phone, 'agent');
}

/** The contact asked for no more calls (key 9, an agent's note, a STOP text): listed and closed. */
export async function optOut(
  deps: CenterBasics,
  campaign: Campaign,
  contactId: string,
  phone: string,
  source: 'keypad' | 'agent' | 'sms',
): Promise<void> {
  await deps.store.campaigns.addDoNotCall({
    phone,
    source,
    campaignId: campaign.id,
    addedAt: new Date(deps.clock.now()).toISOString(),
  });
  const changed = await changeContact(deps, campaign.id, contactId, (c) =>
    c.status === 'opted-out' ? undefined : { status: 'opted-out', nextAt: null, callSid: null },
  );
  if (!changed) return;
  const wasOpen = changed.before.status === 'pending' || changed.before.status === 'calling';
  await deps.store.campaigns.count(campaign.id, {
    optedOut: 1,
    ...(wasOpen ? { pending: -1, done: 1 } : {}),
  });
  await deps.store.audit.append({
    actor: 'system',
    action: 'campaign.opted-out',
    target: `${campaign.id}/${contactId}`,
    detail: { source },
  });
}
