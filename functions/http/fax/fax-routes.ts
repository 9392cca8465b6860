// POST /fax/inbound: a fax provider's webhook (Twilio no longer carries fax: Programmable Fax ended on
// 2021-12-17). The HMAC signature is checked on the raw body first (403, nothing changes); an unreadable
// body is a 400 that says what is wrong; the intake itself is the fax-intake use case.
import { Hono } from 'hono';
import { receiveFax } from '../../app/fax-intake.js';
import {
  FAX_MAX_BODY_BYTES,
  FAX_SIGNATURE_HEADER,
  FAX_TIMESTAMP_HEADER,
  parseInboundFax,
  verifyFaxSignature,
} from '../../domain/fax.js';
import type { ChannelDeps } from '../channel-deps.js';
import type { AppDeps } from '../deps.js';

export function createFaxApp(deps: AppDeps & ChannelDeps): Hono {
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
    const { fax: stored, duplicate } = await receiveFax(deps, parsed.fax);
    return c.json({ faxId: stored.id, duplicate, ...view(stored) }, duplicate ? 200 : 201);
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
