// The twin's Twilio REST API, 2010-04-01 resources, as a Hono sub-app to mount at /api: the official client,
// rebased by createTwilioClient, calls `<base>/api/2010-04-01/Accounts/{AC}/...`. Basic auth with the account
// SID and auth token; failures are Twilio's error JSON.
import { Hono } from 'hono';
import { mountMessages } from '../../messaging/messages-rest.js';
import type { MessagingEngine } from '../../messaging/messaging-engine.js';
import { basicAuth, restErrorResponse, TwilioRestError } from '../../rest-common.js';
import type { VoiceEngine } from '../engine.js';
import { mountCalls } from './calls-rest.js';
import { mountConferences } from './conferences-rest.js';
import { mountNumbers } from './numbers-rest.js';
import { mountQueues } from './queues-rest.js';
import { mountRecordingControl } from './recording-control-rest.js';
import { mountRecordings } from './recordings-rest.js';

export function createTwilioApiApp(deps: {
  readonly voice: VoiceEngine;
  readonly messaging: MessagingEngine;
}): Hono {
  const { voice } = deps;
  const account = new Hono();
  mountCalls(account, voice);
  mountConferences(account, voice);
  mountQueues(account, voice);
  mountRecordings(account, voice);
  mountRecordingControl(account, voice);
  mountNumbers(account, voice);
  mountMessages(account, deps.messaging);

  const app = new Hono();
  app.onError((err, c) => {
    if (err instanceof TwilioRestError) return restErrorResponse(c, err);
    voice.ctx.log.append({
      kind: 'error',
      summary: `REST ${c.req.method} ${c.req.path} failed: ${String(err)}`,
    });
    return restErrorResponse(c, new TwilioRestError(500, 20500, 'Internal Server Error'));
  });
  app.use('/2010-04-01/*', basicAuth(voice.ctx.account));
  app.use('/2010-04-01/Accounts/:account/*', async (c, next) => {
    if (c.req.param('account') !== voice.accountSid) {
      throw new TwilioRestError(404, 20404, `The requested resource ${c.req.path} was not found`);
    }
    voice.ctx.log.append({ kind: 'rest', summary: `${c.req.method} ${c.req.path}` });
    await next();
  });
  app.route('/2010-04-01/Accounts/:account', account);
  app.notFound((c) =>
    restErrorResponse(
      c,
      new TwilioRestError(404, 20404, `The requested resource ${c.req.path} was not found`),
    ),
  );
  return app;
}
