// Bulk SMS through the API: a draft from a customer segment, a CSV list or a campaign, with the numbers that
// cannot be texted kept as skipped by reason and the first filled texts shown; bad definitions refused
// field by field with stable codes; start, pause and cancel audited, a repeated one harmless, a cancelled
// send never restarted; the recipients paged; and the worker's send and the carrier's reports moving the
// recipients and the report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkSmsOutcome, recordSmsStatus } from '../../functions/app/bulk-sms-delivery.js';
import {
  type CampaignSettings,
  contactId,
  DEFAULT_DISPOSITIONS,
} from '../../functions/domain/campaigns/campaign.js';
import { createHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  const customers = [
    { name: '王芳', phones: ['+8613900000001'], vipTier: 'gold', region: 'east-china' },
    { name: '李雷', phones: ['+8613900000002'], vipTier: 'gold', region: 'east-china' },
    { name: '韩梅', phones: ['+8613900000003'], vipTier: 'gold', region: 'north-china' },
    { name: '赵强', phones: ['+8613900000004'], vipTier: 'gold', region: 'east-china' },
    { name: 'Zhou Min', phones: ['+8613900000005'], vipTier: 'silver', region: 'east-china' },
  ] as const;
  for (const c of customers) {
    const made = await h.store.customers.create({ ...c, phones: [...c.phones], language: 'zh' });
    if (!made.ok) throw new Error('seed customer');
  }
  await h.store.campaigns.addDoNotCall({
    phone: '+8613900000002',
    source: 'admin',
    addedAt: '2026-01-01T00:00:00Z',
  });
  await h.store.messaging.suppress('+8613900000004', 'STOP');
  await h.as('admin', 'PUT', '/api/admin/sms-templates', {
    templates: [
      {
        id: 'check-up',
        name: { zh: '保养提醒', en: 'Check-up' },
        text: {
          zh: '{name}您好，春季保养请致电 {hotline}。',
          en: 'Dear {name}, call {hotline} for your check-up.',
        },
      },
      {
        id: 'claim',
        name: { zh: '理赔', en: 'Claim' },
        text: { zh: '理赔 {claimNumber} 已受理。', en: 'Claim {claimNumber} received.' },
      },
    ],
  });
});
afterAll(() => h.stop());

const segmentSend = (over: Record<string, unknown> = {}) => ({
  name: 'Spring check-up',
  message: { kind: 'template', templateId: 'check-up' },
  audience: { kind: 'segment', tier: 'gold', region: 'east-china' },
  ...over,
});

describe('bulk SMS drafts', () => {
  it('keeps agents out', async () => {
    expect((await h.as('agent', 'GET', '/api/sms/bulk')).status).toBe(403);
    expect((await h.as('agent', 'POST', '/api/sms/bulk', segmentSend())).status).toBe(403);
  });

  it('makes a draft from a segment: the DNC and opted-out numbers skipped, the first texts filled', async () => {
    const res = await h.as('supervisor', 'POST', '/api/sms/bulk', segmentSend());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const { send, preview } = res.body;
    expect(send).toMatchObject({
      status: 'draft',
      recipients: 3,
      ratePerMinute: 60,
      quietHours: { from: '21:00', until: '08:00' },
      audience: { kind: 'segment', tier: 'gold', region: 'east-china' },
      report: {
        pending: 1,
        'skipped-dnc': 1,
        'skipped-opted-out': 1,
        skipped: 2,
        toSend: 1,
        deliveryRate: null,
      },
    });
    const byPhone = Object.fromEntries(preview.map((r: { phone: string }) => [r.phone, r]));
    expect(byPhone['+8613900000001']).toMatchObject({
      status: 'pending',
      body: '王芳您好，春季保养请致电 +18005550100。',
    });
    expect(byPhone['+8613900000002']).toMatchObject({ status: 'skipped-dnc', error: 'do-not-call' });
    expect(byPhone['+8613900000004']).toMatchObject({ status: 'skipped-opted-out', error: 'opted-out' });
    const audit = await h.store.audit.byActor('sup1');
    expect(audit.items.some((a) => a.action === 'bulk-sms.create' && a.target === send.id)).toBe(true);
  });

  it('reads a CSV list: bad, repeated numbers and unfillable texts skipped, columns fill variables', async () => {
    const csv = [
      'phone,name,claim_number',
      '13900000011,Amy,CLM-2026-000001',
      'not a number,Bob,',
      '13900000011,Amy again,x',
      '13900000012,Cleo,',
    ].join('\n');
    const res = await h.as('admin', 'POST', '/api/sms/bulk', {
      name: 'Claims',
      message: { kind: 'template', templateId: 'claim' },
      audience: { kind: 'csv', csv, fileName: 'claims.csv' },
      language: 'en',
      ratePerMinute: 10,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.send).toMatchObject({ audience: { kind: 'csv', fileName: 'claims.csv' }, recipients: 4 });
    expect(res.body.send.audience.csv).toBeUndefined();
    expect(
      res.body.preview.map((r: { status: string; error?: string; body?: string }) => [
        r.status,
        r.error ?? r.body,
      ]),
    ).toEqual([
      ['pending', 'Claim CLM-2026-000001 received.'],
      ['skipped-invalid', 'invalid-phone'],
      ['skipped-invalid', 'duplicate'],
      ['skipped-invalid', 'missing-variable'],
    ]);
  });

  it('takes a campaign’s contacts in their language', async () => {
    const settings: CampaignSettings = {
      name: 'Renewal',
      mode: 'progressive',
      callerId: '+18005550100',
      queue: 'general',
      priority: 0,
      language: 'en',
      dispositions: DEFAULT_DISPOSITIONS,
      window: { start: '09:00', end: '20:00' },
      retry: { maxAttempts: 3, busy: 10, 'no-answer': 60, machine: 120, failed: 30 },
      machine: 'retry',
      abandonCap: 0.03,
      maxHoldSeconds: 5,
    };
    await h.store.campaigns.create('renewal', settings, 'sup1');
    await h.store.campaigns.addContacts(
      'renewal',
      [
        { campaignId: 'renewal', id: contactId(1), phone: '+8613900000021', name: 'Ann', vars: {} },
        {
          campaignId: 'renewal',
          id: contactId(2),
          phone: '+8613900000022',
          name: '陈',
          language: 'zh',
          vars: {},
        },
      ],
      '2026-03-01T00:00:00.000Z',
    );
    const res = await h.as(
      'supervisor',
      'POST',
      '/api/sms/bulk',
      segmentSend({ audience: { kind: 'campaign', campaignId: 'renewal' } }),
    );
    expect(res.status).toBe(201);
    expect(res.body.preview.map((r: { body: string }) => r.body)).toEqual([
      'Dear Ann, call +18005550100 for your check-up.',
      '陈您好，春季保养请致电 +18005550100。',
    ]);
  });

  it('refuses a bad definition field by field with stable codes', async () => {
    const res = await h.as('supervisor', 'POST', '/api/sms/bulk', {
      name: '',
      message: { kind: 'template', templateId: 'gone' },
      audience: { kind: 'campaign', campaignId: 'gone' },
      ratePerMinute: 1000,
      quietHours: { from: '23:00', until: '08:00' },
    });
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { path: string; code: string }) => `${i.path}:${i.code}`)).toEqual([
      'body.name:name-length',
      'body.message.templateId:unknown-template',
      'body.ratePerMinute:rate-range',
      'body.quietHours.from:quiet-hours-short',
    ]);
    const campaign = await h.as(
      'supervisor',
      'POST',
      '/api/sms/bulk',
      segmentSend({ audience: { kind: 'campaign', campaignId: 'gone' } }),
    );
    expect(campaign.body.issues).toEqual([
      expect.objectContaining({ path: 'body.audience.campaignId', code: 'unknown-campaign' }),
    ]);
    const empty = await h.as(
      'supervisor',
      'POST',
      '/api/sms/bulk',
      segmentSend({ audience: { kind: 'segment', tier: 'platinum' } }),
    );
    expect(empty.body.issues).toEqual([
      expect.objectContaining({ path: 'body.audience', code: 'empty-audience' }),
    ]);
    const csv = await h.as(
      'supervisor',
      'POST',
      '/api/sms/bulk',
      segmentSend({ audience: { kind: 'csv', csv: 'name\nAmy\n' } }),
    );
    expect(csv.body.issues).toEqual([
      expect.objectContaining({ path: 'body.audience.csv', code: 'no-phone-column' }),
    ]);
  });
});

describe('a send’s life', () => {
  it('starts, pauses, resumes and cancels, each audited; a repeat is harmless; cancelled stays cancelled', async () => {
    const { id } = (await h.as('supervisor', 'POST', '/api/sms/bulk', segmentSend())).body.send;
    const act = (action: string) => h.as('supervisor', 'POST', `/api/sms/bulk/${id}/${action}`);
    expect((await act('pause')).body).toMatchObject({ error: 'invalid-transition' });
    expect((await act('start')).body).toMatchObject({ status: 'sending', startedAt: expect.any(String) });
    expect((await act('start')).status).toBe(200);
    expect((await act('pause')).body.status).toBe('paused');
    expect((await act('start')).body.status).toBe('sending');
    expect((await act('cancel')).body).toMatchObject({ status: 'cancelled', finishedAt: expect.any(String) });
    const again = await act('start');
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: 'invalid-transition', status: 'cancelled' });
    const actions = (await h.store.audit.byActor('sup1')).items
      .filter((a) => a.target === id)
      .map((a) => a.action);
    expect(actions.sort()).toEqual([
      'bulk-sms.cancel',
      'bulk-sms.create',
      'bulk-sms.pause',
      'bulk-sms.start',
      'bulk-sms.start',
    ]);
    expect((await h.as('supervisor', 'GET', '/api/sms/bulk/none')).status).toBe(404);
    const list = await h.as('admin', 'GET', '/api/sms/bulk');
    expect(list.body.items.map((s: { id: string }) => s.id)).toContain(id);
  });

  it('pages the recipients', async () => {
    const csv = ['phone', ...Array.from({ length: 7 }, (_, i) => `1390000010${i}`)].join('\n');
    const { id } = (
      await h.as(
        'supervisor',
        'POST',
        '/api/sms/bulk',
        segmentSend({
          audience: { kind: 'csv', csv },
          message: { kind: 'text', text: { zh: '通知', en: 'Notice' } },
        }),
      )
    ).body.send;
    const first = await h.as('supervisor', 'GET', `/api/sms/bulk/${id}/recipients?limit=5`);
    expect(first.body.items).toHaveLength(5);
    const next = await h.as(
      'supervisor',
      'GET',
      `/api/sms/bulk/${id}/recipients?cursor=${first.body.cursor}`,
    );
    expect(next.body.items.map((r: { id: string }) => r.id)).toEqual(['000006', '000007']);
    expect((await h.as('supervisor', 'GET', `/api/sms/bulk/${id}/recipients?cursor=forged`)).status).toBe(
      400,
    );
  });

  it('follows the worker’s send and the carrier’s reports into the recipient and the report', async () => {
    const { id } = (await h.as('supervisor', 'POST', '/api/sms/bulk', segmentSend())).body.send;
    const pending = (await h.store.bulkSms.listRecipients(id)).items.find((r) => r.status === 'pending');
    if (!pending) throw new Error('no pending recipient');
    const ref = { sendId: id, recipientId: pending.id };
    await h.store.bulkSms.updateRecipient(id, pending.id, 1, { status: 'queued', dueAt: null });
    await h.store.bulkSms.count(id, { pending: -1, queued: 1 });
    await h.store.messaging.saveMessage({
      sid: 'SMbulk1',
      direction: 'outbound',
      phone: '+8613900000001',
      body: 'x',
      at: '2026-03-01T00:00:00.000Z',
      status: 'queued',
      bulkSendId: id,
      bulkRecipientId: pending.id,
    });
    await recordSmsStatus(h.deps, { sid: 'SMbulk1', status: 'delivered' }); // before the worker's own word
    await bulkSmsOutcome(h.deps, ref, { outcome: 'sent', sid: 'SMbulk1' });
    await recordSmsStatus(h.deps, { sid: 'SMbulk1', status: 'sent' }); // late: changes nothing
    await recordSmsStatus(h.deps, { sid: 'SMbulk1', status: 'delivered' }); // repeated
    expect(await h.store.bulkSms.getRecipient(id, pending.id)).toMatchObject({
      status: 'delivered',
      messageSid: 'SMbulk1',
    });
    const report = (await h.as('supervisor', 'GET', `/api/sms/bulk/${id}`)).body.report;
    expect(report).toMatchObject({ queued: 0, sent: 0, delivered: 1, deliveryRate: 1 });
  });
});
