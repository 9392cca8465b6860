// Which texts a ticket change sends the customer: claim received (a claim is created), rescue dispatched
// with its ETA (a rescue ticket gets an `eta`), ticket resolved. Pure: the caller enqueues the jobs; the
// dedupe key makes a replayed change send nothing twice.
import type { SmsSendJob } from './jobs.js';
import type { Customer, Ticket } from './model.js';
import { render } from './sms-bot.js';

export function ticketNotifications(
  before: Ticket | undefined,
  after: Ticket,
  customer: Customer | undefined,
): SmsSendJob[] {
  const phone = customer?.phones[0];
  if (!customer || !phone) return [];
  const language = customer.language;
  const job = (event: string, body: string): SmsSendJob => ({
    kind: 'sms-send',
    to: phone,
    body,
    purpose: `ticket-${event}`,
    customerId: customer.id,
    dedupeKey: `ticket:${after.number}:${event}`,
    language,
  });
  const out: SmsSendJob[] = [];
  if (!before && after.type === 'claim')
    out.push(job('claim-received', render('claimReceived', language, { number: after.number })));
  const eta = after.fields.eta;
  if (after.type === 'rescue' && eta && eta !== before?.fields.eta)
    out.push({
      ...job(`rescue-dispatched-${eta}`, render('rescueDispatched', language, { number: after.number, eta })),
    });
  if (after.status === 'resolved' && before && before.status !== 'resolved')
    out.push(job('resolved', render('ticketResolved', language, { number: after.number })));
  return out;
}
