// Message status callbacks (docs/twilio-behaviour.md §6.3): recorded on the message; they may arrive out of order, and a
// late "sent" never replaces "delivered"; a bulk send's text moves its recipient and the send's counts too.
// A callback for a message we do not know is acknowledged.
import { Hono } from 'hono';
import { recordSmsStatus } from '../../app/bulk-sms-delivery.js';
import type { WebhookDeps } from '../deps.js';
import type { TwilioEnv } from '../env.js';
import { optionalParam } from './params.js';

export function createSmsStatusApp(deps: WebhookDeps): Hono<TwilioEnv> {
  const app = new Hono<TwilioEnv>();
  app.post('/', async (c) => {
    const p = c.var.twilioParams;
    const sid = optionalParam(p, 'MessageSid') ?? optionalParam(p, 'SmsSid');
    const status = optionalParam(p, 'MessageStatus') ?? optionalParam(p, 'SmsStatus');
    if (sid && status) {
      const errorCode = optionalParam(p, 'ErrorCode');
      await recordSmsStatus(deps, { sid, status, ...(errorCode ? { errorCode } : {}) });
    }
    return c.body(null, 204);
  });
  return app;
}
