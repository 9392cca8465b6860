// Lambda entry for the job worker, fed by the SQS work queue: each record is one job (workers/job-batch.ts).
// A failed job is reported back (partial batch response) so SQS retries it and, after maxReceiveCount,
// moves it to the dead-letter queue; a PermanentJobError goes to the dead-letter queue at once.
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { withInvocationContext } from '../adapters/logging/powertools-logger.js';
import { createTwilioRecordingMedia } from '../adapters/twilio/recording-media.js';
import { runCampaignRound } from '../app/campaigns/dialer.js';
import { sweepPresence } from '../app/desk/presence.js';
import { openCenter } from '../app/open-center.js';
import { runScheduledJob } from '../app/run-scheduled.js';
import { ConfigError } from '../config.js';
import { createJobBatchHandler } from '../workers/job-batch.js';
import { createJobWorker } from '../workers/job-worker.js';
import { lambdaDeps } from './app-deps.js';

const deps = await lambdaDeps();
if (!deps.channels) throw new ConfigError('JOBS_QUEUE_URL', 'is required by the job worker');
const { channels } = deps;
const deadLetterUrl = deps.config.channels?.jobsDeadLetterUrl ?? '';
const sqs = new SQSClient({ region: deps.config.region });
const ivr = openCenter(deps);
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
  webhookBaseUrl: deps.config.webhookBaseUrl,
  jobs: channels.jobs,
  mail: channels.mail,
  runScheduled: (job) => runScheduledJob(ivr, job),
  // The sweeps queued between the minute's rounds also run the dialler, so a campaign paces in seconds,
  // not once a minute; a failed campaign round is logged there and does not fail the sweep.
  sweepPresence: async () => {
    await sweepPresence(deps);
    await runCampaignRound(ivr);
  },
  recordHistory: ivr.history.record,
  ...(deps.transcription ? { transcription: deps.transcription } : {}),
});

export const handler = withInvocationContext(
  deps.logger,
  createJobBatchHandler({
    work,
    deadLetter: async (body) => {
      await sqs.send(new SendMessageCommand({ QueueUrl: deadLetterUrl, MessageBody: body }));
    },
    logger: deps.logger,
  }),
);
