// What the sim API shows of a call and a message: camelCase JSON for the phone page and tests.
import type { Message } from '../messaging/messaging-engine.js';
import type { VoiceEngine } from '../voice/engine.js';
import type { Call } from '../voice/types.js';

export function callView(engine: VoiceEngine, call: Call) {
  return {
    callSid: call.sid,
    from: call.from,
    to: call.to,
    direction: call.direction,
    status: call.status,
    parentCallSid: call.parentCallSid ?? null,
    heard: call.heard.map((h) => ({
      verb: h.verb,
      text: h.text,
      ...(h.language ? { language: h.language } : {}),
      ...(h.voice ? { voice: h.voice } : {}),
      ...(h.loop ? { loop: h.loop } : {}),
    })),
    waitingFor: engine.isEnded(call) ? 'nothing' : call.waitingFor,
    queueSid: call.queueSid ?? null,
    conferenceSid: call.conferenceSid ?? null,
    bridgedTo: call.bridgedTo ?? null,
    legs: [...engine.calls.values()].filter((c) => c.parentCallSid === call.sid).map((c) => c.sid),
  };
}

export function messageView(m: Message) {
  return {
    messageSid: m.sid,
    from: m.from,
    to: m.to,
    body: m.body,
    mediaUrls: m.mediaUrls,
    direction: m.direction,
    status: m.status,
    errorCode: m.errorCode ?? null,
  };
}
