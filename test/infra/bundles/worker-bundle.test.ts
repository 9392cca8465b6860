// The job worker's bundle, as deployed, fed an SQS batch the way the event source mapping delivers it
// (batch size 5, partial batch responses): a text goes out through Twilio, a job that can never run goes
// to the dead-letter queue at once, and a job that fails now is named in batchItemFailures for SQS to
// retry, without holding back the jobs beside it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BundleRun, runBundle } from './bundle-harness.js';
import { sqsEvent } from './lambda-events.js';

let run: BundleRun;
beforeAll(async () => {
  run = await runBundle('Worker');
});
afterAll(() => run?.stop());

interface BatchResponse {
  readonly batchItemFailures: readonly { readonly itemIdentifier: string }[];
}

const QUEUE_ARN = 'arn:aws:sqs:eu-west-1:123456789012:ContactCenterService-JobsQueue';

describe('worker bundle', () => {
  it('runs a batch: sends the text, dead-letters the unreadable job, reports the failing one', async () => {
    const to = '+8613800138000';
    const sms = {
      kind: 'sms-send',
      to,
      body: '您的理赔申请已受理。',
      purpose: 'notification',
      dedupeKey: `bundle-test-${Date.now()}`,
    };
    const mail = {
      kind: 'mail-send',
      to: 'owner@example.com',
      subject: 'Voicemail',
      text: 'A caller left a message.',
      dedupeKey: `bundle-mail-${Date.now()}`,
    };
    const unreadable = '{"kind":"sms-send",';
    const event = sqsEvent(QUEUE_ARN, [JSON.stringify(sms), unreadable, JSON.stringify(mail)]);
    const ids = (event.Records as { messageId: string }[]).map((r) => r.messageId);

    const response = await run.container.invoke<BatchResponse>(event);

    const sent = await run.stack.twilio.messages.list({ to, limit: 20 });
    expect(sent.map((m) => m.body)).toContain(sms.body);
    expect(sent.find((m) => m.body === sms.body)?.from).toBe(run.env.SMS_FROM_NUMBER);
    // The unreadable body went to the dead letters as it came, and is not retried.
    expect(run.aws.sent).toContainEqual({ queueUrl: run.env.JOBS_DEAD_LETTER_URL, body: unreadable });
    // Mail without MAIL_FROM (this deploy gave no sender) fails and only that message is retried.
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: ids[2] }] });
    expect(run.container.jsonLogs()).toContainEqual(
      expect.objectContaining({ level: 'ERROR', message: 'job failed', messageId: ids[2], cold_start: true }),
    );

    // SQS delivers at least once: the same text delivered again is not sent twice.
    const again = await run.container.invoke<BatchResponse>(sqsEvent(QUEUE_ARN, [JSON.stringify(sms)]));
    expect(again).toEqual({ batchItemFailures: [] });
    const after = await run.stack.twilio.messages.list({ to, limit: 20 });
    expect(after.filter((m) => m.body === sms.body)).toHaveLength(1);
  });
});
