// The job queue on Amazon SQS: a standard queue whose redrive policy moves a job to the dead-letter queue
// after maxReceiveCount failed receives. Listing dead letters peeks (receives, then makes them visible
// again); replaying one sends its body back to the work queue and deletes it from the dead-letter queue.
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  type Message,
  ReceiveMessageCommand,
  SendMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { DeadLetter, DeadLetterQueue, Job, JobQueue } from '../../domain/jobs.js';

export function createSqsQueue(client: SQSClient, queueUrl: string): JobQueue {
  return {
    async send(job, options) {
      await client.send(
        new SendMessageCommand({
          QueueUrl: queueUrl,
          MessageBody: JSON.stringify(job),
          ...(options?.delaySeconds ? { DelaySeconds: Math.min(900, options.delaySeconds) } : {}),
        }),
      );
    },
  };
}

function toDeadLetter(m: Message): DeadLetter | undefined {
  if (!m.MessageId || !m.Body) return undefined;
  try {
    const sent = Number(m.Attributes?.SentTimestamp);
    return {
      id: m.MessageId,
      job: JSON.parse(m.Body) as Job,
      attempts: Number(m.Attributes?.ApproximateReceiveCount ?? 0),
      ...(sent ? { failedAt: new Date(sent).toISOString() } : {}),
    };
  } catch {
    return undefined;
  }
}

export function createSqsDeadLetters(
  client: SQSClient,
  deadLetterUrl: string,
  workQueueUrl: string,
): DeadLetterQueue {
  /** Receives up to `max` messages, hiding them for a few seconds while we look at them. */
  async function receive(max: number): Promise<Message[]> {
    const seen = new Map<string, Message>();
    for (let round = 0; round < Math.ceil(max / 10) + 2 && seen.size < max; round++) {
      const out = await client.send(
        new ReceiveMessageCommand({
          QueueUrl: deadLetterUrl,
          MaxNumberOfMessages: 10,
          VisibilityTimeout: 20,
          WaitTimeSeconds: 0,
          MessageSystemAttributeNames: ['ApproximateReceiveCount', 'SentTimestamp'],
        }),
      );
      if (!out.Messages?.length) break;
      for (const m of out.Messages) if (m.MessageId) seen.set(m.MessageId, m);
    }
    return [...seen.values()];
  }
  const release = (messages: readonly Message[]) =>
    Promise.all(
      messages.map((m) =>
        client.send(
          new ChangeMessageVisibilityCommand({
            QueueUrl: deadLetterUrl,
            ReceiptHandle: m.ReceiptHandle,
            VisibilityTimeout: 0,
          }),
        ),
      ),
    );

  return {
    async list(limit = 100) {
      const messages = await receive(limit);
      await release(messages);
      return messages.map(toDeadLetter).filter((d): d is DeadLetter => d !== undefined);
    },
    async replay(id) {
      const messages = await receive(100);
      const target = messages.find((m) => m.MessageId === id);
      await release(messages.filter((m) => m !== target));
      if (!target?.Body) return false;
      await client.send(new SendMessageCommand({ QueueUrl: workQueueUrl, MessageBody: target.Body }));
      await client.send(
        new DeleteMessageCommand({ QueueUrl: deadLetterUrl, ReceiptHandle: target.ReceiptHandle }),
      );
      return true;
    },
  };
}
