// Bulk SMS sends for supervisors and admins: made as a draft (the definition checked, the audience read into
// recipients, the ones that cannot be texted skipped with the reason), so the counts and the first filled
// texts are seen before anything goes out; then started, paused and cancelled, each change audited. The
// sending itself is the round's (bulk-sms-round.ts), the carrier's reports the delivery's (bulk-sms-delivery.ts).
import {
  type BulkSms,
  type BulkSmsDraft,
  bulkReport,
  DEFAULT_QUIET_HOURS,
  DEFAULT_RATE_PER_MINUTE,
  RECIPIENT_STATUSES,
  type RecipientStatus,
  TARGET,
  TRANSITIONS,
} from '../domain/bulk-sms.js';
import { type BulkIssue, checkDraft } from '../domain/bulk-sms-checks.js';
import type { BulkRecipient } from '../domain/bulk-sms-recipients.js';
import type { User } from '../domain/model.js';
import type { Page, PageRequest } from '../domain/paging.js';
import { HttpProblem, NotFoundError, ValidationError } from '../domain/problems.js';
import { readAudience, toRecipients } from './bulk-sms-audience.js';
import type { CenterBasics } from './center.js';
import { callbackCallerId, hotlinesOf, lineOf } from './hotlines.js';
import { readSmsTemplates } from './sms-templates.js';

export type BulkAction = keyof typeof TRANSITIONS;
export const BULK_SMS_AUDIT = {
  create: 'bulk-sms.create',
  start: 'bulk-sms.start',
  pause: 'bulk-sms.pause',
  cancel: 'bulk-sms.cancel',
} as const;
/** Recipients shown with a new draft: the first filled texts. */
export const PREVIEW_SIZE = 5;

export type BulkSmsDeps = Pick<CenterBasics, 'store' | 'clock' | 'logger' | 'config'>;

/** A send with its report figures. */
export type BulkSmsView = BulkSms & { readonly report: ReturnType<typeof bulkReport> };
export const viewOf = (send: BulkSms): BulkSmsView => ({ ...send, report: bulkReport(send.counts) });

/** The sender the rate is counted on: the SMS number, else the center's first line. */
export function bulkSender(config: BulkSmsDeps['config']): string {
  return config.channels?.smsFrom ?? callbackCallerId(config);
}

const newId = (nowMs: number) => `${nowMs.toString(36)}${globalThis.crypto.randomUUID().slice(0, 8)}`;

export async function createBulkSms(
  deps: BulkSmsDeps,
  user: User,
  draft: BulkSmsDraft,
): Promise<{ readonly send: BulkSmsView; readonly preview: readonly BulkRecipient[] }> {
  const { store, clock, config } = deps;
  const checked = checkDraft(draft, (await readSmsTemplates(store)).templates);
  if (!checked.ok) throw invalid(checked.issues);
  const audience = await readAudience(deps, draft.audience);
  if (!audience.ok) throw invalid(audience.issues);
  if (audience.candidates.length === 0)
    throw invalid([
      {
        path: 'body.audience',
        code: 'empty-audience',
        message: { en: 'holds no one to text', zh: '没有可发送的对象' },
      },
    ]);
  const now = clock.now();
  const language = draft.language ?? 'zh';
  const recipients = await toRecipients(store, audience.candidates, {
    texts: checked.texts,
    language,
    agentName: user.name,
    hotline: lineOf(hotlinesOf(config), undefined).number,
    dueAt: new Date(now).toISOString(),
  });
  const counts = Object.fromEntries(RECIPIENT_STATUSES.map((s) => [s, 0])) as Record<RecipientStatus, number>;
  for (const r of recipients) counts[r.status] += 1;
  const id = newId(now);
  // Recipients first: a send never shows without the people its counts are about.
  await store.bulkSms.addRecipients(id, recipients);
  const send = await store.bulkSms.create(
    id,
    {
      name: draft.name.trim(),
      message: draft.message,
      texts: checked.texts,
      // The uploaded file itself is not kept: its rows are the recipients.
      audience:
        draft.audience.kind === 'csv' ? { kind: 'csv', ...fileNameOf(draft.audience) } : draft.audience,
      language,
      ratePerMinute: draft.ratePerMinute ?? DEFAULT_RATE_PER_MINUTE,
      quietHours: draft.quietHours ?? DEFAULT_QUIET_HOURS,
      sender: bulkSender(config),
    },
    counts,
    recipients.length,
    user.id,
  );
  await store.audit.append({
    actor: user.id,
    action: BULK_SMS_AUDIT.create,
    target: id,
    detail: { name: send.name, recipients: recipients.length, counts },
  });
  const preview = (await store.bulkSms.listRecipients(id, { limit: PREVIEW_SIZE })).items;
  return { send: viewOf(send), preview };
}

const fileNameOf = (a: { readonly fileName?: string }) => (a.fileName ? { fileName: a.fileName } : {});

function invalid(issues: readonly BulkIssue[]): ValidationError {
  return new ValidationError(issues.map((i) => ({ path: i.path, code: i.code, message: i.message.en })));
}

export async function listBulkSms(deps: Pick<BulkSmsDeps, 'store'>): Promise<BulkSmsView[]> {
  return (await deps.store.bulkSms.list()).map(viewOf);
}

export async function getBulkSms(deps: Pick<BulkSmsDeps, 'store'>, id: string): Promise<BulkSmsView> {
  const send = await deps.store.bulkSms.get(id);
  if (!send) throw new NotFoundError('bulk SMS send', id);
  return viewOf(send);
}

export async function bulkRecipients(
  deps: Pick<BulkSmsDeps, 'store'>,
  id: string,
  page: PageRequest,
): Promise<Page<BulkRecipient>> {
  await getBulkSms(deps, id);
  return deps.store.bulkSms.listRecipients(id, page);
}

/**
 * Starts, pauses or cancels a send. Asking for the status it already has changes nothing (a repeated
 * click, a retried request); a status the action cannot come from is 409 invalid-transition.
 */
export async function changeBulkSms(
  deps: BulkSmsDeps,
  user: User,
  id: string,
  action: BulkAction,
): Promise<BulkSmsView> {
  const target = TARGET[action];
  for (let attempt = 0; attempt < 5; attempt++) {
    const send = await deps.store.bulkSms.get(id);
    if (!send) throw new NotFoundError('bulk SMS send', id);
    if (send.status === target) return viewOf(send);
    if (!TRANSITIONS[action].includes(send.status))
      throw new HttpProblem(409, 'invalid-transition', `A ${send.status} send cannot be ${target}.`, {
        status: send.status,
        action,
      });
    const at = new Date(deps.clock.now()).toISOString();
    const written = await deps.store.bulkSms.setStatus(id, send.version, target, {
      ...(action === 'start' && !send.startedAt ? { startedAt: at } : {}),
      ...(action === 'cancel' ? { finishedAt: at } : {}),
    });
    if (written.ok) {
      await deps.store.audit.append({
        actor: user.id,
        action: BULK_SMS_AUDIT[action],
        target: id,
        detail: { before: send.status, after: target, name: send.name },
      });
      return viewOf(written.value);
    }
    if (written.reason === 'not-found') throw new NotFoundError('bulk SMS send', id);
  }
  throw new HttpProblem(409, 'conflict', `bulk SMS send ${id} kept changing: try again`, {});
}

/** The campaigns a send can take its audience from. */
export async function bulkSmsCampaigns(deps: Pick<BulkSmsDeps, 'store'>) {
  return (await deps.store.campaigns.list()).map((c) => ({
    id: c.id,
    name: c.name,
    status: c.status,
    contacts: c.counts.contacts,
  }));
}
