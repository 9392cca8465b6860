// Calls the agent places end in a wrap-up about the customer, as they do for calls that come in. In
// Chromium, the sim API as the customer: the agent dials a known customer in a national-looking format,
// the pop shows who it is, the customer hangs up, and the wrap-up names the customer's leg, shows the
// customer and their open ticket, and saves onto a call record the customer's history lists. A due
// auto-dial callback about a ticket rings the agent, the customer answers, the agent hangs up (the only
// control such a direct call offers), and the wrap-up
// shows the customer and that ticket; the notes land on the callback's call (recorded under the agent's
// leg, the customer's history listing it once) and the callback is done.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../../../functions/domain/model.js';
import type { LocalStack } from '../../../infra/local/start-local-stack.js';
import { jsonClient } from '../../support/sim.js';
import { browserAvailable, shot } from './browser.js';
import { type Floor, openFloor } from './floor.js';

const WITHIN = { timeout: 15_000 };
const JOHN_SMITH = '+14155550123'; // cus-0004, owned by 1002, with an escalated complaint open
const JOHN_TYPED = '+1 (415) 555-0123';
const COMPLAINT = 'Repair shop refused to authorise the claim';

interface SimCall {
  readonly callSid: string;
  readonly to: string;
  readonly status: string;
}

interface Desk {
  readonly sim: ReturnType<typeof jsonClient>;
  readonly state: (name: string) => Promise<void>;
  readonly setState: (name: string) => Promise<void>;
  readonly customerLeg: () => Promise<string>;
  readonly complaintNumber: () => Promise<string>;
  readonly stack: () => LocalStack;
  readonly agent: () => Page;
}

/** A fresh stack and agent 1002's desk per story, so one story's call never leaks into the next. */
function story(title: string, run: (desk: Desk) => void) {
  describe.runIf(browserAvailable())(title, () => {
    let floor: Floor;
    let stack: LocalStack;
    let agent: Page;

    const sim = jsonClient(() => stack.url);
    const state = (name: string) => agent.getByTestId('agent-state').getByText(name).waitFor(WITHIN);
    const setState = async (name: string) => {
      await agent.getByRole('button', { name, exact: true }).click();
      await state(name);
    };
    /** The customer's leg, answered: the twin's unregistered numbers pick up by themselves. */
    const customerLeg = async (): Promise<string> => {
      for (let i = 0; i < 40; i++) {
        const { calls } = await sim<{ calls: SimCall[] }>('/sim/calls');
        const leg = calls.find((c) => c.to === JOHN_SMITH && c.status === 'in-progress');
        if (leg) return leg.callSid;
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error('the customer was never called');
    };
    const complaintNumber = async (): Promise<string> => {
      const { items } = await stack.store.tickets.byCustomer('cus-0004');
      const ticket = items.find((t) => t.subject === COMPLAINT);
      if (!ticket) throw new Error('the demo complaint is missing');
      return ticket.number;
    };

    beforeAll(async () => {
      // A weekday morning in the center's zone: the callback is due in opening hours whatever the hour.
      floor = await openFloor();
      stack = floor.stack;
      agent = await floor.page('1002');
    }, 120_000);

    afterAll(() => floor?.close());
    run({ sim, state, setState, customerLeg, complaintNumber, stack: () => stack, agent: () => agent });
  });
}

story('wrap-up after click-to-dial, in Chromium', (d) => {
  it('click-to-dial: the pop shows the customer, the wrap-up is on their leg and saves', async () => {
    const { sim, state, setState, customerLeg } = d;
    const [stack, agent] = [d.stack(), d.agent()];
    await setState('Busy');
    const dial = agent.locator('form').filter({ has: agent.getByLabel('Number to dial') });
    await dial.getByLabel('Number to dial').fill(JOHN_TYPED);
    await dial.getByRole('button', { name: 'Dial', exact: true }).click();
    const sid = await customerLeg();
    await agent.getByTestId('live-call').waitFor(WITHIN);
    await state('On call');
    await agent.getByTestId('pop-customer').getByText('John Smith').waitFor(WITHIN);
    expect(await stack.store.calls.get(sid)).toMatchObject({
      direction: 'outbound',
      to: JOHN_SMITH,
      agentId: '1002',
      customerId: 'cus-0004',
    });

    // A call in a conference: every control is offered.
    await agent.getByTestId('live-call').getByRole('button', { name: 'Hold' }).waitFor(WITHIN);
    expect(await agent.getByTestId('direct-call-note').count()).toBe(0);
    await sim(`/sim/calls/${sid}/hangup`, {});
    await state('Wrap-up');
    const wrap = agent.getByTestId('wrap-up');
    await wrap.waitFor(WITHIN);
    const pop = agent.getByTestId('screen-pop');
    await pop.getByTestId('pop-customer').getByText('John Smith').waitFor(WITHIN);
    await pop.getByText(JOHN_SMITH, { exact: false }).first().waitFor(WITHIN);
    await pop.getByText(COMPLAINT).waitFor(WITHIN);
    await shot(agent, 'dialled-wrap-up');
    // A code every hotline offers, whatever list the form shows.
    await wrap.locator('select[name=disposition]').selectOption('other');
    await wrap.locator('textarea[name=notes]').fill('Dialled about the authorisation');
    await wrap.getByRole('button', { name: 'Save and finish' }).click();
    await state('Available');
    expect(await stack.store.calls.get(sid)).toMatchObject({
      customerId: 'cus-0004',
      agentId: '1002',
      disposition: 'other',
      notes: 'Dialled about the authorisation',
    });
    const history = await stack.store.calls.byCustomer('cus-0004');
    expect(history.items.map((c) => c.callSid)).toContain(sid);
    await setState('Busy');
  }, 60_000);
});

/** An auto-dial callback for 1002 to John Smith, due a minute ago on the center's clock (not this machine's). */
async function dueCallback(
  stack: LocalStack,
  extra: { readonly ticketNumber?: string; readonly note?: string } = {},
): Promise<Task> {
  const made = await stack.store.tasks.create({
    kind: 'callback',
    dueAt: new Date(stack.clock.now() - 60_000).toISOString(),
    customerId: 'cus-0004',
    phone: JOHN_SMITH,
    assigneeId: '1002',
    queue: 'general',
    language: 'en',
    maxAttempts: 3,
    autoDial: true,
    ...extra,
  });
  if (!made.ok) throw new Error(made.reason);
  return made.value;
}

story('wrap-up after an auto-dial callback, in Chromium', (d) => {
  it('auto-dial callback: rings me, the customer answers, I hang up, wrap-up shows them and the ticket', async () => {
    const { sim, state, setState, customerLeg, complaintNumber } = d;
    const [stack, agent] = [d.stack(), d.agent()];
    const ticket = await complaintNumber();
    const task = await dueCallback(stack, {
      ticketNumber: ticket,
      note: 'Call back about the authorisation',
    });
    await setState('Available');
    await stack.runPeriodicJobs();
    // The callback rings my client: answering it is what starts the call to the customer.
    const ringing = agent.getByTestId('incoming');
    await ringing.waitFor(WITHIN);
    // It rings from the center's own number: the card says it is a callback and whom it will call.
    await ringing.getByTestId('callback-offer').waitFor(WITHIN);
    await ringing.getByText(JOHN_SMITH).first().waitFor(WITHIN);
    await ringing.getByRole('button', { name: /Accept/ }).click();
    const sid = await customerLeg();
    // The callback is one call, recorded under the agent's leg, which dialled the customer.
    const { parentCallSid } = await sim<{ parentCallSid: string | null }>(`/sim/calls/${sid}`);
    const callSid = parentCallSid ?? '';
    await state('On call');
    await agent.getByTestId('pop-customer').getByText('John Smith').waitFor(WITHIN);
    // Known from the moment the agent answered: what they file now is saved on the callback's call.
    expect(await stack.store.calls.get(callSid)).toMatchObject({
      status: 'in-progress',
      customerId: 'cus-0004',
      agentId: '1002',
    });

    // My leg dials the customer straight: the desk offers only Hang up, and says why.
    const live = agent.getByTestId('live-call');
    await live.getByTestId('direct-call-note').waitFor(WITHIN);
    expect(await live.getByRole('button', { name: 'Hold' }).count()).toBe(0);
    expect(await live.getByTestId('transfer').count()).toBe(0);
    await live.getByTestId('hangup').click();
    await state('Wrap-up');
    expect((await sim<{ status: string }>(`/sim/calls/${sid}`)).status).toBe('completed');
    const wrap = agent.getByTestId('wrap-up');
    await wrap.waitFor(WITHIN);
    const pop = agent.getByTestId('screen-pop');
    await pop.getByTestId('pop-customer').getByText('John Smith').waitFor(WITHIN);
    // The ticket the callback was about, marked in the pop and prefilled as the call's ticket.
    await pop.locator('li.hit').getByText(ticket).waitFor(WITHIN);
    await shot(agent, 'callback-wrap-up');
    await wrap.locator('select[name=disposition]').selectOption('other');
    await wrap.locator('textarea[name=notes]').fill('Called back about the authorisation');
    await wrap.getByRole('button', { name: 'Save and finish' }).click();
    await state('Available');
    expect(await stack.store.calls.get(callSid)).toMatchObject({
      customerId: 'cus-0004',
      agentId: '1002',
      disposition: 'other',
      notes: 'Called back about the authorisation',
      ticketNumbers: [ticket],
    });
    expect((await stack.store.tasks.get(task.id))?.status).toBe('done');
    const history = await stack.store.calls.byCustomer('cus-0004');
    expect(history.items.filter((c) => c.callSid === callSid || c.callSid === sid)).toHaveLength(1);
  }, 60_000);
});

story('an auto-dial callback declined at the ring, in Chromium', (d) => {
  it('leaves no screen pop behind waiting for a call that never comes', async () => {
    const { setState } = d;
    const [stack, agent] = [d.stack(), d.agent()];
    await dueCallback(stack);
    await setState('Available');
    await stack.runPeriodicJobs();
    const ringing = agent.getByTestId('incoming');
    await ringing.getByTestId('callback-offer').waitFor(WITHIN);
    await ringing.getByRole('button', { name: /Reject/ }).click();
    await ringing.waitFor({ state: 'detached', ...WITHIN });
    await agent.getByTestId('screen-pop').waitFor({ state: 'detached', ...WITHIN });
    expect(await agent.getByTestId('ticket-form').count()).toBe(0);
  });
});

story('wrap-up after a callback placed with one click from my tasks, in Chromium', (d) => {
  it('one click on my callback: the call answers the task, the wrap-up shows the ticket, the task is done', async () => {
    const { sim, state, setState, customerLeg, complaintNumber } = d;
    const [stack, agent] = [d.stack(), d.agent()];
    const ticket = await complaintNumber();
    const made = await stack.store.tasks.create({
      kind: 'callback',
      dueAt: new Date(stack.clock.now() - 10 * 60_000).toISOString(),
      customerId: 'cus-0004',
      ticketNumber: ticket,
      phone: JOHN_SMITH,
      assigneeId: '1002',
      queue: 'general',
      maxAttempts: 3,
      note: 'Confirm the authorisation letter',
    });
    if (!made.ok) throw new Error(made.reason);
    const task: Task = made.value;
    await agent.reload();
    await agent.getByTestId('link-state').getByText('Connected').waitFor(WITHIN);
    await setState('Busy');
    const row = agent.getByTestId(`task-${task.id}`);
    await row.getByRole('button', { name: 'Call back' }).click();
    const sid = await customerLeg();
    await state('On call');
    const pop = agent.getByTestId('screen-pop');
    await pop.getByTestId('pop-customer').getByText('John Smith').waitFor(WITHIN);
    await pop.locator('li.hit').getByText(ticket).waitFor(WITHIN);
    expect((await stack.store.tasks.get(task.id))?.status).toBe('in-progress');

    // A call in a conference: every control is offered.
    await agent.getByTestId('live-call').getByRole('button', { name: 'Hold' }).waitFor(WITHIN);
    expect(await agent.getByTestId('direct-call-note').count()).toBe(0);
    await sim(`/sim/calls/${sid}/hangup`, {});
    await state('Wrap-up');
    const wrap = agent.getByTestId('wrap-up');
    await wrap.waitFor(WITHIN);
    await pop.getByTestId('pop-customer').getByText('John Smith').waitFor(WITHIN);
    await pop.locator('li.hit').getByText(ticket).waitFor(WITHIN);
    await wrap.locator('select[name=disposition]').selectOption('other');
    await wrap.locator('textarea[name=notes]').fill('Letter confirmed');
    await wrap.getByRole('button', { name: 'Save and finish' }).click();
    await state('Available');
    expect(await stack.store.calls.get(sid)).toMatchObject({
      customerId: 'cus-0004',
      agentId: '1002',
      disposition: 'other',
      notes: 'Letter confirmed',
      ticketNumbers: [ticket],
    });
    expect(await stack.store.tasks.get(task.id)).toMatchObject({ status: 'done', attempts: 1 });
  }, 60_000);
});
