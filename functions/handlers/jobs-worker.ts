// Lambda entry for the job worker, fed by the SQS work queue: each record is one job. A failed job is
// reported back (partial batch response) so SQS retries it and, after maxReceiveCount, moves it to the
// dead-letter queue; a PermanentJobError goes to the dead-letter queue at once.
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { createTwilioRecordingMedia } from '../adapters/twilio/recording-media.js';
import { sweepPresence } from '../app/desk/presence.js';
import { ConfigError } from '../config.js';
import { type Job, PermanentJobError } from '../domain/jobs.js';
import { createIvrServices, endWrapUp } from '../http/twilio/ivr/ivr-services.js';
import { createJobWorker } from '../workers/job-worker.js';
import { lambdaDeps } from './app-deps.js';

interface SqsEvent {
  readonly Records: readonly { readonly messageId: string; readonly body: string }[];
}

const deps = await lambdaDeps();
if (!deps.channels) throw new ConfigError('JOBS_QUEUE_URL', 'is required by the job worker');
const { channels } = deps;
const deadLetterUrl = deps.config.channels?.jobsDeadLetterUrl ?? '';
const sqs = new SQSClient({ region: deps.config.region });
const ivr = createIvrServices(deps);
const work = createJobWorker({
  store: deps.store,
  clock: deps.clock,
  media: channels.media,
  twilioMedia: createTwilioRecordingMedia({
    accountSid: deps.config.twilio.accountSid,
    authToken: deps.secrets.twilioAuthToken,
    ...(deps.config.twilio.apiBaseUrl ? { apiBaseUrl: deps.config.twilio.apiBaseUrl } : {}),
  }),
  messages: deps.twilio.messages,
  routing: channels.routing,
  smsFrom: channels.smsFrom,
  publicBaseUrl: deps.config.publicBaseUrl,
  jobs: channels.jobs,
  mail: channels.mail,
  runScheduled: (job) => endWrapUp(deps, ivr.rest, ivr.provisioned, job),
  sweepPresence: () => sweepPresence(deps),
});

export async function handler(event: SqsEvent) {
  const batchItemFailures: { itemIdentifier: string }[] = [];
  for (const record of event.Records) {
    try {
      await work(JSON.parse(record.body) as Job);
    } catch (err) {
      console.error(
        JSON.stringify({
          level: 'error',
          msg: 'job failed',
          messageId: record.messageId,
          error: String(err),
        }),
      );
      if (err instanceof PermanentJobError || err instanceof SyntaxError) {
        await sqs.send(new SendMessageCommand({ QueueUrl: deadLetterUrl, MessageBody: record.body }));
      } else {
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    }
  }
  return { batchItemFailures };
}
