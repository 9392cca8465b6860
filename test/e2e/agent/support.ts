// Drives the agent and supervisor API on the local stack like scripts acting as agents: sessions from
// POST /api/auth/login, the caller from the sim API, agents' clients as sim parties (answer, ring...), a
// manual clock advanced second by second with the presence sweeper on it.
import { WebSocket } from 'ws';
import { PUSH_AUDIENCE_CACHE_MS } from '../../../functions/app/push.js';
import { createManualClock, type ManualClock } from '../../../functions/domain/manual-clock.js';
import type { Clock } from '../../../functions/domain/ports.js';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack.js';

export const WARRANTY = '+18005550100';
export const JOHN_SMITH = '+14155550123'; // platinum, English: key 7 queues to general

export interface AgentHarness {
  readonly stack: LocalStack;
  readonly clock: ManualClock;
  /** A signed-in session for a demo user (password demo-<id>). */
  as(userId: string): Promise<Session>;
  /** Places a call from `from` and presses the keys (English menu 7 = general). */
  callGeneral(from?: string): Promise<string>;
  /** How `client:<id>` answers a ring: answer, ring (never answers), reject... */
  party(agentId: string, policy: 'answer' | 'ring' | 'reject' | 'no-answer'): Promise<void>;
  view(callSid: string): Promise<{ status: string; conferenceSid: string | null }>;
  hangup(callSid: string): Promise<void>;
  advance(seconds: number): Promise<void>;
  settle(): Promise<void>;
  stop(): Promise<void>;
}

export interface Session {
  get<T = Record<string, unknown>>(path: string): Promise<T>;
  post<T = Record<string, unknown>>(path: string, body?: unknown): Promise<T>;
  patch<T = Record<string, unknown>>(path: string, body: unknown): Promise<T>;
  put<T = Record<string, unknown>>(path: string, body: unknown): Promise<T>;
  /** The status and error code of a request expected to fail. */
  fail(path: string, body?: unknown): Promise<{ status: number; error: string }>;
}

/** `periodicJobs: false` keeps the presence sweep and due callbacks off (a test counting the work of a call). */
export async function startAgents(
  startIso = '2026-03-02T02:00:00Z',
  options: { readonly periodicJobs?: boolean; readonly cacheClock?: Clock } = {},
): Promise<AgentHarness> {
  const clock = createManualClock(Date.parse(startIso));
  const stack = await startLocalStack({
    port: 0,
    clock,
    demoData: true,
    periodicJobs: options.periodicJobs ?? true,
    ...(options.cacheClock ? { cacheClock: options.cacheClock } : {}),
  });
  const raw = async (path: string, init: RequestInit = {}) => fetch(`${stack.url}${path}`, init);
  const sim = async <T>(path: string, body?: unknown): Promise<T> => {
    const res = await raw(path, {
      method: body === undefined ? 'GET' : 'POST',
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const settle = () => stack.twin.settle();
  const h: AgentHarness = {
    stack,
    clock,
    async as(userId) {
      const { token } = await sim<{ token: string }>('/api/auth/login', {
        id: userId,
        password: `demo-${userId}`,
      });
      const send = async (method: string, path: string, body?: unknown) => {
        const res = await raw(`/api${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        await settle();
        return res;
      };
      const ok = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
        const res = await send(method, path, body);
        if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
        return (res.status === 204 ? {} : await res.json()) as T;
      };
      return {
        get: (path) => ok('GET', path),
        post: (path, body) => ok('POST', path, body ?? {}),
        patch: (path, body) => ok('PATCH', path, body),
        put: (path, body) => ok('PUT', path, body),
        async fail(path, body) {
          const res = await send('POST', path, body ?? {});
          const json = (await res.json().catch(() => ({}))) as { error?: string };
          return { status: res.status, error: json.error ?? '' };
        },
      };
    },
    async callGeneral(from = JOHN_SMITH) {
      const { callSid } = await sim<{ callSid: string }>('/sim/calls', { from, to: WARRANTY });
      await settle();
      await sim(`/sim/calls/${callSid}/input`, { digits: '7' });
      await settle();
      return callSid;
    },
    async party(agentId, policy) {
      await sim('/sim/parties', { address: `client:${agentId}`, policy });
    },
    view: (callSid) => sim(`/sim/calls/${callSid}`),
    async hangup(callSid) {
      await sim(`/sim/calls/${callSid}/hangup`, {});
      await settle();
    },
    async advance(seconds) {
      for (let left = seconds; left > 0; left -= 1) {
        await sim('/sim/clock/advance', { ms: 1000 });
        await settle();
      }
    },
    settle,
    stop: () => stack.stop(),
  };
  return h;
}

/** The change notices a page of `session`'s agent hears on the push channel, from the next audience read on. */
export async function listen(session: Session): Promise<{ topics: string[][]; close(): void }> {
  const t = await session.post<{ url: string; ticket: string }>('/push');
  const socket = new WebSocket(`${t.url}?ticket=${t.ticket}`);
  const topics: string[][] = [];
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString()) as { type: string; topics: string[] };
    if (message.type === 'changed') topics.push(message.topics);
  });
  await new Promise((resolve, reject) => socket.on('open', resolve).on('error', reject));
  await new Promise((r) => setTimeout(r, PUSH_AUDIENCE_CACHE_MS + 100));
  return { topics, close: () => socket.close() };
}
