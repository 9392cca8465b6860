// The local column for recordings, SMS, mail and fax: the in-process job queue on the shared clock with the
// same worker as AWS, the media store on s3rver, the SES stand-in outbox (files under DATA_DIR/outbox, or
// memory), task routing through the twin's TaskRouter, and the fax provider simulator's shared secret.

import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { HOTLINE_NUMBERS } from '../../flows/numbers.js';
import { createLocalOutbox } from '../../functions/adapters/mail/local-outbox.js';
import { createLocalQueue, type LocalQueue } from '../../functions/adapters/queue/local-queue.js';
import { createS3MediaStore } from '../../functions/adapters/s3/media-store.js';
import type { TwilioClient } from '../../functions/adapters/twilio/client.js';
import { createTwilioRecordingMedia } from '../../functions/adapters/twilio/recording-media.js';
import { createTwilioPorts } from '../../functions/adapters/twilio/twilio-ports.js';
import { createWorkRouting } from '../../functions/app/work-routing.js';
import type { AppConfig } from '../../functions/config.js';
import type { NewCenterEvent } from '../../functions/domain/history/event.js';
import type { TimerClock } from '../../functions/domain/manual-clock.js';
import type { Store } from '../../functions/domain/ports.js';
import type { TranscriptionPort } from '../../functions/domain/quality/transcription-port.js';
import type { ChannelDeps } from '../../functions/http/channel-deps.js';
import { createJobWorker } from '../../functions/workers/job-worker.js';

/** Signs /sim/faxes requests to /fax/inbound; local only, good for nothing else. */
export const LOCAL_FAX_SECRET = 'local-only-fax-webhook-secret-000000000000';

export interface LocalChannels {
  readonly channels: ChannelDeps;
  readonly queue: LocalQueue;
  stop(): void;
}

export function createLocalChannels(input: {
  readonly config: AppConfig;
  readonly twilioAuthToken: string;
  readonly store: Store;
  readonly clock: TimerClock;
  readonly twilio: TwilioClient;
  /** How the Twilio REST requests go out; default the global fetch (the stack passes its in-process one). */
  readonly twilioFetch?: typeof fetch;
  readonly dataDir?: string;
  /** Writes facts into the event history (texts sent, surveys asked). */
  readonly recordHistory?: (events: readonly NewCenterEvent[]) => Promise<void>;
  /** Transcribes stored agent calls (the twin's Intelligence locally). */
  readonly transcription?: TranscriptionPort;
  readonly log?: (line: string) => void;
}): LocalChannels {
  const { config, store, clock, twilio } = input;
  const s3 = new S3Client({
    region: config.region,
    forcePathStyle: true,
    ...(config.s3Endpoint ? { endpoint: config.s3Endpoint } : {}),
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  const media = createS3MediaStore({ client: s3, bucket: config.bucketName });
  const queue = createLocalQueue({ clock, ...(input.log ? { log: input.log } : {}) });
  const smsFrom = config.channels?.smsFrom ?? HOTLINE_NUMBERS[0].number;
  const routing = createWorkRouting({
    store,
    taskrouter: createTwilioPorts({
      accountSid: config.twilio.accountSid,
      authToken: input.twilioAuthToken,
      ...(config.twilio.apiBaseUrl ? { apiBaseUrl: config.twilio.apiBaseUrl } : {}),
      ...(input.twilioFetch ? { fetch: input.twilioFetch } : {}),
    }).taskrouter,
  });
  const mail = createLocalOutbox(clock, input.dataDir ? join(input.dataDir, 'outbox') : undefined);
  queue.setHandler(
    createJobWorker({
      store,
      clock,
      media,
      twilioMedia: createTwilioRecordingMedia({
        accountSid: config.twilio.accountSid,
        authToken: input.twilioAuthToken,
        ...(config.twilio.apiBaseUrl ? { apiBaseUrl: config.twilio.apiBaseUrl } : {}),
      }),
      messages: twilio.messages,
      routing,
      smsFrom,
      publicBaseUrl: config.publicBaseUrl,
      webhookBaseUrl: config.webhookBaseUrl,
      jobs: queue,
      mail,
      ...(input.recordHistory ? { recordHistory: input.recordHistory } : {}),
      ...(input.transcription ? { transcription: input.transcription } : {}),
    }),
  );
  return {
    queue,
    channels: {
      jobs: queue,
      deadLetters: queue,
      media,
      mail,
      playbackTtlSeconds: config.channels?.playbackTtlSeconds ?? 300,
      faxSecret: LOCAL_FAX_SECRET,
      smsFrom,
      routing,
    },
    stop: () => s3.destroy(),
  };
}
