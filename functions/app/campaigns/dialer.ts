// The dialler's round, on the one clock (every few seconds locally, and from the scheduled jobs in AWS): for
// each running campaign, how many contacts to call now (the dial mode's rule over live figures: free agents
// of its skill, calls still ringing, the answer rate so far), then the due contacts in order, each checked
// against its calling window in its own time, the do-not-call list and SMS opt-outs, claimed (so no second
// round or container dials it too) and dialled. Preview contacts become TaskRouter tasks an agent sees
// before the call; the other modes place the call first, with asynchronous answering-machine detection, and
// hand people who answer to agents through TaskRouter (campaign-calls.ts).

import { routing } from '../../../flows/routing.js';
import { isCallable, nextCallableAt } from '../../domain/campaigns/calling-window.js';
import type { Campaign, CampaignContact } from '../../domain/campaigns/campaign.js';
import { adjustRatio, estimateAnswerRate, pace } from '../../domain/campaigns/pacing.js';
import { contactZones } from '../../domain/campaigns/time-zones.js';
import type { Logger } from '../../domain/logger.js';
import { taskFor } from '../../domain/routing/workflow.js';
import { agentState } from '../../domain/wallboard-rules.js';
import type { Center } from '../center.js';
import { checkOutbound } from '../dial-guard.js';
import { hotlinesOf, lineOf } from '../hotlines.js';
import { attemptEnded, optOut } from './attempts.js';
import { recordCampaignCall } from './call-record.js';
import { campaignQuery } from './campaign-urls.js';

/** How long a contact's phone rings before the attempt counts as no answer. */
export const CONTACT_RING_SECONDS = 25;
/** A voice broadcast needs no agent: it keeps this many lines busy. */
export const BROADCAST_LINES = 10;
/** Talk and wrap-up of a campaign call, until the campaign's own figures say otherwise. */
const MEAN_HANDLE_SECONDS = 180;
/** Predictive mode adjusts its ratio once a minute of the clock. */
const ADJUST_EVERY_MS = 60_000;
/** At most this many contacts dialled by one campaign in one round. */
const MAX_PER_ROUND = 50;

export interface RoundResult {
  readonly dialled: number;
  readonly campaigns: number;
}

export async function runCampaignRound(center: Center): Promise<RoundResult> {
  const running = await center.store.campaigns.listByStatus('running');
  let dialled = 0;
  for (const campaign of running) {
    try {
      dialled += await runCampaign(center, campaign);
    } catch (err) {
      logFailure(center.logger, campaign, err);
    }
  }
  return { dialled, campaigns: running.length };
}

function logFailure(logger: Logger, campaign: Campaign, err: unknown): void {
  logger.error('campaign round failed', {
    campaign: campaign.id,
    error: String(err),
    stack: (err as Error).stack,
  });
}

async function runCampaign(center: Center, campaign: Campaign): Promise<number> {
  const now = center.clock.now();
  if (campaign.endAt && Date.parse(campaign.endAt) <= now) {
    await finish(center, campaign, 'stopped', 'its end time passed');
    return 0;
  }
  if (campaign.startAt && Date.parse(campaign.startAt) > now) return 0;
  if (campaign.counts.pending <= 0 && campaign.counts.inFlight <= 0) {
    await finish(center, campaign, 'completed', 'every contact is done');
    return 0;
  }
  const wanted = await linesWanted(center, campaign, now);
  if (wanted <= 0) return 0;
  const due = await center.store.campaigns.dueContacts(
    campaign.id,
    new Date(now).toISOString(),
    Math.min(MAX_PER_ROUND, wanted) * 2 + 5,
  );
  const listed = await center.store.campaigns.doNotCallAmong(due.map((c) => c.phone));
  let placed = 0;
  for (const contact of due) {
    if (placed >= Math.min(wanted, MAX_PER_ROUND)) break;
    if (listed.has(contact.phone) || (await center.store.messaging.isSuppressed(contact.phone))) {
      await optOut(center, campaign, contact.id, contact.phone, listed.has(contact.phone) ? 'agent' : 'sms');
      continue;
    }
    const zones = contactZones({
      phone: contact.phone,
      ...(contact.timeZone ? { timezone: contact.timeZone } : {}),
    });
    if (!isCallable(zones, campaign.window, now)) {
      await laterInWindow(center, campaign, contact, zones, now);
      continue;
    }
    if (await dial(center, campaign, contact)) placed++;
  }
  return placed;
}

async function finish(center: Center, campaign: Campaign, status: 'completed' | 'stopped', why: string) {
  const written = await center.store.campaigns.update(campaign.id, campaign.version, { status });
  if (!written.ok) return;
  await center.store.audit.append({
    actor: 'system',
    action: `campaign.${status}`,
    target: campaign.id,
    detail: { why },
  });
}

/** The dial mode's number of new calls now. */
async function linesWanted(center: Center, campaign: Campaign, now: number): Promise<number> {
  const ringing = Math.max(0, campaign.counts.inFlight);
  if (campaign.mode === 'broadcast') return BROADCAST_LINES - ringing;
  const free = await freeAgents(center, campaign.queue);
  if (campaign.mode === 'preview') return free;
  const { counts } = campaign;
  const answerRate = estimateAnswerRate(counts.humans, counts.attempts);
  let ratio = campaign.dialRatio;
  const last = campaign.pacing;
  if (campaign.mode === 'predictive' && (!last || now - Date.parse(last.at) >= ADJUST_EVERY_MS)) {
    ratio = adjustRatio(
      ratio,
      {
        abandoned: counts.abandoned,
        humanAnswers: counts.humans,
        abandonedLastMinute: counts.abandoned - (last?.abandoned ?? 0),
        answerRate,
      },
      campaign.abandonCap,
    );
    await center.store.campaigns.update(campaign.id, campaign.version, {
      dialRatio: ratio,
      pacing: { at: new Date(now).toISOString(), abandoned: counts.abandoned, humans: counts.humans },
    });
  }
  return pace(campaign.mode, {
    agentsFree: free,
    // Not tracked per agent: the pacer then counts no agent as about to free up, the cautious side.
    agentsOnCampaignCall: 0,
    callsRinging: ringing,
    answerRate,
    meanRingSeconds: CONTACT_RING_SECONDS / 2,
    meanHandleSeconds: MEAN_HANDLE_SECONDS,
    abandonRate: counts.abandoned / Math.max(1, counts.humans),
    abandonCap: campaign.abandonCap,
    currentRatio: ratio,
  }).dialNow;
}

/**
 * Agents of the skill who could take a call now, less the tasks already waiting for them (inbound callers
 * first: they count against the same agents). TaskRouter's own count of available workers is no use here:
 * an agent on a call keeps an available activity, so it would dial people nobody is free to talk to. As the
 * wallboard does, each worker in an available activity is asked for their reservations, and only those
 * with nothing offered, accepted or wrapping count.
 */
async function freeAgents(center: Center, queue: string): Promise<number> {
  const p = await center.provisioned();
  const queueSid = p.queues[queue];
  if (!queueSid) return 0;
  const [workers, stats] = await Promise.all([
    center.taskrouter.workers(p.workspaceSid, { available: true, queueSid }),
    center.taskrouter.queueStatistics(p.workspaceSid, { startDate: new Date(center.clock.now() - 60_000) }),
  ]);
  const states = await Promise.all(
    workers.map(async (w) => {
      const reservations = await center.taskrouter.reservations(p.workspaceSid, w.sid);
      const facts = { activity: w.activity, available: w.available, reservations };
      return agentState(w.since ? { ...facts, since: w.since } : facts, routing.roles);
    }),
  );
  const free = states.filter((s) => s === 'Available').length;
  // TaskRouter's waiting count holds the tasks ringing an agent too; those agents are already not free.
  const ringing = states.filter((s) => s === 'Ringing').length;
  const waiting = stats.find((s) => s.queueSid === queueSid)?.waiting ?? 0;
  return Math.max(0, free - Math.max(0, waiting - ringing));
}

/** Outside its window: due again when the window next opens in the contact's time (or done if never). */
async function laterInWindow(
  center: Center,
  campaign: Campaign,
  contact: CampaignContact,
  zones: readonly string[],
  now: number,
): Promise<void> {
  const next = nextCallableAt(zones, campaign.window, now);
  await center.store.campaigns.updateContact(campaign.id, contact.id, contact.version, {
    nextAt: new Date(next ?? now + 24 * 3600_000).toISOString(),
  });
}

/** Claims the contact and places the attempt; false when another round took it first or it was refused. */
async function dial(center: Center, campaign: Campaign, contact: CampaignContact): Promise<boolean> {
  const allowed = await checkOutbound(center, {
    actor: 'system',
    purpose: 'campaign',
    number: contact.phone,
    callerId: campaign.callerId,
  });
  const claimed = await center.store.campaigns.updateContact(campaign.id, contact.id, contact.version, {
    status: 'calling',
    nextAt: null,
    attempts: contact.attempts + 1,
    callSid: null,
  });
  if (!claimed.ok) return false;
  await center.store.campaigns.count(campaign.id, { attempts: 1, inFlight: 1 });
  if (!allowed.ok) {
    // The policy refuses the number: a failed attempt the retry policy counts, never a call.
    center.logger.warn('campaign number refused by the dialling policy', {
      campaign: campaign.id,
      contact: contact.id,
      reason: allowed.reason,
    });
    const sid = `refused-${contact.id}-${contact.attempts + 1}`;
    await center.store.campaigns.updateContact(campaign.id, contact.id, claimed.value.version, {
      callSid: sid,
    });
    await attemptEnded(center, campaign, contact.id, sid, 'failed');
    return false;
  }
  try {
    if (campaign.mode === 'preview') await offerPreview(center, campaign, claimed.value);
    else await placeCall(center, campaign, claimed.value);
    return true;
  } catch (err) {
    // Back in line at once: the call was never placed, so it costs the contact no attempt.
    await center.store.campaigns.updateContact(campaign.id, contact.id, claimed.value.version, {
      status: 'pending',
      attempts: contact.attempts,
      nextAt: new Date(center.clock.now() + 60_000).toISOString(),
    });
    await center.store.campaigns.count(campaign.id, { attempts: -1, inFlight: -1 });
    throw err;
  }
}

/** The task of a campaign call, routed like the center's own callers, with the contact on the agent's screen. */
export function campaignTask(
  center: Pick<Center, 'config'>,
  campaign: Campaign,
  contact: CampaignContact,
  extra: Readonly<Record<string, string | number | boolean>>,
) {
  return taskFor(routing, {
    queue: campaign.queue,
    flow: lineOf(hotlinesOf(center.config), campaign.callerId).flow,
    language: contact.language ?? campaign.language,
    caller: contact.phone,
    called: campaign.callerId,
    priority: campaign.priority,
    vars: {
      ...(contact.customerId ? { customerId: contact.customerId } : {}),
      ...(contact.name ? { customerName: contact.name } : {}),
      ...(contact.region ? { region: contact.region } : {}),
    },
    extra: {
      campaign_id: campaign.id,
      campaign_name: campaign.name,
      contact_id: contact.id,
      customer_number: contact.phone,
      ...(campaign.scriptId ? { script_id: campaign.scriptId } : {}),
      ...extra,
    },
  });
}

/** Preview: the agent sees the contact and the script first; accepting rings them, then dials the contact. */
async function offerPreview(center: Center, campaign: Campaign, contact: CampaignContact): Promise<void> {
  const routed = campaignTask(center, campaign, contact, {
    type: 'campaign-preview',
    from: campaign.callerId,
  });
  const p = await center.provisioned();
  await center.taskrouter.createTask(p.workspaceSid, {
    workflowSid: p.workflowSid,
    attributes: routed.attributes,
    priority: routed.priority,
    taskChannel: 'voice',
  });
}

/** Progressive, predictive, broadcast: the call goes out first, detection tells a person from a machine. */
async function placeCall(center: Center, campaign: Campaign, contact: CampaignContact): Promise<void> {
  const base = `${center.config.webhookBaseUrl}/twilio/campaign`;
  const q = campaignQuery(campaign.id, contact.id);
  const leavesMessages = campaign.machine === 'message' && campaign.message !== undefined;
  const call = await center.telephony.createCall({
    from: campaign.callerId,
    to: contact.phone,
    url: `${base}/answered?${q}`,
    statusCallback: `${base}/status?${q}`,
    statusCallbackEvents: ['answered', 'completed'],
    timeoutSeconds: CONTACT_RING_SECONDS,
    machineDetection: {
      // Waiting for the greeting's end costs a person nothing (they are told apart in seconds) and lets a
      // message start after the beep.
      mode: leavesMessages ? 'DetectMessageEnd' : 'Enable',
      asyncCallback: `${base}/amd?${q}`,
    },
  });
  await Promise.all([
    center.store.campaigns.updateContact(campaign.id, contact.id, contact.version, { callSid: call.sid }),
    recordCampaignCall(center, { campaign, contact, callSid: call.sid, status: 'queued' }),
  ]);
}
