// Twilio's webhooks on a base URL of their own, as in AWS (the HTTP API's endpoint, skipping CloudFront):
// every URL the app hands Twilio (numbers, TaskRouter, TwiML actions, REST callbacks) starts with it, the
// signature is checked against it, and a number still wired to the public URL keeps working.
import { Hono } from 'hono';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../functions/domain/manual-clock.js';
import type { WebhookDeps } from '../../functions/http/deps.js';
import { verifyTwilioSignature } from '../../functions/http/twilio/signature.js';
import { type LocalStack, startLocalStack } from '../../infra/local/start-local-stack.js';
import { login } from './support.js';

const TOKEN = 'webhook-base-token';
const PUBLIC = 'https://cc.example.com';
const WEBHOOKS = 'https://abc123.execute-api.us-east-1.amazonaws.com';

describe('the signature check with a webhook base', () => {
  const app = new Hono()
    .use(
      verifyTwilioSignature({
        config: { publicBaseUrl: PUBLIC, webhookBaseUrl: WEBHOOKS },
        secrets: { twilioAuthToken: TOKEN },
      } as unknown as WebhookDeps),
    )
    .post('/twilio/voice', (c) => c.text('<Response/>'));
  const params = { CallSid: `CA${'2'.repeat(32)}`, From: '+14155550123' };
  const post = (signedFor: string) =>
    app.request('http://internal.host/twilio/voice?x=1', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': getExpectedTwilioSignature(TOKEN, `${signedFor}/twilio/voice?x=1`, params),
      },
      body: new URLSearchParams(params).toString(),
    });

  it('accepts a request Twilio signed for the webhook base', async () => {
    expect((await post(WEBHOOKS)).status).toBe(200);
  });

  it('accepts one signed for the public base: a number wired before the move', async () => {
    expect((await post(PUBLIC)).status).toBe(200);
  });

  it('refuses one signed for any other base', async () => {
    const res = await post('https://attacker.example.net');
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: 'forbidden' });
  });
});

describe('a call and a text with Twilio pointed at the webhook base', () => {
  const webhookBase = 'http://api.webhooks.invalid:8443';
  let stack: LocalStack;

  beforeAll(async () => {
    const clock = createManualClock(Date.parse('2026-03-02T02:00:00Z'));
    stack = await startLocalStack({
      port: 0,
      clock,
      demoData: true,
      inProcess: true,
      webhookBaseUrl: webhookBase,
    });
  }, 60_000);
  afterAll(() => stack?.stop());

  const api = async (method: string, path: string, body: unknown, token?: string) => {
    const res = await fetch(`${stack.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    expect(res.status, `${path}: ${await res.clone().text()}`).toBeLessThan(300);
    await stack.twin.settle();
    return (await res.json()) as Record<string, unknown>;
  };

  it('sends every webhook there, each accepted, and none through the public URL', async () => {
    const mark = stack.twin.voice.log.all().length;
    await api('POST', '/sim/parties', { address: 'client:1002', policy: 'answer' });
    const token = await login(stack.url, '1002', 'demo-1002');
    await api('POST', '/api/agent/state', { state: 'Available' }, token);
    // John Smith: key 7 in the English menu queues to general, where 1002 waits and answers.
    const { callSid } = await api('POST', '/sim/calls', { from: '+14155550123', to: '+18005550100' });
    await api('POST', `/sim/calls/${callSid}/input`, { digits: '7' });
    expect(stack.twin.voice.voice.calls.get(String(callSid))?.conferenceSid).toBeTruthy();
    await api('POST', '/sim/clock/advance', { ms: 60_000 });
    await api('POST', '/api/agent/call/hangup', {}, token);
    await api('POST', '/api/agent/wrap-up/end', {}, token);
    await api('POST', '/sim/messages', { from: '+14155550123', to: '+18005550100', body: 'hello' });
    await stack.channels.queue.idle();
    await stack.twin.settle();

    const responses = stack.twin.voice.log
      .all()
      .slice(mark)
      .map((e) => e.detail as { direction?: string; url?: string; status?: number } | undefined)
      .filter((d) => d?.direction === 'response' && d.url);
    const paths = new Set(responses.map((d) => new URL(d?.url ?? '').pathname));
    // The number's voice URL, the IVR's actions, TaskRouter's assignment and events, the conference's
    // and the recording's status callbacks: all of them given to Twilio by the app.
    for (const path of ['/twilio/voice', '/twilio/taskrouter/assignment', '/twilio/taskrouter/events'])
      expect(paths, path).toContain(path);
    expect([...paths].some((p) => p.startsWith('/twilio/ivr/'))).toBe(true);
    expect(responses.filter((d) => !d?.url?.startsWith(`${webhookBase}/`))).toEqual([]);
    expect(responses.filter((d) => (d?.status ?? 0) >= 400)).toEqual([]);
  }, 60_000);
});
