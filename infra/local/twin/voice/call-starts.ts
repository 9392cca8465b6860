// How calls begin: an inbound call to a configured number (its voice URL, fallback and status callback, or its
// Application's), and an outbound call placed through REST or a TaskRouter call instruction, which fetches its
// Url once the callee answers (docs/twilio-behaviour.md §1.1, §1.3, §1.5), after answering-machine detection
// when asked for (amd.ts).
import { type AmdSettings, answerWithAmd } from './amd.js';
import { calleeRunsTwiml } from './callees.js';
import type { VoiceEngine } from './engine.js';
import { ringLeg } from './legs.js';
import type { Call, HttpMethod, Navigation, Params, RecordSettings, StatusCallbackConfig } from './types.js';

export type ReceiveResult =
  | { readonly ok: true; readonly call: Call }
  | { readonly ok: false; readonly reason: 'number-not-configured' | 'no-voice-url' };

export function receiveCall(
  engine: VoiceEngine,
  input: { readonly from: string; readonly to: string; readonly extraParams?: Params },
): ReceiveResult {
  const pn = engine.deps.numbers.byNumber(input.to);
  if (!pn) return { ok: false, reason: 'number-not-configured' };
  const s = engine.deps.numbers.voiceSettings(pn);
  if (!s.voiceUrl) return { ok: false, reason: 'no-voice-url' };
  const call = engine.createCall({
    from: input.from,
    to: input.to,
    direction: 'inbound',
    status: 'ringing',
    ...(input.extraParams ? { extraParams: input.extraParams } : {}),
    ...(s.statusCallback
      ? {
          statusCallback: {
            url: s.statusCallback,
            method: s.statusCallbackMethod,
            events: new Set(['completed'] as const),
          },
        }
      : {}),
    // An Application's own VoiceFallbackUrl applies; only a REST FallbackUrl next to ApplicationSid is ignored.
    ...(s.voiceFallbackUrl ? { fallback: { url: s.voiceFallbackUrl, method: s.voiceFallbackMethod } } : {}),
    ...(s.applicationSid ? { applicationSid: s.applicationSid } : {}),
  });
  void engine.run(call, { kind: 'url', url: s.voiceUrl, method: s.voiceMethod }, true);
  return { ok: true, call };
}

export interface PlaceCallInput {
  readonly from: string;
  readonly to: string;
  readonly nav: Navigation;
  readonly statusCallback?: StatusCallbackConfig;
  readonly fallback?: { readonly url: string; readonly method: HttpMethod };
  readonly record?: RecordSettings;
  readonly timeoutSeconds?: number;
  readonly applicationSid?: string;
  readonly machineDetection?: AmdSettings;
}

export function placeCall(engine: VoiceEngine, input: PlaceCallInput): Call {
  const leg = ringLeg(engine, {
    from: input.from,
    to: input.to,
    direction: 'outbound-api',
    timeoutSeconds: input.timeoutSeconds ?? 60,
    queuedFirst: true,
    ...(input.statusCallback ? { statusCallback: input.statusCallback } : {}),
    init: {
      ...(input.fallback ? { fallback: input.fallback } : {}),
      ...(input.record ? { recordCall: input.record } : {}),
      ...(input.applicationSid ? { applicationSid: input.applicationSid } : {}),
    },
  });
  void leg.outcome.then((o) => {
    if (o !== 'answered') return;
    if (input.machineDetection) return answerWithAmd(engine, leg.call, input.nav, input.machineDetection);
    calleeRunsTwiml(engine, leg.call);
    return engine.run(leg.call, input.nav, true);
  });
  return leg.call;
}
