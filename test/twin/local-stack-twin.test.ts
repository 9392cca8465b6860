// The twin inside the local stack: numbers wired through Twilio's REST API, a simulated call
// reaching the app's voice webhook, and the official client served at Twilio's paths under /twin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../functions/domain/manual-clock.js';
import { LOCAL_TWILIO } from '../../infra/local/local-config.js';
import { type LocalStack, startLocalStack } from '../../infra/local/start-local-stack.js';

let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack({ port: 0, clock: createManualClock(Date.parse('2026-03-02T02:00:00Z')) });
});
afterAll(() => stack.stop());

async function sim(method: string, path: string, body?: unknown) {
  const res = await fetch(`${stack.url}/sim${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('the twin in the local stack', () => {
  it('wires the demo hotline to the app through IncomingPhoneNumbers (docs/twilio-behaviour.md §1.1)', async () => {
    const [number] = await stack.twilio.incomingPhoneNumbers.list({ phoneNumber: '+18005550100' });
    expect(number?.voiceUrl).toBe(`${stack.url}/twilio/voice`);
    expect(number?.statusCallback).toBe(`${stack.url}/twilio/voice/status`);
    expect(number?.smsUrl).toBe(`${stack.url}/twilio/sms`);
  });

  it('plays the IVR greeting, by name, to a known caller placed through the simulation API', async () => {
    const placed = await sim('POST', '/calls', { from: '+8613800138000', to: '+18005550100' });
    expect(placed.status).toBe(201);
    const callSid = String(placed.body.callSid);
    await stack.twin.settle();
    const call = await sim('GET', `/calls/${callSid}`);
    const heard = call.body.heard as { verb: string; text?: string; language?: string }[];
    const customer = (await stack.store.customers.find({ by: 'phone', value: '+8613800138000' }))[0];
    expect(customer).toMatchObject({ name: '王建国', phones: expect.arrayContaining(['+8613800138000']) });
    expect(heard[0]).toMatchObject({ verb: 'say', language: 'cmn-CN' });
    expect(heard.map((h) => h.text).join(' ')).toContain(customer?.name ?? '?');
    // The IVR then waits at the main menu (flows/warranty.ts); the caller hangs up.
    expect(call.body).toMatchObject({ status: 'in-progress', waitingFor: 'input' });
    await sim('POST', `/calls/${callSid}/hangup`, {});
    await stack.twin.settle();
    const ended = await sim('GET', `/calls/${callSid}`);
    expect(ended.body.status).toBe('completed');
    // The app's webhook wrote the call record, keyed on the twin's CallSid (signature checked on the way).
    const record = await stack.store.calls.get(callSid);
    expect(record).toMatchObject({ from: '+8613800138000', to: '+18005550100', customerId: customer?.id });
    expect(record?.status).toBe('completed');
  });

  it('answers the official client at Twilio’s paths with Basic auth, and refuses a wrong token', async () => {
    const calls = await stack.twilio.calls.list({ limit: 5 });
    expect(calls.length).toBeGreaterThan(0);
    const ws = await stack.twilio.taskrouter.v1.workspaces.create({ friendlyName: 'probe' });
    expect(ws.sid).toMatch(/^WS[0-9a-f]{32}$/);
    const res = await fetch(
      `${stack.url}/twin/api/2010-04-01/Accounts/${LOCAL_TWILIO.accountSid}/Calls.json`,
      {
        headers: {
          authorization: `Basic ${Buffer.from(`${LOCAL_TWILIO.accountSid}:wrong`).toString('base64')}`,
        },
      },
    );
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 20003 });
  });

  it('advances the shared clock through the simulation API', async () => {
    const before = stack.clock.now();
    const res = await sim('POST', '/clock/advance', { ms: 30_000 });
    expect(res.status).toBe(200);
    expect(stack.clock.now()).toBe(before + 30_000);
  });
});
