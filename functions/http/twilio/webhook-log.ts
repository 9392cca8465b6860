// One structured log line per Twilio webhook, keyed by the call (or message, task, recording) it is about,
// so every step of one call can be found together in the logs: `correlationId` is the CallSid when there
// is one, appended to the logger's keys for the whole request, so whatever else the webhook logs carries it
// too. The Lambda entry mounts it (functions/handlers/twilio-webhooks.ts); the local stack does not, to
// keep `npm start` readable. Parameters are never logged whole: they carry callers' numbers and speech.
import type { Context, MiddlewareHandler } from 'hono';
import type { LogFields, Logger } from '../../domain/logger.js';
import type { TwilioEnv, TwilioParams } from '../env.js';
import { parseForm } from './signature.js';

/** Which SID names what a webhook is about, most specific to the caller first. */
const CORRELATION_KEYS = [
  'CallSid',
  'MessageSid',
  'SmsSid',
  'FaxSid',
  'TaskSid',
  'ReservationSid',
  'RecordingSid',
];
/** Safe, useful fields copied when present: what happened, never who or what was said. */
const DETAIL_KEYS = ['CallStatus', 'StatusCallbackEvent', 'EventType', 'DialCallStatus', 'RecordingStatus'];

function first(params: TwilioParams | undefined, key: string): string | undefined {
  const value = params?.[key];
  return typeof value === 'string' ? value : value?.[0];
}

/** The SID that ties this webhook to a call (or message, task...), if the request has one. */
export function correlationIdOf(params: TwilioParams | undefined): string | undefined {
  for (const key of CORRELATION_KEYS) {
    const value = first(params, key);
    if (value) return value;
  }
  return undefined;
}

/**
 * Read from the form before the signature check runs, so they are in place for everything the webhook
 * logs. The check itself logs nothing, and a refused request loses them before its line is written.
 */
async function correlationKeys(c: Context<TwilioEnv>): Promise<LogFields> {
  const isForm = c.req.header('content-type')?.toLowerCase().startsWith('application/x-www-form-urlencoded');
  // Hono keeps the body text, so the signature check reads the same text again.
  const params = isForm ? parseForm(await c.req.text()) : undefined;
  const correlationId = correlationIdOf(params);
  const callSid = first(params, 'CallSid');
  return { ...(correlationId ? { correlationId } : {}), ...(callSid ? { callSid } : {}) };
}

export function webhookLog(logger: Logger): MiddlewareHandler<TwilioEnv> {
  return async (c, next) => {
    const started = performance.now();
    const keys = await correlationKeys(c);
    logger.appendKeys(keys);
    const names = Object.keys(keys);
    try {
      await next();
      // Set by the signature check; absent when it refused the request.
      const params = c.get('twilioParams') as TwilioParams | undefined;
      if (!params) logger.removeKeys(names);
      const details = Object.fromEntries(
        DETAIL_KEYS.flatMap((key) => {
          const value = first(params, key);
          return value ? [[key, value]] : [];
        }),
      );
      const level = c.res.status >= 500 ? 'error' : c.res.status >= 400 ? 'warn' : 'info';
      logger[level]('twilio webhook', {
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
        ...details,
      });
    } finally {
      logger.removeKeys(names);
    }
  };
}
