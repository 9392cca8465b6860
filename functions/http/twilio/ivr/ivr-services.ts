// What the IVR webhooks use beyond the store: SMS sending and TaskRouter calls over the small REST
// adapter, the wrap-up scheduler, and the provisioned TaskRouter SIDs (cached: they change only when
// provisioning runs again). Built from WebhookDeps, so the composition roots need no change.

import { routing } from '../../../../flows/routing.js';
import { createTwilioRestLite, type TwilioRestLite } from '../../../adapters/twilio/rest-lite.js';
import { type ProvisionedRouting, ROUTING_SETTING } from '../../../domain/routing/provisioned.js';
import {
  createClockScheduler,
  createQueueScheduler,
  isTimerClock,
  type ScheduledJob,
  type Scheduler,
} from '../../../domain/scheduler.js';
import type { WebhookDeps } from '../../deps.js';

export interface IvrServices {
  readonly rest: TwilioRestLite;
  readonly scheduler: Scheduler;
  provisioned(): Promise<ProvisionedRouting>;
}

const CACHE_MS = 60_000;

export function createIvrServices(deps: WebhookDeps): IvrServices {
  const rest = createTwilioRestLite({
    accountSid: deps.config.twilio.accountSid,
    authToken: deps.secrets.twilioAuthToken,
    ...(deps.config.twilio.apiBaseUrl ? { apiBaseUrl: deps.config.twilio.apiBaseUrl } : {}),
  });
  let cached: { at: number; value: ProvisionedRouting } | undefined;
  const provisioned = async () => {
    const now = Date.now();
    if (cached && now - cached.at < CACHE_MS) return cached.value;
    const value = await deps.store.settings.get<ProvisionedRouting>(ROUTING_SETTING);
    if (!value) throw new Error('TaskRouter is not provisioned (no "taskrouter" setting)');
    cached = { at: now, value };
    return value;
  };
  const run = (job: ScheduledJob) => endWrapUp(deps, rest, provisioned, job);
  const scheduler: Scheduler = isTimerClock(deps.clock)
    ? createClockScheduler(deps.clock, run, deps.logger)
    : deps.jobs
      ? createQueueScheduler(deps.jobs, deps.clock) // AWS: a delayed job the worker runs (endWrapUp)
      : {
          async schedule(job) {
            deps.logger.warn('no scheduler; wrap-up ends when the agent ends it', { job });
          },
        };
  return { rest, scheduler, provisioned };
}

/**
 * A task's call is over: the task goes to wrapping, the worker to Wrap-up (a reservation accepted without a
 * post-work activity, as transfers and callbacks are, would otherwise leave them Available), and the
 * wrap-up timer starts. Returns false when the task was no longer assigned (someone else moved it first).
 */
export async function beginWrapUp(
  deps: WebhookDeps,
  services: IvrServices,
  taskSid: string,
  workerSid: string,
): Promise<boolean> {
  const p = await services.provisioned();
  const ws = `Workspaces/${p.workspaceSid}`;
  const moved = await services.rest
    .taskrouter(`${ws}/Tasks/${taskSid}`, { AssignmentStatus: 'wrapping' })
    .then(() => true)
    .catch(() => false);
  if (!moved) return false;
  const wrapUpSid = p.activities[routing.roles.wrapUp];
  const worker = await services.rest.taskrouterGet(`${ws}/Workers/${workerSid}`).catch(() => undefined);
  if (wrapUpSid && worker?.activity_name === routing.roles.available)
    await services.rest.taskrouter(`${ws}/Workers/${workerSid}`, { ActivitySid: wrapUpSid });
  await services.scheduler.schedule(
    { kind: 'end-wrap-up', taskSid, workerSid },
    deps.clock.now() + routing.wrapUpSeconds * 1000,
  );
  return true;
}

/**
 * An agent who was on a call without a task of their own (dialled in by a colleague's transfer or
 * consult, and kept Busy meanwhile) left it: Busy becomes Wrap-up and the wrap-up timer starts.
 */
export async function beginAgentWrapUp(
  deps: WebhookDeps,
  services: IvrServices,
  workerSid: string,
): Promise<void> {
  const p = await services.provisioned();
  const ws = `Workspaces/${p.workspaceSid}`;
  const wrapUpSid = p.activities[routing.roles.wrapUp];
  const worker = await services.rest.taskrouterGet(`${ws}/Workers/${workerSid}`).catch(() => undefined);
  if (!wrapUpSid || worker?.activity_name !== 'Busy') return;
  await services.rest.taskrouter(`${ws}/Workers/${workerSid}`, { ActivitySid: wrapUpSid });
  await services.scheduler.schedule(
    { kind: 'end-wrap-up', taskSid: '', workerSid },
    deps.clock.now() + routing.wrapUpSeconds * 1000,
  );
}

/** Completes a task still wrapping, puts the worker back to Available and counts the call for today. */
export async function endWrapUp(
  deps: WebhookDeps,
  rest: TwilioRestLite,
  provisioned: () => Promise<ProvisionedRouting>,
  job: ScheduledJob,
): Promise<void> {
  const p = await provisioned();
  const ws = `Workspaces/${p.workspaceSid}`;
  const task = job.taskSid ? await rest.taskrouterGet(`${ws}/Tasks/${job.taskSid}`) : undefined;
  if (task?.assignment_status === 'wrapping') {
    await rest.taskrouter(`${ws}/Tasks/${job.taskSid}`, {
      AssignmentStatus: 'completed',
      Reason: 'wrap-up ended',
    });
    await deps.store.audit.append({
      actor: 'system',
      action: 'wrapup.ended',
      target: job.taskSid,
      detail: { by: 'timer' },
    });
  }
  const worker = await rest.taskrouterGet(`${ws}/Workers/${job.workerSid}`);
  const attrs = JSON.parse(String(worker.attributes ?? '{}')) as Record<string, unknown>;
  const day = new Date(deps.clock.now()).toISOString().slice(0, 10);
  const calls = attrs.calls_day === day ? Number(attrs.calls_today ?? 0) + 1 : 1;
  const update: Record<string, string> = {
    Attributes: JSON.stringify({ ...attrs, calls_today: calls, calls_day: day }),
  };
  const available = p.activities[routing.roles.available];
  if (worker.activity_name === routing.roles.wrapUp && available) update.ActivitySid = available;
  await rest.taskrouter(`${ws}/Workers/${job.workerSid}`, update);
}
