// Lambda entry for Twilio's webhooks (/twilio/...): only the webhook routes, so the bundle leaves out the
// REST API, zod and OpenAPI; a separate function so its concurrency, timeout and alarms can differ.
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { createTwilioApp } from '../http/twilio/twilio-app.js';
import { webhookDeps } from './webhook-deps.js';

export const handler = handle(new Hono().route('/twilio', createTwilioApp(await webhookDeps())));
