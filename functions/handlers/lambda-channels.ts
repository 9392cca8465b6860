// The AWS column for recordings, SMS, mail and fax: SQS for jobs and dead letters, S3 for media, SES for
// mail (or none without MAIL_FROM), TaskRouter through the Twilio client, and the fax secret from Secrets
// Manager. Clients are built once per Lambda container.
import { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SQSClient } from '@aws-sdk/client-sqs';
import { createSesMail } from '../adapters/mail/ses-mail.js';
import { createSqsDeadLetters, createSqsQueue } from '../adapters/queue/sqs-queue.js';
import { createS3MediaStore } from '../adapters/s3/media-store.js';
import { hotlinesOf, lineOf } from '../app/hotlines.js';
import { type AppConfig, ConfigError } from '../config.js';
import type { MailSender, TaskRouting } from '../domain/channel-ports.js';
import type { JobQueue } from '../domain/jobs.js';
import type { ChannelDeps } from '../http/channel-deps.js';
import type { SecretReader } from './secrets.js';

let sqs: SQSClient | undefined;
const sqsClient = (region: string) => {
  sqs ??= new SQSClient({ region });
  return sqs;
};

/** The work queue, when JOBS_QUEUE_URL is set (it is in the deployed stack). */
export function lambdaJobs(config: AppConfig): JobQueue | undefined {
  const url = config.channels?.jobsQueueUrl;
  return url ? createSqsQueue(sqsClient(config.region), url) : undefined;
}

const noMail: MailSender = {
  async send() {
    throw new Error('MAIL_FROM is not set: no SES sender identity configured');
  },
};

export async function lambdaChannels(
  config: AppConfig,
  routing: TaskRouting,
  readSecret: SecretReader,
): Promise<ChannelDeps | undefined> {
  const ch = config.channels;
  const jobs = lambdaJobs(config);
  if (!ch || !jobs) return undefined;
  if (!ch.jobsDeadLetterUrl) throw new ConfigError('JOBS_DEAD_LETTER_URL', 'is required with JOBS_QUEUE_URL');
  let faxSecret: string | undefined;
  if (ch.faxSecret?.source === 'inline') faxSecret = ch.faxSecret.value;
  if (ch.faxSecret?.source === 'secret') {
    faxSecret = (await readSecret(ch.faxSecret.secretId))?.trim();
    if (!faxSecret)
      throw new ConfigError('FAX_WEBHOOK_SECRET_ID', `secret "${ch.faxSecret.secretId}" is empty`);
  }
  const s3 = new S3Client({
    region: config.region,
    ...(config.s3Endpoint ? { endpoint: config.s3Endpoint } : {}),
  });
  return {
    jobs,
    deadLetters: createSqsDeadLetters(sqsClient(config.region), ch.jobsDeadLetterUrl, ch.jobsQueueUrl ?? ''),
    media: createS3MediaStore({ client: s3, bucket: config.bucketName }),
    mail: ch.mailFrom ? createSesMail(new SESv2Client({ region: config.region }), ch.mailFrom) : noMail,
    playbackTtlSeconds: ch.playbackTtlSeconds,
    ...(faxSecret ? { faxSecret } : {}),
    smsFrom: ch.smsFrom ?? lineOf(hotlinesOf(config), undefined).number,
    routing,
  };
}
