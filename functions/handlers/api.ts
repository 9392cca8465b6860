// Lambda entry for the REST API (/api/...) and /health. Dependencies (and secrets) load at init.
import { handle } from 'hono/aws-lambda';
import { withInvocationContext } from '../adapters/logging/powertools-logger.js';
import { createApp } from '../http/app.js';
import { lambdaDeps } from './app-deps.js';

const deps = await lambdaDeps();
export const handler = withInvocationContext(deps.logger, handle(createApp(deps)));
