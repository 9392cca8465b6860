// The AWS Scheduler: a Scheduler job goes onto the SQS work queue delayed until it is due, and the job
// worker runs it when it arrives (re-sending a job that SQS could not hold back long enough).
import type { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { describe, expect, it, vi } from 'vitest';
import { createSqsQueue } from '../../functions/adapters/queue/sqs-queue.js';
import type { Job, JobQueue } from '../../functions/domain/jobs.js';
import { PermanentJobError } from '../../functions/domain/jobs.js';
import type { Store } from '../../functions/domain/ports.js';
import { createQueueScheduler, type EndWrapUpJob } from '../../functions/domain/scheduler.js';
import { createJobWorker, type JobWorkerDeps } from '../../functions/workers/job-worker.js';

const NOW = Date.parse('2026-11-23T08:00:00.000Z');
const clock = { now: () => NOW };
const wrapUp: EndWrapUpJob = { kind: 'end-wrap-up', taskSid: 'WT1', workerSid: 'WK1' };

function fakeSqs() {
  const sent: SendMessageCommand[] = [];
  const client = { send: vi.fn(async (c: SendMessageCommand) => void sent.push(c)) };
  return { client: client as unknown as SQSClient, sent };
}

function worker(extra: Partial<JobWorkerDeps>) {
  return createJobWorker({
    store: {} as Store,
    clock,
    smsFrom: '+8613800000000',
    publicBaseUrl: 'https://cc.example.com',
    ...extra,
  } as JobWorkerDeps);
}

describe('queue scheduler (AWS)', () => {
  it('sends a scheduled job to the work queue delayed until it is due', async () => {
    const sqs = fakeSqs();
    const scheduler = createQueueScheduler(createSqsQueue(sqs.client, 'https://sqs/jobs'), clock);
    await scheduler.schedule(wrapUp, NOW + 30_000);
    expect(sqs.sent).toHaveLength(1);
    const input = sqs.sent[0]?.input;
    expect(input?.QueueUrl).toBe('https://sqs/jobs');
    expect(input?.DelaySeconds).toBe(30);
    expect(JSON.parse(input?.MessageBody ?? '')).toEqual({
      kind: 'scheduled',
      runAt: '2026-11-23T08:00:30.000Z',
      job: wrapUp,
    });
  });

  it('caps the delay at 15 minutes and sends a job already due without one', async () => {
    const sqs = fakeSqs();
    const scheduler = createQueueScheduler(createSqsQueue(sqs.client, 'https://sqs/jobs'), clock);
    await scheduler.schedule(wrapUp, NOW + 3_600_000);
    await scheduler.schedule(wrapUp, NOW - 1000);
    expect(sqs.sent).toHaveLength(2);
    expect(sqs.sent[0]?.input.DelaySeconds).toBe(900);
    expect(sqs.sent[1]?.input).toMatchObject({ QueueUrl: 'https://sqs/jobs' });
    expect(sqs.sent[1]?.input.DelaySeconds).toBeUndefined();
  });
});

describe('job worker: scheduled and presence-sweep jobs', () => {
  it('runs a due scheduled job', async () => {
    const runScheduled = vi.fn(async () => {});
    await worker({ runScheduled })({ kind: 'scheduled', runAt: new Date(NOW).toISOString(), job: wrapUp });
    expect(runScheduled).toHaveBeenCalledWith(wrapUp);
  });

  it('re-sends a job that arrived early with the remaining delay instead of running it', async () => {
    const sent: { job: Job; delaySeconds?: number }[] = [];
    const jobs: JobQueue = { send: async (job, o) => void sent.push({ job, ...o }) };
    const runScheduled = vi.fn(async () => {});
    const job: Job = { kind: 'scheduled', runAt: new Date(NOW + 1_000_000).toISOString(), job: wrapUp };
    await worker({ runScheduled, jobs })(job);
    expect(runScheduled).not.toHaveBeenCalled();
    expect(sent).toEqual([{ job, delaySeconds: 900 }]);
  });

  it('runs a presence sweep, and dead-letters jobs it has no runner for', async () => {
    const sweepPresence = vi.fn(async () => ({ checked: 0, movedOffline: [] }));
    await worker({ sweepPresence })({ kind: 'presence-sweep' });
    expect(sweepPresence).toHaveBeenCalledOnce();
    await expect(worker({})({ kind: 'presence-sweep' })).rejects.toBeInstanceOf(PermanentJobError);
    await expect(
      worker({})({ kind: 'scheduled', runAt: new Date(NOW).toISOString(), job: wrapUp }),
    ).rejects.toBeInstanceOf(PermanentJobError);
  });
});
