// The local stack's in-process paths against the HTTP they replace: a webhook handed to a handler in
// process carries the bytes and signature it would carry over a socket, the twin's time limit still holds,
// and with `inProcess: false` a call still goes through the IVR to an agent over real localhost HTTP.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../functions/domain/manual-clock.js';
import type { WebhookDeps } from '../../functions/http/deps.js';
import { verifyTwilioSignature } from '../../functions/http/twilio/signature.js';
import { inProcessFetch } from '../../infra/local/in-process-fetch.js';
import { startLocalStack } from '../../infra/local/start-local-stack.js';
import { createTwinLog } from '../../infra/local/twin/webhooks/twin-log.js';
import { createWebhookSender, WebhookErrors } from '../../infra/local/twin/webhooks/webhook-sender.js';
import { login } from './support.js';

const ACCOUNT = { accountSid: `AC${'a'.repeat(32)}`, authToken: 'in-process-token' };
const PARAMS = { CallSid: `CA${'1'.repeat(32)}`, SpeechResult: '你好 & a=b+c', Tags: ['b', 'a'] };

interface Seen {
  readonly signature: string | undefined;
  readonly body: Buffer;
  readonly via: 'http' | 'in-process';
}

describe('a webhook handed over in process', () => {
  const seen: Seen[] = [];
  let server: Server;
  let base = '';
  let sockets = 0;
  // The app's own signature check, behind a recorder of the raw request.
  const appFor = (via: Seen['via']) =>
    new Hono()
      .use(async (c, next) => {
        const body = Buffer.from(await c.req.raw.clone().arrayBuffer());
        seen.push({ signature: c.req.header('x-twilio-signature'), body, via });
        await next();
      })
      .use(
        verifyTwilioSignature({
          // Read late: the HTTP server's app is built before its port is known.
          config: {
            get publicBaseUrl() {
              return base;
            },
            get webhookBaseUrl() {
              return base;
            },
          },
          secrets: { twilioAuthToken: ACCOUNT.authToken },
        } as unknown as WebhookDeps),
      )
      .post('/twilio/voice', (c) => c.text('<Response/>', 200, { 'content-type': 'text/xml' }));

  beforeAll(async () => {
    server = createServer(getRequestListener(appFor('http').fetch));
    server.on('request', () => sockets++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const sender = (fetch: typeof globalThis.fetch, authToken = ACCOUNT.authToken, timeoutMs = 2_000) =>
    createWebhookSender({
      account: { ...ACCOUNT, authToken },
      log: createTwinLog({ clock: createManualClock(0) }),
      timeoutMs,
      fetch,
    });
  const send = (s: ReturnType<typeof sender>) =>
    s.send({ url: `${base}/twilio/voice?x=1`, method: 'POST', params: PARAMS, correlationId: 'c' });

  it('carries the signature the app accepts and the body bytes sent over HTTP', async () => {
    const local = inProcessFetch([{ prefix: `${base}/`, handle: (r) => appFor('in-process').fetch(r) }]);
    // A route for another origin: this sender's request falls through to a real socket.
    const wire = inProcessFetch([{ prefix: 'http://elsewhere.invalid/', handle: () => new Response() }]);
    seen.length = 0;
    const before = sockets;
    const overHttp = await send(sender(wire));
    const inProcess = await send(sender(local));
    expect(sockets - before).toBe(1);
    expect(overHttp).toMatchObject({ ok: true, status: 200, body: '<Response/>' });
    expect(inProcess).toMatchObject({ ok: true, status: 200, body: '<Response/>' });
    const [http, direct] = seen;
    expect(http?.via).toBe('http');
    expect(direct?.via).toBe('in-process');
    expect(direct?.signature).toBe(http?.signature);
    expect(direct?.body.equals(http?.body ?? Buffer.alloc(0))).toBe(true);
    expect(direct?.body.toString()).toContain('SpeechResult=%E4%BD%A0%E5%A5%BD');
  });

  it('is refused by the same check when signed with another token', async () => {
    const local = inProcessFetch([{ prefix: `${base}/`, handle: (r) => appFor('in-process').fetch(r) }]);
    expect(await send(sender(local, 'not-the-token'))).toMatchObject({ ok: false, status: 403 });
  });

  it('fails like a closed port once the stack stops taking requests', async () => {
    let open = true;
    const local = inProcessFetch(
      [{ prefix: `${base}/`, handle: (r) => appFor('in-process').fetch(r) }],
      () => open,
    );
    expect(await send(sender(local))).toMatchObject({ ok: true });
    open = false;
    expect(await send(sender(local))).toMatchObject({
      ok: false,
      errorCode: WebhookErrors.connectionFailure,
    });
  });

  it('fails at the time limit like a connection that never answers', async () => {
    const hung = inProcessFetch([{ prefix: `${base}/`, handle: () => new Promise<Response>(() => {}) }]);
    const result = await send(sender(hung, ACCOUNT.authToken, 50));
    expect(result).toMatchObject({ ok: false, errorCode: WebhookErrors.connectionFailure });
  });
});

describe('a call through the IVR to an agent', () => {
  it.each([
    { inProcess: false, over: 'real localhost HTTP' },
    { inProcess: true, over: 'no socket' },
  ])(
    'with inProcess: $inProcess, webhooks and REST requests go over $over',
    async ({ inProcess }) => {
      const original = globalThis.fetch;
      const overHttp = { webhooks: 0, rest: 0 };
      // Installed before the stack starts, so the twin's webhook sender takes this fetch as its default.
      globalThis.fetch = ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        if (url.pathname.startsWith('/twilio/')) overHttp.webhooks++;
        if (url.pathname.startsWith('/twin/')) overHttp.rest++;
        return original(input, init);
      }) as typeof fetch;
      const clock = createManualClock(Date.parse('2026-03-02T02:00:00Z'));
      const stack = await startLocalStack({ port: 0, clock, demoData: true, inProcess }).finally(() => {
        globalThis.fetch = original;
      });
      try {
        const sim = async (path: string, body: unknown) => {
          const res = await fetch(`${stack.url}/sim${path}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          });
          expect(res.status, path).toBeLessThan(300);
          await stack.twin.settle();
          return (await res.json()) as Record<string, unknown>;
        };
        await sim('/parties', { address: 'client:1002', policy: 'answer' });
        const token = await login(stack.url, '1002', 'demo-1002');
        const state = await fetch(`${stack.url}/api/agent/state`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ state: 'Available' }),
        });
        expect(state.status, await state.text()).toBeLessThan(300);
        // John Smith, a platinum customer: key 7 in the English menu queues to general, where 1002 waits.
        const { callSid } = await sim('/calls', { from: '+14155550123', to: '+18005550100' });
        await sim(`/calls/${callSid}/input`, { digits: '7' });
        const call = stack.twin.voice.voice.calls.get(String(callSid));
        expect(call?.conferenceSid).toBeTruthy();
        // The official client (provisioning, agents' workers) uses its own HTTP client when not in process.
        if (inProcess) expect(overHttp).toEqual({ webhooks: 0, rest: 0 });
        else {
          expect(overHttp.webhooks).toBeGreaterThan(3);
          expect(overHttp.rest).toBeGreaterThan(0);
        }
      } finally {
        await stack.stop();
      }
    },
    60_000,
  );
});
