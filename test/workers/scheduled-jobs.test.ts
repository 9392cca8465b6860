// The scheduled-jobs function's logic (functions/workers/scheduled-jobs.ts): a bad input fails with an error
// naming what came and what is allowed, and runs nothing; the schedule's input runs one round of the
// periodic jobs on the local stack (an Available agent whose page went quiet goes Offline) and queues
// exactly three presence sweeps, 15, 30 and 45 s later.

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { routing as routingConfig } from '../../flows/routing.js';
import { twilioAgentWorkers } from '../../functions/adapters/twilio/provision-taskrouter.js';
import { createTwilioPorts } from '../../functions/adapters/twilio/twilio-ports.js';
import { openCenter } from '../../functions/app/open-center.js';
import { HEARTBEAT_TIMEOUT_SECONDS } from '../../functions/domain/agent-state.js';
import type { Job, JobQueue } from '../../functions/domain/jobs.js';
import { createManualClock } from '../../functions/domain/manual-clock.js';
import type { AppDeps } from '../../functions/http/deps.js';
import { runPeriodicJobs } from '../../functions/workers/periodic-jobs.js';
import {
  createScheduledJobs,
  SCHEDULE_INPUT,
  ScheduleInputError,
} from '../../functions/workers/scheduled-jobs.js';
import { LOCAL_TWILIO } from '../../infra/local/local-config.js';
import { type LocalStack, startLocalStack } from '../../infra/local/start-local-stack.js';
import { login } from '../local/support.js';
import { createCapturingLogger } from '../support/capturing-logger.js';

function recordingQueue() {
  const sent: { job: Job; delaySeconds?: number }[] = [];
  const jobs: JobQueue = { send: async (job, options) => void sent.push({ job, ...options }) };
  return { jobs, sent };
}

describe('scheduled jobs: input', () => {
  it.each([
    ['nothing', undefined, 'undefined'],
    ['null', null, 'null'],
    ['an empty object', {}, '{}'],
    ['a job kind', { kind: 'presence-sweep' }, '{"kind":"presence-sweep"}'],
    ['the bare word', 'every-minute', '"every-minute"'],
  ])('rejects %s, naming what came and what is allowed, and runs nothing', async (_, event, shown) => {
    const run = vi.fn();
    const { jobs, sent } = recordingQueue();
    const logger = createCapturingLogger();
    const lines = logger.lines;
    const handle = createScheduledJobs({ run, jobs, logger });
    const failure = handle(event);
    await expect(failure).rejects.toBeInstanceOf(ScheduleInputError);
    await expect(failure).rejects.toThrow(
      `scheduled-jobs received ${shown}; the only input allowed is {"kind":"every-minute"}`,
    );
    expect(run).not.toHaveBeenCalled();
    expect(sent).toEqual([]);
    expect(lines).toEqual([expect.objectContaining({ level: 'error', msg: 'scheduled jobs: bad input' })]);
  });

  it('shortens a large input in the error', async () => {
    const handle = createScheduledJobs({
      run: vi.fn(),
      jobs: recordingQueue().jobs,
      logger: createCapturingLogger(),
    });
    const error = await handle({ kind: 'x'.repeat(10_000) }).catch((e: Error) => e);
    expect((error as Error).message.length).toBeLessThan(400);
  });
});

describe('scheduled jobs: one minute on the local stack', () => {
  let stack: LocalStack;
  let deps: AppDeps;
  const clock = createManualClock(Date.parse('2026-03-02T02:00:00Z'));

  beforeAll(async () => {
    stack = await startLocalStack({ port: 0, clock, demoData: true, periodicJobs: false });
    deps = {
      config: stack.config,
      secrets: { twilioAuthToken: LOCAL_TWILIO.authToken, sessionKey: 'unused-here' },
      store: stack.store,
      clock,
      logger: createCapturingLogger(),
      agentWorkers: twilioAgentWorkers(stack.twilio, stack.store, routingConfig),
      ...createTwilioPorts({
        accountSid: stack.config.twilio.accountSid,
        authToken: LOCAL_TWILIO.authToken,
        apiBaseUrl: stack.config.twilio.apiBaseUrl ?? stack.url,
      }),
      jobs: stack.channels.queue,
    };
  }, 60_000);
  afterAll(() => stack?.stop());

  const stateOf = async (token: string) => {
    const res = await fetch(`${stack.url}/api/agent/me`, { headers: { authorization: `Bearer ${token}` } });
    return ((await res.json()) as { state: string }).state;
  };

  it('runs a round (a quiet Available agent goes Offline) and queues three sweeps 15/30/45 s later', async () => {
    const token = await login(stack.url, '1002', 'demo-1002');
    const res = await fetch(`${stack.url}/api/agent/state`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ state: 'Available' }), // counts as a heartbeat, then the page goes quiet
    });
    expect(res.status).toBe(200);
    await stack.twin.settle();
    expect(await stateOf(token)).toBe('Available');
    await clock.advance((HEARTBEAT_TIMEOUT_SECONDS + 1) * 1000);

    const { jobs, sent } = recordingQueue();
    const logger = createCapturingLogger();
    const lines = logger.lines;
    const ivr = openCenter(deps);
    const handle = createScheduledJobs({ run: () => runPeriodicJobs(ivr), jobs, logger });
    const result = await handle(SCHEDULE_INPUT);

    expect(result.round.presence.movedOffline).toContain('1002');
    expect(await stateOf(token)).toBe('Offline');
    expect(sent).toEqual([
      { job: { kind: 'presence-sweep' }, delaySeconds: 15 },
      { job: { kind: 'presence-sweep' }, delaySeconds: 30 },
      { job: { kind: 'presence-sweep' }, delaySeconds: 45 },
    ]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'info',
      msg: 'scheduled jobs ran',
      kind: 'every-minute',
      round: { presence: { movedOffline: ['1002'] } },
      sweepsQueuedAfterSeconds: [15, 30, 45],
    });
  });
});
