// SMS templates through the API: none until an admin saves some; everyone reads them, only admins write;
// an unknown variable, a stray brace and a text too long for three segments refused with each named (path,
// code, and the allowed variables) and nothing written; every save audited with before and after and kept
// as a version; a restore checked again, so a version that no longer passes cannot come back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SmsTemplate } from '../../functions/domain/sms-templates.js';
import { createHarness, type Harness } from './harness.js';

const PUT = '/api/admin/sms-templates';
const GET = '/api/sms/templates';

const claim: SmsTemplate = {
  id: 'claim-received',
  name: { zh: '理赔受理', en: 'Claim received' },
  text: {
    zh: '{name}您好，您的理赔 {claimNumber} 已受理，客服 {agentName}，热线 {hotline}。',
    en: 'Dear {name}, claim {claimNumber} is being handled by {agentName}. Call {hotline}.',
  },
};
const reminder: SmsTemplate = {
  id: 'service-reminder',
  name: { zh: '保养提醒', en: 'Service reminder' },
  text: { zh: '{name}您好，您的爱车该保养了。', en: 'Dear {name}, your car is due for its service.' },
};

describe('SMS templates API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.stop());

  it('has none until an admin saves some, and only admins write', async () => {
    const read = await h.as('agent', 'GET', GET);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ templates: [] });
    expect((await h.as('agent', 'PUT', PUT, { templates: [claim] })).status).toBe(403);
    expect((await h.as('supervisor', 'PUT', PUT, { templates: [claim] })).status).toBe(403);
  });

  it('refuses unknown variables, stray braces, overlong texts and twice-used ids, naming each', async () => {
    const res = await h.as('admin', 'PUT', PUT, {
      templates: [
        { ...claim, text: { zh: '{name}您好，{plate} 已到店。', en: 'Dear {customer}, {name} {plate}' } },
        { ...reminder, text: { zh: '您好 {name', en: 'x'.repeat(460) } },
        { ...reminder, text: { zh: `{name}${'好'.repeat(190)}`, en: 'ok' } },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([
      {
        path: 'body.templates.0.text.zh',
        code: 'unknown-variable',
        message: '{plate} is not a variable; allowed: {name}, {claimNumber}, {agentName}, {hotline}',
      },
      expect.objectContaining({
        path: 'body.templates.0.text.en',
        message: expect.stringMatching(/^\{customer\}/),
      }),
      expect.objectContaining({
        path: 'body.templates.0.text.en',
        message: expect.stringMatching(/^\{plate\}/),
      }),
      expect.objectContaining({ path: 'body.templates.1.text.zh', code: 'stray-brace' }),
      expect.objectContaining({ path: 'body.templates.1.text.en', code: 'too-many-segments' }),
      expect.objectContaining({ path: 'body.templates.2.id', code: 'duplicate' }),
      // 190 Chinese characters and a name of up to 20: 210 UCS-2 units, over three segments of 67.
      expect.objectContaining({ path: 'body.templates.2.text.zh', code: 'too-many-segments' }),
    ]);
    const shape = await h.as('admin', 'PUT', PUT, { templates: [{ ...claim, id: 'Bad Id', extra: 1 }] });
    expect(shape.status).toBe(400);
    expect((await h.as('agent', 'GET', GET)).body).toEqual({ templates: [] });
  });

  it('takes a text of exactly three segments with its variables at their longest', async () => {
    // 459 GSM characters fill three segments of 153; {name} counts as 20 of them.
    const text = `{name}${'a'.repeat(459 - 20)}`;
    const ok = await h.as('admin', 'PUT', PUT, {
      templates: [{ ...reminder, text: { zh: '您好', en: text } }],
    });
    expect(ok.status).toBe(200);
    const over = await h.as('admin', 'PUT', PUT, {
      templates: [{ ...reminder, text: { zh: '您好', en: `${text}a` } }],
    });
    expect(over.status).toBe(400);
  });

  it('saves templates audited and versioned, which agents read; an earlier version comes back on restore', async () => {
    const before = (await h.as('admin', 'GET', '/api/admin/settings/sms-templates/history')).body.items
      .length;
    const first = await h.as('admin', 'PUT', PUT, {
      templates: [{ ...claim, name: { zh: ' 理赔受理 ', en: 'Claim received' } }],
    });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ templates: [claim] });
    expect((await h.as('agent', 'GET', GET)).body).toEqual({ templates: [claim] });
    expect((await h.as('admin', 'PUT', PUT, { templates: [claim, reminder] })).status).toBe(200);
    const audit = (await h.store.audit.byActor('admin')).items.filter(
      (e) => e.action === 'sms-templates.replace',
    );
    // Entries written within one millisecond may list in either order.
    expect(audit).toContainEqual(
      expect.objectContaining({
        target: 'sms-templates',
        detail: { before: { templates: [claim] }, after: { templates: [claim, reminder] } },
      }),
    );

    const history = await h.as('admin', 'GET', '/api/admin/settings/sms-templates/history');
    expect(history.body.items).toHaveLength(before + 2);
    const saved = before + 1;
    const restored = await h.as('admin', 'POST', '/api/admin/settings/sms-templates/restore', {
      version: saved,
    });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ version: saved + 2, restoredFrom: saved });
    expect((await h.as('supervisor', 'GET', GET)).body).toEqual({ templates: [claim] });
    expect(
      (await h.store.audit.byActor('admin')).items.find((e) => e.action === 'sms-templates.replace.restore'),
    ).toMatchObject({ target: 'sms-templates', detail: { restoredFrom: saved } });
  });

  it('refuses to restore a version that no longer passes, and writes nothing', async () => {
    await h.store.settings.change<{ versions: unknown[] }>('history:sms-templates', (doc) => ({
      versions: [
        ...(doc?.versions ?? []),
        {
          version: 999,
          value: { templates: [{ ...claim, text: { zh: '{vin}', en: 'ok' } }] },
          by: 'admin',
          at: '2026-01-01T00:00:00.000Z',
        },
      ],
    }));
    const res = await h.as('admin', 'POST', '/api/admin/settings/sms-templates/restore', { version: 999 });
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([
      expect.objectContaining({ path: 'body.templates.0.text.zh', code: 'unknown-variable' }),
    ]);
    expect((await h.as('agent', 'GET', GET)).body).toEqual({ templates: [claim] });
    const missing = await h.as('admin', 'POST', '/api/admin/settings/sms-templates/restore', {
      version: 5000,
    });
    expect(missing.status).toBe(404);
  });
});
