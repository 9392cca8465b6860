// Lambda entry for Twilio's webhooks (/twilio/...): only the webhook routes, so the bundle leaves out the
// REST API, zod and OpenAPI; a separate function so its concurrency, timeout and alarms can differ.
// Each webhook logs one JSON line keyed by its CallSid (webhook-log.ts).
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { withInvocationContext } from '../adapters/logging/powertools-logger.js';
import type { TwilioEnv } from '../http/env.js';
import { createTwilioApp } from '../http/twilio/twilio-app.js';
import { webhookLog } from '../http/twilio/webhook-log.js';
import { webhookDeps } from './webhook-deps.js';

const deps = await webhookDeps();
export const handler = withInvocationContext(
  deps.logger,
  handle(
    new Hono<TwilioEnv>().use('/twilio/*', webhookLog(deps.logger)).route('/twilio', createTwilioApp(deps)),
  ),
);
