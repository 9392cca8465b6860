// Taking in a fax: the PDF goes to the object store (verified), attaches to the customer owning the
// sender's number or to a new intake ticket, and a task goes to the fax/back-office skill. A re-delivered
// fax stores nothing twice.
import { createHash } from 'node:crypto';
import type { FaxRecord, MediaStore, TaskRouting } from '../domain/channel-ports.js';
import type { InboundFax } from '../domain/fax.js';
import { normalisePhone } from '../domain/phone.js';
import type { CenterBasics } from './center.js';

export function faxKey(receivedAt: string, faxId: string): string {
  return `faxes/${receivedAt.slice(0, 10).replaceAll('-', '/')}/${faxId}.pdf`;
}

export interface FaxIntakeDeps extends CenterBasics {
  readonly media: MediaStore;
  readonly routing: TaskRouting;
}

export async function receiveFax(
  deps: FaxIntakeDeps,
  fax: InboundFax,
): Promise<{ readonly fax: FaxRecord; readonly duplicate: boolean }> {
  const { store, clock } = deps;
  const known = await store.faxes.get(fax.faxId);
  if (known) return { fax: known, duplicate: true };

  const receivedAt = fax.receivedAt ?? new Date(clock.now()).toISOString();
  const key = faxKey(receivedAt, fax.faxId);
  const sha256 = createHash('sha256').update(fax.document).digest('hex');
  await deps.media.put(key, fax.document, { contentType: 'application/pdf', sha256 });
  const head = await deps.media.head(key);
  if (head?.size !== fax.document.byteLength || head.sha256 !== sha256)
    throw new Error(`fax ${fax.faxId}: the stored PDF does not match`);

  const phone = normalisePhone(fax.from, deps.config.defaultPhoneRegion);
  const from = phone.ok ? phone.e164 : fax.from;
  const owners = phone.ok ? await store.customers.find({ by: 'phone', value: from }) : [];
  const customer = owners.length === 1 ? owners[0] : undefined;
  let ticketNumber: string | undefined;
  if (!customer) {
    const ticket = await store.tickets.create(
      {
        type: 'inquiry',
        status: 'new',
        priority: 'normal',
        subject: `Fax from ${from}`,
        description: `Inbound fax ${fax.faxId}${fax.pages ? `, ${fax.pages} pages` : ''}; PDF at ${key}.`,
        fields: { channel: 'fax', faxId: fax.faxId, phone: from },
      },
      'fax',
    );
    if (!ticket.ok) throw new Error(`fax ${fax.faxId}: intake ticket ${ticket.reason}`);
    ticketNumber = ticket.value.number;
  }
  const { fax: saved, created } = await store.faxes.save({
    id: fax.faxId,
    from,
    to: fax.to,
    receivedAt,
    s3Key: key,
    sizeBytes: fax.document.byteLength,
    sha256,
    ...(fax.pages ? { pages: fax.pages } : {}),
    ...(customer ? { customerId: customer.id } : {}),
    ...(ticketNumber ? { ticketNumber } : {}),
  });
  if (!created) return { fax: saved, duplicate: true };

  let taskSid: string | undefined;
  try {
    taskSid = await deps.routing.createTask({
      taskChannel: 'default',
      attributes: {
        channel: 'fax',
        type: 'fax',
        skill: 'back-office',
        fax_id: saved.id,
        from,
        document_key: key,
        ...(customer ? { customer_id: customer.id } : {}),
        ...(ticketNumber ? { ticket: ticketNumber } : {}),
      },
    });
    await store.faxes.update(saved.id, { taskSid });
  } catch (err) {
    // The fax is stored and attached; a supervisor finds it on the customer or the intake ticket.
    deps.logger.error('fax task not created', { faxId: saved.id, error: String(err) });
  }
  return { fax: { ...saved, ...(taskSid ? { taskSid } : {}) }, duplicate: false };
}
