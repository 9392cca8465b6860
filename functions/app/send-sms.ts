// Every text we send goes through here: the suppression list is checked first (opt-out words honoured
// before every send), a one-time key stops a replayed job from texting twice, Twilio's 21610 refusal adds
// the number to our list, and the message is kept on the customer's thread with its status callbacks.
import type { NewCenterEvent } from '../domain/history/event.js';
import type { BulkSmsRef, SmsSendJob } from '../domain/jobs.js';
import type { Clock, MarkerKey, Store } from '../domain/ports.js';
import { bulkSmsOutcome } from './bulk-sms-delivery.js';

/** The slice of the Twilio client used to send (client.messages.create). */
export interface TwilioMessages {
  create(params: {
    readonly to: string;
    readonly from: string;
    readonly body: string;
    readonly statusCallback?: string;
  }): Promise<{ readonly sid: string; readonly status: string }>;
}

export interface SmsOutboundDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly messages: TwilioMessages;
  /** Our sending number (the hotline). */
  readonly from: string;
  readonly statusCallbackUrl: string;
  /** Writes the texts sent and the surveys asked into the event history; absent, they are not counted. */
  readonly recordHistory?: (events: readonly NewCenterEvent[]) => Promise<void>;
}

export type SendOutcome =
  | { readonly outcome: 'sent'; readonly sid: string }
  | { readonly outcome: 'suppressed' | 'refused' | 'duplicate' };

export interface OutboundSms {
  readonly to: string;
  readonly body: string;
  readonly purpose: string;
  readonly customerId?: string;
  readonly agentId?: string;
  readonly dedupeKey?: string;
  readonly bulk?: BulkSmsRef;
}

/** Where Twilio posts the status of the messages we send. */
export const SMS_STATUS_PATH = '/twilio/sms/status';

const UNSUBSCRIBED = 21610;
const DEDUPE_MS = 30 * 86_400_000;

export async function sendSms(deps: SmsOutboundDeps, sms: OutboundSms): Promise<SendOutcome> {
  const { store, clock } = deps;
  const at = () => new Date(clock.now()).toISOString();
  if (await store.messaging.isSuppressed(sms.to)) {
    await store.messaging.saveMessage({
      sid: `suppressed-${sms.dedupeKey ?? clock.now()}`,
      direction: 'outbound',
      phone: sms.to,
      body: sms.body,
      at: at(),
      status: 'suppressed',
      purpose: sms.purpose,
      ...(sms.customerId ? { customerId: sms.customerId } : {}),
    });
    return { outcome: 'suppressed' };
  }
  const onceKey: MarkerKey | undefined = sms.dedupeKey
    ? { kind: 'sms-sent', dedupeKey: sms.dedupeKey }
    : undefined;
  if (onceKey && (await store.keys.get(onceKey))) return { outcome: 'duplicate' };
  let sent: { sid: string; status: string };
  try {
    sent = await deps.messages.create({
      to: sms.to,
      from: deps.from,
      body: sms.body,
      statusCallback: deps.statusCallbackUrl,
    });
  } catch (err) {
    if ((err as { code?: number }).code === UNSUBSCRIBED) {
      await store.messaging.suppress(sms.to, 'twilio-21610');
      return { outcome: 'refused' };
    }
    throw err;
  }
  const message = {
    direction: 'outbound' as const,
    phone: sms.to,
    body: sms.body,
    at: at(),
    status: sent.status,
    purpose: sms.purpose,
    ...(sms.customerId ? { customerId: sms.customerId } : {}),
    ...(sms.agentId ? { agentId: sms.agentId } : {}),
    // Kept on the message so its status callbacks find the bulk send's recipient.
    ...(sms.bulk ? { bulkSendId: sms.bulk.sendId, bulkRecipientId: sms.bulk.recipientId } : {}),
  };
  await store.messaging.saveMessage({ sid: sent.sid, ...message });
  // The dedupe marker is written after the send: a crash in between may text twice, never not at all.
  if (onceKey)
    await store.keys.putIfAbsent(onceKey, sent.sid, new Date(clock.now() + DEDUPE_MS).toISOString());
  return { outcome: 'sent', sid: sent.sid };
}

export async function processSmsSend(deps: SmsOutboundDeps, job: SmsSendJob): Promise<SendOutcome> {
  const result = await sendSms(deps, {
    to: job.to,
    body: job.body,
    purpose: job.purpose,
    dedupeKey: job.dedupeKey,
    ...(job.customerId ? { customerId: job.customerId } : {}),
    ...(job.bulk ? { bulk: job.bulk } : {}),
  });
  if (job.bulk) await bulkSmsOutcome(deps, job.bulk, result);
  if (result.outcome === 'sent')
    await deps.recordHistory?.([
      {
        id: `sms:${result.sid}:sent`,
        at: new Date(deps.clock.now()).toISOString(),
        type: 'sms.sent',
        from: job.to,
        ...(job.customerId ? { customerId: job.customerId } : {}),
        a: { purpose: job.purpose },
      },
      ...(job.survey
        ? [
            {
              id: `survey:${job.survey.callSid}:offered`,
              at: new Date(deps.clock.now()).toISOString(),
              type: 'survey.offered' as const,
              callSid: job.survey.callSid,
              from: job.to,
              ...(job.survey.agentId ? { agent: job.survey.agentId } : {}),
              ...(job.customerId ? { customerId: job.customerId } : {}),
            },
          ]
        : []),
    ]);
  if (result.outcome === 'sent' && job.survey) {
    const now = new Date(deps.clock.now()).toISOString();
    await deps.store.messaging.putSurvey({
      callSid: job.survey.callSid,
      phone: job.to,
      askedAt: now,
      channel: 'sms',
      language: job.language ?? 'zh',
      ...(job.survey.questionnaire ? { questionnaire: job.survey.questionnaire } : {}),
      ...(job.survey.hotline ? { hotline: job.survey.hotline } : {}),
      ...(job.survey.agentId ? { agentId: job.survey.agentId } : {}),
      ...(job.customerId ? { customerId: job.customerId } : {}),
    });
    await deps.store.messaging.putSession({
      phone: job.to,
      language: job.language ?? 'zh',
      state: 'survey',
      surveyCallSid: job.survey.callSid,
      surveyQuestion: 0,
      updatedAt: now,
      ...(job.customerId ? { customerId: job.customerId } : {}),
    });
  }
  return result;
}
