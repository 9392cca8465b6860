// What a deployment can be told through CDK context (`cdk.json` or `-c key=value`), with defaults that let
// `npm run synth` work on a fresh clone. Parsed here, read from context only by infra/aws/app.ts.
import { flows } from '../../flows/index.js';
import { HOTLINE_NUMBERS } from '../../flows/numbers.js';
import { USER_ID_PATTERN, USER_ID_RULE } from '../../functions/domain/model.js';

export interface DeploySettings {
  /** Twilio account SID (AC + 32 hex). Default: a placeholder that synthesizes but cannot serve Twilio. */
  readonly twilioAccountSid: string;
  /**
   * Login id of the first admin, created on deploy (with a generated password in Secrets Manager) unless a
   * user with that id already exists. Default "admin".
   */
  readonly adminId: string;
  /** Name of the pre-created Secrets Manager secret holding the Twilio auth token. */
  readonly twilioAuthTokenSecretName: string;
  /**
   * The center's Twilio numbers (context `numbers`), each with the flow it runs; the provisioning step
   * points them at this deployment. Empty only while twilioAccountSid is the placeholder.
   */
  readonly phoneNumbers: readonly HotlineAssignment[];
  /** The number SMS are sent from (context `smsFrom`), one of phoneNumbers. Default the first of them. */
  readonly smsFrom?: string;
  /** Caller id of the center's callbacks (context `callbackCallerId`), one of phoneNumbers. Default smsFrom. */
  readonly callbackCallerId?: string;
  /**
   * Name of a pre-created secret holding the softphone's API key as {"sid":"SK…","secret":"…"}. Default
   * none: the stack creates the secret and the provisioning step creates the key in it.
   */
  readonly twilioApiKeySecretName?: string;
  /** Custom domain (e.g. cc.example.com) and its us-east-1 ACM certificate ARN; both or neither. */
  readonly domain?: { readonly name: string; readonly certificateArn: string };
  /** Days before recordings move to S3 Glacier Instant Retrieval. Default 90. */
  readonly recordingArchiveDays: number;
  /** Days recordings, voicemails and faxes are kept before S3 deletes them. Default 730. */
  readonly recordingRetentionDays: number;
  /** Days S3/CloudFront access logs are kept. Default 365. */
  readonly accessLogRetentionDays: number;
  /** Email that receives alarm notifications; none by default. */
  readonly alarmEmail?: string;
  /**
   * Sender address of voicemail mail through SES (the worker's MAIL_FROM); its domain (or the address)
   * must be a verified SES identity. None by default: mail jobs then fail fast to the dead letters.
   */
  readonly mailFrom?: { readonly address: string; readonly domain: string };
  /** IANA time zone of the center. Default Asia/Shanghai. */
  readonly timeZone: string;
  /** Region for national phone formats (ISO 3166). Default CN. */
  readonly phoneRegion: string;
  /** Steady-state requests per second and burst the HTTP API accepts. Defaults 50 and 100. */
  readonly apiRateLimit: number;
  readonly apiBurstLimit: number;
  /**
   * Requests per second and burst for Twilio's webhooks (`/twilio/*`), throttled apart from the desk so a
   * busy desk cannot starve calls. Defaults in LIMIT_DEFAULTS.
   */
  readonly webhookRateLimit?: number;
  readonly webhookBurstLimit?: number;
  /** Requests per second and burst for `POST /api/auth/login`, across all viewers. Defaults in LIMIT_DEFAULTS. */
  readonly loginRateLimit?: number;
  readonly loginBurstLimit?: number;
  /**
   * Lambda concurrency reserved for the webhook function, also its ceiling; 0 reserves none. It comes out
   * of the account's concurrency quota, which must keep 100 unreserved. Default in LIMIT_DEFAULTS.
   */
  readonly webhookConcurrency?: number;
  /**
   * Lambda concurrency reserved for the push channel's function (WebSocket connects and keep-alives), also
   * its ceiling; 0 reserves none. Default in LIMIT_DEFAULTS.
   */
  readonly pushConcurrency?: number;
  /** Most concurrent worker invocations the job queue starts (2 to 1000). Default in LIMIT_DEFAULTS. */
  readonly workerMaxConcurrency?: number;
  /** Object Lock retention of each recording, at most recordingRetentionDays. Default recordingRetentionDays. */
  readonly recordingLockDays?: number;
  /** Object Lock mode of the recordings bucket. Default governance (an admin with bypass rights can purge). */
  readonly recordingLockMode?: RecordingLockMode;
}

export type RecordingLockMode = 'governance' | 'compliance';

/** Defaults of the load and abuse limits, applied where the stack uses them. */
export const LIMIT_DEFAULTS = {
  webhookRateLimit: 100,
  webhookBurstLimit: 200,
  loginRateLimit: 5,
  loginBurstLimit: 20,
  webhookConcurrency: 50,
  pushConcurrency: 10,
  workerMaxConcurrency: 5,
} as const;

export const PLACEHOLDER_ACCOUNT_SID = `AC${'0'.repeat(32)}`;

export class DeploySettingsError extends Error {
  override readonly name = 'DeploySettingsError';
  constructor(key: string, problem: string) {
    super(`CDK context ${key}: ${problem}`);
  }
}

/** Context reader: `app.node.tryGetContext` in app.ts, a plain object in tests. */
export type ContextReader = (key: string) => unknown;

function text(get: ContextReader, key: string): string | undefined {
  const value = get(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new DeploySettingsError(key, `must be a string, got ${typeof value}`);
  return value.trim();
}

function positiveInt(get: ContextReader, key: string, fallback: number): number {
  const raw = get(key);
  if (raw === undefined || raw === null || raw === '') return fallback;
  const n = typeof raw === 'number' ? raw : Number(raw);
  if (!Number.isInteger(n) || n <= 0)
    throw new DeploySettingsError(key, `must be a positive integer, got "${raw}"`);
  return n;
}

/** A Twilio number of the center and the flow (flows/index.ts) it runs. */
export interface HotlineAssignment {
  readonly number: string;
  readonly flow: string;
}

const E164 = /^\+[1-9]\d{6,14}$/;
/** North America's fictional range, +1 NXX 555-0100 to 0199: never a real line. */
const FICTIONAL = /^\+1\d{3}55501\d{2}$/;
const DEMO = new Set<string>(HOTLINE_NUMBERS.map((n) => n.number));

/** A real, usable number or an error naming the key: E.164, not fictional, not the local demo data. */
function realNumber(key: string, value: unknown): string {
  const n = typeof value === 'string' ? value.trim() : '';
  if (!E164.test(n))
    throw new DeploySettingsError(key, `"${String(value)}" is not an E.164 number (+ and digits)`);
  if (FICTIONAL.test(n) || DEMO.has(n))
    throw new DeploySettingsError(
      key,
      `${n} is a fictional 555 demo number (local stack only); give a number bought in your Twilio account`,
    );
  return n;
}

/** `numbers`: a list of {number, flow} (cdk.json), or the same list as a JSON string (`-c numbers='[…]'`). */
function hotlines(get: ContextReader): HotlineAssignment[] {
  if (get('phoneNumbers') !== undefined)
    throw new DeploySettingsError(
      'phoneNumbers',
      'is replaced by "numbers": a list of {"number": "+E164", "flow": "<flow name>"} (docs/deploy.md)',
    );
  let raw = get('numbers');
  if (raw === undefined || raw === null || raw === '') return [];
  if (typeof raw === 'string') {
    try {
      raw = JSON.parse(raw);
    } catch {
      throw new DeploySettingsError('numbers', 'must be a JSON list of {"number", "flow"}');
    }
  }
  if (!Array.isArray(raw)) throw new DeploySettingsError('numbers', 'must be a list of {"number", "flow"}');
  const seen = new Set<string>();
  return raw.map((entry: unknown, i) => {
    const { number, flow } = (entry ?? {}) as { number?: unknown; flow?: unknown };
    const n = realNumber(`numbers[${i}].number`, number);
    if (seen.has(n)) throw new DeploySettingsError(`numbers[${i}].number`, `${n} is listed twice`);
    seen.add(n);
    if (typeof flow !== 'string' || !Object.hasOwn(flows, flow))
      throw new DeploySettingsError(
        `numbers[${i}].flow`,
        `"${String(flow)}" is not a flow; one of ${Object.keys(flows).join(', ')}`,
      );
    return { number: n, flow };
  });
}

/** `smsFrom` or `callbackCallerId`: one of the configured numbers (Twilio sends only from the account's). */
function senderAmong(get: ContextReader, key: string, numbers: readonly HotlineAssignment[]) {
  const raw = text(get, key);
  if (raw === undefined) return undefined;
  const n = realNumber(key, raw);
  if (!numbers.some((h) => h.number === n))
    throw new DeploySettingsError(key, `${n} is not among "numbers"; list it there with its flow`);
  return n;
}

/**
 * The numbers as the functions read them (functions/config.ts): HOTLINES, SMS_FROM_NUMBER and
 * CALLBACK_CALLER_ID; nothing when no numbers are configured (a synth without a Twilio account).
 */
export function numbersEnvironment(settings: DeploySettings): Record<string, string> {
  if (!settings.phoneNumbers.length) return {};
  return {
    HOTLINES: settings.phoneNumbers.map((n) => `${n.number}=${n.flow}`).join(','),
    ...(settings.smsFrom ? { SMS_FROM_NUMBER: settings.smsFrom } : {}),
    ...(settings.callbackCallerId ? { CALLBACK_CALLER_ID: settings.callbackCallerId } : {}),
  };
}

function numbersBlock(get: ContextReader, twilioAccountSid: string) {
  const phoneNumbers = hotlines(get);
  if (!phoneNumbers.length && twilioAccountSid !== PLACEHOLDER_ACCOUNT_SID)
    throw new DeploySettingsError(
      'numbers',
      'is required with a Twilio account: list each number and its flow, e.g. [{"number":"+<your number>","flow":"warranty"}]',
    );
  const smsFrom = senderAmong(get, 'smsFrom', phoneNumbers) ?? phoneNumbers[0]?.number;
  const callbackCallerId = senderAmong(get, 'callbackCallerId', phoneNumbers) ?? smsFrom;
  const apiKeySecret = text(get, 'twilioApiKeySecretName');
  return {
    phoneNumbers,
    ...(smsFrom ? { smsFrom } : {}),
    ...(callbackCallerId ? { callbackCallerId } : {}),
    ...(apiKeySecret ? { twilioApiKeySecretName: apiKeySecret } : {}),
  };
}

function domain(get: ContextReader): DeploySettings['domain'] {
  const name = text(get, 'domainName');
  const certificateArn = text(get, 'certificateArn');
  if (!name && !certificateArn) return undefined;
  if (!name || !certificateArn) {
    throw new DeploySettingsError(
      name ? 'certificateArn' : 'domainName',
      'domainName and certificateArn go together',
    );
  }
  if (!/^arn:aws[\w-]*:acm:us-east-1:/.test(certificateArn)) {
    throw new DeploySettingsError('certificateArn', 'must be an ACM certificate in us-east-1 (CloudFront)');
  }
  return { name, certificateArn };
}

export function parseDeploySettings(get: ContextReader): DeploySettings {
  const twilioAccountSid = text(get, 'twilioAccountSid') ?? PLACEHOLDER_ACCOUNT_SID;
  if (!/^AC[0-9a-f]{32}$/.test(twilioAccountSid)) {
    throw new DeploySettingsError(
      'twilioAccountSid',
      'must be "AC" followed by 32 lower-case hex characters',
    );
  }
  const recordingArchiveDays = positiveInt(get, 'recordingArchiveDays', 90);
  const recordingRetentionDays = positiveInt(get, 'recordingRetentionDays', 730);
  // Glacier Instant Retrieval bills 90 days minimum; expiring sooner after archiving wastes money.
  if (recordingRetentionDays < recordingArchiveDays + 90) {
    throw new DeploySettingsError('recordingRetentionDays', 'must be at least recordingArchiveDays + 90');
  }
  const phoneRegion = text(get, 'phoneRegion') ?? 'CN';
  if (!/^[A-Z]{2}$/.test(phoneRegion)) throw new DeploySettingsError('phoneRegion', 'must be two capitals');
  const alarmEmail = text(get, 'alarmEmail');
  const mailFrom = text(get, 'mailFrom');
  const mailDomain = mailFrom && /^[^@\s<>]+@((?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,})$/.exec(mailFrom)?.[1];
  if (mailFrom && !mailDomain)
    throw new DeploySettingsError('mailFrom', `"${mailFrom}" is not an email address`);
  const adminId = text(get, 'adminId') ?? 'admin';
  if (!USER_ID_PATTERN.test(adminId))
    throw new DeploySettingsError('adminId', `"${adminId}" is not a login id (${USER_ID_RULE})`);
  const d = domain(get);
  return {
    twilioAccountSid,
    adminId,
    twilioAuthTokenSecretName: text(get, 'twilioAuthTokenSecretName') ?? 'contact-center/twilio-auth-token',
    ...numbersBlock(get, twilioAccountSid),
    ...(d ? { domain: d } : {}),
    recordingArchiveDays,
    recordingRetentionDays,
    accessLogRetentionDays: positiveInt(get, 'accessLogRetentionDays', 365),
    ...(alarmEmail ? { alarmEmail } : {}),
    ...(mailFrom && mailDomain ? { mailFrom: { address: mailFrom, domain: mailDomain.toLowerCase() } } : {}),
    timeZone: text(get, 'timeZone') ?? 'Asia/Shanghai',
    phoneRegion,
    apiRateLimit: positiveInt(get, 'apiRateLimit', 50),
    apiBurstLimit: positiveInt(get, 'apiBurstLimit', 100),
    ...operationsSettings(get, recordingRetentionDays),
  };
}

/** The limits and the recordings lock: only the keys given, so the defaults stay in one place. */
function operationsSettings(get: ContextReader, recordingRetentionDays: number): Partial<DeploySettings> {
  const given = (key: string) => {
    const raw = get(key);
    return raw !== undefined && raw !== null && raw !== '';
  };
  const out: { -readonly [K in keyof DeploySettings]?: DeploySettings[K] } = {};
  for (const key of ['webhookRateLimit', 'webhookBurstLimit', 'loginRateLimit', 'loginBurstLimit'] as const)
    if (given(key)) out[key] = positiveInt(get, key, 0);
  for (const key of ['webhookConcurrency', 'pushConcurrency'] as const) {
    if (!given(key)) continue;
    const raw = get(key);
    const n = typeof raw === 'number' ? raw : Number(raw);
    if (!Number.isInteger(n) || n < 0)
      throw new DeploySettingsError(key, `must be 0 (none reserved) or more, got "${raw}"`);
    out[key] = n;
  }
  if (given('workerMaxConcurrency')) {
    const n = positiveInt(get, 'workerMaxConcurrency', 0);
    // The limits SQS event sources accept.
    if (n < 2 || n > 1000) throw new DeploySettingsError('workerMaxConcurrency', 'must be from 2 to 1000');
    out.workerMaxConcurrency = n;
  }
  if (given('recordingLockDays')) {
    const days = positiveInt(get, 'recordingLockDays', 0);
    // A lock outlasting the retention would keep recordings past the date the center promised to delete them.
    if (days > recordingRetentionDays)
      throw new DeploySettingsError('recordingLockDays', 'must be at most recordingRetentionDays');
    out.recordingLockDays = days;
  }
  const mode = text(get, 'recordingLockMode');
  if (mode !== undefined) {
    if (mode !== 'governance' && mode !== 'compliance')
      throw new DeploySettingsError('recordingLockMode', 'must be "governance" or "compliance"');
    out.recordingLockMode = mode;
  }
  return out;
}
