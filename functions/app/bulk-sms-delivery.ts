// What becomes of a bulk send's text after the round queued it: the SMS worker's send (accepted by Twilio
// with its SID, or refused for an opt-out found at the last moment) and the carrier's status callbacks
// (sent, delivered, failed, undelivered). Each moves the recipient forward only (a late or repeated report
// changes nothing) and the send's counts with it, by atomic adds.

import type { RecipientChange } from '../domain/bulk-sms-port.js';
import { advances, type BulkRecipient, isDeliveryOutcome } from '../domain/bulk-sms-recipients.js';
import type { SmsMessage } from '../domain/channel-ports.js';
import type { BulkSmsRef } from '../domain/jobs.js';
import type { Clock, Store } from '../domain/ports.js';

type Deps = { readonly store: Store; readonly clock: Clock };

/**
 * Changes the recipient from the version read (again on a conflict) and moves the counts from its old
 * status to its new one; false when there was nothing to change.
 */
export async function changeRecipient(
  store: Store,
  ref: BulkSmsRef,
  change: (r: BulkRecipient) => RecipientChange | undefined,
): Promise<boolean> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const before = await store.bulkSms.getRecipient(ref.sendId, ref.recipientId);
    if (!before) return false;
    const patch = change(before);
    if (!patch) return false;
    const written = await store.bulkSms.updateRecipient(ref.sendId, ref.recipientId, before.version, patch);
    if (written.ok) {
      const after = written.value.status;
      if (after !== before.status) await store.bulkSms.count(ref.sendId, { [before.status]: -1, [after]: 1 });
      return true;
    }
    if (written.reason !== 'conflict') return false;
  }
  throw new Error(`bulk SMS recipient ${ref.sendId}/${ref.recipientId} kept changing`);
}

/** The structural outcome of functions/app/send-sms.ts's sendSms. */
type SendOutcome =
  | { readonly outcome: 'sent'; readonly sid: string }
  | { readonly outcome: 'suppressed' | 'refused' | 'duplicate' };

/** The SMS worker sent (or would not send) a bulk text. */
export async function bulkSmsOutcome(deps: Deps, ref: BulkSmsRef, result: SendOutcome): Promise<void> {
  switch (result.outcome) {
    case 'sent':
      await changeRecipient(deps.store, ref, (r) =>
        advances(r.status, 'sent')
          ? { status: 'sent', messageSid: result.sid }
          : r.messageSid
            ? undefined
            : { messageSid: result.sid },
      );
      return;
    case 'suppressed':
    case 'refused':
      // A STOP that arrived after the round's own check, or one only Twilio knew of (21610).
      await changeRecipient(deps.store, ref, (r) =>
        advances(r.status, 'skipped-opted-out')
          ? { status: 'skipped-opted-out', error: 'opted-out' }
          : undefined,
      );
      return;
    case 'duplicate':
      // A replayed job: the first run recorded what happened.
      return;
  }
}

export interface SmsStatusReport {
  readonly sid: string;
  readonly status: string;
  readonly errorCode?: string;
}

/**
 * A message status callback: recorded on the message; for a bulk send's text, on its recipient and in the
 * send's counts too. A callback about a message we do not know changes nothing.
 */
export async function recordSmsStatus(deps: Deps, report: SmsStatusReport): Promise<SmsMessage | undefined> {
  const at = new Date(deps.clock.now()).toISOString();
  const message = await deps.store.messaging.recordStatus(report.sid, report.status, at, report.errorCode);
  const { status } = report;
  if (!message?.bulkSendId || !message.bulkRecipientId) return message;
  if (status !== 'sent' && !isDeliveryOutcome(status)) return message;
  await changeRecipient(
    deps.store,
    { sendId: message.bulkSendId, recipientId: message.bulkRecipientId },
    (r) =>
      advances(r.status, status)
        ? {
            status,
            ...(r.messageSid ? {} : { messageSid: report.sid }),
            ...(report.errorCode && status !== 'sent' && status !== 'delivered'
              ? { error: report.errorCode }
              : {}),
          }
        : undefined,
  );
  return message;
}
