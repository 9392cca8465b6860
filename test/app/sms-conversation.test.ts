// The SMS bot's conversation and the agent's side of a thread on real storage: rules the webhook tests do
// not reach (a retried message, a second text while an agent has the conversation, a fault answered with
// an apology, a claim's ETA, closing a thread).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignText, textsOf } from '../../functions/app/agent-texts.js';
import {
  answerInboundSms,
  SMS_TASK_STALL_MS,
  type SmsConversationDeps,
} from '../../functions/app/sms-conversation.js';
import { closeThread } from '../../functions/app/sms-threads.js';
import type { TaskRouting } from '../../functions/domain/channel-ports.js';
import type { Job, JobQueue, SmsTaskJob } from '../../functions/domain/jobs.js';
import { processSmsTask } from '../../functions/workers/job-worker.js';
import { createCapturingLogger } from '../support/capturing-logger.js';
import { createTestStore, type TestStore } from '../support/dynamo.js';

const OURS = '+861085551234';
let serial = 0;
const sid = () => `SM${String(++serial).padStart(32, '0')}`;

describe('SMS conversation', () => {
  let t: TestStore;
  const queued: Job[] = [];
  const logger = createCapturingLogger();
  const deps = (jobs: JobQueue = { send: async (job) => void queued.push(job) }): SmsConversationDeps => ({
    store: t.store,
    clock: t.clock,
    logger,
    jobs,
  });
  const center = () => ({ store: t.store, clock: t.clock, publish: async () => 0 });
  const text = (from: string, body: string, messageSid = sid(), d = deps()) =>
    answerInboundSms(d, { from, to: OURS, sid: messageSid, body });

  beforeAll(async () => {
    t = await createTestStore();
  }, 30_000);
  afterAll(() => t?.stop());

  it('answers a message Twilio retries only once', async () => {
    const phone = '+12025550101';
    const once = sid();
    expect(await text(phone, 'HELP', once)).toContain('Car Care by SMS');
    expect(await text(phone, 'HELP', once)).toBeUndefined();
    const thread = await t.store.messaging.thread(phone);
    expect(thread.items.map((m) => m.direction).sort()).toEqual(['inbound', 'outbound']);
  });

  it('keeps a text from a short code or a sender name, opening no conversation and promising nothing', async () => {
    for (const from of ['40404', 'ACME']) {
      const before = queued.length;
      expect(await text(from, 'I need a person')).toBeUndefined();
      expect(queued.length).toBe(before);
      expect(await t.store.messaging.getSession(from)).toBeUndefined();
      const kept = await t.store.messaging.thread(from);
      expect(kept.items.map((m) => [m.direction, m.body])).toEqual([['inbound', 'I need a person']]);
    }
  });

  it('hands a conversation to an agent once; later texts wait for the agent without a reply', async () => {
    const phone = '+12025550102';
    const first = sid();
    expect(await text(phone, 'My card never arrived', first)).toContain('an agent will reply');
    expect(queued).toEqual([
      {
        kind: 'sms-task',
        phone,
        ourNumber: OURS,
        language: 'en',
        firstMessage: 'My card never arrived',
        messageSid: first,
      },
    ]);
    expect(await text(phone, 'Any time after 3pm')).toBeUndefined();
    expect(queued).toHaveLength(1);
    expect((await t.store.messaging.getSession(phone))?.state).toBe('agent');
  });

  it('asks for a person once when two texts for one arrive together', async () => {
    const phone = '+12025550108';
    const before = queued.length;
    const replies = await Promise.all([text(phone, 'I need a person'), text(phone, 'Please call me')]);
    expect(queued.length - before).toBe(1);
    expect(replies.filter((r) => r?.includes('an agent will reply'))).toHaveLength(1);
  });

  it('asks for the person again when the wait never got its task, and not while a task is merely late', async () => {
    const phone = '+12025550109';
    const jobsFor = () => queued.filter((j) => j.kind === 'sms-task' && j.phone === phone);
    expect(await text(phone, 'I need a person')).toContain('an agent will reply');
    expect(jobsFor()).toHaveLength(1);
    // The job is never run (it failed for good): a text within the stall time still waits quietly.
    await t.clock.advance(SMS_TASK_STALL_MS - 60_000);
    expect(await text(phone, 'Hello?')).toBeUndefined();
    expect(jobsFor()).toHaveLength(1);
    await t.clock.advance(60_000);
    expect(await text(phone, 'Is anyone there?')).toContain('an agent will reply');
    expect(jobsFor()).toHaveLength(2);
    // This time the task is made: however long the customer then waits for an agent, nothing is asked again.
    const job = jobsFor().at(-1) as SmsTaskJob;
    const routing: TaskRouting = { createTask: async () => 'WTretry', endTask: async () => undefined };
    await processSmsTask({ store: t.store, clock: t.clock, routing }, job);
    await t.clock.advance(2 * SMS_TASK_STALL_MS);
    expect(await text(phone, 'Still waiting')).toBeUndefined();
    expect(jobsFor()).toHaveLength(2);
    expect(await t.store.messaging.getSession(phone)).toMatchObject({ state: 'agent', taskSid: 'WTretry' });
  });

  it('answers a fault with an apology in the sender language and logs it', async () => {
    const down: JobQueue = {
      send: async () => {
        throw new Error('queue unavailable');
      },
    };
    const reply = await text('+12025550103', 'Please call me back', sid(), deps(down));
    expect(reply).toBe('Sorry, we could not handle your message just now. Please try again later.');
    expect(await text('+8613800138003', '请给我回电话', sid(), deps(down))).toContain('抱歉');
    expect(logger.lines.filter((l) => l.msg === 'sms bot failed')).toHaveLength(2);
    expect(logger.lines.at(-1)).toMatchObject({ level: 'error', error: 'Error: queue unavailable' });
    // Nothing was queued, so nobody is waiting to answer: the next text is the bot's again.
    expect((await t.store.messaging.getSession('+12025550103'))?.state).not.toBe('agent');
    expect(await text('+12025550103', 'Please call me back')).toContain('an agent will reply');
  });

  it('a stalled wait asked for again keeps a task its first request lands meanwhile, though the new one fails', async () => {
    const phone = '+12025550113';
    expect(await text(phone, 'I need a person')).toContain('an agent will reply');
    const first = queued.find((j): j is SmsTaskJob => j.kind === 'sms-task' && j.phone === phone);
    if (!first) throw new Error('no sms-task job');
    await t.clock.advance(SMS_TASK_STALL_MS);
    const routing: TaskRouting = { createTask: async () => 'WTlanded', endTask: async () => undefined };
    // The first request's job lands its task while the second is being queued, which then fails.
    const failing: JobQueue = {
      send: async () => {
        await processSmsTask({ store: t.store, clock: t.clock, routing }, first);
        throw new Error('queue unavailable');
      },
    };
    expect(await text(phone, 'Hello?', sid(), deps(failing))).toContain('Sorry');
    expect(await t.store.messaging.getSession(phone)).toMatchObject({ state: 'agent', taskSid: 'WTlanded' });
  });

  it('routes the conversation whether its assignment lands before its task is recorded or after', async () => {
    const phone = '+12025550106';
    await text(phone, 'I need a person');
    const job = queued.find((j): j is SmsTaskJob => j.kind === 'sms-task' && j.phone === phone);
    if (!job) throw new Error('no sms-task job');
    const ended: string[] = [];
    // TaskRouter assigns at once: the assignment's write lands while the job is still between its calls.
    const assigning: TaskRouting = {
      createTask: async () => {
        await assignText(center(), { agentId: '1003', phone, taskSid: 'WTfirst' });
        return 'WTfirst';
      },
      endTask: async (taskSid) => void ended.push(taskSid),
    };
    expect(await processSmsTask({ store: t.store, clock: t.clock, routing: assigning }, job)).toBe('WTfirst');
    expect(await t.store.messaging.getSession(phone)).toMatchObject({
      state: 'agent',
      taskSid: 'WTfirst',
      agentId: '1003',
    });
    expect((await textsOf(t.store, '1003')).map((x) => x.phone)).toEqual([phone]);
    expect(ended).toEqual([]);
  });

  it('keeps a conversation on the desk of whoever holds it when a later assignment is refused', async () => {
    const phone = '+12025550110';
    await text(phone, 'I need a person');
    // 1003 was given it, but its listing never landed (the assignment failed after its first write).
    await t.store.messaging.routeSession(phone, { taskSid: 'WTagain', agentId: '1003' }, 'a');
    expect((await textsOf(t.store, '1003')).map((x) => x.phone)).not.toContain(phone);
    // TaskRouter offers the task again, to 1004: refused, and 1003's desk lists it.
    expect(await assignText(center(), { agentId: '1004', phone, taskSid: 'WTagain' })).toBe(false);
    expect((await textsOf(t.store, '1003')).map((x) => x.phone)).toContain(phone);
    expect((await textsOf(t.store, '1004')).map((x) => x.phone)).not.toContain(phone);
  });

  it('takes a conversation off the desk it was just listed on when a colleague replied in between', async () => {
    const phone = '+12025550111';
    await text(phone, 'I need a person');
    const racing = {
      ...center(),
      store: {
        ...t.store,
        messaging: {
          ...t.store.messaging,
          // A colleague's reply lands right after the assignment's own write.
          routeSession: async (...args: Parameters<typeof t.store.messaging.routeSession>) => {
            const routed = await t.store.messaging.routeSession(...args);
            await t.store.messaging.takeSession(phone, '1004', 'reply');
            return routed;
          },
        },
      },
    };
    expect(await assignText(racing, { agentId: '1003', phone, taskSid: 'WTrace' })).toBe(false);
    expect((await textsOf(t.store, '1003')).map((x) => x.phone)).not.toContain(phone);
    expect((await t.store.messaging.getSession(phone))?.agentId).toBe('1004');
  });

  it('makes no task for a conversation an agent already took by replying', async () => {
    const phone = '+12025550112';
    await text(phone, 'I need a person');
    const job = queued.find((j): j is SmsTaskJob => j.kind === 'sms-task' && j.phone === phone);
    if (!job) throw new Error('no sms-task job');
    await t.store.messaging.takeSession(phone, '1004', 'reply');
    const made: string[] = [];
    const routing: TaskRouting = {
      createTask: async () => {
        made.push('task');
        return 'WTnever';
      },
      endTask: async () => undefined,
    };
    await processSmsTask({ store: t.store, clock: t.clock, routing }, job);
    expect(made).toEqual([]);
  });

  it('withdraws a task made for a conversation that ended before the task existed', async () => {
    const phone = '+12025550107';
    await text(phone, 'Can a person call me');
    const job = queued.find((j): j is SmsTaskJob => j.kind === 'sms-task' && j.phone === phone);
    if (!job) throw new Error('no sms-task job');
    await closeThread(deps(), phone);
    const ended: string[] = [];
    const routing: TaskRouting = {
      createTask: async () => 'WTlate',
      endTask: async (taskSid) => void ended.push(taskSid),
    };
    await processSmsTask({ store: t.store, clock: t.clock, routing }, job);
    expect(ended).toEqual(['WTlate']);
    expect(await t.store.messaging.getSession(phone)).toMatchObject({ state: 'bot' });
    expect((await t.store.messaging.getSession(phone))?.taskSid).toBeUndefined();
  });

  it("tells the customer their claim's status with its ETA, in their language", async () => {
    const phone = '+8613800138004';
    const customer = await t.store.customers.create({
      name: '王芳',
      phones: [phone],
      language: 'zh',
      vipTier: 'none',
    });
    if (!customer.ok) throw new Error('customer');
    const ticket = await t.store.tickets.create(
      {
        type: 'rescue',
        status: 'open',
        priority: 'high',
        subject: 'Flat tyre',
        customerId: customer.value.id,
        fields: { eta: '10:30' },
      },
      'seed',
    );
    if (!ticket.ok) throw new Error('ticket');
    // Every reply is in the language stored on the customer, whatever script the text is in: a claim
    // number alone is Latin letters.
    const chinese = `单号 ${ticket.value.number}：处理中。预计到达 10:30`;
    expect(await text(phone, `查询 ${ticket.value.number}`)).toBe(chinese);
    expect(await text(phone, ticket.value.number)).toBe(chinese);
    expect(await text(phone, `status ${ticket.value.number}`)).toBe(chinese);
  });

  it('closing a thread hands the next text back to the bot, forgetting the task and the agent', async () => {
    const phone = '+12025550105';
    await t.store.messaging.putSession({
      phone,
      language: 'en',
      state: 'agent',
      taskSid: `WT${'5'.repeat(32)}`,
      agentId: '1002',
      updatedAt: new Date(t.clock.now()).toISOString(),
    });
    await t.clock.advance(60_000);
    await closeThread(deps(), phone);
    expect(await t.store.messaging.getSession(phone)).toEqual({
      phone,
      language: 'en',
      state: 'bot',
      updatedAt: new Date(t.clock.now()).toISOString(),
    });
    await closeThread(deps(), '+12025550199'); // no conversation: nothing to close, nothing written
    expect(await t.store.messaging.getSession('+12025550199')).toBeUndefined();
  });
});
