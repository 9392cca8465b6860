// The webhook function's log: one JSON line per Twilio webhook, keyed by the CallSid (or the message's,
// task's... SID), with what happened and how long it took, never the caller's number or speech; refused
// and failing requests too. Built as the Lambda entry builds it (functions/handlers/twilio-webhooks.ts).

import { Hono } from 'hono';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TwilioEnv } from '../../functions/http/env.js';
import { verifyTwilioSignature } from '../../functions/http/twilio/signature.js';
import { createTwilioApp } from '../../functions/http/twilio/twilio-app.js';
import { correlationIdOf, webhookLog } from '../../functions/http/twilio/webhook-log.js';
import { createCapturingLogger } from '../support/capturing-logger.js';
import { createHarness, type Harness, PUBLIC_BASE_URL, TWILIO_TOKEN } from './harness.js';

const CALL = `CA${'1'.repeat(32)}`;
const CALLER = '+8613800138000';

describe('webhook log', () => {
  let h: Harness;
  let lines: Record<string, unknown>[];
  let app: Hono<TwilioEnv>;
  beforeAll(async () => {
    h = await createHarness();
    const logger = createCapturingLogger();
    lines = logger.lines;
    app = new Hono<TwilioEnv>()
      .use('/twilio/*', webhookLog(logger))
      .route('/twilio', createTwilioApp({ ...h.deps, logger }));
  });
  afterAll(() => h.stop());

  const post = (path: string, params: Record<string, string>, signed = true, target = app) =>
    target.request(`http://lambda.internal${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(signed
          ? {
              'x-twilio-signature': getExpectedTwilioSignature(
                TWILIO_TOKEN,
                `${PUBLIC_BASE_URL}${path}`,
                params,
              ),
            }
          : {}),
      },
      body: new URLSearchParams(params).toString(),
    });

  it('logs each webhook once with the CallSid as correlation id, and no number or speech', async () => {
    lines.length = 0;
    const res = await post('/twilio/voice/status', {
      CallSid: CALL,
      CallStatus: 'completed',
      From: CALLER,
      To: '+18005550100',
      SpeechResult: '我的车坏了',
      AccountSid: `AC${'0'.repeat(32)}`,
    });
    expect(res.status).toBeLessThan(300);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'info',
      msg: 'twilio webhook',
      correlationId: CALL,
      callSid: CALL,
      path: '/twilio/voice/status',
      status: res.status,
      CallStatus: 'completed',
    });
    expect(typeof lines[0]?.ms).toBe('number');
    expect(JSON.stringify(lines)).not.toContain(CALLER);
    expect(JSON.stringify(lines)).not.toContain('我的车坏了');
  });

  it('logs a refused (unsigned) request as a warning without a correlation id', async () => {
    lines.length = 0;
    const res = await post('/twilio/voice/status', { CallSid: CALL, CallStatus: 'completed' }, false);
    expect(res.status).toBe(403);
    expect(lines).toEqual([
      expect.objectContaining({ level: 'warn', status: 403, path: '/twilio/voice/status' }),
    ]);
    expect(lines[0]).not.toHaveProperty('correlationId');
  });

  it('puts the correlation keys on whatever else the webhook logs, and takes them off after it', async () => {
    const logger = createCapturingLogger();
    const probe = new Hono<TwilioEnv>()
      .use('/twilio/*', webhookLog(logger))
      .use('/twilio/*', verifyTwilioSignature(h.deps))
      .post('/twilio/probe', (c) => {
        logger.warn('inside the webhook', { step: 1 });
        return c.body(null, 204);
      });
    const res = await post('/twilio/probe', { TaskSid: 'WT1', CallSid: CALL, From: CALLER }, true, probe);
    expect(res.status).toBe(204);
    logger.info('between requests');
    expect(logger.lines).toEqual([
      expect.objectContaining({
        level: 'warn',
        msg: 'inside the webhook',
        correlationId: CALL,
        callSid: CALL,
      }),
      expect.objectContaining({ level: 'info', msg: 'twilio webhook', correlationId: CALL, status: 204 }),
      { level: 'info', msg: 'between requests' },
    ]);
    expect(JSON.stringify(logger.lines)).not.toContain(CALLER);
  });

  it('picks the most specific SID there is', () => {
    expect(correlationIdOf({ TaskSid: 'WT1', CallSid: 'CA1' })).toBe('CA1');
    expect(correlationIdOf({ MessageSid: 'SM1', AccountSid: 'AC1' })).toBe('SM1');
    expect(correlationIdOf({ TaskSid: 'WT1', ReservationSid: 'WR1' })).toBe('WT1');
    expect(correlationIdOf({ CallSid: ['CA2', 'CA3'] })).toBe('CA2');
    expect(correlationIdOf(undefined)).toBeUndefined();
  });
});
