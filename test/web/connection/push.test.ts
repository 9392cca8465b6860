// The page's push channel: a ticket per attempt, the phone flag, change notices passed on, a keep-alive
// on the server's schedule, reconnection with backoff (at once with a new ticket after a refusal), and
// nothing after stop.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openPushChannel, type PushTicket } from '../../../web/src/connection/push.js';

class Socket {
  static all: Socket[] = [];
  readonly OPEN = 1;
  readyState = 0;
  sent: string[] = [];
  closedWith: number | undefined;
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: ((e: { code: number }) => void) | null = null;
  constructor(readonly url: string) {
    Socket.all.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close(code: number) {
    this.closedWith = code;
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  drop(code: number) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

const last = () => Socket.all.at(-1) as Socket;

function channel(phone = true) {
  let n = 0;
  const tickets = vi.fn(
    async (): Promise<PushTicket> => ({ url: 'ws://h/push', ticket: `t${++n}`, keepaliveSeconds: 240 }),
  );
  const changed: string[][] = [];
  const states: boolean[] = [];
  const push = openPushChannel({
    ticket: tickets,
    phone,
    onChanged: (topics) => changed.push([...topics]),
    onState: (up) => states.push(up),
    socket: (url) => new Socket(url) as unknown as WebSocket,
    timers: {
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      now: () => Date.now(),
    },
  });
  return { push, tickets, changed, states };
}

describe('the push channel in the page', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    Socket.all = [];
  });
  afterEach(() => vi.useRealTimers());

  it('opens with a fresh ticket and the phone flag, passes change notices on, and keeps alive', async () => {
    const { changed, states } = channel(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(last().url).toBe('ws://h/push?ticket=t1&phone=1');
    last().open();
    expect(states).toEqual([true]);
    last().onmessage?.({ data: JSON.stringify({ type: 'changed', topics: ['me', 'queue'] }) });
    last().onmessage?.({ data: 'not json' });
    last().onmessage?.({ data: JSON.stringify({ type: 'other' }) });
    expect(changed).toEqual([['me', 'queue']]);
    // Once more a moment after opening: a publisher may not have known of the connection yet.
    await vi.advanceTimersByTimeAsync(3_000);
    expect(changed).toEqual([
      ['me', 'queue'],
      ['me', 'queue', 'voicemails', 'tasks', 'missed'],
    ]);
    await vi.advanceTimersByTimeAsync(236_000);
    expect(last().sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(last().sent).toEqual(['keepalive']);
    await vi.advanceTimersByTimeAsync(240_000);
    expect(last().sent).toEqual(['keepalive', 'keepalive']);
  });

  it('a read-only tab says it holds no phone', async () => {
    channel(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(last().url).toContain('&phone=0');
  });

  it('reconnects after a drop with backoff and a new ticket, and reports down then up', async () => {
    const { tickets, states } = channel();
    await vi.advanceTimersByTimeAsync(0);
    last().open();
    last().drop(1006);
    expect(states).toEqual([true, false]);
    await vi.advanceTimersByTimeAsync(500);
    expect(Socket.all).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(Socket.all).toHaveLength(2);
    expect(tickets).toHaveBeenCalledTimes(2);
    expect(last().url).toContain('ticket=t2');
    last().open();
    expect(states).toEqual([true, false, true]);
  });

  it('retries a refused ticket with a new one, backing off; nudge reconnects at once', async () => {
    const { push } = channel();
    await vi.advanceTimersByTimeAsync(0);
    last().drop(4401);
    await vi.advanceTimersByTimeAsync(1_250);
    expect(Socket.all).toHaveLength(2);
    expect(last().url).toContain('ticket=t2');
    last().drop(4401);
    await vi.advanceTimersByTimeAsync(1_500);
    expect(Socket.all).toHaveLength(2);
    push.nudge();
    await vi.advanceTimersByTimeAsync(0);
    expect(Socket.all).toHaveLength(3);
  });

  it('a ticket that cannot be had is asked for again later', async () => {
    const tickets = vi.fn().mockRejectedValueOnce(new Error('offline'));
    tickets.mockResolvedValue({ url: 'ws://h/push', ticket: 'tx', keepaliveSeconds: 240 });
    openPushChannel({
      ticket: tickets,
      phone: true,
      onChanged: () => {},
      onState: () => {},
      socket: (url) => new Socket(url) as unknown as WebSocket,
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(Socket.all).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1_500);
    expect(Socket.all).toHaveLength(1);
  });

  it('stop closes the socket and nothing reconnects', async () => {
    const { push, states } = channel();
    await vi.advanceTimersByTimeAsync(0);
    last().open();
    push.stop();
    expect(last().closedWith).toBe(1000);
    expect(states).toEqual([true, false]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(Socket.all).toHaveLength(1);
  });
});
