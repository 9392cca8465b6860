// Lambda entry for the REST API (/api/...) and /health. Dependencies (and secrets) load at init.
import { handle } from 'hono/aws-lambda';
import { createApp } from '../http/app.js';
import { lambdaDeps } from './app-deps.js';

export const handler = handle(createApp(await lambdaDeps()));
