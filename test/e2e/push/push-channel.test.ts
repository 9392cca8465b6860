// The push channel on the local stack, as a page uses it: a ticket from POST /api/push, a WebSocket to
// /push, change notices when a caller queues, rings the agent and leaves; the phone page as the agent's
// presence (a long marker while connected, the one-minute grace after it closes); refusals for a bad,
// expired or revoked ticket; the keep-alive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { heartbeatKey } from '../../../functions/app/desk/presence.js';
import { PUSH_AUDIENCE_CACHE_MS } from '../../../functions/app/push.js';
import { PUSH_CONNECTION_TTL_SECONDS } from '../../../functions/domain/push.js';
import { type AgentHarness, type Session, startAgents } from '../agent/support.js';

interface Ticket {
  readonly url: string;
  readonly ticket: string;
  readonly keepaliveSeconds: number;
}

interface Opened {
  readonly socket: WebSocket;
  readonly topics: string[][];
  readonly closed: Promise<{ code: number; reason: string }>;
}

function open(url: string): Promise<Opened> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const topics: string[][] = [];
    const closed = new Promise<{ code: number; reason: string }>((done) =>
      socket.on('close', (code, reason) => done({ code, reason: reason.toString() })),
    );
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { type: string; topics: string[] };
      if (message.type === 'changed') topics.push(message.topics);
    });
    socket.on('open', () => resolve({ socket, topics, closed }));
    socket.on('error', reject);
  });
}

/**
 * A publisher keeps its list of connections for PUSH_AUDIENCE_CACHE_MS of wall time; a page connected
 * within it hears from the next read on (the page reads everything again after that moment).
 */
const listRead = () => new Promise((r) => setTimeout(r, PUSH_AUDIENCE_CACHE_MS + 100));

const waitFor = async (check: () => boolean | Promise<boolean>, ms = 3000) => {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('the push channel on the local stack', () => {
  let h: AgentHarness;
  let agent: Session;

  beforeAll(async () => {
    // A Monday morning in the center's zone: the lines are open.
    h = await startAgents('2026-03-02T02:00:00Z', { periodicJobs: false });
    agent = await h.as('1002');
  }, 60_000);
  afterAll(async () => {
    await h?.stop();
  });

  it('opens with a ticket, makes the phone page the agent presence and tells of a call', async () => {
    const t = await agent.post<Ticket>('/push');
    expect(t.url).toBe(`${h.stack.url.replace('http', 'ws')}/push`);
    expect(t.keepaliveSeconds).toBe(480);
    const page = await open(`${t.url}?ticket=${t.ticket}&phone=1`);
    await waitFor(async () => (await h.stack.store.push.list('1002')).length === 1);
    const [stored] = await h.stack.store.push.list('1002');
    expect(stored).toMatchObject({ userId: '1002', phone: true, roles: ['agent'] });
    const presence = await h.stack.store.keys.get(heartbeatKey('1002'));
    expect(Date.parse(presence?.expiresAt ?? '')).toBe(
      Date.parse(stored?.connectedAt ?? '') + PUSH_CONNECTION_TTL_SECONDS * 1000,
    );

    // Nobody free: the caller waits, and after a moment every agent's live queue is told.
    await agent.post('/agent/state', { state: 'Busy' });
    await h.party('1002', 'ring');
    const callSid = await h.callGeneral();
    expect(page.topics.flat()).not.toContain('queue');
    await h.advance(3);
    await waitFor(() => page.topics.flat().includes('queue'));
    // Free again: the caller is offered to the agent, whose desk hears of it.
    page.topics.length = 0;
    await agent.post('/agent/state', { state: 'Available' });
    await waitFor(() => page.topics.flat().includes('me'));
    await h.hangup(callSid);
    page.socket.close(1000);
    await page.closed;
    await waitFor(async () => (await h.stack.store.push.list('1002')).length === 0);
  });

  it('does not announce a caller an agent takes at once', async () => {
    const t = await agent.post<Ticket>('/push');
    const page = await open(`${t.url}?ticket=${t.ticket}&phone=1`);
    await waitFor(async () => (await h.stack.store.push.list('1002')).length === 1);
    await listRead();
    await agent.post('/agent/state', { state: 'Available' });
    await h.party('1002', 'ring');
    const callSid = await h.callGeneral();
    await h.advance(5);
    await waitFor(() => page.topics.flat().includes('me'));
    expect(page.topics.flat()).not.toContain('queue');
    await h.hangup(callSid);
    page.socket.close(1000);
    await page.closed;
    await waitFor(async () => (await h.stack.store.push.list('1002')).length === 0);
  });

  it('keeps the connection alive on a keep-alive, and gives a minute of grace when it closes', async () => {
    const t = await agent.post<Ticket>('/push');
    const page = await open(`${t.url}?ticket=${t.ticket}&phone=1`);
    await waitFor(async () => (await h.stack.store.push.list('1002')).length === 1);
    const [before] = await h.stack.store.push.list('1002');
    await h.advance(30);
    page.socket.send('keepalive');
    await waitFor(async () => (await h.stack.store.push.list('1002'))[0]?.expiresAt !== before?.expiresAt);
    const [after] = await h.stack.store.push.list('1002');
    expect(Date.parse(after?.expiresAt ?? '') - Date.parse(before?.expiresAt ?? '')).toBe(30_000);

    page.socket.close(1000);
    await page.closed;
    // The close is handled after the socket's event: the connection goes first, then the presence.
    await waitFor(async () => (await h.stack.store.keys.get(heartbeatKey('1002')))?.value === 'push-closed');
    expect(await h.stack.store.push.list('1002')).toEqual([]);
    const grace = await h.stack.store.keys.get(heartbeatKey('1002'));
    // The grace minute, to the whole second the table keeps.
    expect(Math.abs(Date.parse(grace?.expiresAt ?? '') - h.clock.now() - 60_000)).toBeLessThan(1000);
  });

  it('a second phone page keeps the agent present when the first one closes (a reload)', async () => {
    const t = await agent.post<Ticket>('/push');
    const first = await open(`${t.url}?ticket=${t.ticket}&phone=1`);
    const second = await open(`${t.url}?ticket=${t.ticket}&phone=1`);
    await waitFor(async () => (await h.stack.store.push.list('1002')).length === 2);
    first.socket.close(1001);
    await waitFor(async () => (await h.stack.store.push.list('1002')).length === 1);
    const presence = await h.stack.store.keys.get(heartbeatKey('1002'));
    expect(Date.parse(presence?.expiresAt ?? '') - h.clock.now()).toBeGreaterThan(60_000);
    second.socket.close(1000);
    await second.closed;
  });

  it("tells the agent's pages when a supervisor joins their call, and when the call ends", async () => {
    const t = await agent.post<Ticket>('/push');
    const page = await open(`${t.url}?ticket=${t.ticket}&phone=1`);
    await waitFor(async () => (await h.stack.store.push.list('1002')).length === 1);
    await listRead();
    const supervisor = await h.as('2001');
    await h.party('2001', 'answer');
    await h.party('1002', 'answer');
    await agent.post('/agent/state', { state: 'Available' });
    const callSid = await h.callGeneral();
    await waitFor(async () => Boolean((await agent.get<{ call?: unknown }>('/agent/me')).call));
    page.topics.length = 0;
    await supervisor.post(`/supervisor/calls/${callSid}/monitor`, { mode: 'monitor' });
    await waitFor(() => page.topics.flat().includes('me'));
    page.topics.length = 0;
    await h.hangup(callSid);
    // The caller's leaving starts the agent's wrap-up: their state changes, and their desk hears of it.
    await waitFor(() => page.topics.flat().includes('me'));
    page.socket.close(1000);
    await page.closed;
    await waitFor(async () => (await h.stack.store.push.list('1002')).length === 0);
  });

  it('refuses a forged, an expired and a revoked ticket, and anything but a keep-alive', async () => {
    const url = `${h.stack.url.replace('http', 'ws')}/push`;
    const forged = await open(`${url}?ticket=push1.e30.AAAA`);
    expect(await forged.closed).toMatchObject({ code: 4401, reason: expect.stringMatching(/not valid/) });
    const none = await open(url);
    expect(await none.closed).toMatchObject({ code: 4401, reason: expect.stringMatching(/needs a ticket/) });

    const t = await agent.post<Ticket>('/push');
    await h.advance(61);
    const late = await open(`${t.url}?ticket=${t.ticket}`);
    expect(await late.closed).toMatchObject({ code: 4401, reason: expect.stringMatching(/expired/) });

    // A ticket of a session that has since logged out.
    const session = await h.as('1003');
    const fresh = await session.post<Ticket>('/push');
    await session.post('/auth/logout');
    const revoked = await open(`${fresh.url}?ticket=${fresh.ticket}`);
    expect(await revoked.closed).toMatchObject({ code: 4401, reason: expect.stringMatching(/log in again/) });

    const ok = await agent.post<Ticket>('/push');
    const chatty = await open(`${ok.url}?ticket=${ok.ticket}`);
    chatty.socket.send('hello');
    expect(await chatty.closed).toMatchObject({ code: 1003, reason: expect.stringMatching(/keepalive/) });
  });

  it('answers POST /api/push only with a session', async () => {
    const res = await fetch(`${h.stack.url}/api/push`, { method: 'POST' });
    expect(res.status).toBe(401);
  });
});
