// The two legs' status callbacks of an agent-to-agent call (functions/app/desk/internal-call.ts). Which
// call and agents they concern travels in the callback URL, which Twilio signs, so it cannot be altered.
import { type Context, Hono } from 'hono';
import type { Center } from '../../app/center.js';
import { onInternalCallStatus } from '../../app/desk/internal-call-status.js';
import { USER_ID_PATTERN } from '../../domain/model.js';
import type { TwilioEnv } from '../env.js';
import { invalidField } from '../errors.js';
import { requiredParam } from './params.js';

const ID = /^\d{1,16}$/;

function query(value: string | undefined, name: string, pattern: RegExp): string {
  if (!value || !pattern.test(value))
    throw invalidField(`query.${name}`, 'invalid-format', `must match ${pattern}`);
  return value;
}

const refOf = (c: Context<TwilioEnv>) => ({
  id: query(c.req.query('id'), 'id', ID),
  caller: query(c.req.query('caller'), 'caller', USER_ID_PATTERN),
  callee: query(c.req.query('callee'), 'callee', USER_ID_PATTERN),
});

export function createInternalCallApp(center: Center): Hono<TwilioEnv> {
  const app = new Hono<TwilioEnv>();
  app.post('/status', async (c) => {
    const leg = c.req.query('leg');
    if (leg !== 'caller' && leg !== 'callee')
      throw invalidField('query.leg', 'invalid-format', 'must be caller or callee');
    await onInternalCallStatus(center, refOf(c), leg, requiredParam(c.var.twilioParams, 'CallStatus'));
    return c.body(null, 204);
  });
  // The caller's <Dial> is over: its outcome is settled and the caller's leg hangs up.
  app.post('/dial-end', async (c) => {
    const status = requiredParam(c.var.twilioParams, 'DialCallStatus');
    await onInternalCallStatus(center, refOf(c), 'dial', status);
    return c.body('<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>', 200, {
      'Content-Type': 'text/xml; charset=utf-8',
    });
  });
  return app;
}
