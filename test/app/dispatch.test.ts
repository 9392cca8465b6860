// A rescue worked to its end on the drivable clock: the dispatch picks the nearest open tow truck to
// where the member said they are, texts the provider and the member, records the ETA; the arrival and the
// repair's follow-up (progress, cost) land on the ticket; the finished repair resolves it and asks the
// member by callback, whose "fixed" closes it. No provider open for the service is a clear 422.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dispatch,
  PROVIDERS_SETTING,
  recordArrival,
  recordRepair,
  replaceProviders,
} from '../../functions/app/dispatch.js';
import { fileTicket } from '../../functions/app/tickets.js';
import { confirmFix, type WorkOrderDeps } from '../../functions/app/work-orders.js';
import type { Job, SmsSendJob } from '../../functions/domain/jobs.js';
import type { Ticket, User } from '../../functions/domain/model.js';
import { ValidationError } from '../../functions/domain/problems.js';
import { DEMO_PROVIDERS } from '../../infra/local/demo/providers.js';
import { createCapturingLogger } from '../support/capturing-logger.js';
import { createTestStore, type TestStore } from '../support/dynamo.js';

// 10:00 in Shanghai.
const START = Date.parse('2026-03-02T02:00:00Z');

describe('a rescue dispatched and followed to closure', () => {
  let t: TestStore;
  let dispatcher: User;
  const jobs: Job[] = [];
  const deps = (): WorkOrderDeps => ({
    store: t.store,
    clock: t.clock,
    logger: createCapturingLogger(),
    config: { defaultPhoneRegion: 'CN', timeZone: 'Asia/Shanghai' } as WorkOrderDeps['config'],
    jobs: { send: async (job) => void jobs.push(job) },
  });
  const texts = () => jobs.filter((j): j is SmsSendJob => j.kind === 'sms-send' && j.purpose === 'dispatch');

  beforeAll(async () => {
    t = await createTestStore({ startMs: START });
    const made = await t.store.users.create({
      id: 'disp1',
      name: 'Dispatcher',
      roles: ['agent'],
      skills: ['rescue'],
      languages: ['zh'],
      regions: [],
      disabled: false,
      passwordHash: 'unused',
    });
    if (!made.ok) throw new Error('seeding the dispatcher');
    dispatcher = made.value;
    await replaceProviders(deps(), { ...dispatcher, roles: ['admin'] }, DEMO_PROVIDERS);
    await t.store.customers.create({
      id: 'member-1',
      name: '赵六',
      phones: ['+8613800003333'],
      language: 'zh',
      vipTier: 'gold',
      region: 'east-china',
    });
  });
  afterAll(() => t?.stop());

  // The subject names the place: the same member's open rescue with the same subject is the same incident.
  const rescue = async (location: string) =>
    (
      await fileTicket(deps(), dispatcher, {
        type: 'rescue',
        priority: 'urgent',
        subject: `道路救援 ${location}`,
        customerId: 'member-1',
        assigneeId: 'disp1',
        fields: { location },
      })
    ).ticket;

  it('picks the nearest open tow truck, texts both, and closes after the repair follow-up', async () => {
    const filed = await rescue('我在浦东世纪大道，车子发动不了');
    const sent = await dispatch(deps(), dispatcher, filed.number, filed.version, { service: 'tow' });
    expect(sent.provider.id).toBe('tow-pudong');
    expect(sent.distanceKm).toBeLessThan(3);
    expect(sent.etaMinutes).toBeGreaterThanOrEqual(15);
    let ticket: Ticket = sent.ticket;
    expect(ticket.status).toBe('open');
    expect(ticket.fields).toMatchObject({
      provider: 'tow-pudong',
      providerPhone: '+8621555501001',
      etaMinutes: String(sent.etaMinutes),
      dispatchedAt: new Date(START).toISOString(),
    });
    expect(texts().map((j) => j.to)).toEqual(['+8621555501001', '+8613800003333']);
    expect(texts()[0]?.body).toContain(filed.number);
    expect(texts()[1]?.body).toContain(`预计${sent.etaMinutes}分钟到达`);

    await t.clock.advance(20 * 60_000);
    ticket = await recordArrival(deps(), dispatcher, filed.number, ticket.version);
    expect(ticket.fields.arrivedAt).toBe(new Date(START + 20 * 60_000).toISOString());

    await t.clock.advance(2 * 3_600_000);
    ticket = await recordRepair(deps(), dispatcher, filed.number, ticket.version, {
      progress: '已拖至维修站，更换起动机',
      cost: 850,
      done: false,
    });
    expect(ticket).toMatchObject({
      status: 'open',
      fields: { repairProgress: '已拖至维修站，更换起动机', repairCost: '850.00' },
    });

    await t.clock.advance(24 * 3_600_000);
    ticket = await recordRepair(deps(), dispatcher, filed.number, ticket.version, {
      progress: '维修完成',
      done: true,
    });
    expect(ticket.status).toBe('resolved');
    const callbacks = (await t.store.tasks.byAssignee('disp1', { limit: 50 })).items.filter(
      (task) => task.kind === 'callback' && task.ticketNumber === filed.number,
    );
    expect(callbacks).toHaveLength(1);
    expect(callbacks[0]).toMatchObject({ phone: '+8613800003333', queue: 'rescue' });

    ticket = await confirmFix(deps(), dispatcher, filed.number, ticket.version, { fixed: true });
    expect(ticket.status).toBe('closed');
  });

  it('passes over a provider closed now, and says when nobody can go', async () => {
    // 23:30 in Shanghai: the day-only tyre shop in Xuhui is closed, a 24-hour tow truck goes.
    await t.clock.advanceTo(Date.parse('2026-03-04T15:30:00Z'));
    const filed = await rescue('徐汇这边爆胎了');
    const sent = await dispatch(deps(), dispatcher, filed.number, filed.version, { service: 'tyre' });
    expect(sent.provider.id).not.toBe('tyre-xuhui-day');
    expect(sent.provider.hours).toEqual(['00:00', '24:00']);

    const other = await rescue('张江');
    await expect(
      dispatch(deps(), dispatcher, other.number, other.version, { service: 'it-onsite' }),
    ).rejects.toMatchObject({ status: 422, code: 'no-provider' });
    await expect(recordArrival(deps(), dispatcher, other.number, other.version)).rejects.toMatchObject({
      status: 422,
      code: 'not-dispatched',
    });
    expect((await t.store.tickets.get(other.number))?.version).toBe(other.version);
  });

  it('refuses a bad directory entry by entry and keeps the one it had', async () => {
    const bad = { ...(DEMO_PROVIDERS[0] as (typeof DEMO_PROVIDERS)[number]), id: 'bad', phone: '555-0100' };
    const replaced = replaceProviders(deps(), { ...dispatcher, roles: ['admin'] }, [...DEMO_PROVIDERS, bad]);
    await expect(replaced).rejects.toBeInstanceOf(ValidationError);
    await expect(replaced).rejects.toMatchObject({
      issues: [{ path: 'body.providers', message: 'provider "bad": phone "555-0100" is not E.164 (+8621…)' }],
    });
    const kept = await t.store.settings.get<{ providers: unknown[] }>(PROVIDERS_SETTING);
    expect(kept?.providers).toHaveLength(DEMO_PROVIDERS.length);
  });
});
