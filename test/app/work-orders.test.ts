// Work orders on the drivable clock: a complaint handed to a department goes to its least-loaded member,
// the SLA sweep reminds before it is due and escalates twice once late (lead, then supervisor by text as
// well), resolving it asks the customer by callback, their "not fixed" reopens it with a fresh SLA and
// "fixed" closes it; a ticket waiting for the customer (pending) is never escalated, and its due time moves
// on by the time it waited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTickets } from '../../functions/app/ticket-list.js';
import { changeTicket, fileTicket } from '../../functions/app/tickets.js';
import {
  confirmFix,
  handToDepartment,
  sweepSla,
  type WorkOrderDeps,
} from '../../functions/app/work-orders.js';
import type { Job } from '../../functions/domain/jobs.js';
import type { Role, Ticket, User } from '../../functions/domain/model.js';
import { ValidationError } from '../../functions/domain/problems.js';
import type { WorkOrderConfig } from '../../functions/domain/sla/policy.js';
import { createCapturingLogger } from '../support/capturing-logger.js';
import { createTestStore, type TestStore } from '../support/dynamo.js';

const MINUTE = 60_000;
const CONFIG: WorkOrderConfig = {
  departments: [
    {
      id: 'complaints-desk',
      names: { zh: '投诉处理组', en: 'Complaints desk' },
      members: ['busy1', 'wo1', 'gone1'],
      lead: 'lead1',
    },
  ],
  supervisor: 'sup1',
  policies: [
    {
      id: 'complaint',
      ticketType: 'complaint',
      respondMinutes: 120,
      resolveMinutes: 24 * 60,
      remindBeforeMinutes: [120],
      escalations: [
        { afterMinutes: 0, to: 'lead', by: ['desk'] },
        { afterMinutes: 240, to: 'supervisor', by: ['desk', 'sms'] },
      ],
      confirmBy: 'callback',
    },
  ],
};

describe('work orders with SLA timers', () => {
  let t: TestStore;
  const jobs: Job[] = [];
  const pushed: string[] = [];
  const users: Record<string, User> = {};
  const deps = (): WorkOrderDeps => ({
    store: t.store,
    clock: t.clock,
    logger: createCapturingLogger(),
    config: { defaultPhoneRegion: 'CN', timeZone: 'Asia/Shanghai' } as WorkOrderDeps['config'],
    jobs: { send: async (job) => void jobs.push(job) },
    publish: async (audience) => {
      if ('agentId' in audience) pushed.push(audience.agentId);
      return 1;
    },
    workOrders: CONFIG,
  });
  const seed = async (id: string, roles: readonly Role[], extra: Partial<User> = {}) => {
    const made = await t.store.users.create({
      id,
      name: id,
      roles,
      skills: [],
      languages: ['zh'],
      regions: [],
      disabled: false,
      passwordHash: 'unused',
      ...extra,
    });
    if (!made.ok) throw new Error(`seeding ${id}`);
    users[id] = made.value;
  };
  const tasksOf = async (userId: string) => (await t.store.tasks.byAssignee(userId, { limit: 100 })).items;
  const complaint = async (subject: string) =>
    (
      await fileTicket(deps(), users.wo1 as User, {
        type: 'complaint',
        priority: 'normal',
        subject,
        customerId: 'cust-wo',
      })
    ).ticket;

  beforeAll(async () => {
    t = await createTestStore();
    await seed('wo1', ['agent']);
    await seed('busy1', ['agent']);
    await seed('gone1', ['agent'], { disabled: true });
    await seed('lead1', ['supervisor']);
    await seed('sup1', ['supervisor'], { phone: '+8613900000001' });
    await t.store.customers.create({
      id: 'cust-wo',
      name: 'Work Order Customer',
      phones: ['+8613800002222'],
      language: 'zh',
      vipTier: 'none',
    });
    // busy1 already works one open ticket (filed before SLAs, so no sweep counts it): the new one goes to wo1.
    await t.store.tickets.create(
      { type: 'inquiry', priority: 'normal', subject: 'Earlier', status: 'open', assigneeId: 'busy1' },
      'busy1',
    );
  });
  afterAll(() => t?.stop());

  it('offers, reminds, escalates twice, resolves, asks the customer, reopens and closes', async () => {
    const filed = await complaint('Repair shop overcharged me');
    const startMs = t.clock.now();
    expect(filed.sla).toMatchObject({
      policy: 'complaint',
      respondBy: new Date(startMs + 120 * MINUTE).toISOString(),
      resolveBy: new Date(startMs + 24 * 60 * MINUTE).toISOString(),
      escalated: 0,
    });

    // Handed to the department: the least-loaded member (the disabled one passed over) gets it and an alert.
    let ticket = await handToDepartment(
      deps(),
      users.wo1 as User,
      filed.number,
      filed.version,
      'complaints-desk',
    );
    expect(ticket).toMatchObject({ department: 'complaints-desk', assigneeId: 'wo1', status: 'open' });
    expect(ticket.history.map((e) => e.kind)).toContain('department');
    expect((await tasksOf('wo1')).map((task) => task.ticketNumber)).toContain(filed.number);
    expect(pushed).toContain('wo1');

    // Not yet near due: nothing.
    await t.clock.advance(60 * MINUTE);
    expect(await sweepSla(deps())).toBe(0);

    // Two hours before due: one reminder to the assignee, once.
    await t.clock.advance((24 * 60 - 120 - 60) * MINUTE);
    expect(await sweepSla(deps())).toBe(1);
    expect(await sweepSla(deps())).toBe(0);
    ticket = (await t.store.tickets.get(filed.number)) as Ticket;
    expect(ticket.sla?.reminded).toEqual([120]);
    expect(ticket.history.at(-1)).toMatchObject({ kind: 'sla', by: 'system' });
    // The due time on the center's clock, as the pages show times, not the stored UTC instant.
    const dueAt = new Date(Date.parse(ticket.sla?.resolveBy ?? '') + 8 * 3_600_000).toISOString();
    expect(ticket.history.at(-1)?.text).toContain(`is due at ${dueAt.slice(0, 10)} ${dueAt.slice(11, 16)}`);
    expect((await tasksOf('wo1')).filter((task) => task.note?.includes('SLA reminder'))).toHaveLength(1);

    // Late: the department lead has it, escalated.
    await t.clock.advance(121 * MINUTE);
    expect(await sweepSla(deps())).toBe(1);
    ticket = (await t.store.tickets.get(filed.number)) as Ticket;
    expect(ticket).toMatchObject({ status: 'escalated', assigneeId: 'lead1', sla: { escalated: 1 } });
    expect((await tasksOf('lead1')).some((task) => task.ticketNumber === filed.number)).toBe(true);
    expect(jobs.filter((j) => j.kind === 'sms-send' && j.purpose === 'sla-escalation')).toHaveLength(0);

    // Four hours late: the supervisor, on the desk and by text; then nothing more.
    await t.clock.advance(240 * MINUTE);
    expect(await sweepSla(deps())).toBe(1);
    expect(await sweepSla(deps())).toBe(0);
    ticket = (await t.store.tickets.get(filed.number)) as Ticket;
    expect(ticket).toMatchObject({ status: 'escalated', assigneeId: 'sup1', sla: { escalated: 2 } });
    const texts = jobs.filter((j) => j.kind === 'sms-send' && j.purpose === 'sla-escalation');
    expect(texts).toEqual([expect.objectContaining({ to: '+8613900000001' })]);

    // Resolved: a callback task asks the customer whether it is fixed.
    ticket = await changeTicket(deps(), users.sup1 as User, filed.number, ticket.version, {
      status: 'resolved',
    });
    const callbacks = (await tasksOf('sup1')).filter((task) => task.kind === 'callback');
    expect(callbacks).toEqual([
      expect.objectContaining({ ticketNumber: filed.number, phone: '+8613800002222', queue: 'complaints' }),
    ]);

    // The customer says it is not fixed: reopened, its SLA started again from now.
    const reopenedAt = t.clock.now();
    ticket = await confirmFix(deps(), users.sup1 as User, filed.number, ticket.version, {
      fixed: false,
      note: 'Still charged twice',
    });
    expect(ticket.status).toBe('open');
    expect(ticket.sla).toMatchObject({
      resolveBy: new Date(reopenedAt + 24 * 60 * MINUTE).toISOString(),
      escalated: 0,
      reminded: [],
    });
    expect(ticket.history.at(-1)).toMatchObject({
      kind: 'confirmation',
      to: 'not-fixed',
      text: 'Still charged twice',
    });

    const held = (await Promise.all(['wo1', 'lead1', 'sup1'].map((person) => tasksOf(person))))
      .flat()
      .filter((task) => task.ticketNumber === filed.number);
    expect(held.length).toBeGreaterThan(2);
    // A callback to the queue, on nobody's desk: found on the customer's list.
    const queued = await t.store.tasks.create({
      kind: 'callback',
      dueAt: new Date(t.clock.now()).toISOString(),
      ticketNumber: filed.number,
      customerId: 'cust-wo',
      phone: '+8613800002222',
      queue: 'complaints',
      maxAttempts: 1,
    });
    if (!queued.ok) throw new Error('queued callback');
    // Fixed this time: closed.
    ticket = await changeTicket(deps(), users.sup1 as User, filed.number, ticket.version, {
      status: 'resolved',
    });
    ticket = await confirmFix(deps(), users.sup1 as User, filed.number, ticket.version, { fixed: true });
    expect(ticket.status).toBe('closed');
    // Its follow-ups, reminders and callbacks leave every desk with it.
    for (const person of ['wo1', 'lead1', 'sup1']) {
      const left = (await tasksOf(person)).filter(
        (task) =>
          task.ticketNumber === filed.number && (task.status === 'open' || task.status === 'in-progress'),
      );
      expect(left, person).toEqual([]);
    }
    for (const task of [...held, queued.value])
      expect((await t.store.tasks.get(task.id))?.status, task.id).toBe('done');
    await t.clock.advance(3 * 24 * 60 * MINUTE);
    const before = ticket.version;
    await sweepSla(deps());
    expect((await t.store.tickets.get(filed.number))?.version).toBe(before);
  });

  it('never escalates a ticket waiting for the customer, and moves its due time on by the wait', async () => {
    const filed = await complaint('Waiting for the invoice');
    const dueAt = Date.parse(filed.sla?.resolveBy ?? '');
    let ticket = await changeTicket(deps(), users.wo1 as User, filed.number, filed.version, {
      status: 'pending',
    });
    expect(ticket.sla?.pausedAt).toBeDefined();
    // Well past the due time and every escalation step: nothing while paused.
    await t.clock.advance(30 * 60 * MINUTE);
    expect(await sweepSla(deps())).toBe(0);
    ticket = (await t.store.tickets.get(filed.number)) as Ticket;
    expect(ticket).toMatchObject({ status: 'pending', sla: { escalated: 0 } });
    // The customer answered: the clock runs again, 30 hours later than it would have.
    ticket = await changeTicket(deps(), users.wo1 as User, filed.number, ticket.version, { status: 'open' });
    expect(ticket.sla?.pausedAt).toBeUndefined();
    expect(Date.parse(ticket.sla?.resolveBy ?? '')).toBe(dueAt + 30 * 60 * MINUTE);
    expect(await sweepSla(deps())).toBe(0);
  });

  it('lists a department’s tickets', async () => {
    const handed = await complaint('Parking sensor after service');
    await handToDepartment(deps(), users.wo1 as User, handed.number, handed.version, 'complaints-desk');
    const other = await complaint('Not handed over');
    const page = await listTickets(deps(), users.sup1 as User, {
      statuses: ['new', 'open', 'escalated', 'pending'],
      department: 'complaints-desk',
    });
    const numbers = page.items.map((t) => t.number);
    expect(numbers).toContain(handed.number);
    expect(numbers).not.toContain(other.number);
    expect(page.items.every((t) => t.department === 'complaints-desk')).toBe(true);
  });

  it('refuses an unknown department and confirming a ticket that is not resolved, naming the field', async () => {
    const filed = await complaint('Wrong department');
    const unknown = handToDepartment(deps(), users.wo1 as User, filed.number, filed.version, 'nowhere');
    await expect(unknown).rejects.toBeInstanceOf(ValidationError);
    await expect(unknown).rejects.toMatchObject({ issues: [{ path: 'body.department' }] });
    const early = confirmFix(deps(), users.wo1 as User, filed.number, filed.version, { fixed: true });
    await expect(early).rejects.toMatchObject({ issues: [{ path: 'body.fixed', code: 'not-resolved' }] });
    expect((await t.store.tickets.get(filed.number))?.version).toBe(filed.version);
  });
});
