// Lambda entry for the scheduled jobs, invoked by EventBridge Scheduler every minute (infra/aws/service-stack.ts):
// one round of the periodic jobs, then presence sweeps queued for the seconds in between.
import { withInvocationContext } from '../adapters/logging/powertools-logger.js';
import { openCenter } from '../app/open-center.js';
import { ConfigError } from '../config.js';
import { runPeriodicJobs } from '../workers/periodic-jobs.js';
import { createScheduledJobs } from '../workers/scheduled-jobs.js';
import { lambdaDeps } from './app-deps.js';

const deps = await lambdaDeps();
if (!deps.jobs) throw new ConfigError('JOBS_QUEUE_URL', 'is required by the scheduled-jobs function');
const ivr = openCenter(deps);

export const handler = withInvocationContext(
  deps.logger,
  createScheduledJobs({ run: () => runPeriodicJobs(ivr), jobs: deps.jobs, logger: deps.logger }),
);
