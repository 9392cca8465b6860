// Fax in through a provider's webhook: a bad signature is 403 and stores nothing; a valid fax is stored in
// S3, attached to the customer (or to a new intake ticket) and routed to the back-office skill; an
// unreadable body is a 400 that says what is wrong; a re-delivered fax stores nothing twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAX_SIGNATURE_HEADER, FAX_TIMESTAMP_HEADER, faxSignature } from '../../functions/domain/fax.js';
import { tinyPdf } from '../../infra/local/twin/sim/fax-sim.js';
import { type ChannelStack, FAX_SECRET, startChannelStack } from './stack.js';

describe('fax in', () => {
  let s: ChannelStack;
  let customerId = '';
  beforeAll(async () => {
    s = await startChannelStack();
    const c = await s.store.customers.create({
      name: 'Wang Fang',
      phones: ['+862164001234'],
      language: 'zh',
      vipTier: 'none',
    });
    if (!c.ok) throw new Error('customer');
    customerId = c.value.id;
  }, 30_000);
  afterAll(() => s?.stop());

  const post = (body: string, secret = FAX_SECRET, ts = String(Math.floor(Date.now() / 1000))) =>
    fetch(`${s.appBase()}/fax/inbound`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [FAX_SIGNATURE_HEADER]: faxSignature(secret, ts, body),
        [FAX_TIMESTAMP_HEADER]: ts,
      },
      body,
    });
  const fax = (faxId: string, from: string) =>
    JSON.stringify({
      faxId,
      from,
      to: '+18005550199',
      pages: 1,
      document: tinyPdf('claim form').toString('base64'),
    });

  it('refuses a bad or stale signature with 403', async () => {
    expect((await post(fax('F1', '+862164001234'), 'wrong-secret-wrong-secret-wrong-secret')).status).toBe(
      403,
    );
    expect((await post(fax('F1', '+862164001234'), FAX_SECRET, '1000000000')).status).toBe(403);
    const unsigned = await fetch(`${s.appBase()}/fax/inbound`, {
      method: 'POST',
      body: fax('F1', '+862164001234'),
    });
    expect(unsigned.status).toBe(403);
    expect(await s.store.faxes.get('F1')).toBeUndefined();
  });

  it('rejects an unreadable body clearly', async () => {
    const notJson = await post('%PDF-1.4 raw bytes');
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).message).toContain('not JSON');
    const notPdf = await post(
      JSON.stringify({
        faxId: 'F2',
        from: '+862164001234',
        to: '+1',
        document: Buffer.from('hello').toString('base64'),
      }),
    );
    expect(notPdf.status).toBe(400);
    expect((await notPdf.json()).message).toContain('PDF');
  });

  it('stores a fax from a known customer on the customer and routes a back-office task; once only', async () => {
    const res = await post(fax('F3', '+862164001234'));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ faxId: 'F3', customerId, duplicate: false });
    const stored = await s.rawMedia.read(body.documentKey);
    expect(
      Buffer.from(stored ?? [])
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(s.tasks.at(-1)).toMatchObject({
      channel: 'fax',
      skill: 'back-office',
      fax_id: 'F3',
      customer_id: customerId,
    });
    const again = await post(fax('F3', '+862164001234'));
    expect(again.status).toBe(200);
    expect((await again.json()).duplicate).toBe(true);
    expect(await s.store.faxes.byCustomer(customerId)).toHaveLength(1);
  });

  it('an unknown sender gets a new intake ticket; the sim API sends faxes the same way', async () => {
    const res = await s.sim('/faxes', { from: '+861066660000', to: '+18005550199', text: 'Please call me' });
    expect(res.body.status).toBe(201);
    const ticket = await s.store.tickets.get(res.body.response.ticketNumber);
    expect(ticket).toMatchObject({ type: 'inquiry', fields: { channel: 'fax' } });
  });
});
