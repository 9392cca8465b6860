// Lambda entry for Twilio's webhooks (/twilio/...). Same app as the API; a separate function so its
// concurrency, timeout and alarms can differ from the agents' API.
import { handle } from 'hono/aws-lambda';
import { createApp } from '../http/app.js';
import { lambdaDeps } from './app-deps.js';

export const handler = handle(createApp(lambdaDeps()));
