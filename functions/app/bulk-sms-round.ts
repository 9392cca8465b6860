// The bulk SMS round, run with the periodic jobs on the one clock: for each sending send, the due recipients
// in order, as many as the sender's rate leaves in this minute of the clock. A recipient in their quiet
// hours waits until their own morning; one put on the do-not-call list or opted out since the send was made
// is skipped; the dialling policy has its say; the rest are claimed (so no second round or container takes
// them too) and queued as sms-send jobs keyed per recipient, so a replayed job texts nobody twice.

import { type BulkSms, type RecipientStatus, sendingWindow } from '../domain/bulk-sms.js';
import type { BulkRecipient } from '../domain/bulk-sms-recipients.js';
import { isCallable, nextCallableAt } from '../domain/campaigns/calling-window.js';
import { contactZones } from '../domain/campaigns/time-zones.js';
import type { JobQueue } from '../domain/jobs.js';
import type { MarkerKey } from '../domain/ports.js';
import { changeRecipient } from './bulk-sms-delivery.js';
import type { Center } from './center.js';
import { checkOutbound } from './dial-guard.js';

/** The purpose texts of a bulk send are queued and stored with. */
export const BULK_SMS_PURPOSE = 'bulk-sms';
/** Most recipients read from the due list in one round, whatever the rate. */
const MAX_DUE_READ = 200;
const MINUTE_MS = 60_000;

export interface BulkRoundResult {
  /** Sending sends looked at. */
  readonly sends: number;
  /** Texts queued this round. */
  readonly queued: number;
}

export const bulkDedupeKey = (sendId: string, recipientId: string) => `bulk-sms:${sendId}:${recipientId}`;

export async function runBulkSmsRound(center: Center): Promise<BulkRoundResult> {
  const sending = await center.store.bulkSms.listByStatus('sending');
  if (sending.length === 0) return { sends: 0, queued: 0 };
  const { jobs } = center;
  if (!jobs) {
    center.logger.warn('bulk SMS sends wait: this deployment has no job queue to send through');
    return { sends: sending.length, queued: 0 };
  }
  let queued = 0;
  for (const send of sending) {
    try {
      queued += await runSend(center, jobs, send);
    } catch (err) {
      center.logger.error('bulk SMS round failed', {
        send: send.id,
        error: String(err),
        stack: (err as Error).stack,
      });
    }
  }
  return { sends: sending.length, queued };
}

const FAR_FUTURE = '9999-12-31T00:00:00.000Z';

async function runSend(center: Center, jobs: JobQueue, send: BulkSms): Promise<number> {
  const { store, clock } = center;
  const now = clock.now();
  const nowIso = new Date(now).toISOString();
  const window = Math.floor(now / MINUTE_MS);
  const rateKey: MarkerKey = { kind: 'bulk-sms-rate', sender: send.sender, window };
  const used = Number((await store.keys.get(rateKey))?.value ?? 0);
  let budget = send.ratePerMinute - used;
  const due = await store.bulkSms.dueRecipients(
    send.id,
    nowIso,
    Math.min(MAX_DUE_READ, Math.max(budget, 0) + 20),
  );
  if (due.length === 0) {
    if ((await store.bulkSms.dueRecipients(send.id, FAR_FUTURE, 1)).length === 0) await finish(center, send);
    return 0;
  }
  const listed = await store.campaigns.doNotCallAmong(due.map((r) => r.phone));
  const hours = sendingWindow(send.quietHours);
  let queued = 0;
  for (const r of due) {
    const ref = { sendId: send.id, recipientId: r.id };
    const zones = contactZones({ phone: r.phone, ...(r.timeZone ? { timezone: r.timeZone } : {}) });
    if (!isCallable(zones, hours, now)) {
      const next = nextCallableAt(zones, hours, now);
      if (next === undefined) await skip(center, send, r, 'skipped-invalid', 'no-sending-hours');
      else
        await changeRecipient(store, ref, (c) =>
          c.version === r.version
            ? { status: 'waiting-quiet-hours', dueAt: new Date(next).toISOString() }
            : undefined,
        );
      continue;
    }
    if (budget <= 0) break;
    if (listed.has(r.phone)) {
      await skip(center, send, r, 'skipped-dnc', 'do-not-call');
      continue;
    }
    if (await store.messaging.isSuppressed(r.phone)) {
      await skip(center, send, r, 'skipped-opted-out', 'opted-out');
      continue;
    }
    const allowed = await checkOutbound(center, { actor: 'system', purpose: 'sms', number: r.phone });
    if (!allowed.ok) {
      await skip(center, send, r, 'skipped-invalid', `refused:${allowed.reason}`);
      continue;
    }
    // Counted before the claim: parallel rounds cannot both pass between a read and a write.
    const expiresAt = new Date((window + 2) * MINUTE_MS).toISOString();
    if ((await store.keys.increment(rateKey, 1, expiresAt)) > send.ratePerMinute) break;
    budget--;
    if (!(await claim(center, send, r))) continue;
    await jobs.send({
      kind: 'sms-send',
      to: r.phone,
      body: r.body ?? '',
      purpose: BULK_SMS_PURPOSE,
      dedupeKey: bulkDedupeKey(send.id, r.id),
      language: r.language,
      bulk: ref,
      ...(r.customerId ? { customerId: r.customerId } : {}),
    });
    queued++;
  }
  // The round took the last of them: the send is done now, not a minute from now at the next round (its
  // page would show every text delivered and still offer Pause).
  if (budget > 0 && (await store.bulkSms.dueRecipients(send.id, FAR_FUTURE, 1)).length === 0)
    await finish(center, send);
  return queued;
}

/** Takes the recipient off the due list as queued, only from the version the round read. */
async function claim(center: Center, send: BulkSms, r: BulkRecipient): Promise<boolean> {
  const written = await center.store.bulkSms.updateRecipient(send.id, r.id, r.version, {
    status: 'queued',
    dueAt: null,
  });
  if (!written.ok) return false;
  await center.store.bulkSms.count(send.id, { [r.status]: -1, queued: 1 });
  return true;
}

async function skip(
  center: Center,
  send: BulkSms,
  r: BulkRecipient,
  status: RecipientStatus,
  error: string,
): Promise<void> {
  const written = await center.store.bulkSms.updateRecipient(send.id, r.id, r.version, {
    status,
    error,
    dueAt: null,
  });
  if (written.ok) await center.store.bulkSms.count(send.id, { [r.status]: -1, [status]: 1 });
}

/** Nobody left to send to: the send is done (delivery reports still reach its counts). */
async function finish(center: Center, send: BulkSms): Promise<void> {
  const written = await center.store.bulkSms.setStatus(send.id, send.version, 'done', {
    finishedAt: new Date(center.clock.now()).toISOString(),
  });
  if (!written.ok) return;
  await center.store.audit.append({
    actor: 'system',
    action: 'bulk-sms.done',
    target: send.id,
    detail: { name: send.name },
  });
}
