// The job worker's SQS door (functions/workers/job-batch.ts): a partial batch response that names only the
// messages whose job failed, so SQS retries those alone; jobs that can never succeed go to the dead
// letters instead of being retried; the jobs of a batch run one after another.
import { describe, expect, it } from 'vitest';
import { type Job, PermanentJobError } from '../../functions/domain/jobs.js';
import { createJobBatchHandler, type SqsJobRecord } from '../../functions/workers/job-batch.js';
import { createCapturingLogger } from '../support/capturing-logger.js';

/** A job told apart by its body, `n1`, `n2`... */
const job = (n: number): Job => ({
  kind: 'sms-send',
  to: '+8613800138000',
  body: `n${n}`,
  purpose: 'test',
  dedupeKey: `test#${n}`,
});
const record = (messageId: string, job: Job | string): SqsJobRecord => ({
  messageId,
  body: typeof job === 'string' ? job : JSON.stringify(job),
});

/** A worker that fails the jobs named in `failing` (by body), with the error `failing` gives. */
function harness(failing: Record<string, () => Error> = {}, deadLetterFails = false) {
  const ran: string[] = [];
  const deadLetters: string[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const logger = createCapturingLogger();
  const handle = createJobBatchHandler({
    async work(next) {
      const body = (next as { body: string }).body;
      running++;
      mostAtOnce = Math.max(mostAtOnce, running);
      await new Promise((r) => setTimeout(r, 2));
      running--;
      ran.push(body);
      const fail = failing[body];
      if (fail) throw fail();
    },
    async deadLetter(body) {
      if (deadLetterFails) throw new Error('SQS unavailable');
      deadLetters.push(body);
    },
    logger,
  });
  return { handle, ran, deadLetters, logger, mostAtOnce: () => mostAtOnce };
}

describe('job batch', () => {
  it('reports exactly the failed message; the good ones run once and are not retried', async () => {
    const h = harness({ n2: () => new Error('Twilio answered 503') });
    const batch = [record('m-1', job(1)), record('m-2', job(2)), record('m-3', job(3))];

    const first = await h.handle({ Records: batch });
    expect(first).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-2' }] });

    // SQS deletes what was not reported and redelivers the rest, as the event source mapping does.
    const failed = new Set(first.batchItemFailures.map((f) => f.itemIdentifier));
    await h.handle({ Records: batch.filter((r) => failed.has(r.messageId)) });
    expect(h.ran).toEqual(['n1', 'n2', 'n3', 'n2']);
    expect(h.deadLetters).toEqual([]);
    expect(h.logger.lines).toEqual([
      expect.objectContaining({ level: 'error', msg: 'job failed', messageId: 'm-2' }),
      expect.objectContaining({ level: 'error', msg: 'job failed', messageId: 'm-2' }),
    ]);
  });

  it('runs the jobs of a batch one after another', async () => {
    const h = harness();
    const res = await h.handle({ Records: [1, 2, 3, 4].map((n) => record(`m-${n}`, job(n))) });
    expect(res.batchItemFailures).toEqual([]);
    expect(h.ran).toEqual(['n1', 'n2', 'n3', 'n4']);
    expect(h.mostAtOnce()).toBe(1);
  });

  it('sends a permanent failure and an unreadable body to the dead letters, not back for a retry', async () => {
    const h = harness({ n1: () => new PermanentJobError('no such recording') });
    const res = await h.handle({
      Records: [record('m-1', job(1)), record('m-2', 'not json'), record('m-3', job(3))],
    });
    expect(res.batchItemFailures).toEqual([]);
    expect(h.deadLetters).toEqual([JSON.stringify(job(1)), 'not json']);
    expect(h.ran).toEqual(['n1', 'n3']);
  });

  it('retries a permanent failure whose dead-letter send failed, rather than losing it', async () => {
    const h = harness({ n1: () => new PermanentJobError('bad input') }, true);
    const res = await h.handle({ Records: [record('m-1', job(1)), record('m-2', job(2))] });
    expect(res).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-1' }] });
  });

  it('reports a batch whose every job failed instead of throwing', async () => {
    const h = harness({ n1: () => new Error('down'), n2: () => new Error('down') });
    const res = await h.handle({ Records: [record('m-1', job(1)), record('m-2', job(2))] });
    expect(res).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-1' }, { itemIdentifier: 'm-2' }] });
  });
});
