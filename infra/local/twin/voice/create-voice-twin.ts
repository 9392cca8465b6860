// Assembles the twin's voice and messaging side: log, webhook sender, numbers and applications, parties, the
// voice and messaging engines, the VoicePort for TaskRouter, the REST sub-app (mount at /api) and the sim
// sub-app (mount at /sim).
//
// Wiring with the TaskRouter engine (built second, because it needs the VoicePort):
//   const twin = createVoiceTwin({ account, clock, baseUrl: () => publicUrl });
//   const taskrouter = createTaskRouterEngine({ ...twin.context, voice: twin.voicePort });
//   twin.setTaskRouter(taskrouter);          // the TaskRouterPort used by <Enqueue workflowSid>
//   root.route('/api', twin.api); root.route('/sim', twin.sim);
//   twin.numbers.addNumber('+18005550100', { voiceUrl: `${appUrl}/twilio/voice`, smsUrl: `${appUrl}/twilio/sms` });
import type { TimerClock } from '../../../../functions/domain/manual-clock.js';
import { MessagingEngine, type MessagingTiming } from '../messaging/messaging-engine.js';
import type {
  TaskRouterPort,
  TwinAccount,
  TwinContext,
  TwinLog,
  VoicePort,
  WebhookSender,
} from '../ports.js';
import { createSimApp } from '../sim/sim-app.js';
import { createTwinLog } from '../webhooks/twin-log.js';
import { createWebhookSender } from '../webhooks/webhook-sender.js';
import { loadDocument, runCall } from './call-runner.js';
import { type Timing, VoiceEngine } from './engine.js';
import { PartyRegistry } from './parties.js';
import { PhoneNumberStore } from './phone-numbers.js';
import { createTwilioApiApp } from './rest/rest-app.js';
import { runDocument } from './verbs/run-verbs.js';
import { createVoicePort } from './voice-port.js';

export interface VoiceTwinOptions {
  readonly account: TwinAccount;
  readonly clock: TimerClock;
  /** The twin's public base URL (where /api is mounted), read lazily so a port-0 server can fill it in. */
  readonly baseUrl: () => string;
  /** Webhook time limit; Twilio's is 15 s. */
  readonly webhookTimeoutMs?: number;
  readonly log?: TwinLog;
  readonly webhooks?: WebhookSender;
  readonly timing?: Partial<Timing>;
  readonly messagingTiming?: Partial<MessagingTiming>;
  readonly taskRouter?: TaskRouterPort;
}

export function createVoiceTwin(options: VoiceTwinOptions) {
  const log = options.log ?? createTwinLog({ clock: options.clock });
  const webhooks =
    options.webhooks ??
    createWebhookSender({
      account: options.account,
      log,
      ...(options.webhookTimeoutMs !== undefined ? { timeoutMs: options.webhookTimeoutMs } : {}),
    });
  const context: TwinContext = { account: options.account, clock: options.clock, webhooks, log };
  const numbers = new PhoneNumberStore(() => options.clock.now());
  const parties = new PartyRegistry();
  let taskRouter = options.taskRouter;
  const voice = new VoiceEngine({
    ctx: context,
    numbers,
    parties,
    taskRouter: () => taskRouter,
    baseUrl: options.baseUrl,
    ...(options.timing ? { timing: options.timing } : {}),
    documents: { runCall, loadDocument, runDocument },
  });
  const messaging = new MessagingEngine({
    ctx: context,
    numbers,
    busy: voice.busy,
    ...(options.messagingTiming ? { timing: options.messagingTiming } : {}),
  });
  const voicePort: VoicePort = createVoicePort(voice);
  return {
    context,
    log,
    webhooks,
    numbers,
    parties,
    voice,
    messaging,
    voicePort,
    api: createTwilioApiApp({ voice, messaging }),
    sim: createSimApp({ voice, messaging, log, clock: options.clock }),
    setTaskRouter(port: TaskRouterPort) {
      taskRouter = port;
    },
    /** Resolves once no webhook or call step is in flight. */
    idle: () => voice.idle(),
  };
}

export type VoiceTwin = ReturnType<typeof createVoiceTwin>;
