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
  createScheduledJobs({
    run: async () => {
      const round = await runPeriodicJobs(ivr);
      // The history's rollups, once a minute like the rest; a failure waits for the next minute.
      await ivr.history.rollUp().catch((error: unknown) => {
        deps.logger.error('history roll-up failed', { error: String(error) });
      });
      return round;
    },
    jobs: deps.jobs,
    logger: deps.logger,
  }),
);
