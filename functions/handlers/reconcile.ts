// Lambda entry for reconciliation, invoked by EventBridge Scheduler every few minutes
// (infra/aws/service-stack.ts): open calls, lost recordings and orphaned TaskRouter work against Twilio.
import { withInvocationContext } from '../adapters/logging/powertools-logger.js';
import { openCenter } from '../app/open-center.js';
import { reconcile } from '../app/reconcile.js';
import { ConfigError } from '../config.js';
import { createReconcileJob } from '../workers/reconcile-job.js';
import { lambdaDeps } from './app-deps.js';

const deps = await lambdaDeps();
const jobs = deps.jobs;
if (!jobs) throw new ConfigError('JOBS_QUEUE_URL', 'is required by the reconcile function');
const center = openCenter(deps);

export const handler = withInvocationContext(
  deps.logger,
  createReconcileJob({ run: () => reconcile({ ...center, jobs }), logger: deps.logger }),
);
