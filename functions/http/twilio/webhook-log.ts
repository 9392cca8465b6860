// One structured log line per Twilio webhook, keyed by the call (or message, task, recording) it is about,
// so every step of one call can be found together in the logs: `correlationId` is the CallSid when there
// is one. The Lambda entry mounts it (functions/handlers/twilio-webhooks.ts); the local stack does not,
// to keep `npm start` readable. Parameters are never logged whole: they carry callers' numbers and speech.
import type { MiddlewareHandler } from 'hono';
import type { TwilioEnv, TwilioParams } from '../env.js';

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

export function webhookLog(write: (line: string) => void = console.log): MiddlewareHandler<TwilioEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    // Set by the signature check; absent when it refused the request.
    const params = c.get('twilioParams') as TwilioParams | undefined;
    const details = Object.fromEntries(
      DETAIL_KEYS.flatMap((key) => {
        const value = first(params, key);
        return value ? [[key, value]] : [];
      }),
    );
    const callSid = first(params, 'CallSid');
    write(
      JSON.stringify({
        level: c.res.status >= 500 ? 'error' : c.res.status >= 400 ? 'warn' : 'info',
        msg: 'twilio webhook',
        correlationId: correlationIdOf(params),
        ...(callSid ? { callSid } : {}),
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
        ...details,
      }),
    );
  };
}
