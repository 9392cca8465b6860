// A customer's history in one list, newest first: calls (with the outcome and notes the agent saved),
// recordings, voicemails, texts, tickets and the notes on them, callbacks and follow-ups, faxes. Each
// source is read by the customer's own index, the most recent `limit` of each, so one busy channel
// cannot hide the others; the merged list is cut to `limit` again. Audio is marked playable only where
// the reader may play it (the playback routes decide again when asked).

import type { HotlineNumber } from '../../flows/numbers.js';
import type { AppConfig } from '../config.js';
import { type CallRecord, isLead, type User } from '../domain/model.js';
import type { TimelineEntry } from '../domain/timeline.js';
import { mailboxOf, mayOpen } from '../domain/voicemail-box.js';
import type { WrapUpSetting } from '../domain/wrap-up-settings.js';
import type { CenterBasics } from './center.js';
import { type CustomerDeps, existingCustomer } from './customers.js';
import { dispositionLabel, readWrapUpSetting } from './desk/dispositions.js';
import { hotlinesOf } from './hotlines.js';

export const TIMELINE_LIMIT = 100;

const opt = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined || value === '' ? {} : { [key]: value }) as Partial<Record<K, V>>;

function callEntry(lines: readonly HotlineNumber[], call: CallRecord, setting: WrapUpSetting): TimelineEntry {
  const end = call.endedAt ? Date.parse(call.endedAt) : undefined;
  const start = Date.parse(call.answeredAt ?? call.startedAt);
  const label = call.disposition ? dispositionLabel(lines, call, call.disposition, setting) : undefined;
  return {
    kind: 'call',
    at: call.startedAt,
    callSid: call.callSid,
    direction: call.direction,
    from: call.from,
    to: call.to,
    status: call.status,
    ...opt('agentId', call.agentId),
    ...opt('queue', call.queue),
    ...(end !== undefined && end >= start ? { durationSeconds: Math.round((end - start) / 1000) } : {}),
    ...opt('disposition', call.disposition),
    ...opt('dispositionLabel', label),
    ...opt('notes', call.notes),
    ticketNumbers: call.ticketNumbers,
  };
}

export async function customerTimeline(
  deps: CustomerDeps & Pick<CenterBasics, 'store'> & { readonly config: Pick<AppConfig, 'hotlines'> },
  user: User,
  customerId: string,
  limit = TIMELINE_LIMIT,
): Promise<{ readonly items: readonly TimelineEntry[] }> {
  const { store } = deps;
  const lines = hotlinesOf(deps.config);
  const customer = await existingCustomer(deps, customerId);
  const page = { limit };
  const [calls, recordings, voicemails, texts, tickets, tasks, faxes] = await Promise.all([
    store.calls.byCustomer(customerId, page),
    store.recordings.search({ customerId }, page),
    store.voicemails.byCustomer(customerId),
    store.messaging.byCustomer(customerId, page),
    store.tickets.byCustomer(customerId, page),
    store.tasks.byCustomer(customerId),
    store.faxes.byCustomer(customerId),
  ]);
  const lead = isLead(user.roles);
  const owner = customer.ownerAgentId === user.id;
  const voicemailSids = new Set(voicemails.map((v) => v.recordingSid));
  // The wrap-up codes' labels, hidden codes included, asked for only when a call has one.
  const setting = calls.items.some((c) => c.disposition) ? await readWrapUpSetting(store) : { hotlines: {} };
  const items: TimelineEntry[] = [
    ...calls.items.map((call) => callEntry(lines, call, setting)),
    // A voicemail's audio is its own entry below; here only call recordings.
    ...recordings.items
      .filter((r) => r.kind === 'call' && !voicemailSids.has(r.sid))
      .map(
        (r): TimelineEntry => ({
          kind: 'recording',
          at: r.startedAt,
          sid: r.sid,
          ...opt('callSid', r.callSid),
          ...opt('agentId', r.agentId),
          durationSeconds: r.durationSeconds,
          channels: r.channels,
          playable: lead || r.agentId === user.id,
        }),
      ),
    ...voicemails.map(
      (v): TimelineEntry => ({
        kind: 'voicemail',
        at: v.createdAt,
        recordingSid: v.recordingSid,
        callSid: v.callSid,
        mailbox: mailboxOf(v),
        durationSeconds: v.durationSeconds,
        status: v.status,
        reason: v.reason,
        playable: mayOpen(user, mailboxOf(v)) || owner,
      }),
    ),
    ...texts.items.map(
      (m): TimelineEntry => ({
        kind: 'sms',
        at: m.at,
        sid: m.sid,
        direction: m.direction,
        body: m.body,
        status: m.status,
        ...opt('agentId', m.agentId),
      }),
    ),
    ...tickets.items.flatMap((t): TimelineEntry[] => [
      {
        kind: 'ticket',
        at: t.createdAt,
        number: t.number,
        ticketType: t.type,
        status: t.status,
        subject: t.subject,
      },
      ...t.history
        .filter((e) => e.kind === 'note' && e.text)
        .map(
          (e): TimelineEntry => ({
            kind: 'note',
            at: e.at,
            ticketNumber: t.number,
            by: e.by,
            text: e.text ?? '',
          }),
        ),
    ]),
    ...tasks.map(
      (t): TimelineEntry => ({
        kind: 'task',
        at: t.createdAt,
        id: t.id,
        taskKind: t.kind,
        status: t.status,
        dueAt: t.dueAt,
        ...opt('assigneeId', t.assigneeId),
        ...opt('ticketNumber', t.ticketNumber),
        ...opt('note', t.note),
      }),
    ),
    ...faxes.map(
      (f): TimelineEntry => ({
        kind: 'fax',
        at: f.receivedAt,
        id: f.id,
        ...opt('pages', f.pages),
        ...opt('ticketNumber', f.ticketNumber),
      }),
    ),
  ];
  items.sort((a, b) => b.at.localeCompare(a.at));
  return { items: items.slice(0, limit) };
}
