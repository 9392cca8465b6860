// Sim API: POST /sim/faxes {from, to, pages?, text?} plays a fax provider (Twilio carries no fax,
// docs/twilio-behaviour.md §7): builds a small PDF, signs the JSON as the provider would and posts it to the app's
// /fax/inbound. Answers with the app's status and body. Local only.
import { Hono } from 'hono';
import {
  FAX_SIGNATURE_HEADER,
  FAX_TIMESTAMP_HEADER,
  faxSignature,
} from '../../../../functions/domain/fax.js';
import type { Clock } from '../../../../functions/domain/ports.js';
import { address, optStr, readJson, SimBadRequest } from './sim-body.js';

/** A minimal one-page PDF carrying `text`. */
export function tinyPdf(text: string): Buffer {
  const safe = text.replace(/[()\\]/g, ' ').slice(0, 200);
  const stream = `BT /F1 18 Tf 72 720 Td (${safe}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) pdf += `${String(off).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

export function createFaxSimApp(options: {
  readonly appUrl: () => string;
  readonly secret: string;
  /** The center's clock: a fax arrives at the simulated hour, as a call does. */
  readonly clock: Pick<Clock, 'now'>;
}): Hono {
  const app = new Hono();
  app.onError((err, c) => {
    if (err instanceof SimBadRequest) return c.json({ error: err.message, field: err.field }, 400);
    throw err;
  });
  app.post('/', async (c) => {
    const body = await readJson(c);
    const pages = body.pages;
    if (pages !== undefined && (typeof pages !== 'number' || pages < 1))
      throw new SimBadRequest('pages', 'pages is a positive number');
    const payload = JSON.stringify({
      faxId: optStr(body, 'faxId') ?? `FX${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`,
      from: address(body, 'from'),
      to: address(body, 'to'),
      receivedAt: new Date(options.clock.now()).toISOString(),
      ...(typeof pages === 'number' ? { pages } : {}),
      document: tinyPdf(optStr(body, 'text') ?? 'Fax').toString('base64'),
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const res = await fetch(`${options.appUrl()}/fax/inbound`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [FAX_SIGNATURE_HEADER]: faxSignature(options.secret, timestamp, payload),
        [FAX_TIMESTAMP_HEADER]: timestamp,
      },
      body: payload,
    });
    return c.json({ status: res.status, response: await res.json() }, 201);
  });
  return app;
}
