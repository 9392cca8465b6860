// The webhook function's bundle, as deployed, answering Twilio's form posts the way API Gateway hands them
// over: signed against the public URL, base64 body, CloudFront's origin secret beside them. An incoming call
// gets the number's IVR and leaves its call record in the table; a bad signature is refused before any
// webhook runs.
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendars } from '../../../flows/calendar.js';
import { flows } from '../../../flows/index.js';
import { checkOpen } from '../../../functions/domain/ivr/hours.js';
import { LOCAL_TWILIO } from '../../../infra/local/local-config.js';
import { type BundleRun, runBundle, WEBHOOK_BASE_URL } from './bundle-harness.js';
import { bodyOf, type HttpApiResult, httpApiEvent } from './lambda-events.js';

let run: BundleRun;
beforeAll(async () => {
  run = await runBundle('Webhooks');
});
const invoke = (event: unknown) => run.container.invoke<HttpApiResult>(event);
afterAll(() => run?.stop());

const ROUTE = 'ANY /twilio/{proxy+}';

/** A Twilio form post to `path`, straight to the HTTP API, signed with `authToken` over its URL as Twilio signs it. */
function twilioPost(path: string, params: Record<string, string>, authToken: string) {
  const signature = twilio.getExpectedTwilioSignature(authToken, `${WEBHOOK_BASE_URL}${path}`, params);
  return httpApiEvent(
    {
      method: 'POST',
      path,
      routeKey: ROUTE,
      body: new URLSearchParams(params).toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': signature,
        'user-agent': 'TwilioProxy/1.1',
        'i-twilio-idempotency-token': crypto.randomUUID(),
      },
    },
    new URL(WEBHOOK_BASE_URL).host,
  );
}

/** Whether the number's flow is open at `nowMs` (its hours and holiday calendar). */
function lineOpenAt(number: string, nowMs: number): boolean {
  const entry = run.env.HOTLINES?.split(',').find((e) => e.startsWith(`${number}=`));
  const flow = flows[entry?.split('=')[1] ?? ''];
  if (!flow) throw new Error(`no flow for ${number} in HOTLINES`);
  const calendar = flow.calendar ? calendars[flow.calendar as keyof typeof calendars] : undefined;
  return checkOpen(flow.hours, calendar, flow.timeZone, nowMs).open;
}

/** An incoming call to the deploy's first number (its HOTLINES entry), as Twilio posts it. */
function incomingCall(callSid: string): Record<string, string> {
  const [hotline = ''] = run.env.HOTLINES?.split(',')[0]?.split('=') ?? [];
  return {
    AccountSid: run.env.TWILIO_ACCOUNT_SID ?? '',
    ApiVersion: '2010-04-01',
    CallSid: callSid,
    CallStatus: 'ringing',
    Called: hotline,
    Caller: '+8613800138000',
    Direction: 'inbound',
    From: '+8613800138000',
    FromCountry: 'CN',
    To: hotline,
    ToCountry: 'CN',
  };
}

/** The value the harness stored in the auth token's secret. */
const tokenValue = () => LOCAL_TWILIO.authToken;

describe('webhooks bundle', () => {
  it('was given the deploy numbers and secret ids, and read its secrets from Secrets Manager at init', () => {
    expect(run.env.HOTLINES).toBe('+8640012345678=warranty,+862161234567=rescue');
    expect(run.aws.secretReads).toEqual(
      expect.arrayContaining([run.env.TWILIO_AUTH_TOKEN_SECRET_ID, run.env.SESSION_KEY_SECRET_ID]),
    );
  });

  it('answers a signed incoming call with the number’s IVR and records the call', async () => {
    const callSid = `CA${'7'.repeat(32)}`;
    const params = incomingCall(callSid);
    const result = await invoke(twilioPost('/twilio/voice', params, tokenValue()));
    expect(result.statusCode).toBe(200);
    expect(result.headers['content-type']).toMatch(/^text\/xml/);
    const twiml = bodyOf(result);
    expect(twiml).toMatch(/^<\?xml[^>]*\?>\s*<Response>/);
    // The flow's next step is a webhook on the HTTP API's own URL: Twilio comes back without CloudFront.
    expect(twiml).toContain(`${WEBHOOK_BASE_URL}/twilio/`);
    // The deployed function runs on the wall clock: the line's menu in its hours, its voicemail outside.
    expect(twiml).toContain(lineOpenAt(params.To ?? '', Date.now()) ? '<Gather' : '<Record');
    expect(await run.stack.store.calls.get(callSid)).toMatchObject({
      callSid,
      direction: 'inbound',
      from: params.From,
      to: params.To,
    });
    // One JSON line per webhook, keyed by the CallSid, with the invocation's context: the first one cold.
    const line = run.container.jsonLogs().find((l) => l?.message === 'twilio webhook');
    expect(line).toMatchObject({
      level: 'INFO',
      callSid,
      path: '/twilio/voice',
      status: 200,
      cold_start: true,
    });
  });

  it('refuses a post signed with another token with 403, and records nothing', async () => {
    const callSid = `CA${'8'.repeat(32)}`;
    const event = twilioPost('/twilio/voice', incomingCall(callSid), 'not-the-account-auth-token');
    const result = await invoke(event);
    expect(result.statusCode).toBe(403);
    expect(JSON.parse(bodyOf(result))).toMatchObject({ error: 'forbidden' });
    expect(await run.stack.store.calls.get(callSid)).toBeUndefined();
  });

  it('refuses a signed post whose body was changed on the way', async () => {
    const callSid = `CA${'9'.repeat(32)}`;
    const event = twilioPost('/twilio/voice', incomingCall(callSid), tokenValue()) as { body: string };
    const tampered = new URLSearchParams(Buffer.from(event.body, 'base64').toString('utf8'));
    tampered.set('From', '+8613900139000');
    event.body = Buffer.from(tampered.toString()).toString('base64');
    const result = await invoke(event);
    expect(result.statusCode).toBe(403);
    expect(await run.stack.store.calls.get(callSid)).toBeUndefined();
  });
});
