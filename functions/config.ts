// The only reader of process.env. Every setting the application needs, validated once, failing fast
// with the name of the missing or malformed key.

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly key: string,
    problem: string,
  ) {
    super(`Configuration ${key}: ${problem}`);
  }
}

/** Levels of the structured log, quietest last; Powertools' names, so its variables read the same. */
export const LOG_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'CRITICAL', 'SILENT'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface AppConfig {
  /** Public base URL of the center (the site browsers open), e.g. https://cc.example.com. */
  readonly publicBaseUrl: string;
  /**
   * Base URL Twilio's webhooks go to: every TwiML, REST and provisioning URL the app hands Twilio starts
   * with it. In AWS the HTTP API's own endpoint, so Twilio's requests skip CloudFront and its request
   * price (a webhook needs neither its cache nor its WAF: each one is signed); the public URL otherwise.
   * Signatures are accepted on either base, so a number still wired to the public URL keeps working.
   */
  readonly webhookBaseUrl: string;
  readonly twilio: {
    readonly accountSid: string;
    /** Where the auth token comes from: inline (local), or a Secrets Manager secret id (AWS). */
    readonly authToken:
      | { readonly source: 'inline'; readonly value: string }
      | { readonly source: 'secret'; readonly secretId: string };
    /** Base URL of Twilio's REST API; the local twin in local mode. */
    readonly apiBaseUrl?: string;
    /** Conversational Intelligence Service (GA…) that transcribes call recordings; absent = no transcripts. */
    readonly intelligenceServiceSid?: string;
    /** API key (SK…) that signs browser Access Tokens; absent = POST /api/agent/token answers 409. */
    readonly apiKey?: {
      /** Absent when the secret holds both halves as JSON {"sid","secret"} (the AWS stack's key). */
      readonly sid?: string;
      readonly secret:
        | { readonly source: 'inline'; readonly value: string }
        | { readonly source: 'secret'; readonly secretId: string };
    };
  };
  readonly tableName: string;
  readonly bucketName: string;
  /**
   * Bucket the raw events are archived to for Athena (EVENTS_BUCKET), under `events/`; absent = no archive
   * in AWS (locally the stack archives to a folder instead).
   */
  readonly eventsBucket?: string;
  /** Endpoints for the embedded local stack; absent in AWS. */
  readonly dynamodbEndpoint?: string;
  readonly s3Endpoint?: string;
  readonly region: string;
  /** ISO 3166 region used to read national phone numbers, e.g. CN. */
  readonly defaultPhoneRegion: string;
  /** IANA time zone of the center (business hours, reports). */
  readonly timeZone: string;
  readonly session: {
    /** HMAC key for session tokens: inline (local) or a secret id (AWS). */
    readonly key:
      | { readonly source: 'inline'; readonly value: string }
      | { readonly source: 'secret'; readonly secretId: string };
    readonly ttlSeconds: number;
  };
  /**
   * The push channel (functions/app/push.ts): `url` is where pages open their WebSocket (wss:// in AWS,
   * the local server's /push locally); `callbackUrl` is API Gateway's connection management endpoint
   * (AWS only). Absent: pages poll.
   */
  readonly push?: { readonly url: string; readonly callbackUrl?: string };
  /**
   * The value CloudFront adds to every API request as X-Origin-Verify: only a request carrying it came
   * through CloudFront, so only its CloudFront-Viewer-Address is believed. Absent locally.
   */
  readonly originVerify?:
    | { readonly source: 'inline'; readonly value: string }
    | { readonly source: 'secret'; readonly secretId: string };
  /**
   * The deployment's numbers and the flow each runs (HOTLINES, `+E164=flow` comma-separated), as the
   * deploy's `numbers` context gives them; absent = the local demo numbers of flows/numbers.ts.
   */
  readonly hotlines?: readonly { readonly number: string; readonly flow: string }[];
  /** Lowest level logged (POWERTOOLS_LOG_LEVEL, or LOG_LEVEL); loaders always fill it, absent = INFO. */
  readonly logLevel?: LogLevel;
  /** Recordings, SMS, mail and fax; loadConfig always fills it, hand-built configs may omit it. */
  readonly channels?: {
    /** Lifetime of presigned playback URLs; short, since anyone holding one can listen. */
    readonly playbackTtlSeconds: number;
    /** SQS work queue and its dead-letter queue (AWS); absent locally (in-process queue). */
    readonly jobsQueueUrl?: string;
    readonly jobsDeadLetterUrl?: string;
    /** Our SMS sender number, E.164; default the first hotline in flows/numbers.ts. */
    readonly smsFrom?: string;
    /** Caller id of the center's callbacks (CALLBACK_CALLER_ID), E.164; absent = as smsFrom. */
    readonly callbackCallerId?: string;
    /** Verified SES sender for voicemail emails; absent = no email in AWS. */
    readonly mailFrom?: string;
    /** Post-call SMS survey after a completed call with an agent (SURVEY_ENABLED, SURVEY_DELAY_SECONDS). */
    readonly survey?: { readonly enabled: boolean; readonly delaySeconds: number };
    /** HMAC key of the fax provider's webhook; absent = /fax/inbound answers 404. */
    readonly faxSecret?:
      | { readonly source: 'inline'; readonly value: string }
      | { readonly source: 'secret'; readonly secretId: string };
  };
}

type Env = Readonly<Record<string, string | undefined>>;

function required(env: Env, key: string): string {
  const value = env[key]?.trim();
  if (!value) throw new ConfigError(key, 'is required but not set');
  return value;
}

function optional(env: Env, key: string): string | undefined {
  const value = env[key]?.trim();
  return value ? value : undefined;
}

function url(key: string, value: string): string {
  try {
    const parsed = new URL(value);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error('scheme');
  } catch {
    throw new ConfigError(key, `must be an http(s) URL, got "${value}"`);
  }
  return value.replace(/\/+$/, '');
}

function positiveInt(env: Env, key: string, fallback: number): number {
  const raw = optional(env, key);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new ConfigError(key, `must be a positive integer, got "${raw}"`);
  return n;
}

function timeZone(env: Env, key: string, fallback: string): string {
  const tz = optional(env, key) ?? fallback;
  if (isKnownTimeZone(tz)) return tz;
  throw new ConfigError(key, `must be an IANA time zone such as Asia/Shanghai, got "${tz}"`);
}

/**
 * The first Intl formatter in a process costs 10-15 ms of ICU set-up, a third of the webhook function's
 * cold load (bench-results/lambda-bundles.json), so the common case is a lookup in ICU's list of
 * canonical zones (under 2 ms). Aliases missing from that list (Asia/Kolkata, UTC) fall back to asking
 * a formatter, which accepts exactly what the IVR's and the ticket counter's formatters will.
 */
function isKnownTimeZone(tz: string): boolean {
  if (Intl.supportedValuesOf('timeZone').includes(tz)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Powertools' own variable first, then its alias, as Powertools reads them; any case. */
function logLevel(env: Env): LogLevel {
  const key = optional(env, 'POWERTOOLS_LOG_LEVEL') ? 'POWERTOOLS_LOG_LEVEL' : 'LOG_LEVEL';
  const raw = optional(env, key);
  if (raw === undefined) return 'INFO';
  const level = LOG_LEVELS.find((l) => l === raw.toUpperCase());
  if (!level) throw new ConfigError(key, `must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  return level;
}

function secretOrInline(env: Env, inlineKey: string, secretKey: string) {
  const secretId = optional(env, secretKey);
  if (secretId) return { source: 'secret', secretId } as const;
  const value = optional(env, inlineKey);
  if (value) return { source: 'inline', value } as const;
  throw new ConfigError(inlineKey, `is required (or ${secretKey} naming a Secrets Manager secret)`);
}

/** Reads the configuration from `env` (process.env by default). Throws ConfigError naming the key. */
export function loadConfig(env: Env = process.env): AppConfig {
  const accountSid = required(env, 'TWILIO_ACCOUNT_SID');
  if (!/^AC[0-9a-f]{32}$/.test(accountSid)) {
    throw new ConfigError('TWILIO_ACCOUNT_SID', 'must be "AC" followed by 32 lower-case hex characters');
  }
  const region = optional(env, 'PHONE_REGION') ?? 'CN';
  if (!/^[A-Z]{2}$/.test(region))
    throw new ConfigError('PHONE_REGION', `must be a two-letter country code, got "${region}"`);
  const apiBase = optional(env, 'TWILIO_API_BASE_URL');
  const dynamo = optional(env, 'DYNAMODB_ENDPOINT');
  const s3 = optional(env, 'S3_ENDPOINT');
  const publicBaseUrl = url('PUBLIC_BASE_URL', required(env, 'PUBLIC_BASE_URL'));
  const webhookBase = optional(env, 'WEBHOOK_BASE_URL');
  return {
    publicBaseUrl,
    webhookBaseUrl: webhookBase ? url('WEBHOOK_BASE_URL', webhookBase) : publicBaseUrl,
    twilio: {
      accountSid,
      authToken: secretOrInline(env, 'TWILIO_AUTH_TOKEN', 'TWILIO_AUTH_TOKEN_SECRET_ID'),
      ...(apiBase ? { apiBaseUrl: url('TWILIO_API_BASE_URL', apiBase) } : {}),
      ...intelligenceService(env),
      ...twilioApiKey(env),
    },
    tableName: required(env, 'TABLE_NAME'),
    bucketName: required(env, 'BUCKET_NAME'),
    ...eventsBucket(env),
    ...(dynamo ? { dynamodbEndpoint: url('DYNAMODB_ENDPOINT', dynamo) } : {}),
    ...(s3 ? { s3Endpoint: url('S3_ENDPOINT', s3) } : {}),
    region: optional(env, 'AWS_REGION') ?? 'us-east-1',
    defaultPhoneRegion: region,
    timeZone: timeZone(env, 'TIME_ZONE', 'Asia/Shanghai'),
    session: {
      key: secretOrInline(env, 'SESSION_KEY', 'SESSION_KEY_SECRET_ID'),
      ttlSeconds: positiveInt(env, 'SESSION_TTL_SECONDS', 8 * 3600),
    },
    ...originVerify(env),
    ...push(env),
    ...hotlines(env),
    logLevel: logLevel(env),
    channels: channelSettings(env),
  };
}

function eventsBucket(env: Env): Pick<AppConfig, 'eventsBucket'> {
  const bucket = optional(env, 'EVENTS_BUCKET');
  if (bucket === undefined) return {};
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket))
    throw new ConfigError('EVENTS_BUCKET', `must be an S3 bucket name, got "${bucket}"`);
  return { eventsBucket: bucket };
}

function push(env: Env): Pick<AppConfig, 'push'> {
  const pushUrl = optional(env, 'PUSH_URL');
  if (!pushUrl) return {};
  if (!/^wss?:\/\//.test(pushUrl))
    throw new ConfigError('PUSH_URL', `must be a ws:// or wss:// URL, got "${pushUrl}"`);
  const callback = optional(env, 'PUSH_CALLBACK_URL');
  return { push: { url: pushUrl, ...(callback ? { callbackUrl: url('PUSH_CALLBACK_URL', callback) } : {}) } };
}

function originVerify(env: Env): Pick<AppConfig, 'originVerify'> {
  const secretId = optional(env, 'ORIGIN_VERIFY_SECRET_ID');
  if (secretId) return { originVerify: { source: 'secret', secretId } };
  const value = optional(env, 'ORIGIN_VERIFY');
  return value ? { originVerify: { source: 'inline', value } } : {};
}

/** What the Twilio provisioning step (CDK custom resource) needs: the account, its token, the table. */
export interface ProvisioningConfig {
  readonly twilio: Pick<AppConfig['twilio'], 'accountSid' | 'authToken' | 'apiBaseUrl'>;
  readonly tableName: string;
  readonly dynamodbEndpoint?: string;
  readonly region: string;
  readonly defaultPhoneRegion: string;
  readonly timeZone: string;
  readonly logLevel: LogLevel;
}

/** Reads the provisioning function's configuration; no session key, bucket or public URL (those come per event). */
export function loadProvisioningConfig(env: Env = process.env): ProvisioningConfig {
  const accountSid = required(env, 'TWILIO_ACCOUNT_SID');
  if (!/^AC[0-9a-f]{32}$/.test(accountSid)) {
    throw new ConfigError('TWILIO_ACCOUNT_SID', 'must be "AC" followed by 32 lower-case hex characters');
  }
  const apiBase = optional(env, 'TWILIO_API_BASE_URL');
  const dynamo = optional(env, 'DYNAMODB_ENDPOINT');
  const region = optional(env, 'PHONE_REGION') ?? 'CN';
  if (!/^[A-Z]{2}$/.test(region))
    throw new ConfigError('PHONE_REGION', `must be a two-letter country code, got "${region}"`);
  return {
    twilio: {
      accountSid,
      authToken: secretOrInline(env, 'TWILIO_AUTH_TOKEN', 'TWILIO_AUTH_TOKEN_SECRET_ID'),
      ...(apiBase ? { apiBaseUrl: url('TWILIO_API_BASE_URL', apiBase) } : {}),
    },
    tableName: required(env, 'TABLE_NAME'),
    ...(dynamo ? { dynamodbEndpoint: url('DYNAMODB_ENDPOINT', dynamo) } : {}),
    region: optional(env, 'AWS_REGION') ?? 'us-east-1',
    defaultPhoneRegion: region,
    timeZone: timeZone(env, 'TIME_ZONE', 'Asia/Shanghai'),
    logLevel: logLevel(env),
  };
}

/** What the first-admin bootstrap (CDK custom resource) needs: the table and the password secret's id. */
export interface BootstrapConfig {
  readonly tableName: string;
  readonly dynamodbEndpoint?: string;
  readonly region: string;
  /** The generated password: a Secrets Manager id in AWS (ADMIN_PASSWORD_SECRET_ID), inline for tests. */
  readonly adminPassword: AppConfig['session']['key'];
  readonly logLevel: LogLevel;
}

export function loadBootstrapConfig(env: Env = process.env): BootstrapConfig {
  const dynamo = optional(env, 'DYNAMODB_ENDPOINT');
  return {
    tableName: required(env, 'TABLE_NAME'),
    ...(dynamo ? { dynamodbEndpoint: url('DYNAMODB_ENDPOINT', dynamo) } : {}),
    region: optional(env, 'AWS_REGION') ?? 'us-east-1',
    adminPassword: secretOrInline(env, 'ADMIN_PASSWORD', 'ADMIN_PASSWORD_SECRET_ID'),
    logLevel: logLevel(env),
  };
}

/**
 * Both halves or neither: a key SID without its secret (or an inline secret without its SID) fails at
 * start, naming the key. A Secrets Manager secret alone holds both, as the stack's provisioning stores them.
 */
function intelligenceService(env: Env): { intelligenceServiceSid?: string } {
  const sid = optional(env, 'TWILIO_INTELLIGENCE_SERVICE_SID');
  if (!sid) return {};
  if (!/^GA[0-9a-f]{32}$/.test(sid))
    throw new ConfigError(
      'TWILIO_INTELLIGENCE_SERVICE_SID',
      'must be "GA" followed by 32 lower-case hex characters',
    );
  return { intelligenceServiceSid: sid };
}

function twilioApiKey(env: Env): { apiKey?: NonNullable<AppConfig['twilio']['apiKey']> } {
  const sid = optional(env, 'TWILIO_API_KEY_SID');
  const secretId = optional(env, 'TWILIO_API_KEY_SECRET_ID');
  const hasSecret = optional(env, 'TWILIO_API_KEY_SECRET') ?? secretId;
  if (!sid && !hasSecret) return {};
  if (!sid && secretId) return { apiKey: { secret: { source: 'secret', secretId } } };
  if (!sid) throw new ConfigError('TWILIO_API_KEY_SID', 'is required when an API key secret is set');
  if (!/^SK[0-9a-f]{32}$/.test(sid))
    throw new ConfigError('TWILIO_API_KEY_SID', 'must be "SK" followed by 32 lower-case hex characters');
  return {
    apiKey: { sid, secret: secretOrInline(env, 'TWILIO_API_KEY_SECRET', 'TWILIO_API_KEY_SECRET_ID') },
  };
}

const E164 = /^\+[1-9]\d{6,14}$/;

/** HOTLINES: `+E164=flow` pairs, comma-separated; each number once, each flow a name (checked by the deploy). */
function hotlines(env: Env): Pick<AppConfig, 'hotlines'> {
  const raw = optional(env, 'HOTLINES');
  if (raw === undefined) return {};
  const seen = new Set<string>();
  const list = raw.split(',').map((pair) => {
    const [number = '', flow = '', extra] = pair.split('=').map((p) => p.trim());
    if (!E164.test(number) || !/^[a-z0-9-]+$/.test(flow) || extra !== undefined)
      throw new ConfigError('HOTLINES', `each entry must be +E164=flow, got "${pair.trim()}"`);
    if (seen.has(number)) throw new ConfigError('HOTLINES', `${number} is listed twice`);
    seen.add(number);
    return { number, flow };
  });
  return { hotlines: list };
}

function channelSettings(env: Env): NonNullable<AppConfig['channels']> {
  const ttl = positiveInt(env, 'PLAYBACK_URL_TTL_SECONDS', 300);
  if (ttl > 3600) throw new ConfigError('PLAYBACK_URL_TTL_SECONDS', `must be at most 3600, got ${ttl}`);
  const queue = optional(env, 'JOBS_QUEUE_URL');
  const dlq = optional(env, 'JOBS_DEAD_LETTER_URL');
  const smsFrom = optional(env, 'SMS_FROM_NUMBER');
  if (smsFrom && !/^\+[1-9]\d{6,14}$/.test(smsFrom))
    throw new ConfigError('SMS_FROM_NUMBER', `must be an E.164 number, got "${smsFrom}"`);
  const callbackCallerId = optional(env, 'CALLBACK_CALLER_ID');
  if (callbackCallerId && !E164.test(callbackCallerId))
    throw new ConfigError('CALLBACK_CALLER_ID', `must be an E.164 number, got "${callbackCallerId}"`);
  const mailFrom = optional(env, 'MAIL_FROM');
  const faxSecretId = optional(env, 'FAX_WEBHOOK_SECRET_ID');
  const faxSecret = optional(env, 'FAX_WEBHOOK_SECRET');
  if (faxSecret && faxSecret.length < 32)
    throw new ConfigError('FAX_WEBHOOK_SECRET', 'must be at least 32 characters');
  return {
    playbackTtlSeconds: ttl,
    survey: surveySettings(env),
    ...(queue ? { jobsQueueUrl: url('JOBS_QUEUE_URL', queue) } : {}),
    ...(dlq ? { jobsDeadLetterUrl: url('JOBS_DEAD_LETTER_URL', dlq) } : {}),
    ...(smsFrom ? { smsFrom } : {}),
    ...(callbackCallerId ? { callbackCallerId } : {}),
    ...(mailFrom ? { mailFrom } : {}),
    ...(faxSecretId
      ? { faxSecret: { source: 'secret', secretId: faxSecretId } as const }
      : faxSecret
        ? { faxSecret: { source: 'inline', value: faxSecret } as const }
        : {}),
  };
}

/** Default on, a minute after hang-up; the delay is at most 900 s (the SQS DelaySeconds limit). */
function surveySettings(env: Env): { enabled: boolean; delaySeconds: number } {
  const raw = optional(env, 'SURVEY_ENABLED')?.toLowerCase() ?? 'true';
  if (!['true', 'false', '1', '0', 'on', 'off'].includes(raw))
    throw new ConfigError('SURVEY_ENABLED', `must be true or false, got "${raw}"`);
  const delayRaw = optional(env, 'SURVEY_DELAY_SECONDS') ?? '60';
  const delaySeconds = Number(delayRaw);
  if (!Number.isInteger(delaySeconds) || delaySeconds < 0 || delaySeconds > 900)
    throw new ConfigError('SURVEY_DELAY_SECONDS', `must be a whole number from 0 to 900, got "${delayRaw}"`);
  return { enabled: ['true', '1', 'on'].includes(raw), delaySeconds };
}

export interface LocalOptions {
  readonly port: number;
  /** Folder for dynalite and s3rver data; absent means a throwaway in-memory run. */
  readonly dataDir?: string;
  readonly host: string;
  /** Write the eight weeks of demo history on a fresh data folder (DEMO_HISTORY, default on). */
  readonly demoHistory: boolean;
}

/** Settings of the embedded local stack (`npm start`). */
export function loadLocalOptions(env: Env = process.env): LocalOptions {
  const port = optional(env, 'PORT');
  const n = port === undefined ? 3000 : Number(port);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new ConfigError('PORT', `must be a port number 0-65535, got "${port}"`);
  const memory = optional(env, 'IN_MEMORY');
  if (memory !== undefined && memory !== '1' && memory !== 'true' && memory !== '0' && memory !== 'false') {
    throw new ConfigError('IN_MEMORY', `must be 1/true or 0/false, got "${memory}"`);
  }
  const inMemory = memory === '1' || memory === 'true';
  const history = optional(env, 'DEMO_HISTORY');
  if (history !== undefined && !['1', 'true', '0', 'false'].includes(history))
    throw new ConfigError('DEMO_HISTORY', `must be 1/true or 0/false, got "${history}"`);
  return {
    port: n,
    demoHistory: history !== '0' && history !== 'false',
    host: optional(env, 'HOST') ?? '127.0.0.1',
    ...(inMemory ? {} : { dataDir: optional(env, 'DATA_DIR') ?? '.data' }),
  };
}
