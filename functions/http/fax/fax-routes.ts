// POST /fax/inbound: a fax provider's webhook (Twilio no longer carries fax: Programmable Fax ended on 2021-12-17). The HMAC
// signature is checked on the raw body first (403, nothing changes); an unreadable body is a 400 that says
// what is wrong. The PDF goes to S3 (verified), attaches to the customer owning the sender number or to a
// new intake ticket, and a task goes to the fax/back-office skill. A re-delivered fax stores nothing twice.
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import {
  FAX_MAX_BODY_BYTES,
  FAX_SIGNATURE_HEADER,
  FAX_TIMESTAMP_HEADER,
  parseInboundFax,
  verifyFaxSignature,
} from '../../domain/fax.js';
import { normalisePhone } from '../../domain/phone.js';
import type { ChannelDeps } from '../channel-deps.js';
import type { AppDeps } from '../deps.js';

export function faxKey(receivedAt: string, faxId: string): string {
  return `faxes/${receivedAt.slice(0, 10).replaceAll('-', '/')}/${faxId}.pdf`;
}

export function createFaxApp(deps: AppDeps & ChannelDeps): Hono {
  const { store, clock } = deps;
  const app = new Hono();
  app.post('/inbound', async (c) => {
    if (!deps.faxSecret)
      return c.json(
        { error: 'not-found', message: 'Fax intake is not configured (FAX_WEBHOOK_SECRET).' },
        404,
      );
    const length = Number(c.req.header('content-length') ?? '0');
    if (length > FAX_MAX_BODY_BYTES)
      return c.json({ error: 'too-large', message: `The body exceeds ${FAX_MAX_BODY_BYTES} bytes.` }, 413);
    const raw = await c.req.text();
    if (raw.length > FAX_MAX_BODY_BYTES)
      return c.json({ error: 'too-large', message: `The body exceeds ${FAX_MAX_BODY_BYTES} bytes.` }, 413);
    const signed = verifyFaxSignature(
      deps.faxSecret,
      c.req.header(FAX_SIGNATURE_HEADER),
      c.req.header(FAX_TIMESTAMP_HEADER),
      raw,
      Date.now(), // the provider signs with real time, whatever clock the app runs on
    );
    if (!signed)
      return c.json(
        { error: 'forbidden', message: `Bad or missing ${FAX_SIGNATURE_HEADER} / ${FAX_TIMESTAMP_HEADER}.` },
        403,
      );
    const parsed = parseInboundFax(raw);
    if (!parsed.ok) return c.json({ error: 'bad-request', message: parsed.message }, 400);
    const { fax } = parsed;

    const known = await store.faxes.get(fax.faxId);
    if (known) return c.json({ faxId: known.id, duplicate: true, ...view(known) }, 200);

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
    if (!created) return c.json({ faxId: saved.id, duplicate: true, ...view(saved) }, 200);

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
    return c.json(
      { faxId: saved.id, duplicate: false, ...view({ ...saved, ...(taskSid ? { taskSid } : {}) }) },
      201,
    );
  });
  return app;
}

function view(f: { customerId?: string; ticketNumber?: string; taskSid?: string; s3Key: string }) {
  return {
    ...(f.customerId ? { customerId: f.customerId } : {}),
    ...(f.ticketNumber ? { ticketNumber: f.ticketNumber } : {}),
    ...(f.taskSid ? { taskSid: f.taskSid } : {}),
    documentKey: f.s3Key,
  };
}
