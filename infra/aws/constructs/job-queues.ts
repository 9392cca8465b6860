// The work queue the recordings/SMS/fax jobs travel on, and its dead-letter queue: a job that fails
// `maxReceiveCount` times (or is marked permanent by the worker) waits there for the replay API.
import { Duration, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface JobQueuesProps {
  /**
   * How long a received job stays hidden; AWS advises six times the consuming function's timeout, so a
   * batch still running is not handed to a second worker.
   */
  readonly visibilityTimeout: Duration;
  /** Failed receives before a job moves to the dead-letter queue. @default 5 */
  readonly maxReceiveCount?: number;
}

export class JobQueues extends Construct {
  readonly queue: Queue;
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: JobQueuesProps) {
    super(scope, id);
    // SQS-managed encryption: free, and no key policy for Lambda's event source to trip over.
    this.deadLetters = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14), // the longest SQS keeps a message: time to notice and replay
    });
    Validations.of(this.deadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This is the dead-letter queue of the job queue; it has no dead-letter queue of its own.',
    });
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: props.visibilityTimeout,
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: props.maxReceiveCount ?? 5 },
    });
  }

  /** Environment entries as functions/config.ts reads them (JOBS_QUEUE_URL, JOBS_DEAD_LETTER_URL). */
  get environment(): Record<string, string> {
    return { JOBS_QUEUE_URL: this.queue.queueUrl, JOBS_DEAD_LETTER_URL: this.deadLetters.queueUrl };
  }
}
