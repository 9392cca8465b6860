// The scheduled-jobs bundle, as deployed, invoked the way EventBridge Scheduler's Lambda target invokes it:
// the schedule's input, verbatim, as the event. One round of the periodic jobs runs against the table and
// Twilio, and the presence sweeps for the rest of the minute go onto the work queue with their delays.
// Any other input fails the invocation, so the Errors alarm sees a broken schedule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ProvisionedRouting, ROUTING_SETTING } from '../../../functions/domain/routing/provisioned.js';
import { SCHEDULE_INPUT, SWEEP_DELAYS_SECONDS } from '../../../functions/workers/scheduled-jobs.js';
import { type BundleRun, runBundle } from './bundle-harness.js';
import { lambdaContext } from './lambda-events.js';

let run: BundleRun;
beforeAll(async () => {
  run = await runBundle('Scheduled');
});
afterAll(() => run?.stop());

describe('scheduled-jobs bundle', () => {
  it('runs a round on the schedule’s input and queues the sweeps for later in the minute', async () => {
    // An agent left Available in TaskRouter with no page sending heartbeats: the round's sweep is for them.
    const sids = await run.stack.store.settings.get<ProvisionedRouting>(ROUTING_SETTING);
    const [workspace, worker, available, offline] = [
      sids?.workspaceSid,
      sids?.workers['1001'],
      sids?.activities.Available,
      sids?.activities.Offline,
    ];
    if (!workspace || !worker || !available || !offline)
      throw new Error('the local stack provisions TaskRouter');
    const workers = run.stack.twilio.taskrouter.v1.workspaces(workspace).workers;
    await workers(worker).update({ activitySid: available });

    const result = await run.container.invoke<Record<string, unknown>>(
      structuredClone(SCHEDULE_INPUT),
      lambdaContext('ScheduledFunction', 50_000),
    );
    expect(result).toMatchObject({
      kind: 'every-minute',
      round: { presence: { movedOffline: ['1001'] } },
      sweepsQueuedAfterSeconds: [...SWEEP_DELAYS_SECONDS],
    });
    expect((await workers(worker).fetch()).activitySid).toBe(offline);
    const sweeps = run.aws.sent.filter((m) => m.queueUrl === run.env.JOBS_QUEUE_URL);
    // Sent together, so in any order.
    const queued = sweeps.map((m) => [JSON.parse(m.body), m.delaySeconds] as const);
    expect(queued.sort((a, b) => (a[1] ?? 0) - (b[1] ?? 0))).toEqual(
      SWEEP_DELAYS_SECONDS.map((delay) => [{ kind: 'presence-sweep' }, delay]),
    );
  });

  it('fails the invocation on any other input, naming what it got', async () => {
    const before = run.aws.sent.length;
    await expect(run.container.invoke({ kind: 'hourly' })).rejects.toThrow(/"kind":"hourly"/);
    expect(run.aws.sent).toHaveLength(before);
  });
});
