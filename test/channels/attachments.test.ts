// Files on a ticket through the API, stored in S3 (s3rver): a PNG and a PDF are kept with their type judged
// from the bytes and listed on the ticket with a history entry; the download URL returns the same bytes;
// an executable renamed .pdf, an empty file, a file over the limit and a form without the file are refused
// with a clear reason, and nothing is stored for them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../functions/domain/attachments.js';
import type { Ticket } from '../../functions/domain/model.js';
import { type ChannelStack, startChannelStack } from './stack.js';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const EXE = Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]);

describe('ticket attachments', () => {
  let s: ChannelStack;
  let ticket = '';
  beforeAll(async () => {
    s = await startChannelStack();
    const t = await s.store.tickets.create(
      { type: 'claim', status: 'open', priority: 'normal', subject: 'Windscreen crack' },
      'seed',
    );
    if (!t.ok) throw new Error('ticket');
    ticket = t.value.number;
  }, 30_000);
  afterAll(() => s?.stop());

  const upload = async (name: string, bytes: Uint8Array | undefined, field = 'file') => {
    const form = new FormData();
    if (bytes) form.append(field, new Blob([new Uint8Array(bytes)]), name);
    else form.append('note', 'no file');
    const res = await fetch(`${s.appBase()}/api/tickets/${ticket}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await s.token('1001')}` },
      body: form,
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('keeps a photo and a PDF, typed from their bytes, listed with a history entry', async () => {
    expect((await upload('crack photo.png', PNG)).status).toBe(201);
    const res = await upload('C:\\Users\\li\\invoice.pdf', PDF);
    expect(res.status).toBe(201);
    const t = res.body as unknown as Ticket;
    expect(t.attachments?.map((a) => [a.name, a.contentType, a.sizeBytes, a.by])).toEqual([
      ['crack photo.png', 'image/png', PNG.length, '1001'],
      ['invoice.pdf', 'application/pdf', PDF.length, '1001'],
    ]);
    expect(t.history.filter((e) => e.text?.startsWith('attachment:')).map((e) => e.text)).toEqual([
      'attachment:crack photo.png',
      'attachment:invoice.pdf',
    ]);
    const pdf = t.attachments?.[1];
    const link = await s.api('GET', `/tickets/${ticket}/attachments/${pdf?.id}`, 'sup1');
    expect(link.status).toBe(200);
    expect(link.body.name).toBe('invoice.pdf');
    const file = await fetch(link.body.url as string);
    expect(file.status).toBe(200);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PDF);
  });

  it('refuses a renamed executable, an empty file, one over the limit, and a form without the file', async () => {
    const before = (await s.store.tickets.get(ticket))?.attachments?.length ?? 0;
    const exe = await upload('invoice.pdf', EXE);
    expect(exe.status).toBe(400);
    expect(exe.body).toMatchObject({
      issues: [
        {
          path: 'body.file',
          code: 'invalid-format',
          message: expect.stringContaining('not a PDF, JPEG, PNG'),
        },
      ],
    });
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(PNG);
    const tooBig = await upload('huge.png', big);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body).toMatchObject({ error: 'too-large', limitBytes: MAX_ATTACHMENT_BYTES });
    expect((await upload('empty.png', new Uint8Array())).status).toBe(400);
    const missing = await upload('x', undefined);
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ issues: [{ path: 'body.file' }] });
    expect((await s.store.tickets.get(ticket))?.attachments?.length ?? 0).toBe(before);
    const unknown = await s.api(
      'GET',
      `/tickets/${ticket}/attachments/00000000-0000-4000-8000-000000000000`,
      'sup1',
    );
    expect(unknown.status).toBe(404);
  });
});
