// Test harness for the Twilio twin: a small Hono app on a real port stands in for *our* webhooks (fixed TwiML per
// path, every request recorded with its X-Twilio-Signature checked by twilio's validateRequest), plus the twin
// itself (REST at /api, sim at /sim) on a manual clock, and the official client pointed at it.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import twilio from 'twilio';
import { createTwilioClient } from '../../../functions/adapters/twilio/client.js';
import { createManualClock } from '../../../functions/domain/manual-clock.js';
import { createVoiceTwin, type VoiceTwinOptions } from '../../../infra/local/twin/voice/create-voice-twin.js';

export const ACCOUNT = { accountSid: `AC${'a'.repeat(32)}`, authToken: 'test-token-12345' };
export const OUR_NUMBER = '+18005550100';
export const CALLER = '+8613800138000';

export interface Received {
  readonly path: string;
  readonly method: string;
  readonly params: Record<string, string>;
  readonly signatureValid: boolean;
  readonly url: string;
}

export type Reply =
  | string
  | {
      readonly status?: number;
      readonly body?: string;
      readonly contentType?: string;
      readonly delayMs?: number;
    };
export type Route = Reply | ((params: Record<string, string>) => Reply);

export async function startHarness(options: Partial<VoiceTwinOptions> = {}) {
  const received: Received[] = [];
  const routes = new Map<string, Route>();
  const hooks = new Hono();
  hooks.all('*', async (c) => {
    const url = new URL(c.req.url);
    const full = `${hookBase}${url.pathname}${url.search}`;
    const params: Record<string, string> = {};
    const signed: Record<string, string | string[]> = {};
    if (c.req.method === 'POST') {
      for (const [k, v] of new URLSearchParams(await c.req.text())) {
        params[k] = v;
        const prev = signed[k];
        signed[k] = prev === undefined ? v : [...(Array.isArray(prev) ? prev : [prev]), v];
      }
    }
    const query = Object.fromEntries(url.searchParams);
    const sig = c.req.header('x-twilio-signature') ?? '';
    const signatureValid = twilio.validateRequest(
      ACCOUNT.authToken,
      sig,
      full,
      c.req.method === 'POST' ? signed : {},
    );
    received.push({
      path: url.pathname,
      method: c.req.method,
      params: { ...query, ...params },
      signatureValid,
      url: full,
    });
    const route = routes.get(url.pathname);
    if (route === undefined) return c.text('no route', 404);
    const reply = typeof route === 'function' ? route({ ...query, ...params }) : route;
    const r = typeof reply === 'string' ? { body: reply } : reply;
    if (r.delayMs) await new Promise((res) => setTimeout(res, r.delayMs));
    return c.body(r.body ?? '<Response/>', (r.status ?? 200) as 200, {
      'Content-Type': r.contentType ?? 'text/xml',
    });
  });
  const hookServer = serve({ fetch: hooks.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => hookServer.once('listening', () => resolve()));
  const hookBase = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}`;

  const clock = createManualClock(Date.UTC(2026, 0, 5, 9, 0, 0));
  let twinBase = '';
  const twin = createVoiceTwin({
    account: ACCOUNT,
    clock,
    baseUrl: () => twinBase,
    webhookTimeoutMs: 400,
    ...options,
  });
  const root = new Hono();
  root.route('/api', twin.api);
  root.route('/sim', twin.sim);
  const twinServer = serve({ fetch: root.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => twinServer.once('listening', () => resolve()));
  twinBase = `http://127.0.0.1:${(twinServer.address() as AddressInfo).port}`;
  const client = createTwilioClient({ ...ACCOUNT, apiBaseUrl: twinBase });

  async function sim(path: string, body?: unknown) {
    const res = await fetch(`${twinBase}/sim${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    // biome-ignore lint/suspicious/noExplicitAny: tests read the sim's JSON loosely
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  }

  return {
    twin,
    clock,
    client,
    received,
    hookBase,
    twinBase: () => twinBase,
    url: (path: string) => `${hookBase}${path}`,
    route(path: string, reply: Route) {
      routes.set(path, reply);
    },
    /** Requests our webhooks received on `path`. */
    at: (path: string) => received.filter((r) => r.path === path),
    sim,
    /**
     * Configures OUR_NUMBER to `voicePath` (and extra settings) and places a call through the sim API. The sim
     * plays out the prompts outside a Gather on the frozen clock unless `listen` is false (timing tests).
     */
    async call(
      voicePath: string,
      extra: Parameters<typeof twin.numbers.addNumber>[1] = {},
      options: { readonly listen?: boolean } = {},
    ) {
      if (!twin.numbers.byNumber(OUR_NUMBER)) {
        twin.numbers.addNumber(OUR_NUMBER, { voiceUrl: `${hookBase}${voicePath}`, ...extra });
      }
      const res = await sim('/calls', { from: CALLER, to: OUR_NUMBER, ...options });
      return res.body.callSid as string;
    },
    view: async (sid: string) => (await sim(`/calls/${sid}`)).body,
    press: (sid: string, digits: string) => sim(`/calls/${sid}/input`, { digits }),
    say: (sid: string, speech: string) => sim(`/calls/${sid}/input`, { speech }),
    advance: (ms: number) => sim('/clock/advance', { ms }),
    async close() {
      // Drop kept-alive and timed-out sockets at once rather than waiting for them to idle out.
      for (const server of [hookServer, twinServer])
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      await new Promise((r) => hookServer.close(r));
      await new Promise((r) => twinServer.close(r));
    },
  };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;

export const xml = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?><Response>${inner}</Response>`;
