// Everything that runs and can be replaced on redeploy: the functions, the job queues, the every-minute
// schedule, the HTTP API, the CloudFront site (web app and fallback TwiML), the secrets the functions read,
// and the alarms.
import { fileURLToPath } from 'node:url';
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { RECONCILE_EVERY_MINUTES, RECONCILE_INPUT } from '../../functions/workers/reconcile-job.js';
import { SCHEDULE_INPUT } from '../../functions/workers/scheduled-jobs.js';
import { AccessLogBucket } from './constructs/access-log-bucket.js';
import { AdminBootstrap } from './constructs/admin-bootstrap.js';
import { Alarms } from './constructs/alarms.js';
import { acknowledgeArchiveWrite, grantArchiveWrite } from './constructs/analytics.js';
import { AppFunction } from './constructs/app-function.js';
import { AppSecrets } from './constructs/app-secrets.js';
import { WEBHOOK_ALIASES } from './constructs/bundling.js';
import { OpsDashboard } from './constructs/dashboard.js';
import { FALLBACK_PREFIX, FallbackTwiml } from './constructs/fallback-twiml.js';
import { HttpEntry } from './constructs/http-api.js';
import { JobQueues } from './constructs/job-queues.js';
import { MinuteSchedule } from './constructs/minute-schedule.js';
import { PushApi } from './constructs/push-api.js';
import { grantWriteNew } from './constructs/recordings-bucket.js';
import { TwilioProvisioning } from './constructs/twilio-provisioning.js';
import { WebSite } from './constructs/web-site.js';
import { type DeploySettings, LIMIT_DEFAULTS, numbersEnvironment } from './deploy-settings.js';
import { acknowledgeBucketRead, acknowledgeTableGrant } from './nag-findings.js';

export interface ServiceStackProps extends StackProps {
  readonly settings: DeploySettings;
  readonly table: ITable;
  readonly recordings: IBucket;
  /** Where the minute job archives raw events (EVENTS_BUCKET). @default no archive */
  readonly analytics?: IBucket;
  /** Built web app. @default <repo>/web/dist */
  readonly webDistDir?: string;
}

/**
 * How cdk-nag prints the stateful stack's exported ARNs in findings. The names are derived from the
 * stateful stack's name and the resources' paths; if they change, the nag test prints the new ones.
 */
const STATEFUL_REFS = {
  tableArn: 'ContactCenterData:ExportsOutputFnGetAttDataTableArn1432CF64',
  recordingsArn: 'ContactCenterData:ExportsOutputFnGetAttRecordingsBucketArnBA846458',
  analyticsArn: 'ContactCenterData:ExportsOutputFnGetAttAnalyticsBucketArn6FF3E8A2',
};

const source = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

export class ServiceStack extends Stack {
  readonly webhooks: AppFunction;
  readonly api: AppFunction;
  readonly worker: AppFunction;
  readonly scheduled: AppFunction;
  readonly jobs: JobQueues;
  readonly secrets: AppSecrets;
  readonly site: WebSite;
  readonly fallback: FallbackTwiml;
  readonly provisioning: TwilioProvisioning;
  readonly firstAdmin: AdminBootstrap;
  readonly everyMinute: MinuteSchedule;
  readonly reconciler: AppFunction;
  readonly reconcileSchedule: MinuteSchedule;
  readonly push: AppFunction;
  readonly pushChannel: PushApi;

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, props);
    const { settings } = props;
    this.secrets = new AppSecrets(this, 'Secrets', {
      twilioAuthTokenSecretName: settings.twilioAuthTokenSecretName,
      ...(settings.twilioApiKeySecretName ? { twilioApiKeySecretName: settings.twilioApiKeySecretName } : {}),
    });
    const workerTimeout = Duration.minutes(2); // copies a long recording from Twilio to S3 and verifies it
    this.jobs = new JobQueues(this, 'Jobs', {
      visibilityTimeout: Duration.seconds(6 * workerTimeout.toSeconds()),
    });
    const environment = {
      TWILIO_ACCOUNT_SID: settings.twilioAccountSid,
      TABLE_NAME: props.table.tableName,
      BUCKET_NAME: props.recordings.bucketName,
      TIME_ZONE: settings.timeZone,
      PHONE_REGION: settings.phoneRegion,
      // Which number runs which flow, the SMS sender and the callbacks' caller id, as the deploy was given.
      ...numbersEnvironment(settings),
      ...this.secrets.environment,
      ...this.jobs.environment,
    };

    this.webhooks = new AppFunction(this, 'Webhooks', {
      entry: source('functions/handlers/twilio-webhooks.ts'),
      description: 'Twilio voice and messaging webhooks',
      environment,
      timeout: Duration.seconds(10), // Twilio waits 15 s, then plays the fallback
      aliases: WEBHOOK_ALIASES,
      // Set aside so the desk's API or the worker can never take the capacity callers need, and capped so a
      // webhook flood cannot take everyone else's.
      reservedConcurrency: settings.webhookConcurrency ?? LIMIT_DEFAULTS.webhookConcurrency,
    });
    this.api = new AppFunction(this, 'Api', {
      entry: source('functions/handlers/api.ts'),
      description: 'REST API for agents, supervisors and admins',
      environment,
      timeout: Duration.seconds(15),
      memorySize: 1024,
    });
    // Only the API mints softphone tokens, so only it reads the API key.
    this.api.fn.addEnvironment('TWILIO_API_KEY_SECRET_ID', this.secrets.twilioApiKeySecretId);
    this.secrets.twilioApiKey.grantRead(this.api.fn);
    this.worker = new AppFunction(this, 'Worker', {
      entry: source('functions/handlers/jobs-worker.ts'),
      description: 'Jobs off the SQS work queue: recordings to S3, SMS, voicemail mail',
      environment,
      timeout: workerTimeout,
      memorySize: 1024,
    });
    this.worker.fn.addEventSource(
      new SqsEventSource(this.jobs.queue, {
        batchSize: 5,
        reportBatchItemFailures: true,
        // A backlog (a busy hour's recordings) drains this many batches at a time, not as many as Lambda
        // would start: each copy calls Twilio's REST API, whose concurrency per account is limited too.
        maxConcurrency: settings.workerMaxConcurrency ?? LIMIT_DEFAULTS.workerMaxConcurrency,
      }),
    );
    // The periodic jobs (functions/workers/periodic-jobs.ts: presence sweep, due callbacks) once a minute,
    // and three presence-sweep jobs queued for the worker 15, 30 and 45 s later (functions/workers/
    // scheduled-jobs.ts), so a quiet agent page leaves Available within ~45 s. EventBridge Scheduler's
    // precision is one minute, which is why the 30 s wrap-up timer is not a schedule but a delayed job on
    // the work queue (functions/domain/scheduler.ts), as are these sweeps.
    this.scheduled = new AppFunction(this, 'Scheduled', {
      entry: source('functions/handlers/scheduled-jobs.ts'),
      description: 'Every minute: periodic jobs (presence sweep, due callbacks), sweeps queued in between',
      environment,
      timeout: Duration.seconds(50), // done before the next minute's invocation
    });
    // Lambda's own async retries off, like the Scheduler's beyond two minutes: the next minute runs anyway.
    this.scheduled.fn.configureAsyncInvoke({ retryAttempts: 0, maxEventAge: Duration.minutes(2) });
    this.everyMinute = new MinuteSchedule(this, 'EveryMinute', {
      target: this.scheduled.fn,
      input: SCHEDULE_INPUT,
      description: 'Every minute: the scheduled-jobs function',
    });
    // Reconciliation (functions/app/reconcile.ts): call records a lost webhook left open are checked against
    // Twilio and closed, lost recordings copied, orphaned tasks released. Every few minutes, not every
    // minute: it asks Twilio about each open call, and a few minutes' delay in closing a record is harmless.
    this.reconciler = new AppFunction(this, 'Reconcile', {
      entry: source('functions/handlers/reconcile.ts'),
      description: 'Every few minutes: open calls, lost recordings and orphaned tasks checked against Twilio',
      environment,
      timeout: Duration.minutes(2),
    });
    this.reconciler.fn.configureAsyncInvoke({ retryAttempts: 0, maxEventAge: Duration.minutes(2) });
    this.reconcileSchedule = new MinuteSchedule(this, 'ReconcileSchedule', {
      target: this.reconciler.fn,
      input: RECONCILE_INPUT,
      description: 'Every few minutes: the reconcile function',
      every: Duration.minutes(RECONCILE_EVERY_MINUTES),
    });
    for (const fn of [this.webhooks.fn, this.api.fn, this.worker.fn, this.scheduled.fn, this.reconciler.fn]) {
      props.table.grantReadWriteData(fn);
      this.secrets.grantRead(fn);
      this.jobs.queue.grantSendMessages(fn);
    }
    // The push channel (functions/app/push.ts): the WebSocket API's function checks tickets and keeps the
    // connections in the table; every function that changes what a desk shows posts to the connections.
    this.push = new AppFunction(this, 'Push', {
      entry: source('functions/handlers/push.ts'),
      description: 'Push channel: WebSocket connect (ticket check), keep-alive and disconnect',
      // What functions/config.ts requires; of the secrets only the session key is read (tickets).
      environment: {
        TWILIO_ACCOUNT_SID: settings.twilioAccountSid,
        TABLE_NAME: props.table.tableName,
        BUCKET_NAME: props.recordings.bucketName,
        TIME_ZONE: settings.timeZone,
        PHONE_REGION: settings.phoneRegion,
        ...this.secrets.environment,
      },
      timeout: Duration.seconds(10),
      memorySize: 256, // two table writes per call; no Twilio client, no API framework
      // A reconnect storm (every desk after a network blip) waits at the gateway instead of taking the
      // concurrency callers' webhooks need; the WebSocket API retries nothing, pages reconnect themselves.
      reservedConcurrency: settings.pushConcurrency ?? LIMIT_DEFAULTS.pushConcurrency,
    });
    props.table.grantReadWriteData(this.push.fn);
    this.secrets.sessionKey.grantRead(this.push.fn);
    this.pushChannel = new PushApi(this, 'PushChannel', { handler: this.push.fn });
    for (const owner of [this.webhooks, this.api, this.worker, this.scheduled, this.reconciler]) {
      for (const [name, value] of Object.entries(this.pushChannel.environment))
        owner.fn.addEnvironment(name, value);
      this.pushChannel.grantPublish(owner.fn, owner);
    }
    // Voicemail mail (mail-send jobs) through SES from MAIL_FROM: only that sender, verified either as its
    // domain or as the address itself. Without mailFrom the worker has neither, and mail jobs dead-letter.
    if (settings.mailFrom) {
      this.worker.fn.addEnvironment('MAIL_FROM', settings.mailFrom.address);
      this.worker.fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['ses:SendEmail'],
          resources: [settings.mailFrom.domain, settings.mailFrom.address].map((identity) =>
            this.formatArn({ service: 'ses', resource: 'identity', resourceName: identity }),
          ),
        }),
      );
    }
    // The API lists and replays dead letters; the worker sends a job that can never succeed straight there.
    this.jobs.deadLetters.grantConsumeMessages(this.api.fn);
    this.jobs.deadLetters.grantSendMessages(this.worker.fn);
    // Playback: the API presigns GET URLs and stores fax PDFs; the worker copies recordings in and reads them
    // back to verify. Nobody may delete or change a lock: expiry is the bucket's lifecycle, and Object Lock
    // keeps each version for the retention period. Webhooks only read recorded prompts, which they presign
    // for Twilio to play.
    for (const fn of [this.api.fn, this.worker.fn]) {
      props.recordings.grantRead(fn);
      grantWriteNew(props.recordings, fn);
    }
    props.recordings.grantRead(this.webhooks.fn, 'prompts/*');
    // The minute job archives each ended interval's events; it may only add files under events/.
    if (props.analytics) {
      this.scheduled.fn.addEnvironment('EVENTS_BUCKET', props.analytics.bucketName);
      grantArchiveWrite(props.analytics, this.scheduled.fn);
      acknowledgeArchiveWrite(this.scheduled, STATEFUL_REFS.analyticsArn);
    }
    for (const owner of [this.webhooks, this.api, this.worker, this.scheduled, this.reconciler, this.push]) {
      acknowledgeTableGrant(owner, STATEFUL_REFS.tableArn);
    }
    for (const owner of [this.api, this.worker]) {
      acknowledgeBucketRead(owner, STATEFUL_REFS.recordingsArn);
    }
    acknowledgeBucketRead(this.webhooks, STATEFUL_REFS.recordingsArn, 'prompts/*');

    const http = new HttpEntry(this, 'Http', {
      webhookFunction: this.webhooks.fn,
      apiFunction: this.api.fn,
      rateLimit: settings.apiRateLimit,
      burstLimit: settings.apiBurstLimit,
      webhookThrottle: {
        rateLimit: settings.webhookRateLimit ?? LIMIT_DEFAULTS.webhookRateLimit,
        burstLimit: settings.webhookBurstLimit ?? LIMIT_DEFAULTS.webhookBurstLimit,
      },
      loginThrottle: {
        rateLimit: settings.loginRateLimit ?? LIMIT_DEFAULTS.loginRateLimit,
        burstLimit: settings.loginBurstLimit ?? LIMIT_DEFAULTS.loginBurstLimit,
      },
    });
    const logs = new AccessLogBucket(this, 'SiteLogs', {
      retentionDays: settings.accessLogRetentionDays,
      allowCloudFrontLogs: true,
    });
    this.site = new WebSite(this, 'Site', {
      apiDomainName: http.domainName,
      originVerify: this.secrets.originVerify.secretValue,
      webDistDir: props.webDistDir ?? source('web/dist'),
      logsBucket: logs.bucket,
      recordingsBucketName: props.recordings.bucketName,
      pushOrigin: this.pushChannel.origin,
      keepPrefixes: [FALLBACK_PREFIX],
      ...(settings.domain ? { domain: settings.domain } : {}),
    });
    // Set after the distribution exists: signatures are checked against these URLs, not the Host. Twilio's
    // webhooks go to the HTTP API's own endpoint: through CloudFront each would pay its request price too,
    // for nothing (no cache, and a signed request needs no WAF); the site keeps CloudFront.
    const webhookBaseUrl = `https://${http.domainName}`;
    for (const fn of [
      this.webhooks.fn,
      this.api.fn,
      this.worker.fn,
      this.scheduled.fn,
      this.reconciler.fn,
      this.push.fn,
    ]) {
      fn.addEnvironment('PUBLIC_BASE_URL', this.site.url);
      fn.addEnvironment('WEBHOOK_BASE_URL', webhookBaseUrl);
    }

    this.fallback = new FallbackTwiml(this, 'Fallback', {
      bucket: this.site.bucket,
      bucketArnRef: this.site.bucketArnRef,
      distribution: this.site.distribution,
      baseUrl: this.site.url,
    });

    // After the site: Twilio gets the public and fallback URLs. The SIDs land in the `taskrouter` setting,
    // where the functions read them (as locally), so no function depends on this resource.
    this.provisioning = new TwilioProvisioning(this, 'TwilioProvisioning', {
      entry: source('functions/handlers/provision-twilio.ts'),
      environment: {
        TWILIO_ACCOUNT_SID: settings.twilioAccountSid,
        TABLE_NAME: props.table.tableName,
        TIME_ZONE: settings.timeZone,
        PHONE_REGION: settings.phoneRegion,
      },
      authToken: this.secrets.twilioAuthToken,
      table: props.table,
      tableArnRef: STATEFUL_REFS.tableArn,
      publicUrl: this.site.url,
      webhookUrl: webhookBaseUrl,
      fallbackUrl: this.fallback.url,
      phoneNumbers: settings.phoneNumbers,
      apiKey: {
        secret: this.secrets.twilioApiKey,
        secretId: this.secrets.twilioApiKeySecretId,
        managed: this.secrets.twilioApiKeyManaged,
      },
    });

    // The first admin, so the new deployment can be signed in to; independent of Twilio (see the construct).
    this.firstAdmin = new AdminBootstrap(this, 'FirstAdmin', {
      entry: source('functions/handlers/bootstrap-admin.ts'),
      adminId: settings.adminId,
      table: props.table,
      tableArnRef: STATEFUL_REFS.tableArn,
    });

    const alarms = new Alarms(this, 'Alarms', settings.alarmEmail ? { email: settings.alarmEmail } : {});
    alarms.watchFunction('Webhooks', this.webhooks.fn);
    alarms.watchFunction('Api', this.api.fn);
    alarms.watchFunction('Worker', this.worker.fn);
    alarms.watchFunction('Scheduled', this.scheduled.fn);
    alarms.watchLatency('Webhooks', this.webhooks.fn, 2000);
    alarms.watchQueueDepth('JobDeadLetters', this.jobs.deadLetters);
    alarms.watchQueueDepth('ScheduleDeadLetters', this.everyMinute.deadLetters);
    alarms.watchFunction('Reconcile', this.reconciler.fn);
    alarms.watchFunction('Push', this.push.fn);
    alarms.watchQueueDepth('ReconcileDeadLetters', this.reconcileSchedule.deadLetters);
    alarms.watchHttpApi(http.api, http.accessLogs);
    alarms.watchCloudFront(this.site.distribution);
    alarms.watchRecordingCopies(this.worker.logGroup);
    // Outbound attempts are refused by the API (agents), the webhooks (a waiting caller's callback) and
    // the scheduled jobs (callbacks when due).
    alarms.watchDialRefusals({
      Api: this.api.logGroup,
      Webhooks: this.webhooks.logGroup,
      Scheduled: this.scheduled.logGroup,
    });

    new OpsDashboard(this, 'Dashboard', {
      functions: {
        Webhooks: this.webhooks.fn,
        Api: this.api.fn,
        Worker: this.worker.fn,
        Scheduled: this.scheduled.fn,
        Reconcile: this.reconciler.fn,
        Push: this.push.fn,
      },
      webhooks: this.webhooks.fn,
      httpApi: http.api,
      accessLogs: http.accessLogs,
      distribution: this.site.distribution,
      queue: this.jobs.queue,
      deadLetters: {
        jobs: this.jobs.deadLetters,
        schedule: this.everyMinute.deadLetters,
        reconcile: this.reconcileSchedule.deadLetters,
      },
      push: { apiId: this.pushChannel.api.apiId, stageName: this.pushChannel.stage.stageName },
    });

    new CfnOutput(this, 'PublicUrl', {
      value: this.site.url,
      description: 'Web app and API base URL',
    });
    new CfnOutput(this, 'WebhookUrl', {
      value: webhookBaseUrl,
      description: "Base URL of Twilio's webhooks: the HTTP API's own endpoint",
    });
    new CfnOutput(this, 'FallbackTwimlUrl', {
      value: this.fallback.url,
      description: 'Voice fallback URL for every number (fetch with GET)',
    });
    new CfnOutput(this, 'PushUrl', {
      value: this.pushChannel.url,
      description: 'WebSocket URL of the push channel (pages get it with their ticket from POST /api/push)',
    });
    new CfnOutput(this, 'AdminId', { value: settings.adminId, description: 'Login id of the first admin' });
    new CfnOutput(this, 'AdminPasswordSecret', {
      value: this.firstAdmin.password.secretArn,
      description:
        "Secret holding the first admin's generated password: aws secretsmanager get-secret-value --secret-id <this> --query SecretString --output text",
    });
    new CfnOutput(this, 'AlarmTopicArn', { value: alarms.topic.topicArn });
    new CfnOutput(this, 'TwilioWorkspaceSid', { value: this.provisioning.workspaceSid });
    new CfnOutput(this, 'TwilioWorkflowSid', { value: this.provisioning.workflowSid });
    new CfnOutput(this, 'TwilioSoftphoneAppSid', {
      value: this.provisioning.twimlAppSid,
      description: 'TwiML App of the browser softphone (Access Tokens name it for outgoing calls)',
    });
  }
}
