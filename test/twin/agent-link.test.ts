// The agent link: what the Voice SDK Device and TaskRouter Worker would carry, over one
// WebSocket authenticated by an Access Token (docs/twilio-behaviour.md §9.1), and presence that follows the page
// (docs/twilio-behaviour.md §4.12: setWorkerOfflineIfDisconnected).
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { createManualClock } from '../../functions/domain/manual-clock.js';
import { LOCAL_TWILIO } from '../../infra/local/local-config.js';
import { type LocalStack, startLocalStack } from '../../infra/local/start-local-stack.js';

const { AccessToken } = twilio.jwt;
let stack: LocalStack;
let workspaceSid: string;
const clock = createManualClock(Date.parse('2026-03-02T02:00:00Z'));

beforeAll(async () => {
  stack = await startLocalStack({
    port: 0,
    clock,
    demoData: false,
  });
  workspaceSid = (await stack.twilio.taskrouter.v1.workspaces.create({ friendlyName: 'link' })).sid;
});
afterAll(() => stack.stop());

function token(
  identity: string,
  options: { workerSid?: string; secret?: string; ttl?: number } = {},
): string {
  const t = new AccessToken(
    LOCAL_TWILIO.accountSid,
    LOCAL_TWILIO.apiKeySid,
    options.secret ?? LOCAL_TWILIO.apiKeySecret,
    {
      identity,
      ttl: options.ttl ?? 3600,
    },
  );
  t.addGrant(new AccessToken.VoiceGrant({ incomingAllow: true }));
  if (options.workerSid)
    t.addGrant(
      new AccessToken.TaskRouterGrant({ workspaceSid, workerSid: options.workerSid, role: 'worker' }),
    );
  return t.toJwt();
}

interface Link {
  readonly socket: WebSocket;
  readonly closed: Promise<number>;
  next(type: string): Promise<Record<string, unknown>>;
  send(message: unknown): void;
}

function connect(jwt: string, query = ''): Promise<Link> {
  const socket = new WebSocket(
    `${stack.url.replace('http', 'ws')}/twin/agent-link?token=${encodeURIComponent(jwt)}${query}`,
  );
  const inbox: Record<string, unknown>[] = [];
  const waiters: { type: string; resolve: (m: Record<string, unknown>) => void }[] = [];
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as Record<string, unknown>;
    const i = waiters.findIndex((w) => w.type === message.type);
    if (i >= 0) waiters.splice(i, 1)[0]?.resolve(message);
    else inbox.push(message);
  });
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  const link: Link = {
    socket,
    closed,
    next: (type) => {
      const i = inbox.findIndex((m) => m.type === type);
      if (i >= 0) return Promise.resolve(inbox.splice(i, 1)[0] as Record<string, unknown>);
      return new Promise((resolve) => waiters.push({ type, resolve }));
    },
    send: (message) => socket.send(JSON.stringify(message)),
  };
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(link));
    socket.once('error', reject);
  });
}

describe('agent link', () => {
  it('refuses a token signed with the wrong secret (20101) and an expired one (20104)', async () => {
    const bad = await connect(token('1001', { secret: 'not-the-secret' }));
    expect(await bad.next('error')).toMatchObject({ code: 20101 });
    expect(await bad.closed).toBe(4101);

    // Tokens are stamped with real time; move the shared clock past this one's expiry.
    const soon = token('1001', { ttl: 60 });
    await clock.advance(Math.max(0, Date.now() + 61_000 - clock.now()));
    const expired = await connect(soon);
    expect(await expired.next('error')).toMatchObject({ code: 20104 });
  });

  it('rings the page for a call to its client, connects on accept, and answers pings', async () => {
    const link = await connect(token('agent_a'));
    expect(await link.next('ready')).toMatchObject({ identity: 'agent_a' });
    const call = await stack.twilio.calls.create({
      to: 'client:agent_a',
      from: '+18005550100',
      twiml: '<Response><Say>Connecting you</Say><Pause length="30"/></Response>',
    });
    const incoming = await link.next('incoming');
    expect(incoming).toMatchObject({ callSid: call.sid, to: 'client:agent_a', from: '+18005550100' });
    link.send({ type: 'accept', callSid: call.sid });
    await link.next('connected');
    await stack.twin.settle();
    expect((await stack.twilio.calls(call.sid).fetch()).status).toBe('in-progress');
    link.send({ type: 'ping' });
    expect(await link.next('pong')).toMatchObject({ at: stack.clock.now() });
    link.send({ type: 'hangup', callSid: call.sid });
    await link.next('disconnected');
    link.send({ type: 'accept' });
    expect(await link.next('error')).toMatchObject({ message: expect.stringContaining('callSid') });
    link.socket.close();
  });

  it('moves an available worker offline and stops ringing when its last page goes away', async () => {
    const ws = stack.twilio.taskrouter.v1.workspaces(workspaceSid);
    const activities = await ws.activities.list();
    const available = activities.find((a) => a.friendlyName === 'Available');
    const worker = await ws.workers.create({
      friendlyName: 'agent_b',
      activitySid: available?.sid ?? expect.unreachable('the workspace has an Available activity'),
    });
    // Offline at the end means something only if the worker was not Offline from the start.
    expect(worker.activityName).toBe('Available');
    const link = await connect(token('agent_b', { workerSid: worker.sid }));
    await link.next('ready');
    const call = await stack.twilio.calls.create({
      to: 'client:agent_b',
      from: '+18005550100',
      twiml: '<Response><Say>hi</Say></Response>',
      timeout: 30,
    });
    await link.next('incoming');
    link.socket.close();
    await link.closed;
    // The server sees the close on its own socket, in no set order with the client's close event: wait for
    // the worker to go Offline rather than for a fixed time.
    await vi.waitFor(async () => expect((await ws.workers(worker.sid).fetch()).activityName).toBe('Offline'));
    await stack.twin.settle();
    expect(['busy', 'no-answer', 'canceled', 'failed']).toContain(
      (await stack.twilio.calls(call.sid).fetch()).status,
    );
  });

  it('leaves the worker as it was when the page asked setWorkerOfflineIfDisconnected=false', async () => {
    const ws = stack.twilio.taskrouter.v1.workspaces(workspaceSid);
    const available = (await ws.activities.list()).find((a) => a.friendlyName === 'Available');
    const worker = await ws.workers.create({
      friendlyName: 'agent_d',
      activitySid: available?.sid ?? expect.unreachable('the workspace has an Available activity'),
    });
    const link = await connect(
      token('agent_d', { workerSid: worker.sid }),
      '&setWorkerOfflineIfDisconnected=false',
    );
    await link.next('ready');
    link.socket.close();
    await link.closed;
    // A page that sets the flag on closes on the same path and is Offline by now (the test above).
    const control = await connect(token('agent_d', { workerSid: worker.sid }));
    await control.next('ready');
    await stack.twin.settle();
    expect((await ws.workers(worker.sid).fetch()).activityName).toBe('Available');
    control.socket.close();
    await control.closed;
    await vi.waitFor(async () => expect((await ws.workers(worker.sid).fetch()).activityName).toBe('Offline'));
  });

  it('forwards the worker’s own reservation and activity events', async () => {
    const ws = stack.twilio.taskrouter.v1.workspaces(workspaceSid);
    const activities = await ws.activities.list();
    const available = activities.find((a) => a.friendlyName === 'Available');
    const worker = await ws.workers.create({ friendlyName: 'agent_c' });
    const queue = await ws.taskQueues.create({ friendlyName: 'all', targetWorkers: '1==1' });
    const workflow = await ws.workflows.create({
      friendlyName: 'wf',
      configuration: JSON.stringify({ task_routing: { filters: [], default_filter: { queue: queue.sid } } }),
    });
    const link = await connect(token('agent_c', { workerSid: worker.sid }));
    await link.next('ready');
    await ws.workers(worker.sid).update({ activitySid: available?.sid ?? '' });
    expect(await link.next('activity')).toMatchObject({ activityName: 'Available' });
    await ws.tasks.create({ workflowSid: workflow.sid, attributes: JSON.stringify({ type: 'probe' }) });
    await stack.twin.settle();
    expect(await link.next('reservation')).toMatchObject({
      event: 'created',
      taskAttributes: { type: 'probe' },
    });
    link.socket.close();
  });

  it('a page that goes away ends its live call, as the Voice SDK does; a broken socket does not', async () => {
    const live = async (identity: string) => {
      const link = await connect(token(identity));
      await link.next('ready');
      const call = await stack.twilio.calls.create({
        to: `client:${identity}`,
        from: '+18005550100',
        twiml: '<Response><Pause length="120"/></Response>',
      });
      await link.next('incoming');
      link.send({ type: 'accept', callSid: call.sid });
      await link.next('connected');
      return { link, callSid: call.sid };
    };
    const status = async (callSid: string) => {
      await stack.twin.settle();
      return (await stack.twilio.calls(callSid).fetch()).status;
    };

    const unloaded = await live('agent_d');
    unloaded.link.socket.close(1001, 'going away'); // what a browser sends when the page unloads
    await unloaded.link.closed;
    await vi.waitFor(async () => expect(await status(unloaded.callSid)).toBe('completed'));

    const broken = await live('agent_e');
    broken.link.socket.terminate(); // no closing handshake: the server sees 1006
    await broken.link.closed;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await status(broken.callSid)).toBe('in-progress');
  });
});
