// Presence that cannot drift, on the local stack with a manual clock and the presence sweeper:
// a page that stops sending heartbeats leaves Available within 30 s (+ one sweep) and the call ringing it
// goes to another agent; a closed page (agent link gone) likewise, at once. No call is lost.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { routing } from '../../../flows/routing.js';
import { HEARTBEAT_TIMEOUT_SECONDS, SWEEP_EVERY_SECONDS } from '../../../functions/domain/agent-state.js';
import { type AgentHarness, type Session, startAgents } from './support.js';

interface Link {
  readonly socket: WebSocket;
  /** Resolves with the next message of this type (kept if it came before). */
  next(type: string): Promise<Record<string, unknown>>;
  /** Answers every ring from now on. */
  answerAll(): void;
  close(): Promise<void>;
}

let h: AgentHarness;
let a1002: Session;
let a1003: Session;
let sup: Session;

beforeAll(async () => {
  h = await startAgents();
  [a1002, a1003, sup] = [await h.as('1002'), await h.as('1003'), await h.as('2001')];
}, 60_000);
afterAll(() => h.stop());

async function link(session: Session): Promise<Link> {
  const { token, linkUrl } = await session.post<{ token: string; linkUrl: string }>('/agent/token');
  const socket = new WebSocket(`${linkUrl}?token=${encodeURIComponent(token)}`);
  const inbox: Record<string, unknown>[] = [];
  const waiters: { type: string; resolve: (m: Record<string, unknown>) => void }[] = [];
  let answering = false;
  socket.on('message', (data) => {
    const m = JSON.parse(String(data)) as Record<string, unknown>;
    if (answering && m.type === 'incoming')
      socket.send(JSON.stringify({ type: 'accept', callSid: m.callSid }));
    const i = waiters.findIndex((w) => w.type === m.type);
    if (i >= 0) waiters.splice(i, 1)[0]?.resolve(m);
    else inbox.push(m);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const l: Link = {
    socket,
    next(type) {
      const i = inbox.findIndex((m) => m.type === type);
      if (i >= 0) return Promise.resolve(inbox.splice(i, 1)[0] as Record<string, unknown>);
      return new Promise((resolve) => waiters.push({ type, resolve }));
    },
    answerAll() {
      answering = true;
      for (const m of inbox.filter((x) => x.type === 'incoming'))
        socket.send(JSON.stringify({ type: 'accept', callSid: m.callSid }));
    },
    close: () =>
      new Promise((resolve) => {
        socket.once('close', () => resolve());
        socket.close();
      }),
  };
  await l.next('ready');
  return l;
}

const state = async (s: Session) => (await s.get<{ state: string }>('/agent/me')).state;

/** Advances the clock second by second; 1003's page stays alive (a heartbeat every 10 s). */
async function advanceWith1003Alive(seconds: number, until?: () => Promise<boolean>): Promise<number> {
  for (let t = 1; t <= seconds; t += 1) {
    if (t % 10 === 0) await a1003.post('/agent/heartbeat');
    await h.advance(1);
    if (until && (await until())) return t;
  }
  return seconds;
}

describe('presence', () => {
  it('a frozen page misses its ring (Missed), the call goes to another agent; without heartbeats it goes Offline', async () => {
    const page1002 = await link(a1002);
    const page1003 = await link(a1003);
    page1003.answerAll();
    await a1002.post('/agent/state', { state: 'Available' }); // counts as a heartbeat, then none
    const sid = await h.callGeneral();
    expect(await page1002.next('incoming')).toMatchObject({ to: 'client:1002' });
    await a1003.post('/agent/state', { state: 'Available' });
    // 1002's page is frozen: it neither answers nor sends heartbeats.
    const left = await advanceWith1003Alive(
      HEARTBEAT_TIMEOUT_SECONDS + SWEEP_EVERY_SECONDS + 5,
      async () => (await state(a1002)) !== 'Available',
    );
    // The unanswered ring times out first: TaskRouter moves 1002 to Missed and offers the caller on.
    expect(left).toBeLessThanOrEqual(routing.ringSeconds + 1);
    expect(await state(a1002)).toBe('Missed');
    // Not the caller's own agent (20 s) nor in their region (15 s more): the language step offers it.
    await advanceWith1003Alive(45, async () => (await state(a1003)) === 'On call');
    expect(await state(a1003)).toBe('On call');
    expect((await a1003.get<{ call?: { callSid: string } }>('/agent/me')).call?.callSid).toBe(sid);
    // Clearing Missed counts as a heartbeat; with none after it the sweep takes the page Offline.
    await a1002.post('/agent/state', { state: 'Available' });
    const gone = await advanceWith1003Alive(
      HEARTBEAT_TIMEOUT_SECONDS + SWEEP_EVERY_SECONDS + 5,
      async () => (await state(a1002)) === 'Offline',
    );
    expect(gone).toBeLessThanOrEqual(HEARTBEAT_TIMEOUT_SECONDS + SWEEP_EVERY_SECONDS);
    const audit = await h.stack.store.audit.byActor('system');
    expect(audit.items.some((a) => a.action === 'presence.offline' && a.target === '1002')).toBe(true);
    // The supervisor's wallboard agrees.
    await h.advance(3);
    const board = await sup.get<{ agents: { agentId: string; state: string; online: boolean }[] }>(
      '/supervisor/wallboard',
    );
    expect(board.agents.find((a) => a.agentId === '1002')).toMatchObject({ state: 'Offline', online: false });
    await h.hangup(sid);
    await page1002.close();
    await page1003.close();
    await a1003.post('/agent/state', { state: 'Offline' }).catch(() => {});
  });

  it('a closed page leaves Available at once and the call ringing it goes to another agent', async () => {
    await h.advance(31); // 1003's wrap-up from the previous call ends
    const page1002 = await link(a1002);
    const page1003 = await link(a1003);
    page1003.answerAll();
    await a1002.post('/agent/state', { state: 'Available' });
    const sid = await h.callGeneral();
    expect(await page1002.next('incoming')).toMatchObject({ to: 'client:1002' });
    await a1003.post('/agent/state', { state: 'Available' });
    await page1002.close();
    await h.settle();
    // At once, before the ring's own timeout: the ringing reservation ended, a missed offer
    // (disconnected), and 1002 waits in Missed for when they come back.
    const me = await a1002.get<{ state: string; reservations: unknown[] }>('/agent/me');
    expect(me).toMatchObject({ state: 'Missed', reservations: [] });
    const missed = await a1002.get<{ items: { reason: string }[] }>('/agent/missed-calls');
    expect(missed.items[0]?.reason).toBe('disconnected');
    // The call waits for the next agent: 1003 is not the caller's own agent (20 s) nor in their region
    // (15 s more), then the language step offers it.
    await advanceWith1003Alive(45, async () => (await state(a1003)) === 'On call');
    expect(await state(a1003)).toBe('On call');
    expect((await a1003.get<{ call?: { callSid: string } }>('/agent/me')).call?.callSid).toBe(sid);
    await h.hangup(sid);
    await page1003.close();
  });
});
