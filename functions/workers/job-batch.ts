// The job worker's SQS door: one batch of messages, each one job, run one after another. The response
// names only the messages that failed (a partial batch response, with reportBatchItemFailures on the event
// source), so SQS retries those and deletes the rest: one bad job never re-runs the jobs beside it. A job
// that can never succeed (PermanentJobError, or a body that is not JSON) goes to the dead letters at once.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { type Job, PermanentJobError } from '../domain/jobs.js';
import type { Logger } from '../domain/logger.js';

/** What the worker reads of an SQS message. */
export interface SqsJobRecord {
  readonly messageId: string;
  readonly body: string;
}

export interface SqsJobEvent {
  readonly Records: readonly SqsJobRecord[];
}

export interface SqsBatchResponse {
  readonly batchItemFailures: readonly { readonly itemIdentifier: string }[];
}

export interface JobBatchDeps {
  /** Runs one job; throwing means "retry later" (job-worker.ts). */
  readonly work: (job: Job) => Promise<unknown>;
  /** Puts a message body on the dead-letter queue now. */
  readonly deadLetter: (body: string) => Promise<void>;
  readonly logger: Logger;
}

export function createJobBatchHandler(deps: JobBatchDeps): (event: SqsJobEvent) => Promise<SqsBatchResponse> {
  const processor = new BatchProcessor(EventType.SQS);
  const runRecord = async (record: SqsJobRecord): Promise<void> => {
    try {
      await deps.work(JSON.parse(record.body) as Job);
    } catch (err) {
      deps.logger.error('job failed', { messageId: record.messageId, error: String(err) });
      if (!(err instanceof PermanentJobError || err instanceof SyntaxError)) throw err;
      // A failed send throws here, so the message is retried rather than lost.
      await deps.deadLetter(record.body);
    }
  };
  return (event) =>
    processPartialResponse({ Records: [...event.Records] }, runRecord, processor, {
      // In turn, as before: jobs of one batch may touch the same call, task or mailbox.
      processInParallel: false,
      // A batch whose every job failed is reported like any other, not thrown: most batches hold one job,
      // and a throw would page (the function's Errors alarm) for each retryable failure. Jobs that give
      // up reach the dead-letter queue, whose own alarm is the page.
      throwOnFullBatchFailure: false,
    });
}
