// Benchmark: 200 simulated calls at once through the twin (sim API over HTTP) against a small webhook app on a
// real port: IVR greeting + Gather, a menu choice, an Enqueue with a wait document, then a Dial<Queue> agent leg
// per caller bridges them. Prints and writes bench-results/sim-calls.json: errors and per-webhook-step latency.
// Run alone: npx tsx test/bench/sim-calls.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import twilio from 'twilio';
import { createVoiceTwin } from '../../infra/local/twin/voice/create-voice-twin.js';
import { benchManualClock } from './bench-clock.js';

const CALLS = 200;
const account = { accountSid: `AC${'b'.repeat(32)}`, authToken: 'bench-token' };

export async function run(calls = CALLS) {
  let badSignatures = 0;
  const hooks = new Hono();
  const xml = (s: string) => `<Response>${s}</Response>`;
  hooks.post('*', async (c) => {
    const params = Object.fromEntries(new URLSearchParams(await c.req.text()));
    const url = `${hookBase}${new URL(c.req.url).pathname}`;
    if (!twilio.validateRequest(account.authToken, c.req.header('x-twilio-signature') ?? '', url, params))
      badSignatures++;
    const path = new URL(c.req.url).pathname;
    const body =
      path === '/voice'
        ? params.From?.startsWith('+agent')
          ? xml('<Dial action="/agent-done"><Queue>support</Queue></Dial>')
          : xml('<Gather numDigits="1" action="/menu"><Say language="cmn-CN">欢迎致电</Say></Gather>')
        : path === '/menu'
          ? xml('<Say>Connecting</Say><Enqueue waitUrl="/wait" action="/queued">support</Enqueue>')
          : path === '/wait'
            ? xml('<Say>Please hold</Say><Pause length="20"/>')
            : xml('<Hangup/>');
    return c.body(body, 200, { 'Content-Type': 'text/xml' });
  });
  const hookServer = serve({ fetch: hooks.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((r) => hookServer.once('listening', () => r()));
  const hookBase = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}`;

  const clock = benchManualClock();
  let twinBase = '';
  const twin = createVoiceTwin({ account, clock, baseUrl: () => twinBase });
  const root = new Hono().route('/sim', twin.sim);
  const twinServer = serve({ fetch: root.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((r) => twinServer.once('listening', () => r()));
  twinBase = `http://127.0.0.1:${(twinServer.address() as AddressInfo).port}`;
  twin.numbers.addNumber('+18005550100', { voiceUrl: `${hookBase}/voice` });

  const sim = async (path: string, body: unknown) => {
    const res = await fetch(`${twinBase}/sim${path}`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });
    return { status: res.status, body: (await res.json()) as Record<string, string> };
  };
  let errors = 0;
  const started = performance.now();
  // `listen: false`: on a manual clock the sim would play each caller's prompts out by moving the one
  // clock, and 200 callers moving it at once collide; keys reach the <Gather> while its <Say> plays.
  const callers = await Promise.all(
    Array.from({ length: calls }, async (_, i) => {
      const res = await sim('/calls', {
        from: `+8613800${String(i).padStart(6, '0')}`,
        to: '+18005550100',
        listen: false,
      });
      if (res.status !== 201) errors++;
      const sid = res.body.callSid as string;
      const pressed = await sim(`/calls/${sid}/input`, { digits: '1', listen: false });
      if (!pressed.body.accepted) errors++;
      return sid;
    }),
  );
  await clock.advance(20_000);
  await twin.idle();
  const agents = await Promise.all(
    callers.map(
      async (_, i) =>
        (await sim('/calls', { from: `+agent${i}`, to: '+18005550100' })).body.callSid as string,
    ),
  );
  await clock.advance(60_000);
  await Promise.all(agents.map((sid) => sim(`/calls/${sid}/hangup`, {})));
  await twin.idle();
  const wallMs = performance.now() - started;

  const bridged = callers.filter((sid) => twin.voice.calls.get(sid)?.status === 'completed').length;
  const steps = new Map<string, number[]>();
  for (const e of twin.log.all()) {
    if (e.kind === 'error') errors++;
    const d = e.detail as { direction?: string; url?: string; ms?: number } | undefined;
    if (d?.direction !== 'response' || d.ms === undefined || !d.url) continue;
    const step = new URL(d.url).pathname;
    steps.set(step, [...(steps.get(step) ?? []), d.ms]);
  }
  const pct = (xs: number[], p: number) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
  };
  const result = {
    calls,
    errors,
    badSignatures,
    completedCallers: bridged,
    wallMs: Math.round(wallMs),
    webhookSteps: Object.fromEntries(
      [...steps].map(([step, xs]) => [step, { requests: xs.length, p50Ms: pct(xs, 50), p99Ms: pct(xs, 99) }]),
    ),
  };
  console.log(JSON.stringify(result, null, 2));
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/sim-calls.json', `${JSON.stringify(result, null, 2)}\n`);
  await new Promise((r) => hookServer.close(r));
  await new Promise((r) => twinServer.close(r));
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  void run().then((r) => process.exit(r.errors || r.badSignatures ? 1 : 0));
}
