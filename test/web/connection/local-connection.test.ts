// The local connection against a fake WebSocket: the wire format of infra/local/twin/agent-link/messages.ts
// becomes the shared events, reconnection uses backoff and a fresh token, a silent socket is dropped,
// and the token is refreshed before it expires.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLocalConnection, linkUrl } from '../../../web/src/connection/local-connection.js';
import type { AgentToken, ConnectionEvent } from '../../../web/src/connection/types.js';
import { FakeSocket, token } from './fakes.js';

const HOUR = 3_600_000;

function setup(first: AgentToken = token(0, HOUR), pingMs = 20_000) {
  let n = 0;
  const fetchToken = vi.fn(async () => token(++n, HOUR));
  const events: ConnectionEvent[] = [];
  const connection = createLocalConnection({
    token: first,
    fetchToken,
    origin: 'ws://127.0.0.1:3000',
    openSocket: (url) => new FakeSocket(url),
    backoff: { jitter: 0 },
    pingMs,
  });
  connection.on((e) => events.push(e));
  const socket = () => FakeSocket.all.at(-1) as FakeSocket;
  const states = () => events.filter((e) => e.type === 'state').map((e) => (e as { state: string }).state);
  return { connection, events, fetchToken, socket, states };
}

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.all = [];
});
afterEach(() => vi.useRealTimers());

describe('local connection', () => {
  it('connects with the token in the URL and is online after ready', async () => {
    const { connection, socket, states } = setup();
    await connection.start();
    expect(socket().url).toBe(
      'ws://127.0.0.1:3000/twin/agent-link?token=jwt-0&setWorkerOfflineIfDisconnected=false',
    );
    expect(connection.state).toBe('connecting');
    socket().open();
    expect(connection.state).toBe('online');
    expect(states()).toEqual(['connecting', 'online']);
    expect(connection.mode).toBe('local');
    expect(connection.identity).toBe('agent_1001');
  });

  it('maps every server message to the shared events', async () => {
    const { connection, socket, events } = setup();
    await connection.start();
    socket().open();
    const callSid = `CA${'1'.repeat(32)}`;
    socket().receive({
      type: 'incoming',
      callSid,
      from: '+8613800138000',
      to: 'client:agent_1001',
      parameters: { lang: 'zh' },
    });
    socket().receive({ type: 'connected', callSid });
    socket().receive({ type: 'bridged', callSid, peerCallSid: `CA${'2'.repeat(32)}` });
    socket().receive({ type: 'disconnected', callSid });
    socket().receive({ type: 'ring-ended', callSid, outcome: 'canceled' });
    socket().receive({
      type: 'reservation',
      event: 'created',
      reservationSid: 'WR1',
      taskSid: 'WT1',
      taskQueueSid: 'WQ1',
      taskAttributes: { customerId: 'C1', vip: 'gold' },
    });
    socket().receive({
      type: 'reservation',
      event: 'bogus',
      reservationSid: 'WR1',
      taskSid: 'WT1',
      taskAttributes: {},
    });
    socket().receive({ type: 'activity', activitySid: 'WA1', activityName: 'Wrap-up' });
    socket().receive({ type: 'error', message: 'call CA… is not ringing you' });
    socket().onmessage?.({ data: 'not json' });
    expect(events.filter((e) => e.type !== 'state')).toEqual([
      {
        type: 'incoming',
        call: { callSid, from: '+8613800138000', to: 'client:agent_1001', parameters: { lang: 'zh' } },
      },
      { type: 'connected', callSid },
      { type: 'disconnected', callSid },
      { type: 'ring-ended', callSid, outcome: 'canceled' },
      {
        type: 'reservation',
        event: 'created',
        reservationSid: 'WR1',
        taskSid: 'WT1',
        taskAttributes: { customerId: 'C1', vip: 'gold' },
      },
      { type: 'activity', activityName: 'Wrap-up' },
      { type: 'error', message: 'call CA… is not ringing you' },
    ]);
  });

  it('sends accept, reject and hangup as the agent link expects', async () => {
    const { connection, socket } = setup();
    await connection.start();
    socket().open();
    connection.accept('CA1');
    connection.reject('CA2');
    connection.hangup('CA3');
    expect(socket().sent).toEqual([
      { type: 'accept', callSid: 'CA1' },
      { type: 'reject', callSid: 'CA2' },
      { type: 'hangup', callSid: 'CA3' },
    ]);
  });

  it('reconnects with growing delays and a fresh token each time, and resets after success', async () => {
    const { connection, socket, fetchToken, states } = setup();
    await connection.start();
    socket().open();
    socket().drop();
    expect(connection.state).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(999);
    expect(FakeSocket.all).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeSocket.all).toHaveLength(2);
    expect(socket().token).toBe('jwt-1');
    socket().drop(); // refused again: now 2 s
    await vi.advanceTimersByTimeAsync(1999);
    expect(FakeSocket.all).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeSocket.all).toHaveLength(3);
    expect(socket().token).toBe('jwt-2');
    socket().open();
    expect(connection.state).toBe('online');
    socket().drop(); // after a success the delay starts at 1 s again
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeSocket.all).toHaveLength(4);
    expect(fetchToken).toHaveBeenCalledTimes(3);
    expect(states()).toEqual(['connecting', 'online', 'reconnecting', 'online', 'reconnecting']);
  });

  it('keeps retrying when the token endpoint fails, without opening a socket', async () => {
    const { connection, socket, fetchToken } = setup();
    await connection.start();
    socket().open();
    fetchToken.mockRejectedValueOnce(new Error('503'));
    socket().drop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeSocket.all).toHaveLength(1);
    expect(connection.state).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(2000);
    expect(FakeSocket.all).toHaveLength(2);
  });

  it('drops a socket that stops answering pings and reconnects', async () => {
    const { connection, socket } = setup();
    await connection.start();
    socket().open();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(socket().sent).toEqual([{ type: 'ping' }]);
    socket().receive({ type: 'pong', at: 1 });
    await vi.advanceTimersByTimeAsync(20_000);
    expect(socket().sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(10_000); // no pong this time
    expect(FakeSocket.all[0]?.closedWith).toBe(4000);
    expect(connection.state).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeSocket.all).toHaveLength(2);
  });

  it('refreshes the token a minute before it expires, so a later reconnect presents a valid one', async () => {
    const { connection, socket, fetchToken } = setup(token(0, 5 * 60_000), 10 * HOUR);
    await connection.start();
    socket().open();
    await vi.advanceTimersByTimeAsync(4 * 60_000 - 1);
    expect(fetchToken).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    // The next refresh is scheduled from the new token's expiry (an hour later), not in a loop.
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(FakeSocket.all).toHaveLength(1); // the open socket is kept
  });

  it('reconnects at once when nudged (tab visible again, network back)', async () => {
    const { connection, socket } = setup();
    await connection.start();
    socket().open();
    socket().drop();
    connection.nudge();
    await vi.advanceTimersByTimeAsync(0);
    expect(FakeSocket.all).toHaveLength(2);
  });

  it('stops for good: closes the socket, no reconnect, no refresh', async () => {
    const { connection, socket, fetchToken } = setup();
    await connection.start();
    socket().open();
    connection.stop();
    expect(socket().closedWith).toBe(1000);
    expect(connection.state).toBe('offline');
    await vi.advanceTimersByTimeAsync(2 * HOUR);
    expect(FakeSocket.all).toHaveLength(1);
    expect(fetchToken).not.toHaveBeenCalled();
  });

  it('builds the link URL from a path or an absolute URL', () => {
    expect(linkUrl(token(7, HOUR), 'ws://localhost:3000')).toBe(
      'ws://localhost:3000/twin/agent-link?token=jwt-7&setWorkerOfflineIfDisconnected=false',
    );
    expect(linkUrl({ ...token(7, HOUR), linkUrl: 'http://h:9/twin/agent-link' }, 'ws://x')).toBe(
      'ws://h:9/twin/agent-link?token=jwt-7&setWorkerOfflineIfDisconnected=false',
    );
  });
});
