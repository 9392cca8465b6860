// The real app over a real Store (dynalite, or DYNAMODB_ENDPOINT) with a manual clock, seeded users
// of every role, and helpers to log in, call /api and send signed Twilio webhooks.

import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import { routing as routingConfig } from '../../flows/routing.js';
import { createTwilioClient } from '../../functions/adapters/twilio/client.js';
import { twilioAgentWorkers } from '../../functions/adapters/twilio/provision-taskrouter.js';
import { createTwilioPorts } from '../../functions/adapters/twilio/twilio-ports.js';
import type { AppConfig } from '../../functions/config.js';
import type { Role } from '../../functions/domain/model.js';
import { hashPassword } from '../../functions/domain/password.js';
import type { Store } from '../../functions/domain/ports.js';
import { createApp } from '../../functions/http/app.js';
import type { AppDeps } from '../../functions/http/deps.js';
import { type CapturingLogger, createCapturingLogger } from '../support/capturing-logger.js';
import { createTestStore, type TestStore } from '../support/dynamo.js';
import { fakeChannels } from './channel-role-rows.js';

export const TWILIO_TOKEN = '0123456789abcdef0123456789abcdef';
export const PUBLIC_BASE_URL = 'https://cc.example.com';
export const PASSWORD = 'correct horse battery';
export const SESSION_TTL_SECONDS = 3600;

/** One enabled user per role, plus a disabled agent. */
export const USERS = {
  agent: { id: '1001', roles: ['agent'] },
  supervisor: { id: 'sup1', roles: ['supervisor'] },
  admin: { id: 'admin', roles: ['admin'] },
  disabled: { id: '1099', roles: ['agent'] },
} as const satisfies Record<string, { id: string; roles: readonly Role[] }>;

export type Who = 'anonymous' | 'agent' | 'supervisor' | 'admin';

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies
  readonly body: any;
}

export interface Harness extends TestStore {
  readonly app: ReturnType<typeof createApp>;
  readonly deps: AppDeps;
  readonly config: AppConfig;
  /** What the app logged (deps.logger). */
  readonly logger: CapturingLogger;
  /** Session tokens for each seeded role, taken at setup. */
  readonly tokens: Record<Exclude<Who, 'anonymous'>, string>;
  login(id: string, password?: string, headers?: Record<string, string>): Promise<Reply>;
  api(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Reply>;
  as(who: Who, method: string, path: string, body?: unknown): Promise<Reply>;
  twilio(
    path: string,
    params: Record<string, string | string[]>,
    options?: { signature?: string | null; requestBase?: string },
  ): Promise<Response>;
}

export function testConfig(tableName: string): AppConfig {
  return {
    publicBaseUrl: PUBLIC_BASE_URL,
    webhookBaseUrl: PUBLIC_BASE_URL,
    twilio: { accountSid: `AC${'0'.repeat(32)}`, authToken: { source: 'inline', value: TWILIO_TOKEN } },
    tableName,
    bucketName: 'recordings',
    region: 'us-east-1',
    defaultPhoneRegion: 'CN',
    timeZone: 'Asia/Shanghai',
    session: { key: { source: 'inline', value: 'test-session-key' }, ttlSeconds: SESSION_TTL_SECONDS },
  };
}

async function seedUsers(store: Store): Promise<void> {
  const passwordHash = await hashPassword(PASSWORD);
  for (const [name, user] of Object.entries(USERS)) {
    const result = await store.users.create({
      id: user.id,
      name: `Test ${name}`,
      roles: user.roles,
      skills: ['claims'],
      languages: ['zh', 'en'],
      regions: [],
      disabled: name === 'disabled',
      passwordHash,
    });
    if (!result.ok) throw new Error(`seeding ${user.id}: ${result.reason}`);
  }
}

async function reply(res: Response): Promise<Reply> {
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, headers: res.headers, body };
}

export interface HarnessOptions {
  /** Give the app in-memory channel dependencies (recordings, SMS, voicemail, dead letters, outbox). */
  readonly channels?: boolean;
  /** Where pages open the push channel (POST /api/push); without it that route answers 409. */
  readonly pushUrl?: string;
}

export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const ts = await createTestStore();
  const config: AppConfig = {
    ...testConfig(ts.tableName),
    ...(options.pushUrl ? { push: { url: options.pushUrl } } : {}),
  };
  const logger = createCapturingLogger();
  const deps: AppDeps = {
    config,
    secrets: { twilioAuthToken: TWILIO_TOKEN, sessionKey: 'test-session-key' },
    store: ts.store,
    clock: ts.clock,
    logger,
    // Nothing listens here: these tests cover routes that do not call Twilio's REST API.
    agentWorkers: twilioAgentWorkers(
      createTwilioClient({
        accountSid: config.twilio.accountSid,
        authToken: TWILIO_TOKEN,
        apiBaseUrl: 'http://127.0.0.1:9',
      }),
      ts.store,
      routingConfig,
    ),
    ...createTwilioPorts({
      accountSid: config.twilio.accountSid,
      authToken: TWILIO_TOKEN,
      apiBaseUrl: 'http://127.0.0.1:9',
    }),
    ...(options.channels ? { channels: fakeChannels(ts.clock) } : {}),
  };
  const app = createApp(deps);
  await seedUsers(ts.store);

  const api: Harness['api'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    }
    return reply(await app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) }));
  };
  const login: Harness['login'] = (id, password = PASSWORD, headers = {}) =>
    api('POST', '/api/auth/login', { body: { id, password }, headers });

  const tokens = {} as Record<Exclude<Who, 'anonymous'>, string>;
  for (const who of ['agent', 'supervisor', 'admin'] as const) {
    const res = await login(USERS[who].id);
    if (res.status !== 200) throw new Error(`login ${who}: ${res.status} ${JSON.stringify(res.body)}`);
    tokens[who] = res.body.token;
  }

  return {
    ...ts,
    app,
    deps,
    config,
    logger,
    tokens,
    login,
    api,
    as: (who, method, path, body) =>
      api(method, path, { ...(who === 'anonymous' ? {} : { token: tokens[who] }), body }),
    twilio: (path, params, options = {}) => {
      const form = new URLSearchParams();
      for (const [key, value] of Object.entries(params)) {
        for (const v of Array.isArray(value) ? value : [value]) form.append(key, v);
      }
      const signature =
        options.signature === undefined
          ? getExpectedTwilioSignature(TWILIO_TOKEN, `${PUBLIC_BASE_URL}${path}`, params)
          : options.signature;
      const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
      if (signature !== null) headers['x-twilio-signature'] = signature;
      // Requests arrive at an internal host, as behind API Gateway; the signature is for the public URL.
      const base = options.requestBase ?? 'http://lambda.internal';
      return Promise.resolve(
        app.request(`${base}${path}`, { method: 'POST', headers, body: form.toString() }),
      );
    },
  };
}
