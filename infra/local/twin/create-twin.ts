// The whole Twilio twin in one object: the voice and messaging engine, the TaskRouter engine wired to
// it, their REST APIs at Twilio's paths under `/twin` (the official client is rebased there), the
// simulation API under `/sim`, and the agent link for browsers. Both engines run on one TimerClock.
import { Hono } from 'hono';
import type { TimerClock } from '../../../functions/domain/manual-clock.js';
import { type AgentLink, createAgentLink } from './agent-link/agent-link.js';
import { createIntelligenceTwin } from './intelligence.js';
import { createKeysRestApp } from './keys-rest.js';
import type { TwinAccount } from './ports.js';
import { TaskRouterEngine } from './taskrouter/engine.js';
import { createTaskRouterRestApp } from './taskrouter/rest/app.js';
import { createVoiceTwin, type VoiceTwin } from './voice/create-voice-twin.js';
import { createTwinLog } from './webhooks/twin-log.js';
import { createWebhookSender } from './webhooks/webhook-sender.js';

export interface TwinOptions {
  readonly account: TwinAccount;
  readonly clock: TimerClock;
  /** Where the twin is served, e.g. http://127.0.0.1:3000 (read lazily: a port-0 server learns it late). */
  readonly serverUrl: () => string;
  /** API keys (SK… -> secret) whose Access Tokens the agent link accepts. */
  readonly signingKeys: ReadonlyMap<string, string>;
  readonly webhookTimeoutMs?: number;
  /** How webhooks go out; default the global fetch. The local stack hands its own server's in process. */
  readonly webhookFetch?: typeof fetch;
}

export interface Twin {
  readonly voice: VoiceTwin;
  readonly taskrouter: TaskRouterEngine;
  readonly agentLink: AgentLink;
  /** Serves `/twin/api/2010-04-01/...`, `/twin/taskrouter/v1/...` and `/sim/...`. */
  readonly app: Hono;
  /** Base URL for `createTwilioClient({ apiBaseUrl })`. */
  apiBaseUrl(): string;
  /** Resolves once no call step, webhook, callback or instruction is in flight. */
  settle(): Promise<void>;
  /** Whether any of that work is in flight right now (no waiting). */
  busy(): boolean;
  /** Told after anything in the twin changed (every logged step and every TaskRouter event): saving hooks here. */
  onChange(listener: () => void): () => void;
  close(): Promise<void>;
}

export const TWIN_PREFIX = '/twin';

export function createTwin(options: TwinOptions): Twin {
  const apiBaseUrl = () => `${options.serverUrl()}${TWIN_PREFIX}`;
  const changeListeners = new Set<() => void>();
  const changed = () => {
    for (const listener of changeListeners) listener();
  };
  // Every call step, webhook and error goes through the log, which makes it the place to notice change.
  const baseLog = createTwinLog({ clock: options.clock });
  const log = {
    ...baseLog,
    append: (entry: Parameters<typeof baseLog.append>[0]) => {
      baseLog.append(entry);
      changed();
    },
  };
  const voice = createVoiceTwin({
    account: options.account,
    clock: options.clock,
    log,
    baseUrl: apiBaseUrl,
    webhooks: createWebhookSender({
      account: options.account,
      log,
      ...(options.webhookTimeoutMs !== undefined ? { timeoutMs: options.webhookTimeoutMs } : {}),
      ...(options.webhookFetch ? { fetch: options.webhookFetch } : {}),
    }),
  });
  const taskrouter = new TaskRouterEngine({ ...voice.context, voice: voice.voicePort });
  voice.setTaskRouter(taskrouter);
  taskrouter.core.listeners.add(changed);
  // Keys created through the REST API sign tokens the agent link must accept too.
  const signingKeys = new Map(options.signingKeys);
  const agentLink = createAgentLink({
    accountSid: options.account.accountSid,
    signingKeys,
    now: () => options.clock.now(),
    voice: voice.voice,
    parties: voice.parties,
    taskrouter,
  });

  const app = new Hono();
  app.route(
    `${TWIN_PREFIX}/api`,
    createKeysRestApp({ account: options.account, signingKeys, now: () => options.clock.now() }),
  );
  app.route(`${TWIN_PREFIX}/api`, voice.api);
  app.route(`${TWIN_PREFIX}/taskrouter`, createTaskRouterRestApp(taskrouter, options.account));
  app.route('/sim', voice.sim);
  const intelligence = createIntelligenceTwin();
  app.route(`${TWIN_PREFIX}/intelligence`, intelligence.api);
  app.route('/sim', intelligence.sim);
  // Registered last: reached only when no simulation route matched, and answered in JSON as they are.
  app.all('/sim/*', (c) =>
    c.json(
      {
        error: `No simulation route ${c.req.method} ${c.req.path}: the routes are listed in docs/local-stack.md.`,
      },
      404,
    ),
  );

  async function settle(): Promise<void> {
    // Each engine's work can start the other's (an Enqueue creates a task; a reservation dials a client).
    for (let round = 0; round < 20; round++) {
      await voice.idle();
      await taskrouter.settle();
      if (taskrouter.core.inflight.size === 0) {
        await voice.idle();
        return;
      }
    }
  }

  return {
    voice,
    taskrouter,
    agentLink,
    app,
    apiBaseUrl,
    settle,
    busy: () => voice.voice.busy.isBusy() || taskrouter.core.inflight.size > 0,
    onChange(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    close: () => agentLink.close(),
  };
}
