// The queues and wrap-up settings through the API: the built-in values until an admin saves; bad values
// refused with each field named (path, code and what is allowed) and nothing written; the older
// `service-levels` document carried over on the first save; every save audited and versioned, and an
// earlier version restored (checked again as if typed today).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flows } from '../../flows/index.js';
import { routing } from '../../flows/routing.js';
import { createHarness, type Harness } from './harness.js';

describe('queues setting API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.stop());

  it('shows the built-in rules, supervisors may read and only admins change', async () => {
    const res = await h.as('supervisor', 'GET', '/api/admin/queues');
    expect(res.status).toBe(200);
    expect(res.body.source).toBe('built-in');
    expect(Object.keys(res.body.queues)).toEqual(routing.queues.map((q) => q.name));
    expect(res.body.queues.rescue).toEqual({ serviceLevelSeconds: 20, maxWaiting: routing.maxQueueLength });
    const put = await h.as('supervisor', 'PUT', '/api/admin/queues', { queues: {} });
    expect(put.status).toBe(403);
  });

  it('refuses unknown queues and values out of range, naming each, and writes nothing', async () => {
    const res = await h.as('admin', 'PUT', '/api/admin/queues', {
      queues: {
        mars: { serviceLevelSeconds: 20, maxWaiting: 5 },
        rescue: { serviceLevelSeconds: 0, maxWaiting: 2.5 },
        general: { serviceLevelSeconds: 3601, maxWaiting: 1001 },
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([
      expect.objectContaining({ path: 'body.queues.mars', code: 'unknown-queue' }),
      {
        path: 'body.queues.rescue.serviceLevelSeconds',
        code: 'service-level-range',
        message: 'must be a whole number of seconds from 1 to 3600',
      },
      {
        path: 'body.queues.rescue.maxWaiting',
        code: 'waiting-limit-range',
        message: 'must be a whole number of callers from 1 to 1000',
      },
      expect.objectContaining({ path: 'body.queues.general.serviceLevelSeconds' }),
      expect.objectContaining({ path: 'body.queues.general.maxWaiting' }),
    ]);
    const wrongType = await h.as('admin', 'PUT', '/api/admin/queues', {
      queues: { rescue: { maxWaiting: 'x' } },
    });
    expect(wrongType.status).toBe(400);
    expect((await h.as('admin', 'GET', '/api/admin/queues')).body.source).toBe('built-in');
  });

  it('carries the older service-levels thresholds over on the first save, then reads one document', async () => {
    await h.store.settings.put('service-levels', { defaultSeconds: 30, queues: { rescue: 10 } });
    const before = await h.as('admin', 'GET', '/api/admin/queues');
    expect(before.body.queues.rescue.serviceLevelSeconds).toBe(10);
    expect(before.body.queues.claims.serviceLevelSeconds).toBe(30);
    const saved = await h.as('admin', 'PUT', '/api/admin/queues', {
      queues: { general: { serviceLevelSeconds: 25, maxWaiting: 8 } },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.source).toBe('console');
    expect(saved.body.queues.general).toEqual({ serviceLevelSeconds: 25, maxWaiting: 8 });
    expect(saved.body.queues.rescue).toEqual({ serviceLevelSeconds: 10, maxWaiting: routing.maxQueueLength });
    expect(saved.body.queues.claims.serviceLevelSeconds).toBe(30);
    expect(await h.store.settings.get('service-levels')).toBeNull();
  });

  it('audits each save and restores an earlier version', async () => {
    const second = await h.as('admin', 'PUT', '/api/admin/queues', {
      queues: { general: { serviceLevelSeconds: 15, maxWaiting: 3 } },
    });
    expect(second.status).toBe(200);
    const audit = (await h.store.audit.byActor('admin')).items.filter((e) => e.action === 'queues.replace');
    expect(audit.map((e) => e.detail)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          before: expect.objectContaining({
            queues: expect.objectContaining({ general: { serviceLevelSeconds: 25, maxWaiting: 8 } }),
          }),
          after: { queues: { general: { serviceLevelSeconds: 15, maxWaiting: 3 } } },
        }),
      ]),
    );
    const history = await h.as('admin', 'GET', '/api/admin/settings/queues/history');
    expect(history.body.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const restored = await h.as('admin', 'POST', '/api/admin/settings/queues/restore', { version: 1 });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ version: 3, restoredFrom: 1 });
    expect((await h.as('admin', 'GET', '/api/admin/queues')).body.queues.general).toEqual({
      serviceLevelSeconds: 25,
      maxWaiting: 8,
    });
    const restoreAudit = (await h.store.audit.byActor('admin')).items.filter(
      (e) => e.action === 'queues.replace.restore',
    );
    expect(restoreAudit).toHaveLength(1);
  });
});

describe('wrap-up setting API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.stop());

  const rescueCodes = () => [...(flows.rescue?.dispositions ?? [])];

  it("shows each hotline's flow codes and the routing's wrap-up time until an admin saves", async () => {
    const res = await h.as('admin', 'GET', '/api/admin/wrap-up');
    expect(res.status).toBe(200);
    expect(res.body.source).toBe('built-in');
    expect(Object.keys(res.body.hotlines).sort()).toEqual(Object.keys(flows).sort());
    expect(res.body.hotlines.rescue).toEqual({
      seconds: routing.wrapUpSeconds,
      dispositions: rescueCodes(),
      flowCodes: rescueCodes().map((d) => d.code),
    });
    expect(res.body.deskCodes).toEqual(['transferred']);
    expect((await h.as('supervisor', 'GET', '/api/admin/wrap-up')).status).toBe(403);
  });

  it('refuses bad times, codes and labels, a flow code removed or the desk code hidden, naming each', async () => {
    const listed = rescueCodes().filter((d) => d.code !== 'other');
    const res = await h.as('admin', 'PUT', '/api/admin/wrap-up', {
      hotlines: {
        mars: { seconds: 30 },
        rescue: {
          seconds: 4,
          dispositions: [
            ...listed.map((d) => (d.code === 'transferred' ? { ...d, hidden: true } : d)),
            { code: 'Bad Code', label: { zh: '坏', en: 'Bad' } },
            { code: 'tow-later', label: { zh: '', en: 'x'.repeat(41) } },
            { code: 'tow-later', label: { zh: '稍后拖车', en: 'Tow later' } },
          ],
        },
      },
    });
    expect(res.status).toBe(400);
    const n = listed.length;
    const transferred = listed.findIndex((d) => d.code === 'transferred');
    expect(res.body.issues).toEqual([
      expect.objectContaining({ path: 'body.hotlines.mars', code: 'unknown-hotline' }),
      {
        path: 'body.hotlines.rescue.seconds',
        code: 'wrap-up-range',
        message: 'must be a whole number of seconds from 5 to 900',
      },
      expect.objectContaining({
        path: `body.hotlines.rescue.dispositions.${transferred}.hidden`,
        code: 'desk-code',
      }),
      expect.objectContaining({
        path: `body.hotlines.rescue.dispositions.${n}.code`,
        code: 'disposition-code',
      }),
      expect.objectContaining({
        path: `body.hotlines.rescue.dispositions.${n + 1}.label.zh`,
        code: 'label-length',
      }),
      expect.objectContaining({
        path: `body.hotlines.rescue.dispositions.${n + 1}.label.en`,
        code: 'label-length',
      }),
      expect.objectContaining({ path: `body.hotlines.rescue.dispositions.${n + 2}.code`, code: 'duplicate' }),
      {
        path: 'body.hotlines.rescue.dispositions',
        code: 'flow-code-missing',
        message: "must keep the flow's codes (hide them instead): other",
      },
    ]);
    const allHidden = await h.as('admin', 'PUT', '/api/admin/wrap-up', {
      hotlines: {
        rescue: {
          dispositions: rescueCodes().map((d) => (d.code === 'transferred' ? d : { ...d, hidden: true })),
        },
      },
    });
    expect(allHidden.status).toBe(200);
    const noneOffered = await h.as('admin', 'PUT', '/api/admin/wrap-up', {
      hotlines: { 'it-support': { dispositions: [] } },
    });
    expect(noneOffered.status).toBe(400);
    expect(noneOffered.body.issues).toEqual([expect.objectContaining({ code: 'flow-code-missing' })]);
  });

  it('saves added, relabelled and hidden codes, audited and versioned, and restores an earlier version', async () => {
    const dispositions = [
      ...rescueCodes().map((d) =>
        d.code === 'wrong-number'
          ? { ...d, hidden: true }
          : d.code === 'other'
            ? { code: 'other', label: { zh: '其他情况', en: 'Something else' } }
            : d,
      ),
      { code: 'tow-later', label: { zh: ' 稍后拖车 ', en: 'Tow booked for later' } },
    ];
    const saved = await h.as('admin', 'PUT', '/api/admin/wrap-up', {
      hotlines: { rescue: { seconds: 45, dispositions } },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.source).toBe('console');
    expect(saved.body.hotlines.rescue.seconds).toBe(45);
    expect(saved.body.hotlines.rescue.dispositions.at(-1)).toEqual({
      code: 'tow-later',
      label: { zh: '稍后拖车', en: 'Tow booked for later' },
    });
    expect(saved.body.hotlines.warranty.seconds).toBe(routing.wrapUpSeconds);
    const audit = (await h.store.audit.byActor('admin')).items.filter((e) => e.action === 'wrap-up.replace');
    expect(audit.map((e) => e.detail)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          after: { hotlines: { rescue: expect.objectContaining({ seconds: 45 }) } },
        }),
      ]),
    );
    // Version 1 is the save above that hid every code but the desk's.
    const history = await h.as('admin', 'GET', '/api/admin/settings/wrap-up/history');
    expect(history.body.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const restored = await h.as('admin', 'POST', '/api/admin/settings/wrap-up/restore', { version: 1 });
    expect(restored.status).toBe(200);
    const back = await h.as('admin', 'GET', '/api/admin/wrap-up');
    expect(back.body.hotlines.rescue.seconds).toBe(routing.wrapUpSeconds);
    expect(back.body.hotlines.rescue.dispositions.some((d: { code: string }) => d.code === 'tow-later')).toBe(
      false,
    );
  });
});
